// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diag/diagnostic.h"
#include "model/plan.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw::io {

// The result of reading a plan file: the plan when it has no errors, and every diagnostic
// (errors and warnings) with its file:line:col.
struct PlanReadResult {
    std::optional<model::Plan> plan;
    diag::Diagnostics diagnostics;
    bool ok() const { return plan.has_value(); }
};

// Limits beyond which a value is certainly a mistake.
struct PlanLimits {
    static constexpr int kMaxReplicas = 1'000'000;
    static constexpr int64_t kMaxPodCpuMilli = 100'000'000;          // 100,000 vCPU
    static constexpr int64_t kMaxPodMemory = 100LL << 40;            // 100 TiB
    static constexpr int64_t kMaxPodStorage = 100LL << 40;           // 100 TiB
    static constexpr int kMaxGpusPerPod = 64;
    static constexpr int kMaxNodes = 65'000;
    static constexpr int kMaxHoursPerMonth = 744;
    // Names: GKE cluster and node-pool names are at most 40 characters and start with a
    // letter; workloads, namespaces and DaemonSets are RFC 1123 labels of at most 63.
    static constexpr size_t kMaxClusterNameLength = 40;     // GKE
    static constexpr size_t kMaxEksClusterNameLength = 100;
    static constexpr size_t kMaxPoolNameLength = 40;
    static constexpr size_t kMaxWorkloadNameLength = 63;
    static constexpr int kMaxPerNode = 1000;
    static constexpr int kMaxPodsPerNode = 1000;
    static constexpr int kMinDiskGiB = 10;
    static constexpr int64_t kMaxDiskGiB = 65536;
    static constexpr int kMinSharedClientsPerGpu = 2;
    static constexpr int kMaxSharedClientsPerGpu = 48;
    static constexpr int kMaxTpuSlices = 1024;
    static constexpr int kMaxRunHours = 168;                         // DWS: 7 days at most
    static constexpr int kMaxPort = 65535;
    static constexpr int64_t kMaxDataSizeGiB = 1LL << 30;
    static constexpr int64_t kMaxDataFiles = 1'000'000'000'000LL;
    static constexpr int64_t kMaxDaemonSetCpuMilli = 1'000'000;      // 1,000 vCPU
    static constexpr int64_t kMaxDaemonSetMemory = 1LL << 40;        // 1 TiB
};

// The values the reader accepts for the fields that take one of a few words.
const std::vector<std::string>& releaseChannels();      // cluster releaseChannel
const std::vector<std::string>& gpuSharingStrategies(); // pool gpuSharing.strategy
const std::vector<std::string>& gpuDriverVersions();    // pool gpuDriverVersion

PlanReadResult readPlanText(std::string_view text, const std::string& fileName);
PlanReadResult readPlanFile(const std::string& path);

// Version handling: is the apiVersion ours, and how does it compare with what we write?
enum class ApiVersionStatus { Current, Older, Newer, Foreign };
ApiVersionStatus classifyApiVersion(const std::string& apiVersion);

} // namespace cw::io
