// SPDX-License-Identifier: GPL-3.0-or-later
#include "summary.h"

#include "model/quantity.h"
#include "solve/solver.h"

#include <cstdio>

namespace cw::io {

using namespace cw::model;

std::string acceleratorRequestText(const Resources& r)
{
    if (r.gpu) {
        if (!r.gpu->partition.empty())
            return "1 × " + r.gpu->type + " " + r.gpu->partition;
        return std::to_string(r.gpu->count) + " × " + r.gpu->type;
    }
    if (r.tpu)
        return "TPU " + r.tpu->type + " " + r.tpu->topology
             + (r.tpu->slices > 1 ? " × " + std::to_string(r.tpu->slices) + " slices" : "");
    std::string s;
    for (const auto& [k, v] : r.extended) {
        if (!s.empty())
            s += ", ";
        s += std::to_string(v) + " × " + k;
    }
    return s;
}

std::string planSummary(const Plan& plan, const catalog::Catalog& cat)
{
    auto money = [](double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "$%.2f", v);
        return std::string(buf);
    };
    std::string s = "Plan '" + plan.name + "'";
    if (!plan.description.empty())
        s += ": " + plan.description;
    s += "\n";
    for (const auto& c : plan.clusters) {
        s += "  cluster " + c.name + " (" + (c.provider == Provider::Gke ? "GKE " : "EKS ")
           + (c.provider == Provider::Gke ? toString(c.mode) : "") + (c.provider == Provider::Gke ? ", " : "")
           + c.location + ")\n";
        for (const auto& p : c.nodePools) {
            s += "    pool " + p.name + ": ";
            for (size_t i = 0; i < p.machineTypes.size(); ++i) {
                const auto& name = p.machineTypes[i];
                s += (i ? ", " : "") + name;
                if (const auto* m = cat.machineType(c.provider, name)) {
                    const auto price = cat.machinePrice(c.provider, *m, p.capacity);
                    s += price.known ? " " + money(price.usdPerHour) + "/h" : " (no price)";
                    if (price.unverified)
                        s += " (unverified)";
                }
            }
            s += ", " + std::string(toString(p.capacity)) + ", nodes " + std::to_string(p.minNodes) + ".."
               + (p.maxNodes ? std::to_string(*p.maxNodes) : std::string("∞"));
            if (!p.tpuTopology.empty())
                s += ", TPU topology " + p.tpuTopology;
            if (!p.gpuPartitionSize.empty())
                s += ", MIG " + p.gpuPartitionSize;
            s += "\n";
        }
        for (const Workload* w : plan.workloadsOf(c.name)) {
            s += "    workload " + w->name + " (" + toString(w->kind) + "): " + std::to_string(w->replicas)
               + " × {" + humanCpu(w->resources.cpuMilli) + ", " + humanBytes(w->resources.memoryBytes);
            const std::string acc = acceleratorRequestText(w->resources);
            if (!acc.empty())
                s += ", " + acc;
            s += "}";
            if (w->gang)
                s += ", gang";
            if (w->isPinned())
                s += ", pool " + w->pool;
            s += ", " + std::to_string(plan.hoursPerMonthOf(*w)) + " h/month\n";
        }
    }
    s += solvedSummary(solve::solve(plan, cat));
    s += "Prices as of " + cat.priceDate() + ".\n";
    return s;
}

std::string solvedSummary(const solve::Solution& solution)
{
    auto money = [](double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "$%.2f", v);
        return std::string(buf);
    };
    std::string s = "Solved (nodes only; fees are the cost comparison's):\n";
    for (const auto& cs : solution.clusters) {
        s += "  cluster " + cs.cluster + ": ";
        if (cs.mode == ClusterMode::Autopilot) {
            s += "GKE Autopilot, billed per Pod request: " + money(cs.hourlyCost) + "/h, " + money(cs.monthlyCost) + "/month\n";
            continue;
        }
        s += std::to_string(cs.nodes.size()) + " nodes, " + money(cs.hourlyCost) + "/h, " + money(cs.monthlyCost) + "/month";
        if (cs.boundMethod != solve::BoundMethod::None) {
            char gap[32];
            std::snprintf(gap, sizeof gap, "%.1f %%", cs.gap * 100.0);
            s += cs.optimal ? "; proven optimal" : "; lower bound " + money(cs.lowerBoundHourlyCost) + "/h, gap " + gap;
        }
        if (!cs.unplaced.empty())
            s += "; " + std::to_string(cs.unplaced.size()) + " Pods unplaced";
        s += "\n";
    }
    s += "  total: " + money(solution.hourlyCost) + "/h, " + money(solution.monthlyCost) + "/month";
    if (solution.cancelled)
        s += " (cancelled: incomplete)";
    s += "\n";
    return s;
}

} // namespace cw::io
