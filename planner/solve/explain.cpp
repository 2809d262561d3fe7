// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain.h"

#include "diag/diagnostic.h"
#include "problem.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace cw::solve {

using namespace cw::model;
using namespace cw::solve::detail;

namespace {

std::string dollars(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "$%.4f", v);
    return buf;
}

void setWhy(Explanation& e, const char* code, std::vector<std::string> args)
{
    e.whyCode = code;
    e.why = diag::substitute(diag::messageTemplate(code), args);
    e.whyArgs = std::move(args);
}

} // namespace

Explanation explain(const Plan& plan, const catalog::Catalog& catalog, const std::string& workload, const Solution& solution)
{
    Explanation e;
    e.workload = workload;
    const Workload* w = plan.workload(workload);
    if (!w)
        return e;
    e.cluster = w->cluster;
    e.replicas = std::max(0, w->replicas);
    e.pin = w->pool;
    const Cluster* c = plan.cluster(w->cluster);
    if (!c)
        return e;
    if (c->mode == ClusterMode::Autopilot) {
        setWhy(e, "CW365", {c->name});
        return e;
    }

    // Where the solution put the replicas.
    std::map<std::pair<std::string, std::string>, int> placedOn;
    const ClusterSolution* cs = solution.cluster(c->name);
    std::string firstUnplaced;
    int unplaced = 0;
    if (cs) {
        for (const auto& pl : cs->placements) {
            if (pl.workload != w->name || pl.node < 0 || size_t(pl.node) >= cs->nodes.size())
                continue;
            const NodeGroup& g = cs->groups[size_t(cs->nodes[size_t(pl.node)].group)];
            ++placedOn[{g.pool, g.machineType}];
            ++e.placedReplicas;
        }
        for (const auto& u : cs->unplaced) {
            if (u.workload != w->name)
                continue;
            if (unplaced++ == 0)
                firstUnplaced = u.reason;
        }
    }

    // Every pool and machine type of the cluster, checked constraint by constraint.
    const std::vector<std::string> ext = extendedNamesOf({w}, c->provider);
    const std::vector<int64_t> demand = podDemand(*w, c->provider, ext);
    for (size_t pi = 0; pi < c->nodePools.size(); ++pi) {
        const NodePool& pool = c->nodePools[pi];
        PoolTypes pt = buildPoolTypes(plan, catalog, *c, pool, int(pi), ext);
        for (const auto& type : pt.types) {
            ExplainOption o;
            o.pool = pool.name;
            o.machineType = type.machine->name;
            o.capacity = pool.capacity;
            o.pricePerNode = type.price;
            o.priceKnown = type.group.priceKnown;
            if (w->isPinned() && w->pool != pool.name)
                o.checks.push_back(makeCheck("pool", false, "CW325", {w->pool}));
            else if (w->isPinned())
                o.checks.push_back(makeCheck("pool", true, "CW357", {w->pool}));
            checkOnType(plan, catalog, *c, *w, demand, type, pt.info, ext, &o.checks, false);
            o.fits = std::all_of(o.checks.begin(), o.checks.end(), [](const FeasibilityCheck& ch) { return ch.ok; });
            for (const auto& ch : o.checks) {
                if (!ch.ok) {
                    o.failedConstraint = ch.constraint;
                    o.reason = ch.detail;
                    o.code = ch.code;
                    o.args = ch.args;
                    break;
                }
            }
            int64_t fit = w->maxPerNode > 0 ? w->maxPerNode : kNoLimit;
            for (size_t d = 0; d < demand.size(); ++d) {
                if (demand[d] > 0)
                    fit = std::min<int64_t>(fit, type.cap[d] / demand[d]);
            }
            o.podsPerNode = int(std::max<int64_t>(0, fit));
            if (o.podsPerNode > 0)
                o.pricePerReplica = o.pricePerNode / std::min(o.podsPerNode, std::max(1, e.replicas));
            auto it = placedOn.find({pool.name, type.machine->name});
            if (it != placedOn.end()) {
                o.chosen = true;
                o.placedReplicas = it->second;
            }
            e.options.push_back(std::move(o));
        }
    }
    std::stable_sort(e.options.begin(), e.options.end(), [](const ExplainOption& a, const ExplainOption& b) {
        if (a.chosen != b.chosen)
            return a.chosen;
        if (a.chosen && b.chosen && a.placedReplicas != b.placedReplicas)
            return a.placedReplicas > b.placedReplicas;
        if (a.fits != b.fits)
            return a.fits;
        if (a.fits)
            return a.pricePerReplica < b.pricePerReplica;
        return false;
    });

    // One sentence: why there.
    const ExplainOption* chosen = !e.options.empty() && e.options.front().chosen ? &e.options.front() : nullptr;
    const ExplainOption* cheapest = nullptr;
    for (const auto& o : e.options) {
        if (o.fits && (!cheapest || o.pricePerReplica < cheapest->pricePerReplica))
            cheapest = &o;
    }
    if (unplaced > 0 && e.placedReplicas == 0) {
        setWhy(e, "CW364", {std::to_string(unplaced), std::to_string(e.replicas), firstUnplaced});
    } else if (chosen && w->isPinned()) {
        setWhy(e, "CW361", {w->pool, chosen->machineType, dollars(chosen->pricePerReplica), std::to_string(chosen->podsPerNode)});
    } else if (chosen && cheapest && (cheapest == chosen || cheapest->pricePerReplica >= chosen->pricePerReplica - 1e-12)) {
        setWhy(e, "CW362", {chosen->machineType, chosen->pool, dollars(chosen->pricePerReplica), std::to_string(chosen->podsPerNode)});
    } else if (chosen && cheapest) {
        setWhy(e, "CW363", {chosen->machineType, chosen->pool, cheapest->machineType, cheapest->pool,
                            dollars(cheapest->pricePerReplica)});
    } else if (unplaced > 0) {
        setWhy(e, "CW364", {std::to_string(unplaced), std::to_string(e.replicas), firstUnplaced});
    }
    return e;
}

} // namespace cw::solve
