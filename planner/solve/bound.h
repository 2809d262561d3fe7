// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Lower bounds on the cost of a cluster: the Gilmore–Gomory configuration LP solved by column
// generation (pricing: a bounded multi-dimensional knapsack per node type), with a valid
// Lagrangian bound at every round, and the fluid LP (Pods divisible over node types).

#include "packing.h"
#include "problem.h"

#include <vector>

namespace cw::solve::detail {

// Shapes that the LP cannot tell apart: same demand, same node types, no per-node limit.
struct LpClass {
    std::vector<int> shapes;
    int64_t demand = 0;
    int maxPerNode = kNoLimit;
    const int64_t* weight = nullptr;
    std::vector<int> eligible;
};

// A configuration: what one node of a type holds, in replicas per class.
struct LpColumn {
    int type = 0;
    std::vector<std::pair<int, int>> counts; // (class, count), classes ascending
};

struct BoundResult {
    bool computed = false;
    BoundMethod method = BoundMethod::None;
    double lowerBound = 0;       // valid whatever the state of the LP
    double lpValue = 0;          // the restricted master's value at the last round
    bool converged = false;      // no column prices out: lowerBound is the configuration LP
    bool effortLimit = false;    // stopped by the round or knapsack limits
    int iterations = 0;
    std::vector<LpClass> classes;
    std::vector<int> classOf;    // shape -> class, -1 when not in the LP
    std::vector<LpColumn> columns;
    std::vector<double> x;       // LP value of every column
    std::vector<double> duals;   // per class
};

// Groups the shapes with demand > 0 into LP classes.
void buildClasses(const Problem& p, const std::vector<int>& demand, BoundResult& out);

// The configuration LP by column generation. demand: replicas per shape to cover.
BoundResult configurationBound(const Problem& p, const std::vector<int>& demand, int effort, const Cancelled& cancelled);

// The fluid LP: Pods may be split over node types; nodes may be fractional. A weaker bound
// that needs no pricing; used when column generation stops short.
double fluidBound(const Problem& p, const std::vector<int>& demand, const Cancelled& cancelled, bool* ok);

} // namespace cw::solve::detail
