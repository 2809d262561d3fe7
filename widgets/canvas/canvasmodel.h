// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/plan.h"
#include "solve/solution.h"

#include <string>
#include <vector>

namespace cw::catalog {
class Catalog;
}

namespace cw::widgets {

// What the canvas shows of one cluster, taken from the plan and the latest solution: plain
// values, so that the items drawing them never reach into the plan.

struct PodView {
    std::string workload;
    int replica = 0;
    int64_t cpuMilli = 0;
    int64_t memoryBytes = 0;
    int gpus = 0;          // whole GPUs, or MIG partitions on a partitioned pool
    int tpuChips = 0;
};

struct NodeView {
    std::string key;       // pool/machineType/index: stable across re-solves
    std::string pool;
    std::string machineType;
    int indexInGroup = 0;
    int nodeIndex = 0;     // in the cluster's solution
    solve::ResourceVector capacity;
    solve::ResourceVector allocatable;
    solve::ResourceVector daemonSets;
    solve::ResourceVector used;
    double hourlyPrice = 0;
    bool priceKnown = true;
    bool priceUnverified = false;
    model::Capacity capacityType = model::Capacity::OnDemand;
    int physicalGpus = 0;       // GPUs of the machine
    int partitionsPerGpu = 1;   // MIG partitions per GPU (1 without MIG)
    std::string gpuType;
    std::string migPartition;
    std::string tpuTopology;
    int slice = -1;
    int tpuWorkerId = -1;
    bool forMinNodes = false;
    int hoursPerMonth = 0;      // the hours the node runs (its longest-running Pod)
    std::vector<PodView> pods;

    // The workload with the largest share of this node (for the zoomed-out view).
    std::string dominantWorkload() const;
};

struct PoolView {
    model::NodePool pool;       // a copy of the plan's pool
    std::vector<NodeView> nodes;
    double hourlyCost = 0;      // its nodes, per hour
    double monthlyCost = 0;     // its nodes, each for the hours it runs
    std::vector<std::string> pinned; // workloads pinned to the pool
};

struct UnplacedView {
    std::string workload;
    int replica = 0;
    std::string reason;              // English
    std::string code;                // the message's code and arguments, for translation
    std::vector<std::string> args;
};

struct ClusterView {
    std::string cluster;
    model::Provider provider = model::Provider::Gke;
    bool autopilot = false;
    bool solved = false;        // a solution for this cluster exists
    std::vector<PoolView> pools;
    std::vector<UnplacedView> unplaced;
    std::vector<PodView> autopilotPods; // Autopilot: Pods billed one by one, no nodes
    double hourlyCost = 0;
    double monthlyCost = 0;
    double lowerBoundHourlyCost = 0;
    double gap = 0;
    bool optimal = false;
};

// The solution's part for a cluster, or null.
const solve::ClusterSolution* findClusterSolution(const solve::Solution* solution, const std::string& cluster);

ClusterView buildClusterView(const model::Plan& plan, const catalog::Catalog& catalog,
                             const solve::Solution* solution, const std::string& cluster);

// The requests of one Pod of a workload as the canvas draws them.
PodView podOf(const model::Workload& workload, int replica, const solve::ResourceVector* nodeCapacity = nullptr);

} // namespace cw::widgets
