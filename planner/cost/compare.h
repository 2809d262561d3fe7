// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "autopilot.h"
#include "fees.h"
#include "substitute.h"

#include "catalog/catalog.h"
#include "diag/diagnostic.h"
#include "model/plan.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cw::cost {

enum class OptionKind { GkeStandard, GkeAutopilot, Eks };
// gke-standard | gke-autopilot | eks, with "-spot" for the Spot variants.
std::string optionName(OptionKind kind, bool spot);

// What one workload costs in one option.
struct WorkloadCost {
    std::string workload;
    std::string sourceCluster;   // where the plan puts it today
    std::string cluster;         // the option's cluster that runs it
    model::WorkloadKind kind = model::WorkloadKind::Inference;
    int replicas = 0;            // as priced (a substitute may change the count)
    int hoursPerMonth = 0;
    double hourly = 0;           // its share of the nodes (or its Autopilot bill)
    double monthly = 0;
    double idleHourly = 0;       // the part of hourly paid for capacity it does not use: its
                                 // share of its nodes' idle room, or Autopilot's rounding
    std::string billing;         // nodes | requests | accelerator-nodes | needs-standard
    std::string placement;       // "8 × a3-highgpu-8g (pool a3)", "250m, 512Mi, 1Gi per Pod"
    MatchKind match = MatchKind::Same;
    int unplaced = 0;            // Pods the option could not place
    bool spot = false;           // priced on Spot capacity
    bool priceKnown = true;
    bool premiumUnknown = false;
    bool unverified = false;
    std::vector<std::string> unverifiedPrices; // the catalog prices behind the flag
    std::vector<diag::Diagnostic> notes;
};

// A workload that runs on another accelerator in this option, and why.
struct Substitution {
    std::string workload;
    MatchKind kind = MatchKind::Equivalent;
    std::string from;
    std::string to;
    std::string family;
    double neededTflops = 0;
    double neededMemoryGiB = 0;
    double providedTflops = 0;
    double providedMemoryGiB = 0;
    double configurationHourly = 0;
    bool fromMemory = false;
    std::vector<std::string> sources;
};

// Pods of one workload the option could not place.
struct UnplacedPods {
    std::string workload;
    std::string cluster;
    int pods = 0;
    std::string reason;
    std::string code;
};

// One way to run the whole plan: GKE Standard, GKE Autopilot or EKS, on-demand or Spot.
struct Option {
    std::string name;
    OptionKind kind = OptionKind::GkeStandard;
    bool spot = false;
    model::Provider provider = model::Provider::Gke;
    std::string region;
    double hourly = 0;           // compute + idle + fees
    double monthly = 0;
    double computeHourly = 0;    // what the workloads use (the sum of WorkloadCost::hourly)
    double computeMonthly = 0;
    double wasteHourly = 0;      // paid for and unused: idle node capacity, Autopilot rounding
    double wasteMonthly = 0;
    double lowerBoundHourly = 0; // the solver's proven bound on the nodes, when computed
    FeeBill fees;
    std::vector<WorkloadCost> workloads;
    std::vector<Substitution> substitutions;
    std::vector<Refusal> refused;
    std::vector<UnplacedPods> unplaced;
    bool complete = true;        // every Pod placed and every price known (premiums included)
    bool premiumUnknown = false; // an Autopilot premium is not included
    bool unverified = false;     // a price used is marked unverified in the catalog
    std::vector<diag::Diagnostic> notes;

    const WorkloadCost* workload(const std::string& name) const;
};

// For one workload class: the node utilisation at which Autopilot costs what Standard costs.
// Standard pays for nodes whatever their use; Autopilot pays for requests plus its premium.
// With U = the Standard cost of the capacity the Pods use (their share of the nodes) and
// A = their Autopilot bill, Standard costs U ÷ u at node utilisation u, so Autopilot is the
// cheaper of the two below u* = U ÷ A.
struct BreakEven {
    model::WorkloadKind kind = model::WorkloadKind::Inference;
    std::vector<std::string> workloads;
    double autopilotHourly = 0;       // A
    double standardUsedHourly = 0;    // U
    double standardHourly = 0;        // U plus the class's share of idle capacity
    double utilization = 0;           // the plan's node utilisation for the class: U ÷ standardHourly
    std::optional<double> breakEven;  // u* = U ÷ A
    bool premiumUnknown = false;      // A lacks an unknown premium: u* is an upper bound
    int refused = 0;                  // workloads of the class Autopilot refuses (left out)
    std::string cheaper;              // gke-autopilot | gke-standard | "": unknown (no figures, or
                                      // an Autopilot lower bound below Standard: the premium decides)
};

// The same workloads priced on every option, side by side.
struct Comparison {
    std::string plan;
    std::string priceDate;            // the newest price date of the catalog
    std::string oldestPriceDate;      // the oldest among the prices used
    int hoursPerMonth = 730;
    std::string gkeRegion;
    std::string eksRegion;
    std::vector<Option> options;
    std::vector<BreakEven> breakEven;
    std::vector<std::string> unverifiedPrices; // the prices used that the catalog marks unverified
    diag::Diagnostics diagnostics;
    bool cancelled = false;

    const Option* option(const std::string& name) const;
};

struct CompareOptions {
    bool spotVariants = true;          // add gke-standard-spot, gke-autopilot-spot and eks-spot
    bool lowerBound = false;           // ask the solver for its lower bound (slower)
    std::function<bool()> cancelled;   // polled; true stops the comparison
};

// Prices every workload of the plan on GKE Standard (the plan's pools where it has them,
// pools chosen per accelerator need where not), GKE Autopilot (refused Pods priced on
// Standard, "needs Standard") and EKS (equivalent families and substitutes), wherever the
// workloads sit today; with fees, the Spot variants and the break-even per workload class.
Comparison compare(const model::Plan& plan, const catalog::Catalog& cat, const CompareOptions& options = {});

} // namespace cw::cost
