// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canvasmodel.h"

#include <QGraphicsItem>

namespace cw::widgets {

class PlanScene;

// One node as the solver placed it: a card with its machine type and price, CPU and memory
// bars (used per workload, free capacity hatched as stranded, system overhead grey), its GPU
// slots (MIG partitions as sub-slots) or TPU chips, and its Pods as chips. Zoomed out, it
// draws less: a plain block in the colour of its main workload.
class NodeItem : public QGraphicsItem
{
public:
    static constexpr qreal kWidth = 196;

    NodeItem();

    void setNode(NodeView node, qreal height);
    const NodeView& node() const { return m_node; }

    // The height a card needs for these Pods and accelerators.
    static qreal heightFor(int pods, bool accelerators);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    // The Pod chip at a point in item coordinates, -1 for none.
    int podAt(QPointF pos) const;
    QRectF podRect(int index) const;
    QString toolTipFor(int pod) const;

protected:
    void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;

private:
    PlanScene* planScene() const;
    void layoutPods();
    void paintDetailed(QPainter* painter, qreal lod);
    void paintBar(QPainter* painter, const QRectF& rect, const QString& label, int64_t capacity,
                  int64_t allocatable, int64_t daemonSets, bool memory, bool detailed);
    void paintAccelerators(QPainter* painter, const QRectF& rect);
    bool isSelected(int pod) const;
    bool isWorkloadHighlighted(const std::string& workload) const;

    NodeView m_node;
    std::string m_dominant; // cached for the zoomed-out view
    qreal m_height = 100;
    std::vector<QRectF> m_podRects;
    bool m_compactPods = false;
    int m_hiddenPods = 0;
    int m_pressedPod = -1;
    QPointF m_pressPos;
};

} // namespace cw::widgets
