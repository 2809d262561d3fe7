// SPDX-License-Identifier: GPL-3.0-or-later
#include "autopilot.h"

#include "costutil.h"
#include "model/quantity.h"
#include "solve/solution.h"
#include "tpu/tpuplan.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <set>

namespace cw::cost {

using namespace detail;
using catalog::AutopilotRules;
using catalog::Catalog;
using catalog::PricePoint;
using model::Capacity;
using model::Provider;
using model::Workload;

const char* toString(AutopilotBilling b)
{
    switch (b) {
    case AutopilotBilling::Requests: return "requests";
    case AutopilotBilling::AcceleratorNodes: return "accelerator-nodes";
    case AutopilotBilling::Refused: return "needs-standard";
    }
    return "requests";
}

const AutopilotWorkloadBill* AutopilotBill::workload(const std::string& name) const
{
    auto it = std::find_if(workloads.begin(), workloads.end(),
                           [&](const AutopilotWorkloadBill& b) { return b.workload == name; });
    return it == workloads.end() ? nullptr : &*it;
}

PodRequests autopilotRequests(const model::Resources& r, const AutopilotRules& rules, bool daemonSet)
{
    using model::humanBytes;
    using model::humanCpu;
    PodRequests out;
    int64_t cpu = r.cpuMilli;
    int64_t mem = r.memoryBytes;
    const int64_t minCpu = daemonSet && rules.daemonSetMinCpuMilli > 0 ? rules.daemonSetMinCpuMilli : rules.minCpuMilli;
    const int64_t minMem = daemonSet && rules.daemonSetMinMemory > 0 ? rules.daemonSetMinMemory : rules.minMemory;
    if (cpu < minCpu) {
        out.adjustments.push_back(note("CW620", {humanCpu(cpu), humanCpu(minCpu)}));
        cpu = minCpu;
    }
    if (mem < minMem) {
        out.adjustments.push_back(note("CW621", {humanBytes(mem), humanBytes(minMem)}));
        mem = minMem;
    }
    // CPU is raised (never memory lowered) until memory fits the maximum per vCPU.
    if (rules.memoryPerCpuMax > 0) {
        const int64_t need = ceilDiv(mem * 1000, rules.memoryPerCpuMax);
        if (need > cpu) {
            out.adjustments.push_back(note("CW622", {humanCpu(cpu), humanCpu(need), humanBytes(mem),
                                                     humanBytes(rules.memoryPerCpuMax)}));
            cpu = need;
        }
    }
    if (!daemonSet && rules.cpuStepMilli > 0 && cpu % rules.cpuStepMilli != 0) {
        const int64_t rounded = ceilDiv(cpu, rules.cpuStepMilli) * rules.cpuStepMilli;
        out.adjustments.push_back(note("CW623", {humanCpu(cpu), humanCpu(rounded), humanCpu(rules.cpuStepMilli)}));
        cpu = rounded;
    }
    // Memory is raised to the minimum per vCPU of the CPU that is billed.
    if (rules.memoryPerCpuMin > 0) {
        const int64_t need = ceilDiv(cpu * rules.memoryPerCpuMin, 1000);
        if (need > mem) {
            out.adjustments.push_back(note("CW624", {humanBytes(mem), humanBytes(need), humanBytes(rules.memoryPerCpuMin)}));
            mem = need;
        }
    }
    int64_t eph = r.ephemeralStorageBytes;
    if (!daemonSet) {
        if (eph == 0 && rules.defaultEphemeralStorage > 0) {
            eph = rules.defaultEphemeralStorage;
            out.adjustments.push_back(note("CW625", {humanBytes(eph)}));
        }
        if (rules.maxEphemeralStorage > 0 && eph > rules.maxEphemeralStorage) {
            out.adjustments.push_back(note("CW626", {humanBytes(eph), humanBytes(rules.maxEphemeralStorage)}));
            eph = rules.maxEphemeralStorage;
        }
    }
    out.cpuMilli = cpu;
    out.memoryBytes = mem;
    out.ephemeralBytes = eph;
    return out;
}

namespace {

std::string upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::toupper(c)); });
    return s;
}

std::string capabilityName(const std::string& c)
{
    std::string s = upper(c);
    return s.rfind("CAP_", 0) == 0 ? s.substr(4) : s;
}

const char* kDriverSelector = "cloud.google.com/gke-gpu-driver-version";

} // namespace

std::vector<Refusal> autopilotRefusals(const Workload& w, const model::Cluster* cluster, const Catalog& cat,
                                       diag::Diagnostics* diags)
{
    std::vector<Refusal> out;
    for (const auto& rule : cat.rules().autopilot.refused) {
        bool matches = false;
        const std::string& f = rule.feature;
        if (f == "privileged") {
            matches = w.privileged;
        } else if (f.rfind("capability:", 0) == 0) {
            const std::string wanted = capabilityName(f.substr(11));
            matches = std::any_of(w.capabilities.begin(), w.capabilities.end(),
                                  [&](const std::string& c) { return capabilityName(c) == wanted; });
        } else if (f == "hostPathWrite") {
            matches = std::any_of(w.hostPaths.begin(), w.hostPaths.end(),
                                  [](const model::HostPathMount& m) { return !m.readOnly; });
        } else if (f == "hostPort") {
            matches = !w.hostPorts.empty();
        } else if (f == "customGpuDriver") {
            // "disabled" means the user installs the driver: a custom driver Autopilot does not allow.
            if (w.hasGpu()) {
                auto sel = w.nodeSelector.find(kDriverSelector);
                matches = sel != w.nodeSelector.end() && sel->second == "disabled";
                if (cluster && w.isPinned()) {
                    if (const model::NodePool* p = cluster->pool(w.pool))
                        matches = matches || p->gpuDriverVersion == "disabled";
                }
            }
        } else {
            if (diags) {
                const bool reported = std::any_of(diags->items().begin(), diags->items().end(), [&](const diag::Diagnostic& d) {
                    return d.code == "CW608" && !d.args.empty() && d.args[0] == f;
                });
                if (!reported)
                    diags->append(note("CW608", {f}));
            }
            continue;
        }
        if (matches)
            out.push_back({w.name, f, rule.reason, rule.fact.source, w.replicas, "CW601", {w.name, f, rule.reason}});
    }
    return out;
}

namespace {

struct Prices {
    double cpu = 0, memory = 0, ephemeral = 0;
    bool known = true;
    bool unverified = false;
    bool spotEphemeralFallback = false;
    std::vector<std::string> unverifiedPrices;
};

Prices requestPrices(const AutopilotRules& r, bool spot)
{
    Prices p;
    auto use = [&](const PricePoint& point, double& value, const char* name) {
        bool unverified = false;
        p.known = usePrice(point, value, unverified) && p.known;
        if (unverified) {
            p.unverified = true;
            p.unverifiedPrices.push_back(name);
        }
    };
    use(spot ? r.spotCpu : r.cpu, p.cpu, spot ? "GKE Autopilot Spot vCPU" : "GKE Autopilot vCPU");
    use(spot ? r.spotMemory : r.memory, p.memory, spot ? "GKE Autopilot Spot memory" : "GKE Autopilot memory");
    if (spot && !r.spotEphemeralStorage.isKnown()) {
        // NOTE: no Spot figure for ephemeral storage exists in the sources; the on-demand
        // rate is used and the workload says so (CW614).
        p.spotEphemeralFallback = true;
        use(r.ephemeralStorage, p.ephemeral, "GKE Autopilot ephemeral storage");
    } else {
        use(spot ? r.spotEphemeralStorage : r.ephemeralStorage, p.ephemeral,
            spot ? "GKE Autopilot Spot ephemeral storage" : "GKE Autopilot ephemeral storage");
    }
    return p;
}

double requestCost(const Prices& p, int64_t cpuMilli, int64_t memory, int64_t ephemeral)
{
    return vcpu(cpuMilli) * p.cpu + gib(memory) * p.memory + gib(ephemeral) * p.ephemeral;
}

// The premium of one node of a machine type for an accelerator: the accelerator's entry,
// or the catalog's default. Components the data does not give are not charged; components
// with an unknown price make the premium unknown.
struct NodePremium {
    double usd = 0;
    bool known = true;
    bool unverified = false;
    std::vector<std::string> parts;
    std::string source;
};

NodePremium nodePremium(const AutopilotRules& rules, const std::string& accelerator, int accelerators,
                        const catalog::MachineType& machine, bool spot)
{
    NodePremium out;
    auto add = [&](const PricePoint& p, double quantity, const std::string& label) {
        if (p.source.empty())
            return;
        if (out.source.empty())
            out.source = p.source;
        double v = 0;
        bool unverified = false;
        if (!usePrice(p, v, unverified)) {
            // Unknown, not doubtful: said as "premium not included: unknown" instead.
            out.known = false;
            out.parts.push_back(label + " n/a");
            return;
        }
        out.unverified = out.unverified || unverified;
        out.usd += v * quantity;
        out.parts.push_back(label + " " + number(v));
    };
    const std::string accLabel = std::to_string(accelerators) + " × " + accelerator;
    const std::string cpuLabel = number(machine.vcpu) + " vCPU ×";
    const std::string memLabel = number(machine.memoryGiB) + " GiB ×";
    if (const auto* p = rules.premium(accelerator)) {
        if (spot) {
            // A Spot premium the data does not give is unknown, not zero.
            auto spotOr = [&](const PricePoint& sp, const PricePoint& od) -> PricePoint {
                if (!sp.source.empty() || od.source.empty())
                    return sp;
                PricePoint unknown;
                unknown.source = od.source;
                unknown.unverified = true;
                return unknown;
            };
            add(spotOr(p->spotPerAcceleratorHour, p->perAcceleratorHour), accelerators, accLabel);
            add(spotOr(p->spotPerVcpuHour, p->perVcpuHour), machine.vcpu, cpuLabel);
            add(spotOr(p->spotPerGiBHour, p->perGiBHour), machine.memoryGiB, memLabel);
        } else {
            add(p->perAcceleratorHour, accelerators, accLabel);
            add(p->perVcpuHour, machine.vcpu, cpuLabel);
            add(p->perGiBHour, machine.memoryGiB, memLabel);
        }
    } else {
        const auto& def = rules.acceleratorPremium;
        auto find = [&](const char* key) -> PricePoint {
            auto it = def.find(key);
            return it == def.end() ? PricePoint{} : it->second;
        };
        add(find("perAcceleratorHour"), accelerators, accLabel);
        add(find("perVcpuHour"), machine.vcpu, cpuLabel);
        add(find("perGiBHour"), machine.memoryGiB, memLabel);
        if (out.parts.empty())
            out.known = false; // the data says nothing: unknown, never free
    }
    return out;
}

// One candidate node for an accelerator workload.
struct Candidate {
    const catalog::MachineType* machine = nullptr;
    int accelerators = 0;       // GPUs (or TPU chips) on the node
    int slots = 0;              // what Pods consume: GPUs, MIG partitions or TPU hosts
    double hardware = 0;
    bool hardwareKnown = true;
    bool hardwareUnverified = false;
    std::vector<std::string> hardwareParts;
};

AutopilotWorkloadBill refusedBill(AutopilotWorkloadBill bill, std::vector<Refusal> refusals)
{
    bill.billing = AutopilotBilling::Refused;
    bill.refusals = std::move(refusals);
    bill.hourly = bill.monthly = bill.wasteHourly = 0;
    return bill;
}

Refusal limitRefusal(const Workload& w, const diag::Diagnostic& d, const AutopilotRules& rules)
{
    return {w.name, "limits", d.message(), rules.rulesFact.source, w.replicas, d.code, d.args};
}

// Prices a GPU or TPU workload on the nodes Autopilot would provision for it.
AutopilotWorkloadBill acceleratorBill(AutopilotWorkloadBill bill, const Workload& w, const model::Plan& plan,
                                      const std::vector<model::DaemonSet>& daemonSets, const Catalog& cat,
                                      bool spot, diag::Diagnostics& diags)
{
    const AutopilotRules& rules = cat.rules().autopilot;
    const catalog::PriceBook* book = cat.priceBook(Provider::Gke);
    const Capacity capacity = spot ? Capacity::Spot : Capacity::OnDemand;
    const catalog::AllocatableRules* alloc = nullptr;
    if (auto it = cat.rules().allocatable.find(Provider::Gke); it != cat.rules().allocatable.end())
        alloc = &it->second;

    std::string accelerator;   // premium key and the name shown
    int podSlots = 1;          // slots one Pod takes
    std::vector<Candidate> candidates;
    bool tpu = false;
    int hostsPerSlice = 1;
    int tpuNodes = 0;

    auto priceCandidate = [&](Candidate& c, int attachGpus, const std::string& gpuType) {
        const catalog::MachinePrice mp = cat.machinePrice(Provider::Gke, *c.machine, capacity);
        c.hardware = mp.usdPerHour;
        c.hardwareKnown = mp.known;
        c.hardwareUnverified = mp.unverified;
        c.hardwareParts = mp.parts;
        if (attachGpus > 0 && book) {
            const auto* acc = book->acceleratorPrice(gpuType);
            const PricePoint* p = acc ? (spot && !acc->spot.source.empty() ? &acc->spot : &acc->onDemand) : nullptr;
            double v = 0;
            if (!p || !usePrice(*p, v, c.hardwareUnverified)) {
                c.hardwareKnown = false;
                c.hardwareParts.push_back(std::to_string(attachGpus) + " × " + gpuType + " n/a");
            } else {
                c.hardware += v * attachGpus;
                c.hardwareParts.push_back(std::to_string(attachGpus) + " × " + gpuType + " " + number(v));
            }
        }
    };

    if (const auto& g = w.resources.gpu) {
        accelerator = g->type;
        const auto* choice = rules.machines(g->type);
        if (!choice) {
            auto d = note("CW606", {w.name, g->type}, w.name);
            diags.append(d);
            return refusedBill(std::move(bill), {limitRefusal(w, d, rules)});
        }
        const catalog::Accelerator* acc = cat.accelerator(g->type);
        const catalog::MigProfile* profile = (acc && !g->partition.empty()) ? acc->migProfile(g->partition) : nullptr;
        const int podGpus = g->partition.empty() ? std::max(1, g->count) : 1;
        if (g->partition.empty() && !choice->gpuCounts.empty()
            && std::find(choice->gpuCounts.begin(), choice->gpuCounts.end(), podGpus) == choice->gpuCounts.end()) {
            std::string accepted;
            for (int c : choice->gpuCounts)
                accepted += (accepted.empty() ? "" : ", ") + std::to_string(c);
            auto d = note("CW604", {w.name, std::to_string(podGpus), g->type, accepted}, w.name);
            diags.append(d);
            return refusedBill(std::move(bill), {limitRefusal(w, d, rules)});
        }
        podSlots = podGpus;
        for (const auto& name : choice->machineTypes) {
            const catalog::MachineType* m = cat.machineType(Provider::Gke, name);
            if (!m)
                continue;
            if (m->gpu && m->gpu->type == g->type) {
                Candidate c;
                c.machine = m;
                c.accelerators = m->gpu->count;
                c.slots = profile ? m->gpu->count * profile->maxPerGpu : m->gpu->count;
                priceCandidate(c, 0, g->type);
                candidates.push_back(c);
            }
            for (const auto& o : m->gpuOptions) {
                if (o.type != g->type)
                    continue;
                for (int k : o.counts) {
                    if (k < podGpus)
                        continue;
                    Candidate c;
                    c.machine = m;
                    c.accelerators = k;
                    c.slots = profile ? k * profile->maxPerGpu : k;
                    priceCandidate(c, k, g->type);
                    candidates.push_back(c);
                }
            }
        }
    } else if (w.resources.tpu) {
        // The slice's host machine and host count, as the TPU module lays the topology out.
        tpu = true;
        const auto slice = tpu::workloadSlice(plan, w, cat);
        accelerator = slice && slice->slice.generation ? slice->slice.generation->name : w.resources.tpu->type;
        const catalog::MachineType* host = slice ? cat.machineType(Provider::Gke, slice->layout.machineType) : nullptr;
        if (!host || !host->tpu) {
            auto d = note("CW605", {w.name, "TPU " + accelerator + " " + w.resources.tpu->topology,
                                    "no host machine type in the catalog"}, w.name);
            diags.append(d);
            return refusedBill(std::move(bill), {limitRefusal(w, d, rules)});
        }
        hostsPerSlice = std::max(1, slice->layout.hosts);
        tpuNodes = std::max(tpu::podsOf(w, *slice), hostsPerSlice * std::max(1, w.resources.tpu->slices));
        Candidate c;
        c.machine = host;
        c.accelerators = host->tpu->chips;
        c.slots = 1;
        priceCandidate(c, 0, {});
        candidates.push_back(c);
    }

    // Room on each candidate after system reservation, GKE's own DaemonSets (catalog) and
    // the plan's DaemonSets.
    int64_t dsCpu = 0, dsMem = 0;
    daemonSetLoad(daemonSets, !tpu, tpu, false, dsCpu, dsMem);
    if (auto it = cat.rules().daemonSets.find(Provider::Gke); it != cat.rules().daemonSets.end()) {
        for (const auto& d : it->second) {
            if (d.nodes == model::DaemonSetNodes::All || (d.nodes == model::DaemonSetNodes::Gpu && !tpu)
                || (d.nodes == model::DaemonSetNodes::Tpu && tpu)) {
                dsCpu += d.cpuMilli;
                dsMem += d.memoryBytes;
            }
        }
    }
    const int64_t podCpu = w.resources.cpuMilli;
    const int64_t podMem = w.resources.memoryBytes;

    struct Choice {
        const Candidate* c = nullptr;
        int podsPerNode = 0;
        int nodes = 0;
        NodePremium premium;
        double total = 0;
        NodeRoom room;
    };
    std::optional<Choice> best;
    for (const auto& c : candidates) {
        const NodeRoom room = alloc ? nodeRoom(*alloc, *c.machine, dsCpu, dsMem) : NodeRoom{int64_t(c.machine->vcpu * 1000), int64_t(c.machine->memoryGiB * kBytesPerGiB)};
        int perNode = c.slots / podSlots;
        if (podCpu > 0)
            perNode = int(std::min<int64_t>(perNode, room.cpuMilli / podCpu));
        if (podMem > 0)
            perNode = int(std::min<int64_t>(perNode, room.memoryBytes / podMem));
        if (w.maxPerNode > 0)
            perNode = std::min(perNode, w.maxPerNode);
        if (perNode <= 0)
            continue;
        Choice ch;
        ch.c = &c;
        ch.room = room;
        if (tpu) {
            // One Pod per host; every host of every slice is billed.
            ch.nodes = tpuNodes;
            ch.podsPerNode = 1;
        } else {
            ch.podsPerNode = perNode;
            ch.nodes = int(ceilDiv(w.replicas, perNode));
        }
        ch.premium = nodePremium(rules, accelerator, c.accelerators, *c.machine, spot);
        ch.total = ch.nodes * (c.hardware + ch.premium.usd);
        auto better = [&](const Choice& a, const Choice& b) {
            if (a.c->hardwareKnown != b.c->hardwareKnown)
                return a.c->hardwareKnown;
            if (std::abs(a.total - b.total) > 1e-9)
                return a.total < b.total;
            return a.nodes < b.nodes;
        };
        if (!best || better(ch, *best))
            best = ch;
    }
    if (!best) {
        std::string pod = model::humanCpu(podCpu) + ", " + model::humanBytes(podMem);
        if (w.maxPerNode > 0)
            pod += ", at most " + std::to_string(w.maxPerNode) + " per node";
        auto d = note("CW605", {w.name, accelerator, pod}, w.name);
        diags.append(d);
        return refusedBill(std::move(bill), {limitRefusal(w, d, rules)});
    }

    const Candidate& c = *best->c;
    AcceleratorNodes nodes;
    nodes.machineType = c.machine->name;
    nodes.accelerator = accelerator;
    nodes.nodes = best->nodes;
    nodes.podsPerNode = best->podsPerNode;
    nodes.hardwarePerNode = c.hardware;
    nodes.hardwareKnown = c.hardwareKnown;
    nodes.hardwareParts = c.hardwareParts;
    nodes.premiumPerNode = best->premium.usd;
    nodes.premiumKnown = best->premium.known;
    nodes.premiumParts = best->premium.parts;
    nodes.premiumSource = best->premium.source;
    bill.billing = AutopilotBilling::AcceleratorNodes;
    bill.priceKnown = c.hardwareKnown;
    bill.unverified = c.hardwareUnverified || best->premium.unverified;
    if (c.hardwareUnverified)
        bill.unverifiedPrices.push_back("GKE " + c.machine->name);
    if (best->premium.unverified)
        bill.unverifiedPrices.push_back("GKE Autopilot premium for " + accelerator);
    bill.premiumUnknown = !best->premium.known;
    const double perNode = c.hardware + best->premium.usd;
    bill.hourly = perNode * nodes.nodes;
    bill.monthly = bill.hourly * bill.hoursPerMonth;
    // The share of a node one Pod uses: its largest fraction of slots, CPU or memory.
    double share = double(podSlots) / double(c.slots);
    if (tpu)
        share = 1.0;
    if (best->room.cpuMilli > 0)
        share = std::max(share, double(podCpu) / double(best->room.cpuMilli));
    if (best->room.memoryBytes > 0)
        share = std::max(share, double(podMem) / double(best->room.memoryBytes));
    share = std::min(share, 1.0 / std::max(1, nodes.podsPerNode));
    bill.wasteHourly = std::max(0.0, bill.hourly - perNode * share * w.replicas);
    bill.notes.push_back(note("CW627", {std::to_string(nodes.nodes), nodes.machineType, std::to_string(nodes.podsPerNode)}, w.name));
    if (bill.premiumUnknown) {
        auto d = note("CW607", {accelerator, w.name}, w.name);
        bill.notes.push_back(d);
        diags.append(d);
    }
    if (!bill.priceKnown) {
        auto d = note("CW609", {nodes.machineType, "GKE Autopilot"}, w.name);
        bill.notes.push_back(d);
        diags.append(d);
    }
    bill.nodes = nodes;
    (void)plan;
    return bill;
}

} // namespace

AutopilotBill priceAutopilot(const model::Plan& plan, const std::vector<const Workload*>& workloads,
                             const std::vector<model::DaemonSet>& daemonSets, const Catalog& cat,
                             const AutopilotOptions& options)
{
    AutopilotBill out;
    const AutopilotRules& rules = cat.rules().autopilot;
    int64_t gpCpu = 0, gpMem = 0;
    for (const Workload* wp : workloads) {
        const Workload& w = *wp;
        AutopilotWorkloadBill bill;
        bill.workload = w.name;
        bill.kind = w.kind;
        bill.replicas = w.replicas;
        bill.hoursPerMonth = plan.hoursPerMonthOf(w);
        bill.spot = options.spot && w.spot;
        bill.requested.cpuMilli = w.resources.cpuMilli;
        bill.requested.memoryBytes = w.resources.memoryBytes;
        bill.requested.ephemeralBytes = w.resources.ephemeralStorageBytes;

        std::vector<Refusal> refusals = autopilotRefusals(w, plan.cluster(w.cluster), cat, &out.diagnostics);
        if (!refusals.empty()) {
            for (const auto& r : refusals)
                out.diagnostics.append(note(r.code, r.args, w.name));
            out.workloads.push_back(refusedBill(std::move(bill), std::move(refusals)));
            continue;
        }
        if (w.hasGpu() || w.hasTpu()) {
            const bool spot = bill.spot;
            bill = acceleratorBill(std::move(bill), w, plan, daemonSets, cat, spot, out.diagnostics);
            out.workloads.push_back(std::move(bill));
            continue;
        }

        bill.billed = autopilotRequests(w.resources, rules);
        std::vector<Refusal> limits;
        if (rules.maxCpuMilli > 0 && bill.billed.cpuMilli > rules.maxCpuMilli) {
            auto d = note("CW602", {w.name, model::humanCpu(bill.billed.cpuMilli), model::humanCpu(rules.maxCpuMilli)}, w.name);
            out.diagnostics.append(d);
            limits.push_back(limitRefusal(w, d, rules));
        }
        if (rules.maxMemory > 0 && bill.billed.memoryBytes > rules.maxMemory) {
            auto d = note("CW603", {w.name, model::humanBytes(bill.billed.memoryBytes), model::humanBytes(rules.maxMemory)}, w.name);
            out.diagnostics.append(d);
            limits.push_back(limitRefusal(w, d, rules));
        }
        if (!limits.empty()) {
            out.workloads.push_back(refusedBill(std::move(bill), std::move(limits)));
            continue;
        }
        for (const auto& [name, amount] : w.resources.extended) {
            (void)amount;
            bill.notes.push_back(note("CW629", {name}, w.name));
        }
        const Prices p = requestPrices(rules, bill.spot);
        bill.priceKnown = p.known;
        bill.unverified = p.unverified;
        bill.unverifiedPrices = p.unverifiedPrices;
        if (p.spotEphemeralFallback)
            bill.notes.push_back(note("CW614", {w.name}, w.name));
        if (!p.known) {
            auto d = note("CW609", {"Autopilot Pod resources", "GKE Autopilot"}, w.name);
            bill.notes.push_back(d);
            out.diagnostics.append(d);
        }
        const double perPod = requestCost(p, bill.billed.cpuMilli, bill.billed.memoryBytes, bill.billed.ephemeralBytes);
        const double usefulPerPod = requestCost(p, bill.requested.cpuMilli, bill.requested.memoryBytes,
                                                std::min(bill.requested.ephemeralBytes, bill.billed.ephemeralBytes));
        bill.hourly = perPod * w.replicas;
        bill.monthly = bill.hourly * bill.hoursPerMonth;
        bill.wasteHourly = std::max(0.0, perPod - usefulPerPod) * w.replicas;
        for (const auto& a : bill.billed.adjustments) {
            diag::Diagnostic d = a;
            d.object = w.name;
            bill.notes.push_back(d);
        }
        gpCpu += bill.billed.cpuMilli * w.replicas;
        gpMem += bill.billed.memoryBytes * w.replicas;
        out.workloads.push_back(std::move(bill));
    }

    // DaemonSets: one Pod on every general-purpose node. Autopilot chooses its nodes; at
    // least the requests ÷ its largest Pod are needed.
    if (gpCpu > 0 || gpMem > 0) {
        int64_t nodes = 1;
        if (rules.maxCpuMilli > 0)
            nodes = std::max(nodes, ceilDiv(gpCpu, rules.maxCpuMilli));
        if (rules.maxMemory > 0)
            nodes = std::max(nodes, ceilDiv(gpMem, rules.maxMemory));
        out.generalPurposeNodes = int(nodes);
    }
    const Prices dsPrices = requestPrices(rules, false);
    for (const auto& d : daemonSets) {
        if (d.nodes != model::DaemonSetNodes::All)
            continue; // on accelerator nodes, which are billed whole
        AutopilotDaemonSetBill b;
        b.name = d.name;
        b.nodes = out.generalPurposeNodes;
        model::Resources r;
        r.cpuMilli = d.cpuMilli;
        r.memoryBytes = d.memoryBytes;
        b.billed = autopilotRequests(r, rules, true);
        b.hourlyPerPod = requestCost(dsPrices, b.billed.cpuMilli, b.billed.memoryBytes, 0);
        b.hourly = b.hourlyPerPod * b.nodes;
        b.monthly = b.hourly * plan.hoursPerMonth;
        out.priceKnown = out.priceKnown && dsPrices.known;
        out.daemonSets.push_back(std::move(b));
    }
    if (!out.daemonSets.empty() && out.generalPurposeNodes > 0)
        out.diagnostics.append(note("CW628", {std::to_string(out.generalPurposeNodes), model::humanCpu(rules.maxCpuMilli),
                                              model::humanBytes(rules.maxMemory)}));

    for (const auto& b : out.workloads) {
        if (b.billing == AutopilotBilling::Refused)
            continue;
        out.hourly += b.hourly;
        out.monthly += b.monthly;
        out.wasteHourly += b.wasteHourly;
        out.wasteMonthly += b.wasteHourly * b.hoursPerMonth;
        out.premiumUnknown = out.premiumUnknown || b.premiumUnknown;
        out.priceKnown = out.priceKnown && b.priceKnown;
        out.unverified = out.unverified || b.unverified;
    }
    for (const auto& d : out.daemonSets) {
        out.hourly += d.hourly;
        out.monthly += d.monthly;
    }
    return out;
}

void fillAutopilotCluster(const model::Plan& plan, const model::Cluster& cluster, const Catalog& cat,
                          solve::ClusterSolution& out, diag::Diagnostics* diags)
{
    const AutopilotBill bill = priceAutopilot(plan, plan.workloadsOf(cluster.name), cluster.daemonSets, cat);
    if (diags) {
        for (diag::Diagnostic d : bill.diagnostics.items()) {
            if (d.where.file.empty()) {
                d.where.file = plan.sourceFile;
                if (const Workload* w = plan.workload(d.object)) {
                    d.where.line = w->origin.where.line;
                    d.where.column = w->origin.where.column;
                }
            }
            diags->append(d);
        }
    }
    out.cluster = cluster.name;
    out.provider = cluster.provider;
    out.mode = model::ClusterMode::Autopilot;
    out.hourlyCost = bill.hourly;
    out.monthlyCost = bill.monthly;
    // The bill follows from the requests: no placement to improve, the bound is the bill (so
    // the plan's gap to its bound is the Standard clusters' alone).
    out.lowerBoundHourlyCost = bill.hourly;
    out.gap = 0;
    out.optimal = true;
    out.boundMethod = solve::BoundMethod::Billed;
    out.unplaced.clear();
    for (const auto& b : bill.workloads) {
        if (b.billing != AutopilotBilling::Refused)
            continue;
        if (b.refusals.empty())
            continue;
        // The first reason, as its diagnostic says it (translatable from code and args).
        const Refusal& r = b.refusals.front();
        const std::string reason = note(r.code, r.args).message();
        for (int i = 0; i < b.replicas; ++i)
            out.unplaced.push_back({b.workload, i, reason, r.code, r.args});
    }
}

} // namespace cw::cost
