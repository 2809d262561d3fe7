// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/plan.h"
#include "solve/solution.h"

namespace cw::catalog {
class Catalog;
}

namespace cw::document {

// Would the workload fit in the pool, and if not, why: the planner's canPlace, used while
// dragging and before a drop is applied.
solve::Feasibility checkPlacement(const model::Plan& plan, const catalog::Catalog& catalog,
                                  const std::string& workload, const std::string& cluster, const std::string& pool);

// The first failing check's detail ("pool l4 offers nvidia-l4; the workload needs ..."), or
// empty when it fits.
std::string refusalReason(const solve::Feasibility& feasibility);

} // namespace cw::document
