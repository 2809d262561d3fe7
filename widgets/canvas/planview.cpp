// SPDX-License-Identifier: GPL-3.0-or-later
#include "planview.h"

#include "planscene.h"

#include <QApplication>
#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace cw::widgets {

namespace {
constexpr qreal kMinZoom = 0.02;
constexpr qreal kMaxZoom = 4.0;
constexpr qreal kStep = 1.25;
}

PlanView::PlanView(PlanScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    // Only what changed is repainted: a drop highlight is a frame, not the nodes inside it.
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState | QGraphicsView::DontAdjustForAntialiasing);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    setAccessibleName(tr("Canvas of cluster %1").arg(QString::fromStdString(scene->cluster())));
    connect(scene, &PlanScene::currentChanged, this, [this] {
        ensureCurrentVisible();
        updateAccessibleDescription();
    });
    // A canvas opens at its top left; when the solution arrives and the canvas grows, it
    // stays there unless the user has moved.
    connect(scene, &QGraphicsScene::sceneRectChanged, this, [this] {
        if (m_userScrolled)
            return;
        m_autoScrolling = true;
        horizontalScrollBar()->setValue(horizontalScrollBar()->minimum());
        verticalScrollBar()->setValue(verticalScrollBar()->minimum());
        m_autoScrolling = false;
    });
    QMetaObject::invokeMethod(this, [this] { Q_EMIT this->scene()->sceneRectChanged(this->scene()->sceneRect()); }, Qt::QueuedConnection);
}

void PlanView::scrollContentsBy(int dx, int dy)
{
    if (!m_autoScrolling && isVisible() && (dx != 0 || dy != 0) && (QApplication::mouseButtons() || hasFocus()))
        m_userScrolled = true;
    QGraphicsView::scrollContentsBy(dx, dy);
}

PlanScene* PlanView::planScene() const
{
    return static_cast<PlanScene*>(scene());
}

qreal PlanView::zoom() const
{
    return transform().m11();
}

void PlanView::setZoom(qreal z, const QPointF* anchor)
{
    z = std::clamp(z, kMinZoom, kMaxZoom);
    const qreal factor = z / zoom();
    if (std::abs(factor - 1.0) < 1e-6)
        return;
    if (anchor) {
        const ViewportAnchor old = transformationAnchor();
        setTransformationAnchor(QGraphicsView::NoAnchor);
        const QPointF viewPos = mapFromScene(*anchor);
        scale(factor, factor);
        const QPointF delta = mapToScene(viewPos.toPoint()) - *anchor;
        translate(delta.x(), delta.y());
        setTransformationAnchor(old);
    } else {
        scale(factor, factor);
    }
    planScene()->setZoomHint(zoom());
    Q_EMIT zoomChanged(zoom());
}

void PlanView::zoomIn()
{
    setZoom(zoom() * kStep);
}

void PlanView::zoomOut()
{
    setZoom(zoom() / kStep);
}

void PlanView::resetZoom()
{
    setZoom(1.0);
}

void PlanView::fitToWindow()
{
    const QRectF r = scene()->sceneRect();
    if (r.isEmpty())
        return;
    const qreal z = std::min(viewport()->width() / r.width(), viewport()->height() / r.height());
    setZoom(std::min(z, 1.0));
    centerOn(r.center());
}

void PlanView::ensureCurrentVisible()
{
    const QRectF r = planScene()->currentRect();
    if (!r.isNull())
        ensureVisible(r, 40, 40);
}

void PlanView::updateAccessibleDescription()
{
    const auto& cur = planScene()->current();
    QString text;
    switch (cur.kind) {
    case document::ObjectRef::Kind::Pod:
        text = tr("Pod %1 of workload %2").arg(cur.replica).arg(QString::fromStdString(cur.name));
        break;
    case document::ObjectRef::Kind::Node:
        text = tr("Node %1").arg(QString::fromStdString(cur.name));
        break;
    case document::ObjectRef::Kind::Pool:
        text = tr("Node pool %1").arg(QString::fromStdString(cur.name));
        break;
    case document::ObjectRef::Kind::Workload:
        text = tr("Workload %1").arg(QString::fromStdString(cur.name));
        break;
    default:
        text = tr("Nothing selected");
    }
    setAccessibleDescription(text);
}

void PlanView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal steps = event->angleDelta().y() / 120.0;
        const QPointF anchor = mapToScene(event->position().toPoint());
        setZoom(zoom() * std::pow(kStep, steps), &anchor);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void PlanView::keyPressEvent(QKeyEvent* event)
{
    PlanScene* s = planScene();
    using D = PlanScene::Direction;
    switch (event->key()) {
    case Qt::Key_Left: s->navigate(D::Left); break;
    case Qt::Key_Right: s->navigate(D::Right); break;
    case Qt::Key_Up: s->navigate(D::Up); break;
    case Qt::Key_Down: s->navigate(D::Down); break;
    case Qt::Key_Home: s->navigate(D::First); break;
    case Qt::Key_End: s->navigate(D::Last); break;
    case Qt::Key_PageUp: s->navigate(D::PreviousPool); break;
    case Qt::Key_PageDown: s->navigate(D::NextPool); break;
    case Qt::Key_Return:
    case Qt::Key_Enter: s->activateCurrent(); break;
    case Qt::Key_Delete:
    case Qt::Key_Backspace: s->deleteCurrent(); break;
    case Qt::Key_Space:
        if (!event->isAutoRepeat()) {
            m_spaceHeld = true;
            viewport()->setCursor(Qt::OpenHandCursor);
        }
        break;
    default:
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PlanView::keyReleaseEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->unsetCursor();
    }
    QGraphicsView::keyReleaseEvent(event);
}

void PlanView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton || (m_spaceHeld && event->button() == Qt::LeftButton)) {
        m_panning = true;
        m_panStart = event->pos();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void PlanView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_panning) {
        const QPoint delta = event->pos() - m_panStart;
        m_panStart = event->pos();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void PlanView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_panning) {
        m_panning = false;
        if (m_spaceHeld)
            viewport()->setCursor(Qt::OpenHandCursor);
        else
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void PlanView::focusInEvent(QFocusEvent* event)
{
    QGraphicsView::focusInEvent(event);
    updateAccessibleDescription();
}

} // namespace cw::widgets
