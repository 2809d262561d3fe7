// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cost/compare.h"

namespace cw::widgets {

class Chart;
class LineChart;

// Stacked bars per option: what the Pods use, waste (idle capacity, Autopilot rounding,
// DaemonSets) and control-plane fees, in USD per month; the Spot variants beside them when
// some workload is priced on Spot capacity. An option's caveats are under its name.
void showCostBars(Chart& chart, const cost::Comparison& comparison);

// Standard's cost ÷ Autopilot's cost against node utilisation, one curve per workload class:
// a curve crosses 1 at the class's break-even utilisation; a dot marks today's utilisation.
// Dashed: the class's Autopilot figure lacks an unknown premium (an upper bound).
void showBreakEven(LineChart& chart, const cost::Comparison& comparison);

} // namespace cw::widgets
