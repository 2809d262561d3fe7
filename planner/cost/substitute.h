// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "diag/diagnostic.h"
#include "model/plan.h"

#include <string>
#include <vector>

namespace cw::cost {

// How a workload's accelerator carries over to another provider.
enum class MatchKind {
    Same,        // the target offers the same accelerator (or the workload has none)
    Equivalent,  // the catalog's equivalent instance family (H100 → p5, L4 → g6, ...)
    Substitute,  // another accelerator with at least the same bf16 TFLOPs and memory
    Impossible,  // nothing in the target catalog qualifies
};
const char* toString(MatchKind k); // same | equivalent | substitute | impossible

// A workload as it would run on a target provider, and the figures that justify the change.
struct Translation {
    MatchKind kind = MatchKind::Same;
    model::Provider target = model::Provider::Gke;
    model::Workload workload;                // requests, replicas and gang on the target
    std::vector<std::string> machineTypes;   // target machine types that carry its accelerator
    std::string from;                        // "16 × TPU v5e chip (4x4)", "8 × nvidia-h100-80gb"
    std::string to;                          // "2 × trn1.32xlarge (16 × aws-trainium each)"
    std::string family;                      // Equivalent: the instance family
    double neededTflops = 0;                 // Substitute: per Pod (GPU, Neuron) or per slice (TPU)
    double neededMemoryGiB = 0;
    double providedTflops = 0;
    double providedMemoryGiB = 0;
    double configurationHourly = 0;          // the chosen configuration's list price, USD/h
    bool fromMemory = false;                 // a figure used has confidence M in the catalog
    std::vector<std::string> sources;        // catalog sources of the figures
    std::vector<diag::Diagnostic> notes;     // CW611 CW612 CW615 CW618
};

// Rewrites a workload for the target provider: the same accelerator where the target has
// it, the catalog's equivalent family (GKE → EKS), or the cheapest configuration with at
// least the same bf16 TFLOPs and accelerator memory (a TPU slice → Trainium or GPU
// instances, several only when they have EFA; a GPU the target lacks → another GPU; an
// AWS Neuron device → a GPU). A workload that moves to another provider loses its pool
// pin and node selectors, and extended resources the target does not know.
Translation translateWorkload(const model::Workload& w, const model::Plan& plan, model::Provider target,
                              const catalog::Catalog& cat);

} // namespace cw::cost
