// SPDX-License-Identifier: GPL-3.0-or-later
#include "breakdown.h"

#include <algorithm>
#include <map>

namespace cw::report {

namespace {

double share(int64_t request, int64_t allocatable)
{
    return allocatable > 0 ? double(request) / double(allocatable) : 0.0;
}

} // namespace

Breakdown breakdown(const model::Plan& plan, const solve::Solution& solution)
{
    Breakdown b;
    std::map<std::string, CostItem> workloads;
    bool allOptimal = !solution.clusters.empty();
    for (const solve::ClusterSolution& cs : solution.clusters) {
        // The solver's own ratio of monthly to hourly cost: the hours it priced nodes with.
        const double hours = cs.hourlyCost > 0 ? cs.monthlyCost / cs.hourlyCost : double(plan.hoursPerMonth);
        b.hourly += cs.hourlyCost;
        b.monthly += cs.monthlyCost;
        b.lowerBoundHourly += cs.lowerBoundHourlyCost;
        b.unplacedPods += int(cs.unplaced.size());
        b.nodes += int(cs.nodes.size());
        allOptimal = allOptimal && cs.optimal;
        b.utilization.push_back({cs.cluster, cs.utilization});
        b.waste.fragmentation += cs.stranded.fragmentation * hours;
        b.waste.systemOverhead += cs.stranded.systemOverhead * hours;
        b.waste.minNodes += cs.stranded.minNodes * hours;
        b.waste.pins += cs.stranded.pins * hours;

        // Pools, in the plan's order.
        std::map<std::string, double> poolHourly;
        for (const solve::Node& n : cs.nodes) {
            if (n.group >= 0 && size_t(n.group) < cs.groups.size())
                poolHourly[cs.groups[size_t(n.group)].pool] += cs.groups[size_t(n.group)].hourlyPricePerNode;
        }
        if (const model::Cluster* c = plan.cluster(cs.cluster)) {
            for (const auto& p : c->nodePools) {
                const double h = poolHourly.count(p.name) ? poolHourly[p.name] : 0.0;
                b.pools.push_back({cs.cluster, p.name, h, h * hours});
            }
        }

        // Workloads: each node's price shared by its Pods.
        std::vector<std::vector<const solve::Placement*>> onNode(cs.nodes.size());
        for (const auto& pl : cs.placements) {
            if (pl.node >= 0 && size_t(pl.node) < cs.nodes.size())
                onNode[size_t(pl.node)].push_back(&pl);
        }
        for (size_t n = 0; n < cs.nodes.size(); ++n) {
            const solve::Node& node = cs.nodes[n];
            if (node.group < 0 || size_t(node.group) >= cs.groups.size())
                continue;
            const solve::NodeGroup& g = cs.groups[size_t(node.group)];
            const solve::ResourceVector& a = g.allocatablePerNode;
            std::vector<std::pair<std::string, double>> shares;
            double sum = 0;
            for (const solve::Placement* pl : onNode[n]) {
                const model::Workload* w = plan.workload(pl->workload);
                if (!w)
                    continue;
                const auto& r = w->resources;
                double s = std::max(share(r.cpuMilli, a.cpuMilli), share(r.memoryBytes, a.memoryBytes));
                if (r.gpu)
                    s = std::max(s, share(r.gpu->partition.empty() ? r.gpu->count : 1, a.gpus));
                if (r.tpu)
                    s = std::max(s, 1.0); // a TPU Pod takes every chip of its host
                shares.emplace_back(w->name, s);
                sum += s;
            }
            const double scale = sum > 1.0 ? 1.0 / sum : 1.0;
            double used = 0;
            for (const auto& [name, s] : shares) {
                auto it = workloads.try_emplace(name, CostItem{cs.cluster, name, 0, 0}).first;
                const double h = g.hourlyPricePerNode * s * scale;
                it->second.hourly += h;
                it->second.monthly += h * hours;
                used += s * scale;
            }
            b.unusedMonthly += g.hourlyPricePerNode * std::max(0.0, 1.0 - used) * hours;
        }
    }
    // Workloads in the plan's order.
    for (const auto& w : plan.workloads) {
        if (auto it = workloads.find(w.name); it != workloads.end())
            b.workloads.push_back(it->second);
    }
    b.optimal = allOptimal;
    b.gap = b.lowerBoundHourly > 0 ? std::max(0.0, (b.hourly - b.lowerBoundHourly) / b.lowerBoundHourly) : 0.0;
    return b;
}

} // namespace cw::report
