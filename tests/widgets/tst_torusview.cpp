// SPDX-License-Identifier: GPL-3.0-or-later
// The torus view: drops through dropPayload() with hand-built QMimeData, the topology
// picker, the drawing of used chips, and `clusterwright --screenshot --view tpu`.
#include "catalog/catalog.h"
#include "document/plandocument.h"
#include "io/planreader.h"
#include "torusview.h"
#include "canvas/mimetypes.h"
#include "style/workloadpalette.h"

#include <QComboBox>
#include <QFileInfo>
#include <QImage>
#include <QMimeData>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace cw;

namespace {

std::unique_ptr<document::PlanDocument> open(const QString& path, const char* unpin = nullptr)
{
    io::PlanReadResult r = io::readPlanFile(path.toStdString());
    if (!r.plan)
        qFatal("cannot read %s", qPrintable(path));
    if (unpin)
        r.plan->workload(unpin)->pool.clear();
    return document::PlanDocument::fromPlan(*r.plan, catalog::Catalog::embedded());
}

QString example(const char* name)
{
    return QStringLiteral(CW_SOURCE_DIR "/resources/examples/%1.yaml").arg(QLatin1String(name));
}

QString plans(const char* name)
{
    return QStringLiteral(CW_TEST_DATA_DIR "/tpu/plans/%1.yaml").arg(QLatin1String(name));
}

std::unique_ptr<QMimeData> payload(const QString& workload)
{
    auto mime = std::make_unique<QMimeData>();
    mime->setData(widgets::workloadMimeType(), workload.toUtf8());
    return mime;
}

} // namespace

class TestTorusView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dropPinsWorkload()
    {
        auto doc = open(example("tpu-training-gke"), "t5-pretrain-v4");
        widgets::TorusView view(doc.get());
        view.resize(1200, 900);
        const QRectF target = view.poolRect(QStringLiteral("gke-tpu-v4"), QStringLiteral("v4-2x2x4"));
        QVERIFY(!target.isEmpty());

        QVERIFY2(view.dropPayload(*payload(QStringLiteral("t5-pretrain-v4")), target.center()), qPrintable(view.refusal()));
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(QString::fromStdString(doc->plan().workload("t5-pretrain-v4")->pool), QStringLiteral("v4-2x2x4"));
        QCOMPARE(doc->diagnostics().errorCount(), 0);

        // The view redraws from the plan: the chips of all four hosts are in the workload's colour.
        const QColor colour = widgets::workloadColor(doc->plan(), "t5-pretrain-v4", view.palette());
        const QImage image = view.renderImage(1200, 1.0);
        for (int z = 0; z < 4; ++z) {
            const QRectF chip = view.chipRect(QStringLiteral("gke-tpu-v4"), QStringLiteral("v4-2x2x4"), {0, 0, z});
            QVERIFY(!chip.isEmpty());
            // A pixel inside the chip, clear of its outline.
            const QPoint at = (chip.topLeft() + QPointF(chip.width() * 0.25, chip.height() * 0.25)).toPoint();
            QCOMPARE(image.pixelColor(at).rgb(), colour.rgb());
        }

        doc->undoStack()->undo();
        QVERIFY(doc->plan().workload("t5-pretrain-v4")->pool.empty());
        doc->undoStack()->redo();
        QCOMPARE(QString::fromStdString(doc->plan().workload("t5-pretrain-v4")->pool), QStringLiteral("v4-2x2x4"));
    }

    void refusedDrops_data()
    {
        QTest::addColumn<QString>("plan");
        QTest::addColumn<QString>("unpin");
        QTest::addColumn<QString>("workload");
        QTest::addColumn<QString>("cluster");
        QTest::addColumn<QString>("pool");   // empty: drop outside every slice
        QTest::addColumn<QString>("reason");
        QTest::newRow("other generation") << plans("workload-generation") << "train" << "train" << "c1" << "v5e" << "asks for TPU v6e";
        QTest::newRow("other shape") << plans("workload-other-topology") << "train" << "train" << "c1" << "v5e" << "asks for topology 4x8";
        QTest::newRow("other cluster") << example("tpu-training-gke") << "" << "gemma-finetune-v5e" << "gke-tpu-v4" << "v4-2x2x4" << "belongs to cluster 'gke-tpu'";
        QTest::newRow("slice taken") << example("tpu-training-gke") << "" << "second" << "gke-tpu" << "v5e-4x4" << "already takes its 4 hosts";
        QTest::newRow("not on a slice") << example("tpu-training-gke") << "" << "t5-pretrain-v4" << "" << "" << "Drop t5-pretrain-v4 on a TPU slice";
        QTest::newRow("unknown workload") << example("tpu-training-gke") << "" << "nobody" << "gke-tpu" << "v5e-4x4" << "no workload 'nobody'";
    }
    void refusedDrops()
    {
        QFETCH(QString, plan);
        QFETCH(QString, unpin);
        QFETCH(QString, workload);
        QFETCH(QString, cluster);
        QFETCH(QString, pool);
        QFETCH(QString, reason);
        io::PlanReadResult r = io::readPlanFile(plan.toStdString());
        QVERIFY(r.plan);
        if (!unpin.isEmpty())
            r.plan->workload(unpin.toStdString())->pool.clear();
        if (workload == QLatin1String("second")) {
            model::Workload second = *r.plan->workload("gemma-finetune-v5e");
            second.name = "second";
            second.pool.clear();
            r.plan->workloads.push_back(second);
        }
        auto doc = document::PlanDocument::fromPlan(*r.plan, catalog::Catalog::embedded());
        const model::Plan before = doc->plan();
        widgets::TorusView view(doc.get());
        view.resize(1200, 900);
        QSignalSpy refused(&view, &widgets::TorusView::dropRefused);
        const QPointF at = pool.isEmpty() ? QPointF(5, 5) : view.poolRect(cluster, pool).center();
        QVERIFY(!view.dropPayload(*payload(workload), at));
        QCOMPARE(doc->undoStack()->count(), 0);
        QVERIFY(doc->plan() == before);
        QVERIFY2(view.refusal().contains(reason), qPrintable(view.refusal()));
        QCOMPARE(refused.count(), 1);
    }

    void foreignPayloadIsRefused()
    {
        auto doc = open(example("tpu-training-gke"), "t5-pretrain-v4");
        widgets::TorusView view(doc.get());
        view.resize(1200, 900);
        QMimeData text;
        text.setText(QStringLiteral("t5-pretrain-v4"));
        QVERIFY(!view.dropPayload(text, view.poolRect(QStringLiteral("gke-tpu-v4"), QStringLiteral("v4-2x2x4")).center()));
        QCOMPARE(doc->undoStack()->count(), 0);
    }

    // Dropping a 4x8x4 request on a 4x4x8 slice: accepted, and the workload takes 4x4x8.
    void dropOnEquivalentShape()
    {
        auto doc = open(plans("workload-equivalent-topology"), "train");
        widgets::TorusView view(doc.get());
        view.resize(1200, 900);
        QVERIFY(view.dropPayload(*payload(QStringLiteral("train")), view.poolRect(QStringLiteral("c1"), QStringLiteral("v4")).center()));
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(QString::fromStdString(doc->plan().workload("train")->resources.tpu->topology), QStringLiteral("4x4x8"));
        QCOMPARE(doc->diagnostics().errorCount(), 0);
        doc->undoStack()->undo();
        QCOMPARE(QString::fromStdString(doc->plan().workload("train")->resources.tpu->topology), QStringLiteral("4x8x4"));
    }

    // The picker offers every shape with the slice's chips; choosing one is one command.
    void topologyPicker()
    {
        auto doc = open(plans("workload-equivalent-topology"));
        doc->modify([](model::Plan& plan) {
            plan.workload("train")->resources.tpu->topology = "4x4x8";
        });
        widgets::TorusView view(doc.get());
        view.resize(1200, 900);
        QComboBox* picker = view.topologyPicker(QStringLiteral("c1"), QStringLiteral("v4"));
        QVERIFY(picker);
        QCOMPARE(picker->count(), 3);
        QVERIFY(picker->isEnabled());
        QVERIFY(picker->currentText().startsWith(QLatin1String("4x4x8")));
        const int index = picker->findText(QStringLiteral("8x4x4"), Qt::MatchStartsWith);
        QVERIFY(index >= 0);
        picker->setCurrentIndex(index);
        Q_EMIT picker->activated(index);
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(QString::fromStdString(doc->plan().cluster("c1")->pool("v4")->tpuTopology), QStringLiteral("8x4x4"));
        QCOMPARE(QString::fromStdString(doc->plan().workload("train")->resources.tpu->topology), QStringLiteral("8x4x4"));
        // The picker survives the rebuild and shows the new shape.
        QComboBox* again = view.topologyPicker(QStringLiteral("c1"), QStringLiteral("v4"));
        QCOMPARE(again, picker);
        QVERIFY(again->currentText().startsWith(QLatin1String("8x4x4")));
        // Choosing the current shape again pushes nothing.
        Q_EMIT again->activated(again->currentIndex());
        QCOMPARE(doc->undoStack()->count(), 1);
        doc->undoStack()->undo();
        QCOMPARE(QString::fromStdString(doc->plan().cluster("c1")->pool("v4")->tpuTopology), QStringLiteral("4x4x8"));
    }

    // A single shape: the picker is there, but there is nothing to choose.
    void pickerWithOneShape()
    {
        auto doc = open(example("tpu-training-gke"));
        widgets::TorusView view(doc.get());
        view.resize(1200, 900);
        QComboBox* picker = view.topologyPicker(QStringLiteral("gke-tpu-v4"), QStringLiteral("v4-2x2x4"));
        QVERIFY(picker);
        QCOMPARE(picker->count(), 1);
        QVERIFY(!picker->isEnabled());
    }

    void screenshot_data()
    {
        QTest::addColumn<QString>("plan");
        QTest::newRow("tpu-training-gke") << example("tpu-training-gke");
        QTest::newRow("genai-platform") << example("genai-platform");
    }
    void screenshot()
    {
        QFETCH(QString, plan);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("tpu.png"));
        QProcess p;
        p.start(QStringLiteral(CW_GUI_PATH), {QStringLiteral("--screenshot"), file, QStringLiteral("--view"), QStringLiteral("tpu"), plan});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(QFileInfo(file).size() > 10000);
        QImage image(file);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), 2560); // 1280 at 2x for high-DPI
        QVERIFY(image.height() > 400);
    }

    // Without a TPU pool the view says why: EKS has no TPUs, Autopilot has no pools to draw, a
    // GKE Standard cluster lacks a TPU pool.
    void emptyMessage()
    {
        auto eks = open(example("platform-eks"));
        widgets::TorusView eksView(eks.get());
        QVERIFY2(eksView.emptyMessage().contains(QLatin1String("EKS offers no TPU machine types")), qPrintable(eksView.emptyMessage()));

        io::PlanReadResult r = io::readPlanFile(example("inference-gke").toStdString());
        QVERIFY(r.plan);
        model::Plan autopilotOnly = *r.plan;
        std::erase_if(autopilotOnly.clusters, [](const model::Cluster& c) { return c.mode != model::ClusterMode::Autopilot; });
        QCOMPARE(autopilotOnly.clusters.size(), size_t(1));
        auto autopilot = document::PlanDocument::fromPlan(autopilotOnly, catalog::Catalog::embedded());
        widgets::TorusView autopilotView(autopilot.get());
        QVERIFY2(autopilotView.emptyMessage().contains(QLatin1String("On Autopilot")), qPrintable(autopilotView.emptyMessage()));

        auto gke = open(example("inference-gke"));
        widgets::TorusView gkeView(gke.get());
        QVERIFY2(gkeView.emptyMessage().startsWith(QLatin1String("This plan has no TPU node pools")), qPrintable(gkeView.emptyMessage()));
    }

    // The report's section: the view laid out at the width that suits the section's shape,
    // filling it in one direction, for a wide and for a tall section.
    void fittedForReport_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("wide") << QSize(600, 280);
        QTest::newRow("tall") << QSize(300, 600);
    }
    void fittedForReport()
    {
        QFETCH(QSize, size);
        auto doc = open(example("tpu-training-gke"));
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            widgets::paintTpuViewFitted(doc.get(), painter, QRectF(QPointF(0, 0), QSizeF(size)));
        }
        int right = -1, bottom = -1;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (image.pixel(x, y) != qRgb(255, 255, 255)) {
                    right = std::max(right, x);
                    bottom = std::max(bottom, y);
                }
            }
        }
        // Painted to the section's edge in at least one direction, and to most of the other.
        const bool fillsWidth = right >= size.width() - 2, fillsHeight = bottom >= size.height() - 2;
        QVERIFY2(fillsWidth || fillsHeight, qPrintable(QStringLiteral("%1 x %2").arg(right).arg(bottom)));
        QVERIFY2(right >= size.width() * 0.6 && bottom >= size.height() * 0.6, qPrintable(QStringLiteral("%1 x %2").arg(right).arg(bottom)));
    }

    void unknownViewIsAUsageError()
    {
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(CW_GUI_PATH), {QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png")),
                                              QStringLiteral("--view"), QStringLiteral("torus"), example("tpu-training-gke")});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("unknown view 'torus'")) && err.contains(QLatin1String("tpu")), qPrintable(err));
    }
};

QTEST_MAIN(TestTorusView)
#include "tst_torusview.moc"
