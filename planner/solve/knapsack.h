// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace cw::solve::detail {

// One item type of a bounded multi-dimensional knapsack: take up to `bound` copies.
struct KnapsackItem {
    int id = 0;
    double value = 0;
    const int64_t* weight = nullptr; // dims entries
    int bound = 0;
};

struct KnapsackResult {
    double value = 0;              // of the best packing found
    double upperBound = 0;         // no packing is worth more
    bool exact = false;            // the search finished within its node limit
    int64_t nodes = 0;             // search nodes used
    std::vector<std::pair<int, int>> counts; // (item id, copies), ids ascending
};

// Maximises the total value of items that fit into cap in every dimension. When at most four
// items fit (by the smallest weight of every dimension all items use), an enumeration of the
// multisets by value first; otherwise, or when it hits the node limit, branch and bound
// on the items in order of value per surrogate weight, with the surrogate relaxation that
// gives the smallest root bound (uniform weights or one dimension alone) as the bound.
// Deterministic; stops after nodeLimit search nodes.
// lambdaHint: extra surrogate multipliers to try (one per dimension, >= 0), such as the
// capacity prices of the fluid LP, which make the surrogate bound the LP relaxation's.
// Without boundNeeded only a good packing is wanted (the greedy's configurations): fewer
// surrogates are tried and upperBound is not tightened. target: only packings worth more
// matter (column generation needs a configuration above its price); the search prunes below
// it, so when nothing beats the target the upper bound may be the target itself.
KnapsackResult solveKnapsack(const std::vector<KnapsackItem>& items, const int64_t* cap, int dims, int64_t nodeLimit,
                             const double* lambdaHint = nullptr, bool boundNeeded = true, double target = 0);

} // namespace cw::solve::detail
