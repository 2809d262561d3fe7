// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison's value types; compare.cpp computes them (and needs the solver).
#include "compare.h"

#include <algorithm>

namespace cw::cost {

std::string optionName(OptionKind kind, bool spot)
{
    std::string s;
    switch (kind) {
    case OptionKind::GkeStandard: s = "gke-standard"; break;
    case OptionKind::GkeAutopilot: s = "gke-autopilot"; break;
    case OptionKind::Eks: s = "eks"; break;
    }
    return spot ? s + "-spot" : s;
}

const WorkloadCost* Option::workload(const std::string& name) const
{
    auto it = std::find_if(workloads.begin(), workloads.end(), [&](const WorkloadCost& w) { return w.workload == name; });
    return it == workloads.end() ? nullptr : &*it;
}

const Option* Comparison::option(const std::string& name) const
{
    auto it = std::find_if(options.begin(), options.end(), [&](const Option& o) { return o.name == name; });
    return it == options.end() ? nullptr : &*it;
}

} // namespace cw::cost
