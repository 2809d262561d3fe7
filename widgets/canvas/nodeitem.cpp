// SPDX-License-Identifier: GPL-3.0-or-later
#include "nodeitem.h"

#include "planscene.h"
#include "model/quantity.h"
#include "style/format.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDrag>
#include <QGraphicsSceneHoverEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QMimeData>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace cw::widgets {

using format::q;

namespace {

constexpr qreal kPad = 8;
constexpr qreal kTitle = 16;
constexpr qreal kBar = 11;
constexpr qreal kAccel = 18;
constexpr qreal kChip = 12;
constexpr qreal kChipGap = 3;
constexpr qreal kWideChip = 18;
constexpr int kMaxChipRows = 6;
constexpr int kWideChipLimit = 3;

QString translated(const char* text)
{
    return QCoreApplication::translate("NodeItem", text);
}

int chipsPerRow()
{
    return int((NodeItem::kWidth - 2 * kPad + kChipGap) / (kChip + kChipGap));
}

QFont smallFont(qreal px, bool bold = false)
{
    QFont f = QApplication::font();
    f.setPixelSize(int(std::lround(px)));
    f.setBold(bold);
    return f;
}

} // namespace

NodeItem::NodeItem()
{
    setAcceptHoverEvents(true);
    setFlag(ItemIsSelectable, false);
    // Close up, a card is redrawn from a cached image while the view pans or a highlight
    // changes nearby (PlanScene::setZoomHint); exports turn the cache off to stay vector.
}

PlanScene* NodeItem::planScene() const
{
    return static_cast<PlanScene*>(scene());
}

qreal NodeItem::heightFor(int pods, bool accelerators)
{
    qreal podsHeight = 0;
    if (pods > 0 && pods <= kWideChipLimit) {
        podsHeight = kWideChip;
    } else if (pods > kWideChipLimit) {
        const int rows = std::min(kMaxChipRows, (pods + chipsPerRow() - 1) / chipsPerRow());
        podsHeight = rows * kChip + (rows - 1) * kChipGap;
    } else {
        podsHeight = kWideChip; // "no Pods"
    }
    return kPad + kTitle + 4 + kBar + 4 + kBar + (accelerators ? 5 + kAccel : 0) + 7 + podsHeight + kPad;
}

void NodeItem::setNode(NodeView node, qreal height)
{
    if (height != m_height)
        prepareGeometryChange();
    m_node = std::move(node);
    m_dominant = m_node.dominantWorkload();
    m_height = height;
    layoutPods();
    update();
}

QRectF NodeItem::boundingRect() const
{
    return {0, 0, kWidth, m_height};
}

void NodeItem::layoutPods()
{
    m_podRects.clear();
    m_hiddenPods = 0;
    const int n = int(m_node.pods.size());
    const qreal inner = kWidth - 2 * kPad;
    const qreal top = m_height - kPad - (n > kWideChipLimit
        ? std::min(kMaxChipRows, (n + chipsPerRow() - 1) / chipsPerRow()) * (kChip + kChipGap) - kChipGap
        : kWideChip);
    m_compactPods = n > kWideChipLimit;
    if (!m_compactPods) {
        const qreal w = n > 0 ? (inner - (n - 1) * kChipGap) / n : 0;
        for (int i = 0; i < n; ++i)
            m_podRects.emplace_back(kPad + i * (w + kChipGap), top, w, kWideChip);
        return;
    }
    const int perRow = chipsPerRow();
    const int capacity = perRow * kMaxChipRows;
    const int shown = std::min(n, capacity);
    for (int i = 0; i < shown; ++i) {
        const int row = i / perRow;
        const int col = i % perRow;
        m_podRects.emplace_back(kPad + col * (kChip + kChipGap), top + row * (kChip + kChipGap), kChip, kChip);
    }
    m_hiddenPods = n - shown;
}

int NodeItem::podAt(QPointF pos) const
{
    for (size_t i = 0; i < m_podRects.size(); ++i) {
        if (m_podRects[i].adjusted(-1, -1, 1, 1).contains(pos))
            return int(i);
    }
    return -1;
}

QRectF NodeItem::podRect(int index) const
{
    if (index < 0 || size_t(index) >= m_podRects.size())
        return boundingRect();
    return m_podRects[size_t(index)];
}

bool NodeItem::isSelected(int pod) const
{
    const document::ObjectRef& cur = planScene()->current();
    if (pod < 0)
        return cur.kind == document::ObjectRef::Kind::Node && cur.name == m_node.key;
    const PodView& p = m_node.pods[size_t(pod)];
    return cur.kind == document::ObjectRef::Kind::Pod && cur.name == p.workload && cur.replica == p.replica;
}

bool NodeItem::isWorkloadHighlighted(const std::string& workload) const
{
    const document::ObjectRef& cur = planScene()->current();
    return (cur.kind == document::ObjectRef::Kind::Workload || cur.kind == document::ObjectRef::Kind::Pod)
        && cur.name == workload;
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const PlanScene* s = planScene();
    const CanvasTheme& t = s->theme();
    const qreal lod = s->isDetailForced() ? 1.0 : option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF r = boundingRect();

    if (lod < 0.35) {
        // Far away: one block per node in its main workload's colour, idle nodes hatched.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(r, m_dominant.empty() ? t.track : s->workloadPalette().color(m_dominant));
        if (m_node.pods.empty() || m_node.forMinNodes)
            painter->fillRect(r, CanvasTheme::hatch(t.stranded));
        return;
    }
    paintDetailed(painter, lod);
}

void NodeItem::paintDetailed(QPainter* painter, qreal lod)
{
    const PlanScene* s = planScene();
    const CanvasTheme& t = s->theme();
    const WorkloadPalette& palette = s->workloadPalette();
    const bool detailed = lod >= 0.6; // smaller text could not be read anyway
    const QRectF r = boundingRect();

    painter->setRenderHint(QPainter::Antialiasing, true);
    QPen border(isSelected(-1) ? t.selection : t.cardBorder, isSelected(-1) ? 2.5 : 1);
    border.setCosmetic(!isSelected(-1));
    if (m_node.forMinNodes)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(t.card);
    painter->drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 5, 5);

    qreal y = kPad;
    if (detailed) {
        painter->setFont(smallFont(11, true));
        painter->setPen(t.text);
        const QRectF title(kPad, y - 2, kWidth - 2 * kPad, kTitle);
        QString price = m_node.priceKnown ? format::moneyPerHour(m_node.hourlyPrice) : translated(QT_TRANSLATE_NOOP("NodeItem", "no price"));
        if (m_node.priceUnverified)
            price += QStringLiteral(" ⚠");
        painter->setFont(smallFont(10));
        const qreal priceWidth = painter->fontMetrics().horizontalAdvance(price) + 4;
        painter->setPen(m_node.priceUnverified ? t.warning : t.mutedText);
        painter->drawText(title, Qt::AlignRight | Qt::AlignVCenter, price);
        painter->setFont(smallFont(11, true));
        painter->setPen(t.text);
        QString name = QStringLiteral("%1 #%2").arg(q(m_node.machineType)).arg(m_node.indexInGroup + 1);
        name = painter->fontMetrics().elidedText(name, Qt::ElideMiddle, int(title.width() - priceWidth));
        painter->drawText(title, Qt::AlignLeft | Qt::AlignVCenter, name);
    }
    y += kTitle + 4;
    paintBar(painter, QRectF(kPad, y, kWidth - 2 * kPad, kBar), translated(QT_TRANSLATE_NOOP("NodeItem", "CPU")),
             m_node.capacity.cpuMilli, m_node.allocatable.cpuMilli, m_node.daemonSets.cpuMilli, false, detailed);
    y += kBar + 4;
    paintBar(painter, QRectF(kPad, y, kWidth - 2 * kPad, kBar), translated(QT_TRANSLATE_NOOP("NodeItem", "MEM")),
             m_node.capacity.memoryBytes, m_node.allocatable.memoryBytes, m_node.daemonSets.memoryBytes, true, detailed);
    y += kBar;
    if (m_node.capacity.gpus > 0 || m_node.capacity.tpuChips > 0) {
        y += 5;
        paintAccelerators(painter, QRectF(kPad, y, kWidth - 2 * kPad, kAccel));
    }

    // Pods.
    if (m_node.pods.empty() && detailed) {
        painter->setFont(smallFont(10));
        painter->setPen(t.mutedText);
        const QRectF area(kPad, m_height - kPad - kWideChip, kWidth - 2 * kPad, kWideChip);
        painter->drawText(area, Qt::AlignCenter,
                          m_node.forMinNodes ? translated(QT_TRANSLATE_NOOP("NodeItem", "idle: kept for minNodes"))
                                             : translated(QT_TRANSLATE_NOOP("NodeItem", "no Pods")));
    }
    for (size_t i = 0; i < m_podRects.size(); ++i) {
        const PodView& p = m_node.pods[i];
        const QRectF pr = m_podRects[i];
        const QColor c = palette.color(p.workload);
        const bool selected = isSelected(int(i));
        const bool highlighted = isWorkloadHighlighted(p.workload);
        if (!detailed && !selected && !highlighted) {
            painter->fillRect(pr, c); // small at this zoom: no rounded corners
            continue;
        }
        painter->setPen(selected ? QPen(t.selection, 2.5) : (highlighted ? QPen(t.text, 1.5) : Qt::NoPen));
        painter->setBrush(c);
        painter->drawRoundedRect(pr, 3, 3);
        if (!m_compactPods && detailed && pr.width() > 30) {
            painter->setFont(smallFont(10, true));
            painter->setPen(palette.textColor(p.workload));
            const QString label = QStringLiteral("%1 #%2").arg(q(p.workload)).arg(p.replica);
            painter->drawText(pr.adjusted(4, 0, -3, 0), Qt::AlignVCenter | Qt::AlignLeft,
                              painter->fontMetrics().elidedText(label, Qt::ElideRight, int(pr.width() - 7)));
        }
    }
    if (m_hiddenPods > 0 && detailed) {
        const QRectF last = m_podRects.back();
        painter->setPen(Qt::NoPen);
        painter->setBrush(t.card);
        painter->drawRect(last.adjusted(-1, -1, 1, 1));
        painter->setFont(smallFont(8, true));
        painter->setPen(t.text);
        painter->drawText(last.adjusted(-2, 0, 2, 0), Qt::AlignCenter, QStringLiteral("+%1").arg(m_hiddenPods + 1));
    }
}

void NodeItem::paintBar(QPainter* painter, const QRectF& rect, const QString& label, int64_t capacity,
                        int64_t allocatable, int64_t daemonSets, bool memory, bool detailed)
{
    const PlanScene* s = planScene();
    const CanvasTheme& t = s->theme();
    const qreal labelWidth = detailed ? 30 : 0;
    const qreal valueWidth = detailed ? 62 : 0;
    QRectF bar = rect.adjusted(labelWidth, 1, -valueWidth, -1);
    if (capacity <= 0)
        capacity = std::max<int64_t>(1, allocatable + daemonSets);
    const qreal scale = bar.width() / qreal(capacity);

    painter->setPen(Qt::NoPen);
    painter->fillRect(bar, t.track);
    // Used by each Pod, in its workload's colour, from the left.
    int64_t used = 0;
    qreal x = bar.left();
    // Pods are sorted by workload: one segment per workload.
    for (size_t i = 0; i < m_node.pods.size();) {
        const std::string& workload = m_node.pods[i].workload;
        int64_t v = 0;
        for (; i < m_node.pods.size() && m_node.pods[i].workload == workload; ++i)
            v += memory ? m_node.pods[i].memoryBytes : m_node.pods[i].cpuMilli;
        const qreal w = v * scale;
        painter->fillRect(QRectF(x, bar.top(), w, bar.height()), s->workloadPalette().color(workload));
        x += w;
        used += v;
    }
    // Free allocatable capacity: paid for and unused.
    const int64_t free = std::max<int64_t>(0, allocatable - used);
    if (free > 0)
        painter->fillRect(QRectF(x, bar.top(), free * scale, bar.height()), CanvasTheme::hatch(t.stranded));
    // System reserve and DaemonSets at the right end.
    const int64_t reserve = std::max<int64_t>(0, capacity - allocatable - daemonSets);
    const qreal overheadWidth = (reserve + daemonSets) * scale;
    if (overheadWidth > 0) {
        const QRectF over(bar.right() - overheadWidth, bar.top(), overheadWidth, bar.height());
        painter->fillRect(over, t.overhead);
        if (reserve > 0)
            painter->fillRect(QRectF(over.left(), over.top(), reserve * scale, over.height()), CanvasTheme::hatch(t.card, Qt::FDiagPattern));
    }
    if (!detailed)
        return;
    painter->setFont(smallFont(9, true));
    painter->setPen(t.mutedText);
    painter->drawText(QRectF(rect.left(), rect.top() - 1, labelWidth, rect.height() + 2), Qt::AlignLeft | Qt::AlignVCenter, label);
    painter->setFont(smallFont(9));
    const QString value = memory
        ? QStringLiteral("%1/%2").arg(QString::number(double(used) / double(model::kGi), 'f', used >= 100 * model::kGi ? 0 : 1),
                                      QString::number(double(allocatable) / double(model::kGi), 'f', allocatable >= 100 * model::kGi ? 0 : 1))
        : QStringLiteral("%1/%2").arg(QString::number(double(used) / 1000.0, 'f', used >= 100000 ? 0 : 1),
                                      QString::number(double(allocatable) / 1000.0, 'f', allocatable >= 100000 ? 0 : 1));
    painter->drawText(QRectF(rect.right() - valueWidth + 4, rect.top() - 1, valueWidth - 4, rect.height() + 2),
                      Qt::AlignRight | Qt::AlignVCenter, value);
}

void NodeItem::paintAccelerators(QPainter* painter, const QRectF& rect)
{
    const PlanScene* s = planScene();
    const CanvasTheme& t = s->theme();
    const WorkloadPalette& palette = s->workloadPalette();
    painter->setFont(smallFont(9, true));
    painter->setPen(t.mutedText);
    const bool tpu = m_node.capacity.tpuChips > 0;
    const QRectF labelRect(rect.left(), rect.top(), 30, rect.height());
    painter->drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter,
                      tpu ? translated(QT_TRANSLATE_NOOP("NodeItem", "TPU")) : translated(QT_TRANSLATE_NOOP("NodeItem", "GPU")));
    // Which workload holds each slot, in Pod order.
    const int slots = int(tpu ? m_node.capacity.tpuChips : m_node.capacity.gpus);
    std::vector<const PodView*> owner(size_t(std::max(0, slots)), nullptr);
    size_t next = 0;
    for (const auto& p : m_node.pods) {
        const int take = tpu ? p.tpuChips : p.gpus;
        for (int i = 0; i < take && next < owner.size(); ++i)
            owner[next++] = &p;
    }
    const qreal left = rect.left() + 30;
    const qreal avail = rect.width() - 30;
    painter->setRenderHint(QPainter::Antialiasing, false);
    if (tpu) {
        const qreal size = std::min<qreal>(rect.height() - 4, (avail - (slots - 1) * 3) / std::max(1, slots));
        for (int i = 0; i < slots; ++i) {
            const QRectF chip(left + i * (size + 3), rect.top() + (rect.height() - size) / 2, size, size);
            painter->setPen(QPen(t.cardBorder, 0));
            painter->setBrush(owner[size_t(i)] ? palette.color(owner[size_t(i)]->workload) : t.track);
            painter->drawRect(chip);
            if (!owner[size_t(i)])
                painter->fillRect(chip, CanvasTheme::hatch(t.stranded));
        }
        if (m_node.slice >= 0) {
            painter->setFont(smallFont(9));
            painter->setPen(t.mutedText);
            const qreal textLeft = left + slots * (size + 3) + 4;
            const QRectF textRect(textLeft, rect.top(), rect.right() - textLeft, rect.height());
            const QString text = translated(QT_TRANSLATE_NOOP("NodeItem", "slice %1 · worker %2")).arg(m_node.slice).arg(m_node.tpuWorkerId);
            painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter,
                              painter->fontMetrics().elidedText(text, Qt::ElideLeft, int(textRect.width())));
        }
    } else {
        const int gpus = std::max(1, m_node.physicalGpus);
        const int parts = std::max(1, m_node.partitionsPerGpu);
        const qreal size = std::min<qreal>(rect.height(), (avail - (gpus - 1) * 3) / gpus);
        for (int g = 0; g < gpus; ++g) {
            const QRectF gpu(left + g * (size + 3), rect.top() + (rect.height() - size) / 2, size, size);
            const qreal partWidth = gpu.width() / parts;
            for (int p = 0; p < parts; ++p) {
                const size_t slot = size_t(g * parts + p);
                const QRectF part(gpu.left() + p * partWidth, gpu.top(), partWidth, gpu.height());
                const PodView* o = slot < owner.size() ? owner[slot] : nullptr;
                painter->fillRect(part, o ? palette.color(o->workload) : t.track);
                if (!o)
                    painter->fillRect(part, CanvasTheme::hatch(t.stranded));
            }
            painter->setPen(QPen(t.cardBorder, 0));
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(gpu);
            if (parts > 1) {
                painter->setPen(QPen(t.card, 0));
                for (int p = 1; p < parts; ++p)
                    painter->drawLine(QPointF(gpu.left() + p * partWidth, gpu.top() + 1), QPointF(gpu.left() + p * partWidth, gpu.bottom()));
            }
        }
        if (!m_node.migPartition.empty()) {
            painter->setFont(smallFont(9));
            painter->setPen(t.mutedText);
            const qreal textLeft = left + gpus * (size + 3) + 4;
            painter->drawText(QRectF(textLeft, rect.top(), rect.right() - textLeft, rect.height()), Qt::AlignRight | Qt::AlignVCenter,
                              translated(QT_TRANSLATE_NOOP("NodeItem", "MIG %1 × %2")).arg(q(m_node.migPartition)).arg(parts));
        }
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
}

QString NodeItem::toolTipFor(int pod) const
{
    auto row = [](const QString& k, const QString& v) {
        return QStringLiteral("<tr><td style='padding-right:8px'>%1</td><td>%2</td></tr>").arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    QString html;
    if (pod >= 0 && size_t(pod) < m_node.pods.size()) {
        const PodView& p = m_node.pods[size_t(pod)];
        html = QStringLiteral("<b>%1 #%2</b><table>").arg(q(p.workload).toHtmlEscaped()).arg(p.replica);
        html += row(translated(QT_TRANSLATE_NOOP("NodeItem", "Node")), QStringLiteral("%1 #%2").arg(q(m_node.machineType)).arg(m_node.indexInGroup + 1));
        html += row(translated(QT_TRANSLATE_NOOP("NodeItem", "CPU")), format::cpu(p.cpuMilli));
        html += row(translated(QT_TRANSLATE_NOOP("NodeItem", "Memory")), format::bytes(p.memoryBytes));
        if (p.gpus > 0)
            html += row(translated(QT_TRANSLATE_NOOP("NodeItem", "GPUs")), m_node.migPartition.empty()
                            ? QStringLiteral("%1 × %2").arg(p.gpus).arg(q(m_node.gpuType))
                            : QStringLiteral("%1 × %2 %3").arg(p.gpus).arg(q(m_node.gpuType), q(m_node.migPartition)));
        if (p.tpuChips > 0)
            html += row(translated(QT_TRANSLATE_NOOP("NodeItem", "TPU chips")), QString::number(p.tpuChips));
        html += QStringLiteral("</table><i>%1</i>").arg(translated(QT_TRANSLATE_NOOP("NodeItem", "Drag to another pool to pin the workload there.")).toHtmlEscaped());
        return html;
    }
    const NodeView& n = m_node;
    html = QStringLiteral("<b>%1 #%2</b> — %3<table>").arg(q(n.machineType).toHtmlEscaped()).arg(n.indexInGroup + 1)
               .arg(translated(QT_TRANSLATE_NOOP("NodeItem", "pool %1")).arg(q(n.pool)).toHtmlEscaped());
    QString price = n.priceKnown ? format::moneyPerHour(n.hourlyPrice) : translated(QT_TRANSLATE_NOOP("NodeItem", "no price in the catalog"));
    price += QStringLiteral(", ") + q(model::toString(n.capacityType));
    if (n.priceUnverified)
        price += QStringLiteral(" — ") + translated(QT_TRANSLATE_NOOP("NodeItem", "price unverified"));
    html += row(translated(QT_TRANSLATE_NOOP("NodeItem", "Price")), price);
    auto usage = [&](int64_t used, int64_t alloc, int64_t cap, int64_t ds, bool mem) {
        auto f = [mem](int64_t v) { return mem ? format::bytes(v) : format::cpu(v); };
        return translated(QT_TRANSLATE_NOOP("NodeItem", "%1 used of %2 allocatable (%3 raw, %4 DaemonSets, %5 system reserve)"))
            .arg(f(used), f(alloc), f(cap), f(ds), f(std::max<int64_t>(0, cap - alloc - ds)));
    };
    html += row(translated(QT_TRANSLATE_NOOP("NodeItem", "CPU")), usage(n.used.cpuMilli, n.allocatable.cpuMilli, n.capacity.cpuMilli, n.daemonSets.cpuMilli, false));
    html += row(translated(QT_TRANSLATE_NOOP("NodeItem", "Memory")), usage(n.used.memoryBytes, n.allocatable.memoryBytes, n.capacity.memoryBytes, n.daemonSets.memoryBytes, true));
    if (n.capacity.gpus > 0)
        html += row(translated(QT_TRANSLATE_NOOP("NodeItem", "GPUs")), translated(QT_TRANSLATE_NOOP("NodeItem", "%1 of %2 %3 in use"))
                        .arg(n.used.gpus).arg(n.capacity.gpus).arg(q(n.gpuType) + (n.migPartition.empty() ? QString() : QStringLiteral(" ") + q(n.migPartition))));
    if (n.capacity.tpuChips > 0)
        html += row(translated(QT_TRANSLATE_NOOP("NodeItem", "TPU chips")), translated(QT_TRANSLATE_NOOP("NodeItem", "%1 of %2 in use; topology %3"))
                        .arg(n.used.tpuChips).arg(n.capacity.tpuChips).arg(q(n.tpuTopology)));
    html += row(translated(QT_TRANSLATE_NOOP("NodeItem", "Pods")), QString::number(n.pods.size()) + QStringLiteral(" / ") + QString::number(n.allocatable.pods));
    if (n.forMinNodes)
        html += row(QString(), translated(QT_TRANSLATE_NOOP("NodeItem", "Exists only because of the pool's minimum node count.")));
    html += QStringLiteral("</table>");
    return html;
}

void NodeItem::hoverMoveEvent(QGraphicsSceneHoverEvent* event)
{
    setToolTip(toolTipFor(podAt(event->pos())));
    setCursor(podAt(event->pos()) >= 0 ? Qt::OpenHandCursor : Qt::ArrowCursor);
    QGraphicsItem::hoverMoveEvent(event);
}

void NodeItem::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    m_pressedPod = podAt(event->pos());
    m_pressPos = event->screenPos();
    PlanScene* s = planScene();
    if (m_pressedPod >= 0) {
        const PodView& p = m_node.pods[size_t(m_pressedPod)];
        s->setCurrent(document::ObjectRef::pod(s->cluster(), p.workload, p.replica));
    } else {
        s->setCurrent(document::ObjectRef::node(s->cluster(), m_node.key));
    }
    event->accept();
}

void NodeItem::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_pressedPod < 0 || !(event->buttons() & Qt::LeftButton) || !event->widget())
        return;
    if ((event->screenPos() - m_pressPos).manhattanLength() < QApplication::startDragDistance())
        return;
    const PodView& p = m_node.pods[size_t(m_pressedPod)];
    DragPayload payload{DragPayload::Kind::Workload, p.workload};
    auto* drag = new QDrag(event->widget());
    drag->setMimeData(payload.toMimeData());
    // The chip under the cursor, as the drag image.
    QPixmap pix(QSize(120, 20) * event->widget()->devicePixelRatioF());
    pix.setDevicePixelRatio(event->widget()->devicePixelRatioF());
    pix.fill(Qt::transparent);
    {
        QPainter pp(&pix);
        pp.setRenderHint(QPainter::Antialiasing);
        const QColor c = planScene()->workloadPalette().color(p.workload);
        pp.setBrush(c);
        pp.setPen(Qt::NoPen);
        pp.drawRoundedRect(QRectF(0, 0, 120, 20), 4, 4);
        pp.setPen(planScene()->workloadPalette().textColor(p.workload));
        pp.setFont(smallFont(11, true));
        pp.drawText(QRectF(6, 0, 110, 20), Qt::AlignVCenter, pp.fontMetrics().elidedText(q(p.workload), Qt::ElideRight, 108));
    }
    drag->setPixmap(pix);
    drag->setHotSpot(QPoint(10, 10));
    m_pressedPod = -1;
    drag->exec(Qt::MoveAction);
}

void NodeItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    m_pressedPod = -1;
    event->accept();
}

void NodeItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    planScene()->activateCurrent();
    event->accept();
}

} // namespace cw::widgets
