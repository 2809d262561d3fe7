// SPDX-License-Identifier: GPL-3.0-or-later
// The canvas: drops through dropPayload with hand-built MIME data change the plan with exactly
// one undo command, refused drops change nothing; hover feedback; items keyed by id survive a
// re-solve; keyboard navigation and Delete.
#include "canvas/mimetypes.h"
#include "canvas/nodeitem.h"
#include "canvas/planscene.h"
#include "canvas/poolitem.h"
#include "charts/chart.h"
#include "panels/costpanel.h"
#include "catalog/catalog.h"
#include "document/editing.h"
#include "document/plandocument.h"
#include "io/planreader.h"
#include "resources/embedded.h"

#include <QGraphicsSceneDragDropEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <set>

using namespace cw;
using namespace cw::widgets;
using document::ObjectRef;

namespace {

std::unique_ptr<document::PlanDocument> solvedExample(const char* name = "examples/genai-platform.yaml")
{
    const auto text = resources::file(name);
    auto doc = document::PlanDocument::fromPlan(*io::readPlanText(*text, name).plan, catalog::Catalog::embedded());
    QSignalSpy solved(doc.get(), &document::PlanDocument::solutionChanged);
    if (!solved.wait(60000))
        return nullptr;
    return doc;
}

QMimeData* mime(DragPayload::Kind kind, const std::string& id)
{
    return DragPayload{kind, id}.toMimeData();
}

QPointF centerOf(PlanScene& scene, const std::string& pool)
{
    return scene.poolItem(pool)->sceneBoundingRect().center();
}

} // namespace

class TestPlanScene : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sceneShowsTheSolution()
    {
        auto doc = solvedExample();
        QVERIFY(doc);
        PlanScene scene(doc.get(), "gke-ai");
        QVERIFY(scene.poolItem("a3-h100"));
        QVERIFY(scene.poolItem("general"));
        const auto* cs = findClusterSolution(doc->solution().get(), "gke-ai");
        QVERIFY(cs);
        QCOMPARE(scene.nodeItemCount(), int(cs->nodes.size()));
        // Every placed Pod is on exactly one card.
        int pods = 0;
        for (const auto& pv : scene.view().pools) {
            for (const auto& n : pv.nodes)
                pods += int(n.pods.size());
        }
        QCOMPARE(pods, int(cs->placements.size()));
    }

    // Reports ask for wider pools: the a3-h100 pool's eight nodes in one row instead of two
    // rows of four, the scene wider and shorter, every card inside its pool and none on
    // another; back to the canvas's own layout with 0.
    void minimumColumnsWidenPools()
    {
        auto doc = solvedExample();
        QVERIFY(doc);
        PlanScene scene(doc.get(), "gke-ai");
        const QRectF narrow = scene.sceneRect();
        const qreal poolHeight = scene.poolItem("a3-h100")->sceneBoundingRect().height();
        scene.setMinimumColumns(8);
        const QRectF wide = scene.sceneRect();
        QVERIFY2(wide.width() > narrow.width() * 1.5, qPrintable(QStringLiteral("%1 %2").arg(wide.width()).arg(narrow.width())));
        QVERIFY(wide.height() < narrow.height());
        QVERIFY(scene.poolItem("a3-h100")->sceneBoundingRect().height() < poolHeight * 0.8);
        std::vector<QRectF> cards;
        for (const auto& pv : scene.view().pools) {
            const QRectF pool = scene.poolItem(pv.pool.name)->sceneBoundingRect();
            std::set<qreal> tops;
            for (const auto& n : pv.nodes) {
                const QRectF card = scene.nodeItem(n.key)->sceneBoundingRect();
                QVERIFY(pool.contains(card));
                for (const QRectF& other : cards)
                    QVERIFY(!other.intersects(card));
                cards.push_back(card);
                tops.insert(card.top());
            }
            if (pv.pool.name == "a3-h100")
                QCOMPARE(tops.size(), size_t(1));
        }
        scene.setMinimumColumns(0);
        QCOMPARE(scene.sceneRect(), narrow);
    }

    // Twenty workloads: the cost panel's bar per workload keeps the eleven dearest, dearest
    // first, and one bar for the nine others (a bar per workload of a large plan was an
    // unreadable pile of labels); their sum stays the total.
    void costChartsKeepTheDearest()
    {
        std::string text = "apiVersion: clusterwright/v1alpha1\nkind: Plan\nmetadata: {name: many}\nspec:\n  clusters:\n"
                           "  - name: c1\n    provider: gke\n    location: us-central1\n    nodePools:\n"
                           "    - {name: p, machineType: e2-standard-8}\n  workloads:\n";
        for (int i = 0; i < 20; ++i) {
            text += "  - {name: w" + std::to_string(i) + ", cluster: c1, kind: inference, replicas: " + std::to_string(1 + (i * 7) % 20)
                + ", resources: {cpu: 500m, memory: 1Gi}}\n";
        }
        auto doc = document::PlanDocument::fromPlan(*io::readPlanText(text, "many.yaml").plan, catalog::Catalog::embedded());
        QSignalSpy solved(doc.get(), &document::PlanDocument::solutionChanged);
        QVERIFY(solved.wait(60000));
        CostPanel panel;
        panel.setDocument(doc.get());
        panel.refresh();
        const QStringList bars = panel.workloadChart()->categories();
        // Eleven workloads, the others, and maybe the unused capacity.
        QVERIFY2(bars.size() == 12 || (bars.size() == 13 && bars.back() == QStringLiteral("(unused)")), qPrintable(bars.join(QLatin1Char(','))));
        QCOMPARE(bars[11], QStringLiteral("9 other(s)"));
        // The dearest: most replicas (all alike), w17 (20 replicas) among them, w0 (1) not.
        QVERIFY(bars.contains(QStringLiteral("w17")));
        QVERIFY(!bars.contains(QStringLiteral("w0")));
        // Dearest first.
        QCOMPARE(bars.front(), QStringLiteral("w17"));
        QVERIFY(bars.indexOf(QStringLiteral("w14")) < bars.indexOf(QStringLiteral("w2")));
    }

    void dropTemplateAddsAPinnedWorkload()
    {
        auto doc = solvedExample();
        QVERIFY(doc);
        PlanScene scene(doc.get(), "gke-ai");
        std::unique_ptr<QMimeData> data(mime(DragPayload::Kind::Template, "inference-deployment"));
        QString refusal;
        QVERIFY2(scene.dropPayload(*data, centerOf(scene, "l4"), &refusal), qPrintable(refusal));
        QCOMPARE(doc->undoStack()->count(), 1);
        const model::Workload* w = doc->plan().workload("llm-serve");
        QVERIFY(w);
        QCOMPARE(w->cluster, std::string("gke-ai"));
        QCOMPARE(w->pool, std::string("l4"));
        QCOMPARE(w->resources.gpu->type, std::string("nvidia-l4"));
        doc->undoStack()->undo();
        QVERIFY(!doc->plan().workload("llm-serve"));
    }

    void dropWorkloadRepinsIt()
    {
        auto doc = solvedExample();
        QVERIFY(doc);
        PlanScene scene(doc.get(), "gke-ai");
        QVERIFY(!doc->plan().workload("notebooks")->isPinned());
        std::unique_ptr<QMimeData> data(mime(DragPayload::Kind::Workload, "notebooks"));
        QString refusal;
        QVERIFY2(scene.dropPayload(*data, centerOf(scene, "general"), &refusal), qPrintable(refusal));
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->plan().workload("notebooks")->pool, std::string("general"));
    }

    // Drops the planner refuses change nothing and push nothing, and say why.
    void refusedDropChangesNothing_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("pool");      // empty: outside every pool
        QTest::addColumn<QString>("reason");    // part of the refusal
        QTest::newRow("untolerated taint") << int(DragPayload::Kind::Workload) << "api-gateway" << "l4" << "nvidia.com/gpu";
        QTest::newRow("GPU gang on a CPU pool") << int(DragPayload::Kind::Template) << "llm-training-gpu" << "general" << "nvidia-h100-80gb";
        QTest::newRow("already pinned there") << int(DragPayload::Kind::Workload) << "vllm-llama-8b" << "l4" << "already pinned";
        QTest::newRow("no such workload") << int(DragPayload::Kind::Workload) << "ghost" << "l4" << "ghost";
        QTest::newRow("no such template") << int(DragPayload::Kind::Template) << "ghost" << "l4" << "ghost";
        QTest::newRow("not on a pool") << int(DragPayload::Kind::Workload) << "notebooks" << "" << "node pool";
    }

    void refusedDropChangesNothing()
    {
        QFETCH(int, kind);
        QFETCH(QString, id);
        QFETCH(QString, pool);
        QFETCH(QString, reason);
        auto doc = solvedExample();
        QVERIFY(doc);
        PlanScene scene(doc.get(), "gke-ai");
        const model::Plan before = doc->plan();
        std::unique_ptr<QMimeData> data(mime(DragPayload::Kind(kind), id.toStdString()));
        const QPointF at = pool.isEmpty() ? QPointF(-500, -500) : centerOf(scene, pool.toStdString());
        QSignalSpy refused(&scene, &PlanScene::dropRefused);
        QString refusal;
        QVERIFY(!scene.dropPayload(*data, at, &refusal));
        QVERIFY2(refusal.contains(reason), qPrintable(refusal));
        QCOMPARE(doc->undoStack()->count(), 0);
        QVERIFY(doc->plan() == before);
        QCOMPARE(refused.count(), 1);
    }

    // An Autopilot cluster has no pools: a drop on it moves the workload there, unpinned.
    void dropOnAutopilot()
    {
        auto doc = solvedExample();
        QVERIFY(doc);
        PlanScene scene(doc.get(), "gke-serve-ap");
        QVERIFY(!scene.poolAt(QPointF(100, 50)));
        const QPointF at(100, 50); // inside the Autopilot frame at the top
        QVERIFY(scene.autopilotAt(at));
        std::unique_ptr<QMimeData> tmpl(mime(DragPayload::Kind::Template, "batch-job"));
        QString refusal;
        QVERIFY2(scene.dropPayload(*tmpl, at, &refusal), qPrintable(refusal));
        QCOMPARE(doc->plan().workload("batch")->cluster, std::string("gke-serve-ap"));
        QVERIFY(!doc->plan().workload("batch")->isPinned());
        std::unique_ptr<QMimeData> moved(mime(DragPayload::Kind::Workload, "vllm-llama-8b"));
        QVERIFY2(scene.dropPayload(*moved, at, &refusal), qPrintable(refusal));
        QCOMPARE(doc->plan().workload("vllm-llama-8b")->cluster, std::string("gke-serve-ap"));
        QVERIFY(!doc->plan().workload("vllm-llama-8b")->isPinned());
        QCOMPARE(doc->undoStack()->count(), 2);
        std::unique_ptr<QMimeData> here(mime(DragPayload::Kind::Workload, "api-gateway-ap"));
        QVERIFY(!scene.dropPayload(*here, at, &refusal));
        QVERIFY(refusal.contains(QStringLiteral("already")));
        QCOMPARE(doc->undoStack()->count(), 2);
    }

    void foreignMimeIsRefused()
    {
        auto doc = solvedExample();
        QVERIFY(doc);
        PlanScene scene(doc.get(), "gke-ai");
        QMimeData text;
        text.setText(QStringLiteral("notebooks"));
        QVERIFY(!scene.dropPayload(text, centerOf(scene, "general")));
        QCOMPARE(doc->undoStack()->count(), 0);
    }

    // While a drag hovers over a pool, the pool says whether it fits and why not.
    void hoverShowsFeasibility()
    {
        auto doc = solvedExample();
        QVERIFY(doc);
        PlanScene scene(doc.get(), "gke-ai");
        std::unique_ptr<QMimeData> data(mime(DragPayload::Kind::Workload, "api-gateway"));
        QGraphicsSceneDragDropEvent enter(QEvent::GraphicsSceneDragEnter);
        enter.setMimeData(data.get());
        enter.setScenePos(centerOf(scene, "l4"));
        enter.setProposedAction(Qt::MoveAction);
        enter.setPossibleActions(Qt::MoveAction);
        QCoreApplication::sendEvent(&scene, &enter);
        QVERIFY(enter.isAccepted());
        QGraphicsSceneDragDropEvent move(QEvent::GraphicsSceneDragMove);
        move.setMimeData(data.get());
        move.setScenePos(centerOf(scene, "l4"));
        move.setProposedAction(Qt::MoveAction);
        move.setPossibleActions(Qt::MoveAction);
        QCoreApplication::sendEvent(&scene, &move);
        QCOMPARE(scene.poolItem("l4")->dropState(), PoolItem::DropState::Refuses);
        QVERIFY(!move.isAccepted());

        move.setScenePos(centerOf(scene, "general"));
        move.setAccepted(false);
        QCoreApplication::sendEvent(&scene, &move);
        QCOMPARE(scene.poolItem("general")->dropState(), PoolItem::DropState::Fits);
        QCOMPARE(scene.poolItem("l4")->dropState(), PoolItem::DropState::None);
        QVERIFY(move.isAccepted());

        QGraphicsSceneDragDropEvent leave(QEvent::GraphicsSceneDragLeave);
        QCoreApplication::sendEvent(&scene, &leave);
        QCOMPARE(scene.poolItem("general")->dropState(), PoolItem::DropState::None);
        QCOMPARE(doc->undoStack()->count(), 0);
    }

    // A re-solve after an edit elsewhere updates the same items in place.
    void itemsKeyedByIdSurviveAResolve()
    {
        auto doc = solvedExample();
        QVERIFY(doc);
        PlanScene scene(doc.get(), "gke-ai");
        NodeItem* node = scene.nodeItem("a3-h100/a3-highgpu-8g/0");
        PoolItem* pool = scene.poolItem("a3-h100");
        QVERIFY(node);
        const QPointF pos = node->pos();
        QSignalSpy solved(doc.get(), &document::PlanDocument::solutionChanged);
        document::editWorkload(doc.get(), "notebooks", document::WorkloadField::Replicas, [](auto& w) { w.replicas = 6; });
        QVERIFY(solved.wait(60000));
        scene.rebuild();
        QCOMPARE(scene.nodeItem("a3-h100/a3-highgpu-8g/0"), node);
        QCOMPARE(scene.poolItem("a3-h100"), pool);
        QCOMPARE(node->pos(), pos);
    }

    void keyboardNavigationAndDelete()
    {
        auto doc = solvedExample();
        QVERIFY(doc);
        PlanScene scene(doc.get(), "gke-ai");
        QSignalSpy current(&scene, &PlanScene::currentChanged);
        scene.navigate(PlanScene::Direction::First);
        QCOMPARE(scene.current().kind, ObjectRef::Kind::Pool);
        QCOMPARE(scene.current().name, std::string("a3-h100"));
        scene.navigate(PlanScene::Direction::Right);
        QCOMPARE(scene.current().kind, ObjectRef::Kind::Pod);
        QCOMPARE(scene.current().name, std::string("llama-train"));
        const int firstReplica = scene.current().replica;
        scene.navigate(PlanScene::Direction::Right);
        QVERIFY(scene.current().replica != firstReplica);
        scene.navigate(PlanScene::Direction::Down);
        QCOMPARE(scene.current().name, std::string("llama-train"));
        scene.navigate(PlanScene::Direction::NextPool);
        QCOMPARE(scene.current(), ObjectRef::pool("gke-ai", "v5e"));
        scene.navigate(PlanScene::Direction::Right);
        QCOMPARE(scene.current().name, std::string("gemma-finetune"));
        QVERIFY(current.count() >= 5);

        QSignalSpy activated(&scene, &PlanScene::activated);
        scene.activateCurrent();
        QCOMPARE(activated.count(), 1);

        QVERIFY(scene.deleteCurrent());
        QCOMPARE(doc->undoStack()->count(), 1);
        QVERIFY(!doc->plan().workload("gemma-finetune"));
        doc->undoStack()->undo();
        QVERIFY(doc->plan().workload("gemma-finetune"));
    }
};

QTEST_MAIN(TestPlanScene)
#include "tst_planscene.moc"
