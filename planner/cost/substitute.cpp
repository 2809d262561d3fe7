// SPDX-License-Identifier: GPL-3.0-or-later
#include "substitute.h"

#include "costutil.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace cw::cost {

using namespace detail;
using catalog::Catalog;
using catalog::MachineType;
using model::Provider;
using model::Workload;

const char* toString(MatchKind k)
{
    switch (k) {
    case MatchKind::Same: return "same";
    case MatchKind::Equivalent: return "equivalent";
    case MatchKind::Substitute: return "substitute";
    case MatchKind::Impossible: return "impossible";
    }
    return "same";
}

namespace {

const char* kNeuron = "aws.amazon.com/neuron";

bool carries(const MachineType& m, const std::string& gpuType)
{
    if (m.gpu && m.gpu->type == gpuType)
        return true;
    return std::any_of(m.gpuOptions.begin(), m.gpuOptions.end(),
                       [&](const catalog::GpuOption& o) { return o.type == gpuType; });
}

std::vector<std::string> carriers(const catalog::PriceBook& book, const std::string& gpuType)
{
    std::vector<std::string> out;
    for (const auto& m : book.machineTypes) {
        if (carries(m, gpuType))
            out.push_back(m.name);
    }
    return out;
}

std::string providerName(Provider p) { return p == Provider::Gke ? "GKE" : "EKS"; }

// Extended resources that belong to one provider's devices.
bool foreignResource(const std::string& name, Provider target)
{
    const bool aws = name.rfind("aws.amazon.com/", 0) == 0 || name.rfind("vpc.amazonaws.com/", 0) == 0;
    const bool google = name.rfind("google.com/", 0) == 0 || name.rfind("cloud.google.com/", 0) == 0;
    return target == Provider::Gke ? aws : google;
}

// What the DaemonSets of the catalog take on an accelerator node of the target provider.
void catalogDaemonSets(const Catalog& cat, Provider p, bool gpu, bool neuron, int64_t& cpu, int64_t& mem)
{
    auto it = cat.rules().daemonSets.find(p);
    if (it == cat.rules().daemonSets.end())
        return;
    for (const auto& d : it->second) {
        if (d.nodes == model::DaemonSetNodes::All || (d.nodes == model::DaemonSetNodes::Gpu && gpu)
            || (d.nodes == model::DaemonSetNodes::Neuron && neuron)) {
            cpu += d.cpuMilli;
            mem += d.memoryBytes;
        }
    }
}

struct Device {
    const catalog::Accelerator* acc = nullptr;
    int count = 0;
    bool neuron = false;
};

std::optional<Device> deviceOf(const MachineType& m, const Catalog& cat)
{
    if (m.gpu) {
        if (const auto* a = cat.accelerator(m.gpu->type))
            return Device{a, m.gpu->count, false};
    }
    if (m.neuron) {
        if (const auto* a = cat.accelerator(m.neuron->type))
            return Device{a, m.neuron->count, true};
    }
    return std::nullopt;
}

struct Pick {
    const MachineType* machine = nullptr;
    Device device;
    int devicesPerPod = 0;  // per Pod search: devices of one instance the Pod takes
    int instances = 0;      // per slice search: whole instances
    double cost = 0;
};

void noteSources(Translation& t, const catalog::Accelerator& a)
{
    if (a.fact.confidence == catalog::Confidence::Memory)
        t.fromMemory = true;
    if (!a.fact.source.empty() && std::find(t.sources.begin(), t.sources.end(), a.fact.source) == t.sources.end())
        t.sources.push_back(a.fact.source);
}

// The cheapest share of one instance whose devices give at least the need, per Pod.
std::optional<Pick> cheapestPerPod(const Catalog& cat, Provider target, double tflops, double memGiB, bool allowNeuron)
{
    const catalog::PriceBook* book = cat.priceBook(target);
    if (!book)
        return std::nullopt;
    std::optional<Pick> best;
    for (const auto& m : book->machineTypes) {
        auto dev = deviceOf(m, cat);
        if (!dev || (dev->neuron && !allowNeuron) || dev->acc->bf16Tflops <= 0 || dev->acc->memoryGiB <= 0)
            continue;
        const auto price = cat.machinePrice(target, m, model::Capacity::OnDemand);
        if (!price.known)
            continue;
        for (int k = 1; k <= dev->count; ++k) {
            if (k * dev->acc->bf16Tflops + 1e-9 < tflops || k * dev->acc->memoryGiB + 1e-9 < memGiB)
                continue;
            Pick p{&m, *dev, k, 1, price.usdPerHour * k / dev->count};
            const bool better = !best || p.cost < best->cost - 1e-9
                             || (std::abs(p.cost - best->cost) <= 1e-9 && p.devicesPerPod < best->devicesPerPod);
            if (better)
                best = p;
            break;
        }
    }
    return best;
}

// The cheapest set of whole instances with at least the need; several only with EFA.
std::optional<Pick> cheapestInstances(const Catalog& cat, Provider target, double tflops, double memGiB)
{
    const catalog::PriceBook* book = cat.priceBook(target);
    if (!book)
        return std::nullopt;
    std::optional<Pick> best;
    for (const auto& m : book->machineTypes) {
        auto dev = deviceOf(m, cat);
        if (!dev || dev->acc->bf16Tflops <= 0 || dev->acc->memoryGiB <= 0)
            continue;
        const auto price = cat.machinePrice(target, m, model::Capacity::OnDemand);
        if (!price.known)
            continue;
        const double perTf = dev->count * dev->acc->bf16Tflops;
        const double perMem = dev->count * dev->acc->memoryGiB;
        const int n = int(std::max(std::ceil(tflops / perTf - 1e-9), std::ceil(memGiB / perMem - 1e-9)));
        const int instances = std::max(1, n);
        if (instances > 1 && m.efaInterfaces <= 0)
            continue; // a multi-instance job needs a fast fabric, as the TPU slice had ICI
        Pick p{&m, *dev, dev->count, instances, price.usdPerHour * instances};
        const bool better = !best || p.cost < best->cost - 1e-9
                         || (std::abs(p.cost - best->cost) <= 1e-9 && p.instances < best->instances);
        if (better)
            best = p;
    }
    return best;
}

std::string fmt(double v)
{
    return number(std::round(v * 100.0) / 100.0);
}

void setDevices(Workload& w, const Pick& p)
{
    w.resources.gpu.reset();
    w.resources.tpu.reset();
    w.resources.extended.erase(kNeuron);
    if (p.device.neuron) {
        w.resources.extended[kNeuron] = p.devicesPerPod;
    } else {
        model::GpuRequest g;
        g.type = p.device.acc->name;
        g.count = p.devicesPerPod;
        w.resources.gpu = g;
    }
}

// The Neuron device type an EKS workload runs on: its pool's, else its cluster's.
const catalog::Accelerator* neuronTypeOf(const Workload& w, const model::Plan& plan, const Catalog& cat)
{
    const model::Cluster* c = plan.cluster(w.cluster);
    if (!c)
        return nullptr;
    auto fromPool = [&](const model::NodePool& pool) -> const catalog::Accelerator* {
        for (const auto& name : pool.machineTypes) {
            const MachineType* m = cat.machineType(c->provider, name);
            if (m && m->neuron)
                return cat.accelerator(m->neuron->type);
        }
        return nullptr;
    };
    if (w.isPinned()) {
        if (const auto* p = c->pool(w.pool))
            return fromPool(*p);
    }
    for (const auto& p : c->nodePools) {
        if (const auto* a = fromPool(p))
            return a;
    }
    return nullptr;
}

} // namespace

Translation translateWorkload(const Workload& w, const model::Plan& plan, Provider target, const Catalog& cat)
{
    Translation t;
    t.target = target;
    t.workload = w;
    const model::Cluster* source = plan.cluster(w.cluster);
    const Provider from = source ? source->provider : target;
    const catalog::PriceBook* book = cat.priceBook(target);
    if (from == target) {
        if (book && w.resources.gpu)
            t.machineTypes = carriers(*book, w.resources.gpu->type);
        return t;
    }

    Workload& out = t.workload;
    out.pool.clear();
    out.nodeSelector.clear();
    for (auto it = out.resources.extended.begin(); it != out.resources.extended.end();) {
        if (it->first != kNeuron && foreignResource(it->first, target)) {
            t.notes.push_back(note("CW615", {w.name, it->first, providerName(target)}, w.name));
            it = out.resources.extended.erase(it);
        } else {
            ++it;
        }
    }
    if (!book) {
        t.kind = MatchKind::Impossible;
        return t;
    }

    auto impossible = [&](const std::string& what, double tf, double mem) {
        t.kind = MatchKind::Impossible;
        t.neededTflops = tf;
        t.neededMemoryGiB = mem;
        t.notes.push_back(note("CW612", {w.name, providerName(target) + " " + what, fmt(tf), fmt(mem)}, w.name));
        return t;
    };
    auto substituted = [&](const Pick& p, double tf, double mem, const std::string& fromText) {
        t.kind = MatchKind::Substitute;
        t.from = fromText;
        t.neededTflops = tf;
        t.neededMemoryGiB = mem;
        t.machineTypes = {p.machine->name};
        noteSources(t, *p.device.acc);
    };

    // A GPU: the same model where the target has it, the equivalent family, or a substitute.
    if (const auto& g = w.resources.gpu) {
        const catalog::Accelerator* acc = cat.accelerator(g->type);
        const int count = g->partition.empty() ? std::max(1, g->count) : 1;
        t.from = std::to_string(count) + " × " + g->type + (g->partition.empty() ? "" : " " + g->partition);
        if (target == Provider::Eks) {
            auto eq = std::find_if(cat.rules().equivalents.begin(), cat.rules().equivalents.end(),
                                   [&](const catalog::Equivalent& e) { return e.gke == g->type; });
            if (eq != cat.rules().equivalents.end()) {
                std::vector<std::string> family;
                std::string familyGpu;
                for (const auto& m : book->machineTypes) {
                    if (m.family == eq->eksFamily && m.gpu) {
                        family.push_back(m.name);
                        familyGpu = m.gpu->type;
                    }
                }
                if (!family.empty()) {
                    t.kind = MatchKind::Equivalent;
                    t.family = eq->eksFamily;
                    t.machineTypes = family;
                    if (familyGpu != g->type)
                        out.resources.gpu->type = familyGpu;
                    t.to = std::to_string(count) + " × " + familyGpu + (g->partition.empty() ? "" : " " + g->partition)
                         + " (" + eq->eksFamily + ")";
                    t.notes.push_back(note("CW618", {w.name, providerName(target), eq->eksFamily}, w.name));
                    return t;
                }
            }
        }
        if (auto names = carriers(*book, g->type); !names.empty()) {
            t.kind = MatchKind::Same;
            t.machineTypes = names;
            t.from.clear();
            return t;
        }
        if (!acc || acc->bf16Tflops <= 0)
            return impossible("GPU", 0, 0);
        double tf = acc->bf16Tflops * count;
        double mem = acc->memoryGiB * count;
        if (!g->partition.empty()) {
            if (const auto* prof = acc->migProfile(g->partition)) {
                tf = acc->bf16Tflops * prof->computeSlices / 7.0;
                mem = prof->memoryGiB;
            }
        }
        noteSources(t, *acc);
        auto pick = cheapestPerPod(cat, target, tf, mem, false);
        if (!pick)
            return impossible("GPU", tf, mem);
        substituted(*pick, tf, mem, t.from);
        setDevices(out, *pick);
        t.providedTflops = pick->devicesPerPod * pick->device.acc->bf16Tflops;
        t.providedMemoryGiB = pick->devicesPerPod * pick->device.acc->memoryGiB;
        t.configurationHourly = pick->cost;
        t.to = std::to_string(pick->devicesPerPod) + " × " + pick->device.acc->name + " (" + pick->machine->name + ")";
        t.notes.push_back(note("CW611", {w.name, providerName(target), t.from + " → " + t.to}, w.name));
        return t;
    }

    // A TPU slice on EKS: whole Trainium or GPU instances with at least the slice's
    // bf16 TFLOPs and HBM.
    if (const auto& tpu = w.resources.tpu) {
        if (target == Provider::Gke)
            return t;
        const catalog::TpuGeneration* gen = cat.tpuGeneration(tpu->type);
        const int chips = topologyChips(tpu->topology);
        if (!gen || chips == 0 || gen->bf16Tflops <= 0)
            return impossible("Trainium or GPU", 0, 0);
        const double tf = chips * gen->bf16Tflops;
        const double mem = chips * gen->hbmGiB;
        if (gen->fact.confidence == catalog::Confidence::Memory)
            t.fromMemory = true;
        if (!gen->fact.source.empty())
            t.sources.push_back(gen->fact.source);
        auto pick = cheapestInstances(cat, target, tf, mem);
        if (!pick)
            return impossible("Trainium or GPU", tf, mem);
        const int slices = std::max(1, tpu->slices);
        substituted(*pick, tf, mem,
                    std::to_string(chips) + " × TPU " + gen->name + " chip (" + tpu->topology + ")"
                        + (slices > 1 ? " × " + std::to_string(slices) + " slices" : ""));
        setDevices(out, *pick);
        out.replicas = pick->instances * slices;
        out.gang = w.gang || out.replicas > 1;
        out.maxPerNode = 1;
        // The host CPU and memory the TPU workers asked for, spread over the instances,
        // within what one instance offers to Pods.
        const auto& rules = cat.rules().allocatable;
        if (auto it = rules.find(target); it != rules.end()) {
            int64_t dsCpu = 0, dsMem = 0;
            catalogDaemonSets(cat, target, !pick->device.neuron, pick->device.neuron, dsCpu, dsMem);
            const NodeRoom room = nodeRoom(it->second, *pick->machine, dsCpu, dsMem);
            out.resources.cpuMilli = std::min(room.cpuMilli, ceilDiv(w.resources.cpuMilli * w.replicas, out.replicas));
            out.resources.memoryBytes = std::min(room.memoryBytes,
                                                 ceilDiv(w.resources.memoryBytes * w.replicas, out.replicas));
        }
        t.providedTflops = pick->instances * pick->device.count * pick->device.acc->bf16Tflops;
        t.providedMemoryGiB = pick->instances * pick->device.count * pick->device.acc->memoryGiB;
        t.configurationHourly = pick->cost * slices;
        t.to = std::to_string(pick->instances * slices) + " × " + pick->machine->name + " ("
             + std::to_string(pick->device.count) + " × " + pick->device.acc->name + " each)";
        t.notes.push_back(note("CW611", {w.name, providerName(target), t.from + " → " + t.to}, w.name));
        return t;
    }

    // AWS Neuron devices on GKE: a GPU with at least the devices' bf16 TFLOPs and memory.
    if (auto it = w.resources.extended.find(kNeuron); it != w.resources.extended.end() && target == Provider::Gke) {
        const int64_t devices = std::max<int64_t>(1, it->second);
        const catalog::Accelerator* acc = neuronTypeOf(w, plan, cat);
        if (!acc || acc->bf16Tflops <= 0)
            return impossible("GPU", 0, 0);
        const double tf = acc->bf16Tflops * double(devices);
        const double mem = acc->memoryGiB * double(devices);
        noteSources(t, *acc);
        auto pick = cheapestPerPod(cat, target, tf, mem, false);
        if (!pick)
            return impossible("GPU", tf, mem);
        substituted(*pick, tf, mem, std::to_string(devices) + " × " + acc->name);
        setDevices(out, *pick);
        t.providedTflops = pick->devicesPerPod * pick->device.acc->bf16Tflops;
        t.providedMemoryGiB = pick->devicesPerPod * pick->device.acc->memoryGiB;
        t.configurationHourly = pick->cost;
        t.to = std::to_string(pick->devicesPerPod) + " × " + pick->device.acc->name + " (" + pick->machine->name + ")";
        t.notes.push_back(note("CW611", {w.name, providerName(target), t.from + " → " + t.to}, w.name));
        return t;
    }
    return t;
}

} // namespace cw::cost
