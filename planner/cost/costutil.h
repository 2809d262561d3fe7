// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small helpers shared by the cost module's sources; not part of its interface.

#include "catalog/catalog.h"
#include "diag/diagnostic.h"
#include "model/plan.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cw::cost::detail {

constexpr double kBytesPerGiB = 1024.0 * 1024.0 * 1024.0;

inline double gib(int64_t bytes) { return double(bytes) / kBytesPerGiB; }
inline double vcpu(int64_t milli) { return double(milli) / 1000.0; }
inline int64_t ceilDiv(int64_t a, int64_t b) { return b <= 0 ? 0 : (a + b - 1) / b; }

// "%.6g" for the parts of a price ("VM 0.44038"), "%.4f" for amounts shown to people.
std::string number(double v);
std::string money(double v);

// A diagnostic with the code's default severity, about one object (a workload, a cluster).
diag::Diagnostic note(const std::string& code, std::vector<std::string> args, const std::string& object = {});

// CPU (millicores) and memory (bytes) a node of this machine offers to Pods after the
// catalog's kube/system reservation and eviction threshold, minus the DaemonSets given.
struct NodeRoom {
    int64_t cpuMilli = 0;
    int64_t memoryBytes = 0;
};
NodeRoom nodeRoom(const catalog::AllocatableRules& rules, const catalog::MachineType& machine,
                  int64_t daemonSetCpuMilli = 0, int64_t daemonSetMemory = 0);

// The plan's DaemonSets that run on a node with (or without) GPUs / TPUs / Neuron devices.
void daemonSetLoad(const std::vector<model::DaemonSet>& daemonSets, bool gpu, bool tpu, bool neuron,
                   int64_t& cpuMilli, int64_t& memoryBytes);

// The number of chips in a TPU topology ("4x4" → 16, "2x2x4" → 16); 0 when malformed.
int topologyChips(const std::string& topology);

// True when every price point used is known; sets unverified when one is unverified.
bool usePrice(const catalog::PricePoint& p, double& value, bool& unverified);

} // namespace cw::cost::detail
