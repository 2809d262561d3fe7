// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "slice.h"

#include "model/plan.h"

#include <optional>
#include <string>
#include <vector>

namespace cw::tpu {

// The slice a TPU node pool builds: its generation (from the machine type), its topology
// and the host layout of its machine type.
struct PoolSlice {
    Slice slice;
    HostLayout layout;

    bool isMultiHost() const { return layout.isMultiHost(); }
};

// The slice of a pool, or nullopt when the pool is not a TPU pool or its topology is not
// valid for its machine type (checkPlanTpu reports why).
std::optional<PoolSlice> poolSlice(const model::Cluster& c, const model::NodePool& p, const catalog::Catalog& cat);

// The slice a TPU workload asks for, built on its pinned pool's machine type when it has
// one, else on the first layout of the topology. nullopt when it asks for no TPU or the
// request is not valid.
std::optional<PoolSlice> workloadSlice(const model::Plan& plan, const model::Workload& w, const catalog::Catalog& cat);

// Pods a TPU workload runs: one per host of every slice (multi-host), or its replicas.
int podsOf(const model::Workload& w, const PoolSlice& s);

// Checks the TPU pools and TPU workloads of a plan: topologies against the rules of the
// generation of their machine type, requests against the pools they are pinned to, replicas
// against hosts × slices. Diagnostics carry the plan's file:line:col.
void checkPlanTpu(const model::Plan& plan, const catalog::Catalog& cat, diag::Diagnostics& diags);

// The answer to "may this workload be dropped on this pool, and what changes": the
// planner's cheap, non-mutating verdict for the torus view.
struct AssignVerdict {
    bool ok = false;
    diag::Diagnostics reasons;        // why not (errors), or notes on what the drop changes
    std::string newTopology;          // set when the drop also adopts the pool's equivalent topology
};
AssignVerdict canAssign(const model::Plan& plan, const catalog::Catalog& cat, const std::string& workload,
                        const std::string& cluster, const std::string& pool);

// Who uses a TPU pool's chips: the workloads pinned to it, in plan order, each on a range
// of hosts of one slice (multi-host) or a range of nodes (single-host pools, where every
// node is a slice of its own).
struct PoolUse {
    std::string workload;
    int first = 0;      // first worker (multi-host) or first node (single-host)
    int count = 0;      // workers or nodes it takes
    bool overflow = false; // asks for more than the pool has left
};
struct PoolOccupancy {
    PoolSlice slice;
    int slices = 1;           // slices drawn: 1 for a multi-host pool, its nodes for a single-host pool
    std::vector<PoolUse> uses;
};
std::optional<PoolOccupancy> occupancy(const model::Plan& plan, const model::Cluster& c, const model::NodePool& p,
                                       const catalog::Catalog& cat);

} // namespace cw::tpu
