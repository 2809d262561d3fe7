// SPDX-License-Identifier: GPL-3.0-or-later
#include "packing.h"

#include "knapsack.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <random>

namespace cw::solve::detail {

Packing::Packing(const Problem& problem)
    : m_p(&problem)
{
    m_poolNodes.assign(problem.pools.size(), 0);
    m_placed.assign(problem.shapes.size(), 0);
    m_blocked.assign(problem.shapes.size(), 0);
    m_gangFit.assign(problem.shapes.size(), -1);
}

int Packing::open(int type)
{
    PackNode n;
    n.type = type;
    m_nodes.push_back(std::move(n));
    m_used.resize(m_used.size() + size_t(m_p->dims), 0);
    ++m_poolNodes[size_t(m_p->types[size_t(type)].pool)];
    ++m_alive;
    return int(m_nodes.size()) - 1;
}

void Packing::close(int node)
{
    PackNode& n = m_nodes[size_t(node)];
    if (!n.alive)
        return;
    n.alive = false;
    --m_poolNodes[size_t(m_p->types[size_t(n.type)].pool)];
    --m_alive;
}

int Packing::roomInPool(int pool) const
{
    const int max = m_p->pools[size_t(pool)].maxNodes;
    return max == kNoLimit ? kNoLimit : std::max(0, max - m_poolNodes[size_t(pool)]);
}

bool Packing::canOpen(int type, int count) const
{
    return roomInPool(m_p->types[size_t(type)].pool) >= count;
}

int Packing::countOn(int node, int shape) const
{
    const auto& items = m_nodes[size_t(node)].items;
    auto it = std::lower_bound(items.begin(), items.end(), std::make_pair(shape, 0));
    return (it != items.end() && it->first == shape) ? it->second : 0;
}

int Packing::fit(int node, int shape, int limit) const
{
    const PackNode& n = m_nodes[size_t(node)];
    if (!n.alive || limit <= 0 || m_blocked[size_t(shape)] || !m_p->isEligible(shape, n.type))
        return 0;
    const Shape& s = m_p->shapes[size_t(shape)];
    int64_t c = limit;
    if (s.maxPerNode != kNoLimit)
        c = std::min<int64_t>(c, s.maxPerNode - countOn(node, shape));
    const int64_t* cap = m_p->cap(n.type);
    const int64_t* u = used(node);
    const int64_t* d = s.demand.data();
    if (c == 1) {
        // One replica (the packers' usual question): comparisons, no divisions.
        for (int k = 0; k < m_p->dims; ++k) {
            if (d[k] > 0 && u[k] + d[k] > cap[k])
                return 0;
        }
        return 1;
    }
    for (int k = 0; k < m_p->dims && c > 0; ++k) {
        if (d[k] > 0)
            c = std::min<int64_t>(c, (cap[k] - u[k]) / d[k]);
    }
    return int(std::max<int64_t>(0, c));
}

void Packing::add(int node, int shape, int count)
{
    if (count <= 0)
        return;
    auto& items = m_nodes[size_t(node)].items;
    auto it = std::lower_bound(items.begin(), items.end(), std::make_pair(shape, 0));
    if (it != items.end() && it->first == shape)
        it->second += count;
    else
        items.insert(it, {shape, count});
    int64_t* u = &m_used[size_t(node) * size_t(m_p->dims)];
    const int64_t* d = m_p->demand(shape);
    for (int k = 0; k < m_p->dims; ++k)
        u[k] += d[k] * count;
    m_placed[size_t(shape)] += count;
}

void Packing::remove(int node, int shape, int count)
{
    if (count <= 0)
        return;
    auto& items = m_nodes[size_t(node)].items;
    auto it = std::lower_bound(items.begin(), items.end(), std::make_pair(shape, 0));
    if (it == items.end() || it->first != shape)
        return;
    count = std::min(count, it->second);
    it->second -= count;
    if (it->second == 0)
        items.erase(it);
    int64_t* u = &m_used[size_t(node) * size_t(m_p->dims)];
    const int64_t* d = m_p->demand(shape);
    for (int k = 0; k < m_p->dims; ++k)
        u[k] -= d[k] * count;
    m_placed[size_t(shape)] -= count;
}

double Packing::cost() const
{
    double c = 0;
    for (const auto& n : m_nodes) {
        if (n.alive)
            c += m_p->types[size_t(n.type)].price;
    }
    return c;
}

void Packing::retype(int node, int type)
{
    PackNode& n = m_nodes[size_t(node)];
    --m_poolNodes[size_t(m_p->types[size_t(n.type)].pool)];
    n.type = type;
    ++m_poolNodes[size_t(m_p->types[size_t(type)].pool)];
}

void Packing::compact()
{
    std::vector<PackNode> nodes;
    std::vector<int64_t> used;
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        if (!m_nodes[i].alive)
            continue;
        nodes.push_back(std::move(m_nodes[i]));
        used.insert(used.end(), m_used.begin() + long(i * size_t(m_p->dims)),
                    m_used.begin() + long((i + 1) * size_t(m_p->dims)));
    }
    m_nodes = std::move(nodes);
    m_used = std::move(used);
}

double Packing::fill(int node) const
{
    const int64_t* cap = m_p->cap(m_nodes[size_t(node)].type);
    const int64_t* u = used(node);
    double f = 0;
    for (int k = 0; k < m_p->dims; ++k) {
        if (cap[k] > 0)
            f = std::max(f, double(u[k]) / double(cap[k]));
    }
    return f;
}

namespace {

// Replicas of a shape one empty node of the type holds.
int aloneFit(const Problem& p, int shape, int type)
{
    const Shape& s = p.shapes[size_t(shape)];
    int64_t c = s.maxPerNode;
    const int64_t* cap = p.cap(type);
    for (int k = 0; k < p.dims; ++k) {
        if (s.demand[size_t(k)] > 0)
            c = std::min<int64_t>(c, cap[k] / s.demand[size_t(k)]);
    }
    return int(std::max<int64_t>(0, c));
}

int nextSlice(const Packing& pk, int pool)
{
    int next = 0;
    for (const auto& n : pk.nodes()) {
        if (n.alive && pk.problem().types[size_t(n.type)].pool == pool)
            next = std::max(next, n.slice + 1);
    }
    return next;
}

// Types sorted by price, cheapest first (ties by index).
std::vector<int> typesByPrice(const Problem& p, const std::vector<int>& types)
{
    std::vector<int> order = types;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return p.types[size_t(a)].price < p.types[size_t(b)].price; });
    return order;
}

} // namespace

std::vector<double> standaloneValues(const Problem& p)
{
    std::vector<double> values(p.shapes.size(), 0.0);
    for (size_t s = 0; s < p.shapes.size(); ++s) {
        double best = std::numeric_limits<double>::infinity();
        for (int t : p.shapes[s].eligible) {
            const int fit = std::min(aloneFit(p, int(s), t), std::max(1, p.shapes[s].replicas));
            if (fit > 0)
                best = std::min(best, p.types[size_t(t)].price / fit);
        }
        values[s] = std::isfinite(best) ? std::max(best, 1e-9) : 0.0;
    }
    return values;
}

void openMinNodes(Packing& pk)
{
    const Problem& p = pk.problem();
    for (size_t pi = 0; pi < p.pools.size(); ++pi) {
        const PoolInfo& pool = p.pools[pi];
        if (pool.types.empty() || pool.minNodes <= 0)
            continue;
        if (pool.types.size() != 1 && pool.hostsPerSlice <= 1)
            continue; // flexible pools: the cheapest type is added at the end if still needed
        const int t = typesByPrice(p, pool.types).front();
        const int h = std::max(1, p.types[size_t(t)].hostsPerSlice);
        while (pk.poolNodes(int(pi)) + h <= pool.minNodes && pk.canOpen(t, h)) {
            const int slice = p.types[size_t(t)].machine->tpu ? nextSlice(pk, int(pi)) : -1;
            for (int w = 0; w < h; ++w) {
                const int n = pk.open(t);
                pk.nodes()[size_t(n)].forMin = true;
                pk.nodes()[size_t(n)].slice = slice;
                pk.nodes()[size_t(n)].worker = slice >= 0 ? w : -1;
            }
        }
    }
}

void placeTpuSlices(Packing& pk)
{
    const Problem& p = pk.problem();
    for (size_t s = 0; s < p.shapes.size(); ++s) {
        const Shape& shape = p.shapes[s];
        if (!shape.tpu || pk.remaining(int(s)) <= 0 || pk.isBlocked(int(s)))
            continue;
        const std::vector<int> order = typesByPrice(p, shape.eligible);
        std::vector<std::pair<int, int>> added; // (node, count) to undo a gang
        for (int t : order) {
            if (pk.remaining(int(s)) <= 0)
                break;
            const NodeType& type = p.types[size_t(t)];
            const int h = std::max(1, type.hostsPerSlice);
            if (h == 1) {
                // Single-host slices: one replica per host, on free hosts first.
                for (size_t n = 0; n < pk.nodes().size() && pk.remaining(int(s)) > 0; ++n) {
                    if (pk.nodes()[n].type != t)
                        continue;
                    const int f = pk.fit(int(n), int(s), pk.remaining(int(s)));
                    if (f > 0) {
                        pk.add(int(n), int(s), f);
                        added.emplace_back(int(n), f);
                    }
                }
                while (pk.remaining(int(s)) > 0 && pk.canOpen(t)) {
                    const int n = pk.open(t);
                    pk.nodes()[size_t(n)].slice = nextSlice(pk, type.pool);
                    pk.nodes()[size_t(n)].worker = 0;
                    const int f = pk.fit(n, int(s), 1);
                    if (f <= 0) {
                        pk.close(n);
                        break;
                    }
                    pk.add(n, int(s), f);
                    added.emplace_back(n, f);
                }
                continue;
            }
            // Multi-host slices: h replicas, one per host of a whole slice.
            while (pk.remaining(int(s)) >= h) {
                // An open slice of this type with every host free?
                std::map<int, std::vector<int>> slices;
                for (size_t n = 0; n < pk.nodes().size(); ++n) {
                    const PackNode& node = pk.nodes()[n];
                    if (node.alive && node.type == t && node.slice >= 0)
                        slices[node.slice].push_back(int(n));
                }
                std::vector<int> hosts;
                for (const auto& [id, members] : slices) {
                    if (int(members.size()) != h)
                        continue;
                    if (std::all_of(members.begin(), members.end(), [&](int n) { return pk.fit(n, int(s), 1) == 1; })) {
                        hosts = members;
                        break;
                    }
                }
                if (hosts.empty()) {
                    if (!pk.canOpen(t, h))
                        break;
                    const int slice = nextSlice(pk, type.pool);
                    for (int w = 0; w < h; ++w) {
                        const int n = pk.open(t);
                        pk.nodes()[size_t(n)].slice = slice;
                        pk.nodes()[size_t(n)].worker = w;
                        hosts.push_back(n);
                    }
                    if (pk.fit(hosts.front(), int(s), 1) != 1) {
                        for (int n : hosts)
                            pk.close(n);
                        break;
                    }
                }
                std::sort(hosts.begin(), hosts.end(), [&](int a, int b) {
                    return pk.nodes()[size_t(a)].worker < pk.nodes()[size_t(b)].worker;
                });
                for (int n : hosts) {
                    pk.add(n, int(s), 1);
                    added.emplace_back(n, 1);
                }
            }
        }
        if (shape.gang && pk.remaining(int(s)) > 0) {
            pk.noteGangFit(int(s), pk.placed()[s]);
            for (const auto& [n, c] : added)
                pk.remove(n, int(s), c);
            pk.block(int(s));
        }
    }
    // Hosts opened for a slice that ended up unused are closed (unless kept for minNodes).
    for (size_t n = 0; n < pk.nodes().size(); ++n) {
        const PackNode& node = pk.nodes()[n];
        if (node.alive && !node.forMin && !node.kept && node.items.empty() && p.types[size_t(node.type)].machine->tpu)
            pk.close(int(n));
    }
}

int fillOpenNodes(Packing& pk, int shape, int count, bool bestFit)
{
    int placed = 0;
    const size_t total = pk.nodes().size();
    if (!bestFit) {
        for (size_t n = 0; n < total && placed < count; ++n) {
            const int f = pk.fit(int(n), shape, count - placed);
            if (f > 0) {
                pk.add(int(n), shape, f);
                placed += f;
            }
        }
        return placed;
    }
    // Best fit: each time the fullest node that still takes a replica.
    while (placed < count) {
        int best = -1;
        double bestFill = -1;
        for (size_t n = 0; n < total; ++n) {
            const PackNode& node = pk.nodes()[n];
            if (!node.alive || !pk.problem().isEligible(shape, node.type) || pk.fit(int(n), shape, 1) < 1)
                continue;
            const double f = pk.fill(int(n));
            if (f > bestFill) {
                bestFill = f;
                best = int(n);
            }
        }
        if (best < 0)
            break;
        const int k = pk.fit(best, shape, count - placed);
        pk.add(best, shape, k);
        placed += k;
    }
    return placed;
}

std::vector<int> packDotProduct(Packing& pk, int type, std::vector<std::pair<int, int>>& items, const Cancelled& cancelled,
                                const double* weights, double balance)
{
    const Problem& p = pk.problem();
    const NodeType& t = p.types[size_t(type)];
    std::vector<int> opened;
    std::vector<double> inv(size_t(p.dims), 0.0);
    for (int d = 0; d < p.dims; ++d)
        inv[size_t(d)] = t.cap[size_t(d)] > 0 ? 1.0 / double(t.cap[size_t(d)]) : 0.0;
    // Normalised demand of every item once.
    std::vector<std::vector<double>> norm(items.size(), std::vector<double>(size_t(p.dims), 0.0));
    for (size_t i = 0; i < items.size(); ++i) {
        for (int d = 0; d < p.dims; ++d)
            norm[i][size_t(d)] = double(p.demand(items[i].first)[d]) * inv[size_t(d)];
    }
    // Worth of a unit of each dimension in the swaps: given, or every dimension but Pod slots alike.
    std::vector<double> worth(size_t(p.dims), 1.0);
    for (int d = 0; d < p.dims; ++d)
        worth[size_t(d)] = d == kPods ? 0.0 : weights ? weights[d] : 1.0;
    int left = 0;
    for (const auto& [s, c] : items)
        left += c;
    // Each score is weighted by the square of the share of the item's replicas still to place,
    // so that every node takes items of every size in proportion: a greedy that always takes
    // the best match uses the small replicas up as fillers on the first nodes, and the middle
    // nodes, left with the mid-sized ones, are filled poorly.
    std::vector<double> initial(items.size()), share(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        initial[i] = double(std::max(1, items[i].second));
        share[i] = double(items[i].second) / initial[i];
        share[i] *= share[i];
    }
    // Balance (exponent k > 0): the demand still to place per dimension, against its share at
    // the start. A dimension that is used up faster than the others counts less in the room,
    // by (its share now ÷ its share at the start)^k, so that the node takes more of what is
    // left over and the last nodes do not get only replicas that press on one dimension.
    std::vector<double> rest(size_t(p.dims), 0.0), start(size_t(p.dims), 0.0), tilt(size_t(p.dims), 1.0);
    for (size_t i = 0; i < items.size(); ++i) {
        for (int d = 0; d < p.dims; ++d)
            rest[size_t(d)] += norm[i][size_t(d)] * items[i].second;
    }
    start = rest;
    auto taken = [&](size_t i, int delta) {
        items[i].second += delta;
        share[i] = double(items[i].second) / initial[i];
        share[i] *= share[i];
        for (int d = 0; d < p.dims; ++d)
            rest[size_t(d)] += norm[i][size_t(d)] * delta;
    };
    std::vector<double> room(size_t(p.dims));
    std::vector<size_t> candidates;
    // For the swaps: each shape's item (the first), which items have a per-node limit, sizes.
    std::vector<int> indexOf(p.shapes.size(), -1), onNode;
    std::vector<char> limited(items.size(), 0), eligible(items.size(), 0);
    std::vector<double> size(items.size(), 0.0);
    for (size_t i = 0; i < items.size(); ++i) {
        if (indexOf[size_t(items[i].first)] < 0)
            indexOf[size_t(items[i].first)] = int(i);
        limited[i] = p.shapes[size_t(items[i].first)].maxPerNode != kNoLimit;
        // A swap brings the replica in directly (not through fit): it must be allowed there.
        eligible[i] = p.isEligible(items[i].first, type) && !pk.isBlocked(items[i].first);
    }
    while (left > 0) {
        if ((cancelled && cancelled()) || !pk.canOpen(type))
            break;
        const int n = pk.open(type);
        bool any = false;
        if (balance > 0) {
            double now = 0, then = 0;
            for (int d = 0; d < p.dims; ++d) {
                if (d != kPods) {
                    now += std::max(0.0, rest[size_t(d)]);
                    then += start[size_t(d)];
                }
            }
            for (int d = 0; d < p.dims; ++d) {
                tilt[size_t(d)] = 1.0;
                if (d != kPods && now > 0 && start[size_t(d)] > 0)
                    tilt[size_t(d)] = std::pow(std::max(0.0, rest[size_t(d)]) / now / (start[size_t(d)] / then), balance);
                if (d != kPods)
                    worth[size_t(d)] = (weights ? weights[d] : 1.0) * tilt[size_t(d)];
            }
        }
        // The items that may still fit the node, in order: one that does not fit (or has no
        // replica left) never will again while the node only fills.
        candidates.clear();
        for (size_t i = 0; i < items.size(); ++i) {
            if (items[i].second > 0)
                candidates.push_back(i);
        }
        while (true) {
            const int64_t* u = pk.used(n);
            for (int d = 0; d < p.dims; ++d)
                room[size_t(d)] = double(t.cap[size_t(d)] - u[d]) * inv[size_t(d)] * tilt[size_t(d)];
            // Replicas with a per-node limit come first: they need many nodes, so every node
            // takes its share of them while there are any.
            int best = -1;
            double bestScore = -1;
            bool bestLimited = false;
            size_t kept = 0;
            for (size_t c = 0; c < candidates.size(); ++c) {
                const size_t i = candidates[c];
                if (items[i].second <= 0)
                    continue;
                const bool isLimited = limited[i] != 0;
                if (bestLimited && !isLimited) {
                    candidates[kept++] = i;
                    continue;
                }
                if (pk.fit(n, items[i].first, 1) < 1)
                    continue;
                candidates[kept++] = i;
                double score = 0;
                for (int d = 0; d < p.dims; ++d)
                    score += norm[i][size_t(d)] * room[size_t(d)];
                score *= share[i];
                if (score > bestScore || (isLimited && !bestLimited)) {
                    bestScore = score;
                    best = int(i);
                    bestLimited = isLimited;
                }
            }
            candidates.resize(kept);
            if (best < 0)
                break;
            pk.add(n, items[size_t(best)].first, 1);
            taken(size_t(best), -1);
            --left;
            any = true;
        }
        if (!any) {
            pk.close(n);
            break;
        }
        // The node is full: swap one of its replicas for a larger one left over (by the sum of
        // the normalised demands) while that fits, then add what still fits.
        // Sizes once per node (the worths may change from node to node).
        for (size_t i = 0; i < items.size(); ++i) {
            size[i] = 0;
            for (int d = 0; d < p.dims; ++d)
                size[i] += worth[size_t(d)] * norm[i][size_t(d)];
        }
        for (int round = 0; round < 8; ++round) {
            const int64_t* u = pk.used(n);
            int bestIn = -1, bestOut = -1;
            double bestGain = 1e-9;
            onNode.clear();
            for (const auto& [sh, c] : pk.nodes()[size_t(n)].items) {
                if (c > 0 && size_t(sh) < indexOf.size() && indexOf[size_t(sh)] >= 0 && !limited[size_t(indexOf[size_t(sh)])])
                    onNode.push_back(indexOf[size_t(sh)]);
            }
            std::sort(onNode.begin(), onNode.end());
            for (int ai : onNode) {
                const size_t a = size_t(ai);
                const int sa = items[a].first;
                const double sizeA = size[a];
                const int64_t* wa = p.demand(sa);
                for (size_t b = 0; b < items.size(); ++b) {
                    if (b == a || items[b].second <= 0 || limited[b] || !eligible[b])
                        continue;
                    if (size[b] - sizeA <= bestGain)
                        continue;
                    const int64_t* wb = p.demand(items[b].first);
                    bool fits = true;
                    for (int d = 0; d < p.dims && fits; ++d)
                        fits = u[d] - wa[d] + wb[d] <= t.cap[size_t(d)];
                    if (fits) {
                        bestGain = size[b] - sizeA;
                        bestIn = int(b);
                        bestOut = int(a);
                    }
                }
            }
            if (bestIn < 0)
                break;
            pk.remove(n, items[size_t(bestOut)].first, 1);
            taken(size_t(bestOut), 1);
            pk.add(n, items[size_t(bestIn)].first, 1);
            taken(size_t(bestIn), -1);
            for (size_t i = 0; i < items.size(); ++i) {
                while (items[i].second > 0 && pk.fit(n, items[i].first, 1) >= 1) {
                    pk.add(n, items[i].first, 1);
                    taken(i, -1);
                    --left;
                }
            }
        }
        opened.push_back(n);
    }
    return opened;
}

std::vector<int> packDotProductDecreasing(Packing& pk, int type, std::vector<std::pair<int, int>>& items, const Cancelled& cancelled)
{
    const Problem& p = pk.problem();
    const NodeType& t = p.types[size_t(type)];
    std::vector<double> inv(size_t(p.dims), 0.0);
    for (int d = 0; d < p.dims; ++d)
        inv[size_t(d)] = t.cap[size_t(d)] > 0 ? 1.0 / double(t.cap[size_t(d)]) : 0.0;
    auto size = [&](int s) {
        double v = 0;
        for (int d = 0; d < p.dims; ++d)
            v = std::max(v, double(p.demand(s)[d]) * inv[size_t(d)]);
        return v;
    };
    std::vector<size_t> order(items.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return size(items[a].first) > size(items[b].first); });
    std::vector<int> opened, fitting;
    for (size_t i : order) {
        if (cancelled && cancelled())
            break;
        const int s = items[i].first;
        const int64_t* dem = p.demand(s);
        // The opened nodes that may still take the shape (a node that does not never will
        // again: nodes only fill), in order.
        fitting = opened;
        while (items[i].second > 0) {
            int best = -1;
            double bestScore = -1;
            size_t kept = 0;
            for (int n : fitting) {
                if (pk.fit(n, s, 1) < 1)
                    continue;
                fitting[kept++] = n;
                const int64_t* u = pk.used(n);
                double score = 0;
                for (int d = 0; d < p.dims; ++d)
                    score += double(dem[d]) * inv[size_t(d)] * double(t.cap[size_t(d)] - u[d]) * inv[size_t(d)];
                if (score > bestScore) {
                    bestScore = score;
                    best = n;
                }
            }
            fitting.resize(kept);
            if (best < 0) {
                if (!pk.canOpen(type))
                    break;
                best = pk.open(type);
                if (pk.fit(best, s, 1) < 1) {
                    pk.close(best);
                    break;
                }
                opened.push_back(best);
                fitting.push_back(best);
            }
            pk.add(best, s, 1);
            --items[i].second;
        }
    }
    return opened;
}

std::vector<int> packMinSlack(Packing& pk, int type, std::vector<std::pair<int, int>>& items, const Cancelled& cancelled,
                              int64_t checks)
{
    const Problem& p = pk.problem();
    const NodeType& t = p.types[size_t(type)];
    const int dims = p.dims;
    std::vector<int> opened;
    // Items largest first by the sum of their normalised demands.
    std::vector<double> value(items.size(), 0.0);
    for (size_t i = 0; i < items.size(); ++i) {
        for (int d = 0; d < dims; ++d) {
            if (d != kPods && t.cap[size_t(d)] > 0)
                value[i] += double(p.demand(items[i].first)[d]) / double(t.cap[size_t(d)]);
        }
    }
    std::vector<size_t> order(items.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return value[a] > value[b]; });
    double full = 0; // the value of a node full in every dimension
    for (int d = 0; d < dims; ++d) {
        if (d != kPods && t.cap[size_t(d)] > 0)
            full += 1.0;
    }
    // Per position in that order: the least demand per dimension of the items from there on
    // (how many more replicas the room can take at most).
    std::vector<int64_t> leastFrom((order.size() + 1) * size_t(dims), std::numeric_limits<int64_t>::max());
    for (size_t k = order.size(); k-- > 0;) {
        for (int d = 0; d < dims; ++d)
            leastFrom[k * size_t(dims) + size_t(d)] = std::min(leastFrom[(k + 1) * size_t(dims) + size_t(d)], p.demand(items[order[k]].first)[d]);
    }
    std::vector<int> taken(items.size(), 0), best;
    std::vector<int> path; // positions in order, non-increasing value
    std::vector<int64_t> used(static_cast<size_t>(dims));
    std::vector<char> allowed(items.size());
    for (size_t i = 0; i < items.size(); ++i)
        allowed[i] = p.isEligible(items[i].first, type) && !pk.isBlocked(items[i].first);
    // Another replica of item i fits the node being searched.
    auto fits = [&](size_t i) {
        const int s = items[i].first;
        if (!allowed[i] || items[i].second - taken[i] <= 0)
            return false;
        const Shape& sh = p.shapes[size_t(s)];
        if (sh.maxPerNode != kNoLimit && taken[i] >= sh.maxPerNode)
            return false;
        const int64_t* dm = p.demand(s);
        for (int d = 0; d < dims; ++d) {
            if (used[size_t(d)] + dm[d] > t.cap[size_t(d)])
                return false;
        }
        return true;
    };
    auto put = [&](size_t i, int sign) {
        taken[i] += sign;
        const int64_t* dm = p.demand(items[i].first);
        for (int d = 0; d < dims; ++d)
            used[size_t(d)] += sign * dm[d];
    };
    while (true) {
        if ((cancelled && cancelled()) || !pk.canOpen(type))
            break;
        // The largest item left that fits an empty node starts it.
        std::fill(used.begin(), used.end(), 0);
        size_t first = order.size();
        for (size_t k = 0; k < order.size() && first == order.size(); ++k) {
            const size_t i = order[k];
            if (fits(i))
                first = k;
        }
        if (first == order.size())
            break;
        put(order[first], 1);
        double current = value[order[first]], bestValue = current;
        best.assign(1, int(first));
        path.assign(1, int(first));
        int64_t budget = checks;
        // Depth-first over the positions from the last one taken on (repeats allowed), larger
        // items first; stops at a full node or the budget.
        // At most how many more replicas fit the room, by the least demands from position k on
        // (once per level: the bound stays valid further along, where the demands only grow).
        auto moreFrom = [&](size_t k) {
            int64_t more = std::numeric_limits<int64_t>::max();
            for (int d = 0; d < dims; ++d) {
                const int64_t least = leastFrom[k * size_t(dims) + size_t(d)];
                if (least > 0)
                    more = std::min(more, (t.cap[size_t(d)] - used[size_t(d)]) / least);
            }
            return double(more);
        };
        std::vector<size_t> next(1, first);
        std::vector<double> moreAt(1, moreFrom(first));
        while (!next.empty() && budget > 0 && bestValue < full - 1e-9) {
            size_t& k = next.back();
            bool descended = false;
            const double more = moreAt.back();
            for (; k < order.size() && budget > 0; ++k) {
                const size_t i = order[k];
                // What the node can still gain from here on: at most `more` replicas, each
                // worth at most this one (the items come by decreasing worth).
                if (current + std::min(more * value[i], full - current) <= bestValue + 1e-12) {
                    k = order.size();
                    break;
                }
                --budget;
                if (!fits(i))
                    continue;
                put(i, 1);
                current += value[i];
                path.push_back(int(k));
                if (current > bestValue + 1e-12) {
                    bestValue = current;
                    best = path;
                }
                const size_t from = k; // (k refers into next)
                moreAt.push_back(moreFrom(from));
                next.push_back(from);
                descended = true;
                break;
            }
            if (descended)
                continue;
            // This level is done: undo the item that led here and go on after it.
            next.pop_back();
            moreAt.pop_back();
            if (next.empty())
                break;
            const size_t i = order[size_t(path.back())];
            put(i, -1);
            current -= value[i];
            path.pop_back();
            ++next.back();
        }
        // Undo the search's state and open the node with the best multiset.
        std::fill(taken.begin(), taken.end(), 0);
        const int n = pk.open(type);
        for (int k : best) {
            const size_t i = order[size_t(k)];
            if (pk.fit(n, items[i].first, 1) >= 1) {
                pk.add(n, items[i].first, 1);
                --items[i].second;
            }
        }
        if (pk.empty(n)) {
            pk.close(n);
            break;
        }
        opened.push_back(n);
    }
    return opened;
}

void greedyPack(Packing& pk, const std::vector<double>& values, int64_t knapsackNodes, const Cancelled& cancelled)
{
    const Problem& p = pk.problem();
    // Residual shapes: every non-TPU shape with replicas left (TPU shapes go as whole slices).
    std::vector<int> residual;
    for (size_t s = 0; s < p.shapes.size(); ++s) {
        if (!p.shapes[s].tpu && pk.remaining(int(s)) > 0 && !p.shapes[s].eligible.empty() && !pk.isBlocked(int(s)))
            residual.push_back(int(s));
    }
    // Largest value first into the room of open nodes (minNodes nodes, TPU hosts, kept nodes).
    std::stable_sort(residual.begin(), residual.end(), [&](int a, int b) { return values[size_t(a)] > values[size_t(b)]; });
    for (int s : residual)
        fillOpenNodes(pk, s, pk.remaining(s), true);

    // Per node type, the residual shapes it may hold by value per normalised size, once.
    std::vector<std::vector<int>> order(p.types.size());
    for (size_t t = 0; t < p.types.size(); ++t) {
        const NodeType& type = p.types[t];
        if (type.hostsPerSlice > 1)
            continue;
        std::vector<std::pair<double, int>> keyed;
        for (int s : residual) {
            if (!p.isEligible(s, int(t)) || values[size_t(s)] <= 0)
                continue;
            double size = 0;
            for (int d = 0; d < p.dims; ++d) {
                if (type.cap[size_t(d)] > 0)
                    size += double(p.demand(s)[d]) / double(type.cap[size_t(d)]);
            }
            keyed.emplace_back(-values[size_t(s)] / std::max(size, 1e-12), s);
        }
        std::sort(keyed.begin(), keyed.end());
        for (const auto& [k, s] : keyed)
            order[t].push_back(s);
    }

    std::vector<KnapsackItem> items;
    std::vector<int64_t> room(static_cast<size_t>(p.dims), 0);
    constexpr int kShortlist = 3;
    while (true) {
        if (cancelled && cancelled())
            return;
        // A quick greedy fill per type ranks the types; the best few get a real knapsack.
        std::vector<std::pair<double, int>> ranked;
        for (size_t t = 0; t < p.types.size(); ++t) {
            const NodeType& type = p.types[t];
            if (order[t].empty() || !pk.canOpen(int(t)))
                continue;
            room.assign(type.cap.begin(), type.cap.end());
            double value = 0;
            for (int s : order[t]) {
                int64_t k = std::min(pk.remaining(s), p.shapes[size_t(s)].maxPerNode);
                const int64_t* d = p.demand(s);
                for (int j = 0; j < p.dims && k > 0; ++j) {
                    if (d[j] > 0)
                        k = std::min<int64_t>(k, room[size_t(j)] / d[j]);
                }
                if (k <= 0)
                    continue;
                for (int j = 0; j < p.dims; ++j)
                    room[size_t(j)] -= d[j] * k;
                value += values[size_t(s)] * double(k);
            }
            if (value <= 0)
                continue;
            ranked.emplace_back(-(type.price > 0 ? value / type.price : value * 1e12), int(t));
        }
        if (ranked.empty())
            return; // nothing left can go anywhere
        std::sort(ranked.begin(), ranked.end());
        int bestType = -1;
        double bestRatio = -1;
        KnapsackResult bestPattern;
        for (size_t r = 0; r < ranked.size() && r < size_t(kShortlist); ++r) {
            const int t = ranked[r].second;
            const NodeType& type = p.types[size_t(t)];
            items.clear();
            for (int s : order[size_t(t)]) {
                const int left = pk.remaining(s);
                if (left > 0)
                    items.push_back(KnapsackItem{s, values[size_t(s)], p.demand(s), std::min(left, p.shapes[size_t(s)].maxPerNode)});
            }
            KnapsackResult k = solveKnapsack(items, type.cap.data(), p.dims, knapsackNodes, nullptr, false);
            if (k.counts.empty())
                continue;
            const double ratio = type.price > 0 ? k.value / type.price : k.value * 1e12;
            if (ratio > bestRatio * (1 + 1e-12)) {
                bestRatio = ratio;
                bestType = t;
                bestPattern = std::move(k);
            }
        }
        if (bestType < 0)
            return;
        int copies = kNoLimit;
        for (const auto& [s, c] : bestPattern.counts)
            copies = std::min(copies, pk.remaining(s) / c);
        copies = std::max(1, std::min(copies, pk.roomInPool(p.types[size_t(bestType)].pool)));
        for (int i = 0; i < copies; ++i) {
            const int n = pk.open(bestType);
            for (const auto& [s, c] : bestPattern.counts)
                pk.add(n, s, std::min(c, pk.remaining(s)));
        }
    }
}

void firstFitDecreasing(Packing& pk, const Cancelled& cancelled)
{
    const Problem& p = pk.problem();
    std::vector<int> order;
    for (size_t s = 0; s < p.shapes.size(); ++s) {
        if (!p.shapes[s].tpu && pk.remaining(int(s)) > 0 && !p.shapes[s].eligible.empty())
            order.push_back(int(s));
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const auto& da = p.shapes[size_t(a)].demand;
        const auto& db = p.shapes[size_t(b)].demand;
        if (da[kCpu] != db[kCpu])
            return da[kCpu] > db[kCpu];
        return da[kMemory] > db[kMemory];
    });
    for (int s : order) {
        if (cancelled && cancelled())
            return;
        if (pk.isBlocked(s))
            continue;
        fillOpenNodes(pk, s, pk.remaining(s), false);
        // Every open node is now full for this shape: new nodes, the cheapest type that fits a Pod.
        const std::vector<int> types = typesByPrice(p, p.shapes[size_t(s)].eligible);
        while (pk.remaining(s) > 0) {
            int chosen = -1;
            for (int t : types) {
                if (p.types[size_t(t)].hostsPerSlice <= 1 && pk.canOpen(t) && aloneFit(p, s, t) > 0) {
                    chosen = t;
                    break;
                }
            }
            if (chosen < 0)
                break;
            const int n = pk.open(chosen);
            pk.add(n, s, pk.fit(n, s, pk.remaining(s)));
        }
    }
}

void topUpMinNodes(Packing& pk)
{
    const Problem& p = pk.problem();
    for (size_t pi = 0; pi < p.pools.size(); ++pi) {
        const PoolInfo& pool = p.pools[pi];
        if (pool.types.empty() || pk.poolNodes(int(pi)) >= pool.minNodes)
            continue;
        const int t = typesByPrice(p, pool.types).front();
        const int h = std::max(1, p.types[size_t(t)].hostsPerSlice);
        while (pk.poolNodes(int(pi)) < pool.minNodes && pk.canOpen(t, h)) {
            const int slice = p.types[size_t(t)].machine->tpu ? nextSlice(pk, int(pi)) : -1;
            for (int w = 0; w < h; ++w) {
                const int n = pk.open(t);
                pk.nodes()[size_t(n)].forMin = true;
                pk.nodes()[size_t(n)].slice = slice;
                pk.nodes()[size_t(n)].worker = slice >= 0 ? w : -1;
            }
        }
    }
}

std::vector<std::pair<int, int>> enforceGangs(Packing& pk)
{
    const Problem& p = pk.problem();
    std::vector<std::pair<int, int>> removed;
    for (size_t s = 0; s < p.shapes.size(); ++s) {
        if (!p.shapes[s].gang || pk.remaining(int(s)) == 0 || pk.isBlocked(int(s)))
            continue;
        removed.emplace_back(int(s), pk.placed()[s]);
        pk.noteGangFit(int(s), pk.placed()[s]);
        for (size_t n = 0; n < pk.nodes().size(); ++n) {
            if (pk.nodes()[n].alive)
                pk.remove(int(n), int(s), pk.countOn(int(n), int(s)));
        }
        pk.block(int(s));
    }
    return removed;
}

void closeEmptyNodes(Packing& pk)
{
    const Problem& p = pk.problem();
    // Most expensive first, newest first.
    std::vector<int> order;
    for (size_t n = 0; n < pk.nodes().size(); ++n) {
        if (pk.nodes()[n].alive && pk.empty(int(n)))
            order.push_back(int(n));
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const double pa = p.types[size_t(pk.nodes()[size_t(a)].type)].price;
        const double pb = p.types[size_t(pk.nodes()[size_t(b)].type)].price;
        if (pa != pb)
            return pa > pb;
        return a > b;
    });
    for (int n : order) {
        const PackNode& node = pk.nodes()[size_t(n)];
        if (!node.alive)
            continue;
        const NodeType& t = p.types[size_t(node.type)];
        const PoolInfo& pool = p.pools[size_t(t.pool)];
        if (t.hostsPerSlice > 1) {
            // A slice goes only whole, and only when every host is empty.
            std::vector<int> members;
            bool allEmpty = true;
            for (size_t m = 0; m < pk.nodes().size(); ++m) {
                const PackNode& other = pk.nodes()[m];
                if (other.alive && p.types[size_t(other.type)].pool == t.pool && other.slice == node.slice) {
                    members.push_back(int(m));
                    allEmpty = allEmpty && other.items.empty();
                }
            }
            if (allEmpty && pk.poolNodes(t.pool) - int(members.size()) >= pool.minNodes) {
                for (int m : members)
                    pk.close(m);
            }
            continue;
        }
        if (pk.poolNodes(t.pool) - 1 >= pool.minNodes)
            pk.close(n);
    }
}

namespace {

// The pool still has its minNodes with one node fewer.
bool keepsMinWithoutOne(const Packing& pk, int pool)
{
    return pk.poolNodes(pool) - 1 >= pk.problem().pools[size_t(pool)].minNodes;
}

bool removable(const Packing& pk, int node)
{
    const Problem& p = pk.problem();
    const PackNode& n = pk.nodes()[size_t(node)];
    const NodeType& t = p.types[size_t(n.type)];
    if (t.hostsPerSlice > 1)
        return false; // slices go whole
    return keepsMinWithoutOne(pk, t.pool);
}

// Tries to move every replica of node elsewhere; undoes the moves when it cannot.
bool evacuate(Packing& pk, int node, bool stable)
{
    const PackNode& src = pk.nodes()[size_t(node)];
    if (stable && src.kept)
        return false;
    const std::vector<std::pair<int, int>> items = src.items;
    std::vector<std::tuple<int, int, int>> moves; // target, shape, count
    bool ok = true;
    for (const auto& [s, c] : items) {
        int left = c;
        // Fullest targets first, so that emptier nodes stay candidates for removal.
        while (left > 0) {
            int target = -1;
            double bestFill = -1;
            for (size_t n = 0; n < pk.nodes().size(); ++n) {
                if (int(n) == node || !pk.nodes()[n].alive || !pk.problem().isEligible(s, pk.nodes()[n].type)
                    || pk.fit(int(n), s, 1) < 1)
                    continue;
                const double f = pk.fill(int(n));
                if (f > bestFill) {
                    bestFill = f;
                    target = int(n);
                }
            }
            if (target < 0)
                break;
            const int k = pk.fit(target, s, left);
            pk.add(target, s, k);
            moves.emplace_back(target, s, k);
            left -= k;
        }
        if (left > 0) {
            ok = false;
            break;
        }
    }
    if (!ok) {
        for (const auto& [n, s, k] : moves)
            pk.remove(n, s, k);
        return false;
    }
    for (const auto& [s, c] : items)
        pk.remove(node, s, c);
    return true;
}

// The cheapest node type that holds exactly these items (used vector) and every item's
// eligibility; -1 when none is cheaper than `below`. Types of other pools only when
// mayLeavePool (the current pool keeps its minNodes without the node).
int cheaperType(const Packing& pk, const std::vector<std::pair<int, int>>& items, const int64_t* used,
                double below, int currentPoolFree, int currentPool, bool mayLeavePool = true)
{
    const Problem& p = pk.problem();
    int best = -1;
    double bestPrice = below;
    for (size_t t = 0; t < p.types.size(); ++t) {
        const NodeType& type = p.types[t];
        if (type.hostsPerSlice > 1 || type.price >= bestPrice - 1e-12 || (!mayLeavePool && type.pool != currentPool))
            continue;
        const int64_t room = int64_t(pk.roomInPool(type.pool)) + (type.pool == currentPool ? currentPoolFree : 0); // unlimited: INT_MAX
        if (room <= 0)
            continue;
        bool ok = true;
        for (int k = 0; k < p.dims && ok; ++k)
            ok = used[k] <= type.cap[size_t(k)];
        for (const auto& [s, c] : items) {
            if (!ok)
                break;
            ok = p.isEligible(s, int(t));
        }
        if (ok) {
            best = int(t);
            bestPrice = type.price;
        }
    }
    return best;
}

} // namespace

void improve(Packing& pk, int effort, bool stable, const Cancelled& cancelled)
{
    const Problem& p = pk.problem();
    const int candidates = 48 * std::max(1, effort);
    for (int pass = 0; pass < 2 + effort; ++pass) {
        bool changed = false;
        if (cancelled && cancelled())
            return;

        // 1. Empty the least filled nodes into the others.
        std::vector<std::pair<double, int>> order;
        for (size_t n = 0; n < pk.nodes().size(); ++n) {
            if (pk.nodes()[n].alive && !pk.empty(int(n)))
                order.emplace_back(pk.fill(int(n)) - p.types[size_t(pk.nodes()[n].type)].price * 1e-9, int(n));
        }
        std::sort(order.begin(), order.end());
        if (int(order.size()) > candidates)
            order.resize(size_t(candidates));
        for (const auto& [f, n] : order) {
            if (cancelled && cancelled())
                return;
            if (!pk.nodes()[size_t(n)].alive || !removable(pk, n))
                continue;
            if (evacuate(pk, n, stable)) {
                pk.close(n);
                changed = true;
            }
        }

        // 2. Move each node's content to the cheapest type that holds it.
        for (size_t n = 0; n < pk.nodes().size(); ++n) {
            PackNode& node = pk.nodes()[n];
            if (!node.alive || node.items.empty() || (stable && node.kept))
                continue;
            const NodeType& type = p.types[size_t(node.type)];
            if (type.hostsPerSlice > 1)
                continue;
            // A node moves to another pool only while its own keeps minNodes.
            const int better = cheaperType(pk, node.items, pk.used(int(n)), type.price, 1, type.pool, keepsMinWithoutOne(pk, type.pool));
            if (better >= 0) {
                pk.retype(int(n), better);
                changed = true;
            }
        }

        // 3. Merge two nodes into one cheaper node.
        order.clear();
        for (size_t n = 0; n < pk.nodes().size(); ++n) {
            const PackNode& node = pk.nodes()[n];
            if (node.alive && !node.items.empty() && !(stable && node.kept) && p.types[size_t(node.type)].hostsPerSlice <= 1)
                order.emplace_back(pk.fill(int(n)), int(n));
        }
        std::sort(order.begin(), order.end());
        const size_t limit = std::min(order.size(), size_t(std::max(8, candidates / 2)));
        std::vector<int64_t> sum(size_t(p.dims));
        for (size_t i = 0; i < limit; ++i) {
            if (cancelled && cancelled())
                return;
            const int a = order[i].second;
            if (!pk.nodes()[size_t(a)].alive)
                continue;
            for (size_t j = i + 1; j < limit; ++j) {
                const int b = order[j].second;
                if (!pk.nodes()[size_t(b)].alive || !pk.nodes()[size_t(a)].alive)
                    continue;
                const PackNode& na = pk.nodes()[size_t(a)];
                const PackNode& nb = pk.nodes()[size_t(b)];
                const NodeType& ta = p.types[size_t(na.type)];
                const NodeType& tb = p.types[size_t(nb.type)];
                if (!removable(pk, b) && !(ta.pool == tb.pool))
                    continue;
                for (int k = 0; k < p.dims; ++k)
                    sum[size_t(k)] = pk.used(a)[k] + pk.used(b)[k];
                std::vector<std::pair<int, int>> merged = na.items;
                bool perNodeOk = true;
                for (const auto& [s, c] : nb.items) {
                    auto it = std::lower_bound(merged.begin(), merged.end(), std::make_pair(s, 0));
                    if (it != merged.end() && it->first == s)
                        it->second += c;
                    else
                        merged.insert(it, {s, c});
                }
                for (const auto& [s, c] : merged)
                    perNodeOk = perNodeOk && c <= p.shapes[size_t(s)].maxPerNode;
                if (!perNodeOk)
                    continue;
                // Closing b frees a slot in b's pool; retyping a frees a's.
                const int poolB = tb.pool;
                const bool minOkB = pk.poolNodes(poolB) - 1 >= p.pools[size_t(poolB)].minNodes;
                if (!minOkB)
                    continue;
                const int t = cheaperType(pk, merged, sum.data(), ta.price + tb.price, ta.pool == tb.pool ? 2 : 1, ta.pool);
                if (t < 0)
                    continue;
                const NodeType& target = p.types[size_t(t)];
                // When the merged node moves pools, a's pool loses a — and b too when b was in it:
                // it must keep minNodes.
                const int leaving = ta.pool == tb.pool ? 2 : 1;
                if (target.pool != ta.pool && pk.poolNodes(ta.pool) - leaving < p.pools[size_t(ta.pool)].minNodes)
                    continue;
                const std::vector<std::pair<int, int>> moved = nb.items;
                for (const auto& [s, c] : moved)
                    pk.remove(b, s, c);
                pk.close(b);
                pk.retype(a, t);
                for (const auto& [s, c] : moved)
                    pk.add(a, s, c);
                changed = true;
            }
        }
        if (!changed)
            break;
    }
}

namespace {

// Nodes drainNodes looks at per step: a quarter of the packing, at least kDrainWindowMin and at most
// kDrainWindowMax.
constexpr size_t kDrainWindowMin = 512;
constexpr size_t kDrainWindowMax = 4096;

} // namespace

int64_t drainNodes(Packing& pk, const Cancelled& cancelled, int64_t work)
{
    const Problem& p = pk.problem();
    const int dims = p.dims;
    int64_t closed = 0;
    size_t step = 0;
    auto movable = [&](int n) {
        const PackNode& node = pk.nodes()[size_t(n)];
        return node.alive && !node.items.empty() && p.types[size_t(node.type)].hostsPerSlice <= 1;
    };
    std::vector<std::pair<double, int>> donors;
    for (size_t n = 0; n < pk.nodes().size(); ++n) {
        if (movable(int(n)))
            donors.emplace_back(pk.fill(int(n)), int(n));
    }
    std::sort(donors.begin(), donors.end());
    const size_t window = std::clamp(donors.size() / 4, kDrainWindowMin, kDrainWindowMax);
    // Looked up in the inner loops: per node type whether it is a multi-host slice, per shape
    // its per-node limit, and per donor's node type each shape's share and eligibility.
    std::vector<char> multiHost(p.types.size());
    for (size_t t = 0; t < p.types.size(); ++t)
        multiHost[t] = p.types[t].hostsPerSlice > 1;
    std::vector<int> limitOf(p.shapes.size());
    for (size_t x = 0; x < p.shapes.size(); ++x)
        limitOf[x] = p.shapes[x].maxPerNode;
    std::vector<std::vector<double>> sharesOf(p.types.size());
    std::vector<std::vector<char>> eligibleOn(p.types.size());
    std::vector<std::pair<double, int>> items;
    for (const auto& [fill, d] : donors) {
        if (work <= 0 || (cancelled && cancelled()))
            break;
        const PackNode& node = pk.nodes()[size_t(d)];
        if (!movable(d) || node.forMin)
            continue;
        const int type = node.type;
        if (!keepsMinWithoutOne(pk, p.types[size_t(type)].pool))
            continue;
        const int64_t* own = p.cap(type);
        // A replica's share of the node: its demand in shares of the node's capacity, summed
        // over dimensions. What is left on the node is the sum over its replicas. Once per
        // node type.
        std::vector<double>& shares = sharesOf[size_t(type)];
        if (shares.empty()) {
            shares.resize(p.shapes.size());
            for (size_t x = 0; x < p.shapes.size(); ++x) {
                const int64_t* dm = p.demand(int(x));
                double e = 0;
                for (int k = 0; k < dims; ++k) {
                    if (own[k] > 0)
                        e += double(dm[k]) / double(own[k]);
                }
                shares[x] = e;
            }
            eligibleOn[size_t(type)].resize(p.shapes.size());
            for (size_t x = 0; x < p.shapes.size(); ++x)
                eligibleOn[size_t(type)][x] = p.isEligible(int(x), type);
        }
        const std::vector<char>& here = eligibleOn[size_t(type)];
        auto share = [&](int shape) { return shares[size_t(shape)]; };
        double left = 0;
        for (const auto& [x, cx] : node.items)
            left += share(x) * cx;
        while (!pk.empty(d) && work > 0 && !(cancelled && cancelled())) {
            // The move that leaves the least on the node: one of its replicas to another node
            // where it fits, or there in exchange for a smaller replica. The largest replica
            // that fits elsewhere as it is is the best move; exchanges are looked for while
            // none does. Large packings look at a window of the nodes each step, moving on by a
            // prime stride.
            double best = left - 1e-9;
            int bestR = -1, bestX = -1, bestY = -1;
            const size_t total = pk.nodes().size();
            const size_t scan = std::min(total, window);
            const size_t start = scan < total ? (step * 7919u) % total : 0;
            ++step;
            items.clear();
            for (const auto& [x, cx] : pk.nodes()[size_t(d)].items)
                items.emplace_back(-share(x), x);
            std::sort(items.begin(), items.end());
            bool found = false;
            for (const auto& [negative, x] : items) {
                const double sx = -negative;
                if (found || left - sx >= best)
                    break; // smaller replicas leave more
                const int64_t* dx = p.demand(x);
                const int limitX = limitOf[size_t(x)];
                size_t r = start;
                for (size_t i = 0; i < scan && !found; ++i, r = r + 1 == total ? 0 : r + 1) {
                    const PackNode& rn = pk.nodes()[r];
                    if (int(r) == d || !rn.alive || rn.items.empty() || multiHost[size_t(rn.type)]
                        || !p.isEligible(x, rn.type))
                        continue;
                    work -= int64_t(rn.items.size()) + 1;
                    if (limitX != kNoLimit && pk.countOn(int(r), x) >= limitX)
                        continue;
                    const int64_t* ur = pk.used(int(r));
                    const int64_t* cr = p.cap(rn.type);
                    bool fits = true;
                    for (int k = 0; k < dims && fits; ++k)
                        fits = ur[k] + dx[k] <= cr[k];
                    if (fits) {
                        best = left - sx;
                        bestR = int(r), bestX = x, bestY = -1;
                        found = true;
                        break;
                    }
                    for (const auto& [y, cy] : rn.items) {
                        const double e = left - sx + share(y);
                        if (e >= best || y == x || !here[size_t(y)])
                            continue;
                        if (limitOf[size_t(y)] != kNoLimit && pk.countOn(d, y) >= limitOf[size_t(y)])
                            continue;
                        const int64_t* dy = p.demand(y);
                        const int64_t* ud = pk.used(d);
                        bool swaps = true;
                        for (int k = 0; k < dims && swaps; ++k)
                            swaps = ur[k] - dy[k] + dx[k] <= cr[k] && ud[k] - dx[k] + dy[k] <= own[k];
                        if (swaps) {
                            best = e;
                            bestR = int(r), bestX = x, bestY = y;
                        }
                    }
                }
            }
            if (bestR < 0)
                break;
            pk.remove(d, bestX, 1);
            if (bestY >= 0) {
                pk.remove(bestR, bestY, 1);
                pk.add(d, bestY, 1);
            }
            pk.add(bestR, bestX, 1);
            left = best;
        }
        // An emptied node closes; one that is not keeps the moves (they cost nothing and
        // gather load on the other nodes).
        if (pk.empty(d)) {
            pk.close(d);
            ++closed;
        }
    }
    return closed;
}

void ruinAndRecreate(Packing& pk, const std::vector<double>& values, int iterations, bool stable, const Cancelled& cancelled,
                     int64_t work)
{
    const Problem& p = pk.problem();
    std::mt19937 rng(20240917u);
    auto movable = [&](int n) {
        const PackNode& node = pk.nodes()[size_t(n)];
        return node.alive && !node.items.empty() && !(stable && node.kept) && p.types[size_t(node.type)].hostsPerSlice <= 1;
    };
    for (int it = 0; it < iterations && work > 0; ++it) {
        if (cancelled && cancelled())
            return;
        std::vector<int> candidates;
        for (size_t n = 0; n < pk.nodes().size(); ++n) {
            if (movable(int(n)))
                candidates.push_back(int(n));
        }
        if (candidates.size() < 2)
            return;
        // Which nodes to ruin: the emptiest few, random ones, or one node and others of its type.
        const int k = std::min<int>(int(candidates.size()), 2 + int(rng() % std::max<size_t>(4, candidates.size() / 8)));
        std::vector<int> ruin;
        switch (it % 3) {
        case 0: {
            std::vector<std::pair<double, int>> byFill;
            for (int n : candidates)
                byFill.emplace_back(pk.fill(n), n);
            // The emptiest node and some of the next emptiest, drawn at random.
            const size_t window = std::min(byFill.size(), size_t(4 * k));
            std::partial_sort(byFill.begin(), byFill.begin() + long(window), byFill.end());
            ruin.push_back(byFill.front().second);
            while (int(ruin.size()) < k) {
                const int n = byFill[1 + rng() % (window - 1)].second;
                if (std::find(ruin.begin(), ruin.end(), n) == ruin.end())
                    ruin.push_back(n);
                else if (window <= size_t(k))
                    break;
            }
            break;
        }
        case 1:
            while (int(ruin.size()) < k) {
                const int n = candidates[rng() % candidates.size()];
                if (std::find(ruin.begin(), ruin.end(), n) == ruin.end())
                    ruin.push_back(n);
            }
            break;
        default: {
            const int first = candidates[rng() % candidates.size()];
            ruin.push_back(first);
            for (int n : candidates) {
                if (int(ruin.size()) >= k)
                    break;
                if (n != first && pk.nodes()[size_t(n)].type == pk.nodes()[size_t(first)].type)
                    ruin.push_back(n);
            }
            break;
        }
        }

        const Packing before = pk;
        const double cost = pk.cost();
        std::vector<int> placedBefore = pk.placed();
        std::vector<std::pair<int, int>> removed;
        for (int n : ruin) {
            const std::vector<std::pair<int, int>> items = pk.nodes()[size_t(n)].items;
            for (const auto& [s, c] : items) {
                pk.remove(n, s, c);
                removed.emplace_back(s, c);
            }
            if (!pk.nodes()[size_t(n)].forMin)
                pk.close(n);
        }
        // Work: every removed (shape, count) is placed again by a scan of the nodes.
        work -= int64_t(removed.size()) * int64_t(pk.nodes().size());
        // Recreate: the biggest replicas first into the fullest nodes, the rest on new nodes.
        std::sort(removed.begin(), removed.end(), [&](const auto& a, const auto& b) {
            return values[size_t(a.first)] > values[size_t(b.first)];
        });
        for (const auto& [s, c] : removed)
            fillOpenNodes(pk, s, pk.remaining(s), true);
        greedyPack(pk, values, 200, cancelled);
        topUpMinNodes(pk);
        // New nodes on the cheapest type that holds them.
        for (size_t n = 0; n < pk.nodes().size(); ++n) {
            PackNode& node = pk.nodes()[n];
            if (!node.alive || node.items.empty() || n < before.nodes().size())
                continue;
            const int pool = p.types[size_t(node.type)].pool;
            const int best = cheaperType(pk, node.items, pk.used(int(n)), p.types[size_t(node.type)].price, 1, pool,
                                         keepsMinWithoutOne(pk, pool));
            if (best >= 0)
                pk.retype(int(n), best);
        }
        closeEmptyNodes(pk);
        const bool complete = pk.placed() == placedBefore;
        // Cheaper wins; at the same price, load gathered on fewer nodes (a larger sum of squared
        // fills) wins too, which lets later rounds empty a node.
        const double now = pk.cost();
        const double tolerance = 1e-9 * std::max(1.0, cost);
        bool accept = complete && now < cost - tolerance;
        if (complete && !accept && now <= cost + tolerance) {
            auto concentration = [](const Packing& q) {
                double sum = 0;
                for (size_t n = 0; n < q.nodes().size(); ++n) {
                    if (q.nodes()[n].alive) {
                        const double f = q.fill(int(n));
                        sum += f * f;
                    }
                }
                return sum;
            };
            accept = concentration(pk) > concentration(before) + 1e-9;
        }
        if (!accept)
            pk = before;
    }
}

} // namespace cw::solve::detail
