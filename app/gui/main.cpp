// SPDX-License-Identifier: GPL-3.0-or-later
// clusterwright [PLAN] [--screenshot FILE [--view NAME]] [--lang de|ja|en] [--theme system|light|dark]
#include "catalog/catalog.h"
#include "document/plandocument.h"
#include "i18n/translations.h"
#include "io/planreader.h"
#include "io/summary.h"
#include "mainwindow.h"
#include "resources/embedded.h"
#include "settings.h"
#include "theme.h"
#include "viewregistry.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QSaveFile>
#include <QTimer>

#include <iostream>

using namespace cw;

namespace {

constexpr const char* kDefaultExample = "genai-platform.yaml";

void printError(const QString& message)
{
    std::cerr << "clusterwright: " << message.toStdString() << '\n';
}

// A screenshot needs no display: without one (and without a platform chosen), render offscreen
// instead of failing to connect to a display server.
void offscreenForScreenshotWithoutDisplay(int argc, char** argv)
{
    bool shooting = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        shooting = shooting || a == "--screenshot" || a.startsWith("--screenshot=");
    }
    if (shooting && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

} // namespace

int main(int argc, char** argv)
{
    offscreenForScreenshotWithoutDisplay(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Clusterwright"));
    QApplication::setOrganizationName(QStringLiteral("Clusterwright"));
    QApplication::setApplicationVersion(QStringLiteral(CW_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.clusterwright.Clusterwright"));

    // The language first, so that --help is translated too.
    const QStringList arguments = QApplication::arguments();
    QString lang = gui::Settings::language();
    for (int i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--lang"))
            lang = arguments[i + 1];
    }
    i18n::installTranslators(lang);

    const QStringList views = gui::ViewRegistry::instance().names();
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Plan, price and export Kubernetes clusters for AI workloads on GKE and EKS."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("plan"),
                                 QCoreApplication::translate("main", "The plan file to open; without one, the bundled example plan."),
                                 QStringLiteral("[PLAN]"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QCoreApplication::translate("main", "Render the main window (or the report page) to FILE as PNG and exit."),
                                  QStringLiteral("FILE"));
    QCommandLineOption view(QStringLiteral("view"),
                            QCoreApplication::translate("main", "The view to render with --screenshot: %1.").arg(views.join(QStringLiteral(", "))),
                            QStringLiteral("VIEW"), QStringLiteral("canvas"));
    QCommandLineOption langOption(QStringLiteral("lang"), QCoreApplication::translate("main", "Language: de, ja or en (default: the system locale)."),
                                  QStringLiteral("LANG"));
    QCommandLineOption themeOption(QStringLiteral("theme"), QCoreApplication::translate("main", "Theme: system, light or dark (default: the preference)."),
                                   QStringLiteral("THEME"));
    QCommandLineOption catalogOption(QStringLiteral("catalog"), QCoreApplication::translate("main", "Merge a catalog override FILE on top of the embedded catalog."),
                                     QStringLiteral("FILE"));
    parser.addOptions({screenshot, view, langOption, themeOption, catalogOption});
    parser.process(app);

    const bool shooting = parser.isSet(screenshot);
    if (parser.isSet(view) && !views.contains(parser.value(view))) {
        printError(QCoreApplication::translate("main", "unknown view '%1'; available: %2").arg(parser.value(view), views.join(QStringLiteral(", "))));
        return 2;
    }
    gui::Theme theme = gui::Settings::theme();
    if (parser.isSet(themeOption)) {
        const QString t = parser.value(themeOption);
        if (t == QLatin1String("light"))
            theme = gui::Theme::Light;
        else if (t == QLatin1String("dark"))
            theme = gui::Theme::Dark;
        else if (t == QLatin1String("system"))
            theme = gui::Theme::System;
        else {
            printError(QCoreApplication::translate("main", "unknown theme '%1'; available: system, light, dark").arg(t));
            return 2;
        }
    } else if (shooting) {
        theme = gui::Theme::Light; // screenshots do not depend on this machine's preference
    }
    gui::applyTheme(theme);

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
    bool opened = false;
    if (!positional.isEmpty()) {
        QString error;
        diag::Diagnostics diags;
        auto doc = document::PlanDocument::open(positional.first(), cat, &error, &diags);
        if (doc) {
            gui::Settings::addRecentFile(positional.first());
            window.setDocument(std::move(doc));
            opened = true;
        } else {
            for (const auto& d : diags.items())
                std::cerr << d.format() << '\n';
            if (shooting)
                return 1;
        }
    }
    if (!opened)
        window.openExample(QString::fromLatin1(kDefaultExample));

    if (shooting) {
        const QString file = parser.value(screenshot);
        window.show();
        const QImage image = window.screenshot(parser.value(view), window.devicePixelRatioF());
        QSaveFile out(file);
        if (image.isNull() || !out.open(QIODevice::WriteOnly) || !image.save(&out, "PNG") || !out.commit()) {
            printError(QCoreApplication::translate("main", "cannot write %1: %2").arg(file, out.errorString()));
            return 2;
        }
        std::cout << QCoreApplication::translate("main", "Screenshot of the %1 view written to %2 (%3 × %4 pixels)")
                         .arg(parser.value(view), QDir::toNativeSeparators(QFileInfo(file).absoluteFilePath()))
                         .arg(image.width())
                         .arg(image.height())
                         .toStdString()
                  << std::endl;
        // The plan in words with the solver's figures per cluster, for a reader of the image.
        if (window.document())
            std::cout << io::planSummary(window.document()->plan(), cat) << std::flush;
        return 0;
    }

    window.restoreLayout();
    window.show();
    QTimer::singleShot(0, &window, [&window, opened, positional] {
        // After a crash: offer what the last session did not save.
        if (window.offerRecovery())
            return;
        // A plan given on the command line that did not open: say why, in the window.
        if (!opened && !positional.isEmpty())
            window.openFile(positional.first());
    });
    return app.exec();
}
