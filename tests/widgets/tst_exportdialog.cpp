// SPDX-License-Identifier: GPL-3.0-or-later
// The Export dialog: the bundle's file tree, the coloured preview, copy, and saving to a
// folder (refusing a foreign one unless forced).
#include "bundlehighlighter.h"
#include "exportdialog.h"

#include "catalog/catalog.h"
#include "io/planreader.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTreeWidget>
#include <QtTest>

using namespace cw;

namespace {
model::Plan readPlan(const QString& path)
{
    io::PlanReadResult r = io::readPlanFile(path.toStdString());
    if (!r.plan)
        qFatal("cannot read %s", qPrintable(path));
    return *r.plan;
}

// The colour the highlighter gave the character at column of the first line containing needle.
QColor colourAt(QTextDocument* doc, const QString& needle, int offsetInNeedle)
{
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        const int at = int(b.text().indexOf(needle));
        if (at < 0)
            continue;
        const int column = at + offsetInNeedle;
        for (const auto& range : b.layout()->formats()) {
            if (column >= range.start && column < range.start + range.length)
                return range.format.foreground().color();
        }
        return {};
    }
    return {};
}
} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeAndPreview()
    {
        const model::Plan plan = readPlan(QStringLiteral(CW_SOURCE_DIR "/resources/examples/genai-platform.yaml"));
        widgets::ExportDialog dialog(plan, catalog::Catalog::embedded(), nullptr);
        QVERIFY(dialog.bundle().ok());
        QCOMPARE(dialog.fileCount(), int(dialog.bundle().files.size()));
        // One tree leaf per bundle file.
        auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("files"));
        int leaves = 0;
        for (QTreeWidgetItemIterator it(tree); *it; ++it) {
            if ((*it)->childCount() == 0)
                ++leaves;
        }
        QCOMPARE(leaves, dialog.fileCount());
        // It opens on the first cluster's README.
        QCOMPARE(dialog.currentFile(), QStringLiteral("eks-ai/README.md"));

        QVERIFY(dialog.selectFile(QStringLiteral("gke-ai/commands.sh")));
        QCOMPARE(dialog.previewText(), QString::fromStdString(dialog.bundle().file("gke-ai/commands.sh")->content));
        QVERIFY(!dialog.selectFile(QStringLiteral("no/such/file")));

        dialog.copyCurrentFile();
        QCOMPARE(QApplication::clipboard()->text(), dialog.previewText());

        // Target: only the EKS cluster.
        dialog.setTarget(exporter::Target::Eks);
        QCOMPARE(dialog.bundle().clusters, (std::vector<std::string>{"eks-ai"}));
    }

    void highlighting()
    {
        const model::Plan plan = readPlan(QStringLiteral(CW_SOURCE_DIR "/resources/examples/llm-training-gke.yaml"));
        widgets::ExportDialog dialog(plan, catalog::Catalog::embedded(), nullptr);
        auto* preview = dialog.findChild<QPlainTextEdit*>(QStringLiteral("preview"));
        QVERIFY(dialog.selectFile(QStringLiteral("gke-train/manifests/10-job-llama-train.yaml")));
        QTextDocument* doc = preview->document();
        const QColor key = colourAt(doc, QStringLiteral("completionMode:"), 0);
        const QColor comment = colourAt(doc, QStringLiteral("# Exported by"), 2);
        const QColor quoted = colourAt(doc, QStringLiteral("\"29500\""), 1);
        QVERIFY(key.isValid());
        QVERIFY(comment.isValid());
        QVERIFY(quoted.isValid());
        QVERIFY(key != comment && key != quoted && comment != quoted);
        // The value after a key is not coloured as a key.
        QVERIFY(colourAt(doc, QStringLiteral("completionMode: Indexed"), 17) != key);

        QVERIFY(dialog.selectFile(QStringLiteral("gke-train/commands.sh")));
        const QColor flag = colourAt(doc, QStringLiteral("--machine-type=a3"), 1);
        const QColor variable = colourAt(doc, QStringLiteral("\"${PROJECT_ID}\""), 2);
        const QColor shellComment = colourAt(doc, QStringLiteral("# create the cluster"), 3);
        QVERIFY(flag.isValid() && variable.isValid() && shellComment.isValid());
        QVERIFY(flag != variable && flag != shellComment);
    }

    void save()
    {
        const model::Plan plan = readPlan(QStringLiteral(CW_SOURCE_DIR "/resources/examples/platform-eks.yaml"));
        widgets::ExportDialog dialog(plan, catalog::Catalog::embedded(), nullptr);
        QTemporaryDir tmp;
        QFile other(tmp.filePath(QStringLiteral("keep.txt")));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.close();
        exporter::WriteResult r = dialog.saveTo(tmp.path(), false);
        QVERIFY(!r.ok);
        QVERIFY(r.refusedNonEmpty);
        QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("eks-ai/cluster.yaml"))));
        r = dialog.saveTo(tmp.path(), true);
        QVERIFY2(r.ok, r.error.c_str());
        for (const auto& f : dialog.bundle().files) {
            QFile written(tmp.filePath(QString::fromStdString(f.path)));
            QVERIFY(written.open(QIODevice::ReadOnly));
            QCOMPARE(written.readAll(), QByteArray::fromStdString(f.content));
        }
        QVERIFY(QFile::exists(tmp.filePath(QStringLiteral("keep.txt"))));
        // An earlier bundle is replaced without asking.
        r = dialog.saveTo(tmp.path(), false);
        QVERIFY2(r.ok, r.error.c_str());
    }

    void planWithErrorsExportsNothing()
    {
        model::Plan plan = readPlan(QStringLiteral(CW_SOURCE_DIR "/resources/examples/llm-training-gke.yaml"));
        plan.workloads.front().image = "$(touch /tmp/x)";
        widgets::ExportDialog dialog(plan, catalog::Catalog::embedded(), nullptr);
        QVERIFY(!dialog.bundle().ok());
        QCOMPARE(dialog.fileCount(), 0);
        auto* diagnostics = dialog.findChild<QTreeWidget*>(QStringLiteral("diagnostics"));
        bool found = false;
        for (int i = 0; i < diagnostics->topLevelItemCount(); ++i)
            found = found || diagnostics->topLevelItem(i)->text(1) == QLatin1String("CW506");
        QVERIFY(found);
    }

    // Renders the dialog for a look in a design review (not a timed or pixel test).
    void screenshot()
    {
        const model::Plan plan = readPlan(QStringLiteral(CW_SOURCE_DIR "/resources/examples/llm-training-gke.yaml"));
        widgets::ExportDialog dialog(plan, catalog::Catalog::embedded(), nullptr);
        dialog.resize(1400, 860);
        QVERIFY(dialog.selectFile(QStringLiteral("gke-train/manifests/10-job-llama-train.yaml")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QImage image = dialog.grab().toImage();
        QVERIFY(!image.isNull());
        const QString out = QStringLiteral(CW_BINARY_DIR "/exportdialog.png");
        QVERIFY(image.save(out));
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
