// SPDX-License-Identifier: GPL-3.0-or-later
#include "poolitem.h"

#include "panels/diagnosticsmodel.h"
#include "planscene.h"
#include "style/format.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGraphicsSceneHoverEvent>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace cw::widgets {

using format::q;

namespace {

QString translated(const char* text)
{
    return QCoreApplication::translate("PoolItem", text);
}

QFont font(qreal px, bool bold = false)
{
    QFont f = QApplication::font();
    f.setPixelSize(std::max(1, int(std::lround(px))));
    f.setBold(bold);
    return f;
}

QString capacityText(model::Capacity c)
{
    switch (c) {
    case model::Capacity::OnDemand: return translated(QT_TRANSLATE_NOOP("PoolItem", "on-demand"));
    case model::Capacity::Spot: return translated(QT_TRANSLATE_NOOP("PoolItem", "Spot"));
    case model::Capacity::Reservation: return translated(QT_TRANSLATE_NOOP("PoolItem", "reservation"));
    case model::Capacity::FlexStart: return translated(QT_TRANSLATE_NOOP("PoolItem", "flex-start"));
    }
    return {};
}

constexpr qreal kChip = 14;
constexpr qreal kGap = 3;
constexpr qreal kTitle = 30;

} // namespace

PoolItem::PoolItem()
{
    setZValue(0);
}

PlanScene* PoolItem::planScene() const
{
    return static_cast<PlanScene*>(scene());
}

void PoolItem::setPool(const PoolView& pool, QSizeF size, bool solved)
{
    if (size != m_size)
        prepareGeometryChange();
    m_name = pool.pool.name;
    m_view.pool = pool.pool;
    m_view.hourlyCost = pool.hourlyCost;
    m_view.monthlyCost = pool.monthlyCost;
    m_view.pinned = pool.pinned;
    m_nodeCount = int(pool.nodes.size());
    m_size = size;
    m_solved = solved;
    updateToolTip();
    update();
}

void PoolItem::setDropState(DropState state, const QString& reason)
{
    if (state == m_dropState && reason == m_dropReason)
        return;
    m_dropState = state;
    m_dropReason = reason;
    // Only the header shows it: repainting the frame around a thousand nodes would repaint
    // the nodes too, and the feedback must keep up with the pointer.
    const QRectF r = boundingRect();
    update(QRectF(r.left(), r.top(), r.width(), kHeader));
}

QRectF PoolItem::boundingRect() const
{
    return {0, 0, m_size.width(), m_size.height()};
}

QString PoolItem::titleText() const
{
    QStringList types;
    for (const auto& t : m_view.pool.machineTypes)
        types << q(t);
    QString text = q(m_name) + QStringLiteral("  ·  ") + types.join(QStringLiteral(", "));
    if (!m_view.pool.tpuTopology.empty())
        text += QStringLiteral("  ·  ") + translated(QT_TRANSLATE_NOOP("PoolItem", "topology %1")).arg(q(m_view.pool.tpuTopology));
    if (!m_view.pool.gpuPartitionSize.empty())
        text += QStringLiteral("  ·  MIG ") + q(m_view.pool.gpuPartitionSize);
    return text;
}

QString PoolItem::detailText() const
{
    const auto& p = m_view.pool;
    const QString limits = p.maxNodes ? translated(QT_TRANSLATE_NOOP("PoolItem", "%1–%2")).arg(p.minNodes).arg(*p.maxNodes)
                                      : translated(QT_TRANSLATE_NOOP("PoolItem", "%1 or more")).arg(p.minNodes);
    QString text = capacityText(p.capacity) + QStringLiteral("  ·  ");
    if (m_solved) {
        text += QCoreApplication::translate("PoolItem", "%n node(s)", nullptr, m_nodeCount)
            + QStringLiteral(" (") + limits + QStringLiteral(")");
        if (m_nodeCount > 0)
            text += QStringLiteral("  ·  ") + format::moneyPerHour(m_view.hourlyCost) + QStringLiteral("  ·  ")
                + format::moneyPerMonth(m_view.monthlyCost);
    } else {
        text += translated(QT_TRANSLATE_NOOP("PoolItem", "nodes %1")).arg(limits);
    }
    if (!m_view.pinned.empty()) {
        QStringList pinned;
        for (const auto& w : m_view.pinned)
            pinned << q(w);
        text += QStringLiteral("  ·  ") + translated(QT_TRANSLATE_NOOP("PoolItem", "pinned: %1")).arg(pinned.join(QStringLiteral(", ")));
    }
    return text;
}

void PoolItem::updateToolTip()
{
    const auto& p = m_view.pool;
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>").arg(titleText().toHtmlEscaped());
    lines << detailText().toHtmlEscaped();
    QStringList flags;
    if (p.gvnic)
        flags << QStringLiteral("gVNIC");
    if (p.placement == model::Placement::Compact)
        flags << translated(QT_TRANSLATE_NOOP("PoolItem", "compact placement"));
    if (p.queuedProvisioning)
        flags << translated(QT_TRANSLATE_NOOP("PoolItem", "queued provisioning (DWS)"));
    if (!p.autoRepair)
        flags << translated(QT_TRANSLATE_NOOP("PoolItem", "auto-repair off"));
    if (p.efa)
        flags << QStringLiteral("EFA");
    for (const auto& t : p.taints)
        flags << translated(QT_TRANSLATE_NOOP("PoolItem", "taint %1")).arg(q(t.key + (t.value.empty() ? "" : "=" + t.value) + ":" + model::toString(t.effect)));
    if (!flags.isEmpty())
        lines << flags.join(QStringLiteral(" · ")).toHtmlEscaped();
    lines << QStringLiteral("<i>%1</i>").arg(translated(QT_TRANSLATE_NOOP("PoolItem", "Drop a workload or a template here to pin it to this pool.")).toHtmlEscaped());
    setToolTip(lines.join(QStringLiteral("<br>")));
}

void PoolItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const PlanScene* s = planScene();
    const CanvasTheme& t = s->theme();
    const qreal lod = s->isDetailForced() ? 1.0 : option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF r = boundingRect();
    const bool selected = s->current().kind == document::ObjectRef::Kind::Pool && s->current().name == m_name;

    painter->setRenderHint(QPainter::Antialiasing, true);
    QColor borderColor = t.frameBorder;
    qreal borderWidth = 1;
    if (selected) {
        borderColor = t.selection;
        borderWidth = 2.5;
    }
    QPen pen(borderColor, borderWidth);
    if (borderWidth == 1)
        pen.setCosmetic(true);
    painter->setPen(pen);
    painter->setBrush(t.frame);
    painter->drawRoundedRect(r.adjusted(borderWidth / 2, borderWidth / 2, -borderWidth / 2, -borderWidth / 2), 8, 8);

    if (lod < 0.5) {
        // Zoomed out: the name stays readable on screen.
        // Grows as the view shrinks, up to what the header holds.
        const qreal px = std::min(14.0 / std::max(lod, 0.02), kHeader * 0.62);
        painter->setFont(font(px, true));
        painter->setPen(t.text);
        const QRectF title(12, 2, r.width() - 24, kHeader - 4);
        painter->drawText(title, Qt::AlignLeft | Qt::AlignVCenter,
                          painter->fontMetrics().elidedText(q(m_name) + QStringLiteral(" (%1)").arg(m_nodeCount), Qt::ElideRight, int(title.width())));
    } else {
        painter->setFont(font(14, true));
        painter->setPen(t.text);
        const QRectF line1(14, 8, r.width() - 28, 18);
        painter->drawText(line1, Qt::AlignLeft | Qt::AlignVCenter,
                          painter->fontMetrics().elidedText(titleText(), Qt::ElideRight, int(line1.width())));
        painter->setFont(font(11));
        painter->setPen(t.mutedText);
        const QRectF line2(14, 28, r.width() - 28, 16);
        painter->drawText(line2, Qt::AlignLeft | Qt::AlignVCenter,
                          painter->fontMetrics().elidedText(detailText(), Qt::ElideRight, int(line2.width())));
    }

    if (m_dropState != DropState::None) {
        // The header turns green or red, with the answer in a banner.
        const QColor tone = m_dropState == DropState::Fits ? t.fits : t.refuses;
        QColor wash = tone;
        wash.setAlphaF(0.16);
        QPainterPath header;
        header.addRoundedRect(QRectF(1.5, 1.5, r.width() - 3, kHeader + 8), 7, 7);
        QPainterPath clip;
        clip.addRect(QRectF(0, 0, r.width(), kHeader - 2));
        painter->fillPath(header.intersected(clip), wash);
        painter->setPen(QPen(tone, 3));
        painter->drawLine(QPointF(2, kHeader - 3), QPointF(r.width() - 2, kHeader - 3));
        const QString text = m_dropState == DropState::Fits
            ? translated(QT_TRANSLATE_NOOP("PoolItem", "✓ fits: drop to pin here"))
            : QStringLiteral("✗ ") + m_dropReason;
        // Zoomed out, the banner grows so that it stays readable, as far as the header allows.
        const qreal k = lod < 0.5 ? std::min(1.0 / std::max(lod, 0.02), kHeader * 0.8 / 22.0) : 1.0;
        painter->setFont(font(12 * k, true));
        const QColor c = m_dropState == DropState::Fits ? t.fits : t.refuses;
        const qreal w = std::min(r.width() * 0.6, qreal(painter->fontMetrics().horizontalAdvance(text) + 20 * k));
        const QRectF banner(r.right() - w - 8, std::max(2.0, (kHeader - 22 * k) / 2 - 2), w, 22 * k);
        painter->setPen(Qt::NoPen);
        painter->setBrush(c);
        painter->drawRoundedRect(banner, 4, 4);
        painter->setPen(Qt::white);
        painter->drawText(banner.adjusted(8 * k, 0, -8 * k, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          painter->fontMetrics().elidedText(text, Qt::ElideRight, int(banner.width() - 16 * k)));
    }

    if (m_nodeCount == 0 && lod >= 0.3) {
        const QRectF body = r.adjusted(14, kHeader, -14, -12);
        QPen dash(t.frameBorder, 1, Qt::DashLine);
        dash.setCosmetic(true);
        painter->setPen(dash);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(body, 5, 5);
        painter->setFont(font(11));
        painter->setPen(t.mutedText);
        QString text;
        if (!m_solved)
            text = s->view().autopilot ? QString() : translated(QT_TRANSLATE_NOOP("PoolItem", "Waiting for the solver…"));
        else if (m_view.pool.minNodes == 0)
            text = translated(QT_TRANSLATE_NOOP("PoolItem", "No nodes: nothing needs this pool, and it scales down to zero."));
        else
            text = translated(QT_TRANSLATE_NOOP("PoolItem", "No nodes."));
        painter->drawText(body, Qt::AlignCenter, text);
    }
}

void PoolItem::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    PlanScene* s = planScene();
    s->setCurrent(document::ObjectRef::pool(s->cluster(), m_name));
    event->accept();
}

void PoolItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    planScene()->activateCurrent();
    event->accept();
}

PodListItem::PodListItem(Kind kind)
    : m_kind(kind)
{
    setAcceptHoverEvents(true);
}

PlanScene* PodListItem::planScene() const
{
    return static_cast<PlanScene*>(scene());
}

void PodListItem::setContent(std::vector<PodView> pods, std::vector<UnplacedView> unplaced, qreal width)
{
    prepareGeometryChange();
    m_pods = std::move(pods);
    m_unplaced = std::move(unplaced);
    m_width = width;
    layoutChips();
    update();
}

namespace {
constexpr qreal kRowLabel = 190;
}

qreal PodListItem::heightFor(qreal width) const
{
    // One row (or more) per workload: its name, then its Pods as chips.
    const size_t n = m_kind == Kind::Unplaced ? m_unplaced.size() : m_pods.size();
    const int perRow = std::max(1, int((width - 28 - kRowLabel + kGap) / (kChip + kGap)));
    std::vector<std::pair<std::string, int>> groups;
    for (size_t i = 0; i < n; ++i) {
        const std::string& w = m_kind == Kind::Unplaced ? m_unplaced[i].workload : m_pods[i].workload;
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == w; });
        if (it == groups.end())
            groups.emplace_back(w, 1);
        else
            ++it->second;
    }
    int rows = 0;
    for (const auto& g : groups)
        rows += (g.second + perRow - 1) / perRow;
    return kTitle + 8 + std::max(1, rows) * (kChip + 2 * kGap) + 10;
}

void PodListItem::layoutChips()
{
    m_chips.assign(m_kind == Kind::Unplaced ? m_unplaced.size() : m_pods.size(), QRectF());
    m_rows.clear();
    const size_t n = m_chips.size();
    const int perRow = std::max(1, int((m_width - 28 - kRowLabel + kGap) / (kChip + kGap)));
    std::vector<std::string> order;
    for (size_t i = 0; i < n; ++i) {
        const std::string& w = m_kind == Kind::Unplaced ? m_unplaced[i].workload : m_pods[i].workload;
        if (std::find(order.begin(), order.end(), w) == order.end())
            order.push_back(w);
    }
    qreal y = kTitle + 8;
    for (const std::string& w : order) {
        RowLabel label{QRectF(14, y, kRowLabel - 8, kChip), w, 0};
        int col = 0;
        for (size_t i = 0; i < n; ++i) {
            const std::string& wi = m_kind == Kind::Unplaced ? m_unplaced[i].workload : m_pods[i].workload;
            if (wi != w)
                continue;
            if (col == perRow) {
                col = 0;
                y += kChip + 2 * kGap;
            }
            m_chips[i] = QRectF(14 + kRowLabel + col * (kChip + kGap), y, kChip, kChip);
            ++col;
            ++label.pods;
        }
        m_rows.push_back(label);
        y += kChip + 2 * kGap;
    }
    m_height = heightFor(m_width);
}

void PodListItem::setDropState(PoolItem::DropState state, const QString& reason)
{
    if (state == m_dropState && reason == m_dropReason)
        return;
    m_dropState = state;
    m_dropReason = reason;
    update(QRectF(0, 0, m_width, kTitle + 4));
}

QRectF PodListItem::boundingRect() const
{
    return {0, 0, m_width, m_height};
}

int PodListItem::chipAt(QPointF pos) const
{
    for (size_t i = 0; i < m_chips.size(); ++i) {
        if (m_chips[i].adjusted(-1, -1, 1, 1).contains(pos))
            return int(i);
    }
    return -1;
}

void PodListItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const PlanScene* s = planScene();
    const CanvasTheme& t = s->theme();
    const QRectF r = boundingRect();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const bool unplaced = m_kind == Kind::Unplaced;
    QPen pen(unplaced ? t.refuses : t.frameBorder, unplaced ? 2 : 1);
    painter->setPen(pen);
    painter->setBrush(t.frame);
    painter->drawRoundedRect(r.adjusted(1, 1, -1, -1), 8, 8);
    painter->setFont(font(14, true));
    painter->setPen(unplaced ? t.refuses : t.text);
    const QString title = unplaced
        ? QCoreApplication::translate("PodListItem", "Not placed: %n Pod(s)", nullptr, int(m_unplaced.size()))
        : QCoreApplication::translate("PodListItem", "Autopilot: %n Pod(s), billed per Pod request; no nodes to plan", nullptr, int(m_pods.size()));
    painter->drawText(QRectF(14, 6, r.width() - 28, kTitle - 6), Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(title, Qt::ElideRight, int(r.width() - 28)));
    if (m_dropState != PoolItem::DropState::None) {
        const bool fits = m_dropState == PoolItem::DropState::Fits;
        const QString text = fits ? QCoreApplication::translate("PodListItem", "✓ drop to run it on Autopilot")
                                  : QStringLiteral("✗ ") + m_dropReason;
        painter->setFont(font(12, true));
        const qreal w = std::min(r.width() * 0.6, qreal(painter->fontMetrics().horizontalAdvance(text) + 20));
        const QRectF banner(r.right() - w - 8, 5, w, 22);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fits ? t.fits : t.refuses);
        painter->drawRoundedRect(banner, 4, 4);
        painter->setPen(Qt::white);
        painter->drawText(banner.adjusted(8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          painter->fontMetrics().elidedText(text, Qt::ElideRight, int(banner.width() - 16)));
    }
    painter->setFont(font(11));
    for (const RowLabel& row : m_rows) {
        painter->setPen(t.text);
        const QString text = QStringLiteral("%1 (%2)").arg(q(row.workload)).arg(row.pods);
        painter->drawText(row.rect.adjusted(0, -2, 0, 2), Qt::AlignLeft | Qt::AlignVCenter,
                          painter->fontMetrics().elidedText(text, Qt::ElideMiddle, int(row.rect.width())));
    }
    for (size_t i = 0; i < m_chips.size(); ++i) {
        const std::string& w = unplaced ? m_unplaced[i].workload : m_pods[i].workload;
        const int replica = unplaced ? m_unplaced[i].replica : m_pods[i].replica;
        const auto& cur = s->current();
        const bool selected = cur.kind == document::ObjectRef::Kind::Pod && cur.name == w && cur.replica == replica;
        painter->setPen(selected ? QPen(t.selection, 2.5) : Qt::NoPen);
        painter->setBrush(s->workloadPalette().color(w));
        painter->drawRoundedRect(m_chips[i], 3, 3);
        if (unplaced)
            painter->fillRect(m_chips[i], CanvasTheme::hatch(t.refuses, Qt::DiagCrossPattern));
    }
}

void PodListItem::hoverMoveEvent(QGraphicsSceneHoverEvent* event)
{
    const int i = chipAt(event->pos());
    if (i < 0) {
        setToolTip({});
        return;
    }
    if (m_kind == Kind::Unplaced) {
        const auto& u = m_unplaced[size_t(i)];
        setToolTip(QStringLiteral("<b>%1 #%2</b><br>%3 (%4)").arg(q(u.workload).toHtmlEscaped()).arg(u.replica)
                       .arg(DiagnosticsModel::translatedMessage(u.code, u.args, u.reason).toHtmlEscaped(), q(u.code)));
    } else {
        const auto& p = m_pods[size_t(i)];
        setToolTip(QStringLiteral("<b>%1 #%2</b><br>%3, %4").arg(q(p.workload).toHtmlEscaped()).arg(p.replica)
                       .arg(format::cpu(p.cpuMilli), format::bytes(p.memoryBytes)));
    }
}

void PodListItem::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    const int i = chipAt(event->pos());
    PlanScene* s = planScene();
    if (i >= 0) {
        const std::string& w = m_kind == Kind::Unplaced ? m_unplaced[size_t(i)].workload : m_pods[size_t(i)].workload;
        const int replica = m_kind == Kind::Unplaced ? m_unplaced[size_t(i)].replica : m_pods[size_t(i)].replica;
        s->setCurrent(document::ObjectRef::pod(s->cluster(), w, replica));
    }
    event->accept();
}

} // namespace cw::widgets
