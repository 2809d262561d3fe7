// SPDX-License-Identifier: GPL-3.0-or-later
#include "costpanel.h"
#include "i18n/translations.h"

#include "charts/chart.h"
#include "document/plandocument.h"
#include "style/canvastheme.h"
#include "style/format.h"
#include "style/workloadpalette.h"

#include <algorithm>

#include <QApplication>
#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>

namespace cw::widgets {

using format::q;

CostPanel::CostPanel(QWidget* parent)
    : QWidget(parent)
    , m_summary(new QLabel)
    , m_byPool(new Chart)
    , m_byWorkload(new Chart)
    , m_utilization(new Chart)
    , m_waste(new Chart)
{
    setAccessibleName(tr("Cost"));
    setMinimumHeight(230); // the charts stay readable whatever the central view asks for
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(6);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setMinimumWidth(200);
    m_summary->setMaximumWidth(260);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    for (Chart* c : charts())
        layout->addWidget(c, 1);

    m_byPool->setTitle(tr("$/month per pool"));
    m_byPool->setValueFormat(Chart::ValueFormat::Money);
    m_byPool->setOrientation(Chart::Orientation::Horizontal);
    m_byWorkload->setTitle(tr("$/month per workload"));
    m_byWorkload->setValueFormat(Chart::ValueFormat::Money);
    m_byWorkload->setOrientation(Chart::Orientation::Horizontal);
    m_utilization->setTitle(tr("Utilisation of provisioned nodes"));
    m_utilization->setValueFormat(Chart::ValueFormat::Percent);
    m_utilization->setValueRange(0, 1.1);
    m_waste->setTitle(tr("Stranded capacity, $/month"));
    m_waste->setValueFormat(Chart::ValueFormat::Money);
    m_waste->setOrientation(Chart::Orientation::Horizontal);
    for (Chart* c : charts())
        c->setEmptyText(tr("Waiting for the solver…"));
    refresh();
}

void CostPanel::setDocument(document::PlanDocument* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &document::PlanDocument::solutionChanged, this, &CostPanel::scheduleRefresh);
        connect(m_document, &document::PlanDocument::planChanged, this, &CostPanel::scheduleRefresh);
    }
    refresh();
}

void CostPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        scheduleRefresh();
    QWidget::changeEvent(event);
}

void CostPanel::scheduleRefresh()
{
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    QTimer::singleShot(0, this, &CostPanel::refresh);
}

namespace {

// A bar chart of many categories cannot be read: beyond kMaxBars, the kMaxBars - 1 dearest stay,
// dearest first, and the others share one bar.
constexpr int kMaxBars = 12;

void keepDearest(QStringList& labels, std::vector<double>& values, std::vector<QColor>& colors, const QColor& otherColor)
{
    const int n = int(labels.size());
    if (n <= kMaxBars)
        return;
    std::vector<int> order(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        order[size_t(i)] = i;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return values[size_t(a)] > values[size_t(b)]; });
    QStringList keptLabels;
    std::vector<double> keptValues;
    std::vector<QColor> keptColors;
    double others = 0;
    for (int k = 0; k < n; ++k) {
        const size_t i = size_t(order[size_t(k)]);
        if (k < kMaxBars - 1) {
            keptLabels << labels[int(i)];
            keptValues.push_back(values[i]);
            keptColors.push_back(colors[i]);
        } else {
            others += values[i];
        }
    }
    const int left = n - kMaxBars + 1;
    keptLabels << QCoreApplication::translate("cw::widgets::CostPanel", "%n other(s)", nullptr, left);
    keptValues.push_back(others);
    keptColors.push_back(otherColor);
    labels = keptLabels;
    values = keptValues;
    colors = keptColors;
}

} // namespace

void CostPanel::refresh()
{
    m_refreshQueued = false;
    const auto solution = m_document ? m_document->solution() : nullptr;
    m_hasSolution = solution != nullptr;
    m_breakdown = solution ? report::breakdown(m_document->plan(), *solution) : report::Breakdown{};
    const bool dark = WorkloadPalette::isDark(palette());
    const report::Breakdown& b = m_breakdown;
    const bool manyClusters = b.utilization.size() > 1;

    // Per pool.
    QStringList pools;
    std::vector<double> poolValues;
    std::vector<QColor> poolColors;
    for (size_t i = 0; i < b.pools.size(); ++i) {
        pools << (manyClusters ? q(b.pools[i].cluster) + QLatin1Char('/') : QString()) + q(b.pools[i].name);
        poolValues.push_back(b.pools[i].monthly);
        poolColors.push_back(WorkloadPalette::colorAt(int(i) * 5 + 9, dark));
    }
    // The bar of the categories left out, and that of capacity nobody uses.
    const QColor otherColor = CanvasTheme::fromPalette(palette()).mutedText;
    const QColor unusedColor = CanvasTheme::fromPalette(palette()).overhead;
    keepDearest(pools, poolValues, poolColors, otherColor);
    m_byPool->setCategoryColors(poolColors);
    m_byPool->setData(pools, {{tr("$/month"), poolValues, poolColors.empty() ? QColor() : poolColors.front()}});

    // Per workload, in each workload's own colour, and what nobody uses.
    QStringList workloads;
    std::vector<double> workloadValues;
    std::vector<QColor> workloadColors;
    const WorkloadPalette workloadPalette = m_document ? WorkloadPalette(m_document->plan(), palette()) : WorkloadPalette();
    for (const auto& w : b.workloads) {
        workloads << q(w.name);
        workloadValues.push_back(w.monthly);
        workloadColors.push_back(workloadPalette.color(w.name));
    }
    keepDearest(workloads, workloadValues, workloadColors, otherColor);
    if (b.unusedMonthly > 0.005) {
        workloads << tr("(unused)");
        workloadValues.push_back(b.unusedMonthly);
        workloadColors.push_back(unusedColor);
    }
    m_byWorkload->setCategoryColors(workloadColors);
    m_byWorkload->setData(workloads, {{tr("$/month"), workloadValues, QColor()}});

    // Utilisation per resource, a series per cluster.
    const QStringList resources = {tr("CPU"), tr("Memory"), tr("GPU"), tr("TPU")};
    std::vector<ChartSeries> util;
    for (size_t i = 0; i < b.utilization.size(); ++i) {
        const model::Cluster* c = m_document ? m_document->plan().cluster(b.utilization[i].cluster) : nullptr;
        if (!c || c->mode == model::ClusterMode::Autopilot)
            continue; // no nodes to fill
        const auto& u = b.utilization[i].utilization;
        util.push_back({q(b.utilization[i].cluster), {u.cpu, u.memory, u.gpu, u.tpu}, WorkloadPalette::colorAt(int(util.size()) * 3, dark)});
    }
    m_utilization->setData(resources, util);

    // Waste by cause.
    const QStringList causes = {tr("Fragmentation"), tr("System overhead"), tr("Min nodes"), tr("Pins")};
    m_waste->setCategoryColors({WorkloadPalette::colorAt(10, dark), WorkloadPalette::colorAt(23, dark),
                                WorkloadPalette::colorAt(5, dark), WorkloadPalette::colorAt(6, dark)});
    m_waste->setData(causes, {{tr("$/month"), {b.waste.fragmentation, b.waste.systemOverhead, b.waste.minNodes, b.waste.pins}, QColor()}});

    // The summary.
    QString html;
    if (!m_document) {
        html = tr("No plan.");
    } else if (!solution) {
        html = m_document->isSolving() ? tr("Solving…") : tr("No solution yet.");
    } else {
        html = QStringLiteral("<div style='font-size:large'><b>%1</b></div>").arg(format::moneyPerMonth(b.monthly).toHtmlEscaped());
        html += QStringLiteral("<div>%1</div>").arg(tr("%1 over %n node(s)", nullptr, b.nodes).arg(format::moneyPerHour(b.hourly)).toHtmlEscaped());
        if (b.optimal)
            html += QStringLiteral("<div>%1</div>").arg(tr("Proven optimal.").toHtmlEscaped());
        else if (b.lowerBoundHourly > 0 && b.gap < 0.0005)
            html += QStringLiteral("<div>%1</div>").arg(tr("At the lower bound (%1).").arg(format::moneyPerHour(b.lowerBoundHourly)).toHtmlEscaped());
        else if (b.lowerBoundHourly > 0)
            html += QStringLiteral("<div>%1</div>").arg(tr("At most %1 above the lower bound (%2).")
                                                            .arg(format::percent(b.gap, 1), format::moneyPerHour(b.lowerBoundHourly)).toHtmlEscaped());
        html += QStringLiteral("<div>%1</div>").arg(tr("Stranded: %1").arg(format::moneyPerMonth(b.waste.total())).toHtmlEscaped());
        if (b.unplacedPods > 0)
            html += QStringLiteral("<div style='color:#d13438'><b>%1</b></div>").arg(tr("%n Pod(s) not placed.", nullptr, b.unplacedPods).toHtmlEscaped());
        for (const auto& c : m_document->plan().clusters) {
            if (c.mode == model::ClusterMode::Autopilot)
                html += QStringLiteral("<div><i>%1</i></div>").arg(tr("%1 is Autopilot: billed per Pod request, in these totals.").arg(q(c.name)).toHtmlEscaped());
        }
        html += QStringLiteral("<div style='margin-top:6px'>%1</div>")
                    .arg(tr("Prices as of %1; %2 h/month.").arg(i18n::priceDateText(m_document->catalog().priceDate())).arg(m_document->plan().hoursPerMonth).toHtmlEscaped());
    }
    m_summary->setText(html);
}

} // namespace cw::widgets
