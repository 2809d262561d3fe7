// SPDX-License-Identifier: GPL-3.0-or-later
// The main window: canvases per cluster, the shared selection, reload when the file changes
// on disk, autosave and recovery, the unsaved-changes prompt, exports and the report.
#include "canvas/planscene.h"
#include "canvas/planview.h"
#include "charts/chart.h"
#include "document/clustercommands.h"
#include "panels/costpanel.h"
#include "catalog/catalog.h"
#include "document/autosave.h"
#include "document/editing.h"
#include "document/plandocument.h"
#include "infobar.h"
#include "inspector/inspector.h"
#include "io/planreader.h"
#include "io/planwriter.h"
#include "mainwindow.h"
#include "resources/embedded.h"
#include "review/reportwriter.h"
#include "settings.h"
#include "viewregistry.h"

#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QtTest>

using namespace cw;
using document::ObjectRef;

namespace {

QString writeExample(const QTemporaryDir& dir)
{
    const auto text = resources::file("examples/genai-platform.yaml");
    const QString path = dir.filePath(QStringLiteral("plan.yaml"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text->data(), qint64(text->size()));
    return path;
}

// Answers the next message box with the button whose text contains answer.
void answerNextMessageBox(const QString& answer)
{
    QTimer::singleShot(0, [answer] {
        for (QWidget* w : QApplication::topLevelWidgets()) {
            auto* box = qobject_cast<QMessageBox*>(w);
            if (!box || !box->isVisible())
                continue;
            for (QAbstractButton* b : box->buttons()) {
                if (b->text().remove(QLatin1Char('&')).contains(answer)) {
                    b->click();
                    return;
                }
            }
        }
        answerNextMessageBox(answer); // not shown yet
    });
}

QPushButton* buttonIn(QWidget* parent, const QString& text)
{
    for (QPushButton* b : parent->findChildren<QPushButton*>()) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    // The canvases among the central tabs (other views, such as Compare and TPU slices, are
    // tabs too).
    static int canvasTabs(QTabWidget* tabs)
    {
        int n = 0;
        for (int i = 0; i < tabs->count(); ++i)
            n += qobject_cast<widgets::PlanView*>(tabs->widget(i)) ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QDir(gui::Settings::autosaveDirectory()).removeRecursively();
    }

    void canvasPerClusterAndSharedSelection()
    {
        gui::MainWindow window(catalog::Catalog::embedded());
        QVERIFY(window.openExample(QStringLiteral("genai-platform.yaml")));
        window.show();
        auto* tabs = window.findChild<QTabWidget*>();
        QCOMPARE(canvasTabs(tabs), 3);
        QCOMPARE(tabs->tabText(0), QStringLiteral("gke-ai  (GKE)"));
        QVERIFY(window.scene("gke-ai"));
        QVERIFY(window.scene("eks-ai"));
        window.setCurrent(ObjectRef::workload("eks-ai", "llama-train-eks"));
        QCOMPARE(window.currentCluster(), std::string("eks-ai"));
        QCOMPARE(window.inspector()->object(), ObjectRef::workload("eks-ai", "llama-train-eks"));
        QCOMPARE(window.scene("eks-ai")->current(), ObjectRef::workload("eks-ai", "llama-train-eks"));
        // A cluster added by an edit gets its canvas; undo takes it away.
        document::PlanDocument* doc = window.document();
        doc->undoStack()->push(new document::AddClusterCommand(doc, document::defaultCluster(doc->catalog(), model::Provider::Gke, "us-central1", "extra")));
        QCOMPARE(canvasTabs(tabs), 4);
        doc->undoStack()->undo();
        QCOMPARE(canvasTabs(tabs), 3);
    }

    // Clicking in the canvas selects in the outline and the inspector.
    void canvasSelectionReachesTheOtherViews()
    {
        gui::MainWindow window(catalog::Catalog::embedded());
        window.openExample(QStringLiteral("genai-platform.yaml"));
        window.show();
        window.scene("gke-ai")->setCurrent(ObjectRef::pool("gke-ai", "l4"));
        QCOMPARE(window.current(), ObjectRef::pool("gke-ai", "l4"));
        QCOMPARE(window.inspector()->object(), ObjectRef::pool("gke-ai", "l4"));
        auto* tree = window.findChild<QTreeView*>();
        QCOMPARE(tree->currentIndex().data().toString(), QStringLiteral("l4"));
    }

    void reloadWhenTheFileChangesOnDisk()
    {
        QTemporaryDir dir;
        const QString path = writeExample(dir);
        gui::MainWindow window(catalog::Catalog::embedded());
        QVERIFY(window.openFile(path));
        window.show();
        QVERIFY(!window.infoBar()->isVisible());
        QTest::qWait(100);
        model::Plan changed = window.document()->plan();
        changed.workload("notebooks")->replicas = 9;
        std::string why;
        QVERIFY(io::writePlanFile(changed, path.toStdString(), &why));
        QTRY_VERIFY_WITH_TIMEOUT(window.infoBar()->isVisible(), 10000);
        QVERIFY(window.infoBar()->text().contains(QStringLiteral("plan.yaml")));
        QPushButton* reload = buttonIn(window.infoBar(), QStringLiteral("Reload"));
        QVERIFY(reload);
        reload->click();
        QCOMPARE(window.document()->plan().workload("notebooks")->replicas, 9);
        QVERIFY(!window.document()->isModified());
        QVERIFY(!window.infoBar()->isVisible());
        // Our own save is not an outside change.
        document::editWorkload(window.document(), "notebooks", document::WorkloadField::Replicas, [](auto& w) { w.replicas = 3; });
        QVERIFY(window.save());
        QTest::qWait(500);
        QVERIFY(!window.infoBar()->isVisible());
    }

    void unsavedChangesPrompt()
    {
        gui::MainWindow window(catalog::Catalog::embedded());
        window.openExample(QStringLiteral("genai-platform.yaml"));
        window.show();
        QVERIFY(window.maybeSave()); // nothing to save
        document::editWorkload(window.document(), "notebooks", document::WorkloadField::Replicas, [](auto& w) { w.replicas = 3; });
        answerNextMessageBox(QStringLiteral("Cancel"));
        QVERIFY(!window.maybeSave());
        answerNextMessageBox(QStringLiteral("Discard"));
        QVERIFY(window.maybeSave());
    }

    void autosaveAndRecovery()
    {
        QTemporaryDir dir;
        const QString path = writeExample(dir);
        {
            gui::MainWindow window(catalog::Catalog::embedded());
            QVERIFY(window.openFile(path));
            QVERIFY(!window.autosave()->saveNow());
            document::editWorkload(window.document(), "notebooks", document::WorkloadField::Replicas, [](auto& w) { w.replicas = 2; });
            QVERIFY(window.autosave()->saveNow());
            // A crash: the autosave outlives the session (its pid is gone).
            const QString yaml = window.autosave()->autosaveFile();
            const QString meta = yaml.left(yaml.size() - 4) + QStringLiteral("json");
            QFile f(meta);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QByteArray json = f.readAll();
            f.close();
            json.replace(QByteArray::number(QCoreApplication::applicationPid()), "999999999");
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(json);
            f.close();
            QVERIFY(QFile::copy(yaml, dir.filePath(QStringLiteral("keep.yaml"))));
            QVERIFY(QFile::copy(meta, dir.filePath(QStringLiteral("keep.json"))));
            window.autosave()->setDocument(nullptr);
            QVERIFY(QFile::rename(dir.filePath(QStringLiteral("keep.yaml")), yaml));
            QVERIFY(QFile::rename(dir.filePath(QStringLiteral("keep.json")), meta));
        }
        gui::MainWindow window(catalog::Catalog::embedded());
        answerNextMessageBox(QStringLiteral("Recover"));
        QVERIFY(window.offerRecovery());
        QCOMPARE(window.document()->fileName(), path);
        QVERIFY(window.document()->isModified());
        QCOMPARE(window.document()->plan().workload("notebooks")->replicas, 2);
        // The recovered plan is autosaved anew; the old session's files are gone.
        QCOMPARE(document::Autosave::pendingRecoveries(gui::Settings::autosaveDirectory()).size(), 1);
        QVERIFY(QFile::exists(window.autosave()->autosaveFile()));
        QVERIFY(window.save());
        QVERIFY(!QFile::exists(window.autosave()->autosaveFile()));
    }

    // Every exportable of every view writes PNG, SVG and PDF.
    void exports()
    {
        gui::MainWindow window(catalog::Catalog::embedded());
        window.openExample(QStringLiteral("genai-platform.yaml"));
        window.show();
        QSignalSpy solved(window.document(), &document::PlanDocument::solutionChanged);
        QVERIFY(solved.wait(60000));
        QTemporaryDir dir;
        int count = 0;
        for (const gui::ViewSpec& spec : gui::ViewRegistry::instance().views()) {
            if (!spec.exportables)
                continue;
            for (const widgets::Renderable& r : spec.exportables(window, window.view(spec.name))) {
                for (const char* suffix : {"png", "svg", "pdf"}) {
                    const QString file = dir.filePath(QStringLiteral("%1.%2").arg(++count).arg(QLatin1String(suffix)));
                    QString error;
                    QVERIFY2(widgets::exportRenderable(r, file, &error), qPrintable(error));
                    QFile f(file);
                    QVERIFY(f.open(QIODevice::ReadOnly));
                    const QByteArray head = f.read(64);
                    QVERIFY(f.size() > 1000);
                    if (QLatin1String(suffix) == QLatin1String("svg"))
                        QVERIFY(head.contains("<?xml"));
                    else if (QLatin1String(suffix) == QLatin1String("pdf"))
                        QVERIFY(head.startsWith("%PDF"));
                    else
                        QVERIFY(head.startsWith("\x89PNG"));
                }
            }
        }
        QVERIFY(count >= 3 + 4); // three canvases, four charts
        QString error;
        const QString report = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY2(window.makeReportWriter()->writePdf(report, &error), qPrintable(error));
        QVERIFY(QFileInfo(report).size() > 10000);
        // A failed export leaves nothing behind and says why.
        QVERIFY(!widgets::exportRenderable(widgets::chartRenderable(window.costPanel()->charts().front()),
                                           QStringLiteral("/no/such/dir/chart.png"), &error));
        QVERIFY(error.contains(QStringLiteral("/no/such/dir/chart.png")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
