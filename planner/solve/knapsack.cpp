// SPDX-License-Identifier: GPL-3.0-or-later
#include "knapsack.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cw::solve::detail {

namespace {

struct Item {
    int id;
    double value;
    const int64_t* weight;
    int bound;
    double surrogate; // weight under the chosen multipliers
};

class Search {
public:
    Search(std::vector<Item> items, const int64_t* cap, int dims, std::vector<double> lambda, int64_t nodeLimit)
        : m_items(std::move(items)), m_dims(dims), m_lambda(std::move(lambda)), m_nodeLimit(nodeLimit)
    {
        m_rem.assign(cap, cap + dims);
        m_counts.assign(m_items.size(), 0);
        m_best.assign(m_items.size(), 0);
    }

    // Fractional bound of items from `from` on under the surrogate capacity.
    double dantzig(size_t from, double capacity) const
    {
        double bound = 0;
        for (size_t j = from; j < m_items.size(); ++j) {
            const Item& it = m_items[j];
            if (it.surrogate <= 0) {
                bound += it.value * it.bound;
                continue;
            }
            if (capacity <= 0)
                break;
            const double take = std::min<double>(it.bound, capacity / it.surrogate);
            bound += take * it.value;
            capacity -= take * it.surrogate;
        }
        return bound;
    }

    double surrogateCapacity() const
    {
        double s = 0;
        for (int d = 0; d < m_dims; ++d)
            s += m_lambda[size_t(d)] * double(m_rem[size_t(d)]);
        return s;
    }

    int maxCopies(const Item& it) const
    {
        int64_t c = it.bound;
        for (int d = 0; d < m_dims && c > 0; ++d) {
            if (it.weight[d] > 0)
                c = std::min<int64_t>(c, m_rem[size_t(d)] / it.weight[d]);
        }
        return int(c);
    }

    void apply(const Item& it, int copies)
    {
        for (int d = 0; d < m_dims; ++d)
            m_rem[size_t(d)] -= it.weight[d] * copies;
    }

    void greedy()
    {
        double value = 0;
        for (size_t i = 0; i < m_items.size(); ++i) {
            const int c = maxCopies(m_items[i]);
            m_counts[i] = c;
            apply(m_items[i], c);
            value += c * m_items[i].value;
        }
        m_bestValue = value;
        m_best = m_counts;
        for (size_t i = 0; i < m_items.size(); ++i) {
            apply(m_items[i], -m_counts[i]);
            m_counts[i] = 0;
        }
    }

    void run(size_t i, double value)
    {
        if (m_aborted)
            return;
        if (++m_nodes > m_nodeLimit) {
            m_aborted = true;
            return;
        }
        if (i == m_items.size()) {
            if (value > m_bestValue + 1e-12) {
                m_bestValue = value;
                m_best = m_counts;
            }
            return;
        }
        const Item& it = m_items[i];
        const int top = maxCopies(it);
        for (int c = top; c >= 0; --c) {
            apply(it, c);
            const double v = value + c * it.value;
            const double ub = v + dantzig(i + 1, surrogateCapacity());
            const double floor = std::max(m_bestValue, m_target);
            if (ub <= floor + 1e-12 * std::max(1.0, floor)) {
                apply(it, -c);
                break; // fewer copies of the most efficient item cannot raise the bound
            }
            m_counts[i] = c;
            run(i + 1, v);
            m_counts[i] = 0;
            apply(it, -c);
            if (m_aborted) {
                // This count's subtree and the smaller counts left are bounded by ub.
                m_abortBound = std::max(m_abortBound, ub);
                return;
            }
        }
    }

    std::vector<Item> m_items;
    int m_dims;
    std::vector<double> m_lambda;
    int64_t m_nodeLimit;
    std::vector<int64_t> m_rem;
    std::vector<int> m_counts;
    std::vector<int> m_best;
    double m_bestValue = 0;
    double m_target = 0;       // only packings worth more than this matter
    double m_abortBound = 0;   // bound of what a stopped search left unexplored
    int64_t m_nodes = 0;
    bool m_aborted = false;
};

// Upper bound of a bounded knapsack by dynamic programming on one surrogate dimension: every
// weight is rounded down to a grid of `grid` units of the surrogate capacity (a relaxation),
// so integrality within that dimension counts (two items of 60 % do not fit) where the
// fractional bound would let them.
double surrogateDpBound(const std::vector<Item>& items, const std::vector<double>& lambda, const int64_t* cap, int dims, int grid)
{
    double capacity = 0;
    for (int d = 0; d < dims; ++d)
        capacity += lambda[size_t(d)] * double(cap[d]);
    if (capacity <= 0)
        return std::numeric_limits<double>::infinity();
    const double unit = capacity / grid;
    std::vector<double> dp(size_t(grid) + 1, 0.0);
    double free = 0;
    for (const auto& it : items) {
        double w = 0;
        for (int d = 0; d < dims; ++d)
            w += lambda[size_t(d)] * double(it.weight[d]);
        const int u = int(std::floor(w / unit * (1 - 1e-12)));
        if (u <= 0) {
            free += it.value * it.bound;
            continue;
        }
        int left = std::min(it.bound, grid / u);
        // Binary splitting turns the bounded item into 0/1 items.
        for (int k = 1; left > 0; k *= 2) {
            const int take = std::min(k, left);
            left -= take;
            const int wu = take * u;
            const double v = take * it.value;
            for (int c = grid; c >= wu; --c)
                dp[size_t(c)] = std::max(dp[size_t(c)], dp[size_t(c - wu)] + v);
        }
    }
    return free + dp[size_t(grid)];
}

double surrogateOf(const int64_t* w, const std::vector<double>& lambda, int dims)
{
    double s = 0;
    for (int d = 0; d < dims; ++d)
        s += lambda[size_t(d)] * double(w[d]);
    return s;
}

void orderItems(std::vector<Item>& items)
{
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        const bool az = a.surrogate <= 0, bz = b.surrogate <= 0;
        if (az != bz)
            return az;
        const double ea = az ? a.value : a.value / a.surrogate;
        const double eb = bz ? b.value : b.value / b.surrogate;
        if (ea != eb)
            return ea > eb;
        return a.id < b.id;
    });
}

// Few items fit a node (at most kSmallCardinality, by the smallest weight in every dimension
// all items use): enumeration of the multisets, items by value, each taken while it fits. A
// subtree is bounded by its value plus as many more items as could still fit times the value of
// the best item left — tight when a node holds two or three items, where the fractional
// surrogate bound is loose and the branch and bound cannot finish.
constexpr int64_t kSmallCardinality = 4;

// The smallest weight of every dimension over the items.
std::vector<int64_t> smallestWeights(const std::vector<Item>& items, int dims)
{
    std::vector<int64_t> least(static_cast<size_t>(dims), std::numeric_limits<int64_t>::max());
    for (const Item& it : items) {
        for (int d = 0; d < dims; ++d)
            least[size_t(d)] = std::min(least[size_t(d)], it.weight[d]);
    }
    return least;
}

// How many more items could fit the room left: by the smallest weight of every dimension all
// items use.
int64_t itemsThatFit(const std::vector<int64_t>& least, const int64_t* rem, int dims)
{
    int64_t c = std::numeric_limits<int64_t>::max();
    for (int d = 0; d < dims; ++d) {
        if (least[size_t(d)] > 0)
            c = std::min(c, rem[d] / least[size_t(d)]);
    }
    return c;
}

class CardinalitySearch {
public:
    CardinalitySearch(std::vector<Item> items, std::vector<int64_t> least, const int64_t* cap, int dims, int64_t nodeLimit,
                      double target)
        : m_items(std::move(items)), m_dims(dims), m_nodeLimit(nodeLimit), m_target(target), m_minWeight(std::move(least))
    {
        std::stable_sort(m_items.begin(), m_items.end(), [](const Item& a, const Item& b) {
            if (a.value != b.value)
                return a.value > b.value;
            return a.id < b.id;
        });
        m_rem.assign(cap, cap + dims);
        m_counts.assign(m_items.size(), 0);
        m_best.assign(m_items.size(), 0);
    }


    void run(size_t from, double value)
    {
        if (m_aborted)
            return;
        if (++m_nodes > m_nodeLimit) {
            m_aborted = true;
            return;
        }
        if (value > m_bestValue + 1e-12) {
            m_bestValue = value;
            m_best = m_counts;
        }
        const int64_t left = itemsThatFit(m_minWeight, m_rem.data(), m_dims);
        if (left <= 0)
            return;
        for (size_t j = from; j < m_items.size(); ++j) {
            const Item& it = m_items[j];
            const double floor = std::max(m_bestValue, m_target);
            if (value + double(left) * it.value <= floor + 1e-12 * std::max(1.0, floor))
                break; // the items after j are worth no more
            if (m_counts[j] >= it.bound)
                continue;
            bool fits = true;
            for (int d = 0; d < m_dims && fits; ++d)
                fits = it.weight[d] <= m_rem[size_t(d)];
            if (!fits)
                continue;
            for (int d = 0; d < m_dims; ++d)
                m_rem[size_t(d)] -= it.weight[d];
            ++m_counts[j];
            run(j, value + it.value);
            --m_counts[j];
            for (int d = 0; d < m_dims; ++d)
                m_rem[size_t(d)] += it.weight[d];
            if (m_aborted)
                return;
        }
    }

    std::vector<Item> m_items;
    int m_dims;
    int64_t m_nodeLimit;
    double m_target;
    std::vector<int64_t> m_minWeight;
    std::vector<int64_t> m_rem;
    std::vector<int> m_counts;
    std::vector<int> m_best;
    double m_bestValue = 0;
    int64_t m_nodes = 0;
    bool m_aborted = false;
};

} // namespace

KnapsackResult solveKnapsack(const std::vector<KnapsackItem>& input, const int64_t* cap, int dims, int64_t nodeLimit,
                             const double* lambdaHint, bool boundNeeded, double target)
{
    KnapsackResult result;
    std::vector<Item> items;
    items.reserve(input.size());
    std::vector<bool> used(size_t(dims), false);
    for (const auto& in : input) {
        if (in.value <= 0 || in.bound <= 0)
            continue;
        int64_t bound = in.bound;
        for (int d = 0; d < dims && bound > 0; ++d) {
            if (in.weight[d] > 0)
                bound = std::min<int64_t>(bound, cap[d] / in.weight[d]);
        }
        if (bound <= 0)
            continue;
        for (int d = 0; d < dims; ++d)
            used[size_t(d)] = used[size_t(d)] || in.weight[d] > 0;
        items.push_back(Item{in.id, in.value, in.weight, int(bound), 0.0});
    }
    if (items.empty()) {
        result.exact = true; // nothing fits: the empty packing is the best
        return result;
    }

    int64_t cardinalityNodes = 0;
    if (std::vector<int64_t> least = smallestWeights(items, dims); itemsThatFit(least, cap, dims) <= kSmallCardinality) {
        CardinalitySearch few(items, std::move(least), cap, dims, nodeLimit, target);
        few.run(0, 0.0);
        if (!few.m_aborted) {
            result.exact = true;
            result.value = few.m_bestValue;
            result.upperBound = std::max(result.value, target);
            result.nodes = few.m_nodes;
            for (size_t i = 0; i < few.m_items.size(); ++i) {
                if (few.m_best[i] > 0)
                    result.counts.emplace_back(few.m_items[i].id, few.m_best[i]);
            }
            std::sort(result.counts.begin(), result.counts.end());
            return result;
        }
        cardinalityNodes = few.m_nodes;
    }

    // Candidate surrogate multipliers: the binding dimensions (those the items could overfill)
    // alone, mixes of the two most binding ones, and all of them normalised. Every candidate
    // gives a valid bound (the Dantzig bound of its surrogate knapsack); the smallest is kept,
    // and its item order drives the search.
    std::vector<std::pair<double, int>> pressure;
    for (int d = 0; d < dims; ++d) {
        if (!used[size_t(d)] || cap[d] <= 0)
            continue;
        double demand = 0;
        for (const auto& it : items)
            demand += double(it.weight[d]) * it.bound;
        if (demand > double(cap[d]))
            pressure.emplace_back(-demand / double(cap[d]), d);
    }
    std::sort(pressure.begin(), pressure.end());
    std::vector<std::vector<double>> candidates;
    std::vector<double> uniform(size_t(dims), 0.0);
    for (const auto& [p, d] : pressure)
        uniform[size_t(d)] = 1.0 / double(cap[d]);
    candidates.push_back(uniform);
    for (size_t k = 0; boundNeeded && k < pressure.size() && k < 3; ++k) {
        std::vector<double> alone(size_t(dims), 0.0);
        alone[size_t(pressure[k].second)] = 1.0 / double(cap[pressure[k].second]);
        candidates.push_back(std::move(alone));
    }
    if (boundNeeded && pressure.size() >= 2) {
        const int a = pressure[0].second, b = pressure[1].second;
        for (double alpha : {0.25, 0.75}) {
            std::vector<double> mix(size_t(dims), 0.0);
            mix[size_t(a)] = alpha / double(cap[a]);
            mix[size_t(b)] = (1 - alpha) / double(cap[b]);
            candidates.push_back(std::move(mix));
        }
    }
    if (lambdaHint) {
        std::vector<double> hint(size_t(dims), 0.0);
        bool any = false;
        for (int d = 0; d < dims; ++d) {
            hint[size_t(d)] = std::max(0.0, lambdaHint[d]);
            any = any || hint[size_t(d)] > 0;
        }
        if (any)
            candidates.push_back(std::move(hint));
    }
    if (pressure.empty()) {
        // Everything fits at once.
        for (const auto& it : items) {
            result.value += it.value * it.bound;
            result.counts.emplace_back(it.id, it.bound);
        }
        result.upperBound = result.value;
        result.exact = true;
        std::sort(result.counts.begin(), result.counts.end());
        return result;
    }

    double bestRoot = std::numeric_limits<double>::infinity();
    size_t bestCandidate = 0;
    double bestGreedy = -1;
    std::vector<std::pair<int, int>> greedyCounts;
    std::vector<Item> trial;
    std::vector<int64_t> rem(static_cast<size_t>(dims), 0);
    for (size_t c = 0; c < candidates.size(); ++c) {
        trial = items;
        for (auto& it : trial)
            it.surrogate = surrogateOf(it.weight, candidates[c], dims);
        orderItems(trial);
        double capacity = 0;
        for (int d = 0; d < dims; ++d)
            capacity += candidates[c][size_t(d)] * double(cap[d]);
        // Dantzig bound of this surrogate.
        double root = 0, left = capacity;
        for (const auto& it : trial) {
            if (it.surrogate <= 0) {
                root += it.value * it.bound;
                continue;
            }
            if (left <= 0)
                break;
            const double take = std::min<double>(it.bound, left / it.surrogate);
            root += take * it.value;
            left -= take * it.surrogate;
        }
        if (root < bestRoot) {
            bestRoot = root;
            bestCandidate = c;
        }
        // Greedy in this order: an incumbent.
        rem.assign(cap, cap + dims);
        double value = 0;
        std::vector<std::pair<int, int>> counts;
        for (const auto& it : trial) {
            int64_t k = it.bound;
            for (int d = 0; d < dims && k > 0; ++d) {
                if (it.weight[d] > 0)
                    k = std::min<int64_t>(k, rem[size_t(d)] / it.weight[d]);
            }
            if (k <= 0)
                continue;
            for (int d = 0; d < dims; ++d)
                rem[size_t(d)] -= it.weight[d] * k;
            value += it.value * double(k);
            counts.emplace_back(it.id, int(k));
        }
        if (value > bestGreedy) {
            bestGreedy = value;
            greedyCounts = std::move(counts);
        }
    }
    for (auto& it : items)
        it.surrogate = surrogateOf(it.weight, candidates[bestCandidate], dims);
    orderItems(items);
    Search search(items, cap, dims, candidates[bestCandidate], nodeLimit);
    search.m_target = target;
    search.greedy();
    if (bestGreedy > search.m_bestValue) {
        // A greedy in another order did better: start from it.
        search.m_bestValue = bestGreedy;
        std::fill(search.m_best.begin(), search.m_best.end(), 0);
        std::vector<std::pair<int, size_t>> position;
        position.reserve(items.size());
        for (size_t i = 0; i < items.size(); ++i)
            position.emplace_back(items[i].id, i);
        std::sort(position.begin(), position.end());
        for (const auto& [id, k] : greedyCounts) {
            auto it = std::lower_bound(position.begin(), position.end(), std::make_pair(id, size_t(0)));
            if (it != position.end() && it->first == id)
                search.m_best[it->second] = k;
        }
    }
    if (nodeLimit > 0)
        search.run(0, 0.0);
    else
        search.m_aborted = true;
    result.value = search.m_bestValue;
    result.exact = !search.m_aborted;
    // A finished search proves that nothing beats max(best, target); a stopped one leaves the
    // bounds of its unexplored subtrees.
    double upper = result.exact ? std::max(result.value, target)
                                : std::min(bestRoot, std::max({result.value, target, search.m_abortBound}));
    if (!result.exact && boundNeeded) {
        // Few items per node: integrality matters and the fractional bound is loose; a DP on
        // the best surrogate and on the tightest dimension alone bounds it more closely.
        int copies = 0;
        for (int c : search.m_best)
            copies += c;
        if (copies <= 64) {
            const int grid = 2048;
            upper = std::min(upper, surrogateDpBound(items, candidates[bestCandidate], cap, dims, grid));
            if (candidates.size() > 1 && bestCandidate != 1)
                upper = std::min(upper, surrogateDpBound(items, candidates[1], cap, dims, grid));
            result.nodes += int64_t(items.size()) * grid / 256;
        }
    }
    result.upperBound = std::max(result.value, upper);
    result.nodes = search.m_nodes + cardinalityNodes;
    for (size_t i = 0; i < items.size(); ++i) {
        if (search.m_best[i] > 0)
            result.counts.emplace_back(items[i].id, search.m_best[i]);
    }
    std::sort(result.counts.begin(), result.counts.end());
    return result;
}

} // namespace cw::solve::detail
