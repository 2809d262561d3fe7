// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>

namespace cw::widgets {

class PlanScene;

// The view of a cluster's canvas: zoom (Ctrl+wheel, Ctrl++ / Ctrl+-, fit), pan (scroll bars,
// middle button, space + drag), and the keyboard: arrows move between Pods and nodes, Page
// Up/Down between pools, Home/End, Enter inspects, Delete removes the workload.
class PlanView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit PlanView(PlanScene* scene, QWidget* parent = nullptr);

    PlanScene* planScene() const;
    qreal zoom() const;
    void setZoom(qreal zoom, const QPointF* anchorScenePos = nullptr);

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitToWindow();
    void ensureCurrentVisible();

Q_SIGNALS:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void updateAccessibleDescription();

    bool m_userScrolled = false; // until then, the view stays at the canvas's top left
    bool m_autoScrolling = false;
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panStart;
};

} // namespace cw::widgets
