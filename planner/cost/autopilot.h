// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "diag/diagnostic.h"
#include "model/plan.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cw::solve {
struct ClusterSolution;
}

namespace cw::cost {

// How GKE Autopilot bills one workload.
enum class AutopilotBilling {
    Requests,         // general-purpose Pods: the Pods' requests after Autopilot's rules
    AcceleratorNodes, // GPU and TPU Pods (Accelerator compute class): the nodes, plus a premium
    Refused,          // Autopilot does not run the Pods: they need a Standard cluster
};
const char* toString(AutopilotBilling b); // requests | accelerator-nodes | needs-standard

// Why Autopilot refuses a workload: a catalog refusal that matches the workload's fields,
// or a limit of Autopilot's rules that the Pods exceed.
struct Refusal {
    std::string workload;
    std::string feature;   // privileged, capability:SYS_ADMIN, hostPathWrite, hostPort, customGpuDriver, limits
    std::string reason;    // in words: the catalog's reason, or the limit that is exceeded
    std::string source;    // catalog source id of the rule
    int replicas = 0;
    std::string code;      // the diagnostic that says it (CW601-CW606)
    std::vector<std::string> args; // its arguments, for translation
};

// One Pod's requests, as asked or as Autopilot bills them, with what its rules changed.
struct PodRequests {
    int64_t cpuMilli = 0;
    int64_t memoryBytes = 0;
    int64_t ephemeralBytes = 0;
    std::vector<diag::Diagnostic> adjustments; // CW620-CW629: each change, in words
};

// The nodes Autopilot provisions for one accelerator workload.
struct AcceleratorNodes {
    std::string machineType;
    std::string accelerator;        // GKE accelerator name, or TPU generation
    int nodes = 0;
    int podsPerNode = 0;
    double hardwarePerNode = 0;     // Compute Engine price of one node (USD/h)
    double premiumPerNode = 0;      // the known part of the Autopilot premium (USD/h)
    bool hardwareKnown = true;
    bool premiumKnown = false;      // every component of the premium has a price
    std::vector<std::string> hardwareParts; // "VM 0.44038", "1 × nvidia-l4 0.56004"
    std::vector<std::string> premiumParts;  // "1 × nvidia-l4 0.067", "12 vCPU × 0.003"
    std::string premiumSource;      // the catalog source of the premium
};

// What Autopilot charges for one workload.
struct AutopilotWorkloadBill {
    std::string workload;
    model::WorkloadKind kind = model::WorkloadKind::Inference;
    AutopilotBilling billing = AutopilotBilling::Requests;
    int replicas = 0;
    int hoursPerMonth = 0;
    bool spot = false;              // billed at Spot prices
    PodRequests requested;          // as the workload asks, per Pod
    PodRequests billed;             // as Autopilot bills them, per Pod (general-purpose)
    std::optional<AcceleratorNodes> nodes;
    std::vector<Refusal> refusals;
    double hourly = 0;              // the whole workload, USD/h; 0 when refused
    double monthly = 0;
    double wasteHourly = 0;         // paid for beyond the Pods' requests: rounding, ratios, idle node share
    bool priceKnown = true;         // false: a part of the price has no figure in the catalog
    bool premiumUnknown = false;    // accelerator nodes whose premium is unknown: not included
    bool unverified = false;        // a price used is marked unverified in the catalog
    std::vector<std::string> unverifiedPrices; // which: "GKE Autopilot ephemeral storage", ...
    std::vector<diag::Diagnostic> notes; // the notes and warnings about this workload
};

// DaemonSets the plan declares on an Autopilot cluster: billed on requests on every
// general-purpose node (accelerator nodes are billed whole, so their DaemonSets cost nothing more).
struct AutopilotDaemonSetBill {
    std::string name;
    int nodes = 0;                  // estimated general-purpose nodes that run it
    PodRequests billed;             // per Pod, after the DaemonSet rules
    double hourlyPerPod = 0;
    double hourly = 0;
    double monthly = 0;
};

// The Autopilot bill for a set of workloads.
struct AutopilotBill {
    std::vector<AutopilotWorkloadBill> workloads;
    std::vector<AutopilotDaemonSetBill> daemonSets;
    int generalPurposeNodes = 0;    // estimate: at least the requests ÷ Autopilot's largest Pod
    double hourly = 0;              // workloads Autopilot runs, plus DaemonSets
    double monthly = 0;
    double wasteHourly = 0;
    double wasteMonthly = 0;
    bool premiumUnknown = false;
    bool priceKnown = true;
    bool unverified = false;
    diag::Diagnostics diagnostics;

    const AutopilotWorkloadBill* workload(const std::string& name) const;
};

struct AutopilotOptions {
    // Workloads that tolerate Spot capacity (spot: true) are billed as Spot Pods.
    bool spot = false;
};

// One Pod's requests as the general-purpose compute class bills them: minimums, the
// memory-per-vCPU ratio both ways, CPU steps, ephemeral-storage default and maximum.
// DaemonSet Pods use the DaemonSet minimums and no CPU step.
PodRequests autopilotRequests(const model::Resources& requested, const catalog::AutopilotRules& rules,
                              bool daemonSet = false);

// The reasons Autopilot refuses this workload (empty: it runs it). cluster is the cluster
// the workload sits in today (its pool's GPU driver setting counts). Refusal features of
// the catalog that Clusterwright does not know are reported once in diags (CW608).
std::vector<Refusal> autopilotRefusals(const model::Workload& w, const model::Cluster* cluster,
                                       const catalog::Catalog& cat, diag::Diagnostics* diags = nullptr);

// Prices the workloads on GKE Autopilot. daemonSets are those the plan declares for the
// Autopilot cluster. Every price comes from the catalog's autopilot rules and GKE price book.
AutopilotBill priceAutopilot(const model::Plan& plan, const std::vector<const model::Workload*>& workloads,
                             const std::vector<model::DaemonSet>& daemonSets, const catalog::Catalog& cat,
                             const AutopilotOptions& options = {});

// The solver's hook for Autopilot clusters, which have no node pools: fills the cluster's
// hourly and monthly cost (Pods only; fees are the comparison's) and lists the Pods that
// Autopilot refuses as unplaced, with the reason.
void fillAutopilotCluster(const model::Plan& plan, const model::Cluster& cluster, const catalog::Catalog& cat,
                          solve::ClusterSolution& out, diag::Diagnostics* diags = nullptr);

} // namespace cw::cost
