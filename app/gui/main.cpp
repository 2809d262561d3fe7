// SPDX-License-Identifier: GPL-3.0-or-later
// clusterwright: the planning workspace.
#include "mainwindow.h"

#include "catalog/catalog.h"
#include "document/plandocument.h"
#include "i18n/translations.h"
#include "io/planreader.h"
#include "io/summary.h"
#include "resources/embedded.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPixmap>
#include <QTimer>

#include <cstdio>
#include <iostream>

using namespace cw;

namespace {

std::unique_ptr<document::PlanDocument> defaultDocument(const catalog::Catalog& cat)
{
    const auto text = resources::file("examples/genai-platform.yaml");
    if (!text)
        return document::PlanDocument::fromPlan({}, cat);
    auto r = io::readPlanText(*text, "genai-platform.yaml");
    return document::PlanDocument::fromPlan(r.plan.value_or(model::Plan{}), cat);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Clusterwright"));
    QApplication::setOrganizationName(QStringLiteral("Clusterwright"));
    QApplication::setApplicationVersion(QStringLiteral(CW_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.clusterwright.Clusterwright"));

    QStringList arguments = QApplication::arguments();
    QString lang;
    for (int i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--lang"))
            lang = arguments[i + 1];
    }
    i18n::installTranslators(lang);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Plan, price and export Kubernetes clusters for AI workloads on GKE and EKS."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("plan"), QCoreApplication::translate("main", "The plan file to open; without one, the bundled example plan."), QStringLiteral("[PLAN]"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QCoreApplication::translate("main", "Render the main window to FILE (PNG), print the plan summary and exit."), QStringLiteral("FILE"));
    QCommandLineOption view(QStringLiteral("view"), QCoreApplication::translate("main", "The view to render with --screenshot."), QStringLiteral("VIEW"), QStringLiteral("canvas"));
    QCommandLineOption langOption(QStringLiteral("lang"), QCoreApplication::translate("main", "Language: de, ja or en (default: the system locale)."), QStringLiteral("LANG"));
    QCommandLineOption catalogOption(QStringLiteral("catalog"), QCoreApplication::translate("main", "Merge a catalog override FILE on top of the embedded catalog."), QStringLiteral("FILE"));
    parser.addOptions({screenshot, view, langOption, catalogOption});
    parser.process(app);

    std::vector<std::string> overrides = catalog::Catalog::userOverrideFiles();
    for (const QString& f : parser.values(catalogOption))
        overrides.push_back(f.toStdString());
    diag::Diagnostics catalogDiags;
    const catalog::Catalog cat = catalog::Catalog::load(overrides, catalogDiags);
    for (const auto& d : catalogDiags.items())
        std::cerr << d.format() << '\n';
    if (catalogDiags.hasErrors())
        return 2;

    gui::MainWindow window(cat);
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        QString error;
        diag::Diagnostics diags;
        auto doc = document::PlanDocument::open(positional.first(), cat, &error, &diags);
        if (!doc) {
            for (const auto& d : diags.items())
                std::cerr << d.format() << '\n';
            if (parser.isSet(screenshot))
                return 1;
            window.setDocument(defaultDocument(cat));
            window.show();
            window.openFile(positional.first()); // shows the error in the window
            return app.exec();
        }
        window.setDocument(std::move(doc));
    } else {
        window.setDocument(defaultDocument(cat));
    }

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        const QString which = parser.value(view);
        if (which == QLatin1String("compare")) {
            window.showComparison(true);
        } else if (which != QLatin1String("canvas")) {
            std::cerr << "clusterwright: unknown view '" << which.toStdString() << "'; available: canvas, compare\n";
            return 2;
        }
        window.show();
        QApplication::processEvents();
        const QPixmap pixmap = window.grab();
        if (pixmap.isNull() || !pixmap.save(file, "PNG")) {
            std::cerr << "clusterwright: cannot write " << file.toStdString() << '\n';
            return 2;
        }
        const std::string summary = io::planSummary(window.document()->plan(), cat);
        std::fwrite(summary.data(), 1, summary.size(), stdout);
        std::printf("Screenshot written to %s\n", QDir::toNativeSeparators(QFileInfo(file).absoluteFilePath()).toLocal8Bit().constData());
        return 0;
    }
    window.show();
    return app.exec();
}
