// SPDX-License-Identifier: GPL-3.0-or-later
#include "problem.h"

#include "diag/diagnostic.h"
#include "model/quantity.h"
#include "solver.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace cw::solve {

using namespace cw::model;
using detail::kEfaResource;
using detail::kMigResourcePrefix;

namespace {

// The label and taint names Kubernetes, GKE, EKS and Karpenter give nodes. Names, not figures.
constexpr const char* kLabelGkeNodePool = "cloud.google.com/gke-nodepool";
constexpr const char* kLabelEksNodeGroup = "eks.amazonaws.com/nodegroup";
constexpr const char* kLabelInstanceType = "node.kubernetes.io/instance-type";
constexpr const char* kLabelGkeAccelerator = "cloud.google.com/gke-accelerator";
constexpr const char* kLabelGkePartition = "cloud.google.com/gke-gpu-partition-size";
constexpr const char* kLabelGkeTpuAccelerator = "cloud.google.com/gke-tpu-accelerator";
constexpr const char* kLabelGkeTpuTopology = "cloud.google.com/gke-tpu-topology";
constexpr const char* kLabelGkeSpot = "cloud.google.com/gke-spot";
constexpr const char* kLabelKarpenterCapacity = "karpenter.sh/capacity-type";
constexpr const char* kLabelEksCapacity = "eks.amazonaws.com/capacityType";
constexpr const char* kTaintGpu = "nvidia.com/gpu";
constexpr const char* kTaintTpu = "google.com/tpu";
// GKE taints accelerator nodes with this value (and GKE's admission gives Pods that request the
// accelerator a matching toleration).
constexpr const char* kTaintValuePresent = "present";

const catalog::AllocatableRules& rulesFor(const catalog::Catalog& cat, Provider provider)
{
    static const catalog::AllocatableRules none;
    auto it = cat.rules().allocatable.find(provider);
    return it == cat.rules().allocatable.end() ? none : it->second;
}

int64_t tiered(int64_t amount, const std::vector<catalog::Tier>& tiers)
{
    double reserved = 0;
    int64_t previous = 0;
    for (const auto& t : tiers) {
        const int64_t top = t.upTo.value_or(INT64_MAX);
        if (amount > previous)
            reserved += t.fraction * double(std::min(amount, top) - previous);
        if (amount <= top)
            break;
        previous = top;
    }
    return std::llround(reserved);
}

bool daemonSetRuns(DaemonSetNodes nodes, const catalog::MachineType& m, bool hasGpu)
{
    switch (nodes) {
    case DaemonSetNodes::All: return true;
    case DaemonSetNodes::Gpu: return hasGpu;
    case DaemonSetNodes::Tpu: return m.tpu.has_value();
    case DaemonSetNodes::Neuron: return m.neuron.has_value();
    }
    return true;
}

struct NodeFacts {
    ResourceVector raw;
    ResourceVector allocatable;
    ResourceVector daemonSets;
    std::optional<catalog::AcceleratorAttachment> gpu;
};

NodeFacts nodeFacts(const catalog::Catalog& cat, const Cluster& cluster, const NodePool& pool,
                    const catalog::MachineType& m, const catalog::AcceleratorAttachment* attached)
{
    const catalog::AllocatableRules& rules = rulesFor(cat, cluster.provider);
    NodeFacts f;
    if (m.gpu)
        f.gpu = m.gpu;
    else if (attached)
        f.gpu = *attached;
    const int64_t maxPods = pool.maxPodsPerNode.value_or(m.maxPods.value_or(rules.maxPodsPerNode));

    ResourceVector& raw = f.raw;
    raw.cpuMilli = std::llround(m.vcpu * 1000.0);
    raw.memoryBytes = std::llround(m.memoryGiB * double(kGi));
    raw.ephemeralBytes = pool.diskSizeGiB ? *pool.diskSizeGiB * kGi : rules.bootDisk;
    raw.pods = maxPods;
    if (f.gpu) {
        const int64_t n = f.gpu->count;
        if (!pool.gpuPartitionSize.empty()) {
            const catalog::Accelerator* acc = cat.accelerator(f.gpu->type);
            const catalog::MigProfile* profile = acc ? acc->migProfile(pool.gpuPartitionSize) : nullptr;
            const int64_t partitions = n * (profile ? profile->maxPerGpu : 0);
            if (cluster.provider == Provider::Gke)
                raw.gpus = partitions; // each partition is one nvidia.com/gpu
            else
                raw.extended[kMigResourcePrefix + pool.gpuPartitionSize] = partitions; // mixed strategy
        } else {
            // Time-sharing / MPS: each GPU is offered to maxClientsPerGpu containers.
            const int clients = (cluster.provider == Provider::Gke && pool.gpuSharing && pool.gpuSharing->maxClientsPerGpu > 0)
                                    ? pool.gpuSharing->maxClientsPerGpu : 1;
            raw.gpus = n * clients;
        }
    }
    if (m.tpu)
        raw.tpuChips = m.tpu->chips;
    if (m.neuron) {
        if (const catalog::Accelerator* acc = cat.accelerator(m.neuron->type); acc && !acc->resource.empty())
            raw.extended[acc->resource] += m.neuron->count;
    }
    if (pool.efa && m.efaInterfaces > 0)
        raw.extended[kEfaResource] = m.efaInterfaces;

    // What kubelet, the system and eviction take (the catalog's rules.yaml, source gke-node-allocatable).
    const int64_t cpuReserved = tiered(raw.cpuMilli, rules.cpuTiers);
    int64_t memoryReserved = 0;
    if (!rules.memoryTiers.empty()) {
        memoryReserved = (rules.smallMachineBelow > 0 && raw.memoryBytes < rules.smallMachineBelow)
                             ? rules.smallMachineReserved
                             : tiered(raw.memoryBytes, rules.memoryTiers);
    } else {
        memoryReserved = rules.memoryBase + rules.memoryPerPod * maxPods;
    }
    memoryReserved += rules.eviction;
    const int64_t ephemeralReserved = std::llround(double(raw.ephemeralBytes) * rules.ephemeralReservedFraction);

    // DaemonSets: the catalog's defaults for the provider, then the cluster's own.
    const bool hasGpu = f.gpu.has_value();
    auto addDaemonSet = [&](DaemonSetNodes nodes, int64_t cpu, int64_t memory) {
        if (!daemonSetRuns(nodes, m, hasGpu))
            return;
        f.daemonSets.cpuMilli += cpu;
        f.daemonSets.memoryBytes += memory;
        f.daemonSets.pods += 1;
    };
    if (auto it = cat.rules().daemonSets.find(cluster.provider); it != cat.rules().daemonSets.end()) {
        for (const auto& d : it->second)
            addDaemonSet(d.nodes, d.cpuMilli, d.memoryBytes);
    }
    for (const auto& d : cluster.daemonSets)
        addDaemonSet(d.nodes, d.cpuMilli, d.memoryBytes);

    ResourceVector& a = f.allocatable;
    a = raw;
    a.cpuMilli = std::max<int64_t>(0, raw.cpuMilli - cpuReserved - f.daemonSets.cpuMilli);
    a.memoryBytes = std::max<int64_t>(0, raw.memoryBytes - memoryReserved - f.daemonSets.memoryBytes);
    a.ephemeralBytes = std::max<int64_t>(0, raw.ephemeralBytes - ephemeralReserved);
    a.pods = std::max<int64_t>(0, raw.pods - f.daemonSets.pods);
    return f;
}

const char* capacityWords(Capacity c)
{
    switch (c) {
    case Capacity::OnDemand: return "on-demand";
    case Capacity::Spot: return "Spot";
    case Capacity::Reservation: return "reservation";
    case Capacity::FlexStart: return "flex-start";
    }
    return "on-demand";
}

std::string taintText(const Taint& t)
{
    return t.key + (t.value.empty() ? "" : "=" + t.value) + ":" + toString(t.effect);
}

bool tolerates(const Toleration& tol, const Taint& t)
{
    if (tol.effect && *tol.effect != t.effect)
        return false;
    if (tol.key.empty())
        return tol.op == TolerationOperator::Exists;
    if (tol.key != t.key)
        return false;
    return tol.op == TolerationOperator::Exists || tol.value == t.value;
}

std::string number(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0')
            s.pop_back();
        if (s.back() == '.')
            s.pop_back();
    }
    return s;
}

// Needed and offered amounts in words, precise enough that the two differ when they do.
std::pair<std::string, std::string> amounts(int dim, int64_t need, int64_t offer, const std::string& extName)
{
    if (dim == detail::kCpu) {
        for (int d = 2; d <= 3; ++d) {
            std::string a = number(double(need) / 1000.0, d) + " vCPU", b = number(double(offer) / 1000.0, d) + " vCPU";
            if (a != b || d == 3)
                return {a, b};
        }
    }
    if (dim == detail::kMemory || dim == detail::kEphemeral) {
        const char* what = dim == detail::kMemory ? " memory" : " ephemeral storage";
        std::string a = humanBytes(need), b = humanBytes(offer);
        if (a == b) {
            a = number(double(need) / double(kMi), 1) + " MiB";
            b = number(double(offer) / double(kMi), 1) + " MiB";
        }
        return {a + what, b + what};
    }
    if (dim == detail::kPods)
        return {std::to_string(need) + " Pod slot", std::to_string(offer) + " Pod slots"};
    return {std::to_string(need) + " × " + extName, std::to_string(offer) + " × " + extName};
}

const char* dimConstraint(int dim)
{
    switch (dim) {
    case detail::kCpu: return "CPU";
    case detail::kMemory: return "memory";
    case detail::kEphemeral: return "ephemeral storage";
    case detail::kGpu: return "GPUs";
    case detail::kTpu: return "TPU chips";
    case detail::kPods: return "Pods";
    default: return "";
    }
}

} // namespace

ResourceVector nodeCapacity(const catalog::Catalog& catalog, const Cluster& cluster, const NodePool& pool,
                            const catalog::MachineType& machine, const catalog::AcceleratorAttachment* attachedGpu)
{
    return nodeFacts(catalog, cluster, pool, machine, attachedGpu).raw;
}

ResourceVector allocatable(const catalog::Catalog& catalog, const Cluster& cluster, const NodePool& pool,
                           const catalog::MachineType& machine, ResourceVector* daemonSets,
                           const catalog::AcceleratorAttachment* attachedGpu)
{
    NodeFacts f = nodeFacts(catalog, cluster, pool, machine, attachedGpu);
    if (daemonSets)
        *daemonSets = f.daemonSets;
    return f.allocatable;
}

std::optional<catalog::AcceleratorAttachment> attachedGpu(const Plan& plan, const Cluster& cluster,
                                                          const NodePool& pool, const catalog::MachineType& machine)
{
    return detail::attachedGpuOption(plan, cluster, pool, machine);
}

namespace detail {

std::optional<catalog::AcceleratorAttachment> attachedGpuOption(const Plan& plan, const Cluster& cluster,
                                                                const NodePool& pool, const catalog::MachineType& machine,
                                                                const Workload* alsoPinned)
{
    // GKE N1 machine types take T4 / V100 GPUs as an option and the plan has no field for it:
    // a workload pinned to the pool that asks for one of the options decides the model, and
    // the largest count the machine type allows is taken as attached.
    if (machine.gpu || machine.gpuOptions.empty())
        return std::nullopt;
    auto option = [&](const Workload& w) -> std::optional<catalog::AcceleratorAttachment> {
        if (!w.resources.gpu)
            return std::nullopt;
        for (const auto& o : machine.gpuOptions) {
            if (o.type == w.resources.gpu->type && !o.counts.empty())
                return catalog::AcceleratorAttachment{o.type, *std::max_element(o.counts.begin(), o.counts.end())};
        }
        return std::nullopt;
    };
    if (alsoPinned) {
        if (auto o = option(*alsoPinned))
            return o;
    }
    for (const auto& w : plan.workloads) {
        if (w.cluster != cluster.name || w.pool != pool.name)
            continue;
        if (auto o = option(w))
            return o;
    }
    return std::nullopt;
}

int topologyChips(const std::string& topology)
{
    if (topology.empty())
        return 0;
    int64_t product = 1;
    int64_t current = 0;
    bool digits = false;
    for (char c : topology + "x") {
        if (c >= '0' && c <= '9') {
            current = current * 10 + (c - '0');
            digits = true;
            if (current > 1'000'000)
                return 0;
        } else if (c == 'x' && digits) {
            product *= current;
            if (product > 1'000'000'000)
                return 0;
            current = 0;
            digits = false;
        } else {
            return 0;
        }
    }
    return int(product);
}

FeasibilityCheck makeCheck(const char* constraint, bool ok, const char* code, std::vector<std::string> args)
{
    FeasibilityCheck c;
    c.constraint = constraint;
    c.ok = ok;
    c.code = code;
    c.detail = diag::substitute(diag::messageTemplate(code), args);
    c.args = std::move(args);
    return c;
}

ResourceVector toResourceVector(const std::vector<int64_t>& v, const std::vector<std::string>& extendedNames,
                                int tpuChipsPerHost)
{
    ResourceVector r;
    r.cpuMilli = v[kCpu];
    r.memoryBytes = v[kMemory];
    r.ephemeralBytes = v[kEphemeral];
    r.gpus = v[kGpu];
    r.tpuChips = v[kTpu] * tpuChipsPerHost;
    r.pods = v[kPods];
    for (size_t i = 0; i < extendedNames.size(); ++i) {
        if (v[kFixedDims + i] != 0)
            r.extended[extendedNames[i]] = v[kFixedDims + i];
    }
    return r;
}

std::string acceleratorNeedText(const Workload& w)
{
    const Resources& r = w.resources;
    if (r.gpu) {
        if (!r.gpu->partition.empty())
            return "a " + r.gpu->partition + " partition of " + r.gpu->type;
        return std::to_string(r.gpu->count) + " × " + r.gpu->type;
    }
    if (r.tpu)
        return "TPU " + r.tpu->type + " " + r.tpu->topology;
    return {};
}

std::string acceleratorOfferText(const NodeType& type, const NodePool& pool, const Workload* w)
{
    // In the terms of the request: a TPU pool offers no GPU, a GPU pool offers no TPU.
    const bool wantsGpu = w && w->resources.gpu;
    const bool wantsTpu = w && w->resources.tpu;
    if (type.gpu && !wantsTpu) {
        if (!pool.gpuPartitionSize.empty())
            return pool.gpuPartitionSize + " partitions of " + type.gpu->type;
        return std::to_string(type.gpu->count) + " × " + type.gpu->type;
    }
    if (type.machine && type.machine->tpu && !wantsGpu)
        return "TPU " + type.tpuLabel + " " + pool.tpuTopology;
    if (type.machine && type.machine->neuron && !wantsGpu && !wantsTpu)
        return std::to_string(type.machine->neuron->count) + " × " + type.machine->neuron->type;
    return "none";
}

std::vector<std::string> extendedNamesOf(const std::vector<const Workload*>& workloads, Provider provider)
{
    std::set<std::string> names;
    for (const Workload* w : workloads) {
        for (const auto& [k, v] : w->resources.extended)
            names.insert(k);
        if (provider == Provider::Eks && w->resources.gpu && !w->resources.gpu->partition.empty())
            names.insert(kMigResourcePrefix + w->resources.gpu->partition);
    }
    return {names.begin(), names.end()};
}

std::vector<int64_t> podDemand(const Workload& w, Provider provider, const std::vector<std::string>& extendedNames)
{
    std::vector<int64_t> v(kFixedDims + extendedNames.size(), 0);
    const Resources& r = w.resources;
    v[kCpu] = r.cpuMilli;
    v[kMemory] = r.memoryBytes;
    v[kEphemeral] = r.ephemeralStorageBytes;
    auto ext = [&](const std::string& name) -> int64_t* {
        auto it = std::lower_bound(extendedNames.begin(), extendedNames.end(), name);
        return (it != extendedNames.end() && *it == name) ? &v[kFixedDims + size_t(it - extendedNames.begin())] : nullptr;
    };
    if (r.gpu) {
        if (r.gpu->partition.empty()) {
            v[kGpu] = r.gpu->count;
        } else if (provider == Provider::Gke) {
            v[kGpu] = 1; // one partition, offered as one nvidia.com/gpu
        } else if (int64_t* slot = ext(kMigResourcePrefix + r.gpu->partition)) {
            *slot = 1;
        }
    }
    if (r.tpu)
        v[kTpu] = 1;
    v[kPods] = 1;
    for (const auto& [k, amount] : r.extended) {
        if (int64_t* slot = ext(k))
            *slot = amount;
    }
    return v;
}

PoolTypes buildPoolTypes(const Plan& plan, const catalog::Catalog& cat, const Cluster& cluster, const NodePool& pool,
                         int poolIndex, const std::vector<std::string>& extendedNames, diag::Diagnostics* notes,
                         const Workload* alsoPinned)
{
    PoolTypes out;
    PoolInfo& info = out.info;
    info.pool = &pool;
    info.minNodes = std::max(0, pool.minNodes);
    info.maxNodes = pool.maxNodes ? std::max(0, *pool.maxNodes) : kNoLimit;
    const catalog::PriceBook* book = cat.priceBook(cluster.provider);
    const bool gke = cluster.provider == Provider::Gke;
    const diag::Location where{plan.sourceFile, pool.origin.where.line, pool.origin.where.column};
    for (const auto& name : pool.machineTypes) {
        const catalog::MachineType* m = cat.machineType(cluster.provider, name);
        if (!m) {
            if (info.missingMachine.empty())
                info.missingMachine = name;
            continue;
        }
        NodeType t;
        t.pool = poolIndex;
        t.machine = m;
        const auto attached = attachedGpuOption(plan, cluster, pool, *m, alsoPinned);
        if (attached && notes)
            notes->add("CW373", where, {pool.name, m->name, std::to_string(attached->count), attached->type},
                       cluster.name + "/" + pool.name);
        const NodeFacts f = nodeFacts(cat, cluster, pool, *m, attached ? &*attached : nullptr);
        t.gpu = f.gpu;

        const catalog::MachinePrice mp = cat.machinePrice(cluster.provider, *m, pool.capacity);
        double price = mp.usdPerHour;
        bool known = mp.known;
        bool unverified = mp.unverified;
        if (attached) {
            const auto* acc = book ? book->acceleratorPrice(attached->type) : nullptr;
            const catalog::PricePoint* point = nullptr;
            if (acc)
                point = (pool.capacity == Capacity::Spot && !acc->spot.source.empty()) ? &acc->spot : &acc->onDemand;
            if (point && point->isKnown())
                price += point->value() * attached->count;
            else
                known = false;
            unverified = unverified || (point && point->unverified);
        }
        t.price = price;

        if (m->tpu) {
            if (const catalog::TpuGeneration* g = cat.tpuGeneration(m->tpu->generation))
                t.tpuLabel = g->acceleratorLabel;
            t.tpuChips = m->tpu->chips;
            const int chips = topologyChips(pool.tpuTopology);
            if (t.tpuChips > 0 && chips > t.tpuChips)
                t.hostsPerSlice = (chips + t.tpuChips - 1) / t.tpuChips;
        }

        NodeGroup& g = t.group;
        g.pool = pool.name;
        g.machineType = m->name;
        g.capacity = pool.capacity;
        g.hourlyPricePerNode = price;
        g.priceKnown = known;
        g.priceUnverified = unverified;
        g.capacityPerNode = f.raw;
        g.allocatablePerNode = f.allocatable;
        g.daemonSetsPerNode = f.daemonSets;
        g.gpuType = f.gpu ? f.gpu->type : std::string();
        g.migPartition = f.gpu ? pool.gpuPartitionSize : std::string();
        g.tpuTopology = m->tpu ? pool.tpuTopology : std::string();
        g.hostsPerSlice = m->tpu ? t.hostsPerSlice : 0;

        // Labels: the pool's, then the well-known ones every node carries.
        t.labels = pool.labels;
        t.labels[kLabelInstanceType] = m->name;
        if (gke) {
            t.labels[kLabelGkeNodePool] = pool.name;
            if (f.gpu) {
                t.labels[kLabelGkeAccelerator] = f.gpu->type;
                if (!pool.gpuPartitionSize.empty())
                    t.labels[kLabelGkePartition] = pool.gpuPartitionSize;
            }
            if (m->tpu) {
                t.labels[kLabelGkeTpuAccelerator] = t.tpuLabel;
                t.labels[kLabelGkeTpuTopology] = pool.tpuTopology;
            }
            if (pool.capacity == Capacity::Spot)
                t.labels[kLabelGkeSpot] = "true";
        } else {
            t.labels[kLabelEksNodeGroup] = pool.name;
            t.labels[kLabelKarpenterCapacity] = pool.capacity == Capacity::Spot          ? "spot"
                                                : pool.capacity == Capacity::Reservation ? "reserved"
                                                                                         : "on-demand";
            t.labels[kLabelEksCapacity] = pool.capacity == Capacity::Spot ? "SPOT" : "ON_DEMAND";
        }

        // Taints: the pool's, then those GKE adds to accelerator nodes.
        t.taints = pool.taints;
        t.autoTaint.assign(t.taints.size(), false);
        auto addAutoTaint = [&](const char* key) {
            for (const auto& existing : t.taints) {
                if (existing.key == key && existing.effect == TaintEffect::NoSchedule)
                    return;
            }
            t.taints.push_back(Taint{key, kTaintValuePresent, TaintEffect::NoSchedule});
            t.autoTaint.push_back(true);
        };
        if (gke && f.gpu)
            addAutoTaint(kTaintGpu);
        if (gke && m->tpu)
            addAutoTaint(kTaintTpu);

        t.cap.assign(kFixedDims + extendedNames.size(), 0);
        t.cap[kCpu] = f.allocatable.cpuMilli;
        t.cap[kMemory] = f.allocatable.memoryBytes;
        t.cap[kEphemeral] = f.allocatable.ephemeralBytes;
        t.cap[kGpu] = f.allocatable.gpus;
        t.cap[kTpu] = m->tpu ? 1 : 0;
        t.cap[kPods] = f.allocatable.pods;
        for (size_t i = 0; i < extendedNames.size(); ++i) {
            auto it = f.allocatable.extended.find(extendedNames[i]);
            t.cap[kFixedDims + i] = it == f.allocatable.extended.end() ? 0 : it->second;
        }
        info.hostsPerSlice = std::max(info.hostsPerSlice, t.hostsPerSlice);
        out.types.push_back(std::move(t));
    }
    if (info.hostsPerSlice > 1) {
        const int h = info.hostsPerSlice;
        const int rounded = (info.minNodes + h - 1) / h * h;
        if (rounded != info.minNodes && notes)
            notes->add("CW372", where, {pool.name, std::to_string(info.minNodes), std::to_string(rounded), std::to_string(h)},
                       cluster.name + "/" + pool.name);
        info.minNodes = rounded;
        if (info.maxNodes != kNoLimit)
            info.maxNodes = info.maxNodes / h * h;
    }
    return out;
}

bool checkOnType(const Plan& plan, const catalog::Catalog& cat, const Cluster& cluster, const Workload& w,
                 const std::vector<int64_t>& demand, const NodeType& type, const PoolInfo& poolInfo,
                 const std::vector<std::string>& extendedNames, std::vector<FeasibilityCheck>* checks,
                 bool stopAtFirstFailure)
{
    (void)plan;
    const NodePool& pool = *poolInfo.pool;
    const bool verbose = checks && !stopAtFirstFailure;
    bool allOk = true;
    // Reports one check; returns false when the caller should stop.
    auto report = [&](bool ok, auto&& build) -> bool {
        if (checks && (verbose || !ok))
            checks->push_back(build());
        if (!ok) {
            allOk = false;
            if (!checks || stopAtFirstFailure)
                return false;
        }
        return true;
    };

    // Capacity type: Spot capacity only for workloads that tolerate it.
    {
        const bool ok = !(pool.capacity == Capacity::Spot && !w.spot);
        if (!report(ok, [&] {
                return ok ? makeCheck("capacity type", true, "CW353", {pool.name, capacityWords(pool.capacity)})
                          : makeCheck("capacity type", false, "CW307", {pool.name});
            }))
            return false;
    }

    // Accelerator model, MIG partition and TPU generation / topology.
    {
        const Resources& r = w.resources;
        bool ok = true;
        if (r.gpu) {
            ok = type.gpu && type.gpu->type == r.gpu->type && pool.gpuPartitionSize == r.gpu->partition;
        } else if (r.tpu) {
            const catalog::TpuGeneration* want = cat.tpuGeneration(r.tpu->type);
            const catalog::TpuGeneration* have = type.machine->tpu ? cat.tpuGeneration(type.machine->tpu->generation) : nullptr;
            ok = have && (want ? want == have : r.tpu->type == type.tpuLabel) && pool.tpuTopology == r.tpu->topology;
        }
        if (!report(ok, [&] {
                if (!r.gpu && !r.tpu)
                    return makeCheck("accelerator", true, "CW350", {});
                return makeCheck("accelerator", ok, "CW301", {acceleratorNeedText(w), pool.name, acceleratorOfferText(type, pool, &w)});
            }))
            return false;
    }

    // Node selector against the pool's labels and the well-known labels.
    if (w.nodeSelector.empty()) {
        report(true, [&] { return makeCheck("node selector", true, "CW354", {}); });
    } else {
        for (const auto& [k, v] : w.nodeSelector) {
            auto it = type.labels.find(k);
            const bool ok = it != type.labels.end() && it->second == v;
            if (!report(ok, [&] {
                    if (it == type.labels.end())
                        return makeCheck("node selector", false, "CW304", {k, v, pool.name});
                    return makeCheck("node selector", ok, "CW303", {k, v, pool.name, it->second});
                }))
                return false;
        }
    }

    // Taints (NoSchedule and NoExecute; PreferNoSchedule does not keep a Pod away).
    {
        const bool gke = cluster.provider == Provider::Gke;
        std::string tolerated;
        for (size_t i = 0; i < type.taints.size(); ++i) {
            const Taint& t = type.taints[i];
            if (t.effect == TaintEffect::PreferNoSchedule)
                continue;
            bool ok = std::any_of(w.tolerations.begin(), w.tolerations.end(),
                                  [&](const Toleration& tol) { return tolerates(tol, t); });
            // GKE gives Pods that request GPUs or TPUs the toleration for the taint it puts on
            // those nodes (the key with operator Exists).
            if (!ok && gke && t.effect == TaintEffect::NoSchedule
                && ((t.key == kTaintGpu && w.resources.gpu) || (t.key == kTaintTpu && w.resources.tpu)))
                ok = true;
            if (ok) {
                tolerated += (tolerated.empty() ? "" : ", ") + taintText(t);
                continue;
            }
            if (!report(false, [&] {
                    if (i < type.autoTaint.size() && type.autoTaint[i])
                        return makeCheck("taints", false, "CW306", {t.key == kTaintGpu ? "GPU" : "TPU", pool.name, taintText(t)});
                    return makeCheck("taints", false, "CW305", {pool.name, taintText(t)});
                }))
                return false;
        }
        if (verbose) {
            if (tolerated.empty())
                checks->push_back(makeCheck("taints", true, "CW351", {pool.name}));
            else
                checks->push_back(makeCheck("taints", true, "CW352", {tolerated}));
        }
    }

    // Multi-host TPU slices: one replica per host of every slice.
    if (w.resources.tpu && type.machine->tpu && type.hostsPerSlice > 1) {
        const int h = type.hostsPerSlice;
        const int slices = std::max(1, w.resources.tpu->slices);
        const bool ok = w.replicas == slices * h;
        if (!report(ok, [&] {
                if (ok)
                    return makeCheck("TPU slice", true, "CW356", {pool.tpuTopology, type.machine->name, std::to_string(h),
                                                                  std::to_string(w.replicas), std::to_string(slices)});
                return makeCheck("TPU slice", false, "CW311", {pool.tpuTopology, type.machine->name, std::to_string(h),
                                                               std::to_string(slices * h), std::to_string(slices),
                                                               std::to_string(w.replicas)});
            }))
            return false;
    }

    // Resources, dimension by dimension.
    for (size_t d = 0; d < demand.size(); ++d) {
        if (demand[d] == 0 && d != size_t(kPods))
            continue;
        const bool ok = demand[d] <= type.cap[d];
        if (!ok || verbose) {
            std::string extName = d >= size_t(kFixedDims) ? extendedNames[d - kFixedDims] : std::string();
            const char* constraint = d >= size_t(kFixedDims) ? "" : dimConstraint(int(d));
            if (!report(ok, [&] {
                    std::string need, offer;
                    if (d == size_t(kGpu)) {
                        const std::string model = type.gpu ? type.gpu->type
                                                           : (w.resources.gpu ? w.resources.gpu->type : std::string("GPU"));
                        const std::string unit = pool.gpuPartitionSize.empty() ? model : pool.gpuPartitionSize + " partitions of " + model;
                        need = std::to_string(demand[d]) + " × " + (w.resources.gpu ? w.resources.gpu->type : model);
                        offer = std::to_string(type.cap[d]) + " × " + unit;
                    } else if (d == size_t(kTpu)) {
                        need = std::to_string(type.tpuChips) + " TPU chips (a whole host)";
                        offer = std::to_string(type.cap[d] * type.tpuChips) + " TPU chips";
                    } else {
                        std::tie(need, offer) = amounts(int(d), demand[d], type.cap[d], extName);
                    }
                    FeasibilityCheck c = makeCheck(constraint, ok, "CW302", {need, pool.name, type.machine->name, offer});
                    if (!extName.empty())
                        c.constraint = extName;
                    return c;
                }))
                return false;
        }
    }

    // Pool limits that rule the pool out whatever else is placed.
    if (poolInfo.maxNodes == 0) {
        report(false, [&] { return makeCheck("max nodes", false, "CW309", {pool.name}); });
        return false;
    }
    if (w.resources.tpu && type.hostsPerSlice > 1 && poolInfo.maxNodes != kNoLimit && poolInfo.maxNodes < type.hostsPerSlice) {
        report(false, [&] {
            return makeCheck("max nodes", false, "CW312", {pool.name, std::to_string(pool.maxNodes.value_or(0)),
                                                           std::to_string(type.hostsPerSlice), pool.tpuTopology});
        });
        return false;
    }
    return allOk;
}

Problem buildProblem(const Plan& plan, const catalog::Catalog& cat, const Cluster& cluster)
{
    Problem p;
    p.plan = &plan;
    p.cluster = &cluster;
    p.catalog = &cat;
    const std::vector<const Workload*> workloads = plan.workloadsOf(cluster.name);
    p.extendedNames = extendedNamesOf(workloads, cluster.provider);
    p.dims = kFixedDims + int(p.extendedNames.size());
    for (size_t i = 0; i < cluster.nodePools.size(); ++i) {
        PoolTypes pt = buildPoolTypes(plan, cat, cluster, cluster.nodePools[i], int(i), p.extendedNames, &p.notes);
        for (auto& t : pt.types) {
            pt.info.types.push_back(int(p.types.size()));
            p.types.push_back(std::move(t));
        }
        p.pools.push_back(std::move(pt.info));
    }
    p.eligibleMatrix.assign(workloads.size() * p.types.size(), 0);
    for (size_t i = 0; i < workloads.size(); ++i) {
        const Workload& w = *workloads[i];
        Shape s;
        s.workload = &w;
        s.index = int(i);
        s.replicas = std::max(0, w.replicas);
        s.demand = podDemand(w, cluster.provider, p.extendedNames);
        s.maxPerNode = w.maxPerNode > 0 ? w.maxPerNode : kNoLimit;
        s.tpu = w.resources.tpu.has_value();
        s.tpuSlices = s.tpu ? std::max(1, w.resources.tpu->slices) : 1;
        s.gang = w.gang || (s.tpu && s.tpuSlices > 1);
        s.hours = plan.hoursPerMonthOf(w);
        for (size_t t = 0; t < p.types.size(); ++t) {
            const NodeType& type = p.types[t];
            const PoolInfo& pool = p.pools[size_t(type.pool)];
            if (w.isPinned() && pool.pool->name != w.pool)
                continue;
            if (checkOnType(plan, cat, cluster, w, s.demand, type, pool, p.extendedNames, nullptr, true)) {
                s.eligible.push_back(int(t));
                p.eligibleMatrix[i * p.types.size() + t] = 1;
            }
        }
        p.shapes.push_back(std::move(s));
    }
    return p;
}

} // namespace detail
} // namespace cw::solve
