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
        // Stranded capacity is given per hour: priced with the hours the cluster's nodes run
        // on average (the solver's monthly ÷ hourly cost).
        const double hours = cs.hourlyCost > 0 ? cs.monthlyCost / cs.hourlyCost : double(plan.hoursPerMonth);
        // A node runs as many hours a month as its longest-running Pod (the solver's rule).
        auto nodeHours = [&](const solve::Node& n) { return n.hoursPerMonth > 0 ? double(n.hoursPerMonth) : hours; };
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
        std::map<std::string, std::pair<double, double>> poolCost; // hourly, monthly
        for (const solve::Node& n : cs.nodes) {
            if (n.group < 0 || size_t(n.group) >= cs.groups.size())
                continue;
            const double price = cs.groups[size_t(n.group)].hourlyPricePerNode;
            auto& c = poolCost[cs.groups[size_t(n.group)].pool];
            c.first += price;
            c.second += price * nodeHours(n);
        }
        if (const model::Cluster* c = plan.cluster(cs.cluster)) {
            for (const auto& p : c->nodePools) {
                const auto it = poolCost.find(p.name);
                b.pools.push_back({cs.cluster, p.name, it == poolCost.end() ? 0.0 : it->second.first,
                                   it == poolCost.end() ? 0.0 : it->second.second});
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
                // A workload pays for the hours it runs; the rest of the node's hours are unused.
                it->second.monthly += h * std::min(nodeHours(node), double(plan.hoursPerMonthOf(*plan.workload(name))));
                used += s * scale * std::min(nodeHours(node), double(plan.hoursPerMonthOf(*plan.workload(name))));
            }
            b.unusedMonthly += std::max(0.0, g.hourlyPricePerNode * nodeHours(node) - g.hourlyPricePerNode * used);
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
