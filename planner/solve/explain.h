// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "model/plan.h"
#include "solution.h"

#include <string>
#include <vector>

namespace cw::solve {

// One pool and machine type a workload could run on, with what it would cost and why not.
struct ExplainOption {
    std::string pool;
    std::string machineType;
    model::Capacity capacity = model::Capacity::OnDemand;
    bool fits = false;            // every constraint holds
    bool chosen = false;          // the solution placed replicas here
    int placedReplicas = 0;       // replicas the solution placed on this pool and machine type
    double pricePerNode = 0;      // USD per node-hour
    bool priceKnown = true;
    int podsPerNode = 0;          // replicas one empty node holds
    double pricePerReplica = 0;   // pricePerNode ÷ min(podsPerNode, replicas); 0 when nothing fits
    std::string failedConstraint; // the first constraint that fails; empty when it fits
    std::string reason;
    std::string code;
    std::vector<std::string> args;
    std::vector<FeasibilityCheck> checks;
};

// Why a workload runs where the solution put it, and why not on each alternative.
struct Explanation {
    std::string workload;
    std::string cluster;
    int replicas = 0;
    int placedReplicas = 0;
    std::string pin;              // the pool the workload is pinned to, or empty
    std::string why;              // one sentence
    std::string whyCode;
    std::vector<std::string> whyArgs;
    std::vector<ExplainOption> options; // chosen first, then those that fit by price per replica, then the rest
};

// solution: a solve() result of the plan (it must contain the workload's cluster).
Explanation explain(const model::Plan& plan, const catalog::Catalog& catalog, const std::string& workload,
                    const Solution& solution);

} // namespace cw::solve
