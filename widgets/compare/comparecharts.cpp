// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparecharts.h"

#include "charts/chart.h"
#include "compareformat.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace cw::widgets {

namespace {

struct CompareCharts {
    Q_DECLARE_TR_FUNCTIONS(CompareCharts)
};

// A mark after an option's name when its figure is not the whole price (the cards and the
// table say why).
QString caveat(const cost::Option& o)
{
    return (!o.unplaced.empty() || o.premiumUnknown || !o.complete) ? QStringLiteral(" ⚠") : QString();
}

} // namespace

void showCostBars(Chart& chart, const cost::Comparison& c)
{
    const std::vector<std::string> base = {"gke-standard", "gke-autopilot", "eks"};
    // The Spot variants only when some workload is priced on Spot capacity: otherwise they repeat.
    bool spot = false;
    for (const auto& o : c.options) {
        if (o.spot)
            spot = spot || std::any_of(o.workloads.begin(), o.workloads.end(), [](const cost::WorkloadCost& w) { return w.spot; });
    }
    QStringList categories;
    ChartSeries used{CompareCharts::tr("Used by the Pods"), {}, usedColor()};
    ChartSeries waste{CompareCharts::tr("Waste"), {}, wasteColor()};
    ChartSeries fees{CompareCharts::tr("Control-plane fees"), {}, feesColor()};
    for (const auto& name : base) {
        for (const std::string& variant : spot ? std::vector<std::string>{name, name + "-spot"} : std::vector<std::string>{name}) {
            const cost::Option* o = c.option(variant);
            if (!o)
                continue;
            categories << optionTitle(variant) + caveat(*o);
            used.values.push_back(o->computeMonthly);
            waste.values.push_back(o->wasteMonthly);
            fees.values.push_back(o->fees.monthly);
        }
    }
    chart.setTitle(CompareCharts::tr("Cost per month: used, waste, fees (⚠ not the whole price)"));
    chart.setValueLabel(CompareCharts::tr("USD per month"));
    chart.setValueFormat(Chart::ValueFormat::Money);
    chart.setStacked(true);
    // Bars along, names (and caveats) across: readable for six options.
    chart.setOrientation(Chart::Orientation::Horizontal);
    chart.setEmptyText(CompareCharts::tr("No comparison yet"));
    chart.setData(categories, {used, waste, fees});
}

void showBreakEven(LineChart& chart, const cost::Comparison& c)
{
    const double yMax = 2.5;
    std::vector<LineSeries> curves;
    bool unknownPremium = false;
    for (const auto& b : c.breakEven) {
        if (!b.breakEven || b.workloads.empty())
            continue;
        const double be = *b.breakEven;
        LineSeries s;
        s.name = CompareCharts::tr("%1: today %2 %, u* %3 %")
                     .arg(kindText(b.kind))
                     .arg(std::round(b.utilization * 100.0), 0, 'f', 0)
                     .arg(std::round(be * 100.0), 0, 'f', 0);
        if (b.premiumUnknown) {
            s.name += QStringLiteral(" *");
            unknownPremium = true;
        }
        s.color = kindColor(b.kind);
        s.dashed = b.premiumUnknown;
        for (int i = 2; i <= 100; ++i) {
            const double u = i / 100.0;
            s.points.emplace_back(u, std::min(be / u, yMax * 1.5));
        }
        if (b.utilization > 0)
            s.markers.emplace_back(b.utilization, be / b.utilization);
        if (be > 0.02 && be <= 1.0)
            s.crossings.emplace_back(be, 1.0);
        curves.push_back(std::move(s));
    }
    chart.setTitle(CompareCharts::tr("Break-even: below which node utilisation Autopilot wins"));
    chart.setXAxis(CompareCharts::tr("Standard node utilisation (requests ÷ allocatable)"), LineChart::AxisFormat::Percent, 0, 1);
    chart.setYAxis(CompareCharts::tr("Standard cost ÷ Autopilot cost"), LineChart::AxisFormat::Number, 0, yMax);
    chart.setReference(1.0, CompareCharts::tr("Autopilot cheaper"), CompareCharts::tr("Standard cheaper"));
    chart.setNote(unknownPremium ? CompareCharts::tr("* Autopilot premium unknown: dashed, an upper bound") : QString());
    chart.setEmptyText(CompareCharts::tr("No workload class runs on both Standard and Autopilot"));
    chart.setData(std::move(curves));
}

} // namespace cw::widgets
