// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

#include <string>

namespace cw::model {
struct Plan;
}

namespace cw::widgets {

// The colour of a workload wherever it is drawn (canvas, torus view, charts): one of twelve
// distinct, colour-blind-friendly hues, picked by the workload's position in the plan so
// that the workloads of one plan never share a colour until there are more than twelve.
QColor workloadColor(int index);
QColor workloadColor(const model::Plan& plan, const std::string& workload);

// A darker shade of a workload colour for outlines and text on light backgrounds.
QColor workloadOutline(const QColor& fill);

} // namespace cw::widgets
