// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diag/diagnostic.h"
#include "model/plan.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cw::solve {

// Amounts of every resource the solver packs: what a node offers or what Pods request.
struct ResourceVector {
    int64_t cpuMilli = 0;
    int64_t memoryBytes = 0;
    int64_t ephemeralBytes = 0;
    int64_t gpus = 0;          // whole GPUs, or MIG partitions on a partitioned pool (each one nvidia.com/gpu)
    int64_t tpuChips = 0;      // google.com/tpu
    int64_t pods = 0;          // Pod slots (max Pods per node)
    std::map<std::string, int64_t> extended; // aws.amazon.com/neuron, vpc.amazonaws.com/efa, ...
    friend bool operator==(const ResourceVector&, const ResourceVector&) = default;
};

// The nodes of one machine type in one pool.
struct NodeGroup {
    std::string pool;
    std::string machineType;
    model::Capacity capacity = model::Capacity::OnDemand;
    int count = 0;
    double hourlyPricePerNode = 0;  // from the catalog, accelerators included
    bool priceKnown = true;
    bool priceUnverified = false;
    ResourceVector capacityPerNode;     // the machine's raw capacity
    ResourceVector allocatablePerNode;  // after kube/system reserve, eviction and DaemonSets
    ResourceVector daemonSetsPerNode;   // what the DaemonSets take on each node
    std::string gpuType;                // GKE accelerator name; empty without GPUs
    std::string migPartition;           // partition size when the pool splits its GPUs
    std::string tpuTopology;            // TPU pools: the slice topology
    int hostsPerSlice = 0;              // TPU pools: nodes per slice (chips ÷ chips per host)
};

// One node as the solver placed it. Nodes are numbered per cluster, grouped by NodeGroup.
struct Node {
    int group = 0;                  // index into ClusterSolution::groups
    int indexInGroup = 0;
    ResourceVector used;            // requests of the Pods placed here (DaemonSets excluded)
    bool forMinNodes = false;       // exists only because of the pool's minNodes
    int slice = -1;                 // TPU: which slice of the pool
    int tpuWorkerId = -1;           // TPU: TPU_WORKER_ID of this host within its slice
    int hoursPerMonth = 0;          // the longest hoursPerMonth of its Pods; the plan's for an empty node
    int pods = 0;                   // Pods placed here (DaemonSets excluded)
};

// Where one replica of a workload runs.
struct Placement {
    std::string workload;
    int replica = 0;
    int node = 0;                   // index into ClusterSolution::nodes
};

// A replica that could not be placed, with the reason in words.
struct Unplaced {
    std::string workload;
    int replica = 0;
    std::string reason;             // "needs 8 × nvidia-h100-80gb; pool v5e offers none"
    std::string code;               // stable diagnostic code (CW3nn)
    std::vector<std::string> args;  // the arguments of the code's message template (for translation)
};

// Requested ÷ allocatable over the provisioned nodes, 0..1; 0 when nothing offers it.
struct Utilization {
    double cpu = 0;
    double memory = 0;
    double gpu = 0;
    double tpu = 0;
};

// Dollars per hour paid for capacity nothing uses, by cause.
struct Stranded {
    double fragmentation = 0;  // free capacity on nodes that are needed for other Pods
    double systemOverhead = 0; // kube/system reserve, eviction threshold and DaemonSets
    double minNodes = 0;       // nodes kept only because of minNodes
    double pins = 0;           // extra cost because pins force a worse machine than the free choice
};

// Billed: a GKE Autopilot cluster, whose bill follows from the Pods' requests: nothing to
// pack, so the bound is the bill.
enum class BoundMethod { None, ColumnGeneration, FluidLp, FluidMip, MipOptimal, Billed };
const char* toString(BoundMethod m);

// The solution for one cluster.
struct ClusterSolution {
    std::string cluster;
    model::Provider provider = model::Provider::Gke;
    model::ClusterMode mode = model::ClusterMode::Standard;
    std::vector<NodeGroup> groups;
    std::vector<Node> nodes;
    std::vector<Placement> placements;
    std::vector<Unplaced> unplaced;
    double hourlyCost = 0;            // nodes only; fees are the cost module's
    double monthlyCost = 0;
    double lowerBoundHourlyCost = 0;  // proven: no placement of the placed Pods costs less
    double gap = 0;                   // (hourlyCost - bound) ÷ bound; 0 when proven optimal
    BoundMethod boundMethod = BoundMethod::None;
    bool optimal = false;
    Utilization utilization;
    Stranded stranded;
    bool priceKnown = true;           // false: some node has no price in the catalog (counted as $0)
    bool priceUnverified = false;     // some node's price is marked unverified in the catalog
    int placedPods = 0;
    int boundIterations = 0;          // column-generation rounds (or simplex solves) behind the bound
    int boundColumns = 0;             // configurations generated
    bool incremental = false;         // re-solved from SolveOptions::previous
    int keptPlacements = 0;           // of which kept where the previous solution had them
    // Per workload, a fingerprint of what decides where its Pods may go (requests and
    // constraints, not the replica count): an incremental solve keeps the placements of
    // unchanged workloads first.
    std::map<std::string, uint64_t> workloadFingerprints;

    // The nodes of a group, in order.
    std::vector<int> nodesOf(int group) const;
};

// The solution for a plan: every cluster, the totals and what went wrong.
struct Solution {
    std::vector<ClusterSolution> clusters;
    double hourlyCost = 0;
    double monthlyCost = 0;
    int64_t solveMillis = 0;          // wall-clock; the only field that is not deterministic
    bool cancelled = false;
    diag::Diagnostics diagnostics;

    const ClusterSolution* cluster(const std::string& name) const;
};

struct SolveOptions {
    // Polled often; returning true stops the solve, which then returns with cancelled set.
    std::function<bool()> cancelled;
    // The solution of the plan before a small edit: placements that still fit are kept, so
    // that the canvas does not jump.
    const Solution* previous = nullptr;
    // Only this cluster (empty: every cluster).
    std::string cluster;
    // Compute the lower bound (column generation / fluid LP); off for the quickest answer.
    bool lowerBound = true;
    // Effort: 1 is the default; higher values allow more column-generation rounds, knapsack
    // nodes and MIP nodes. Never a time limit, so that results do not depend on the machine.
    int effort = 1;
};

// One constraint checked by canPlace, in words.
struct FeasibilityCheck {
    std::string constraint;   // "GPU model", "taints", "CPU", "max nodes", ...
    bool ok = true;
    std::string detail;       // "pool l4 offers nvidia-l4; the workload needs nvidia-h100-80gb"
    std::string code;         // the message code of detail (CW3nn)
    std::vector<std::string> args;
};

struct Feasibility {
    bool fits = false;
    std::vector<FeasibilityCheck> checks;
    std::string machineType;    // the machine type the checks are about (the cheapest that fits)
    int podsPerNode = 0;        // replicas of the workload one node of that type holds
    int nodesNeeded = 0;        // nodes the workload alone needs in the pool
    std::string reason() const; // the first failing check's detail, or empty
};

} // namespace cw::solve
