// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cw::model {

// Plan format version written by this program, and the versions it reads.
inline constexpr const char* kPlanApiVersion = "clusterwright/v1alpha1";
inline constexpr const char* kPlanKind = "Plan";
inline constexpr int kDefaultHoursPerMonth = 730;

// Where a value was read from: line and column count from 1; 0 when the value was not read
// from a file (created in the GUI, say).
struct SourcePos {
    int line = 0;
    int column = 0;
    bool isKnown() const { return line > 0; }
    friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

// Where an object and each of its values were read from. Provenance is not content: two
// objects with the same values are equal wherever they were read from.
struct Provenance {
    SourcePos where;                          // the object itself (its first key)
    std::map<std::string, SourcePos> fields;  // dotted key path -> its value

    // The position of a field, or of the object when the field was not read.
    SourcePos field(const std::string& path) const
    {
        auto it = fields.find(path);
        return it == fields.end() ? where : it->second;
    }
    friend bool operator==(const Provenance&, const Provenance&) { return true; }
};

enum class Provider { Gke, Eks };
enum class ClusterMode { Standard, Autopilot };
enum class Capacity { OnDemand, Spot, Reservation, FlexStart };
enum class Placement { None, Compact };
enum class WorkloadKind { Training, Inference, Batch, Notebook };
enum class TaintEffect { NoSchedule, PreferNoSchedule, NoExecute };
enum class TolerationOperator { Equal, Exists };
enum class SupportTier { Standard, Extended };
enum class DaemonSetNodes { All, Gpu, Tpu, Neuron };

struct Taint {
    std::string key;
    std::string value;
    TaintEffect effect = TaintEffect::NoSchedule;
    friend bool operator==(const Taint&, const Taint&) = default;
};

struct Toleration {
    std::string key;                 // empty with Exists: tolerates everything
    TolerationOperator op = TolerationOperator::Equal;
    std::string value;
    std::optional<TaintEffect> effect; // unset: every effect
    friend bool operator==(const Toleration&, const Toleration&) = default;
};

// A workload's GPU request: whole GPUs of one model, or one MIG partition.
struct GpuRequest {
    std::string type;                 // GKE accelerator name, e.g. nvidia-h100-80gb
    int count = 0;                    // whole GPUs per Pod (1 for a partition)
    std::string partition;            // MIG profile, e.g. 1g.5gb; empty for whole GPUs
    friend bool operator==(const GpuRequest&, const GpuRequest&) = default;
};

// A workload's TPU request: one slice of a given accelerator and topology per replica set.
struct TpuRequest {
    std::string type;                 // cloud.google.com/gke-tpu-accelerator value
    std::string topology;             // 4x4, 2x2x4
    int slices = 1;                   // multislice: slices joined over DCN
    friend bool operator==(const TpuRequest&, const TpuRequest&) = default;
};

// Requests of one Pod. CPU in millicores, memory and storage in bytes.
struct Resources {
    int64_t cpuMilli = 0;
    int64_t memoryBytes = 0;
    int64_t ephemeralStorageBytes = 0;
    std::optional<GpuRequest> gpu;
    std::optional<TpuRequest> tpu;
    std::map<std::string, int64_t> extended; // other extended resources, e.g. aws.amazon.com/neuron
    friend bool operator==(const Resources&, const Resources&) = default;
};

struct DataSource {
    std::string source;               // gs://bucket/path, s3://..., pvc:name
    int64_t sizeGiB = 0;
    int64_t files = 0;
    friend bool operator==(const DataSource&, const DataSource&) = default;
};

struct HostPathMount {
    std::string path;
    bool readOnly = true;
    friend bool operator==(const HostPathMount&, const HostPathMount&) = default;
};

// A set of identical Pods: a training job, an inference service, a batch job or a notebook.
struct Workload {
    std::string name;
    std::string cluster;
    WorkloadKind kind = WorkloadKind::Inference;
    int replicas = 1;
    bool gang = false;                // placed whole or not at all
    std::string pool;                 // pin: the pool a drag and drop chose; empty = solver's choice
    Resources resources;
    std::optional<int> hoursPerMonth; // unset: the plan's default
    std::string image;
    std::string nameSpace;            // Kubernetes namespace ("namespace" in the file)
    std::optional<DataSource> data;
    bool checkpointing = false;
    bool privileged = false;
    bool spot = false;                // tolerates Spot capacity
    std::vector<std::string> capabilities; // added Linux capabilities, e.g. SYS_ADMIN
    std::vector<HostPathMount> hostPaths;
    std::vector<int> hostPorts;
    int maxPerNode = 0;               // anti-affinity: at most k replicas per node; 0 = no limit
    std::map<std::string, std::string> nodeSelector;
    std::vector<Toleration> tolerations;
    int port = 0;                     // serving port of an inference workload; 0 = none
    std::optional<int> maxRunHours;   // for queued provisioning (DWS): at most 168
    std::map<std::string, std::string> labels;

    Provenance origin;

    bool isPinned() const { return !pool.empty(); }
    bool hasGpu() const { return resources.gpu.has_value(); }
    bool hasTpu() const { return resources.tpu.has_value(); }
    friend bool operator==(const Workload&, const Workload&) = default;
};

// GPU time-sharing or MPS on a GKE pool.
struct GpuSharing {
    std::string strategy;             // time-sharing | mps
    int maxClientsPerGpu = 0;
    friend bool operator==(const GpuSharing&, const GpuSharing&) = default;
};

// A node pool (GKE) or node group / Karpenter NodePool (EKS).
struct NodePool {
    std::string name;
    std::vector<std::string> machineTypes; // one for a fixed pool, several for a flexible one
    bool flexible = false;                 // written as machineTypes: [...] (NAP / Karpenter)
    Capacity capacity = Capacity::OnDemand;
    int minNodes = 0;
    std::optional<int> maxNodes;           // unset: no upper limit
    std::optional<int> initialNodes;       // --num-nodes; unset: minNodes
    bool gvnic = false;
    Placement placement = Placement::None;
    bool queuedProvisioning = false;
    std::string reservation;               // capacity: reservation → the reservation's name
    std::map<std::string, std::string> labels;
    std::vector<Taint> taints;
    bool existing = false;
    std::string tpuTopology;
    std::string gpuPartitionSize;          // MIG partition size for every GPU of the pool
    std::optional<GpuSharing> gpuSharing;
    std::string gpuDriverVersion;          // default | latest | disabled; empty = default
    std::optional<int> maxPodsPerNode;
    std::vector<std::string> zones;        // node locations
    bool autoRepair = true;
    std::optional<int64_t> diskSizeGiB;
    bool efa = false;                      // EKS: efaEnabled

    Provenance origin;

    const std::string& machineType() const; // the first (or only) machine type
    bool isTpu() const { return !tpuTopology.empty(); }
    friend bool operator==(const NodePool&, const NodePool&) = default;
};

// A DaemonSet whose requests every matching node pays for.
struct DaemonSet {
    std::string name;
    int64_t cpuMilli = 0;
    int64_t memoryBytes = 0;
    DaemonSetNodes nodes = DaemonSetNodes::All;
    Provenance origin;
    friend bool operator==(const DaemonSet&, const DaemonSet&) = default;
};

struct Cluster {
    std::string name;
    Provider provider = Provider::Gke;
    ClusterMode mode = ClusterMode::Standard;
    std::string location;             // region (us-central1) or zone (us-central1-a)
    std::string kubernetesVersion;    // optional
    std::string releaseChannel;       // GKE: rapid | regular | stable | extended | none; optional
    SupportTier support = SupportTier::Standard; // EKS control-plane support tier
    std::string project;              // GKE project id; optional (exports use $PROJECT_ID)
    std::vector<NodePool> nodePools;
    std::vector<DaemonSet> daemonSets;

    Provenance origin;

    bool isZonal() const;             // location names a zone (region-letter suffix)
    std::string region() const;       // the region of location
    const NodePool* pool(const std::string& name) const;
    NodePool* pool(const std::string& name);
    friend bool operator==(const Cluster&, const Cluster&) = default;
};

struct Plan {
    std::string apiVersion = kPlanApiVersion;
    std::string name;
    std::string description;
    int hoursPerMonth = kDefaultHoursPerMonth;
    bool freeTierCredit = true;       // the billing account's GKE free-tier credit is unused elsewhere
    std::vector<Cluster> clusters;
    std::vector<Workload> workloads;

    std::string sourceFile;           // file the plan was read from; empty for a new plan
    Provenance origin;

    const Cluster* cluster(const std::string& name) const;
    Cluster* cluster(const std::string& name);
    const Workload* workload(const std::string& name) const;
    Workload* workload(const std::string& name);
    std::vector<const Workload*> workloadsOf(const std::string& cluster) const;
    int hoursPerMonthOf(const Workload& w) const { return w.hoursPerMonth.value_or(hoursPerMonth); }
    // Content equality: the source file and positions do not count.
    friend bool operator==(const Plan& a, const Plan& b);
};

// Enum names as written in plan files.
const char* toString(Provider v);
const char* toString(ClusterMode v);
const char* toString(Capacity v);
const char* toString(Placement v);
const char* toString(WorkloadKind v);
const char* toString(TaintEffect v);
const char* toString(TolerationOperator v);
const char* toString(SupportTier v);
const char* toString(DaemonSetNodes v);

// The names of every value of an enum, in order: for parsing and for error messages.
template<typename E> const std::vector<std::string>& enumNames();
template<typename E> std::optional<E> enumFromString(const std::string& s);

} // namespace cw::model
