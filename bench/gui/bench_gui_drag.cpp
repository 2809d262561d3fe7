// SPDX-License-Identifier: GPL-3.0-or-later
// Drag feedback: what one hover step costs while a workload or a template is dragged over a
// pool: the planner's canPlace (first time for a pool; then cached for the drag), and the
// repaint of the pool's highlight. Display rate is 16.7 ms per frame at 60 Hz.
//   QT_QPA_PLATFORM=offscreen build/dev/bench/bench_gui_drag [PODS]
#include "benchplans.h"
#include "canvas/mimetypes.h"
#include "canvas/planscene.h"
#include "canvas/planview.h"
#include "canvas/poolitem.h"
#include "catalog/catalog.h"
#include "document/feasibility.h"
#include "document/plandocument.h"
#include "io/planreader.h"
#include "resources/embedded.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGraphicsSceneDragDropEvent>
#include <QMimeData>

#include <cstdio>

using namespace cw;

namespace {

void measure(const char* label, document::PlanDocument& doc, const std::string& cluster,
             const std::vector<std::pair<widgets::DragPayload, std::string>>& drags)
{
    widgets::PlanScene scene(&doc, cluster);
    widgets::PlanView view(&scene);
    view.resize(1000, 700);
    view.show();
    QApplication::processEvents();
    for (const auto& [payload, pool] : drags) {
        // The planner's answer, uncached (no drag in progress): canPlace, and for a template
        // also the copy of the plan with the workload it would become.
        QElapsedTimer t;
        const int runs = 50;
        t.start();
        for (int i = 0; i < runs; ++i)
            scene.feasibility(payload, pool);
        const double canPlaceMs = double(t.nsecsElapsed()) / 1e6 / runs;

        // A hover step as the scene handles it: the first over a pool (asks the planner), the
        // following ones (cached), each with the repaint of what changed.
        std::unique_ptr<QMimeData> mime(payload.toMimeData());
        QGraphicsSceneDragDropEvent enter(QEvent::GraphicsSceneDragEnter);
        enter.setMimeData(mime.get());
        QCoreApplication::sendEvent(&scene, &enter);
        const QPointF at = scene.poolItem(pool)->sceneBoundingRect().center();
        view.centerOn(at);
        QApplication::processEvents();
        // One hover step: the event, then the repaint of what it changed (as the event loop
        // does between two frames).
        auto hover = [&](QPointF pos) {
            QGraphicsSceneDragDropEvent move(QEvent::GraphicsSceneDragMove);
            move.setMimeData(mime.get());
            move.setScenePos(pos);
            QCoreApplication::sendEvent(&scene, &move);
            QApplication::processEvents();
        };
        QApplication::processEvents();
        t.restart();
        hover(at);
        const double firstMs = double(t.nsecsElapsed()) / 1e6;
        t.restart();
        for (int i = 0; i < runs; ++i)
            hover(at + QPointF(i % 7, i % 5));
        const double nextMs = double(t.nsecsElapsed()) / 1e6 / runs;
        // Crossing between this pool and the one above it: the highlight changes every step.
        const auto& pools = scene.view().pools;
        std::string other = pools.front().pool.name == pool ? pools.back().pool.name : pools.front().pool.name;
        const QPointF otherAt = scene.poolItem(other)->sceneBoundingRect().center();
        t.restart();
        for (int i = 0; i < runs; ++i)
            hover(i % 2 ? at : otherAt);
        const double crossMs = double(t.nsecsElapsed()) / 1e6 / runs;
        // The worst case: the whole viewport repainted.
        t.restart();
        for (int i = 0; i < 10; ++i)
            view.viewport()->repaint();
        const double fullMs = double(t.nsecsElapsed()) / 1e6 / 10;
        QGraphicsSceneDragDropEvent leave(QEvent::GraphicsSceneDragLeave);
        QCoreApplication::sendEvent(&scene, &leave);
        std::printf("%-8s %-8s %-20s -> %-7s canPlace %5.2f ms | hover: first %5.2f, same pool %5.2f, crossing pools %5.2f ms | full repaint %5.2f ms\n",
                    label, payload.kind == widgets::DragPayload::Kind::Workload ? "workload" : "template", payload.id.c_str(), pool.c_str(),
                    canPlaceMs, firstMs, nextMs, crossMs, fullMs);
    }
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    diag::Diagnostics diags;
    const catalog::Catalog cat = catalog::Catalog::load({}, diags);
    using K = widgets::DragPayload::Kind;
    {
        const auto text = resources::file("examples/genai-platform.yaml");
        auto doc = document::PlanDocument::fromPlan(*io::readPlanText(*text, "x").plan, cat);
        bench::waitForSolution(doc.get(), 60000);
        measure("example", *doc, "gke-ai",
                {{{K::Workload, "api-gateway"}, "general"}, {{K::Workload, "api-gateway"}, "l4"},
                 {{K::Template, "inference-deployment"}, "l4"}, {{K::Template, "llm-training-gpu"}, "a3-h100"}});
    }
    {
        const int pods = argc > 1 ? std::atoi(argv[1]) : 10000;
        auto doc = document::PlanDocument::fromPlan(bench::largePlan(pods), cat);
        bench::waitForSolution(doc.get(), 600000);
        measure("10k Pods", *doc, "big",
                {{{K::Workload, "svc-0"}, "highmem"}, {{K::Workload, "svc-4"}, "cpu"}, {{K::Template, "batch-job"}, "cpu"}});
    }
    return 0;
}
