// SPDX-License-Identifier: GPL-3.0-or-later
#include "planscene.h"

#include "document/editing.h"
#include "document/feasibility.h"
#include "document/plandocument.h"
#include "document/templatelibrary.h"
#include "document/workloadcommands.h"
#include "nodeitem.h"
#include "panels/diagnosticsmodel.h"
#include "poolitem.h"
#include "style/format.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QMimeData>
#include <QPalette>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace cw::widgets {

using document::ObjectRef;
using format::q;

namespace {

constexpr qreal kMargin = 24;
constexpr qreal kPoolGap = 20;
constexpr qreal kPad = 14;
constexpr qreal kCardGap = 10;
constexpr int kColumns = 4;
constexpr qreal kEmptyBody = 64;

// The first failing check of a feasibility answer, in the user's language.
QString refusalText(const solve::Feasibility& f)
{
    for (const auto& c : f.checks) {
        if (!c.ok)
            return DiagnosticsModel::translatedMessage(c.code, c.args, c.detail.empty() ? c.constraint : c.detail);
    }
    return {};
}

qreal minFrameWidth()
{
    return kColumns * (NodeItem::kWidth + kCardGap) - kCardGap + 2 * kPad;
}

int columnsFor(int nodes)
{
    if (nodes <= 8 * kColumns)
        return kColumns;
    // Large pools become wider blocks instead of long strips.
    return std::max(kColumns, int(std::ceil(std::sqrt(double(nodes) * 1.6))));
}

QString translated(const char* text)
{
    return QCoreApplication::translate("PlanScene", text);
}

} // namespace

PlanScene::PlanScene(document::PlanDocument* document, std::string cluster, QObject* parent)
    : QGraphicsScene(parent)
    , m_document(document)
    , m_cluster(std::move(cluster))
    , m_rebuildTimer(new QTimer(this))
{
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(0);
    connect(m_rebuildTimer, &QTimer::timeout, this, &PlanScene::rebuild);
    connect(m_document, &document::PlanDocument::planChanged, this, &PlanScene::scheduleRebuild);
    connect(m_document, &document::PlanDocument::solutionChanged, this, &PlanScene::scheduleRebuild);
    m_theme = CanvasTheme::fromPalette(palette());
    setBackgroundBrush(m_theme.background);
    rebuild();
}

PlanScene::~PlanScene() = default;

void PlanScene::scheduleRebuild()
{
    m_rebuildTimer->start();
}

void PlanScene::updateTheme()
{
    m_theme = CanvasTheme::fromPalette(palette());
    m_palette = WorkloadPalette(m_document->plan(), palette());
    setBackgroundBrush(m_theme.background);
    update();
}

bool PlanScene::event(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        updateTheme();
    return QGraphicsScene::event(event);
}

namespace {
constexpr qreal kCacheFromZoom = 0.3;
}

void PlanScene::setDetailForced(bool forced)
{
    m_detailForced = forced;
    setZoomHint(m_zoom);
    update();
}

void PlanScene::setMinimumColumns(int columns)
{
    if (columns == m_minimumColumns)
        return;
    m_minimumColumns = columns;
    layoutItems();
    update();
}

void PlanScene::setZoomHint(qreal zoom)
{
    const bool wasCached = m_zoom >= kCacheFromZoom && !m_detailForced;
    m_zoom = zoom;
    const bool cached = m_zoom >= kCacheFromZoom && !m_detailForced;
    if (cached == wasCached && !m_nodes.empty() && (m_nodes.begin()->second->cacheMode() != QGraphicsItem::NoCache) == cached)
        return;
    for (auto& [key, item] : m_nodes)
        item->setCacheMode(cached ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache);
}

void PlanScene::rebuild()
{
    m_rebuildTimer->stop();
    m_solution = m_document->solution();
    m_view = buildClusterView(m_document->plan(), m_document->catalog(), m_solution.get(), m_cluster);
    m_palette = WorkloadPalette(m_document->plan(), palette());
    layoutItems();
    if (m_current.isValid() && m_current.kind != ObjectRef::Kind::Cluster && !m_current.existsIn(m_document->plan()))
        setCurrent(ObjectRef::clusterRef(m_cluster));
    update();
}

void PlanScene::layoutItems()
{
    std::map<std::string, PoolItem*> pools;
    std::map<std::string, NodeItem*> nodes;
    qreal y = kMargin;
    const qreal x = kMargin;
    qreal maxWidth = minFrameWidth();

    auto podList = [&](PodListItem*& item, PodListItem::Kind kind, bool wanted) {
        if (!wanted) {
            delete item;
            item = nullptr;
            return;
        }
        if (!item) {
            item = new PodListItem(kind);
            addItem(item);
        }
        item->setContent(kind == PodListItem::Kind::Autopilot ? m_view.autopilotPods : std::vector<PodView>{},
                         m_view.unplaced, minFrameWidth());
        item->setPos(x, y);
        y += item->boundingRect().height() + kPoolGap;
    };
    podList(m_unplaced, PodListItem::Kind::Unplaced, !m_view.unplaced.empty());
    podList(m_autopilot, PodListItem::Kind::Autopilot, m_view.autopilot);

    for (const PoolView& pv : m_view.pools) {
        const int n = int(pv.nodes.size());
        const int cols = std::max(columnsFor(n), std::min(n, m_minimumColumns));
        const int rows = (n + cols - 1) / cols;
        int maxPods = 0;
        bool accelerators = false;
        for (const auto& node : pv.nodes) {
            maxPods = std::max(maxPods, int(node.pods.size()));
            accelerators = accelerators || node.capacity.gpus > 0 || node.capacity.tpuChips > 0;
        }
        const qreal cardHeight = NodeItem::heightFor(maxPods, accelerators);
        const qreal width = std::max(minFrameWidth(), cols * (NodeItem::kWidth + kCardGap) - kCardGap + 2 * kPad);
        const qreal height = PoolItem::kHeader + (n > 0 ? rows * (cardHeight + kCardGap) - kCardGap : kEmptyBody) + kPad;
        maxWidth = std::max(maxWidth, width);

        PoolItem* pool = nullptr;
        if (auto it = m_pools.find(pv.pool.name); it != m_pools.end()) {
            pool = it->second;
            m_pools.erase(it);
        } else {
            pool = new PoolItem;
            addItem(pool);
        }
        pool->setPool(pv, QSizeF(width, height), m_view.solved);
        pool->setPos(x, y);
        pools[pv.pool.name] = pool;

        for (int i = 0; i < n; ++i) {
            const NodeView& nv = pv.nodes[size_t(i)];
            NodeItem* item = nullptr;
            if (auto it = m_nodes.find(nv.key); it != m_nodes.end()) {
                item = it->second;
                m_nodes.erase(it);
            } else {
                item = new NodeItem;
                item->setZValue(1);
                item->setCacheMode(m_zoom >= kCacheFromZoom && !m_detailForced ? QGraphicsItem::DeviceCoordinateCache
                                                                             : QGraphicsItem::NoCache);
                addItem(item);
            }
            item->setNode(nv, cardHeight);
            item->setPos(x + kPad + (i % cols) * (NodeItem::kWidth + kCardGap),
                         y + PoolItem::kHeader + (i / cols) * (cardHeight + kCardGap));
            nodes[nv.key] = item;
        }
        y += height + kPoolGap;
    }
    // What is left belongs to pools and nodes that are gone.
    if (m_dropTarget && !pools.count(m_dropTarget->name()))
        m_dropTarget = nullptr;
    for (auto& [name, item] : m_pools)
        delete item;
    for (auto& [key, item] : m_nodes)
        delete item;
    m_pools = std::move(pools);
    m_nodes = std::move(nodes);
    setSceneRect(QRectF(0, 0, maxWidth + 2 * kMargin, std::max(y + kMargin - kPoolGap, 200.0)));
}

PoolItem* PlanScene::poolAt(QPointF scenePos) const
{
    for (const auto& [name, item] : m_pools) {
        if (item->sceneBoundingRect().contains(scenePos))
            return item;
    }
    return nullptr;
}

PodListItem* PlanScene::autopilotAt(QPointF scenePos) const
{
    return m_autopilot && m_autopilot->sceneBoundingRect().contains(scenePos) ? m_autopilot : nullptr;
}

PoolItem* PlanScene::poolItem(const std::string& pool) const
{
    const auto it = m_pools.find(pool);
    return it == m_pools.end() ? nullptr : it->second;
}

NodeItem* PlanScene::nodeItem(const std::string& key) const
{
    const auto it = m_nodes.find(key);
    return it == m_nodes.end() ? nullptr : it->second;
}

solve::Feasibility PlanScene::feasibility(const DragPayload& payload, const std::string& pool)
{
    const bool cacheable = payload.kind == m_drag.kind && payload.id == m_drag.id;
    if (cacheable) {
        if (auto it = m_dragCache.find(pool); it != m_dragCache.end())
            return it->second;
    }
    solve::Feasibility f;
    auto refuse = [&](const QString& why) {
        f.fits = false;
        solve::FeasibilityCheck check;
        check.constraint = "drop";
        check.ok = false;
        check.detail = why.toStdString();
        f.checks.push_back(check);
    };
    const model::Plan& plan = m_document->plan();
    if (pool.empty()) {
        // An Autopilot cluster: GKE places the Pods; what it refuses, the advice checks say.
        if (payload.kind == DragPayload::Kind::Workload && !plan.workload(payload.id))
            refuse(translated(QT_TRANSLATE_NOOP("PlanScene", "the plan has no workload '%1'")).arg(q(payload.id)));
        else if (payload.kind == DragPayload::Kind::Workload && plan.workload(payload.id)->cluster == m_cluster)
            refuse(translated(QT_TRANSLATE_NOOP("PlanScene", "%1 runs in this cluster already")).arg(q(payload.id)));
        else if (payload.kind == DragPayload::Kind::Template && !document::findTemplate(payload.id))
            refuse(translated(QT_TRANSLATE_NOOP("PlanScene", "unknown template '%1'")).arg(q(payload.id)));
        else if (payload.kind == DragPayload::Kind::None)
            refuse(translated(QT_TRANSLATE_NOOP("PlanScene", "only workloads and templates can be dropped here")));
        else
            f.fits = true;
        if (cacheable)
            m_dragCache[pool] = f;
        return f;
    }
    if (payload.kind == DragPayload::Kind::Workload) {
        const model::Workload* w = plan.workload(payload.id);
        if (!w)
            refuse(translated(QT_TRANSLATE_NOOP("PlanScene", "the plan has no workload '%1'")).arg(q(payload.id)));
        else if (w->cluster == m_cluster && w->pool == pool)
            refuse(translated(QT_TRANSLATE_NOOP("PlanScene", "%1 is already pinned to this pool")).arg(q(w->name)));
        else
            f = document::checkPlacement(plan, m_document->catalog(), w->name, m_cluster, pool);
    } else if (payload.kind == DragPayload::Kind::Template) {
        const document::WorkloadTemplate* t = document::findTemplate(payload.id);
        if (!t) {
            refuse(translated(QT_TRANSLATE_NOOP("PlanScene", "unknown template '%1'")).arg(q(payload.id)));
        } else {
            // Ask about the workload the template would become, in a copy of the plan.
            model::Plan copy = plan;
            copy.workloads.push_back(document::instantiateTemplate(*t, plan, m_document->catalog(), m_cluster, pool));
            f = document::checkPlacement(copy, m_document->catalog(), copy.workloads.back().name, m_cluster, pool);
        }
    } else {
        refuse(translated(QT_TRANSLATE_NOOP("PlanScene", "only workloads and templates can be dropped here")));
    }
    if (cacheable)
        m_dragCache[pool] = f;
    return f;
}

bool PlanScene::dropPayload(const QMimeData& mime, QPointF scenePos, QString* refusal)
{
    auto refuse = [&](const QString& why) {
        if (refusal)
            *refusal = why;
        Q_EMIT dropRefused(why);
        return false;
    };
    const DragPayload payload = DragPayload::from(mime);
    if (!payload.isValid())
        return refuse(translated(QT_TRANSLATE_NOOP("PlanScene", "only workloads and templates can be dropped here")));
    const PoolItem* target = poolAt(scenePos);
    if (!target && !autopilotAt(scenePos))
        return refuse(translated(QT_TRANSLATE_NOOP("PlanScene", "drop onto a node pool")));
    const std::string pool = target ? target->name() : std::string();
    const solve::Feasibility f = feasibility(payload, pool);
    if (!f.fits)
        return refuse(refusalText(f));

    const model::Plan& plan = m_document->plan();
    if (payload.kind == DragPayload::Kind::Workload) {
        m_document->undoStack()->push(new document::PinWorkloadCommand(m_document, payload.id, m_cluster, pool));
        Q_EMIT dropApplied(pool.empty() ? translated(QT_TRANSLATE_NOOP("PlanScene", "%1 moved to %2")).arg(q(payload.id), q(m_cluster))
                                        : translated(QT_TRANSLATE_NOOP("PlanScene", "%1 pinned to %2")).arg(q(payload.id), q(pool)));
    } else {
        const document::WorkloadTemplate* t = document::findTemplate(payload.id);
        model::Workload w = document::instantiateTemplate(*t, plan, m_document->catalog(), m_cluster, pool);
        auto* command = new document::AddWorkloadCommand(m_document, w);
        command->setText(QCoreApplication::translate("Commands", "Add %1 to %2").arg(q(w.name), q(pool.empty() ? m_cluster : pool)));
        m_document->undoStack()->push(command);
        Q_EMIT dropApplied(translated(QT_TRANSLATE_NOOP("PlanScene", "%1 added to %2")).arg(q(w.name), q(pool.empty() ? m_cluster : pool)));
        setCurrent(ObjectRef::workload(m_cluster, w.name));
    }
    return true;
}

void PlanScene::clearDropFeedback()
{
    if (m_dropTarget)
        m_dropTarget->setDropState(PoolItem::DropState::None);
    if (m_autopilot)
        m_autopilot->setDropState(PoolItem::DropState::None);
    m_dropTarget = nullptr;
    m_autopilotTarget = false;
}

void PlanScene::dragEnterEvent(QGraphicsSceneDragDropEvent* event)
{
    const DragPayload payload = DragPayload::from(*event->mimeData());
    if (!payload.isValid()) {
        event->ignore();
        return;
    }
    if (payload.kind != m_drag.kind || payload.id != m_drag.id || m_dragCache.empty()) {
        m_drag = payload;
        m_dragCache.clear();
    }
    event->acceptProposedAction();
}

void PlanScene::dragMoveEvent(QGraphicsSceneDragDropEvent* event)
{
    const DragPayload payload = DragPayload::from(*event->mimeData());
    PoolItem* pool = payload.isValid() ? poolAt(event->scenePos()) : nullptr;
    PodListItem* autopilot = payload.isValid() && !pool ? autopilotAt(event->scenePos()) : nullptr;
    if (pool != m_dropTarget || bool(autopilot) != m_autopilotTarget)
        clearDropFeedback();
    if (autopilot) {
        m_autopilotTarget = true;
        const solve::Feasibility f = feasibility(payload, {});
        autopilot->setDropState(f.fits ? PoolItem::DropState::Fits : PoolItem::DropState::Refuses, refusalText(f));
        event->setDropAction(payload.kind == DragPayload::Kind::Template ? Qt::CopyAction : Qt::MoveAction);
        event->setAccepted(f.fits);
        return;
    }
    if (!pool) {
        event->ignore();
        return;
    }
    m_dropTarget = pool;
    const solve::Feasibility f = feasibility(payload, pool->name());
    const QString reason = refusalText(f);
    pool->setDropState(f.fits ? PoolItem::DropState::Fits : PoolItem::DropState::Refuses, reason);
    Q_EMIT hoverFeedback(f.fits ? translated(QT_TRANSLATE_NOOP("PlanScene", "%1 fits in %2")).arg(q(payload.id), q(pool->name()))
                                : translated(QT_TRANSLATE_NOOP("PlanScene", "%1 does not fit in %2: %3")).arg(q(payload.id), q(pool->name()), reason));
    if (f.fits) {
        event->setDropAction(payload.kind == DragPayload::Kind::Template ? Qt::CopyAction : Qt::MoveAction);
        event->accept();
    } else {
        event->ignore();
    }
}

void PlanScene::dragLeaveEvent(QGraphicsSceneDragDropEvent* event)
{
    clearDropFeedback();
    Q_EMIT hoverFeedback({});
    event->accept();
}

void PlanScene::dropEvent(QGraphicsSceneDragDropEvent* event)
{
    clearDropFeedback();
    const bool applied = dropPayload(*event->mimeData(), event->scenePos());
    m_drag = {};
    m_dragCache.clear();
    if (applied)
        event->acceptProposedAction();
    else
        event->ignore();
}

void PlanScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsScene::mousePressEvent(event);
    if (!event->isAccepted() && event->button() == Qt::LeftButton) {
        setCurrent(ObjectRef::clusterRef(m_cluster));
        event->accept();
    }
}

void PlanScene::updateItemsFor(const ObjectRef& ref)
{
    switch (ref.kind) {
    case ObjectRef::Kind::Pool:
        if (PoolItem* p = poolItem(ref.name))
            p->update();
        break;
    case ObjectRef::Kind::Node:
        if (NodeItem* n = nodeItem(ref.name))
            n->update();
        break;
    case ObjectRef::Kind::Pod:
    case ObjectRef::Kind::Workload:
        for (const auto& [key, item] : m_nodes) {
            for (const auto& p : item->node().pods) {
                if (p.workload == ref.name) {
                    item->update();
                    break;
                }
            }
        }
        if (m_unplaced)
            m_unplaced->update();
        if (m_autopilot)
            m_autopilot->update();
        break;
    default:
        break;
    }
}

void PlanScene::setCurrent(const ObjectRef& ref)
{
    if (ref == m_current)
        return;
    const ObjectRef old = m_current;
    m_current = ref;
    updateItemsFor(old);
    updateItemsFor(ref);
    Q_EMIT currentChanged(ref);
}

std::vector<ObjectRef> PlanScene::navigationStops() const
{
    std::vector<ObjectRef> stops;
    if (m_unplaced) {
        for (const auto& u : m_view.unplaced)
            stops.push_back(ObjectRef::pod(m_cluster, u.workload, u.replica));
    }
    if (m_autopilot) {
        for (const auto& p : m_view.autopilotPods)
            stops.push_back(ObjectRef::pod(m_cluster, p.workload, p.replica));
    }
    for (const auto& pv : m_view.pools) {
        stops.push_back(ObjectRef::pool(m_cluster, pv.pool.name));
        for (const auto& n : pv.nodes) {
            if (n.pods.empty())
                stops.push_back(ObjectRef::node(m_cluster, n.key));
            for (const auto& p : n.pods)
                stops.push_back(ObjectRef::pod(m_cluster, p.workload, p.replica));
        }
    }
    return stops;
}

QRectF PlanScene::rectOf(const ObjectRef& ref) const
{
    switch (ref.kind) {
    case ObjectRef::Kind::Pool:
        if (const PoolItem* p = poolItem(ref.name))
            return p->mapRectToScene(QRectF(0, 0, p->boundingRect().width(), PoolItem::kHeader));
        break;
    case ObjectRef::Kind::Node:
        if (const NodeItem* n = nodeItem(ref.name))
            return n->sceneBoundingRect();
        break;
    case ObjectRef::Kind::Pod:
    case ObjectRef::Kind::Workload:
        for (const auto& [key, item] : m_nodes) {
            const auto& pods = item->node().pods;
            for (size_t i = 0; i < pods.size(); ++i) {
                if (pods[i].workload == ref.name && (ref.kind == ObjectRef::Kind::Workload || pods[i].replica == ref.replica))
                    return item->mapRectToScene(item->podRect(int(i)));
            }
        }
        if (m_unplaced)
            return m_unplaced->sceneBoundingRect();
        if (m_autopilot)
            return m_autopilot->sceneBoundingRect();
        break;
    default:
        break;
    }
    return {};
}

QRectF PlanScene::currentRect() const
{
    return rectOf(m_current);
}

void PlanScene::navigate(Direction direction)
{
    const std::vector<ObjectRef> stops = navigationStops();
    if (stops.empty())
        return;
    const auto it = std::find(stops.begin(), stops.end(), m_current);
    const int index = it == stops.end() ? -1 : int(it - stops.begin());
    auto go = [&](int i) { setCurrent(stops[size_t(std::clamp(i, 0, int(stops.size()) - 1))]); };
    switch (direction) {
    case Direction::First:
        go(0);
        return;
    case Direction::Last:
        go(int(stops.size()) - 1);
        return;
    case Direction::Right:
        go(index < 0 ? 0 : index + 1);
        return;
    case Direction::Left:
        go(index < 0 ? 0 : index - 1);
        return;
    case Direction::NextPool:
    case Direction::PreviousPool: {
        const int step = direction == Direction::NextPool ? 1 : -1;
        for (int i = index + step; i >= 0 && i < int(stops.size()); i += step) {
            if (stops[size_t(i)].kind == ObjectRef::Kind::Pool) {
                go(i);
                return;
            }
        }
        return;
    }
    case Direction::Up:
    case Direction::Down: {
        // The nearest stop above or below, by position on the canvas.
        const QRectF here = rectOf(m_current);
        if (here.isNull()) {
            go(0);
            return;
        }
        const QPointF c = here.center();
        const bool down = direction == Direction::Down;
        double best = 1e300;
        int bestIndex = -1;
        for (size_t i = 0; i < stops.size(); ++i) {
            const QRectF r = rectOf(stops[i]);
            if (r.isNull())
                continue;
            const double dy = r.center().y() - c.y();
            if ((down && dy <= 4) || (!down && dy >= -4))
                continue;
            const double dx = r.center().x() - c.x();
            const double score = dy * dy + 6 * dx * dx;
            if (score < best) {
                best = score;
                bestIndex = int(i);
            }
        }
        if (bestIndex >= 0)
            go(bestIndex);
        return;
    }
    }
}

bool PlanScene::deleteCurrent()
{
    switch (m_current.kind) {
    case ObjectRef::Kind::Pod:
    case ObjectRef::Kind::Workload:
        return document::removeWorkloads(m_document, {m_current.name});
    case ObjectRef::Kind::Pool:
        return document::removePool(m_document, m_cluster, m_current.name);
    default:
        return false;
    }
}

void PlanScene::activateCurrent()
{
    if (m_current.isValid())
        Q_EMIT activated(m_current);
}

} // namespace cw::widgets
