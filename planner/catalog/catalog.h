// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diag/diagnostic.h"
#include "model/plan.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cw::catalog {

enum class Confidence { Verified, Secondary, Memory };
const char* toString(Confidence c); // "V", "S", "M"

// Where a fact or a price comes from.
struct Source {
    std::string id;
    std::string title;
    std::string url;
    std::string revision;
    std::string asOf;     // YYYY-MM-DD or YYYY-MM
    std::string license;
    std::string note;
    diag::Location where;      // the file and line that defined it last
};

// One price in USD per hour (per machine, GPU, chip, vCPU or GiB, as its context says).
struct PricePoint {
    std::optional<double> usd; // unset: no public price
    std::string source;
    std::string asOf;          // the source's date unless the price names its own
    bool unverified = false;
    std::string note;
    diag::Location where;

    bool isKnown() const { return usd.has_value(); }
    double value() const { return usd.value_or(0.0); }
};

struct Fact {
    std::string source;
    Confidence confidence = Confidence::Verified;
};

struct MigProfile {
    std::string name;        // 1g.10gb
    int computeSlices = 0;   // of 7
    double memoryGiB = 0;
    int maxPerGpu = 0;
    bool gke = false;        // GKE's device plugin supports it as a gpu-partition-size
};

enum class AcceleratorKind { Gpu, Neuron };

// A GPU model or another non-TPU accelerator.
struct Accelerator {
    std::string name;            // canonical id: the GKE accelerator name (nvidia-h100-80gb)
    AcceleratorKind kind = AcceleratorKind::Gpu;
    std::string vendor;
    std::string displayName;
    double memoryGiB = 0;
    double bf16Tflops = 0;
    std::string resource;        // nvidia.com/gpu, aws.amazon.com/neuron
    std::string karpenterGpuName;
    int neuronCores = 0;
    Fact fact;
    std::vector<MigProfile> mig;
    std::string migSource;
    diag::Location where;

    const MigProfile* migProfile(const std::string& profileName) const;
};

struct TpuMachine {
    std::string name;
    int chips = 0;
    double vcpu = 0;
    double memoryGiB = 0;
    std::string hostShape;        // the chips of one VM as a block of the torus: 2x2x1, 2x2, 2x4
    Confidence hostShapeConfidence = Confidence::Verified;
    bool multiHost = false;       // builds multi-host slices (one VM per hostShape block)
    Fact fact;
};

// Which axes of a slice have wraparound (torus) links.
enum class TpuWraparound {
    None,        // no wraparound on any slice
    FullCubes,   // 3D: every axis, when the slice is made of whole cubes (4x4x4 and larger)
    AxisLength,  // 2D: an axis whose length is wraparoundAxisLength (16 on v5e and v6e)
};

// One TPU generation: v4, v5e, v5p, v6e, tpu7x.
struct TpuGeneration {
    std::string name;
    std::vector<std::string> aliases;
    std::string acceleratorLabel;               // cloud.google.com/gke-tpu-accelerator
    std::vector<std::string> legacyAcceleratorLabels;
    bool torus3d = false;
    int tensorCoresPerChip = 1;
    bool nameCountsTensorCores = false;         // "v4-32" counts TensorCores
    int podChips = 0;
    std::optional<int> maxCubes;
    bool ascendingDimensions = false;           // A ≤ B ≤ C required
    double hbmGiB = 0;
    double hbmGBps = 0;
    double bf16Tflops = 0;
    double iciGBps = 0;
    std::vector<TpuMachine> machineTypes;
    std::vector<std::string> topologies2d;
    std::vector<std::string> smallTopologies3d;
    std::string maxTopology;
    std::string minGkeStandard;
    std::string minGkeAutopilot;
    Fact fact;
    std::string note;
    diag::Location where;

    // Slice names and topology rules (docs/catalog-format.md, tpu.yaml).
    std::string namePrefix;                     // v5litepod in "v5litepod-16"; defaults to name
    int cubeEdge = 0;                           // 3d: slices beyond the small shapes are whole cubeEdge³ cubes
    int maxDimension = 0;                       // 3d: largest length of one axis; 0 = no limit
    int physicalHostChips = 0;                  // chips of one physical host; smaller VMs are sub-host
    TpuWraparound wraparound = TpuWraparound::None;
    int wraparoundAxisLength = 0;               // AxisLength: the length that wraps
    Fact wraparoundFact;
    bool twistedTorus = false;                  // twisted tori exist for 2A=B=C and 2A=2B=C
    Fact twistedFact;
    std::string workloadPolicyType;             // multi-host pools need a workload policy of this type
    bool workloadPolicyReplacesTopology = false;// ... passed instead of --tpu-topology
    Fact workloadPolicyFact;
    std::vector<std::string> wrongMachinePrefixes; // names people write that are not machine types

    const TpuMachine* machine(const std::string& machineName) const;
    const std::string& slicePrefix() const { return namePrefix.empty() ? name : namePrefix; }
};

enum class MachineCategory { GeneralPurpose, ComputeOptimized, MemoryOptimized, Gpu, Tpu, Neuron };
const char* toString(MachineCategory c);

struct AcceleratorAttachment {
    std::string type;
    int count = 0;
};

struct TpuAttachment {
    std::string generation;
    int chips = 0;
};

// A GPU that can be attached to a machine type (GKE N1 + T4/V100): type and the counts allowed.
struct GpuOption {
    std::string type;
    std::vector<int> counts;
};

// A machine type in one provider's price book.
struct MachineType {
    std::string name;
    std::string family;
    MachineCategory category = MachineCategory::GeneralPurpose;
    double vcpu = 0;
    double memoryGiB = 0;
    std::optional<double> localSsdGiB;
    std::optional<double> networkGbps;
    std::optional<AcceleratorAttachment> gpu;
    std::optional<AcceleratorAttachment> neuron;
    std::optional<TpuAttachment> tpu;
    std::vector<GpuOption> gpuOptions;
    std::optional<int> maxPods;
    int efaInterfaces = 0;
    PricePoint onDemand;        // for separate pricing: the VM part only
    PricePoint spot;
    Fact fact;
    std::string note;
    diag::Location where;
};

// Price of a whole machine for one capacity type, with what it is made of.
struct MachinePrice {
    double usdPerHour = 0;
    bool known = true;           // false: some part has no price
    bool unverified = false;
    bool spotFallback = false;   // Spot was asked for, but some part has only an on-demand price
    std::vector<std::string> parts;   // "VM 9.46006", "8 × nvidia-h100-80gb 4.20076"
    std::vector<const PricePoint*> points;
};

struct PriceBook {
    model::Provider provider = model::Provider::Gke;
    std::string region;
    bool acceleratorsSeparate = false;
    std::vector<MachineType> machineTypes;
    struct AcceleratorPrice {
        std::string accelerator;
        PricePoint onDemand;
        PricePoint spot;
        diag::Location where;
    };
    std::vector<AcceleratorPrice> acceleratorPrices;
    struct TpuChipPrice {
        std::string generation;
        std::string region;
        PricePoint onDemand;
        PricePoint spot;
        diag::Location where;
    };
    std::vector<TpuChipPrice> tpuChipPrices;

    const MachineType* machineType(const std::string& name) const;
    const AcceleratorPrice* acceleratorPrice(const std::string& accelerator) const;
    const TpuChipPrice* tpuChipPrice(const std::string& generation) const;
};

// Allocatable rules of one provider: what kubelet, system daemons and eviction take.
struct Tier {
    std::optional<int64_t> upTo;  // bytes or millicores; unset: everything above
    double fraction = 0;
};

struct AllocatableRules {
    Fact fact;
    // memory
    int64_t smallMachineBelow = 0;      // GKE: machines under this get smallMachineReserved
    int64_t smallMachineReserved = 0;
    std::vector<Tier> memoryTiers;      // GKE
    int64_t memoryBase = 0;             // EKS: base + perPod × maxPods
    int64_t memoryPerPod = 0;
    int64_t eviction = 0;
    std::vector<Tier> cpuTiers;
    int maxPodsPerNode = 110;
    int64_t bootDisk = 0;
    double ephemeralReservedFraction = 0;
};

struct DaemonSetRule {
    std::string name;
    int64_t cpuMilli = 0;
    int64_t memoryBytes = 0;
    model::DaemonSetNodes nodes = model::DaemonSetNodes::All;
    Fact fact;
};

struct AutopilotRules {
    std::string region;
    PricePoint cpu, memory, ephemeralStorage;            // per vCPU-h, GiB-h, GiB-h
    PricePoint spotCpu, spotMemory, spotEphemeralStorage;
    Fact rulesFact;
    int64_t cpuStepMilli = 250;
    int64_t minCpuMilli = 250;
    int64_t minMemory = 0;
    int64_t maxCpuMilli = 0;
    int64_t maxMemory = 0;
    int64_t memoryPerCpuMin = 0;   // bytes of memory per vCPU
    int64_t memoryPerCpuMax = 0;
    int64_t defaultEphemeralStorage = 0;
    int64_t maxEphemeralStorage = 0;
    // Accelerator compute class premium. The shape is left to the data: a percentage of
    // the node price and/or a price per accelerator-hour, each a price point. This map is
    // the default for accelerators without an entry in acceleratorPremiums.
    std::map<std::string, PricePoint> acceleratorPremium;
    // The premium of one accelerator's nodes, on top of the Compute Engine price of the node.
    // A price point with no source is a component the data does not charge; one with a
    // source and no usd is a component whose price is unknown.
    struct Premium {
        std::string accelerator;           // GKE accelerator name, or a TPU generation name
        PricePoint perAcceleratorHour;     // per GPU (or TPU chip) of the node
        PricePoint perVcpuHour;            // per vCPU of the node
        PricePoint perGiBHour;             // per GiB of the node's memory
        PricePoint spotPerAcceleratorHour; // the same for Spot Pods
        PricePoint spotPerVcpuHour;
        PricePoint spotPerGiBHour;
        std::string note;
        diag::Location where;
    };
    std::vector<Premium> acceleratorPremiums;
    // The machine types Autopilot provisions for Pods that request an accelerator: GKE's
    // choice, kept as data (cheapest candidate that fits the Pods is taken).
    struct MachineChoice {
        std::string accelerator;           // GKE accelerator name
        std::vector<std::string> machineTypes;
        std::vector<int> gpuCounts;        // GPUs per Pod that Autopilot accepts; empty: any
        Fact fact;
        std::string note;
        diag::Location where;
    };
    std::vector<MachineChoice> acceleratorMachines;
    // DaemonSet Pods have their own, lower minimums on Autopilot (0: the general minimums).
    int64_t daemonSetMinCpuMilli = 0;
    int64_t daemonSetMinMemory = 0;

    const Premium* premium(const std::string& accelerator) const;
    const MachineChoice* machines(const std::string& accelerator) const;
    struct Refusal {
        std::string feature;  // privileged, capability:SYS_ADMIN, hostPathWrite, hostPort, customGpuDriver
        std::string reason;
        Fact fact;
    };
    std::vector<Refusal> refused;
};

struct Fees {
    PricePoint gkeClusterHour;
    PricePoint gkeFreeTierMonthlyCredit;
    std::vector<std::string> gkeFreeTierAppliesTo;
    PricePoint eksStandardSupportHour;
    PricePoint eksExtendedSupportHour;
};

struct Equivalent {
    std::string gke;        // GKE accelerator
    std::string eksFamily;  // EC2 instance family
};

struct Rules {
    int defaultHoursPerMonth = 730;
    Fees fees;
    std::map<model::Provider, AllocatableRules> allocatable;
    std::map<model::Provider, std::vector<DaemonSetRule>> daemonSets;
    AutopilotRules autopilot;
    std::vector<Equivalent> equivalents;
};

// Everything Clusterwright knows about the clouds, loaded from resources/catalog and any
// user overrides. Immutable once loaded; share it by const reference.
class Catalog {
public:
    // The embedded catalog, merged with overrides (in order), validated. Diagnostics of the
    // embedded data and of each override file are added to diags.
    static Catalog load(const std::vector<std::string>& overrideFiles, diag::Diagnostics& diags);
    // The embedded catalog only. Loading it cannot fail in a released build (a test checks
    // it); diagnostics go to stderr if it ever does.
    static const Catalog& embedded();
    // The user's override files: ~/.config/clusterwright/catalog.d/*.yaml, sorted by name.
    static std::vector<std::string> userOverrideFiles();

    const std::vector<Source>& sources() const { return m_sources; }
    const Source* source(const std::string& id) const;
    const std::vector<Accelerator>& accelerators() const { return m_accelerators; }
    const Accelerator* accelerator(const std::string& name) const;
    const std::vector<TpuGeneration>& tpuGenerations() const { return m_tpuGenerations; }
    // By name (v5e), alias (v5litepod) or accelerator label (tpu-v5-lite-podslice).
    const TpuGeneration* tpuGeneration(const std::string& nameOrLabel) const;
    const std::vector<PriceBook>& priceBooks() const { return m_priceBooks; }
    const PriceBook* priceBook(model::Provider provider) const;
    const MachineType* machineType(model::Provider provider, const std::string& name) const;
    const Rules& rules() const { return m_rules; }

    // Price of a machine per hour for a capacity type, accelerators included.
    MachinePrice machinePrice(model::Provider provider, const MachineType& machine,
                              model::Capacity capacity) const;
    // The dates the catalog's prices describe, for "prices as of ...": one date, or
    // "oldest to newest" when the sources differ.
    std::string priceDate() const;
    // Checks references and values; called by load().
    void validate(diag::Diagnostics& diags) const;

    // Every price point with a description of what it prices, in catalog order.
    void forEachPrice(const std::function<void(const PricePoint&, const std::string&)>& fn) const;

private:
    friend class CatalogLoader;
    void forEachPrice(const std::function<void(PricePoint&, const std::string&)>& fn);
    std::vector<Source> m_sources;
    std::vector<Accelerator> m_accelerators;
    std::vector<TpuGeneration> m_tpuGenerations;
    std::vector<PriceBook> m_priceBooks;
    Rules m_rules;
};

} // namespace cw::catalog
