// SPDX-License-Identifier: GPL-3.0-or-later
// The views of the main window. A new view is one registry.add() below: the window docks it
// (or adds it as a tab), lists it in the View and Export menus, gives it its place in the
// report and renders it for `clusterwright --screenshot FILE --view NAME`.
#include "canvas/planscene.h"
#include "canvas/planview.h"
#include "charts/chart.h"
#include "compare/comparepanel.h"
#include "document/plandocument.h"
#include "mainwindow.h"
#include "panels/costpanel.h"
#include "review/reportwriter.h"
#include "torusview.h"
#include "viewregistry.h"

#include <QCoreApplication>
#include <QStatusBar>

#include <algorithm>

namespace cw::gui {

void registerViews(ViewRegistry& registry)
{
    // The canvas of each cluster: the central tabs, owned by the window.
    ViewSpec canvas;
    canvas.name = QStringLiteral("canvas");
    canvas.title = [] { return QCoreApplication::translate("Views", "Canvas"); };
    canvas.kind = ViewSpec::Kind::Central;
    canvas.exportables = [](MainWindow& window, QWidget*) {
        std::vector<widgets::Renderable> out;
        if (window.document()) {
            for (const auto& c : window.document()->plan().clusters) {
                if (widgets::PlanScene* scene = window.scene(c.name))
                    out.push_back(widgets::sceneRenderable(scene, QCoreApplication::translate("Views", "Canvas of %1").arg(QString::fromStdString(c.name))));
            }
        }
        return out;
    };
    registry.add(canvas);

    // The cost dock: totals and the four charts.
    ViewSpec cost;
    cost.name = QStringLiteral("cost");
    cost.title = [] { return QCoreApplication::translate("Views", "Cost"); };
    cost.kind = ViewSpec::Kind::Dock;
    cost.area = Qt::BottomDockWidgetArea;
    cost.create = [](MainWindow& window) -> QWidget* {
        auto* panel = new widgets::CostPanel;
        panel->setDocument(window.document());
        QObject::connect(&window, &MainWindow::documentChanged, panel, &widgets::CostPanel::setDocument);
        return panel;
    };
    cost.exportables = [](MainWindow&, QWidget* view) {
        std::vector<widgets::Renderable> out;
        if (auto* panel = qobject_cast<widgets::CostPanel*>(view)) {
            for (widgets::Chart* chart : panel->charts())
                out.push_back(widgets::chartRenderable(chart));
        }
        return out;
    };
    registry.add(cost);

    // The TPU slices: every TPU pool as its torus, a tab beside the canvases.
    ViewSpec tpu;
    tpu.name = QStringLiteral("tpu");
    tpu.title = [] { return QCoreApplication::translate("Views", "TPU slices"); };
    tpu.kind = ViewSpec::Kind::Central;
    tpu.create = [](MainWindow& window) -> QWidget* {
        QWidget* view = widgets::createTpuView(window.document());
        widgets::TorusView* torus = widgets::torusViewOf(view);
        QObject::connect(&window, &MainWindow::documentChanged, torus, &widgets::TorusView::setDocument);
        QObject::connect(torus, &widgets::TorusView::dropRefused, &window,
                         [&window](const QString& why) { window.statusBar()->showMessage(QCoreApplication::translate("Views", "Not dropped: %1").arg(why), 8000); });
        return view;
    };
    tpu.exportables = [](MainWindow&, QWidget* view) {
        std::vector<widgets::Renderable> out;
        if (widgets::TorusView* torus = widgets::torusViewOf(view))
            out.push_back(widgets::torusRenderable(torus, QCoreApplication::translate("Views", "TPU slices")));
        return out;
    };
    tpu.renderPage = [](MainWindow& window, qreal dpr) {
        return widgets::renderTpuView(window.document(), 1280, std::max<qreal>(dpr, 2.0));
    };
    tpu.inReport = [](MainWindow& window, QWidget* view) {
        // Only plans with a TPU pool have slices to show.
        if (!widgets::torusViewOf(view) || !window.document())
            return false;
        const auto& clusters = window.document()->plan().clusters;
        return std::any_of(clusters.begin(), clusters.end(), [](const model::Cluster& c) {
            return std::any_of(c.nodePools.begin(), c.nodePools.end(), [](const model::NodePool& p) { return p.isTpu(); });
        });
    };
    tpu.paintInReport = [](MainWindow& window, QWidget*, QPainter& painter, const QRectF& target) {
        widgets::paintTpuViewFitted(window.document(), painter, target);
    };
    registry.add(tpu);

    // The provider comparison: the plan's workloads on GKE Standard, GKE Autopilot and EKS.
    ViewSpec compare;
    compare.name = QStringLiteral("compare");
    compare.title = [] { return QCoreApplication::translate("Views", "Compare Providers"); };
    compare.kind = ViewSpec::Kind::Central;
    compare.create = [](MainWindow& window) -> QWidget* {
        auto* panel = new widgets::ComparePanel;
        panel->setDocument(window.document());
        QObject::connect(&window, &MainWindow::documentChanged, panel, &widgets::ComparePanel::setDocument);
        return panel;
    };
    compare.busy = [](QWidget* view) {
        auto* panel = qobject_cast<widgets::ComparePanel*>(view);
        return panel && panel->isBusy();
    };
    compare.paintInReport = [](MainWindow&, QWidget* view, QPainter& painter, const QRectF& target) {
        if (auto* panel = qobject_cast<widgets::ComparePanel*>(view))
            panel->paint(painter, target);
    };
    compare.reportWeight = 1.8; // three figures, the cost bars and the break-even chart
    registry.add(compare);

    // The one-page design-review report, rendered rather than shown.
    ViewSpec report;
    report.name = QStringLiteral("report");
    report.title = [] { return QCoreApplication::translate("Views", "Report"); };
    report.kind = ViewSpec::Kind::Page;
    report.renderPage = [](MainWindow& window, qreal dpr) {
        window.showView(QStringLiteral("canvas"));
        window.waitUntilIdle(); // the solver and the comparison finish first
        return window.makeReportWriter()->renderImage(dpr);
    };
    registry.add(report);
}

} // namespace cw::gui
