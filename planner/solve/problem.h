// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The solver's internal view of one cluster: the node types it may open (one per pool and
// machine type), the workloads as shapes of identical Pods, and which shape may run on which
// node type. Shared by solve(), canPlace(), explain() and the benchmark's baseline.

#include "catalog/catalog.h"
#include "model/plan.h"
#include "solution.h"

#include <climits>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cw::solve::detail {

// Dimensions of every resource vector inside the solver. kTpu counts TPU hosts, not chips:
// a TPU Pod requests all the chips of its host (docs/tpu.md; the catalog source gke-tpus-standard), so a host holds one TPU Pod.
enum Dim : int { kCpu = 0, kMemory, kEphemeral, kGpu, kTpu, kPods, kFixedDims };

inline constexpr int kNoLimit = INT_MAX;
inline constexpr const char* kEfaResource = "vpc.amazonaws.com/efa";
inline constexpr const char* kMigResourcePrefix = "nvidia.com/mig-"; // EKS mixed strategy

// One machine type in one pool: a kind of node the solver may open.
struct NodeType {
    int pool = 0;                       // index into Problem::pools
    const catalog::MachineType* machine = nullptr;
    NodeGroup group;                    // public description; count unused
    std::vector<int64_t> cap;           // allocatable per dimension
    double price = 0;                   // USD per node-hour
    std::map<std::string, std::string> labels;
    std::vector<model::Taint> taints;
    std::vector<bool> autoTaint;        // per taint: added by GKE (GPU / TPU nodes), not by the pool
    std::optional<catalog::AcceleratorAttachment> gpu; // the machine's GPUs, or the attached option
    std::string tpuLabel;               // cloud.google.com/gke-tpu-accelerator of the host
    int tpuChips = 0;
    int hostsPerSlice = 1;
};

// A pool with its limits in nodes.
struct PoolInfo {
    const model::NodePool* pool = nullptr;
    int minNodes = 0;                   // rounded up to whole slices for multi-host TPU pools
    int maxNodes = kNoLimit;
    int hostsPerSlice = 1;              // > 1: a multi-host TPU pool; nodes come in whole slices
    std::vector<int> types;             // node types of the pool, in the pool's order
    std::string missingMachine;         // a machine type of the pool that the catalog lacks
};

// The replicas of one workload: identical Pods.
struct Shape {
    const model::Workload* workload = nullptr;
    int index = 0;                      // position among the cluster's workloads
    int replicas = 0;
    std::vector<int64_t> demand;        // per Pod
    int maxPerNode = kNoLimit;
    bool gang = false;
    bool tpu = false;                   // TPU Pods: one per host, placed as whole slices
    int tpuSlices = 1;
    int hours = 0;
    std::vector<int> eligible;          // node types it may run on, ascending
};

struct Problem {
    const model::Plan* plan = nullptr;
    const model::Cluster* cluster = nullptr;
    const catalog::Catalog* catalog = nullptr;
    int dims = kFixedDims;
    std::vector<std::string> extendedNames;   // names of dims kFixedDims...
    std::vector<PoolInfo> pools;
    std::vector<NodeType> types;
    std::vector<Shape> shapes;
    std::vector<char> eligibleMatrix;          // shapes × types
    diag::Diagnostics notes;                   // remarks found while building (CW372, CW373)

    bool isEligible(int shape, int type) const { return eligibleMatrix[size_t(shape) * types.size() + size_t(type)] != 0; }
    const int64_t* cap(int type) const { return types[size_t(type)].cap.data(); }
    const int64_t* demand(int shape) const { return shapes[size_t(shape)].demand.data(); }
};

// Builds the problem of one cluster. Workloads are those of the plan that belong to it.
Problem buildProblem(const model::Plan& plan, const catalog::Catalog& catalog, const model::Cluster& cluster);

// What the node types of one pool look like, with only the given extended resources as
// dimensions (canPlace uses this without building the whole problem).
struct PoolTypes {
    PoolInfo info;
    std::vector<NodeType> types;
};
// alsoPinned: a workload to treat as pinned to the pool (the one being dragged there).
PoolTypes buildPoolTypes(const model::Plan& plan, const catalog::Catalog& catalog, const model::Cluster& cluster,
                         const model::NodePool& pool, int poolIndex, const std::vector<std::string>& extendedNames,
                         diag::Diagnostics* notes = nullptr, const model::Workload* alsoPinned = nullptr);

// The demand of one Pod of a workload in a cluster of the given provider.
std::vector<int64_t> podDemand(const model::Workload& w, model::Provider provider,
                               const std::vector<std::string>& extendedNames);
// The extended-resource dimensions a set of workloads needs, sorted.
std::vector<std::string> extendedNamesOf(const std::vector<const model::Workload*>& workloads, model::Provider provider);

// Every constraint of a workload on one node type, in words. With stopAtFirstFailure the
// checks end at the first failure and only failing checks are produced (fast path).
// Returns true when every check holds. The pin is not checked here.
bool checkOnType(const model::Plan& plan, const catalog::Catalog& catalog, const model::Cluster& cluster,
                 const model::Workload& w, const std::vector<int64_t>& demand, const NodeType& type,
                 const PoolInfo& pool, const std::vector<std::string>& extendedNames,
                 std::vector<FeasibilityCheck>* checks, bool stopAtFirstFailure);

// Builds a check from a message code and its arguments.
FeasibilityCheck makeCheck(const char* constraint, bool ok, const char* code, std::vector<std::string> args);

// The internal vector of a node type as a public ResourceVector (TPU hosts become chips).
ResourceVector toResourceVector(const std::vector<int64_t>& v, const std::vector<std::string>& extendedNames, int tpuChipsPerHost);

// "8 × nvidia-h100-80gb", "a 1g.5gb partition of nvidia-tesla-a100", "TPU tpu-v5-lite-podslice 4x4".
std::string acceleratorNeedText(const model::Workload& w);
// What a node type offers, in the same words and in the terms of the workload's request
// (a TPU host offers no GPU): "8 × nvidia-h100-80gb", "none".
std::string acceleratorOfferText(const NodeType& type, const model::NodePool& pool, const model::Workload* w = nullptr);

// Chips of a TPU topology: the product of its dimensions ("2x2x4" → 16); 0 when malformed.
int topologyChips(const std::string& topology);

// The GPU option assumed attached to a pool of a machine type with gpuOptions (GKE N1).
std::optional<catalog::AcceleratorAttachment> attachedGpuOption(const model::Plan& plan, const model::Cluster& cluster,
                                                                const model::NodePool& pool,
                                                                const catalog::MachineType& machine,
                                                                const model::Workload* alsoPinned = nullptr);

} // namespace cw::solve::detail
