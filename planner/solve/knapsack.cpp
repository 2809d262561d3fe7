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
            if (ub <= m_bestValue + 1e-12 * std::max(1.0, m_bestValue)) {
                apply(it, -c);
                break; // fewer copies of the most efficient item cannot raise the bound
            }
            m_counts[i] = c;
            run(i + 1, v);
            m_counts[i] = 0;
            apply(it, -c);
            if (m_aborted)
                return;
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
    int64_t m_nodes = 0;
    bool m_aborted = false;
};

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

} // namespace

KnapsackResult solveKnapsack(const std::vector<KnapsackItem>& input, const int64_t* cap, int dims, int64_t nodeLimit)
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
    if (items.empty())
        return result;

    // Candidate surrogate multipliers: every used dimension alone, and all of them normalised.
    std::vector<std::vector<double>> candidates;
    std::vector<double> uniform(size_t(dims), 0.0);
    for (int d = 0; d < dims; ++d) {
        if (!used[size_t(d)] || cap[d] <= 0)
            continue;
        uniform[size_t(d)] = 1.0 / double(cap[d]);
        std::vector<double> alone(size_t(dims), 0.0);
        alone[size_t(d)] = 1.0 / double(cap[d]);
        candidates.push_back(std::move(alone));
    }
    candidates.insert(candidates.begin(), uniform);

    double bestRoot = std::numeric_limits<double>::infinity();
    size_t bestCandidate = 0;
    for (size_t c = 0; c < candidates.size(); ++c) {
        std::vector<Item> trial = items;
        for (auto& it : trial)
            it.surrogate = surrogateOf(it.weight, candidates[c], dims);
        orderItems(trial);
        double capacity = 0;
        for (int d = 0; d < dims; ++d)
            capacity += candidates[c][size_t(d)] * double(cap[d]);
        Search probe(trial, cap, dims, candidates[c], 0);
        const double root = probe.dantzig(0, capacity);
        if (root < bestRoot) {
            bestRoot = root;
            bestCandidate = c;
        }
    }
    for (auto& it : items)
        it.surrogate = surrogateOf(it.weight, candidates[bestCandidate], dims);
    orderItems(items);

    Search search(items, cap, dims, candidates[bestCandidate], nodeLimit);
    search.greedy();
    search.run(0, 0.0);
    result.value = search.m_bestValue;
    result.exact = !search.m_aborted;
    result.upperBound = result.exact ? result.value : std::max(result.value, bestRoot);
    result.nodes = search.m_nodes;
    for (size_t i = 0; i < items.size(); ++i) {
        if (search.m_best[i] > 0)
            result.counts.emplace_back(items[i].id, search.m_best[i]);
    }
    std::sort(result.counts.begin(), result.counts.end());
    return result;
}

} // namespace cw::solve::detail
