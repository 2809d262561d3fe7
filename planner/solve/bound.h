// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Lower bounds on the cost of a cluster.
//
// * The fluid LP: Pods may be split over node types and nodes may be fractional. Solved by
//   column generation over (class, node type) columns, so its size follows what is used.
// * The Gilmore–Gomory configuration LP: columns are configurations (what one node of a type
//   holds), priced by a bounded multi-dimensional knapsack per node type, started from the
//   fluid LP's duals and the heuristic's configurations.
// * At every round, a Lagrangian bound from the current duals and every node type's knapsack
//   upper bound: valid whether or not the LP has converged, so an early stop (an effort limit)
//   still leaves a proven bound.

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

struct Classes {
    std::vector<LpClass> classes;
    std::vector<int> classOf;    // shape -> class, -1 when not in the LP
    std::vector<std::vector<int>> ofType; // node type -> classes that may use it
};

// Groups the shapes with demand > 0 into LP classes.
Classes buildClasses(const Problem& p, const std::vector<int>& demand);

struct FluidResult {
    bool solved = false;
    double value = 0;                      // the fluid LP's optimum
    int rounds = 0;
    std::vector<double> y;                 // per class
    std::vector<double> mu;                // per pool
    std::vector<std::vector<double>> lambda; // per node type and dimension: price per unit of capacity
    std::vector<double> nodes;             // per node type
    std::vector<std::vector<std::pair<int, double>>> load; // per node type: (class, replicas)
};

// seeds: packings whose (class, node type) pairs start the LP.
FluidResult fluidLp(const Problem& p, const Classes& cls, const Cancelled& cancelled,
                    const std::vector<const Packing*>& seeds = {});

// A configuration: what one node of a type holds, in replicas per class.
struct LpColumn {
    int type = 0;
    std::vector<std::pair<int, int>> counts; // (class, count), classes ascending
};

struct BoundResult {
    bool computed = false;
    double lowerBound = 0;       // proven, whatever the state of the LPs
    bool fromFluid = false;      // the fluid LP gave the best bound
    double fluidValue = 0;
    double lpValue = 0;          // the configuration master's value at the last round
    bool converged = false;      // no configuration prices out
    bool effortLimit = false;    // stopped by the round limit or an unfinished knapsack
    int iterations = 0;
    Classes cls;
    std::vector<LpColumn> columns;
    std::vector<double> x;       // master value of every column
    std::vector<double> duals;   // per class: the duals that gave the best bound
    FluidResult fluid;
};

// The best integer combination of the master's configurations (GLPK branch and cut over the
// generated columns, a deterministic node limit): copies per column, empty when no integer
// solution was found. `proven` is set when the search finished (optimal over these columns).
struct MasterIp {
    std::vector<int> copies;
    double cost = 0;
    bool finished = false;
};
MasterIp solveMasterIp(const Problem& p, const BoundResult& br, int effort, const Cancelled& cancelled);

// The bound for covering `demand` (replicas per shape). seeds: packings whose node
// configurations start the master, so that its value is at most theirs from the first round.
// effort 0: the fluid LP alone.
BoundResult computeLowerBound(const Problem& p, const std::vector<int>& demand, int effort, const Cancelled& cancelled,
                              const std::vector<const Packing*>& seeds);

} // namespace cw::solve::detail
