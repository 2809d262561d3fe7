// SPDX-License-Identifier: GPL-3.0-or-later
#include "costutil.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace cw::cost::detail {

std::string number(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

std::string money(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}

diag::Diagnostic note(const std::string& code, std::vector<std::string> args, const std::string& object)
{
    diag::Diagnostic d;
    d.code = code;
    d.severity = diag::defaultSeverity(code);
    d.args = std::move(args);
    d.object = object;
    return d;
}

namespace {

// The reserved amount for a capacity under tiered fractions: each band of the capacity
// contributes its fraction; a tier without upTo covers everything above.
int64_t tiered(int64_t capacity, const std::vector<catalog::Tier>& tiers)
{
    double reserved = 0;
    int64_t from = 0;
    for (const auto& t : tiers) {
        const int64_t to = t.upTo ? std::min(*t.upTo, capacity) : capacity;
        if (to > from)
            reserved += double(to - from) * t.fraction;
        if (!t.upTo || *t.upTo >= capacity)
            break;
        from = *t.upTo;
    }
    return int64_t(reserved + 0.5);
}

} // namespace

NodeRoom nodeRoom(const catalog::AllocatableRules& rules, const catalog::MachineType& machine,
                  int64_t daemonSetCpuMilli, int64_t daemonSetMemory)
{
    const int64_t cpu = int64_t(machine.vcpu * 1000.0 + 0.5);
    const int64_t mem = int64_t(machine.memoryGiB * kBytesPerGiB + 0.5);
    int64_t memReserved = 0;
    if (!rules.memoryTiers.empty()) {
        memReserved = (rules.smallMachineBelow > 0 && mem < rules.smallMachineBelow) ? rules.smallMachineReserved
                                                                                    : tiered(mem, rules.memoryTiers);
    } else {
        const int maxPods = machine.maxPods.value_or(rules.maxPodsPerNode);
        memReserved = rules.memoryBase + rules.memoryPerPod * maxPods;
    }
    NodeRoom room;
    room.cpuMilli = std::max<int64_t>(0, cpu - tiered(cpu, rules.cpuTiers) - daemonSetCpuMilli);
    room.memoryBytes = std::max<int64_t>(0, mem - memReserved - rules.eviction - daemonSetMemory);
    return room;
}

void daemonSetLoad(const std::vector<model::DaemonSet>& daemonSets, bool gpu, bool tpu, bool neuron,
                   int64_t& cpuMilli, int64_t& memoryBytes)
{
    for (const auto& d : daemonSets) {
        const bool runs = d.nodes == model::DaemonSetNodes::All || (d.nodes == model::DaemonSetNodes::Gpu && gpu)
                       || (d.nodes == model::DaemonSetNodes::Tpu && tpu)
                       || (d.nodes == model::DaemonSetNodes::Neuron && neuron);
        if (runs) {
            cpuMilli += d.cpuMilli;
            memoryBytes += d.memoryBytes;
        }
    }
}

int topologyChips(const std::string& topology)
{
    if (topology.empty())
        return 0;
    std::stringstream ss(topology);
    std::string part;
    long product = 1;
    while (std::getline(ss, part, 'x')) {
        if (part.empty() || part.size() > 4 || !std::all_of(part.begin(), part.end(), ::isdigit))
            return 0;
        product *= std::stol(part);
        if (product <= 0 || product > 1'000'000)
            return 0;
    }
    return int(product);
}

bool usePrice(const catalog::PricePoint& p, double& value, bool& unverified)
{
    unverified = unverified || p.unverified;
    if (!p.isKnown()) {
        value = 0;
        return false;
    }
    value = p.value();
    return true;
}

} // namespace cw::cost::detail
