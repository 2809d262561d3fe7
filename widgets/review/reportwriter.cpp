// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportwriter.h"
#include "i18n/translations.h"

#include "canvas/planscene.h"
#include "catalog/catalog.h"
#include "charts/chart.h"
#include "document/plandocument.h"
#include "panels/costpanel.h"
#include "panels/diagnosticsmodel.h"
#include "report/breakdown.h"
#include "style/canvastheme.h"
#include "style/format.h"

#include <algorithm>

#include <QApplication>
#include <QCoreApplication>
#include <QDate>
#include <QPainter>
#include <QStyle>

#include <set>

namespace cw::widgets {

using format::q;

namespace {

QString translated(const char* text)
{
    return QCoreApplication::translate("ReportWriter", text);
}

QFont font(qreal px, bool bold = false, bool italic = false)
{
    QFont f = QApplication::font();
    f.setPixelSize(int(px));
    f.setBold(bold);
    f.setItalic(italic);
    return f;
}

// Draws wrapped text in a rectangle from its top; returns the height used.
qreal drawText(QPainter& p, const QRectF& r, const QString& text, const QFont& f, const QColor& c, int flags = Qt::TextWordWrap)
{
    p.setFont(f);
    p.setPen(c);
    const QRectF used = p.boundingRect(r, flags | Qt::AlignLeft | Qt::AlignTop, text);
    p.drawText(r, flags | Qt::AlignLeft | Qt::AlignTop, text);
    return std::min(used.height(), r.height());
}

} // namespace

ReportWriter::ReportWriter(document::PlanDocument* document)
    : m_document(document)
{
}

ReportWriter::~ReportWriter() = default;

void ReportWriter::addSection(ReportSection section)
{
    m_sections.push_back(std::move(section));
}

Renderable ReportWriter::renderable()
{
    Renderable r;
    r.title = translated(QT_TRANSLATE_NOOP("ReportWriter", "Design review: %1")).arg(q(m_document->plan().name));
    r.size = QSizeF(kPageWidth, kPageHeight);
    r.background = Qt::white;
    r.paint = [this](QPainter& painter, const QRectF& target) { paint(painter, target); };
    return r;
}

bool ReportWriter::writePdf(const QString& path, QString* error)
{
    return exportRenderable(renderable(), path, error);
}

QImage ReportWriter::renderImage(qreal dpr)
{
    return widgets::renderImage(renderable(), dpr);
}

void ReportWriter::paint(QPainter& painter, const QRectF& target)
{
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(target.width() / kPageWidth, target.height() / kPageHeight);
    painter.setClipRect(QRectF(0, 0, kPageWidth, kPageHeight));
    paintPage(painter);
    painter.restore();
}

void ReportWriter::paintPage(QPainter& p)
{
    // A report is printed: always the light palette, whatever the screen's theme.
    const QPalette light = QApplication::style()->standardPalette();
    const CanvasTheme theme = CanvasTheme::fromPalette(light);

    const model::Plan& plan = m_document->plan();
    const catalog::Catalog& cat = m_document->catalog();
    const auto solution = m_document->solution();
    const report::Breakdown b = solution ? report::breakdown(plan, *solution) : report::Breakdown{};
    const QColor ink(0x1f, 0x23, 0x28);
    const QColor muted(0x5f, 0x67, 0x73);
    const QColor rule(0xc9, 0xce, 0xd6);
    const qreal margin = 28;

    p.fillRect(QRectF(0, 0, kPageWidth, kPageHeight), Qt::white);
    p.setRenderHint(QPainter::Antialiasing);

    // Header.
    drawText(p, QRectF(margin, 20, 700, 26), translated(QT_TRANSLATE_NOOP("ReportWriter", "Design review: %1")).arg(q(plan.name)),
             font(20, true), ink, 0);
    drawText(p, QRectF(margin, 46, 720, 18), q(plan.description), font(11), muted, 0);
    const QString stamp = translated(QT_TRANSLATE_NOOP("ReportWriter", "%1 · Clusterwright %2 · prices as of %3"))
                              .arg(QLocale().toString(QDate::currentDate(), QLocale::ShortFormat), QCoreApplication::applicationVersion(),
                                   i18n::priceDateText(cat.priceDate()));
    p.setFont(font(10));
    p.setPen(muted);
    p.drawText(QRectF(kPageWidth - margin - 360, 24, 360, 16), Qt::AlignRight | Qt::AlignVCenter, stamp);
    if (solution) {
        p.setFont(font(18, true));
        p.setPen(ink);
        p.drawText(QRectF(kPageWidth - margin - 360, 40, 360, 24), Qt::AlignRight | Qt::AlignVCenter, format::moneyPerMonth(b.monthly));
    }
    p.setPen(QPen(rule, 1));
    p.drawLine(QPointF(margin, 70), QPointF(kPageWidth - margin, 70));

    // Left column: summary, diagnostics, assumptions.
    const qreal leftWidth = 330;
    qreal y = 80;
    y += drawText(p, QRectF(margin, y, leftWidth, 18), translated(QT_TRANSLATE_NOOP("ReportWriter", "Clusters")), font(13, true), ink) + 4;
    p.setFont(font(10));
    for (const auto& c : plan.clusters) {
        QString line = q(c.name) + QStringLiteral(": ")
            + (c.provider == model::Provider::Gke ? (c.mode == model::ClusterMode::Autopilot ? QStringLiteral("GKE Autopilot") : QStringLiteral("GKE Standard"))
                                                  : QStringLiteral("EKS"))
            + QStringLiteral(", ") + q(c.location);
        const solve::ClusterSolution* cs = findClusterSolution(solution.get(), c.name);
        QString cost;
        if (c.mode == model::ClusterMode::Autopilot)
            cost = translated(QT_TRANSLATE_NOOP("ReportWriter", "billed per Pod request: %1"))
                       .arg(format::moneyPerMonth(cs ? cs->monthlyCost : 0.0));
        else if (cs)
            cost = QCoreApplication::translate("ReportWriter", "%n node(s)", nullptr, int(cs->nodes.size())) + QStringLiteral(", ")
                + format::moneyPerMonth(cs->monthlyCost)
                + (cs->optimal ? translated(QT_TRANSLATE_NOOP("ReportWriter", ", optimal"))
                               : cs->lowerBoundHourlyCost > 0 ? translated(QT_TRANSLATE_NOOP("ReportWriter", ", ≤ %1 above the bound")).arg(format::percent(cs->gap, 1))
                                                              : QString());
        else
            cost = translated(QT_TRANSLATE_NOOP("ReportWriter", "not solved"));
        y += drawText(p, QRectF(margin, y, leftWidth, 30), line, font(10, true), ink);
        y += drawText(p, QRectF(margin + 10, y, leftWidth - 10, 30), cost, font(10), muted) + 3;
    }
    if (solution) {
        QString total = translated(QT_TRANSLATE_NOOP("ReportWriter", "Total %1 (%2); stranded %3"))
                            .arg(format::moneyPerMonth(b.monthly), format::moneyPerHour(b.hourly), format::moneyPerMonth(b.waste.total()));
        if (b.unplacedPods > 0)
            total += QStringLiteral("; ") + QCoreApplication::translate("ReportWriter", "%n Pod(s) not placed", nullptr, b.unplacedPods);
        y += drawText(p, QRectF(margin, y + 2, leftWidth, 32), total, font(10, true), ink) + 8;
    }

    y += drawText(p, QRectF(margin, y, leftWidth, 18), translated(QT_TRANSLATE_NOOP("ReportWriter", "Diagnostics")), font(13, true), ink) + 4;
    const auto& diags = m_document->diagnostics().items();
    std::vector<const diag::Diagnostic*> sorted;
    for (const auto& d : diags)
        sorted.push_back(&d);
    std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* c) { return int(a->severity) < int(c->severity); });
    const int maxDiags = 7;
    if (sorted.empty())
        y += drawText(p, QRectF(margin, y, leftWidth, 16), translated(QT_TRANSLATE_NOOP("ReportWriter", "None.")), font(10), muted) + 2;
    for (int i = 0; i < int(sorted.size()) && i < maxDiags; ++i) {
        const diag::Diagnostic& d = *sorted[size_t(i)];
        const QColor c = d.severity == diag::Severity::Error ? theme.refuses : d.severity == diag::Severity::Warning ? theme.warning : muted;
        p.setFont(font(9, true));
        p.setPen(c);
        p.drawText(QRectF(margin, y, 44, 14), Qt::AlignLeft | Qt::AlignTop, q(d.code));
        QString msg = DiagnosticsModel::translatedMessage(d);
        p.setFont(font(9));
        msg = p.fontMetrics().elidedText(msg, Qt::ElideRight, int((leftWidth - 46) * 2.6));
        y += drawText(p, QRectF(margin + 46, y, leftWidth - 46, 38), msg, font(9), ink) + 2;
    }
    if (int(sorted.size()) > maxDiags)
        y += drawText(p, QRectF(margin, y, leftWidth, 14),
                      translated(QT_TRANSLATE_NOOP("ReportWriter", "… and %1 more in the plan's diagnostics.")).arg(int(sorted.size()) - maxDiags),
                      font(9, false, true), muted) + 2;
    y += 8;

    y += drawText(p, QRectF(margin, y, leftWidth, 18), translated(QT_TRANSLATE_NOOP("ReportWriter", "Assumptions")), font(13, true), ink) + 4;
    QStringList assumptions;
    assumptions << translated(QT_TRANSLATE_NOOP("ReportWriter", "Nodes run %1 h/month unless a workload says otherwise; list prices, no discounts."))
                       .arg(plan.hoursPerMonth);
    std::set<std::string> sourceIds;
    for (const auto& c : plan.clusters) {
        if (const catalog::PriceBook* book = cat.priceBook(c.provider)) {
            for (const auto& m : book->machineTypes) {
                if (!m.onDemand.source.empty())
                    sourceIds.insert(m.onDemand.source);
                break;
            }
        }
    }
    for (const auto& id : sourceIds) {
        if (const catalog::Source* src = cat.source(id))
            assumptions << translated(QT_TRANSLATE_NOOP("ReportWriter", "Prices: %1 (%2)")).arg(q(src->title), q(src->asOf));
    }
    // Unverified prices of the machine types the plan uses.
    std::set<std::string> seen;
    for (const auto& c : plan.clusters) {
        for (const auto& pool : c.nodePools) {
            for (const auto& name : pool.machineTypes) {
                const catalog::MachineType* m = cat.machineType(c.provider, name);
                if (!m || !seen.insert(name).second)
                    continue;
                const catalog::MachinePrice price = cat.machinePrice(c.provider, *m, pool.capacity);
                if (!price.unverified && price.known)
                    continue;
                QString note;
                for (const auto* pt : price.points) {
                    if (pt->unverified && !pt->note.empty()) {
                        note = q(pt->note);
                        break;
                    }
                }
                assumptions << (price.known ? translated(QT_TRANSLATE_NOOP("ReportWriter", "Unverified price: %1 %2. %3"))
                                                  .arg(q(name), format::moneyPerHour(price.usdPerHour), note)
                                            : translated(QT_TRANSLATE_NOOP("ReportWriter", "No price in the catalog: %1 (counted as $0).")).arg(q(name)));
            }
        }
    }
    assumptions << translated(QT_TRANSLATE_NOOP("ReportWriter", "Allocatable capacity follows the catalog's reserve rules; some are marked unverified (M)."));
    for (const QString& a : assumptions) {
        if (y > kPageHeight - 40)
            break;
        y += drawText(p, QRectF(margin, y, leftWidth, kPageHeight - 24 - y), QStringLiteral("• ") + a, font(9), ink) + 2;
    }

    // Right area: canvases, charts, extra sections.
    const qreal rx = margin + leftWidth + 20;
    const qreal rw = kPageWidth - margin - rx;
    const qreal top = 80;
    // With other views (the TPU slices, the provider comparison) the canvases and the charts
    // make room for them below.
    const bool sections = !m_sections.empty();
    const qreal chartsHeight = sections ? 165 : 185;
    const qreal canvasHeight = sections ? 205 : kPageHeight - top - margin - chartsHeight - 16;
    const qreal sectionsHeight = sections ? kPageHeight - top - margin - canvasHeight - chartsHeight - 26 : 0;

    std::vector<const model::Cluster*> shown;
    for (const auto& c : plan.clusters)
        shown.push_back(&c);
    const int n = std::max<int>(1, int(shown.size()));
    const qreal cellWidth = (rw - (n - 1) * 10) / n;
    for (int i = 0; i < int(shown.size()); ++i) {
        const QRectF cell(rx + i * (cellWidth + 10), top, cellWidth, canvasHeight);
        drawText(p, QRectF(cell.left(), cell.top(), cell.width(), 16), q(shown[size_t(i)]->name), font(11, true), ink, 0);
        const QRectF area = cell.adjusted(0, 18, 0, 0);
        PlanScene scene(m_document, shown[size_t(i)]->name);
        scene.setPalette(light);
        // Pools as wide as makes the whole cluster largest in the frame (a frame much wider
        // than tall takes wide rows of nodes rather than a tall strip of four).
        int bestColumns = 0;
        qreal bestFit = 0;
        for (int columns : {0, 6, 8, 10, 12, 16, 20, 24, 32}) {
            scene.setMinimumColumns(columns);
            const QRectF r = scene.sceneRect();
            const qreal fit = std::min(area.width() / r.width(), area.height() / r.height());
            if (fit > bestFit * 1.02) {
                bestFit = fit;
                bestColumns = columns;
            }
        }
        scene.setMinimumColumns(bestColumns);
        // Cards drawn in full down to a quarter of their size (a PDF is read zoomed in), as
        // blocks in their workloads' colours below.
        scene.setDetailForced(bestFit >= 0.25);
        QRectF source = scene.sceneRect();
        p.setPen(QPen(rule, 1));
        p.setBrush(scene.theme().background);
        // Keep the aspect, the whole cluster in the frame; only a canvas that would be drawn
        // smaller than kWholeScale is shown from its top, larger.
        constexpr qreal kWholeScale = 0.15;
        const qreal scale = std::min(area.width() / source.width(), area.height() / source.height());
        const qreal minScale = area.width() / source.width() * 0.999;
        qreal useScale = scale;
        if (scale < kWholeScale && scale < minScale && source.height() * minScale > area.height()) {
            useScale = std::max(scale, std::min(minScale, 0.35));
            source.setHeight(area.height() / useScale);
        }
        const QRectF drawn(area.topLeft(), QSizeF(source.width() * useScale, source.height() * useScale));
        p.drawRect(drawn);
        scene.render(&p, drawn, source, Qt::KeepAspectRatio);
    }

    const qreal chartsTop = top + canvasHeight + 8;
    CostPanel panel;
    panel.setPalette(light);
    panel.setDocument(m_document);
    panel.refresh();
    const std::vector<Chart*> charts = panel.charts();
    const qreal chartWidth = (rw - 3 * 8) / 4;
    for (size_t i = 0; i < charts.size(); ++i) {
        const QRectF cell(rx + qreal(i) * (chartWidth + 8), chartsTop, chartWidth, chartsHeight);
        charts[i]->render(&p, cell, QSize(int(chartWidth * 1.5), int(chartsHeight * 1.5)));
        p.setPen(QPen(rule, 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(cell);
    }

    if (!m_sections.empty()) {
        const qreal sy = chartsTop + chartsHeight + 10;
        qreal weights = 0;
        for (const ReportSection& s : m_sections)
            weights += std::max<qreal>(0.1, s.weight);
        const qreal widthToShare = rw - (qreal(m_sections.size()) - 1) * 10;
        qreal sx = rx;
        for (size_t i = 0; i < m_sections.size(); ++i) {
            const qreal sw = widthToShare * std::max<qreal>(0.1, m_sections[i].weight) / weights;
            const QRectF cell(sx, sy, sw, sectionsHeight);
            sx += sw + 10;
            drawText(p, QRectF(cell.left(), cell.top(), cell.width(), 16), m_sections[i].title, font(11, true), ink, 0);
            // Laid out one and a half times larger, then scaled into its place: the views were
            // designed for a screen, not for a quarter of a page.
            const QRectF area = cell.adjusted(0, 18, 0, 0);
            constexpr qreal kLogical = 1.5;
            p.save();
            p.setClipRect(area);
            p.translate(area.topLeft());
            p.scale(1 / kLogical, 1 / kLogical);
            m_sections[i].paint(p, QRectF(QPointF(0, 0), area.size() * kLogical));
            p.restore();
        }
    }

    // Footer.
    p.setFont(font(8));
    p.setPen(muted);
    p.drawText(QRectF(margin, kPageHeight - 20, kPageWidth - 2 * margin, 12), Qt::AlignLeft | Qt::AlignVCenter,
               m_document->fileName().isEmpty() ? m_document->displayName() : m_document->fileName());
}

} // namespace cw::widgets
