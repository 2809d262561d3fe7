// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the exporter: what the per-provider writers share while one cluster is
// exported.
#pragma once

#include "bundle.h"
#include "shell.h"
#include "yamlvalue.h"

#include "solve/solution.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace cw::exporter {

// Apply order of manifests: kubectl applies manifests/ in file-name order.
enum class Stage {
    NodeClasses = 0,   // Karpenter EC2NodeClass, NodePool
    Namespaces,
    ServiceAccounts,
    Queues,            // Kueue objects
    PodTemplates,
    Requests,          // ProvisioningRequests
    Services,
    Workloads,
    Monitoring,
};

struct Manifest {
    Stage stage = Stage::Workloads;
    std::string kind;
    std::string name;
    Value doc;
    std::string file;      // "manifests/03-job-llama-train.yaml", set when the bundle is assembled
    std::string raw;       // YAML written by another module (the TPU slice export), used instead of doc
};

// One step of commands.sh: a shell function that the user can run on its own.
struct ScriptStep {
    std::string name;      // "cluster", "iam", "addons", "manifests"
    std::string summary;   // one line for the README and the script's usage text
    std::vector<std::string> lines; // rendered shell lines (commands and echo lines)
};

// Node counts of a pool as exported.
struct PoolSize {
    int minNodes = 0;
    std::optional<int> maxNodes;
    int initial = 0;          // total nodes at creation
    bool autoscaling = false;
    bool fromSolver = false;
};

struct ClusterContext {
    ClusterContext(const model::Plan& p, const model::Cluster& c, const catalog::Catalog& k, const ExportOptions& o,
                   diag::Diagnostics& d)
        : plan(p), cluster(c), cat(k), options(o), diags(d) {}

    const model::Plan& plan;
    const model::Cluster& cluster;
    const catalog::Catalog& cat;
    const ExportOptions& options;
    diag::Diagnostics& diags;

    std::vector<Manifest> manifests;
    std::vector<ScriptStep> steps;
    std::vector<std::string> assumptions;   // README bullets
    std::vector<std::string> leftOut;       // README bullets: what the bundle does not contain
    std::vector<BundleFile> extraFiles;     // relative to the cluster folder (cluster.yaml)
    std::set<std::string> namespaces;       // namespaces the manifests use
    std::vector<std::string> prerequisites; // README bullets: what must exist before applying

    // Set by the writers, read by the script and the README.
    bool usesKueue = false;
    bool usesJobSet = false;
    bool readsGcs = false;                  // some workload mounts gs:// data (GCS FUSE add-on)
    struct LateAnnotation {
        std::string nameSpace;
        std::string serviceAccount;
        std::string gsa;                    // Google service account id (without the domain)
    };
    // ServiceAccounts whose Workload Identity annotation needs $PROJECT_ID (no project in the plan).
    std::vector<LateAnnotation> lateAnnotations;

    diag::Location at(const model::Provenance& origin, const std::string& field = {}) const;
    diag::Diagnostic& report(const std::string& code, diag::Location where, std::vector<std::string> args,
                             std::string object = {});
    void add(Stage stage, Value doc);
    ScriptStep& step(const std::string& name, const std::string& summary);
    const solve::ClusterSolution* solution() const;
    PoolSize poolSize(const model::NodePool& pool) const;
    const catalog::MachineType* machine(const std::string& name) const;
    // The workloads of this cluster that the export writes (in plan order).
    std::vector<const model::Workload*> workloads() const;
    std::set<std::string> skippedWorkloads;   // left out (Autopilot refusals)
    std::set<std::string> delegatedWorkloads; // written by the TPU slice export, not by exportWorkloads
    void addRaw(Stage stage, const std::string& kind, const std::string& name, const std::string& yaml);
};

// Names of derived objects, shared by the checks and the writers.
std::string headlessServiceName(const model::Workload& w);
std::string podTemplateName(const model::Workload& w);
std::string gcpServiceAccountId(const model::Workload& w);
std::string gkeMemberPoolName(const model::NodePool& pool, const std::string& machineType);
std::string placementGroupName(const model::Cluster& c, const model::NodePool& pool);
std::string karpenterNodeRole(const model::Cluster& c);
std::string namespaceOf(const model::Workload& w);
// A label value (or name) shortened to limit with a stable hash suffix when needed.
std::string shortened(const std::string& name, size_t limit);

// Checks every name and value of the cluster's export (CW501-CW510); false on errors.
bool checkCluster(ClusterContext& ctx);

// Workload manifests (Deployment, Job, Service, ...) for either provider.
void exportWorkloads(ClusterContext& ctx);
// Provider writers.
void exportGke(ClusterContext& ctx);
void exportEks(ClusterContext& ctx);
// DCGM scraping and alert rules for GPU pools.
void exportMonitoring(ClusterContext& ctx);
// README.md and commands.sh of the cluster.
std::string renderReadme(const ClusterContext& ctx, const std::vector<std::string>& files);
// Adds the kubeconfig, add-on and apply steps and renders the whole script.
std::string renderScript(ClusterContext& ctx);

// Helpers shared by the writers.
Value objectMeta(const std::string& name, const std::string& nameSpace = {});
Value typed(const char* apiVersion, const char* kind, const std::string& name, const std::string& nameSpace = {});
std::string gkeTaintEffect(model::TaintEffect e);
bool isGpuMachine(const catalog::MachineType& m);
// "$1.23/h" with two decimals (more below one dollar).
std::string money(double usd);

} // namespace cw::exporter
