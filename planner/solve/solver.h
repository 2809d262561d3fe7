// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "model/plan.h"
#include "solution.h"

#include <optional>

namespace cw::solve {

// Packs every workload of every Standard / EKS cluster of the plan onto the cheapest nodes
// and proves a lower bound on the cost. Deterministic: the same plan and catalog give the
// same Solution (apart from solveMillis).
Solution solve(const model::Plan& plan, const catalog::Catalog& catalog, const SolveOptions& options = {});

// Frees what the LP solver keeps per thread (GLPK's environment). A thread that solved calls
// it before it ends; otherwise that memory outlives the thread. Nothing of the solver may be
// in use on the thread at the time.
void releaseThreadResources();

// Would the workload fit in the pool, and if not, why: a cheap check of every constraint
// that changes nothing. Used while dragging.
Feasibility canPlace(const model::Plan& plan, const catalog::Catalog& catalog,
                     const std::string& workload, const std::string& cluster, const std::string& pool);

// What a node of this machine type in this pool offers to Pods, after kube/system reserve,
// eviction threshold, DaemonSets and the max-Pods limit (the catalog's rules).
// attachedGpu: for machine types that take GPUs as an option (gpuOptions, GKE N1), the GPUs
// assumed attached; see attachedGpu().
ResourceVector allocatable(const catalog::Catalog& catalog, const model::Cluster& cluster,
                           const model::NodePool& pool, const catalog::MachineType& machine,
                           ResourceVector* daemonSets = nullptr,
                           const catalog::AcceleratorAttachment* attachedGpu = nullptr);

// The raw capacity of such a node: the machine's vCPU, memory, boot disk, accelerators and
// max Pods, before anything is reserved.
ResourceVector nodeCapacity(const catalog::Catalog& catalog, const model::Cluster& cluster,
                            const model::NodePool& pool, const catalog::MachineType& machine,
                            const catalog::AcceleratorAttachment* attachedGpu = nullptr);

// The plan has no field for the GPUs of a machine type that takes them as an option (GKE N1 +
// T4/V100). The solver takes such a pool to carry the largest count the machine type allows
// of the GPU model that the first workload pinned to the pool requests; nullopt when no
// pinned workload requests one of its options.
std::optional<catalog::AcceleratorAttachment> attachedGpu(const model::Plan& plan, const model::Cluster& cluster,
                                                          const model::NodePool& pool,
                                                          const catalog::MachineType& machine);

} // namespace cw::solve
