// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/plan.h"
#include "solve/solution.h"

#include <string>
#include <vector>

namespace cw::report {

// The cost of one thing (a pool, a workload) per hour and per month.
struct CostItem {
    std::string cluster;
    std::string name;
    double hourly = 0;
    double monthly = 0;
};

struct ClusterUtilization {
    std::string cluster;
    solve::Utilization utilization;
};

// Stranded capacity by cause, in dollars per month.
struct Waste {
    double fragmentation = 0;
    double systemOverhead = 0;
    double minNodes = 0;
    double pins = 0;
    double total() const { return fragmentation + systemOverhead + minNodes + pins; }
};

// What a solution costs, taken apart for the charts, the cost panel and the report: per pool,
// per workload, utilisation per resource and waste by cause. Monthly figures use the hours
// the solver priced each cluster's nodes with.
struct Breakdown {
    std::vector<CostItem> pools;
    // A workload's share of each node it runs on: the largest fraction of the node's
    // allocatable CPU, memory, GPUs or TPU chips its Pods request (scaled down when the Pods
    // of a node claim more than the whole node between them), times the node's price.
    std::vector<CostItem> workloads;
    double unusedMonthly = 0;   // node cost that no Pod's share accounts for
    std::vector<ClusterUtilization> utilization;
    Waste waste;
    double hourly = 0;
    double monthly = 0;
    double lowerBoundHourly = 0;
    double gap = 0;             // (cost - bound) / bound over the solved clusters
    bool optimal = false;       // every cluster proven optimal
    int unplacedPods = 0;
    int nodes = 0;
};

Breakdown breakdown(const model::Plan& plan, const solve::Solution& solution);

} // namespace cw::report
