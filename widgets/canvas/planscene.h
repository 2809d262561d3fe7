// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canvasmodel.h"
#include "document/objectref.h"
#include "mimetypes.h"
#include "style/canvastheme.h"
#include "style/workloadpalette.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>

#include <map>
#include <memory>

class QTimer;

namespace cw::document {
class PlanDocument;
}

namespace cw::widgets {

class NodeItem;
class PoolItem;
class PodListItem;

// The canvas of one cluster: its node pools as frames and their nodes as the solver placed
// them, with every Pod as a chip in its workload's colour. A pure view of the document: it is
// rebuilt from the plan and the latest solution when they change, reusing the item of each
// pool and node (keyed by name), so that a re-solve updates the picture in place. Items never
// write to the plan; a drop asks for one undo command.
class PlanScene : public QGraphicsScene
{
    Q_OBJECT

public:
    enum class Direction { Left, Right, Up, Down, First, Last, PreviousPool, NextPool };

    PlanScene(document::PlanDocument* document, std::string cluster, QObject* parent = nullptr);
    ~PlanScene() override;

    document::PlanDocument* document() const { return m_document; }
    const std::string& cluster() const { return m_cluster; }
    const ClusterView& view() const { return m_view; }
    const CanvasTheme& theme() const { return m_theme; }
    const WorkloadPalette& workloadPalette() const { return m_palette; }

    // Applies a drag's payload dropped at scenePos: a template adds a workload pinned to the
    // pool there, a workload is re-pinned to it. Pushes exactly one undo command when the
    // planner says it fits; otherwise changes nothing and returns false with the reason.
    bool dropPayload(const QMimeData& mime, QPointF scenePos, QString* refusal = nullptr);
    // Would the payload fit in the pool? Cached for the drag in progress. An empty pool means
    // the cluster itself (Autopilot: no pools, Pods placed by GKE).
    solve::Feasibility feasibility(const DragPayload& payload, const std::string& pool);

    PoolItem* poolAt(QPointF scenePos) const;
    // The Autopilot frame at a point (a drop target without pools), or null.
    PodListItem* autopilotAt(QPointF scenePos) const;
    PoolItem* poolItem(const std::string& pool) const;
    NodeItem* nodeItem(const std::string& key) const;
    int nodeItemCount() const { return int(m_nodes.size()); }

    // The selection the canvas shares with the other views.
    const document::ObjectRef& current() const { return m_current; }
    void setCurrent(const document::ObjectRef& ref);
    // Keyboard navigation between Pods and nodes.
    void navigate(Direction direction);
    // The scene rectangle of the current object, for scrolling it into view.
    QRectF currentRect() const;
    // Delete: removes the current workload (or pool) as one undo command.
    bool deleteCurrent();
    // The user asked to inspect the current object (Enter, double click).
    void activateCurrent();

    // Draw full detail whatever the zoom (exports and reports).
    void setDetailForced(bool forced);
    bool isDetailForced() const { return m_detailForced; }
    // The view's zoom: cards are cached as images when they are big enough on screen for
    // that to pay (blocks in the distance draw faster than images).
    void setZoomHint(qreal zoom);
    // Lays every pool out at least this many nodes wide (up to its node count; 0: the
    // canvas's own choice), so that a picture of the whole cluster can match a wide frame
    // (reports). Lays out again at once.
    void setMinimumColumns(int columns);
    // Re-reads the theme after a palette change.
    void updateTheme();

    // Rebuilds now instead of at the next turn of the event loop.
    void rebuild();

Q_SIGNALS:
    void currentChanged(const cw::document::ObjectRef& ref);
    void activated(const cw::document::ObjectRef& ref);
    void dropRefused(const QString& reason);
    void dropApplied(const QString& description);
    void hoverFeedback(const QString& message);

protected:
    void dragEnterEvent(QGraphicsSceneDragDropEvent* event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent* event) override;
    void dragLeaveEvent(QGraphicsSceneDragDropEvent* event) override;
    void dropEvent(QGraphicsSceneDragDropEvent* event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    friend class NodeItem;
    friend class PoolItem;
    friend class PodListItem;

    void scheduleRebuild();
    void layoutItems();
    void clearDropFeedback();
    void updateItemsFor(const document::ObjectRef& ref);
    std::vector<document::ObjectRef> navigationStops() const;
    QRectF rectOf(const document::ObjectRef& ref) const;

    document::PlanDocument* m_document;
    std::string m_cluster;
    ClusterView m_view;
    std::shared_ptr<const solve::Solution> m_solution; // keeps what the items show alive
    CanvasTheme m_theme;
    WorkloadPalette m_palette;
    std::map<std::string, PoolItem*> m_pools;
    std::map<std::string, NodeItem*> m_nodes;
    PodListItem* m_unplaced = nullptr;
    PodListItem* m_autopilot = nullptr;
    document::ObjectRef m_current;
    QTimer* m_rebuildTimer;
    bool m_detailForced = false;
    int m_minimumColumns = 0;
    qreal m_zoom = 1.0;

    // The drag in progress: its payload and the planner's answer per pool.
    DragPayload m_drag;
    std::map<std::string, solve::Feasibility> m_dragCache;
    PoolItem* m_dropTarget = nullptr;
    bool m_autopilotTarget = false;
};

} // namespace cw::widgets
