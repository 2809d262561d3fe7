// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "diag/diagnostic.h"
#include "model/plan.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cw::exporter {

// One Kubernetes object as YAML text (one document, no leading "---").
struct TpuManifest {
    std::string apiVersion;
    std::string kind;
    std::string name;
    std::string nameSpace;   // empty: no namespace in the document
    std::string yaml;
};

// What every Pod of a TPU workload needs, for exporters that build their own objects
// (a Deployment for single-host serving, say).
struct TpuPodRequirements {
    std::string accelerator;                          // cloud.google.com/gke-tpu-accelerator
    std::string topology;                             // cloud.google.com/gke-tpu-topology
    std::string machineType;                          // the host the layout uses
    std::map<std::string, std::string> nodeSelector;  // accelerator, topology, the pinned pool, the workload's own
    std::vector<model::Toleration> tolerations;       // the workload's, plus google.com/tpu when missing
    int tpuPerPod = 0;                                // google.com/tpu requested and limited per Pod
    int hosts = 0;                                    // hosts of one slice
    int slices = 1;
    bool multiHost = false;
};

// The requirements of a TPU workload, or nullopt (with the reason in diags) when the
// workload asks for no TPU or for a slice that is not valid.
std::optional<TpuPodRequirements> tpuPodRequirements(const model::Plan& plan, const model::Workload& w,
                                                     const catalog::Catalog& cat, diag::Diagnostics& diags);

// The objects that run a multi-host TPU workload: a headless Service and an Indexed Job
// (one slice), or a JobSet with one replicated Job per slice (multislice). Every Pod gets
// TPU_WORKER_ID from its completion index and TPU_WORKER_HOSTNAMES listing the DNS names of
// every worker of its slice. A single-host workload returns no objects and a note (CW463):
// its Pods need no worker discovery.
struct TpuWorkloadExport {
    std::vector<TpuManifest> manifests;
    diag::Diagnostics diagnostics;
};
TpuWorkloadExport exportTpuWorkload(const model::Plan& plan, const model::Workload& w, const catalog::Catalog& cat);

// Several documents as one YAML stream, each after "---".
std::string joinDocuments(const std::vector<TpuManifest>& manifests);

// One shell command as argv words; the caller quotes them. comment says what it does.
struct TpuCommand {
    std::vector<std::string> argv;
    std::string comment;
};

// The gcloud commands that create a TPU node pool: `gcloud container node-pools create`
// with --machine-type, --tpu-topology and --num-nodes = hosts; for a multi-host pool of a
// generation that needs a workload policy (tpu7x), first `gcloud compute resource-policies
// create workload-policy`, attached with --placement-policy in place of --tpu-topology.
// --project is added when the cluster names one.
struct TpuPoolCommands {
    std::vector<TpuCommand> commands;
    diag::Diagnostics diagnostics;
};
TpuPoolCommands tpuNodePoolCommands(const model::Plan& plan, const model::Cluster& c, const model::NodePool& p,
                                    const catalog::Catalog& cat);

} // namespace cw::exporter
