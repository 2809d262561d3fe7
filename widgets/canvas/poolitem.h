// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canvasmodel.h"

#include <QGraphicsItem>

namespace cw::widgets {

class PlanScene;

// A node pool: a frame around its nodes with a header (name, machine types, capacity type,
// node count and limits, cost, pinned workloads). While a workload is dragged over it, it
// shows whether the workload fits and, if not, why.
class PoolItem : public QGraphicsItem
{
public:
    static constexpr qreal kHeader = 50;
    enum class DropState { None, Fits, Refuses };

    PoolItem();

    // The pool's data and frame size.
    void setPool(const PoolView& pool, QSizeF size, bool solved);
    const std::string& name() const { return m_name; }
    void setDropState(DropState state, const QString& reason = {});
    DropState dropState() const { return m_dropState; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;

private:
    PlanScene* planScene() const;
    QString titleText() const;
    QString detailText() const;
    void updateToolTip();

    std::string m_name;
    PoolView m_view; // without its nodes
    int m_nodeCount = 0;
    QSizeF m_size;
    bool m_solved = false;
    DropState m_dropState = DropState::None;
    QString m_dropReason;
};

// A frame of Pods that are on no node: the replicas the solver could not place (with the
// reason of each), or the Pods of an Autopilot cluster, which are billed one by one.
class PodListItem : public QGraphicsItem
{
public:
    enum class Kind { Unplaced, Autopilot };

    explicit PodListItem(Kind kind);
    Kind kind() const { return m_kind; }
    void setContent(std::vector<PodView> pods, std::vector<UnplacedView> unplaced, qreal width);
    // An Autopilot cluster takes drops too: the workload runs there, with no pool to pin.
    void setDropState(PoolItem::DropState state, const QString& reason = {});
    PoolItem::DropState dropState() const { return m_dropState; }
    qreal heightFor(qreal width) const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;

private:
    PlanScene* planScene() const;
    void layoutChips();
    int chipAt(QPointF pos) const;

    Kind m_kind;
    std::vector<PodView> m_pods;
    std::vector<UnplacedView> m_unplaced;
    std::vector<QRectF> m_chips;
    struct RowLabel {
        QRectF rect;
        std::string workload;
        int pods = 0;
    };
    std::vector<RowLabel> m_rows; // one row per workload
    qreal m_width = 400;
    qreal m_height = 80;
    PoolItem::DropState m_dropState = PoolItem::DropState::None;
    QString m_dropReason;
};

} // namespace cw::widgets
