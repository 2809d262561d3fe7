// SPDX-License-Identifier: GPL-3.0-or-later
// TPU pools and workloads of a plan: their slices, the checks, drops and occupancy.
#include "tpuplan.h"

#include <algorithm>
#include <cctype>

namespace cw::tpu {

using namespace cw::model;

namespace {

const catalog::TpuGeneration* generationOfMachine(const Cluster& c, const std::string& machine,
                                                  const catalog::Catalog& cat)
{
    const catalog::MachineType* m = cat.machineType(c.provider, machine);
    if (!m || !m->tpu)
        return nullptr;
    return cat.tpuGeneration(m->tpu->generation);
}

std::string layoutsText(const Slice& s)
{
    std::string text;
    for (const auto& l : s.layouts)
        text += (text.empty() ? "" : " or ") + std::to_string(l.hosts) + " × " + l.machineType;
    return text;
}

// Numeric parts of a version string: "1.34.0-gke.2201000" → 1, 34, 0, 2201000.
std::vector<long long> versionParts(const std::string& v)
{
    std::vector<long long> parts;
    long long cur = -1;
    for (char ch : v) {
        if (std::isdigit(static_cast<unsigned char>(ch))) {
            cur = (cur < 0 ? 0 : cur) * 10 + (ch - '0');
            if (cur > 1'000'000'000'000LL)
                cur = 1'000'000'000'000LL;
        } else if (cur >= 0) {
            parts.push_back(cur);
            cur = -1;
        }
    }
    if (cur >= 0)
        parts.push_back(cur);
    return parts;
}

// True when version a is older than b, comparing only as many parts as a has.
bool olderThan(const std::string& a, const std::string& b)
{
    const auto pa = versionParts(a), pb = versionParts(b);
    for (size_t i = 0; i < pa.size() && i < pb.size(); ++i) {
        if (pa[i] != pb[i])
            return pa[i] < pb[i];
    }
    return false;
}

class TpuChecker {
public:
    TpuChecker(const Plan& plan, const catalog::Catalog& cat, diag::Diagnostics& diags)
        : m_plan(plan), m_cat(cat), m_diags(diags) {}

    void run()
    {
        for (const auto& c : m_plan.clusters) {
            for (const auto& p : c.nodePools)
                checkPool(c, p);
            for (const auto* w : m_plan.workloadsOf(c.name)) {
                if (w->hasTpu())
                    checkWorkload(c, *w);
            }
        }
    }

private:
    diag::Location at(const Provenance& o, const std::string& field) const
    {
        const SourcePos p = o.field(field);
        return {m_plan.sourceFile, p.line, p.column};
    }

    void relocate(const diag::Diagnostics& problems, const diag::Location& where, const std::string& object)
    {
        for (auto d : problems.items()) {
            d.where = where;
            d.object = object;
            m_diags.append(std::move(d));
        }
    }

    void checkVersion(const Cluster& c, const catalog::TpuGeneration& g, const diag::Location& where,
                      const std::string& object)
    {
        if (c.kubernetesVersion.empty())
            return;
        const bool autopilot = c.mode == ClusterMode::Autopilot;
        const std::string& minimum = autopilot ? g.minGkeAutopilot : g.minGkeStandard;
        if (minimum.empty() || !olderThan(c.kubernetesVersion, minimum))
            return;
        m_diags.add("CW433", where, {c.name, c.kubernetesVersion, g.name, minimum, autopilot ? "Autopilot" : "Standard"}, object);
    }

    void checkPool(const Cluster& c, const NodePool& p)
    {
        if (!p.isTpu() || p.machineTypes.empty())
            return;
        const catalog::TpuGeneration* g = generationOfMachine(c, p.machineType(), m_cat);
        if (!g)
            return; // CW103 or CW112 from the core checks
        const std::string object = c.name + "/" + p.name;
        const TopologyCheck check = checkTopology(*g, p.tpuTopology);
        if (!check.ok()) {
            relocate(check.problems, at(p.origin, "tpuTopology"), object);
            return;
        }
        const Slice& s = *check.slice;
        const HostLayout* l = s.layoutFor(p.machineType());
        if (!l) {
            m_diags.add("CW430", at(p.origin, "machineType"), {p.name, p.machineType(), g->name, s.topology.text(), layoutsText(s)}, object);
            return;
        }
        checkVersion(c, *g, at(p.origin, "machineType"), object);
        if (!l->isMultiHost())
            return;
        const std::string hosts = std::to_string(l->hosts);
        auto nodes = [&](const char* key, int value, bool zeroAllowed) {
            if (value == l->hosts || (zeroAllowed && value == 0))
                return;
            m_diags.add("CW431", at(p.origin, key),
                        {p.name, s.topology.text(), hosts, key, std::to_string(value), zeroAllowed ? "0 or " + hosts : hosts},
                        object);
        };
        nodes("minNodes", p.minNodes, true);
        if (p.maxNodes)
            nodes("maxNodes", *p.maxNodes, false);
        if (p.initialNodes)
            nodes("initialNodes", *p.initialNodes, true);
        return;
    }

    void checkWorkload(const Cluster& c, const Workload& w)
    {
        const TpuRequest& t = *w.resources.tpu;
        const catalog::TpuGeneration* g = m_cat.tpuGeneration(t.type);
        if (!g || c.provider != Provider::Gke)
            return; // CW104 / CW115 from the core checks
        const TopologyCheck check = checkTopology(*g, t.topology);
        if (!check.ok()) {
            relocate(check.problems, at(w.origin, "resources.tpu.topology"), w.name);
            return;
        }
        const Slice& s = *check.slice;
        checkVersion(c, *g, at(w.origin, "resources.tpu.type"), w.name);
        const HostLayout* layout = &s.layout();
        const NodePool* pool = w.isPinned() ? c.pool(w.pool) : nullptr;
        bool poolMultiHost = false;
        if (pool) {
            const catalog::TpuGeneration* pg = pool->machineTypes.empty() ? nullptr
                                                                         : generationOfMachine(c, pool->machineType(), m_cat);
            if (!pg) {
                if (!pool->machineTypes.empty() && m_cat.machineType(c.provider, pool->machineType()))
                    m_diags.add("CW446", at(w.origin, "pool"), {w.name, pool->name}, w.name);
            } else if (pg != g) {
                m_diags.add("CW440", at(w.origin, "pool"), {w.name, g->name + " (" + t.type + ")", pool->name, "TPU " + pg->name}, w.name);
            } else if (auto ps = poolSlice(c, *pool, m_cat)) {
                poolMultiHost = ps->isMultiHost();
                if (!(ps->slice.topology == s.topology)) {
                    if (ps->slice.chips == s.chips)
                        m_diags.add("CW442", at(w.origin, "resources.tpu.topology"),
                                    {w.name, s.topology.text(), pool->name, ps->slice.topology.text(), std::to_string(s.chips)}, w.name);
                    else
                        m_diags.add("CW441", at(w.origin, "resources.tpu.topology"),
                                    {w.name, s.topology.text(), pool->name, ps->slice.topology.text()}, w.name);
                }
                if (const HostLayout* l = s.layoutFor(ps->layout.machineType))
                    layout = l;
            }
        }
        if (layout->isMultiHost()) {
            const long long expected = static_cast<long long>(layout->hosts) * t.slices;
            if (w.replicas != expected)
                m_diags.add("CW443", at(w.origin, "replicas"),
                            {w.name, std::to_string(w.replicas), s.topology.text(), std::to_string(layout->hosts),
                             std::to_string(t.slices), std::to_string(expected)}, w.name);
            if (pool && poolMultiHost && t.slices > 1)
                m_diags.add("CW445", at(w.origin, "resources.tpu.slices"),
                            {w.name, std::to_string(t.slices), s.topology.text(), pool->name}, w.name);
        } else if (t.slices > 1) {
            m_diags.add("CW444", at(w.origin, "resources.tpu.slices"), {w.name, std::to_string(t.slices), s.topology.text()}, w.name);
        }
        return;
    }

    const Plan& m_plan;
    const catalog::Catalog& m_cat;
    diag::Diagnostics& m_diags;
};

} // namespace

std::optional<PoolSlice> poolSlice(const Cluster& c, const NodePool& p, const catalog::Catalog& cat)
{
    if (!p.isTpu() || p.machineTypes.empty())
        return std::nullopt;
    const catalog::TpuGeneration* g = generationOfMachine(c, p.machineType(), cat);
    if (!g)
        return std::nullopt;
    const auto t = parseTopology(p.tpuTopology);
    if (!t)
        return std::nullopt;
    auto s = describe(*g, *t);
    if (!s)
        return std::nullopt;
    const HostLayout* l = s->layoutFor(p.machineType());
    if (!l)
        return std::nullopt;
    return PoolSlice{*s, *l};
}

std::optional<PoolSlice> workloadSlice(const Plan& plan, const Workload& w, const catalog::Catalog& cat)
{
    if (!w.resources.tpu)
        return std::nullopt;
    const catalog::TpuGeneration* g = cat.tpuGeneration(w.resources.tpu->type);
    if (!g)
        return std::nullopt;
    const auto t = parseTopology(w.resources.tpu->topology);
    if (!t)
        return std::nullopt;
    auto s = describe(*g, *t);
    if (!s)
        return std::nullopt;
    const HostLayout* l = &s->layout();
    if (const Cluster* c = plan.cluster(w.cluster); c && w.isPinned()) {
        if (const NodePool* p = c->pool(w.pool); p && !p->machineTypes.empty()) {
            if (const HostLayout* pl = s->layoutFor(p->machineType()))
                l = pl;
        }
    }
    const HostLayout layout = *l;
    return PoolSlice{std::move(*s), layout};
}

int podsOf(const Workload& w, const PoolSlice& s)
{
    if (s.isMultiHost())
        return s.layout.hosts * (w.resources.tpu ? w.resources.tpu->slices : 1);
    return w.replicas;
}

void checkPlanTpu(const Plan& plan, const catalog::Catalog& cat, diag::Diagnostics& diags)
{
    TpuChecker(plan, cat, diags).run();
}

namespace {

// Nodes a single-host pool is drawn with: its maximum, or what its workloads need.
int singleHostNodes(const NodePool& p, int needed)
{
    int nodes = p.maxNodes ? *p.maxNodes : std::max({p.minNodes, p.initialNodes.value_or(0), needed});
    return std::clamp(nodes, 1, 64);
}

} // namespace

std::optional<PoolOccupancy> occupancy(const Plan& plan, const Cluster& c, const NodePool& p, const catalog::Catalog& cat)
{
    auto ps = poolSlice(c, p, cat);
    if (!ps)
        return std::nullopt;
    PoolOccupancy occ;
    occ.slice = *ps;
    std::vector<const Workload*> pinned;
    for (const auto* w : plan.workloadsOf(c.name)) {
        if (w->hasTpu() && w->pool == p.name)
            pinned.push_back(w);
    }
    if (ps->isMultiHost()) {
        occ.slices = 1;
        bool taken = false;
        for (const auto* w : pinned) {
            PoolUse u;
            u.workload = w->name;
            u.first = 0;
            u.count = std::clamp(w->replicas, 0, ps->layout.hosts);
            // A multi-host slice runs one job at a time: a second one does not get it.
            u.overflow = taken;
            taken = true;
            occ.uses.push_back(u);
        }
        return occ;
    }
    int needed = 0;
    for (const auto* w : pinned)
        needed += std::max(0, w->replicas);
    occ.slices = singleHostNodes(p, needed);
    int next = 0;
    for (const auto* w : pinned) {
        PoolUse u;
        u.workload = w->name;
        u.first = next;
        const int want = std::max(0, w->replicas);
        u.count = std::clamp(occ.slices - next, 0, want);
        u.overflow = want > u.count;
        next += u.count;
        occ.uses.push_back(u);
    }
    return occ;
}

AssignVerdict canAssign(const Plan& plan, const catalog::Catalog& cat, const std::string& workload,
                        const std::string& cluster, const std::string& pool)
{
    AssignVerdict v;
    const Workload* w = plan.workload(workload);
    const Cluster* c = plan.cluster(cluster);
    const NodePool* p = c ? c->pool(pool) : nullptr;
    if (!w || !c || !p) {
        v.reasons.add("CW452", {}, {pool, "it is not in the plan"});
        return v;
    }
    if (!w->hasTpu()) {
        v.reasons.add("CW450", {}, {w->name, p->name});
        return v;
    }
    if (w->cluster != c->name) {
        v.reasons.add("CW451", {}, {w->name, w->cluster, p->name, c->name});
        return v;
    }
    const auto ps = poolSlice(*c, *p, cat);
    if (!ps) {
        diag::Diagnostics why;
        checkPlanTpu(plan, cat, why);
        std::string reason = "its machine type or topology is not valid";
        for (const auto& d : why.items()) {
            if (d.object == c->name + "/" + p->name && d.severity == diag::Severity::Error) {
                reason = d.message();
                break;
            }
        }
        v.reasons.add("CW452", {}, {p->name, reason});
        return v;
    }
    const TpuRequest& t = *w->resources.tpu;
    const catalog::TpuGeneration* g = cat.tpuGeneration(t.type);
    if (!g || g != ps->slice.generation) {
        v.reasons.add("CW440", {}, {w->name, (g ? g->name + " (" + t.type + ")" : t.type), p->name,
                                    "TPU " + ps->slice.generation->name});
        return v;
    }
    const auto wt = parseTopology(t.topology);
    if (!wt || !(*wt == ps->slice.topology)) {
        if (wt && wt->chips() == ps->slice.chips) {
            v.newTopology = ps->slice.topology.text();
            v.reasons.add("CW455", {}, {w->name, v.newTopology, t.topology, std::to_string(ps->slice.chips)});
        } else {
            v.reasons.add("CW441", {}, {w->name, t.topology, p->name, ps->slice.topology.text()});
            return v;
        }
    }
    if (ps->isMultiHost()) {
        for (const auto* other : plan.workloadsOf(c->name)) {
            if (other != w && other->hasTpu() && other->pool == p->name) {
                v.reasons.add("CW453", {}, {p->name, ps->slice.topology.text(), other->name,
                                            std::to_string(ps->layout.hosts), w->name});
                return v;
            }
        }
    } else if (p->maxNodes) {
        int used = 0;
        for (const auto* other : plan.workloadsOf(c->name)) {
            if (other != w && other->hasTpu() && other->pool == p->name)
                used += std::max(0, other->replicas);
        }
        if (used + w->replicas > *p->maxNodes) {
            v.reasons.add("CW454", {}, {p->name, std::to_string(*p->maxNodes), std::to_string(used), w->name,
                                        std::to_string(w->replicas)});
            return v;
        }
    }
    v.ok = true;
    return v;
}

} // namespace cw::tpu
