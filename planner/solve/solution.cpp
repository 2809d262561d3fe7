// SPDX-License-Identifier: GPL-3.0-or-later
#include "solution.h"

#include <algorithm>

namespace cw::solve {

const char* toString(BoundMethod m)
{
    switch (m) {
    case BoundMethod::None: return "none";
    case BoundMethod::ColumnGeneration: return "column-generation";
    case BoundMethod::FluidLp: return "fluid-lp";
    case BoundMethod::FluidMip: return "fluid-mip";
    case BoundMethod::MipOptimal: return "mip-optimal";
    case BoundMethod::Billed: return "billed";
    }
    return "none";
}

const ClusterSolution* Solution::cluster(const std::string& name) const
{
    auto it = std::find_if(clusters.begin(), clusters.end(), [&](const ClusterSolution& c) { return c.cluster == name; });
    return it == clusters.end() ? nullptr : &*it;
}

std::vector<int> ClusterSolution::nodesOf(int group) const
{
    std::vector<int> out;
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].group == group)
            out.push_back(int(i));
    }
    return out;
}

std::string Feasibility::reason() const
{
    for (const auto& c : checks) {
        if (!c.ok)
            return c.detail;
    }
    return {};
}

} // namespace cw::solve
