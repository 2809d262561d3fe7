// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare.h"

#include "costutil.h"
#include "model/quantity.h"
#include "solve/solver.h"
#include "tpu/tpuplan.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

namespace cw::cost {

using namespace detail;
using catalog::Catalog;
using model::Cluster;
using model::NodePool;
using model::Plan;
using model::Provider;
using model::Workload;

namespace {

const char* kNeuron = "aws.amazon.com/neuron";
const char* kNeedsStandard = "needs-standard";

std::string providerName(Provider p) { return p == Provider::Gke ? "GKE" : "EKS"; }

std::string sanitize(std::string s)
{
    for (char& c : s) {
        c = char(std::tolower(static_cast<unsigned char>(c)));
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '-';
    }
    return s;
}

bool machineCarries(const catalog::MachineType& m, const std::string& gpuType)
{
    if (m.gpu && m.gpu->type == gpuType)
        return true;
    return std::any_of(m.gpuOptions.begin(), m.gpuOptions.end(),
                       [&](const catalog::GpuOption& o) { return o.type == gpuType; });
}

// What a workload needs from a pool: its accelerator, or none.
struct Need {
    std::string key;                      // pool-name suffix and identity
    std::vector<std::string> machineTypes;
    std::string partition;
    std::string topology;
    std::optional<model::Taint> taint;    // what the provider puts on such nodes
};

// The taint GKE puts on accelerator nodes, and the one EKS GPU and Neuron node groups
// conventionally carry, so that only Pods asking for the devices land there.
model::Taint acceleratorTaint(const char* key, Provider p)
{
    model::Taint t;
    t.key = key;
    t.value = p == Provider::Gke ? "present" : "true";
    t.effect = model::TaintEffect::NoSchedule;
    return t;
}

Need needOf(const Plan& plan, const Workload& w, const Translation& t, const catalog::PriceBook& book, const Catalog& cat)
{
    Need n;
    if (const auto& g = w.resources.gpu) {
        n.key = "gpu-" + sanitize(g->type) + (g->partition.empty() ? "" : "-" + sanitize(g->partition));
        n.partition = g->partition;
        n.taint = acceleratorTaint("nvidia.com/gpu", book.provider);
        // Machines with the GPU built in; N1 hosts that take it as an option only when
        // nothing else carries it.
        for (const auto& name : t.machineTypes) {
            const auto* m = book.machineType(name);
            if (m && m->gpu && m->gpu->type == g->type)
                n.machineTypes.push_back(name);
        }
        if (n.machineTypes.empty()) {
            for (const auto& m : book.machineTypes) {
                if (m.gpu && m.gpu->type == g->type)
                    n.machineTypes.push_back(m.name);
            }
        }
        if (n.machineTypes.empty()) {
            for (const auto& m : book.machineTypes) {
                if (machineCarries(m, g->type))
                    n.machineTypes.push_back(m.name);
            }
        }
        return n;
    }
    if (const auto& tpu = w.resources.tpu) {
        n.key = "tpu-" + sanitize(tpu->type) + "-" + sanitize(tpu->topology);
        n.topology = tpu->topology;
        n.taint = acceleratorTaint("google.com/tpu", book.provider);
        if (const auto slice = tpu::workloadSlice(plan, w, cat); slice && book.machineType(slice->layout.machineType))
            n.machineTypes = {slice->layout.machineType};
        return n;
    }
    if (w.resources.extended.count(kNeuron)) {
        n.machineTypes = t.machineTypes;
        if (n.machineTypes.empty()) {
            for (const auto& m : book.machineTypes) {
                if (m.neuron)
                    n.machineTypes.push_back(m.name);
            }
        }
        n.key = "neuron-" + (n.machineTypes.empty() ? std::string("none") : sanitize(n.machineTypes.front()));
        n.taint = acceleratorTaint(kNeuron, book.provider);
        return n;
    }
    n.key = "cpu";
    for (const auto& m : book.machineTypes) {
        const bool plain = !m.gpu && !m.tpu && !m.neuron
                        && (m.category == catalog::MachineCategory::GeneralPurpose
                            || m.category == catalog::MachineCategory::ComputeOptimized
                            || m.category == catalog::MachineCategory::MemoryOptimized);
        if (plain)
            n.machineTypes.push_back(m.name);
    }
    return n;
}

// Does a pool of the plan offer what the workload needs?
bool poolOffers(const NodePool& pool, const Workload& w, Provider provider, const Catalog& cat)
{
    bool anyMachine = false;
    for (const auto& name : pool.machineTypes) {
        const auto* m = cat.machineType(provider, name);
        if (!m)
            continue;
        anyMachine = true;
        if (const auto& g = w.resources.gpu) {
            if (!machineCarries(*m, g->type) || g->partition != pool.gpuPartitionSize)
                return false;
        } else if (const auto& t = w.resources.tpu) {
            const auto* gen = cat.tpuGeneration(t->type);
            if (!m->tpu || !gen || m->tpu->generation != gen->name || pool.tpuTopology != t->topology)
                return false;
        } else if (w.resources.extended.count(kNeuron)) {
            if (!m->neuron)
                return false;
        } else if (m->gpu || m->tpu || m->neuron) {
            return false;
        }
    }
    return anyMachine;
}

// The plan an option prices, with the translations of its workloads.
struct Built {
    Plan plan;
    std::map<std::string, Translation> translations; // by workload name
    std::map<std::string, std::string> sourceCluster;
    std::vector<std::string> impossible;               // workloads with no configuration on the target
};

// A copy of the plan for one provider. Clusters of that provider and mode keep their pools;
// the others become new clusters of the provider whose pools are made per need. With
// `only`, just those workloads, all in one new cluster named `single`.
Built buildPlan(const Plan& plan, const Catalog& cat, Provider target, bool spot,
                const std::vector<const Workload*>* only = nullptr, const std::string& single = {})
{
    Built b;
    b.plan.apiVersion = plan.apiVersion;
    b.plan.name = plan.name;
    b.plan.hoursPerMonth = plan.hoursPerMonth;
    b.plan.freeTierCredit = plan.freeTierCredit;
    const catalog::PriceBook* book = cat.priceBook(target);
    if (!book)
        return b;

    std::set<std::string> kept; // clusters copied with their pools
    auto newCluster = [&](const std::string& name, const Cluster* from) {
        Cluster c;
        c.name = name;
        c.provider = target;
        c.mode = model::ClusterMode::Standard;
        const bool sameProvider = from && from->provider == target;
        c.location = sameProvider ? from->location : book->region;
        if (from) {
            c.daemonSets = from->daemonSets;
            if (sameProvider) {
                c.releaseChannel = from->releaseChannel;
                c.support = from->support;
                c.kubernetesVersion = from->kubernetesVersion;
            }
        }
        return c;
    };
    if (only) {
        b.plan.clusters.push_back(newCluster(single, nullptr));
    } else {
        for (const auto& c : plan.clusters) {
            if (c.provider == target && c.mode == model::ClusterMode::Standard) {
                b.plan.clusters.push_back(c);
                kept.insert(c.name);
            } else {
                b.plan.clusters.push_back(newCluster(c.name, &c));
            }
        }
    }

    std::set<std::pair<std::string, std::string>> added; // (cluster, pool) the translation added
    std::vector<const Workload*> workloads;
    if (only) {
        workloads = *only;
    } else {
        for (const auto& w : plan.workloads)
            workloads.push_back(&w);
    }
    for (const Workload* src : workloads) {
        Translation t = translateWorkload(*src, plan, target, cat);
        b.sourceCluster[src->name] = src->cluster;
        if (t.kind == MatchKind::Impossible) {
            b.impossible.push_back(src->name);
            b.translations[src->name] = std::move(t);
            continue;
        }
        Workload w = t.workload;
        if (only) {
            w.cluster = single;
        }
        Cluster* c = b.plan.cluster(w.cluster);
        if (!c) {
            b.impossible.push_back(src->name);
            b.translations[src->name] = std::move(t);
            continue;
        }
        const bool inKeptCluster = kept.count(c->name) > 0;
        if (!inKeptCluster) {
            w.pool.clear();
            w.nodeSelector.clear();
        }
        const bool toSpot = spot && w.spot;
        // A pinned workload keeps its pool, or a Spot twin of it in the Spot variant.
        if (!w.pool.empty()) {
            if (toSpot) {
                const NodePool* p = c->pool(w.pool);
                if (p && p->capacity != model::Capacity::Spot) {
                    const std::string twin = w.pool + "-spot";
                    if (!c->pool(twin)) {
                        NodePool copy = *p;
                        copy.name = twin;
                        copy.capacity = model::Capacity::Spot;
                        copy.reservation.clear();
                        copy.queuedProvisioning = false;
                        copy.existing = false;
                        copy.minNodes = 0;
                        copy.initialNodes.reset();
                        copy.origin = {};
                        c->nodePools.push_back(copy);
                    }
                    w.pool = twin;
                }
            }
            b.plan.workloads.push_back(std::move(w));
            b.translations[src->name] = std::move(t);
            continue;
        }
        // A pool this translation added for an earlier workload does not count as offered: the
        // workload gets pinned to it below, with the toleration of its taint, as that one was.
        const bool offered = !toSpot && std::any_of(c->nodePools.begin(), c->nodePools.end(), [&](const NodePool& p) {
            return !added.count({c->name, p.name}) && poolOffers(p, w, target, cat);
        });
        if (!offered) {
            const Need need = needOf(plan, w, t, *book, cat);
            if (need.machineTypes.empty()) {
                b.impossible.push_back(src->name);
                t.kind = MatchKind::Impossible;
                b.translations[src->name] = std::move(t);
                continue;
            }
            const std::string name = "cw-" + need.key + (toSpot ? "-spot" : "");
            if (!c->pool(name)) {
                added.insert({c->name, name});
                NodePool p;
                p.name = name;
                p.machineTypes = need.machineTypes;
                p.flexible = need.machineTypes.size() > 1;
                p.capacity = toSpot ? model::Capacity::Spot : model::Capacity::OnDemand;
                p.gpuPartitionSize = need.partition;
                p.tpuTopology = need.topology;
                if (need.taint)
                    p.taints.push_back(*need.taint);
                // EFA where the Pods ask for it, and for substitutes that span instances.
                p.efa = target == Provider::Eks
                     && (w.resources.extended.count("vpc.amazonaws.com/efa") > 0
                         || (t.kind == MatchKind::Substitute && w.replicas > 1));
                c->nodePools.push_back(p);
            }
            w.pool = name;
            if (need.taint) {
                const bool tolerated = std::any_of(w.tolerations.begin(), w.tolerations.end(), [&](const model::Toleration& tol) {
                    return (tol.key.empty() && tol.op == model::TolerationOperator::Exists) || tol.key == need.taint->key;
                });
                if (!tolerated)
                    w.tolerations.push_back({need.taint->key, model::TolerationOperator::Exists, {}, model::TaintEffect::NoSchedule});
            }
        }
        b.plan.workloads.push_back(std::move(w));
        b.translations[src->name] = std::move(t);
    }
    return b;
}

// One Pod's demand in the solver's dimensions on a node of this group.
double podShare(const Workload& w, Provider provider, const solve::NodeGroup& g)
{
    const solve::ResourceVector& a = g.allocatablePerNode;
    double share = 0;
    auto take = [&](double demand, double offered) {
        if (demand > 0 && offered > 0)
            share = std::max(share, demand / offered);
    };
    take(double(w.resources.cpuMilli), double(a.cpuMilli));
    take(double(w.resources.memoryBytes), double(a.memoryBytes));
    take(double(w.resources.ephemeralStorageBytes), double(a.ephemeralBytes));
    if (const auto& gpu = w.resources.gpu) {
        if (gpu->partition.empty())
            take(double(gpu->count), double(a.gpus));
        else if (provider == Provider::Gke)
            take(1.0, double(a.gpus));
        else if (auto it = a.extended.find("nvidia.com/mig-" + gpu->partition); it != a.extended.end())
            take(1.0, double(it->second));
    }
    if (w.resources.tpu)
        take(double(a.tpuChips), double(a.tpuChips));
    for (const auto& [name, amount] : w.resources.extended) {
        if (auto it = a.extended.find(name); it != a.extended.end())
            take(double(amount), double(it->second));
    }
    if (a.pods > 0)
        take(1.0, double(a.pods));
    return share;
}

// Costs the solver's nodes to the workloads on them: each Pod is charged its share of
// the node (its largest fraction of any resource) plus, in proportion, the node's idle
// rest; nodes without Pods (minNodes) are waste of the option.
struct Attribution {
    std::map<std::string, WorkloadCost> workloads;
    double unallocatedHourly = 0;  // nodes nobody uses
    double unallocatedMonthly = 0; // and node-hours after short-lived Pods have gone
    double nodesHourly = 0;
    double lowerBound = 0;
    std::vector<UnplacedPods> unplaced;
    std::set<std::string> unverified;
    bool priceKnown = true;
};

Attribution attribute(const Built& built, const solve::Solution& sol, Provider provider)
{
    Attribution out;
    const Plan& plan = built.plan;
    for (const auto& cs : sol.clusters) {
        out.lowerBound += cs.lowerBoundHourlyCost;
        // Pods per node.
        std::vector<std::vector<const solve::Placement*>> onNode(cs.nodes.size());
        for (const auto& p : cs.placements) {
            if (p.node >= 0 && size_t(p.node) < cs.nodes.size())
                onNode[size_t(p.node)].push_back(&p);
        }
        std::map<std::string, std::map<int, std::set<int>>> nodesOfWorkload; // workload → group → nodes
        for (size_t n = 0; n < cs.nodes.size(); ++n) {
            const solve::Node& node = cs.nodes[n];
            if (node.group < 0 || size_t(node.group) >= cs.groups.size())
                continue;
            const solve::NodeGroup& g = cs.groups[size_t(node.group)];
            const double price = g.hourlyPricePerNode;
            out.nodesHourly += price;
            if (!g.priceKnown)
                out.priceKnown = false;
            if (g.priceUnverified)
                out.unverified.insert(providerName(provider) + " " + g.machineType);
            std::vector<double> shares;
            double sum = 0;
            int maxHours = 0;
            for (const auto* p : onNode[n]) {
                const Workload* w = plan.workload(p->workload);
                const double s = w ? podShare(*w, provider, g) : 0;
                shares.push_back(s);
                sum += s;
                if (w)
                    maxHours = std::max(maxHours, plan.hoursPerMonthOf(*w));
            }
            // The node's hours as the solver counts them (its longest-running Pod, the plan's
            // for minNodes and empty nodes).
            const int nodeHours = node.hoursPerMonth > 0 ? node.hoursPerMonth
                                                         : (onNode[n].empty() ? plan.hoursPerMonth : maxHours);
            if (onNode[n].empty()) {
                out.unallocatedHourly += price;
                out.unallocatedMonthly += price * nodeHours;
                continue;
            }
            const double scale = sum > 1.0 ? 1.0 / sum : 1.0;
            double chargedMonthly = 0;
            for (size_t i = 0; i < onNode[n].size(); ++i) {
                const solve::Placement& p = *onNode[n][i];
                const Workload* w = plan.workload(p.workload);
                if (!w)
                    continue;
                const double used = shares[i] * scale;
                const double charged = sum > 0 ? shares[i] / sum : 1.0 / double(onNode[n].size());
                WorkloadCost& wc = out.workloads[p.workload];
                const int hours = plan.hoursPerMonthOf(*w);
                wc.hourly += charged * price;
                wc.monthly += charged * price * hours;
                wc.idleHourly += (charged - used) * price;
                wc.priceKnown = wc.priceKnown && g.priceKnown;
                wc.unverified = wc.unverified || g.priceUnverified;
                if (g.priceUnverified) {
                    const std::string name = providerName(provider) + " " + g.machineType;
                    if (std::find(wc.unverifiedPrices.begin(), wc.unverifiedPrices.end(), name) == wc.unverifiedPrices.end())
                        wc.unverifiedPrices.push_back(name);
                }
                wc.spot = wc.spot || g.capacity == model::Capacity::Spot;
                chargedMonthly += charged * price * hours;
                nodesOfWorkload[p.workload][node.group].insert(int(n));
            }
            out.unallocatedMonthly += std::max(0.0, price * std::max(nodeHours, maxHours) - chargedMonthly);
        }
        for (auto& [name, groups] : nodesOfWorkload) {
            std::string text;
            for (const auto& [group, nodes] : groups) {
                const solve::NodeGroup& g = cs.groups[size_t(group)];
                text += (text.empty() ? "" : ", ") + std::to_string(nodes.size()) + " × " + g.machineType + " (pool "
                      + g.pool + (g.capacity == model::Capacity::Spot ? ", Spot" : "") + ")";
            }
            out.workloads[name].placement = text;
        }
        std::map<std::string, UnplacedPods> unplaced;
        for (const auto& u : cs.unplaced) {
            UnplacedPods& up = unplaced[u.workload];
            up.workload = u.workload;
            up.cluster = cs.cluster;
            ++up.pods;
            if (up.reason.empty()) {
                up.reason = u.reason;
                up.code = u.code;
            }
        }
        for (auto& [name, up] : unplaced)
            out.unplaced.push_back(up);
    }
    return out;
}

solve::Solution runSolver(const Plan& plan, const Catalog& cat, const CompareOptions& options)
{
    solve::SolveOptions so;
    so.cancelled = options.cancelled;
    so.lowerBound = options.lowerBound;
    return solve::solve(plan, cat, so);
}

void addNote(Option& o, diag::Diagnostics& diags, const diag::Diagnostic& d)
{
    o.notes.push_back(d);
    diags.append(d);
}

Substitution substitutionOf(const std::string& name, const Translation& t)
{
    Substitution s;
    s.workload = name;
    s.kind = t.kind;
    s.from = t.from;
    s.to = t.to;
    s.family = t.family;
    s.neededTflops = t.neededTflops;
    s.neededMemoryGiB = t.neededMemoryGiB;
    s.providedTflops = t.providedTflops;
    s.providedMemoryGiB = t.providedMemoryGiB;
    s.configurationHourly = t.configurationHourly;
    s.fromMemory = t.fromMemory;
    s.sources = t.sources;
    return s;
}

FeeCluster feeClusterFor(const Cluster& c, Provider target, model::ClusterMode mode)
{
    FeeCluster f;
    f.name = c.name;
    f.provider = target;
    f.mode = mode;
    f.zonal = c.provider == target && target == Provider::Gke && mode == model::ClusterMode::Standard
           && c.mode == model::ClusterMode::Standard && c.isZonal();
    f.support = c.provider == target ? c.support : model::SupportTier::Standard;
    f.releaseChannel = c.provider == Provider::Gke && target == Provider::Gke ? c.releaseChannel : std::string();
    return f;
}

// The workloads the plan names, in plan order, costed from a built plan and its solution.
void costNodeOption(Option& o, const Plan& plan, const Built& built, const solve::Solution& sol, const Catalog& cat,
                    diag::Diagnostics& diags)
{
    const Attribution a = attribute(built, sol, o.provider);
    o.lowerBoundHourly = a.lowerBound;
    for (const auto& w : plan.workloads) {
        WorkloadCost wc;
        auto it = a.workloads.find(w.name);
        if (it != a.workloads.end())
            wc = it->second;
        wc.workload = w.name;
        wc.sourceCluster = w.cluster;
        wc.cluster = w.cluster;
        wc.kind = w.kind;
        wc.billing = "nodes";
        const auto tr = built.translations.find(w.name);
        const Workload* priced = built.plan.workload(w.name);
        wc.replicas = priced ? priced->replicas : w.replicas;
        wc.hoursPerMonth = plan.hoursPerMonthOf(w);
        if (tr != built.translations.end()) {
            wc.match = tr->second.kind;
            for (const auto& n : tr->second.notes) {
                wc.notes.push_back(n);
                diags.append(n);
            }
            if (tr->second.kind != MatchKind::Same)
                o.substitutions.push_back(substitutionOf(w.name, tr->second));
        }
        if (std::find(built.impossible.begin(), built.impossible.end(), w.name) != built.impossible.end()) {
            wc.unplaced = w.replicas;
            UnplacedPods up{w.name, w.cluster, w.replicas, {}, "CW612"};
            if (tr != built.translations.end() && !tr->second.notes.empty())
                up.reason = tr->second.notes.back().message();
            o.unplaced.push_back(up);
        }
        o.workloads.push_back(std::move(wc));
    }
    for (const auto& up : a.unplaced) {
        o.unplaced.push_back(up);
        for (auto& wc : o.workloads) {
            if (wc.workload == up.workload)
                wc.unplaced += up.pods;
        }
        addNote(o, diags, note("CW610", {std::to_string(up.pods), up.workload, o.name, up.reason}, up.workload));
    }
    for (const auto& wc : o.workloads) {
        o.computeHourly += wc.hourly - wc.idleHourly;
        o.computeMonthly += wc.hourly > 0 ? wc.monthly * (wc.hourly - wc.idleHourly) / wc.hourly : 0;
        o.wasteHourly += wc.idleHourly;
        o.wasteMonthly += wc.hourly > 0 ? wc.monthly * wc.idleHourly / wc.hourly : 0;
        o.unverified = o.unverified || wc.unverified;
    }
    o.wasteHourly += a.unallocatedHourly;
    o.wasteMonthly += a.unallocatedMonthly;
    if (!a.priceKnown) {
        o.complete = false;
        addNote(o, diags, note("CW609", {"a machine type of " + o.name, o.name}));
    }
    (void)cat;
}

void finishOption(Option& o)
{
    o.hourly = o.computeHourly + o.wasteHourly + o.fees.hourly;
    o.monthly = o.computeMonthly + o.wasteMonthly + o.fees.monthly;
    o.unverified = o.unverified || o.fees.unverified;
    if (!o.unplaced.empty() || !o.fees.known)
        o.complete = false;
    for (const auto& wc : o.workloads) {
        if (!wc.priceKnown)
            o.complete = false;
        o.premiumUnknown = o.premiumUnknown || wc.premiumUnknown;
    }
    // A figure without an unknown premium is a lower bound, not a price.
    if (o.premiumUnknown)
        o.complete = false;
}

Option nodeOption(const Plan& plan, const Catalog& cat, OptionKind kind, bool spot, const CompareOptions& options,
                  diag::Diagnostics& diags, bool& cancelled)
{
    Option o;
    o.kind = kind;
    o.spot = spot;
    o.name = optionName(kind, spot);
    o.provider = kind == OptionKind::Eks ? Provider::Eks : Provider::Gke;
    if (const auto* book = cat.priceBook(o.provider))
        o.region = book->region;
    const Built built = buildPlan(plan, cat, o.provider, spot);
    const solve::Solution sol = runSolver(built.plan, cat, options);
    cancelled = cancelled || sol.cancelled;
    costNodeOption(o, plan, built, sol, cat, diags);
    std::vector<FeeCluster> clusters;
    for (const auto& c : plan.clusters)
        clusters.push_back(feeClusterFor(c, o.provider, model::ClusterMode::Standard));
    o.fees = clusterFees(clusters, plan.freeTierCredit, plan.hoursPerMonth, cat);
    for (const auto& n : o.fees.notes)
        o.notes.push_back(n);
    finishOption(o);
    return o;
}

std::string requestText(const PodRequests& r)
{
    return model::humanCpu(r.cpuMilli) + ", " + model::humanBytes(r.memoryBytes) + ", "
         + model::humanBytes(r.ephemeralBytes) + " per Pod";
}

Option autopilotOption(const Plan& plan, const Catalog& cat, bool spot, const CompareOptions& options,
                       diag::Diagnostics& diags, bool& cancelled)
{
    Option o;
    o.kind = OptionKind::GkeAutopilot;
    o.spot = spot;
    o.name = optionName(o.kind, spot);
    o.provider = Provider::Gke;
    if (const auto* book = cat.priceBook(Provider::Gke))
        o.region = book->region;

    // The workloads as GKE runs them (EKS accelerators substituted), cluster by cluster.
    std::map<std::string, Translation> translations;
    std::vector<Workload> translated;
    translated.reserve(plan.workloads.size());
    for (const auto& w : plan.workloads) {
        Translation t = translateWorkload(w, plan, Provider::Gke, cat);
        translated.push_back(t.workload);
        translations[w.name] = std::move(t);
    }
    std::map<std::string, AutopilotWorkloadBill> bills;
    for (const auto& c : plan.clusters) {
        std::vector<const Workload*> ws;
        for (const auto& w : translated) {
            if (w.cluster == c.name && translations[w.name].kind != MatchKind::Impossible)
                ws.push_back(&w);
        }
        const AutopilotBill bill = priceAutopilot(plan, ws, c.daemonSets, cat, {spot});
        for (const auto& d : bill.diagnostics.items())
            addNote(o, diags, d);
        for (const auto& b : bill.workloads)
            bills[b.workload] = b;
        for (const auto& d : bill.daemonSets) {
            o.wasteHourly += d.hourly;
            o.wasteMonthly += d.monthly;
        }
        o.complete = o.complete && bill.priceKnown;
    }

    // Refused Pods run on a GKE Standard cluster beside the Autopilot ones: "needs Standard".
    std::vector<const Workload*> refused;
    for (const auto& w : plan.workloads) {
        auto it = bills.find(w.name);
        if (it != bills.end() && it->second.billing == AutopilotBilling::Refused)
            refused.push_back(&w);
    }
    std::optional<Built> standard;
    std::optional<Attribution> standardCost;
    if (!refused.empty()) {
        standard = buildPlan(plan, cat, Provider::Gke, spot, &refused, kNeedsStandard);
        const solve::Solution sol = runSolver(standard->plan, cat, options);
        cancelled = cancelled || sol.cancelled;
        standardCost = attribute(*standard, sol, Provider::Gke);
        o.wasteHourly += standardCost->unallocatedHourly;
        o.wasteMonthly += standardCost->unallocatedMonthly;
        if (!standardCost->priceKnown)
            o.complete = false;
        for (const auto& up : standardCost->unplaced) {
            o.unplaced.push_back(up);
            addNote(o, diags, note("CW610", {std::to_string(up.pods), up.workload, o.name, up.reason}, up.workload));
        }
    }

    for (const auto& w : plan.workloads) {
        WorkloadCost wc;
        wc.workload = w.name;
        wc.sourceCluster = w.cluster;
        wc.cluster = w.cluster;
        wc.kind = w.kind;
        wc.replicas = w.replicas;
        wc.hoursPerMonth = plan.hoursPerMonthOf(w);
        const Translation& t = translations[w.name];
        wc.match = t.kind;
        for (const auto& n : t.notes) {
            wc.notes.push_back(n);
            diags.append(n);
        }
        if (t.kind != MatchKind::Same)
            o.substitutions.push_back(substitutionOf(w.name, t));
        auto it = bills.find(w.name);
        if (t.kind == MatchKind::Impossible || it == bills.end()) {
            wc.unplaced = w.replicas;
            o.unplaced.push_back({w.name, w.cluster, w.replicas, t.notes.empty() ? std::string() : t.notes.back().message(), "CW612"});
            o.workloads.push_back(std::move(wc));
            continue;
        }
        const AutopilotWorkloadBill& b = it->second;
        for (const auto& n : b.notes)
            wc.notes.push_back(n);
        wc.spot = b.spot;
        wc.replicas = b.replicas;
        if (b.billing == AutopilotBilling::Refused) {
            wc.billing = toString(b.billing);
            wc.cluster = kNeedsStandard;
            for (const auto& r : b.refusals)
                o.refused.push_back(r);
            if (standardCost) {
                if (auto s = standardCost->workloads.find(w.name); s != standardCost->workloads.end()) {
                    const WorkloadCost& sc = s->second;
                    wc.hourly = sc.hourly;
                    wc.monthly = sc.monthly;
                    wc.idleHourly = sc.idleHourly;
                    wc.placement = sc.placement;
                    wc.priceKnown = sc.priceKnown;
                    wc.unverified = sc.unverified;
                    wc.unverifiedPrices = sc.unverifiedPrices;
                    wc.spot = sc.spot;
                }
                for (const auto& up : standardCost->unplaced) {
                    if (up.workload == w.name)
                        wc.unplaced += up.pods;
                }
            }
            o.workloads.push_back(std::move(wc));
            continue;
        }
        wc.billing = toString(b.billing);
        wc.hourly = b.hourly;
        wc.monthly = b.monthly;
        wc.idleHourly = b.wasteHourly;
        wc.priceKnown = b.priceKnown;
        wc.premiumUnknown = b.premiumUnknown;
        wc.unverified = b.unverified;
        wc.unverifiedPrices = b.unverifiedPrices;
        if (b.nodes)
            wc.placement = std::to_string(b.nodes->nodes) + " × " + b.nodes->machineType + " (" + std::to_string(b.nodes->podsPerNode)
                         + " per node)";
        else
            wc.placement = requestText(b.billed);
        o.workloads.push_back(std::move(wc));
    }
    for (const auto& wc : o.workloads) {
        const double used = wc.hourly - wc.idleHourly;
        o.computeHourly += used;
        o.computeMonthly += wc.hourly > 0 ? wc.monthly * used / wc.hourly : 0;
        o.wasteHourly += wc.idleHourly;
        o.wasteMonthly += wc.hourly > 0 ? wc.monthly * wc.idleHourly / wc.hourly : 0;
        o.unverified = o.unverified || wc.unverified;
    }
    std::vector<FeeCluster> clusters;
    for (const auto& c : plan.clusters)
        clusters.push_back(feeClusterFor(c, Provider::Gke, model::ClusterMode::Autopilot));
    if (!refused.empty()) {
        FeeCluster ns;
        ns.name = kNeedsStandard;
        ns.provider = Provider::Gke;
        clusters.push_back(ns);
    }
    o.fees = clusterFees(clusters, plan.freeTierCredit, plan.hoursPerMonth, cat);
    for (const auto& n : o.fees.notes)
        o.notes.push_back(n);
    finishOption(o);
    return o;
}

std::vector<BreakEven> breakEvens(const Plan& plan, const Option& standard, const Option& autopilot)
{
    std::vector<BreakEven> out;
    for (auto kind : {model::WorkloadKind::Training, model::WorkloadKind::Inference, model::WorkloadKind::Batch,
                      model::WorkloadKind::Notebook}) {
        BreakEven be;
        be.kind = kind;
        for (const auto& w : plan.workloads) {
            if (w.kind != kind)
                continue;
            const WorkloadCost* s = standard.workload(w.name);
            const WorkloadCost* a = autopilot.workload(w.name);
            if (!s || !a)
                continue;
            if (a->billing == toString(AutopilotBilling::Refused)) {
                ++be.refused;
                continue;
            }
            if (s->unplaced > 0 || a->unplaced > 0 || s->hourly <= 0)
                continue;
            be.workloads.push_back(w.name);
            be.autopilotHourly += a->hourly;
            be.standardHourly += s->hourly;
            be.standardUsedHourly += s->hourly - s->idleHourly;
            be.premiumUnknown = be.premiumUnknown || a->premiumUnknown;
        }
        if (be.standardHourly > 0)
            be.utilization = be.standardUsedHourly / be.standardHourly;
        if (be.autopilotHourly > 0)
            be.breakEven = be.standardUsedHourly / be.autopilotHourly;
        if (!be.workloads.empty()) {
            if (be.autopilotHourly >= be.standardHourly * (1 - 1e-9))
                be.cheaper = "gke-standard";
            else
                be.cheaper = be.premiumUnknown ? "" : "gke-autopilot"; // a lower bound below: the premium decides
        }
        if (!be.workloads.empty() || be.refused > 0)
            out.push_back(std::move(be));
    }
    return out;
}

} // namespace

Comparison compare(const Plan& plan, const Catalog& cat, const CompareOptions& options)
{
    Comparison c;
    c.plan = plan.name;
    cat.forEachPrice([&](const catalog::PricePoint& p, const std::string&) {
        if (p.asOf.empty())
            return;
        if (c.oldestPriceDate.empty() || p.asOf < c.oldestPriceDate)
            c.oldestPriceDate = p.asOf;
        c.priceDate = std::max(c.priceDate, p.asOf);
    });
    c.hoursPerMonth = plan.hoursPerMonth;
    if (const auto* b = cat.priceBook(Provider::Gke))
        c.gkeRegion = b->region;
    if (const auto* b = cat.priceBook(Provider::Eks))
        c.eksRegion = b->region;

    auto stop = [&] { return c.cancelled || (options.cancelled && options.cancelled()); };
    const bool anySpot = std::any_of(plan.workloads.begin(), plan.workloads.end(), [](const Workload& w) { return w.spot; });
    std::vector<bool> variants = {false};
    if (options.spotVariants)
        variants.push_back(true);
    if (options.spotVariants && !anySpot)
        c.diagnostics.append(note("CW632", {}));
    for (bool spot : variants) {
        if (stop())
            break;
        Option standard = nodeOption(plan, cat, OptionKind::GkeStandard, spot, options, c.diagnostics, c.cancelled);
        if (stop())
            break;
        Option autopilot = autopilotOption(plan, cat, spot, options, c.diagnostics, c.cancelled);
        if (stop())
            break;
        Option eks = nodeOption(plan, cat, OptionKind::Eks, spot, options, c.diagnostics, c.cancelled);
        if (!spot)
            c.breakEven = breakEvens(plan, standard, autopilot);
        c.options.push_back(std::move(standard));
        c.options.push_back(std::move(autopilot));
        c.options.push_back(std::move(eks));
    }
    if (stop()) {
        c.cancelled = true;
        c.diagnostics.append(note("CW617", {}));
    }

    std::set<std::string> unverified;
    for (const auto& o : c.options) {
        for (const auto& wc : o.workloads)
            unverified.insert(wc.unverifiedPrices.begin(), wc.unverifiedPrices.end());
        for (const auto& l : o.fees.lines) {
            if (l.unverified)
                unverified.insert(l.provider == Provider::Gke ? "GKE cluster fee"
                                                              : l.tier == "extended" ? "EKS extended-support fee"
                                                                                     : "EKS standard-support fee");
        }
    }
    c.unverifiedPrices.assign(unverified.begin(), unverified.end());
    // One copy of each diagnostic, in a stable order.
    diag::Diagnostics unique;
    std::set<std::string> seen;
    for (const auto& d : c.diagnostics.items()) {
        std::string key = d.code + "\n" + d.object;
        for (const auto& a : d.args)
            key += "\n" + a;
        if (seen.insert(key).second)
            unique.append(d);
    }
    c.diagnostics = unique;
    return c;
}

} // namespace cw::cost
