// SPDX-License-Identifier: GPL-3.0-or-later
#include "feasibility.h"

#include "solve/solver.h"

namespace cw::document {

solve::Feasibility checkPlacement(const model::Plan& plan, const catalog::Catalog& catalog,
                                  const std::string& workload, const std::string& cluster, const std::string& pool)
{
    return solve::canPlace(plan, catalog, workload, cluster, pool);
}

std::string refusalReason(const solve::Feasibility& feasibility)
{
    if (feasibility.fits)
        return {};
    for (const auto& c : feasibility.checks) {
        if (!c.ok)
            return c.detail.empty() ? c.constraint : c.detail;
    }
    return {};
}

} // namespace cw::document
