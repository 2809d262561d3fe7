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

#include <limits>
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

// A configuration: what one node of a type holds, in replicas per class.
struct LpColumn {
    int type = 0;
    std::vector<std::pair<int, int>> counts; // (class, count), classes ascending
};

struct FluidResult {
    bool solved = false;
    double value = 0;                      // the LP's optimum
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

struct BoundResult {
    bool computed = false;
    double lowerBound = 0;       // proven, whatever the state of the LPs
    bool fromFluid = false;      // the fluid LP gave the best bound
    double fluidValue = 0;
    double lpValue = 0;          // the configuration master's value at the last round
    bool converged = false;      // no configuration prices out
    bool effortLimit = false;    // stopped by the round limit or an unfinished knapsack
    int iterations = 0;
    int parts = 0;               // independent parts (classes and node types linked by eligibility and pools)
    int partsConverged = 0;      // parts whose configuration LP column generation proved
    bool wholeNodes = false;     // the fluid LP with whole nodes raised the bound
    Classes cls;
    std::vector<LpColumn> columns;
    std::vector<double> x;       // master value of every column
    std::vector<double> duals;   // per class: the duals that gave the best bound
    FluidResult fluid;
};

// The rows of packTypeByConfigurations' LP: item indices per row (items with the same demand
// and no per-node limit share one when the items are many).
std::vector<std::vector<int>> configurationRows(const Problem& p, const std::vector<std::pair<int, int>>& items);

// Packs replica counts (shape, count) onto new nodes of one type by that type's own
// configuration LP (column generation with exact knapsack pricing, started from the node
// configurations of the type's new nodes in `seeds`: packings that began as copies of pk) and
// an integer combination of its configurations: GLPK branch and bound (a node limit) while the
// counts are small, otherwise ⌊x⌋ nodes of every configuration (the cutting-stock rounding,
// which loses at most one node per configuration in the LP's basis). What is left goes by the
// dot product (`balance` as in packDotProduct). Counts are decremented. Returns false when the
// LP could not be solved (nothing was packed then).
bool packTypeByConfigurations(Packing& pk, int type, std::vector<std::pair<int, int>>& items, int effort,
                              const Cancelled& cancelled, const std::vector<const Packing*>& seeds = {},
                              double balance = 0);

// Small instances, exactly: every maximal configuration of every node type, and the
// configuration IP over them solved by GLPK's branch and bound (a deterministic node limit).
// Its LP relaxation is the exact configuration LP; a finished search proves the optimum.
// Applicable while the configurations stay few; `applicable` is false otherwise.
struct ExactResult {
    bool applicable = false;
    bool optimal = false;        // the search finished: cost is the optimum
    double lowerBound = 0;       // proven
    double cost = 0;             // of the integer solution found
    BoundResult columns;         // cls, columns and x (copies) of the integer solution
};
ExactResult exactSolve(const Problem& p, const std::vector<int>& demand, int effort, const Cancelled& cancelled);

// The fluid LP with whole nodes: Pods divisible over node types as in the fluid LP (capacity,
// dual-feasible-function, per-node-limit and pool rows, every (class, type) pair a column), but
// the node counts integers; GLPK's branch and bound under a node limit. Returns a proven lower
// bound (the MIP's optimum when the search finishes, otherwise the least bound of its open
// subproblems, never below the LP's), 0 when not applicable (TPU classes or slices) or cancelled.
// types: only these node types (an independent part's); pools without one get no limits.
double integerNodesBound(const Problem& p, const Classes& cls, int effort, const Cancelled& cancelled,
                         const std::vector<char>* types = nullptr);

// Price and branch: the configuration IP over the columns column generation produced (br) and
// the node configurations of `packings` (the first is the incumbent GLPK starts from), solved
// by GLPK's branch and bound under a node limit. Its cost is an upper bound only (the column
// set is not complete), so `lowerBound` stays 0. Not applicable with TPU classes or slices.
ExactResult configurationIp(const Problem& p, const BoundResult& br, const std::vector<const Packing*>& packings,
                            int effort, const Cancelled& cancelled);

// The bound for covering `demand` (replicas per shape). seeds: packings whose node
// configurations start the master, so that its value is at most theirs from the first round.
// effort 0: the fluid LP alone. When the fluid LP puts more than fewPerNode replicas on a node
// on average (the knapsacks would be large), column generation runs only on the independent
// parts that have at most partClasses classes or put at most fewPerNode replicas on a node
// themselves (none when partClasses is 0); the others keep the fluid LP's bound, and the duals
// returned are the fluid LP's. fluid: the fluid LP of these classes when already solved (moved
// from).
BoundResult computeLowerBound(const Problem& p, const std::vector<int>& demand, int effort, const Cancelled& cancelled,
                              const std::vector<const Packing*>& seeds,
                              double fewPerNode = std::numeric_limits<double>::infinity(), FluidResult* fluid = nullptr,
                              size_t partClasses = 0);

// Replicas per node of the fluid LP's solution (0 when it has no nodes).
double replicasPerNode(const Classes& cls, const FluidResult& fluid);

} // namespace cw::solve::detail
