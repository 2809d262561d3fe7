// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "model/plan.h"
#include "solution.h"

namespace cw::solve {

// Packs every workload of every Standard / EKS cluster of the plan onto the cheapest nodes
// and proves a lower bound on the cost. Deterministic: the same plan and catalog give the
// same Solution (apart from solveMillis).
Solution solve(const model::Plan& plan, const catalog::Catalog& catalog, const SolveOptions& options = {});

// Would the workload fit in the pool, and if not, why: a cheap check of every constraint
// that changes nothing. Used while dragging.
Feasibility canPlace(const model::Plan& plan, const catalog::Catalog& catalog,
                     const std::string& workload, const std::string& cluster, const std::string& pool);

// What a node of this machine type in this pool offers to Pods, after kube/system reserve,
// eviction threshold, DaemonSets and the max-Pods limit (the catalog's rules).
ResourceVector allocatable(const catalog::Catalog& catalog, const model::Cluster& cluster,
                           const model::NodePool& pool, const catalog::MachineType& machine,
                           ResourceVector* daemonSets = nullptr);

} // namespace cw::solve
