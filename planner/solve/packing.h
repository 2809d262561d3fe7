// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A packing of one cluster's shapes onto nodes, and the heuristics that build and improve it.
// Nodes hold counts per shape, so memory grows with nodes and shapes, not with replicas.

#include "problem.h"

#include <functional>
#include <limits>
#include <vector>

namespace cw::solve::detail {

struct PackNode {
    int type = 0;
    int slice = -1;                          // TPU: slice number within the pool
    int worker = -1;                         // TPU: worker id within the slice
    bool forMin = false;                     // opened for minNodes (may have Pods later)
    bool kept = false;                       // recreated from the previous solution
    bool alive = true;
    std::vector<std::pair<int, int>> items;  // (shape, count), shapes ascending
};

class Packing {
public:
    explicit Packing(const Problem& problem);

    const Problem& problem() const { return *m_p; }
    int dims() const { return m_p->dims; }

    int open(int type);
    void close(int node);                    // must be empty
    bool canOpen(int type, int count = 1) const;
    int roomInPool(int pool) const;          // nodes the pool may still open

    // How many more replicas of shape fit on node (capacity and maxPerNode), at most limit.
    int fit(int node, int shape, int limit) const;
    void add(int node, int shape, int count);
    void remove(int node, int shape, int count);
    int countOn(int node, int shape) const;
    bool empty(int node) const { return m_nodes[size_t(node)].items.empty(); }

    const int64_t* used(int node) const { return &m_used[size_t(node) * size_t(m_p->dims)]; }
    const std::vector<PackNode>& nodes() const { return m_nodes; }
    std::vector<PackNode>& nodes() { return m_nodes; }
    int aliveNodes() const { return m_alive; }
    int poolNodes(int pool) const { return m_poolNodes[size_t(pool)]; }
    const std::vector<int>& placed() const { return m_placed; }
    int remaining(int shape) const { return m_p->shapes[size_t(shape)].replicas - m_placed[size_t(shape)]; }
    double cost() const;

    // Changes the type of a node (its content must fit and be eligible there).
    void retype(int node, int type);
    // Drops dead nodes; node indices change.
    void compact();
    // Fraction of the node's most used dimension (0..1).
    double fill(int node) const;
    // Blocked shapes are not placed any more (a gang that could not be placed whole).
    void block(int shape) { m_blocked[size_t(shape)] = 1; }
    bool isBlocked(int shape) const { return m_blocked[size_t(shape)] != 0; }
    // Replicas of a gang that fitted before the gang was removed (for the unplaced reason).
    void noteGangFit(int shape, int fitted) { m_gangFit[size_t(shape)] = fitted; }
    int gangFit(int shape) const { return m_gangFit[size_t(shape)]; }

private:
    const Problem* m_p;
    std::vector<PackNode> m_nodes;
    std::vector<int64_t> m_used;
    std::vector<int> m_poolNodes;
    std::vector<int> m_placed;
    std::vector<char> m_blocked;
    std::vector<int> m_gangFit;
    int m_alive = 0;
};

using Cancelled = std::function<bool()>;

// Values of one replica of each shape that guide the greedy: LP duals when known, otherwise
// the cost of the replica on its cheapest node type when it runs alone.
std::vector<double> standaloneValues(const Problem& p);

// Opens minNodes nodes of every pool with one machine type (they are paid for anyway).
void openMinNodes(Packing& pk);
// Places the TPU shapes as whole slices. Returns false if cancelled.
void placeTpuSlices(Packing& pk);
// Places every remaining replica: first into the free room of open nodes, then on new nodes
// chosen by value per dollar (knapsack per node type). knapsackNodes bounds each knapsack.
void greedyPack(Packing& pk, const std::vector<double>& values, int64_t knapsackNodes, const Cancelled& cancelled);
// First-fit decreasing by CPU then memory, opening the cheapest node type that fits the Pod:
// the way Karpenter-style provisioners pack; kept as a candidate so the result is never worse.
void firstFitDecreasing(Packing& pk, const Cancelled& cancelled);
// Adds empty nodes (cheapest type) to pools below minNodes.
void topUpMinNodes(Packing& pk);
// Removes every replica of gang workloads that are not complete and blocks them. Returns the
// shapes removed with the replicas they had placed.
std::vector<std::pair<int, int>> enforceGangs(Packing& pk);
// Closes empty nodes that minNodes does not need (whole slices on multi-host TPU pools).
void closeEmptyNodes(Packing& pk);
// Local improvement: empty under-filled nodes into others, move node contents to cheaper
// types, merge pairs of nodes into one cheaper node. Keeps kept nodes' replicas in place when
// stable is set. effort scales the number of nodes tried.
void improve(Packing& pk, int effort, bool stable, const Cancelled& cancelled);

// Packs replica counts (shape, count) onto new nodes of one type, one node at a time: each
// step adds the replica whose demand best matches the node's remaining room (the largest dot
// product of the two, normalised by the node's capacity, times the square of the share of the
// item's replicas still to place, so that every node takes items of every size in
// proportion). Once nothing more fits, a replica
// on the node is swapped for a larger one still to place (by the sum of its normalised
// demands) while one fits in its place, and the room left is filled again: larger replicas
// go early, the small ones are left to fill the last nodes. Counts are decremented; returns
// the nodes opened.
// weights: per dimension, what a unit of it is worth when a full node swaps a replica for a
// larger one (default: every dimension but Pod slots alike). balance > 0: each node's room
// and the swaps count a dimension by (its share of the demand still to place ÷ its share at the
// start)^balance, so that no dimension is used up before the others.
std::vector<int> packDotProduct(Packing& pk, int type, std::vector<std::pair<int, int>>& items, const Cancelled& cancelled,
                                const double* weights = nullptr, double balance = 0);
// The same items, largest first, each onto the open node of the type whose room it matches
// best (first fit decreasing with the dot product as the choice of node).
std::vector<int> packDotProductDecreasing(Packing& pk, int type, std::vector<std::pair<int, int>>& items, const Cancelled& cancelled);

// Minimum bin slack: the same items onto new nodes of the type, one node at a time, each
// filled by a search over the multisets of the items left (the largest first, then larger
// before smaller, at most `checks` fit tests per node) for the fullest node: the most of
// Σ_d used_d ÷ capacity_d over the dimensions but Pod slots. Counts are decremented; returns the
// nodes opened.
std::vector<int> packMinSlack(Packing& pk, int type, std::vector<std::pair<int, int>>& items, const Cancelled& cancelled,
                              int64_t checks);

// Ruin and recreate: removes the replicas of a few nodes (the emptiest, or some drawn by a
// seeded generator) and places them again (best fit into the other nodes, then new nodes by
// the greedy); keeps the change when it is cheaper. Deterministic: a fixed seed, a fixed
// number of iterations and a budget of work (removed (shape, count) pairs times nodes
// scanned to place them again).
void ruinAndRecreate(Packing& pk, const std::vector<double>& values, int iterations, bool stable, const Cancelled& cancelled,
                     int64_t work = std::numeric_limits<int64_t>::max());

// Drains nodes, the least filled first: each step moves the replica of the node that leaves
// the least on it (summed over dimensions, in shares of its capacity) to another node where
// it fits, or there in exchange for a smaller replica. A node emptied closes (while its pool
// keeps minNodes); one that is not keeps the moves, which cost nothing and gather the load on
// the other nodes, so that later improvement may empty it. Deterministic; work counts the
// nodes and shapes scanned. Returns the nodes closed. Not for stable re-solves (it moves
// replicas between nodes).
int64_t drainNodes(Packing& pk, const Cancelled& cancelled, int64_t work);

// Fits `count` replicas of shape into open nodes (first fit, in node order). Returns the number placed.
int fillOpenNodes(Packing& pk, int shape, int count, bool bestFit);

} // namespace cw::solve::detail
