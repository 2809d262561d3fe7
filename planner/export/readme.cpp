// SPDX-License-Identifier: GPL-3.0-or-later
// README.md of a cluster's bundle: what to run in which order, the pools and workloads,
// the cost summary, the assumptions and what the bundle leaves out.
#include "context.h"
#include "model/quantity.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace cw::exporter {

using namespace cw::model;

namespace {

// One line of Markdown text from plan text: no line breaks, no table-breaking bars.
std::string md(const std::string& text)
{
    std::string out;
    for (char c : commentSafe(text)) {
        if (c == '|' || c == '`' || c == '<' || c == '>' || c == '*' || c == '_' || c == '[' || c == ']')
            out += '\\';
        out += c;
    }
    return out;
}

std::string modeName(const Cluster& c)
{
    if (c.provider == Provider::Eks)
        return "Amazon EKS";
    return c.mode == ClusterMode::Autopilot ? "GKE Autopilot" : "GKE Standard";
}

std::string nodesText(const PoolSize& s)
{
    std::string t = std::to_string(s.minNodes) + "–" + (s.maxNodes ? std::to_string(*s.maxNodes) : std::string("∞"));
    return t;
}

std::string perMonth(double hourly, int hours)
{
    return money(hourly * hours);
}

struct PriceText {
    double usd = 0;
    bool known = true;
    bool unverified = false;
};

PriceText price(const ClusterContext& ctx, const std::string& machine, Capacity capacity)
{
    PriceText p;
    const catalog::MachineType* m = ctx.machine(machine);
    if (!m) {
        p.known = false;
        return p;
    }
    const auto mp = ctx.cat.machinePrice(ctx.cluster.provider, *m, capacity);
    p.usd = mp.usdPerHour;
    p.known = mp.known;
    p.unverified = mp.unverified;
    return p;
}

std::string priceCell(const PriceText& p, double count = 1)
{
    if (!p.known)
        return "n/a";
    return money(p.usd * count) + (p.unverified ? " ⚠" : "");
}

void costSummary(const ClusterContext& ctx, std::string& out)
{
    const Cluster& c = ctx.cluster;
    const int hours = ctx.plan.hoursPerMonth;
    const auto& fees = ctx.cat.rules().fees;
    out += "## Cost summary\n\n";
    bool anyUnverified = false;
    if (c.provider == Provider::Gke && c.mode == ClusterMode::Autopilot) {
        out += "Autopilot bills the Pods' requests (and GPU nodes by their hardware), not node pools; the "
               "cost comparison of Clusterwright prices them. Only the cluster fee is listed here.\n\n";
    } else if (const auto* sol = ctx.solution()) {
        out += "Node counts from the solver (" + std::string(sol->optimal ? "proven optimal" : "best found")
               + "), list prices from the catalog; a month counts each node for the hours its longest-running Pod runs "
                 "(" + std::to_string(hours) + " hours for nodes kept by minNodes).\n\n";
        out += "| pool | machine type | capacity | nodes | per node | per hour | per month |\n";
        out += "|---|---|---|---:|---:|---:|---:|\n";
        for (size_t gi = 0; gi < sol->groups.size(); ++gi) {
            const auto& g = sol->groups[gi];
            PriceText p;
            p.usd = g.hourlyPricePerNode;
            p.known = g.priceKnown;
            p.unverified = g.priceUnverified;
            anyUnverified = anyUnverified || p.unverified;
            double monthly = 0;
            for (const auto& node : sol->nodes) {
                if (node.group == int(gi))
                    monthly += g.hourlyPricePerNode * node.hoursPerMonth;
            }
            out += "| " + g.pool + " | " + g.machineType + " | " + toString(g.capacity) + " | "
                   + std::to_string(g.count) + " | " + priceCell(p) + " | " + priceCell(p, g.count) + " | "
                   + (p.known ? money(monthly) + (p.unverified ? " ⚠" : "") : std::string("n/a")) + " |\n";
        }
        out += "| **nodes** | | | | | **" + money(sol->hourlyCost) + "** | **" + money(sol->monthlyCost) + "** |\n\n";
        if (!sol->unplaced.empty()) {
            out += "The solver could not place " + std::to_string(sol->unplaced.size())
                   + " Pod(s); `clusterwright-cli solve` says why.\n\n";
        }
    } else {
        out += "No solver result was given to the export: the table prices each pool at its minimum and at its "
               "maximum size (list prices from the catalog, " + std::to_string(hours) + " hours a month).\n\n";
        out += "| pool | machine type | capacity | per node | nodes | per hour at min | per hour at max |\n";
        out += "|---|---|---|---:|---:|---:|---:|\n";
        double atMin = 0;
        double atMax = 0;
        bool maxKnown = true;
        for (const auto& p : c.nodePools) {
            const PoolSize s = ctx.poolSize(p);
            // A flexible pool: the cheapest machine at minimum, the dearest at maximum.
            PriceText low;
            PriceText high;
            bool first = true;
            for (const auto& mt : p.machineTypes) {
                const PriceText pt = price(ctx, mt, p.capacity);
                if (first || (pt.known && pt.usd < low.usd))
                    low = pt;
                if (first || (pt.known && pt.usd > high.usd))
                    high = pt;
                first = false;
            }
            anyUnverified = anyUnverified || low.unverified || high.unverified;
            std::string machines;
            for (const auto& mt : p.machineTypes)
                machines += (machines.empty() ? "" : ", ") + mt;
            const std::string perNode = p.machineTypes.size() > 1 && low.known && high.known && low.usd != high.usd
                                            ? money(low.usd) + "–" + money(high.usd)
                                            : priceCell(low);
            atMin += low.usd * s.minNodes;
            if (s.maxNodes)
                atMax += high.usd * *s.maxNodes;
            else
                maxKnown = false;
            out += "| " + p.name + (p.existing ? " (exists)" : "") + " | " + machines + " | " + toString(p.capacity)
                   + " | " + perNode + " | " + nodesText(s) + " | " + priceCell(low, s.minNodes) + " | "
                   + (s.maxNodes ? priceCell(high, *s.maxNodes) : std::string("unbounded")) + " |\n";
        }
        out += "| **nodes** | | | | | **" + money(atMin) + "** (" + perMonth(atMin, hours) + "/month) | **"
               + (maxKnown ? money(atMax) + "** (" + perMonth(atMax, hours) + "/month)" : std::string("unbounded**"))
               + " |\n\n";
    }
    if (c.provider == Provider::Gke) {
        const auto& fee = fees.gkeClusterHour;
        out += "Cluster management fee: " + (fee.isKnown() ? money(fee.value()) : std::string("n/a")) + " per hour ("
               + (fee.isKnown() ? perMonth(fee.value(), hours) : std::string("n/a")) + " a month)";
        const std::string kind = c.mode == ClusterMode::Autopilot ? "autopilot" : (c.isZonal() ? "zonal" : "regional");
        const auto& applies = fees.gkeFreeTierAppliesTo;
        if (std::find(applies.begin(), applies.end(), kind) != applies.end() && fees.gkeFreeTierMonthlyCredit.isKnown())
            out += "; the billing account's free-tier credit of " + money(fees.gkeFreeTierMonthlyCredit.value())
                   + " a month covers one " + kind + " cluster";
        else
            out += "; the free-tier credit never applies to " + kind + " clusters";
        out += ".\n\n";
    } else {
        const auto& fee = c.support == SupportTier::Extended ? fees.eksExtendedSupportHour : fees.eksStandardSupportHour;
        out += std::string("Control plane (") + (c.support == SupportTier::Extended ? "extended" : "standard")
               + " support): " + (fee.isKnown() ? money(fee.value()) : std::string("n/a")) + " per hour ("
               + (fee.isKnown() ? perMonth(fee.value(), hours) : std::string("n/a")) + " a month)"
               + (fee.unverified ? " ⚠" : "") + ".\n\n";
    }
    for (const auto& p : c.nodePools) {
        if (p.capacity == Capacity::FlexStart) {
            out += "Flex-start capacity is billed at discounted rates the catalog does not hold; the table uses the "
                   "on-demand price for `" + p.name + "`.\n\n";
        }
    }
    if (anyUnverified)
        out += "⚠ marks prices the catalog flags as unverified (see `clusterwright-cli catalog show TYPE`).\n\n";
    // The date and source of every price this cluster's figures use.
    std::set<std::string> sources;
    std::string oldest;
    std::string newest;
    auto note = [&](const catalog::PricePoint& p) {
        if (p.source.empty())
            return;
        sources.insert(p.source);
        if (!p.asOf.empty()) {
            newest = std::max(newest, p.asOf);
            oldest = oldest.empty() ? p.asOf : std::min(oldest, p.asOf);
        }
    };
    for (const auto& p : c.nodePools) {
        for (const auto& mt : p.machineTypes) {
            if (const catalog::MachineType* m = ctx.machine(mt)) {
                for (const catalog::PricePoint* point : ctx.cat.machinePrice(c.provider, *m, p.capacity).points)
                    note(*point);
            }
        }
    }
    if (c.provider == Provider::Gke)
        note(fees.gkeClusterHour);
    else
        note(c.support == SupportTier::Extended ? fees.eksExtendedSupportHour : fees.eksStandardSupportHour);
    out += "Prices dated " + (oldest == newest ? newest : oldest + " to " + newest) + " (catalog sources: ";
    bool firstSource = true;
    for (const auto& id : sources) {
        if (const auto* s = ctx.cat.source(id)) {
            out += std::string(firstSource ? "" : "; ") + md(s->title) + ", " + s->asOf;
            firstSource = false;
        }
    }
    out += "). Spot prices float; negotiated discounts are not included.\n\n";
}

} // namespace

std::string renderReadme(const ClusterContext& ctx, const std::vector<std::string>& files)
{
    const Cluster& c = ctx.cluster;
    const bool gke = c.provider == Provider::Gke;
    std::string out;
    out += "# " + c.name + ": " + modeName(c) + ", " + c.location + "\n\n";
    out += "Exported by Clusterwright from the plan **" + md(ctx.plan.name) + "**";
    if (!ctx.plan.description.empty())
        out += ": " + md(ctx.plan.description);
    out += ".\n\n";

    out += "## What to run, in order\n\n";
    int n = 1;
    if (gke) {
        out += std::to_string(n++) + ". `export PROJECT_ID=...` — the Google Cloud project"
               + (c.project.empty() ? std::string(" (the plan names none)") : " (default: `" + c.project + "`)")
               + "; `gcloud auth login` done.\n";
    } else {
        out += std::to_string(n++) + ". AWS credentials for the account (`aws sts get-caller-identity` works); "
               "`eksctl` and `kubectl` installed.\n";
    }
    for (const auto& s : ctx.steps)
        out += std::to_string(n++) + ". `./commands.sh " + s.name + "` — " + s.summary + ".\n";
    out += "\n`./commands.sh` with no argument runs every step in this order. A step that has run cannot be run "
           "twice (the cloud refuses to create what exists); run the remaining steps by name.\n\n";

    if (!ctx.prerequisites.empty()) {
        out += "Before `manifests`, the cluster needs:\n\n";
        for (const auto& p : ctx.prerequisites)
            out += "- " + p + "\n";
        out += "\n";
    }

    if (!c.nodePools.empty()) {
        out += "## Node pools\n\n";
        out += "| pool | machine type | capacity | nodes (min–max) | at creation | settings |\n";
        out += "|---|---|---|---|---:|---|\n";
        for (const auto& p : c.nodePools) {
            const PoolSize s = ctx.poolSize(p);
            std::string machines;
            for (const auto& mt : p.machineTypes)
                machines += (machines.empty() ? "" : ", ") + mt;
            std::vector<std::string> settings;
            if (p.existing)
                settings.push_back("exists, not created");
            if (p.flexible)
                settings.push_back(gke ? "one GKE pool per machine type" : "Karpenter");
            if (p.queuedProvisioning)
                settings.push_back("queued provisioning");
            if (p.gvnic)
                settings.push_back("gVNIC");
            if (p.placement == Placement::Compact)
                settings.push_back("compact placement");
            if (!p.gpuPartitionSize.empty())
                settings.push_back("MIG " + p.gpuPartitionSize);
            if (p.gpuSharing)
                settings.push_back(p.gpuSharing->strategy + " ×" + std::to_string(p.gpuSharing->maxClientsPerGpu));
            if (!p.tpuTopology.empty())
                settings.push_back("TPU " + p.tpuTopology);
            if (p.efa)
                settings.push_back("EFA");
            if (!p.autoRepair)
                settings.push_back("no auto-repair");
            for (const auto& t : p.taints)
                settings.push_back("taint " + t.key + "=" + t.value + ":" + toString(t.effect));
            std::string st;
            for (const auto& x : settings)
                st += (st.empty() ? "" : ", ") + x;
            const bool zeroStart = p.queuedProvisioning || p.capacity == Capacity::FlexStart;
            out += "| " + p.name + " | " + machines + " | " + toString(p.capacity) + " | " + nodesText(s) + " | "
                   + std::to_string(zeroStart ? 0 : s.initial) + (s.fromSolver ? " (solver)" : "") + " | " + md(st)
                   + " |\n";
        }
        out += "\n";
    }

    const auto workloads = ctx.workloads();
    if (!workloads.empty()) {
        out += "## Workloads\n\n";
        out += "| workload | kind | namespace | replicas | per Pod | pool |\n";
        out += "|---|---|---|---:|---|---|\n";
        for (const Workload* w : workloads) {
            std::string perPod = humanCpu(w->resources.cpuMilli) + ", " + humanBytes(w->resources.memoryBytes);
            if (w->resources.gpu) {
                perPod += ", " + (w->resources.gpu->partition.empty() ? std::to_string(w->resources.gpu->count) + " × "
                                                                      : std::string("1 × ") + w->resources.gpu->partition + " of ")
                          + w->resources.gpu->type;
            }
            if (const auto& t = w->resources.tpu) {
                perPod += ", TPU " + t->type + " " + t->topology
                          + (t->slices > 1 ? " × " + std::to_string(t->slices) + " slices" : std::string());
            }
            for (const auto& [k, v] : w->resources.extended)
                perPod += ", " + std::to_string(v) + " × " + k;
            out += "| " + w->name + " | " + toString(w->kind) + " | " + namespaceOf(*w) + " | "
                   + std::to_string(w->replicas) + (w->gang ? " (gang)" : "") + " | " + md(perPod) + " | "
                   + (w->pool.empty() ? std::string("any") : w->pool) + " |\n";
        }
        out += "\n";
    }

    costSummary(ctx, out);

    out += "## Assumptions\n\n";
    for (const auto& a : ctx.assumptions)
        out += "- " + a + "\n";
    bool training = false;
    bool indexed = false;
    for (const Workload* w : workloads) {
        if (ctx.delegatedWorkloads.count(w->name) || w->kind != WorkloadKind::Training)
            continue;
        training = true;
        indexed = indexed || (w->replicas > 1 && !w->hasTpu());
    }
    if (!workloads.empty()) {
        out += "- Containers request the plan's CPU and memory; memory is also their limit, CPU has none.";
        if (training)
            out += " Training Pods get a memory-backed `/dev/shm`.";
        if (indexed)
            out += " Multi-worker training runs as an indexed Job whose workers find worker 0 through a headless "
                   "Service (`MASTER_ADDR`, `MASTER_PORT`, `NNODES`, `NODE_RANK`).";
        out += "\n";
        out += "- Every object carries `app.kubernetes.io/managed-by: clusterwright`; Pods are selected by "
               "`app.kubernetes.io/name: <workload>`.\n";
    }
    out += "\n";

    // The export's warnings about this cluster travel with the bundle.
    std::vector<std::string> warnings;
    for (const auto& d : ctx.diags.items()) {
        if (d.severity != diag::Severity::Warning)
            continue;
        const bool mine = d.object == c.name || d.object.rfind(c.name + "/", 0) == 0
                       || std::any_of(workloads.begin(), workloads.end(), [&](const Workload* w) { return w->name == d.object; })
                       || ctx.skippedWorkloads.count(d.object);
        if (mine)
            warnings.push_back(d.code + ": " + md(d.message()));
    }
    if (!warnings.empty()) {
        out += "## Warnings\n\n";
        for (const auto& w : warnings)
            out += "- " + w + "\n";
        out += "\n";
    }

    if (!ctx.leftOut.empty()) {
        out += "## Not in this bundle\n\n";
        for (const auto& l : ctx.leftOut)
            out += "- " + l + "\n";
        out += "\n";
    }

    out += "## Files\n\n";
    out += "- `README.md` — this file\n";
    out += "- `commands.sh` — the steps above (bash; every value from the plan is quoted for bash)\n";
    for (const auto& f : files)
        out += "- `" + f + "`\n";
    return out;
}

} // namespace cw::exporter
