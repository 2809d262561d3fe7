// SPDX-License-Identifier: GPL-3.0-or-later
#include "torusview.h"

#include "document/plandocument.h"
#include "document/tpucommands.h"
#include "canvas/mimetypes.h"
#include "style/canvastheme.h"
#include "style/workloadpalette.h"

#include <QApplication>
#include <QComboBox>
#include <QDrag>
#include <QDragEnterEvent>
#include <QHelpEvent>
#include <QImage>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QScrollArea>
#include <QToolTip>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace cw::widgets {

// The torus view's colours, from the canvas theme so that light and dark themes both read.
struct TorusColors {
    QColor background, panel, panelBorder, title, text, faint, chip, chipBorder, chipMark, link, wrap, twist;
    QColor hostTint[2], hostBorder[2];
    QColor ok, refused, layerFrame, tag;

    static TorusColors from(const QPalette& palette)
    {
        const CanvasTheme t = CanvasTheme::fromPalette(palette);
        TorusColors c;
        c.background = t.background;
        c.panel = t.frame;
        c.panelBorder = t.frameBorder;
        c.title = t.text;
        c.text = t.mutedText;
        c.faint = t.overhead;
        c.chip = t.dark ? QColor(0x3a, 0x3f, 0x47) : QColor(0xff, 0xff, 0xff);
        c.chipBorder = t.dark ? QColor(0x7a, 0x82, 0x8e) : QColor(0x7d, 0x88, 0x95);
        c.chipMark = t.dark ? QColor(0x4a, 0x50, 0x59) : QColor(0xe4, 0xe8, 0xed);
        c.link = t.dark ? QColor(0x5a, 0x61, 0x6c) : QColor(0xb3, 0xbc, 0xc7);
        c.wrap = t.dark ? QColor(0x6f, 0xa4, 0xf2) : QColor(0x2f, 0x6f, 0xd6);
        c.twist = t.dark ? QColor(0xc3, 0x8b, 0xe0) : QColor(0x8e, 0x44, 0xad);
        c.hostTint[0] = t.dark ? QColor(0x27, 0x34, 0x48) : QColor(0xe6, 0xef, 0xfb);
        c.hostTint[1] = t.dark ? QColor(0x3a, 0x32, 0x27) : QColor(0xf4, 0xec, 0xdf);
        c.hostBorder[0] = t.dark ? QColor(0x46, 0x5d, 0x80) : QColor(0xa9, 0xbd, 0xd8);
        c.hostBorder[1] = t.dark ? QColor(0x6b, 0x5a, 0x43) : QColor(0xd2, 0xbf, 0xa2);
        c.ok = t.fits;
        c.refused = t.refuses;
        c.layerFrame = t.dark ? QColor(0x2c, 0x30, 0x36) : QColor(0xf7, 0xf8, 0xfa);
        c.tag = t.dark ? QColor(0x1e, 0x20, 0x24, 225) : QColor(255, 255, 255, 225);
        return c;
    }
};


namespace {

constexpr double kMargin = 24;
constexpr double kHeader = 84;
constexpr double kPillHeight = 28;
constexpr double kGridPad = 12;
constexpr double kGridLabel = 20;
constexpr double kGridGap = 26;
constexpr double kMaxDiagramHeight = 760;
constexpr int kMinWidth = 420;

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QFont sized(const QFont& base, int pixels, bool bold = false)
{
    QFont f = base;
    f.setPixelSize(pixels);
    f.setBold(bold);
    return f;
}

// A diagnostic in the user's language: the translated template with its arguments.
QString messageText(const diag::Diagnostic& d)
{
    QString text = QCoreApplication::translate("Diagnostics", std::string(diag::messageTemplate(d.code)).c_str());
    if (text.isEmpty())
        return q(d.message());
    for (size_t i = d.args.size(); i-- > 0;)
        text.replace(QStringLiteral("%%1").arg(i + 1), q(d.args[i]));
    return text;
}

std::string poolKey(const std::string& cluster, const std::string& pool)
{
    return cluster + "/" + pool;
}

// Which axes of a twisted torus have twisted wraparound links, and the offset they land
// at: in k×k×2k the two short axes wrap k further along the long one; in k×2k×2k the short
// axis wraps k further along both long ones.
struct Twist {
    std::vector<bool> axes;
    QString landing;   // "z+4", "y+4 z+4"
};

Twist twistOf(const tpu::Slice& s)
{
    Twist t;
    t.axes.assign(s.topology.dims.size(), false);
    if (!s.twisted)
        return t;
    const auto& d = s.topology.dims;
    const int k = *std::min_element(d.begin(), d.end());
    static const char* names[] = {"x", "y", "z"};
    QStringList landing;
    for (size_t i = 0; i < d.size(); ++i) {
        if (d[i] == k)
            t.axes[i] = true;
        else
            landing << QStringLiteral("%1+%2").arg(QLatin1String(names[i])).arg(k);
    }
    t.landing = landing.join(QLatin1Char(' '));
    return t;
}

void arrowHead(QPainter& p, QPointF tip, QPointF from, double size)
{
    const QPointF d = tip - from;
    const double len = std::hypot(d.x(), d.y());
    if (len <= 0)
        return;
    const QPointF u = d / len;
    const QPointF n(-u.y(), u.x());
    QPolygonF head;
    head << tip << tip - u * size + n * size * 0.55 << tip - u * size - n * size * 0.55;
    p.drawPolygon(head);
}

} // namespace

TorusView::TorusView(document::PlanDocument* document, QWidget* parent)
    : QWidget(parent)
{
    setAcceptDrops(true);
    setMouseTracking(true);
    setAutoFillBackground(false);
    setObjectName(QStringLiteral("TorusView"));
    setAccessibleName(tr("TPU slices"));
    m_document = nullptr;
    setDocument(document);
}

document::PlanDocument* TorusView::document() const
{
    return m_document.data();
}

void TorusView::setDocument(document::PlanDocument* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_refusal.clear();
    m_refusedPanel = -1;
    m_hover = {};
    m_highlight.clear();
    if (m_document) {
        connect(m_document, &document::PlanDocument::planChanged, this, [this] {
            m_refusal.clear();
            m_refusedPanel = -1;
            rebuild();
        });
    }
    rebuild();
}

TorusView::~TorusView() = default;

void TorusView::rebuild()
{
    m_panels.clear();
    m_pills.clear();
    if (!m_document) {
        layoutFor(width());
        return;
    }
    const model::Plan& plan = m_document->plan();
    const catalog::Catalog& cat = m_document->catalog();
    for (const auto& c : plan.clusters) {
        for (const auto& p : c.nodePools) {
            if (!p.isTpu())
                continue;
            Panel panel;
            panel.cluster = c.name;
            panel.pool = p.name;
            panel.occ = tpu::occupancy(plan, c, p, cat);
            if (!panel.occ) {
                panel.problem = tr("This pool has no valid TPU slice.");
                for (const auto& d : m_document->diagnostics().items()) {
                    if (d.object == poolKey(c.name, p.name) && d.severity == diag::Severity::Error) {
                        panel.problem = messageText(d);
                        break;
                    }
                }
            }
            m_panels.push_back(std::move(panel));
        }
    }
    for (const auto& w : plan.workloads) {
        if (w.hasTpu())
            m_pills.push_back({w.name, {}});
    }
    layoutFor(std::max(width(), kMinWidth));
    update();
}

int TorusView::layoutFor(int width)
{
    const double w = std::max(width, kMinWidth);
    const double inner = w - 2 * kMargin;
    m_layoutWidth = int(w);
    double y = kMargin + 58; // title and subtitle

    // The tray of TPU workloads to drag.
    const QFontMetricsF fm(sized(font(), 12, true));
    const QFontMetricsF fmSmall(sized(font(), 11));
    double x = kMargin;
    if (!m_pills.empty()) {
        for (auto& pill : m_pills) {
            const model::Workload* wl = m_document->plan().workload(pill.workload);
            const QString detail = wl && wl->resources.tpu
                                       ? QStringLiteral("%1 %2").arg(q(wl->resources.tpu->type), q(wl->resources.tpu->topology))
                                       : QString();
            const double pw = fm.horizontalAdvance(q(pill.workload)) + fmSmall.horizontalAdvance(detail) + 48;
            if (x + pw > w - kMargin && x > kMargin) {
                x = kMargin;
                y += kPillHeight + 8;
            }
            pill.rect = QRectF(x, y, pw, kPillHeight);
            x += pw + 8;
        }
        y += kPillHeight + 18;
    }
    {
        // The legend's items wrap onto as many lines as the width needs.
        const QFontMetricsF lf(sized(font(), 11));
        m_legendItems.clear();
        double lx = kMargin, ly = y;
        for (int kind = 0; kind < 5; ++kind) {
            const double iw = legendSwatchWidth(kind) + lf.horizontalAdvance(legendText(kind)) + 22;
            if (lx + iw > w - kMargin && lx > kMargin) {
                lx = kMargin;
                ly += 24;
            }
            m_legendItems.push_back(QRectF(lx, ly, iw, 22));
            lx += iw;
        }
        m_legend = QRectF(kMargin, y, inner, ly + 22 - y);
        y = m_legend.bottom() + 18;
    }

    for (auto& panel : m_panels) {
        const double top = y;
        const double pickerW = std::min(280.0, inner * 0.38);
        panel.pickerRect = QRectF(kMargin + inner - 18 - pickerW, top + 12, pickerW, 26);
        panel.grids.clear();
        if (!panel.occ) {
            panel.diagram = QRectF(kMargin + 18, top + kHeader, inner - 36, 24);
            panel.frame = QRectF(kMargin, top, inner, kHeader + 40);
            y += panel.frame.height() + 20;
            continue;
        }
        const tpu::Slice& s = panel.occ->slice.slice;
        const auto& d = s.topology.dims;
        const int a = d[0], b = d[1], c = d.size() == 3 ? d[2] : 1;
        const int grids = d.size() == 3 ? c : panel.occ->slices;
        const bool wraps = s.hasWraparound() || s.twisted;
        const double avail = inner - 36;
        double chip = 34, pitch = 0, gap = 0, frameW = 0, frameH = 0;
        int perRow = 1, rows = 1;
        for (; chip >= 5; chip -= 1) {
            pitch = chip * 1.5;
            gap = wraps ? std::max(14.0, pitch * 0.6) : std::max(6.0, pitch * 0.3);
            frameW = (a - 1) * pitch + chip + 2 * gap + 2 * kGridPad;
            frameH = (b - 1) * pitch + chip + 2 * gap + 2 * kGridPad + kGridLabel;
            perRow = std::max(1, int((avail + kGridGap) / (frameW + kGridGap)));
            rows = (grids + perRow - 1) / perRow;
            if (frameW <= avail && rows * (frameH + kGridGap) <= kMaxDiagramHeight)
                break;
        }
        chip = std::max(chip, 5.0);
        panel.chip = chip;
        panel.pitch = pitch;
        panel.wrapGap = gap;
        const double diagramTop = top + kHeader;
        const int used = std::min(grids, perRow);
        const double rowW = used * frameW + (used - 1) * kGridGap;
        const double left = kMargin + 18 + std::max(0.0, (avail - rowW) / 2);
        for (int i = 0; i < grids; ++i) {
            const int row = i / perRow, col = i % perRow;
            Grid g;
            g.frame = QRectF(left + col * (frameW + kGridGap), diagramTop + row * (frameH + kGridGap), frameW, frameH);
            g.origin = g.frame.topLeft() + QPointF(kGridPad + gap, kGridPad + kGridLabel + gap);
            if (d.size() == 3)
                g.z = i;
            else
                g.node = i;
            panel.grids.push_back(g);
        }
        panel.diagram = QRectF(left, diagramTop, rowW, rows * (frameH + kGridGap) - kGridGap);
        const double footnote = d.size() == 3 ? (s.twisted || inner < 1100 ? 40 : 24) : 0;
        panel.frame = QRectF(kMargin, top, inner, kHeader + panel.diagram.height() + 22 + footnote);
        y += panel.frame.height() + 20;
    }
    if (m_panels.empty())
        y += 80;
    m_height = int(y + kMargin);
    setMinimumHeight(m_height);
    placePickers();
    return m_height;
}

void TorusView::placePickers()
{
    std::map<std::string, QPointer<QComboBox>> keep;
    if (m_document) {
        const model::Plan& plan = m_document->plan();
        for (const auto& panel : m_panels) {
            if (!panel.occ)
                continue;
            const std::string key = poolKey(panel.cluster, panel.pool);
            QComboBox* box = nullptr;
            if (auto it = m_pickers.find(key); it != m_pickers.end() && it->second)
                box = it->second;
            if (!box) {
                box = new QComboBox(this);
                box->setAccessibleName(tr("Topology of pool %1").arg(q(panel.pool)));
                box->setToolTip(tr("Equivalent slices with the same number of chips"));
                const std::string cluster = panel.cluster, pool = panel.pool;
                connect(box, &QComboBox::activated, this, [this, box, cluster, pool](int index) {
                    const QStringList parts = box->itemData(index).toString().split(QLatin1Char('|'));
                    if (parts.size() != 2 || !m_document)
                        return;
                    const model::Cluster* c = m_document->plan().cluster(cluster);
                    const model::NodePool* p = c ? c->pool(pool) : nullptr;
                    if (!p || (p->tpuTopology == parts[0].toStdString() && p->machineType() == parts[1].toStdString()))
                        return;
                    m_document->undoStack()->push(new document::ChangeTpuTopologyCommand(
                        m_document, cluster, pool, parts[0].toStdString(), parts[1].toStdString()));
                });
            }
            const tpu::PoolSlice& ps = panel.occ->slice;
            const auto equivalents = tpu::topologiesWithChips(*ps.slice.generation, ps.slice.chips);
            {
                const QSignalBlocker block(box);
                box->clear();
                int current = -1;
                for (const auto& e : equivalents) {
                    for (const auto& l : e.layouts) {
                        QString text = QStringLiteral("%1 · %2 × %3").arg(q(e.topology.text())).arg(l.hosts).arg(q(l.machineType));
                        if (e.twisted)
                            text += tr(" · twisted");
                        box->addItem(text, QStringLiteral("%1|%2").arg(q(e.topology.text()), q(l.machineType)));
                        if (e.topology == ps.slice.topology && l.machineType == ps.layout.machineType)
                            current = box->count() - 1;
                    }
                }
                box->setCurrentIndex(current);
                box->setEnabled(box->count() > 1);
            }
            box->setGeometry(panel.pickerRect.toRect());
            box->show();
            keep[key] = box;
        }
        (void)plan;
    }
    for (auto& [key, box] : m_pickers) {
        if (box && !keep.count(key))
            box->deleteLater();
    }
    m_pickers = std::move(keep);
}

QSize TorusView::sizeHint() const
{
    return {1100, m_height};
}

void TorusView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (std::max(width(), kMinWidth) != m_layoutWidth)
        layoutFor(width());
}

QRectF TorusView::poolRect(const QString& cluster, const QString& pool) const
{
    for (const auto& panel : m_panels) {
        if (q(panel.cluster) == cluster && q(panel.pool) == pool)
            return panel.frame;
    }
    return {};
}

QRectF TorusView::chipRect(const QString& cluster, const QString& pool, tpu::ChipCoord chip, int node) const
{
    for (const auto& panel : m_panels) {
        if (q(panel.cluster) != cluster || q(panel.pool) != pool || !panel.occ)
            continue;
        for (const auto& g : panel.grids) {
            if (g.z == chip.z && g.node == node)
                return chipRect(panel, g, chip.x, chip.y);
        }
    }
    return {};
}

QComboBox* TorusView::topologyPicker(const QString& cluster, const QString& pool) const
{
    auto it = m_pickers.find(poolKey(cluster.toStdString(), pool.toStdString()));
    return it == m_pickers.end() ? nullptr : it->second.data();
}

int TorusView::panelAt(QPointF pos) const
{
    for (size_t i = 0; i < m_panels.size(); ++i) {
        if (m_panels[i].frame.contains(pos))
            return int(i);
    }
    return -1;
}

std::optional<std::string> TorusView::workloadOf(const QMimeData& mime) const
{
    const DragPayload payload = DragPayload::from(mime);
    if (payload.kind != DragPayload::Kind::Workload)
        return std::nullopt;
    return payload.id;
}

bool TorusView::dropPayload(const QMimeData& mime, QPointF pos)
{
    m_hover = {};
    auto refuse = [&](const QString& reason, int panel) {
        m_refusal = reason;
        m_refusedPanel = panel;
        update();
        Q_EMIT dropRefused(reason);
        return false;
    };
    if (!m_document)
        return refuse(tr("There is no plan."), -1);
    const auto workload = workloadOf(mime);
    if (!workload)
        return refuse(tr("Only workloads can be dropped on a TPU slice."), -1);
    const int index = panelAt(pos);
    if (index < 0)
        return refuse(tr("Drop %1 on a TPU slice.").arg(q(*workload)), -1);
    const Panel& panel = m_panels[size_t(index)];
    const model::Workload* w = m_document->plan().workload(*workload);
    if (!w)
        return refuse(tr("The plan has no workload '%1'.").arg(q(*workload)), index);
    const tpu::AssignVerdict v = tpu::canAssign(m_document->plan(), m_document->catalog(), *workload, panel.cluster, panel.pool);
    if (!v.ok) {
        const auto& items = v.reasons.items();
        return refuse(items.empty() ? tr("%1 cannot run on this slice.").arg(q(*workload)) : messageText(items.front()), index);
    }
    if (w->pool == panel.pool && v.newTopology.empty())
        return refuse(tr("%1 is already on %2.").arg(q(*workload), q(panel.pool)), index);
    m_refusal.clear();
    m_refusedPanel = -1;
    m_highlight = *workload;
    m_document->undoStack()->push(new document::AssignTpuWorkloadCommand(m_document, *workload, panel.pool, v.newTopology));
    return true;
}

void TorusView::updateHover(const QMimeData& mime, QPointF pos)
{
    Hover h;
    h.panel = panelAt(pos);
    const auto workload = workloadOf(mime);
    if (h.panel >= 0 && workload && m_document) {
        const Panel& panel = m_panels[size_t(h.panel)];
        const auto v = tpu::canAssign(m_document->plan(), m_document->catalog(), *workload, panel.cluster, panel.pool);
        h.ok = v.ok;
        if (v.ok) {
            h.text = tr("Drop to pin %1 to %2").arg(q(*workload), q(panel.pool));
            for (const auto& d : v.reasons.items())
                h.text += QStringLiteral(" — ") + messageText(d);
        } else if (!v.reasons.empty()) {
            h.text = messageText(v.reasons.items().front());
        }
    }
    if (h.panel != m_hover.panel || h.ok != m_hover.ok || h.text != m_hover.text) {
        m_hover = h;
        update();
    }
}

void TorusView::dragEnterEvent(QDragEnterEvent* event)
{
    if (!workloadOf(*event->mimeData())) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    updateHover(*event->mimeData(), event->position());
}

void TorusView::dragMoveEvent(QDragMoveEvent* event)
{
    updateHover(*event->mimeData(), event->position());
    if (m_hover.ok)
        event->acceptProposedAction();
    else
        event->ignore();
}

void TorusView::dragLeaveEvent(QDragLeaveEvent* event)
{
    m_hover = {};
    update();
    QWidget::dragLeaveEvent(event);
}

void TorusView::dropEvent(QDropEvent* event)
{
    if (dropPayload(*event->mimeData(), event->position()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void TorusView::mousePressEvent(QMouseEvent* event)
{
    m_pressWorkload.clear();
    for (const auto& pill : m_pills) {
        if (pill.rect.contains(event->position())) {
            m_pressWorkload = pill.workload;
            m_pressPos = event->position();
        }
    }
    QWidget::mousePressEvent(event);
}

void TorusView::mouseMoveEvent(QMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_pressWorkload.empty()
        || (event->position() - m_pressPos).manhattanLength() < QApplication::startDragDistance()) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    QMimeData* mime = DragPayload{DragPayload::Kind::Workload, m_pressWorkload}.toMimeData();
    mime->setText(q(m_pressWorkload));
    auto* drag = new QDrag(this);
    drag->setMimeData(mime);
    QPixmap pix(QSize(160, 28) * devicePixelRatioF());
    pix.setDevicePixelRatio(devicePixelRatioF());
    pix.fill(Qt::transparent);
    {
        QPainter p(&pix);
        p.setRenderHint(QPainter::Antialiasing);
        const WorkloadPalette colours(m_document->plan(), palette());
        const QColor c = colours.color(m_pressWorkload);
        p.setBrush(c);
        p.setPen(c.darker(150));
        p.drawRoundedRect(QRectF(1, 1, 158, 26), 13, 13);
        p.setPen(colours.textColor(m_pressWorkload));
        p.setFont(sized(font(), 12, true));
        p.drawText(QRectF(10, 1, 140, 26), Qt::AlignVCenter | Qt::AlignLeft, q(m_pressWorkload));
    }
    drag->setPixmap(pix);
    m_pressWorkload.clear();
    drag->exec(Qt::CopyAction | Qt::MoveAction, Qt::MoveAction);
}

bool TorusView::event(QEvent* e)
{
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const QString text = chipToolTip(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(e);
}

QRectF TorusView::chipRect(const Panel& panel, const Grid& g, int x, int y) const
{
    return QRectF(g.origin.x() + x * panel.pitch, g.origin.y() + y * panel.pitch, panel.chip, panel.chip);
}

const tpu::PoolUse* TorusView::useOf(const Panel& panel, int node, int worker) const
{
    if (!panel.occ)
        return nullptr;
    const bool multi = panel.occ->slice.isMultiHost();
    const int at = multi ? worker : node;
    for (const auto& u : panel.occ->uses) {
        if (multi && u.overflow)
            continue; // a second job on a multi-host slice does not get its chips
        if (u.count > 0 && at >= u.first && at < u.first + u.count)
            return &u;
    }
    return nullptr;
}

QString TorusView::chipToolTip(QPointF pos) const
{
    for (const auto& pill : m_pills) {
        if (pill.rect.contains(pos)) {
            const model::Workload* w = m_document->plan().workload(pill.workload);
            if (!w)
                return {};
            return tr("%1: %2 replicas; drag it onto a TPU slice to pin it there%3")
                .arg(q(w->name))
                .arg(w->replicas)
                .arg(w->isPinned() ? tr(" (now on %1)").arg(q(w->pool)) : QString());
        }
    }
    for (const auto& panel : m_panels) {
        if (!panel.occ || !panel.diagram.contains(pos))
            continue;
        const tpu::HostLayout& l = panel.occ->slice.layout;
        const bool three = panel.occ->slice.slice.topology.rank() == 3;
        for (const auto& g : panel.grids) {
            const auto& d = panel.occ->slice.slice.topology.dims;
            for (int y = 0; y < d[1]; ++y) {
                for (int x = 0; x < d[0]; ++x) {
                    if (!chipRect(panel, g, x, y).adjusted(-2, -2, 2, 2).contains(pos))
                        continue;
                    const tpu::ChipCoord c{x, y, g.z};
                    const int worker = l.workerOf(c);
                    QString text = three ? tr("chip (%1, %2, %3)").arg(x).arg(y).arg(g.z) : tr("chip (%1, %2)").arg(x).arg(y);
                    if (l.isMultiHost())
                        text += tr("\nhost TPU_WORKER_ID=%1 of %2 (%3, %4 chips)").arg(worker).arg(l.hosts).arg(q(l.machineType)).arg(l.chipsPerHost);
                    else
                        text += tr("\nnode %1 of the pool: a single-host slice on %2").arg(g.node + 1).arg(q(l.machineType));
                    if (const tpu::PoolUse* u = useOf(panel, g.node, worker))
                        text += tr("\nused by %1").arg(q(u->workload));
                    return text;
                }
            }
        }
    }
    return {};
}

void TorusView::paintEvent(QPaintEvent*)
{
    m_colors = std::make_shared<const TorusColors>(TorusColors::from(palette()));
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(rect(), m_colors->background);
    paintHeader(p);
    for (size_t i = 0; i < m_panels.size(); ++i)
        paintPanel(p, m_panels[i], int(i));
    if (m_panels.empty()) {
        p.setPen(m_colors->text);
        p.setFont(sized(font(), 14));
        p.drawText(QRectF(kMargin, m_legend.bottom() + 18, width() - 2 * kMargin, 80), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   emptyMessage());
    }
}

QString TorusView::emptyMessage() const
{
    const bool clusters = m_document && !m_document->plan().clusters.empty();
    bool gke = false, gkeStandard = false;
    if (clusters) {
        for (const model::Cluster& c : m_document->plan().clusters) {
            gke = gke || c.provider == model::Provider::Gke;
            gkeStandard = gkeStandard || (c.provider == model::Provider::Gke && c.mode == model::ClusterMode::Standard);
        }
    }
    if (clusters && !gke)
        return tr("TPUs run only on Google Cloud: EKS offers no TPU machine types. Add a GKE Standard cluster with a TPU node "
                  "pool (ct5lp-hightpu-4t, ct4p-hightpu-4t, …) and a tpuTopology to see its torus here.");
    if (clusters && !gkeStandard)
        return tr("This view draws the TPU node pools of GKE Standard clusters. On Autopilot, GKE provisions TPU nodes for "
                  "the Pods that request them, so there is no slice to draw here.");
    return tr("This plan has no TPU node pools. Add a pool with a TPU machine type (ct5lp-hightpu-4t, ct4p-hightpu-4t, …) and a tpuTopology to see its torus here.");
}

void TorusView::paintHeader(QPainter& p) const
{
    const TorusColors& k = *m_colors;
    const double w = std::max(width(), kMinWidth);
    p.setPen(k.title);
    p.setFont(sized(font(), 20, true));
    p.drawText(QRectF(kMargin, kMargin - 4, w - 2 * kMargin, 28), Qt::AlignLeft | Qt::AlignVCenter, tr("TPU slices"));
    p.setPen(k.text);
    p.setFont(sized(font(), 12));
    QString sub = m_document && !m_document->plan().name.empty() ? q(m_document->plan().name) + QStringLiteral(" · ") : QString();
    sub += m_pills.empty() ? tr("every TPU pool drawn as its torus")
                           : tr("every TPU pool drawn as its torus; drag a TPU workload onto a slice to pin it there");
    p.drawText(QRectF(kMargin, kMargin + 24, w - 2 * kMargin, 20), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(p.font()).elidedText(sub, Qt::ElideRight, w - 2 * kMargin));

    // The tray: one pill per TPU workload, in its colour.
    for (const auto& pill : m_pills) {
        const model::Workload* wl = m_document->plan().workload(pill.workload);
        const QColor c = workloadColor(m_document->plan(), pill.workload, palette());
        p.setPen(QPen(k.panelBorder, 1));
        p.setBrush(k.panel);
        p.drawRoundedRect(pill.rect, kPillHeight / 2, kPillHeight / 2);
        p.setPen(QPen(c.darker(150), 1));
        p.setBrush(c);
        p.drawEllipse(QRectF(pill.rect.left() + 9, pill.rect.center().y() - 6, 12, 12));
        p.setPen(k.title);
        p.setFont(sized(font(), 12, true));
        const QRectF text = pill.rect.adjusted(28, 0, -10, 0);
        p.drawText(text, Qt::AlignVCenter | Qt::AlignLeft, q(pill.workload));
        if (wl && wl->resources.tpu) {
            const double nameW = QFontMetricsF(p.font()).horizontalAdvance(q(pill.workload));
            p.setPen(k.faint);
            p.setFont(sized(font(), 11));
            p.drawText(text.adjusted(nameW + 7, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                       QStringLiteral("%1 %2").arg(q(wl->resources.tpu->type), q(wl->resources.tpu->topology)));
        }
    }

    // The legend.
    for (int kind = 0; kind < int(m_legendItems.size()); ++kind) {
        const QRectF item = m_legendItems[size_t(kind)];
        const double x = item.left(), cy = item.center().y();
        const double sw = legendSwatchWidth(kind);
        switch (kind) {
        case 0:
            p.setPen(QPen(k.chipBorder, 1));
            p.setBrush(k.chip);
            p.drawRoundedRect(QRectF(x, cy - 7, 14, 14), 3, 3);
            break;
        case 1:
            p.setPen(QPen(k.hostBorder[0], 1));
            p.setBrush(k.hostTint[0]);
            p.drawRoundedRect(QRectF(x, cy - 9, 30, 18), 5, 5);
            p.setPen(k.text);
            p.setFont(sized(font(), 9, true));
            p.drawText(QRectF(x, cy - 9, 30, 18), Qt::AlignCenter, QStringLiteral("W0"));
            break;
        case 2:
            p.setPen(QPen(k.link, 2));
            p.drawLine(QPointF(x, cy), QPointF(x + 24, cy));
            break;
        default: {
            const QColor c = kind == 3 ? k.wrap : k.twist;
            p.setPen(QPen(c, 1.6, Qt::DashLine));
            p.drawLine(QPointF(x, cy), QPointF(x + 20, cy));
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            arrowHead(p, QPointF(x + 26, cy), QPointF(x, cy), 7);
            break;
        }
        }
        p.setPen(k.text);
        p.setFont(sized(font(), 11));
        p.drawText(QRectF(x + sw, item.top(), item.width() - sw, item.height()), Qt::AlignVCenter | Qt::AlignLeft, legendText(kind));
    }
}

double TorusView::legendSwatchWidth(int kind) const
{
    switch (kind) {
    case 0: return 20;
    case 1: return 36;
    default: return 32;
    }
}

QString TorusView::legendText(int kind) const
{
    switch (kind) {
    case 0: return tr("chip");
    case 1: return tr("host, labelled with its TPU_WORKER_ID");
    case 2: return tr("ICI link");
    case 3: return tr("wraparound link (leaves one edge, enters the opposite one)");
    default: return tr("twisted wraparound");
    }
}

void TorusView::paintPanel(QPainter& p, const Panel& panel, int index) const
{
    const TorusColors& k = *m_colors;
    // Frame, with the drag feedback.
    QColor border = k.panelBorder;
    double borderWidth = 1;
    if (m_hover.panel == index) {
        border = m_hover.ok ? k.ok : k.refused;
        borderWidth = 3;
    } else if (m_refusedPanel == index && !m_refusal.isEmpty()) {
        border = k.refused;
        borderWidth = 2;
    }
    p.setPen(QPen(border, borderWidth));
    p.setBrush(k.panel);
    p.drawRoundedRect(panel.frame, 10, 10);

    const double left = panel.frame.left() + 18;
    const double textW = panel.pickerRect.left() - left - 12;
    p.setPen(k.title);
    p.setFont(sized(font(), 15, true));
    p.drawText(QRectF(left, panel.frame.top() + 14, textW, 22), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("%1 / %2").arg(q(panel.cluster), q(panel.pool)));

    QString status;
    QColor statusColor = k.text;
    if (m_hover.panel == index && !m_hover.text.isEmpty()) {
        status = (m_hover.ok ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + m_hover.text;
        statusColor = m_hover.ok ? k.ok : k.refused;
    } else if (m_refusedPanel == index && !m_refusal.isEmpty()) {
        status = QStringLiteral("✗ ") + m_refusal;
        statusColor = k.refused;
    }

    if (!panel.occ) {
        p.setPen(k.refused);
        p.setFont(sized(font(), 12));
        p.drawText(QRectF(left, panel.frame.top() + 40, panel.frame.width() - 36, 40), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   panel.problem);
        return;
    }
    const tpu::PoolSlice& ps = panel.occ->slice;
    const tpu::Slice& s = ps.slice;
    const tpu::HostLayout& l = ps.layout;
    const catalog::TpuGeneration& g = *s.generation;
    QString facts = tr("TPU %1 · %2 · %3 chips (%4) · %5 × %6 · google.com/tpu: %7 per Pod · %8")
                        .arg(q(g.name), q(s.topology.text()))
                        .arg(s.chips)
                        .arg(q(s.name))
                        .arg(l.hosts)
                        .arg(q(l.machineType))
                        .arg(l.tpuPerPod())
                        .arg(QLatin1String(tpu::toString(l.scope)));
    if (!l.isMultiHost() && panel.occ->slices > 1)
        facts += tr(" · %1 nodes, each its own slice").arg(panel.occ->slices);
    p.setPen(k.text);
    p.setFont(sized(font(), 12));
    p.drawText(QRectF(left, panel.frame.top() + 40, panel.frame.width() - 36, 18), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(p.font()).elidedText(facts, Qt::ElideRight, panel.frame.width() - 36));

    if (status.isEmpty()) {
        QString torus;
        if (s.hasWraparound())
            torus = tr("torus: wraparound on %1").arg(q(s.wraparoundText()));
        else if (g.torus3d && s.cubes == 0)
            torus = tr("mesh: no wraparound below a full %1x%1x%1 cube").arg(g.cubeEdge);
        else
            torus = tr("mesh: no wraparound (an axis wraps at %1 chips)").arg(g.wraparoundAxisLength);
        if (s.twisted)
            torus += tr(" · can be a twisted torus");
        QStringList used;
        for (const auto& u : panel.occ->uses) {
            if (u.overflow)
                used << tr("%1 does not fit").arg(q(u.workload));
            else if (l.isMultiHost())
                used << tr("%1 on %2 of %3 hosts").arg(q(u.workload)).arg(u.count).arg(l.hosts);
            else
                used << tr("%1 on %2 of %3 nodes").arg(q(u.workload)).arg(u.count).arg(panel.occ->slices);
        }
        status = torus + QStringLiteral(" · ") + (used.isEmpty() ? tr("free: drop a TPU workload here") : used.join(QStringLiteral(", ")));
        const bool overflow = std::any_of(panel.occ->uses.begin(), panel.occ->uses.end(), [](const tpu::PoolUse& u) { return u.overflow; });
        statusColor = overflow ? k.refused : k.text;
    }
    p.setPen(statusColor);
    p.setFont(sized(font(), 12, statusColor != k.text));
    p.drawText(QRectF(left, panel.frame.top() + 59, panel.frame.width() - 36, 18), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(p.font()).elidedText(status, Qt::ElideRight, panel.frame.width() - 36));

    for (const auto& grid : panel.grids)
        paintGrid(p, panel, grid);

    if (s.topology.rank() == 3) {
        QString note = tr("Each box is one z layer of the %1 slice, drawn as its x–y plane (x to the right, y down); "
                          "a chip is also linked to the chip at the same (x, y) in the layers before and after it (›).")
                           .arg(q(s.topology.text()));
        const Twist twist = twistOf(s);
        if (s.twisted)
            note += tr(" Twisted: the purple wraparounds land %1 further on.").arg(twist.landing);
        p.setPen(k.faint);
        p.setFont(sized(font(), 11));
        p.drawText(QRectF(left, panel.diagram.bottom() + 10, panel.frame.width() - 36, panel.frame.bottom() - panel.diagram.bottom() - 14),
                   Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, note);
    }
    // Neighbouring z layers are linked chip to chip: a chevron between layers on one row.
    if (s.topology.rank() == 3) {
        p.setPen(QPen(k.faint, 1.4));
        for (size_t i = 0; i + 1 < panel.grids.size(); ++i) {
            const QRectF a = panel.grids[i].frame, b = panel.grids[i + 1].frame;
            if (std::abs(a.top() - b.top()) > 1)
                continue;
            const double cx = (a.right() + b.left()) / 2, cy = a.center().y();
            p.drawLine(QPointF(cx - 4, cy - 6), QPointF(cx + 3, cy));
            p.drawLine(QPointF(cx + 3, cy), QPointF(cx - 4, cy + 6));
        }
    }
}

void TorusView::paintGrid(QPainter& p, const Panel& panel, const Grid& g) const
{
    const TorusColors& k = *m_colors;
    const tpu::PoolSlice& ps = panel.occ->slice;
    const tpu::Slice& s = ps.slice;
    const tpu::HostLayout& l = ps.layout;
    const auto& d = s.topology.dims;
    const int a = d[0], b = d[1];
    const bool three = d.size() == 3;
    const double chip = panel.chip, pitch = panel.pitch;
    const model::Plan& plan = m_document->plan();

    // Layer or node frame with its label.
    p.setPen(QPen(k.panelBorder, 1));
    p.setBrush(k.layerFrame);
    p.drawRoundedRect(g.frame, 8, 8);
    p.setFont(sized(font(), 11, true));
    p.setPen(k.text);
    QString label;
    if (three) {
        label = QStringLiteral("z = %1").arg(g.z);
        if (s.wraparound.size() == 3 && s.wraparound[2] && g.z == d[2] - 1)
            label += tr("  ↻ z = 0");
    } else if (!l.isMultiHost()) {
        label = tr("node %1").arg(g.node + 1);
    } else {
        label = QStringLiteral("%1 × %2").arg(a).arg(b);
    }
    p.drawText(QRectF(g.frame.left() + kGridPad, g.frame.top() + 6, g.frame.width() - 2 * kGridPad, kGridLabel - 4),
               Qt::AlignLeft | Qt::AlignVCenter, label);
    if (three && s.wraparound.size() == 3 && s.wraparound[2] && g.z == d[2] - 1) {
        // Paint the wrap part of the label in the wraparound colour.
        const double zw = QFontMetricsF(p.font()).horizontalAdvance(QStringLiteral("z = %1").arg(g.z));
        p.setPen(k.wrap);
        p.drawText(QRectF(g.frame.left() + kGridPad + zw, g.frame.top() + 6, g.frame.width(), kGridLabel - 4),
                   Qt::AlignLeft | Qt::AlignVCenter, tr("  ↻ z = 0"));
    }

    // Hosts: one tinted block per worker, under the chips.
    const double pad = (pitch - chip) * 0.42;
    std::vector<int> workers;
    if (l.isMultiHost()) {
        for (int w = 0; w < l.hosts; ++w) {
            const auto chips = l.chipsOf(w);
            if (!chips.empty() && chips.front().z <= g.z && chips.back().z >= g.z)
                workers.push_back(w);
        }
    } else {
        workers.push_back(0);
    }
    for (int w : workers) {
        const auto chips = l.chipsOf(w);
        const tpu::ChipCoord lo = chips.front(), hi = chips.back();
        const QRectF block = chipRect(panel, g, lo.x, lo.y).united(chipRect(panel, g, hi.x, hi.y)).adjusted(-pad, -pad, pad, pad);
        const int hx = lo.x / std::max(1, l.hostShape.dims[0]), hy = lo.y / std::max(1, l.hostShape.dims[1]);
        const int tint = (hx + hy + (three ? lo.z : 0)) % 2;
        p.setPen(QPen(k.hostBorder[tint], 1.2));
        p.setBrush(k.hostTint[tint]);
        p.drawRoundedRect(block, std::min(8.0, pad + 3), std::min(8.0, pad + 3));
    }

    // ICI links between neighbours.
    p.setPen(QPen(k.link, std::max(1.0, chip * 0.09), Qt::SolidLine, Qt::RoundCap));
    for (int y = 0; y < b; ++y) {
        for (int x = 0; x < a; ++x) {
            const QPointF c = chipRect(panel, g, x, y).center();
            if (x + 1 < a)
                p.drawLine(c, chipRect(panel, g, x + 1, y).center());
            if (y + 1 < b)
                p.drawLine(c, chipRect(panel, g, x, y + 1).center());
        }
    }

    // Wraparound links: a dashed stub leaving each edge chip outwards on both sides.
    const Twist twist = twistOf(s);
    const double stub = panel.wrapGap * 0.8;
    const double head = std::clamp(chip * 0.32, 4.0, 8.0);
    auto stubs = [&](int axis) {
        if (axis >= int(s.wraparound.size()) || !s.wraparound[size_t(axis)])
            return;
        const bool twisted = axis < int(twist.axes.size()) && twist.axes[size_t(axis)];
        const QColor color = twisted ? k.twist : k.wrap;
        QPen pen(color, std::clamp(chip * 0.08, 1.0, 1.8), Qt::DashLine);
        const int n = axis == 0 ? b : a;
        for (int i = 0; i < n; ++i) {
            QPointF from[2], to[2];
            if (axis == 0) {
                const QRectF first = chipRect(panel, g, 0, i), last = chipRect(panel, g, a - 1, i);
                from[0] = QPointF(first.left(), first.center().y());
                to[0] = from[0] - QPointF(stub, 0);
                from[1] = QPointF(last.right(), last.center().y());
                to[1] = from[1] + QPointF(stub, 0);
            } else {
                const QRectF first = chipRect(panel, g, i, 0), last = chipRect(panel, g, i, b - 1);
                from[0] = QPointF(first.center().x(), first.top());
                to[0] = from[0] - QPointF(0, stub);
                from[1] = QPointF(last.center().x(), last.bottom());
                to[1] = from[1] + QPointF(0, stub);
            }
            for (int side = 0; side < 2; ++side) {
                p.setPen(pen);
                p.drawLine(from[side], to[side]);
                p.setPen(Qt::NoPen);
                p.setBrush(color);
                arrowHead(p, to[side] + (to[side] - from[side]) / std::max(1.0, stub) * head * 0.6, from[side], head);
            }
        }
        if (twisted && !twist.landing.isEmpty() && stub > 10) {
            p.setPen(k.twist);
            p.setFont(sized(font(), std::clamp(int(chip * 0.42), 9, 11), true));
            const QRectF last = chipRect(panel, g, axis == 0 ? a - 1 : 0, axis == 0 ? 0 : b - 1);
            const QPointF at = axis == 0 ? QPointF(last.right() + 2, last.top() - 13) : QPointF(last.left() - 2, last.bottom() + stub - 1);
            p.drawText(QRectF(at, QSizeF(60, 12)), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("→ ") + twist.landing);
        }
    };
    stubs(0);
    stubs(1);

    // Chips, filled in the colour of the workload that uses them.
    for (int y = 0; y < b; ++y) {
        for (int x = 0; x < a; ++x) {
            const QRectF r = chipRect(panel, g, x, y);
            const int worker = l.isMultiHost() ? l.workerOf({x, y, g.z}) : 0;
            const tpu::PoolUse* u = useOf(panel, g.node, worker);
            QColor fill = k.chip, edge = k.chipBorder;
            double edgeWidth = 1;
            if (u) {
                fill = workloadColor(plan, u->workload, palette());
                edge = fill.darker(150);
                if (u->workload == m_highlight)
                    edgeWidth = std::clamp(chip * 0.1, 1.5, 3.0);
            }
            p.setPen(QPen(edge, edgeWidth));
            p.setBrush(fill);
            const double radius = std::max(1.5, chip * 0.18);
            p.drawRoundedRect(r, radius, radius);
            // A die mark on free chips when there is room: reads as a chip, not a cell.
            if (!u && chip >= 16) {
                p.setPen(Qt::NoPen);
                p.setBrush(k.chipMark);
                const double m = chip * 0.3;
                p.drawRoundedRect(r.adjusted(m, m, -m, -m), 2, 2);
            }
        }
    }

    // The sub-slice the workload dropped last takes: one outline in its colour around its hosts.
    if (!m_highlight.empty()) {
        QRectF area;
        for (int w : workers) {
            const tpu::PoolUse* u = useOf(panel, g.node, w);
            if (!u || u->workload != m_highlight)
                continue;
            const auto chips = l.chipsOf(w);
            const QRectF block = chipRect(panel, g, chips.front().x, chips.front().y)
                                     .united(chipRect(panel, g, chips.back().x, chips.back().y))
                                     .adjusted(-pad, -pad, pad, pad);
            area = area.isNull() ? block : area.united(block);
        }
        if (!area.isNull()) {
            const QColor c = workloadColor(plan, m_highlight, palette());
            p.setPen(QPen(c.darker(120), std::clamp(chip * 0.12, 2.0, 3.5)));
            p.setBrush(Qt::NoBrush);
            const double grow = std::max(3.0, pad * 0.6);
            p.drawRoundedRect(area.adjusted(-grow, -grow, grow, grow), 9, 9);
        }
    }

    // Worker labels on the host blocks, when they are large enough to carry one. A
    // single-host node is always worker 0; its frame names the node instead.
    const double blockH = (l.hostShape.dims[1] - 1) * pitch + chip;
    const double blockW = (l.hostShape.dims[0] - 1) * pitch + chip;
    if (blockH >= 22 && l.isMultiHost()) {
        const int px = std::clamp(int(chip * 0.36), 9, 12);
        p.setFont(sized(font(), px, true));
        const QFontMetricsF fm(p.font());
        const double widest = fm.horizontalAdvance(QStringLiteral("W%1").arg(l.hosts - 1)) + 6;
        for (int w : workers) {
            if (widest > blockW + pad)
                break;
            const auto chips = l.chipsOf(w);
            const tpu::ChipCoord lo = chips.front(), hi = chips.back();
            const QRectF block = chipRect(panel, g, lo.x, lo.y).united(chipRect(panel, g, hi.x, hi.y));
            const QString text = QStringLiteral("W%1").arg(w);
            const double tw = fm.horizontalAdvance(text) + 6;
            const QRectF tag(block.center().x() - tw / 2, block.center().y() - px * 0.75, tw, px * 1.5);
            p.setPen(Qt::NoPen);
            p.setBrush(k.tag);
            p.drawRoundedRect(tag, 3, 3);
            p.setPen(k.title);
            p.drawText(tag, Qt::AlignCenter, text);
        }
    }
}

QImage TorusView::renderImage(int width, qreal devicePixelRatio)
{
    const int h = layoutFor(width);
    resize(width, h);
    layoutFor(width);
    QImage image(QSize(width, h) * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(TorusColors::from(palette()).background);
    render(&image);
    return image;
}

QWidget* createTpuView(document::PlanDocument* document, QWidget* parent)
{
    auto* area = new QScrollArea(parent);
    area->setObjectName(QStringLiteral("TpuView"));
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(new TorusView(document));
    return area;
}

Renderable torusRenderable(TorusView* view, const QString& title)
{
    Renderable r;
    r.title = title;
    const int width = std::max(view->width(), 1100);
    r.size = QSizeF(width, view->layoutFor(width));
    view->layoutFor(std::max(view->width(), kMinWidth));
    r.background = TorusColors::from(view->palette()).background;
    QPointer<TorusView> guard(view);
    r.paint = [guard, width](QPainter& painter, const QRectF& target) {
        if (!guard)
            return;
        const QSize before = guard->size();
        const int height = guard->layoutFor(width);
        guard->resize(width, height);
        painter.save();
        const double scale = std::min(target.width() / width, target.height() / height);
        painter.translate(target.topLeft());
        painter.scale(scale, scale);
        guard->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
        painter.restore();
        guard->resize(before);
        guard->layoutFor(std::max(before.width(), kMinWidth));
    };
    return r;
}

TorusView* torusViewOf(QWidget* tpuView)
{
    if (auto* area = qobject_cast<QScrollArea*>(tpuView))
        return qobject_cast<TorusView*>(area->widget());
    return qobject_cast<TorusView*>(tpuView);
}

void paintTpuViewFitted(document::PlanDocument* document, QPainter& painter, const QRectF& target)
{
    if (target.width() <= 0 || target.height() <= 0)
        return;
    TorusView view(document);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.show();
    // The width that gives the largest scale; the widest of equals.
    int bestWidth = kMinWidth;
    double bestScale = 0;
    for (int width = kMinWidth; width <= 1600; width += 20) {
        const int height = view.layoutFor(width);
        const double scale = std::min(target.width() / width, target.height() / height);
        if (scale >= bestScale - 1e-9) {
            bestScale = scale;
            bestWidth = width;
        }
    }
    const int height = view.layoutFor(bestWidth);
    view.resize(bestWidth, height);
    view.layoutFor(bestWidth);
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(bestScale, bestScale);
    painter.fillRect(QRectF(0, 0, bestWidth, height), TorusColors::from(view.palette()).background);
    view.render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    painter.restore();
}

QImage renderTpuView(document::PlanDocument* document, int width, qreal devicePixelRatio)
{
    TorusView view(document);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.show();
    return view.renderImage(width, devicePixelRatio);
}

} // namespace cw::widgets
