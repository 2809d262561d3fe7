// SPDX-License-Identifier: GPL-3.0-or-later
#include "canvasmodel.h"

#include "catalog/catalog.h"

#include <algorithm>
#include <map>

namespace cw::widgets {

std::string NodeView::dominantWorkload() const
{
    std::map<std::string, double> share;
    for (const auto& p : pods) {
        double s = 0;
        if (allocatable.cpuMilli > 0)
            s = std::max(s, double(p.cpuMilli) / double(allocatable.cpuMilli));
        if (allocatable.memoryBytes > 0)
            s = std::max(s, double(p.memoryBytes) / double(allocatable.memoryBytes));
        if (allocatable.gpus > 0)
            s = std::max(s, double(p.gpus) / double(allocatable.gpus));
        if (allocatable.tpuChips > 0)
            s = std::max(s, double(p.tpuChips) / double(allocatable.tpuChips));
        share[p.workload] += s;
    }
    std::string best;
    double bestShare = -1;
    for (const auto& [w, s] : share) {
        if (s > bestShare) {
            best = w;
            bestShare = s;
        }
    }
    return best;
}

const solve::ClusterSolution* findClusterSolution(const solve::Solution* solution, const std::string& cluster)
{
    if (!solution)
        return nullptr;
    for (const auto& c : solution->clusters) {
        if (c.cluster == cluster)
            return &c;
    }
    return nullptr;
}

PodView podOf(const model::Workload& w, int replica, const solve::ResourceVector* nodeCapacity)
{
    PodView p;
    p.workload = w.name;
    p.replica = replica;
    p.cpuMilli = w.resources.cpuMilli;
    p.memoryBytes = w.resources.memoryBytes;
    if (w.resources.gpu)
        p.gpus = w.resources.gpu->partition.empty() ? w.resources.gpu->count : 1;
    // A TPU Pod requests every chip of its host (google.com/tpu = chips per VM).
    if (w.resources.tpu)
        p.tpuChips = nodeCapacity ? int(nodeCapacity->tpuChips) : 0;
    return p;
}

ClusterView buildClusterView(const model::Plan& plan, const catalog::Catalog& catalog,
                             const solve::Solution* solution, const std::string& clusterName)
{
    ClusterView view;
    view.cluster = clusterName;
    const model::Cluster* cluster = plan.cluster(clusterName);
    if (!cluster)
        return view;
    view.provider = cluster->provider;
    view.autopilot = cluster->mode == model::ClusterMode::Autopilot;
    for (const auto& p : cluster->nodePools) {
        PoolView pv;
        pv.pool = p;
        for (const auto& w : plan.workloads) {
            if (w.cluster == clusterName && w.pool == p.name)
                pv.pinned.push_back(w.name);
        }
        view.pools.push_back(std::move(pv));
    }
    if (view.autopilot) {
        for (const auto& w : plan.workloads) {
            if (w.cluster != clusterName)
                continue;
            for (int r = 0; r < w.replicas; ++r)
                view.autopilotPods.push_back(podOf(w, r));
        }
    }
    const solve::ClusterSolution* cs = findClusterSolution(solution, clusterName);
    if (!cs)
        return view;
    view.solved = true;
    view.hourlyCost = cs->hourlyCost;
    view.monthlyCost = cs->monthlyCost;
    view.lowerBoundHourlyCost = cs->lowerBoundHourlyCost;
    view.gap = cs->gap;
    view.optimal = cs->optimal;

    std::map<std::string, size_t> poolIndex;
    for (size_t i = 0; i < view.pools.size(); ++i)
        poolIndex[view.pools[i].pool.name] = i;

    std::vector<NodeView> nodes(cs->nodes.size());
    for (size_t n = 0; n < cs->nodes.size(); ++n) {
        const solve::Node& node = cs->nodes[n];
        if (node.group < 0 || size_t(node.group) >= cs->groups.size())
            continue;
        const solve::NodeGroup& g = cs->groups[size_t(node.group)];
        NodeView& nv = nodes[n];
        nv.pool = g.pool;
        nv.machineType = g.machineType;
        nv.indexInGroup = node.indexInGroup;
        nv.nodeIndex = int(n);
        nv.key = g.pool + "/" + g.machineType + "/" + std::to_string(node.indexInGroup);
        nv.capacity = g.capacityPerNode;
        nv.allocatable = g.allocatablePerNode;
        nv.daemonSets = g.daemonSetsPerNode;
        nv.used = node.used;
        nv.hourlyPrice = g.hourlyPricePerNode;
        nv.priceKnown = g.priceKnown;
        nv.priceUnverified = g.priceUnverified;
        nv.capacityType = g.capacity;
        nv.gpuType = g.gpuType;
        nv.migPartition = g.migPartition;
        nv.tpuTopology = g.tpuTopology;
        nv.slice = node.slice;
        nv.tpuWorkerId = node.tpuWorkerId;
        nv.forMinNodes = node.forMinNodes;
        nv.hoursPerMonth = node.hoursPerMonth > 0 ? node.hoursPerMonth : plan.hoursPerMonth;
        if (const catalog::MachineType* m = catalog.machineType(cluster->provider, g.machineType); m && m->gpu)
            nv.physicalGpus = m->gpu->count;
        if (nv.physicalGpus > 0 && !g.migPartition.empty())
            nv.partitionsPerGpu = std::max<int>(1, int(g.capacityPerNode.gpus / nv.physicalGpus));
        else if (nv.physicalGpus == 0)
            nv.physicalGpus = int(g.capacityPerNode.gpus);
    }
    for (const auto& pl : cs->placements) {
        if (pl.node < 0 || size_t(pl.node) >= nodes.size())
            continue;
        const model::Workload* w = plan.workload(pl.workload);
        if (!w)
            continue;
        NodeView& nv = nodes[size_t(pl.node)];
        nv.pods.push_back(podOf(*w, pl.replica, &nv.capacity));
    }
    for (auto& nv : nodes) {
        std::sort(nv.pods.begin(), nv.pods.end(), [](const PodView& a, const PodView& b) {
            return std::tie(a.workload, a.replica) < std::tie(b.workload, b.replica);
        });
        const auto it = poolIndex.find(nv.pool);
        if (it == poolIndex.end())
            continue;
        PoolView& pv = view.pools[it->second];
        pv.hourlyCost += nv.hourlyPrice;
        pv.monthlyCost += nv.hourlyPrice * nv.hoursPerMonth;
        pv.nodes.push_back(std::move(nv));
    }
    // Stable order: machine type, then index, so a re-solve keeps every card in place.
    for (auto& pv : view.pools) {
        std::stable_sort(pv.nodes.begin(), pv.nodes.end(), [](const NodeView& a, const NodeView& b) {
            return std::tie(a.machineType, a.indexInGroup) < std::tie(b.machineType, b.indexInGroup);
        });
    }
    for (const auto& u : cs->unplaced)
        view.unplaced.push_back({u.workload, u.replica, u.reason, u.code, u.args});
    return view;
}

} // namespace cw::widgets
