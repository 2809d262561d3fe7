// SPDX-License-Identifier: GPL-3.0-or-later
#include "bound.h"

#include "knapsack.h"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <functional>
#include <set>

namespace cw::solve::detail {

namespace {

// Owns a GLPK problem; GLPK's terminal output is switched off for this thread.
class Lp {
public:
    Lp()
    {
        glp_term_out(GLP_OFF);
        m_p = glp_create_prob();
        glp_set_obj_dir(m_p, GLP_MIN);
    }
    ~Lp() { glp_delete_prob(m_p); }
    Lp(const Lp&) = delete;
    Lp& operator=(const Lp&) = delete;
    glp_prob* get() const { return m_p; }

    int addColumn(double cost, const std::vector<int>& rows, const std::vector<double>& values)
    {
        const int j = glp_add_cols(m_p, 1);
        glp_set_col_bnds(m_p, j, GLP_LO, 0.0, 0.0);
        glp_set_obj_coef(m_p, j, cost);
        setColumn(j, rows, values);
        return j;
    }
    void setColumn(int j, const std::vector<int>& rows, const std::vector<double>& values)
    {
        // GLPK arrays start at index 1.
        std::vector<int> ind(rows.size() + 1);
        std::vector<double> val(values.size() + 1);
        for (size_t i = 0; i < rows.size(); ++i) {
            ind[i + 1] = rows[i];
            val[i + 1] = values[i];
        }
        glp_set_mat_col(m_p, j, int(rows.size()), ind.data(), val.data());
    }
    int addRow(int type, double lo, double up, const std::vector<int>& cols = {}, const std::vector<double>& values = {})
    {
        const int i = glp_add_rows(m_p, 1);
        glp_set_row_bnds(m_p, i, type, lo, up);
        if (!cols.empty()) {
            std::vector<int> ind(cols.size() + 1);
            std::vector<double> val(values.size() + 1);
            for (size_t k = 0; k < cols.size(); ++k) {
                ind[k + 1] = cols[k];
                val[k + 1] = values[k];
            }
            glp_set_mat_row(m_p, i, int(cols.size()), ind.data(), val.data());
        }
        return i;
    }
    bool solve()
    {
        glp_smcp parm;
        glp_init_smcp(&parm);
        parm.msg_lev = GLP_MSG_OFF;
        parm.presolve = GLP_OFF;
        if (!m_basis) {
            glp_cpx_basis(m_p);
            m_basis = true;
        }
        if (glp_simplex(m_p, &parm) != 0 || glp_get_status(m_p) != GLP_OPT) {
            // A fresh start from a standard basis, once.
            glp_std_basis(m_p);
            if (glp_simplex(m_p, &parm) != 0 || glp_get_status(m_p) != GLP_OPT)
                return false;
        }
        return true;
    }

private:
    glp_prob* m_p = nullptr;
    bool m_basis = false;
};

// Replicas of a class one empty node of the type holds.
int aloneFit(const Problem& p, const LpClass& c, int type)
{
    int64_t k = std::min<int64_t>(c.maxPerNode, c.demand);
    const int64_t* cap = p.cap(type);
    for (int d = 0; d < p.dims; ++d) {
        if (c.weight[d] > 0)
            k = std::min<int64_t>(k, cap[d] / c.weight[d]);
    }
    return int(std::max<int64_t>(0, k));
}

// Slack price: uncovered demand costs more than any node that could cover it.
double slackCost(const Problem& p, const LpClass& c)
{
    double m = 0;
    for (int t : c.eligible)
        m = std::max(m, p.types[size_t(t)].price);
    return 2.0 * m + 1.0;
}

// Node types the LPs consider: some class may use them, or their pool has a minimum.
std::vector<char> relevantTypes(const Problem& p, const Classes& cls)
{
    std::vector<char> relevant(p.types.size(), 0);
    for (size_t t = 0; t < p.types.size(); ++t) {
        const PoolInfo& pool = p.pools[size_t(p.types[t].pool)];
        if (pool.maxNodes == 0)
            continue;
        relevant[t] = !cls.ofType[t].empty() || pool.minNodes > 0;
    }
    return relevant;
}

std::vector<int> addPoolRows(Lp& lp, const Problem& p)
{
    std::vector<int> row(p.pools.size(), 0);
    for (size_t i = 0; i < p.pools.size(); ++i) {
        const PoolInfo& pool = p.pools[i];
        if (pool.types.empty() || (pool.minNodes <= 0 && pool.maxNodes == kNoLimit))
            continue;
        if (pool.minNodes > 0 && pool.maxNodes != kNoLimit)
            row[i] = lp.addRow(pool.minNodes == pool.maxNodes ? GLP_FX : GLP_DB, pool.minNodes, pool.maxNodes);
        else if (pool.minNodes > 0)
            row[i] = lp.addRow(GLP_LO, pool.minNodes, 0.0);
        else
            row[i] = lp.addRow(GLP_UP, 0.0, pool.maxNodes);
    }
    return row;
}

// A configuration (counts per class on one node of type) as a column of the configuration
// LP/IP: its class rows, its pool's row when the pool has limits, the type's price.
int addConfigurationColumn(Lp& lp, const Problem& p, const std::vector<int>& poolRow, int type,
                           const std::vector<std::pair<int, int>>& counts)
{
    std::vector<int> rows;
    std::vector<double> values;
    for (const auto& [c, k] : counts) {
        rows.push_back(c + 1);
        values.push_back(k);
    }
    const int pool = p.types[size_t(type)].pool;
    if (poolRow[size_t(pool)] > 0) {
        rows.push_back(poolRow[size_t(pool)]);
        values.push_back(1.0);
    }
    return lp.addColumn(p.types[size_t(type)].price, rows, values);
}

// The Lagrangian bound of duals (y per class, mu per pool) given an upper bound on every
// relevant node type's knapsack (the most its configurations are worth at y). The duals are
// scaled by the best theta so that unlimited pools' columns price out; limited pools pay
// their remaining negative reduced cost times their node limit.
double lagrangianBound(const Problem& p, const Classes& cls, const std::vector<double>& y, const std::vector<double>& mu,
                       const std::vector<double>& upper, const std::vector<char>& relevant, const std::vector<double>& slack)
{
    double thetaMax = std::numeric_limits<double>::infinity();
    for (size_t c = 0; c < y.size(); ++c) {
        if (y[c] > 0)
            thetaMax = std::min(thetaMax, slack[c] / y[c]);
    }
    for (size_t t = 0; t < p.types.size(); ++t) {
        if (!relevant[t])
            continue;
        const int pool = p.types[t].pool;
        if (p.pools[size_t(pool)].maxNodes != kNoLimit)
            continue;
        const double denom = upper[t] + mu[size_t(pool)];
        if (denom > 0)
            thetaMax = std::min(thetaMax, p.types[t].price / denom);
    }
    if (!std::isfinite(thetaMax))
        thetaMax = 1.0;
    double dualObjective = 0;
    for (size_t c = 0; c < y.size(); ++c)
        dualObjective += double(cls.classes[c].demand) * y[c];
    for (size_t i = 0; i < p.pools.size(); ++i) {
        const double m = mu[i];
        if (m > 0)
            dualObjective += p.pools[i].minNodes * m;
        else if (m < 0 && p.pools[i].maxNodes != kNoLimit)
            dualObjective += double(p.pools[i].maxNodes) * m;
    }
    auto evaluate = [&](double theta) {
        double bound = theta * dualObjective;
        for (size_t i = 0; i < p.pools.size(); ++i) {
            const PoolInfo& pool = p.pools[i];
            if (pool.maxNodes == kNoLimit || pool.maxNodes == 0)
                continue;
            double worst = 0;
            for (int t : pool.types) {
                if (relevant[size_t(t)])
                    worst = std::min(worst, p.types[size_t(t)].price - theta * (upper[size_t(t)] + mu[i]));
            }
            bound += double(pool.maxNodes) * worst;
        }
        return bound;
    };
    // The bound is concave in theta: try the largest feasible value, 1, and the limited
    // pools' breakpoints below it.
    std::vector<double> thetas{thetaMax};
    if (thetaMax > 1)
        thetas.push_back(1.0);
    for (size_t i = 0; i < p.pools.size(); ++i) {
        if (p.pools[i].maxNodes == kNoLimit)
            continue;
        for (int t : p.pools[i].types) {
            const double denom = upper[size_t(t)] + mu[i];
            if (relevant[size_t(t)] && denom > 0 && p.types[size_t(t)].price / denom < thetaMax)
                thetas.push_back(p.types[size_t(t)].price / denom);
        }
    }
    double best = -std::numeric_limits<double>::infinity();
    for (double theta : thetas)
        best = std::max(best, evaluate(std::max(0.0, theta)));
    return best;
}

// The Fekete–Schepers dual-feasible functions u^(k): x if (k+1)x is whole, otherwise
// floor((k+1)x)/k. For any node, sum(x) <= 1 implies sum(u(x)) <= 1, so the transformed
// sizes give valid capacity rows that count large replicas as more than their share.
double dff(int k, double x)
{
    const double y = (k + 1) * x;
    const double r = std::round(y);
    if (std::abs(y - r) < 1e-12)
        return x;
    return std::floor(y) / k;
}

constexpr int kDffMax = 4;

// packTypeByConfigurations: column-generation rounds (times the effort), the most seed
// configurations taken, and the replicas up to which branch and bound over the configurations
// replaces rounding the LP down.
constexpr int kConfigurationRounds = 300;
constexpr size_t kSeedPatterns = 20000;
constexpr int64_t kBranchReplicas = 400;

// Its LP has a row per shape, but beyond kMergeItems shapes the shapes with the same demand and
// no per-node limit share a row: they are interchangeable on the type's nodes, many workloads
// share their requests, and GLPK's time grows with the rows (k8s-10000's main type: 377 shapes,
// 318 rows, 380 → 256 ms). Smaller shares keep a row per shape: their LP is cheap either way,
// and merging changes which of the LP's equally good optima is rounded, which moves the
// packing after ruin and recreate by chance (k8s-1000: 0.93 → 1.13 %).
constexpr size_t kMergeItems = 120;

// Column generation beyond kShortenReplicas replicas: a type whose knapsack search hit its node
// limit gets 1/kUnfinishedShare of the limit in the following rounds. (On small instances the
// extra rounds changed the columns that price and branch works with, for the worse.)
constexpr int64_t kUnfinishedShare = 16;
constexpr int64_t kShortenReplicas = 400;

// The fluid LP with whole nodes runs on every independent part up to kWholeNodesReplicas
// replicas in all, and beyond on the parts with at most kPartWholeNodesColumns (class, node
// type) pairs and kPartWholeNodesNodes nodes in the fluid LP.
constexpr int64_t kWholeNodesReplicas = 400;
constexpr size_t kPartWholeNodesColumns = 2000;
constexpr double kPartWholeNodesNodes = 300;

// Branch-and-bound nodes (times the effort) of the fluid LP with integer node counts.
constexpr int kIntegerNodesSearch = 300;

// Replicas per node of the fluid LP at or below which column generation gets more budget.
constexpr double kFewPerNode = 3.0;

} // namespace

Classes buildClasses(const Problem& p, const std::vector<int>& demand)
{
    Classes out;
    out.classOf.assign(p.shapes.size(), -1);
    out.ofType.assign(p.types.size(), {});
    std::map<std::tuple<std::vector<int64_t>, std::vector<int>, int, int>, int> index;
    for (size_t s = 0; s < p.shapes.size(); ++s) {
        const Shape& shape = p.shapes[s];
        if (demand[s] <= 0 || shape.eligible.empty())
            continue;
        // A per-node limit belongs to one workload: such shapes keep a class of their own.
        const int own = shape.maxPerNode == kNoLimit ? -1 : int(s);
        auto key = std::make_tuple(shape.demand, shape.eligible, shape.maxPerNode, own);
        auto [it, inserted] = index.emplace(std::move(key), int(out.classes.size()));
        if (inserted) {
            LpClass c;
            c.maxPerNode = shape.maxPerNode;
            c.weight = shape.demand.data();
            c.eligible = shape.eligible;
            out.classes.push_back(std::move(c));
        }
        LpClass& c = out.classes[size_t(it->second)];
        c.shapes.push_back(int(s));
        c.demand += demand[s];
        out.classOf[s] = it->second;
    }
    for (size_t c = 0; c < out.classes.size(); ++c) {
        for (int t : out.classes[c].eligible)
            out.ofType[size_t(t)].push_back(int(c));
    }
    return out;
}

FluidResult fluidLp(const Problem& p, const Classes& cls, const Cancelled& cancelled, const std::vector<const Packing*>& seeds)
{
    FluidResult f;
    const int nClasses = int(cls.classes.size());
    const std::vector<char> relevant = relevantTypes(p, cls);
    Lp lp;
    for (int c = 0; c < nClasses; ++c)
        lp.addRow(GLP_LO, double(cls.classes[size_t(c)].demand), 0.0);
    // Capacity rows, normalised: sum over classes of demand / capacity <= nodes.
    std::vector<std::vector<int>> capRow(p.types.size(), std::vector<int>(size_t(p.dims), 0));
    for (size_t t = 0; t < p.types.size(); ++t) {
        if (!relevant[t])
            continue;
        for (int d = 0; d < p.dims; ++d) {
            bool used = false;
            for (int c : cls.ofType[t])
                used = used || cls.classes[size_t(c)].weight[d] > 0;
            if (used && p.types[t].cap[size_t(d)] > 0)
                capRow[t][size_t(d)] = lp.addRow(GLP_UP, 0.0, 0.0);
        }
    }
    // Dual-feasible-function rows where some replica is large enough for them to differ from
    // the capacity row: candidates (type, dim, k), made rows (cuts) once the solution breaks
    // them, so that unused node types cost nothing.
    std::vector<std::tuple<int, int, int>> dffCandidates;
    std::map<std::tuple<int, int, int>, int> dffRow;
    for (size_t t = 0; t < p.types.size(); ++t) {
        if (!relevant[t])
            continue;
        for (int d = 0; d < p.dims; ++d) {
            if (capRow[t][size_t(d)] == 0 || d == kPods)
                continue;
            const double cap = double(p.types[t].cap[size_t(d)]);
            for (int k = 1; k <= kDffMax; ++k) {
                bool differs = false;
                for (int c : cls.ofType[t]) {
                    const double x = double(cls.classes[size_t(c)].weight[d]) / cap;
                    differs = differs || (x > 1.0 / (k + 1) + 1e-12 && std::abs(dff(k, x) - x) > 1e-9);
                }
                if (differs)
                    dffCandidates.emplace_back(int(t), d, k);
            }
        }
    }
    const std::vector<int> poolRow = addPoolRows(lp, p);
    std::vector<double> slack(static_cast<size_t>(nClasses), 0.0);
    for (int c = 0; c < nClasses; ++c) {
        slack[size_t(c)] = slackCost(p, cls.classes[size_t(c)]);
        lp.addColumn(slack[size_t(c)], {c + 1}, {1.0});
    }
    std::vector<int> nodeCol(p.types.size(), 0);
    for (size_t t = 0; t < p.types.size(); ++t) {
        if (!relevant[t])
            continue;
        std::vector<int> rows;
        std::vector<double> values;
        for (int d = 0; d < p.dims; ++d) {
            if (capRow[t][size_t(d)] > 0) {
                rows.push_back(capRow[t][size_t(d)]);
                values.push_back(-1.0);
            }
        }
        for (auto it = dffRow.lower_bound({int(t), 0, 0}); it != dffRow.end() && std::get<0>(it->first) == int(t); ++it) {
            rows.push_back(it->second);
            values.push_back(-1.0);
        }
        const int pool = p.types[t].pool;
        if (poolRow[size_t(pool)] > 0) {
            rows.push_back(poolRow[size_t(pool)]);
            values.push_back(1.0);
        }
        nodeCol[t] = lp.addColumn(p.types[t].price, rows, values);
    }
    // Load columns, added as they price out.
    std::map<std::pair<int, int>, int> loadCol; // (class, type) -> column
    std::vector<int> hasLoad(size_t(nClasses) * p.types.size(), 0); // column, 0 when none
    std::map<std::pair<int, int>, int> perNodeRow;
    auto addLoad = [&](int c, int t) {
        const LpClass& k = cls.classes[size_t(c)];
        std::vector<int> rows{c + 1};
        std::vector<double> values{1.0};
        for (int d = 0; d < p.dims; ++d) {
            if (k.weight[d] > 0 && capRow[size_t(t)][size_t(d)] > 0) {
                rows.push_back(capRow[size_t(t)][size_t(d)]);
                values.push_back(double(k.weight[d]) / double(p.types[size_t(t)].cap[size_t(d)]));
            }
        }
        for (auto it = dffRow.lower_bound({t, 0, 0}); it != dffRow.end() && std::get<0>(it->first) == t; ++it) {
            const int d = std::get<1>(it->first);
            const double u = dff(std::get<2>(it->first), double(k.weight[d]) / double(p.types[size_t(t)].cap[size_t(d)]));
            if (u > 0) {
                rows.push_back(it->second);
                values.push_back(u);
            }
        }
        const int col = lp.addColumn(0.0, rows, values);
        loadCol[{c, t}] = col;
        hasLoad[size_t(c) * p.types.size() + size_t(t)] = col;
    };
    // Per-node limits (z <= maxPerNode × nodes) are rows only once the solution breaks them:
    // most never bind, and the LP stays small.
    auto addPerNodeRows = [&]() {
        int added = 0;
        for (const auto& [key, col] : loadCol) {
            const auto& [c, t] = key;
            const LpClass& k = cls.classes[size_t(c)];
            if (k.maxPerNode == kNoLimit || perNodeRow.count(key))
                continue;
            const double z = glp_get_col_prim(lp.get(), col);
            const double n = glp_get_col_prim(lp.get(), nodeCol[size_t(t)]);
            if (z > k.maxPerNode * n + 1e-7 * std::max(1.0, z)) {
                perNodeRow[key] = lp.addRow(GLP_UP, 0.0, 0.0, {col, nodeCol[size_t(t)]}, {1.0, -double(k.maxPerNode)});
                ++added;
            }
        }
        return added;
    };
    auto addDffRows = [&]() {
        int added = 0;
        for (const auto& key : dffCandidates) {
            if (dffRow.count(key))
                continue;
            const auto& [t, d, k] = key;
            const double n = glp_get_col_prim(lp.get(), nodeCol[size_t(t)]);
            std::vector<int> cols{nodeCol[size_t(t)]};
            std::vector<double> values{-1.0};
            double lhs = -n;
            for (int c : cls.ofType[size_t(t)]) {
                const int col = hasLoad[size_t(c) * p.types.size() + size_t(t)];
                if (col == 0)
                    continue;
                const double u = dff(k, double(cls.classes[size_t(c)].weight[d]) / double(p.types[size_t(t)].cap[size_t(d)]));
                if (u <= 0)
                    continue;
                cols.push_back(col);
                values.push_back(u);
                lhs += u * glp_get_col_prim(lp.get(), col);
            }
            if (lhs > 1e-7 * std::max(1.0, n)) {
                dffRow[key] = lp.addRow(GLP_UP, 0.0, 0.0, cols, values);
                ++added;
            }
        }
        return added;
    };

    // Start: where the seed packings put each class, and every class on its three cheapest node
    // types per replica alone.
    for (const Packing* seed : seeds) {
        for (const auto& node : seed->nodes()) {
            if (!node.alive || !relevant[size_t(node.type)])
                continue;
            for (const auto& [sh, k] : node.items) {
                const int c = cls.classOf[size_t(sh)];
                if (c >= 0 && !hasLoad[size_t(c) * p.types.size() + size_t(node.type)])
                    addLoad(c, node.type);
            }
        }
    }
    for (int c = 0; c < nClasses; ++c) {
        const LpClass& k = cls.classes[size_t(c)];
        std::vector<std::pair<double, int>> per;
        for (int t : k.eligible) {
            const int n = relevant[size_t(t)] ? aloneFit(p, k, t) : 0;
            if (n > 0)
                per.emplace_back(p.types[size_t(t)].price / n, t);
        }
        std::sort(per.begin(), per.end());
        for (size_t i = 0; i < per.size() && i < 3; ++i) {
            if (!hasLoad[size_t(c) * p.types.size() + size_t(per[i].second)])
                addLoad(c, per[i].second);
        }
    }

    glp_prob* g = lp.get();
    std::vector<double> y(size_t(nClasses), 0.0);
    constexpr int kMaxRounds = 400;
    for (int round = 0; round < kMaxRounds; ++round) {
        if (cancelled && cancelled())
            return f;
        if (!lp.solve())
            return f;
        f.rounds = round + 1;
        for (int c = 0; c < nClasses; ++c)
            y[size_t(c)] = std::max(0.0, glp_get_row_dual(g, c + 1));
        // Price every (class, type) pair without a column, from each type's price per unit of
        // every dimension and of every cut.
        std::vector<std::vector<double>> unit(p.types.size());
        std::vector<std::vector<std::tuple<int, int, double>>> cuts(p.types.size()); // (dim, k, dual)
        for (size_t t = 0; t < p.types.size(); ++t) {
            if (!relevant[t])
                continue;
            unit[t].assign(size_t(p.dims), 0.0);
            for (int d = 0; d < p.dims; ++d) {
                const int row = capRow[t][size_t(d)];
                if (row > 0)
                    unit[t][size_t(d)] = -glp_get_row_dual(g, row) / double(p.types[t].cap[size_t(d)]);
            }
        }
        for (const auto& [key, row] : dffRow) {
            const double dual = -glp_get_row_dual(g, row);
            if (dual > 0)
                cuts[size_t(std::get<0>(key))].emplace_back(std::get<1>(key), std::get<2>(key), dual);
        }
        int added = 0;
        std::vector<std::pair<double, int>> negative;
        for (int c = 0; c < nClasses; ++c) {
            const LpClass& k = cls.classes[size_t(c)];
            negative.clear();
            for (int t : k.eligible) {
                if (!relevant[size_t(t)] || hasLoad[size_t(c) * p.types.size() + size_t(t)])
                    continue;
                double rc = -y[size_t(c)];
                const std::vector<double>& u = unit[size_t(t)];
                for (int d = 0; d < p.dims; ++d)
                    rc += double(k.weight[d]) * u[size_t(d)];
                for (const auto& [d, kk, dual] : cuts[size_t(t)])
                    rc += dff(kk, double(k.weight[d]) / double(p.types[size_t(t)].cap[size_t(d)])) * dual;
                if (rc < -1e-9 * std::max(1.0, y[size_t(c)]))
                    negative.emplace_back(rc, t);
            }
            std::sort(negative.begin(), negative.end());
            for (size_t i = 0; i < negative.size() && i < 3; ++i) {
                addLoad(c, negative[i].second);
                ++added;
            }
        }
        added += addPerNodeRows();
        added += addDffRows();
        if (added == 0) {
            f.solved = true;
            break;
        }
    }
    if (!f.solved)
        return f;
    f.value = glp_get_obj_val(g);
    f.y = y;
    f.mu.assign(p.pools.size(), 0.0);
    for (size_t i = 0; i < p.pools.size(); ++i)
        f.mu[i] = poolRow[i] > 0 ? glp_get_row_dual(g, poolRow[i]) : 0.0;
    f.lambda.assign(p.types.size(), std::vector<double>(size_t(p.dims), 0.0));
    f.nodes.assign(p.types.size(), 0.0);
    f.load.assign(p.types.size(), {});
    for (size_t t = 0; t < p.types.size(); ++t) {
        if (!relevant[t])
            continue;
        f.nodes[t] = glp_get_col_prim(g, nodeCol[t]);
        for (int d = 0; d < p.dims; ++d) {
            const int row = capRow[t][size_t(d)];
            if (row > 0)
                f.lambda[t][size_t(d)] = std::max(0.0, -glp_get_row_dual(g, row)) / double(p.types[t].cap[size_t(d)]);
        }
    }
    for (const auto& [key, col] : loadCol) {
        const double z = glp_get_col_prim(g, col);
        if (z > 1e-9)
            f.load[size_t(key.second)].emplace_back(key.first, z);
    }
    return f;
}

double replicasPerNode(const Classes& cls, const FluidResult& fluid)
{
    double replicas = 0, nodes = 0;
    for (const auto& c : cls.classes)
        replicas += double(c.demand);
    for (double n : fluid.nodes)
        nodes += n;
    return nodes > 0 ? replicas / nodes : 0.0;
}

namespace {

// Independent parts of the problem: classes and the node types they may use, linked through
// eligibility, and node types through a shared pool (its limits couple them). The LPs separate
// over them, so a part whose column generation has converged proves its own value.
struct Components {
    int count = 0;
    std::vector<int> ofClass;
    std::vector<int> ofType; // -1: not relevant
    std::vector<int> ofPool; // -1: no relevant type
};

Components components(const Problem& p, const Classes& cls, const std::vector<char>& relevant)
{
    const size_t nc = cls.classes.size(), nt = p.types.size();
    std::vector<size_t> parent(nc + nt);
    std::iota(parent.begin(), parent.end(), size_t(0));
    auto find = [&](size_t a) {
        while (parent[a] != a)
            a = parent[a] = parent[parent[a]];
        return a;
    };
    auto unite = [&](size_t a, size_t b) { parent[find(a)] = find(b); };
    for (size_t c = 0; c < nc; ++c) {
        for (int t : cls.classes[c].eligible) {
            if (relevant[size_t(t)])
                unite(c, nc + size_t(t));
        }
    }
    for (const PoolInfo& pool : p.pools) {
        int first = -1;
        for (int t : pool.types) {
            if (!relevant[size_t(t)])
                continue;
            if (first < 0)
                first = t;
            else
                unite(nc + size_t(first), nc + size_t(t));
        }
    }
    Components out;
    std::map<size_t, int> id;
    auto idOf = [&](size_t a) { return id.emplace(find(a), int(id.size())).first->second; };
    out.ofClass.resize(nc);
    for (size_t c = 0; c < nc; ++c)
        out.ofClass[c] = idOf(c);
    out.ofType.assign(nt, -1);
    for (size_t t = 0; t < nt; ++t) {
        if (relevant[t])
            out.ofType[t] = idOf(nc + t);
    }
    out.ofPool.assign(p.pools.size(), -1);
    for (size_t i = 0; i < p.pools.size(); ++i) {
        for (int t : p.pools[i].types) {
            if (relevant[size_t(t)])
                out.ofPool[i] = out.ofType[size_t(t)];
        }
    }
    out.count = int(id.size());
    return out;
}

} // namespace

BoundResult computeLowerBound(const Problem& p, const std::vector<int>& demand, int effort, const Cancelled& cancelled,
                              const std::vector<const Packing*>& seeds, double fewPerNode, FluidResult* fluid,
                              size_t partClasses)
{
    BoundResult r;
    r.cls = buildClasses(p, demand);
    const Classes& cls = r.cls;
    const int nClasses = int(cls.classes.size());
    const std::vector<char> relevant = relevantTypes(p, cls);
    std::vector<double> slack(static_cast<size_t>(nClasses), 0.0);
    for (int c = 0; c < nClasses; ++c)
        slack[size_t(c)] = slackCost(p, cls.classes[size_t(c)]);
    // Effort 0: the fluid LP only. Otherwise a budget of knapsack search nodes for the whole
    // column generation keeps the effort deterministic and proportionate.
    int64_t perKnapsack = 20000 * std::max(1, effort);
    int64_t budget = effort > 0 ? 1500000 * int64_t(effort) : 0;
    int maxRounds = effort > 0 ? 40 + 40 * effort : 0;

    bool anyRelevant = false;
    for (char rel : relevant)
        anyRelevant = anyRelevant || rel;
    if (!anyRelevant) {
        r.computed = true;
        r.converged = true;
        return r;
    }

    // 1. The fluid LP: a bound, duals to start from, capacity prices for the knapsack bounds.
    r.fluid = fluid ? std::move(*fluid) : fluidLp(p, cls, cancelled, seeds);
    if (cancelled && cancelled())
        return r;
    // Which independent parts column generation prices: all, or (when the whole puts many
    // replicas on a node) those that qualify on their own. (None without column generation:
    // the incremental re-solve's bound stays the fluid LP alone.)
    const Components parts = effort > 0 ? components(p, cls, relevant) : Components{};
    std::vector<char> active(size_t(parts.count), 1);
    bool partsOnly = false;
    if (effort > 0 && std::isfinite(fewPerNode) && (!r.fluid.solved || replicasPerNode(cls, r.fluid) > fewPerNode)) {
        partsOnly = true;
        std::vector<size_t> classesOf(size_t(parts.count), 0);
        std::vector<double> replicasOf(size_t(parts.count), 0.0), nodesOf(size_t(parts.count), 0.0);
        for (int c = 0; c < nClasses; ++c) {
            const int k = parts.ofClass[size_t(c)];
            ++classesOf[size_t(k)];
            replicasOf[size_t(k)] += double(cls.classes[size_t(c)].demand);
        }
        for (size_t t = 0; r.fluid.solved && t < p.types.size(); ++t) {
            if (parts.ofType[t] >= 0)
                nodesOf[size_t(parts.ofType[t])] += r.fluid.nodes[t];
        }
        bool any = false;
        for (int k = 0; k < parts.count; ++k) {
            const bool few = r.fluid.solved && nodesOf[size_t(k)] > 0 && replicasOf[size_t(k)] / nodesOf[size_t(k)] <= fewPerNode;
            active[size_t(k)] = r.fluid.solved && classesOf[size_t(k)] > 0 && (classesOf[size_t(k)] <= partClasses || few);
            any = any || active[size_t(k)];
        }
        if (!any)
            effort = 0;
    }
    auto priced = [&](size_t t) { return relevant[t] && active[size_t(parts.ofType[t])]; };
    // With at most kFewPerNode replicas per node the knapsacks are tiny: four times the budget
    // buys rounds, and the master's configurations come closer to the optimum.
    if (effort > 0 && r.fluid.solved && replicasPerNode(cls, r.fluid) <= kFewPerNode) {
        perKnapsack *= 4;
        budget *= 4;
        maxRounds *= 4;
    }
    double best = 0;
    std::vector<double> bestDuals(size_t(nClasses), 0.0);
    if (r.fluid.solved) {
        // Guard against the simplex's tolerances.
        best = std::max(0.0, r.fluid.value * (1 - 1e-7) - 1e-9);
        r.fromFluid = true;
        r.fluidValue = r.fluid.value;
        bestDuals = r.fluid.y;
    }

    if (effort <= 0) {
        r.computed = r.fluid.solved;
        r.lowerBound = std::max(0.0, best * (1 - 1e-9) - 1e-9);
        r.duals = bestDuals;
        return r;
    }

    // Knapsack per relevant type at duals y: the best configuration and an upper bound.
    std::vector<KnapsackItem> items;
    auto price = [&](const std::vector<double>& y, size_t t, int64_t nodes, double target) {
        items.clear();
        for (int c : cls.ofType[t]) {
            if (y[size_t(c)] > 1e-12) {
                const LpClass& k = cls.classes[size_t(c)];
                items.push_back(KnapsackItem{c, y[size_t(c)], k.weight, int(std::min<int64_t>(k.maxPerNode, k.demand))});
            }
        }
        const double* hint = r.fluid.solved ? r.fluid.lambda[t].data() : nullptr;
        return solveKnapsack(items, p.types[t].cap.data(), p.dims, nodes, hint, true, std::max(0.0, target));
    };

    // 2. The configuration master, started from the seeds, every class alone, and the best
    //    configurations at the fluid duals.
    Lp lp;
    for (int c = 0; c < nClasses; ++c)
        lp.addRow(GLP_LO, double(cls.classes[size_t(c)].demand), 0.0);
    const std::vector<int> poolRow = addPoolRows(lp, p);
    // The limits of pools in parts not priced have no columns here: free rows.
    for (size_t i = 0; i < p.pools.size(); ++i) {
        if (poolRow[i] > 0 && (parts.ofPool[i] < 0 || !active[size_t(parts.ofPool[i])]))
            glp_set_row_bnds(lp.get(), poolRow[i], GLP_FR, 0.0, 0.0);
    }
    for (int c = 0; c < nClasses; ++c)
        lp.addColumn(slack[size_t(c)], {c + 1}, {1.0});
    const int firstPatternColumn = nClasses + 1;
    std::set<std::pair<int, std::vector<std::pair<int, int>>>> seen;
    auto addPattern = [&](int type, std::vector<std::pair<int, int>> counts) {
        if (!seen.emplace(type, counts).second)
            return false;
        addConfigurationColumn(lp, p, poolRow, type, counts);
        r.columns.push_back(LpColumn{type, std::move(counts)});
        return true;
    };
    for (const Packing* seed : seeds) {
        for (const auto& node : seed->nodes()) {
            if (!node.alive || node.items.empty() || !priced(size_t(node.type)))
                continue;
            std::map<int, int> counts;
            for (const auto& [s, k] : node.items) {
                const int c = cls.classOf[size_t(s)];
                if (c >= 0)
                    counts[c] += k;
            }
            if (!counts.empty())
                addPattern(node.type, {counts.begin(), counts.end()});
        }
    }
    for (int c = 0; c < nClasses; ++c) {
        const LpClass& k = cls.classes[size_t(c)];
        int bestType = -1;
        double bestPer = std::numeric_limits<double>::infinity();
        for (int t : k.eligible) {
            const int n = priced(size_t(t)) ? aloneFit(p, k, t) : 0;
            if (n > 0 && p.types[size_t(t)].price / n < bestPer) {
                bestPer = p.types[size_t(t)].price / n;
                bestType = t;
            }
        }
        if (bestType >= 0)
            addPattern(bestType, {{c, aloneFit(p, k, bestType)}});
    }
    for (size_t i = 0; i < p.pools.size(); ++i) {
        const PoolInfo& pool = p.pools[i];
        if (pool.minNodes <= 0 || pool.types.empty())
            continue;
        int cheapest = pool.types.front();
        for (int t : pool.types) {
            if (p.types[size_t(t)].price < p.types[size_t(cheapest)].price)
                cheapest = t;
        }
        if (priced(size_t(cheapest)))
            addPattern(cheapest, {});
    }
    if (r.fluid.solved) {
        std::vector<double> upper(p.types.size(), 0.0);
        for (size_t t = 0; t < p.types.size(); ++t) {
            if (!priced(t))
                continue;
            KnapsackResult k = price(r.fluid.y, t, std::min(perKnapsack, budget),
                                     p.types[t].price - r.fluid.mu[size_t(p.types[t].pool)]);
            budget -= k.nodes;
            upper[t] = k.upperBound;
            if (!k.counts.empty())
                addPattern(int(t), std::move(k.counts));
        }
        // (Only with every part priced: the unpriced types' knapsacks are unknown.)
        const double lb = partsOnly ? 0.0 : lagrangianBound(p, cls, r.fluid.y, r.fluid.mu, upper, relevant, slack);
        if (lb > best) {
            best = lb;
            r.fromFluid = false;
        }
    }

    // 3. Column generation rounds.
    glp_prob* g = lp.get();
    std::vector<double> y(size_t(nClasses), 0.0);
    std::vector<double> mu(p.pools.size(), 0.0);
    std::vector<double> upper(p.types.size(), 0.0);
    bool solvedOnce = false;
    std::vector<char> finished(p.types.size(), 1); // the type's last knapsack search finished
    bool fullLimits = false;
    int64_t replicas = 0;
    for (const LpClass& c : cls.classes)
        replicas += c.demand;
    const bool shorten = replicas > kShortenReplicas;
    // Per independent part: the fluid LP's value (its share of the dual objective) and, once its
    // column generation has converged, the configuration LP's.
    std::vector<double> partBound(size_t(parts.count), 0.0);
    // Their sum, with a margin for the simplex's tolerances.
    auto partsTotal = [&] {
        double sum = 0;
        for (double b : partBound)
            sum += b;
        return sum * (1 - 1e-7) - 1e-9;
    };
    // The dual objective part by part: class duals times demand, pool duals times their limit.
    auto partDualObjective = [&](const std::vector<double>& yc, const std::vector<double>& mp) {
        std::vector<double> out(size_t(parts.count), 0.0);
        for (int c = 0; c < nClasses; ++c)
            out[size_t(parts.ofClass[size_t(c)])] += yc[size_t(c)] * double(cls.classes[size_t(c)].demand);
        for (size_t i = 0; i < p.pools.size(); ++i) {
            const int k = parts.ofPool[i];
            if (k < 0)
                continue;
            if (mp[i] > 0)
                out[size_t(k)] += p.pools[i].minNodes * mp[i];
            else if (mp[i] < 0 && p.pools[i].maxNodes != kNoLimit)
                out[size_t(k)] += double(p.pools[i].maxNodes) * mp[i];
        }
        return out;
    };
    std::vector<char> partConverged(size_t(parts.count), 0);
    if (r.fluid.solved)
        partBound = partDualObjective(r.fluid.y, r.fluid.mu);
    for (int round = 0; round < maxRounds; ++round) {
        if (cancelled && cancelled())
            break;
        if (!lp.solve())
            break;
        solvedOnce = true;
        r.iterations = round + 1;
        const double z = glp_get_obj_val(g);
        r.lpValue = z;
        for (int c = 0; c < nClasses; ++c)
            y[size_t(c)] = std::clamp(glp_get_row_dual(g, c + 1), 0.0, slack[size_t(c)]);
        for (size_t i = 0; i < p.pools.size(); ++i)
            mu[i] = poolRow[i] > 0 ? glp_get_row_dual(g, poolRow[i]) : 0.0;
        if (!partsOnly && best >= z * (1 - 1e-6)) {
            r.converged = true;
            break;
        }
        if (budget <= 0) {
            r.effortLimit = true;
            break;
        }
        std::vector<std::pair<int, std::vector<std::pair<int, int>>>> fresh;
        bool exact = true;
        bool shortened = false;
        std::vector<char> partExact(active), partFresh(size_t(parts.count), 0);
        for (size_t t = 0; t < p.types.size(); ++t) {
            if (!priced(t))
                continue;
            // A type whose search did not finish last round gets a share of the node limit: its
            // first columns are found early, and the budget buys more rounds. When nothing
            // prices out, a round with full limits decides.
            const bool shorter = shorten && !fullLimits && !finished[t];
            shortened = shortened || shorter;
            const int64_t limit = shorter ? std::max<int64_t>(1, perKnapsack / kUnfinishedShare) : perKnapsack;
            KnapsackResult k = price(y, t, std::max<int64_t>(1, std::min(limit, budget)),
                                     p.types[t].price - mu[size_t(p.types[t].pool)]);
            budget -= k.nodes;
            exact = exact && k.exact;
            finished[t] = k.exact;
            upper[t] = k.upperBound;
            const int part = parts.ofType[t];
            partExact[size_t(part)] = partExact[size_t(part)] && k.exact;
            const double rc = p.types[t].price - k.value - mu[size_t(p.types[t].pool)];
            if (rc < -1e-9 * std::max(1.0, p.types[t].price)) {
                partFresh[size_t(part)] = 1;
                fresh.emplace_back(int(t), std::move(k.counts));
            }
        }
        const double lb = partsOnly ? 0.0 : lagrangianBound(p, cls, y, mu, upper, relevant, slack);
        if (lb > best) {
            best = lb;
            bestDuals = y;
            r.fromFluid = false;
        }
        // A part whose pricing is exact and offers no column: the master's share of the
        // objective there is that part's configuration LP.
        bool newlyConverged = false;
        for (int k = 0; k < parts.count; ++k)
            newlyConverged = newlyConverged || (partExact[size_t(k)] && !partFresh[size_t(k)] && !partConverged[size_t(k)]);
        if (newlyConverged) {
            std::vector<double> share(size_t(parts.count), 0.0);
            for (int c = 0; c < nClasses; ++c)
                share[size_t(parts.ofClass[size_t(c)])] += slack[size_t(c)] * glp_get_col_prim(g, c + 1);
            for (size_t j = 0; j < r.columns.size(); ++j)
                share[size_t(parts.ofType[size_t(r.columns[j].type)])] +=
                    p.types[size_t(r.columns[j].type)].price * glp_get_col_prim(g, firstPatternColumn + int(j));
            // The proof is for the (clamped) duals the pricing saw: the part's dual objective at
            // them bounds it too; the smaller of the two stays.
            const std::vector<double> dualShare = partDualObjective(y, mu);
            for (int k = 0; k < parts.count; ++k) {
                if (partExact[size_t(k)] && !partFresh[size_t(k)] && !partConverged[size_t(k)]) {
                    partConverged[size_t(k)] = 1;
                    partBound[size_t(k)] = std::max(partBound[size_t(k)], std::min(share[size_t(k)], dualShare[size_t(k)]));
                }
            }
            const double sum = partsTotal();
            if (sum > best) {
                best = sum;
                r.fromFluid = false;
            }
        }
        bool added = false;
        for (auto& [t, counts] : fresh)
            added = addPattern(t, std::move(counts)) || added;
        if (!added && !exact && shortened) {
            fullLimits = true;
            if (round + 1 == maxRounds)
                r.effortLimit = true;
            continue;
        }
        fullLimits = false;
        if (!added) {
            // Nothing prices out: with exact pricing the master's value is the configuration LP.
            if (exact && !partsOnly) {
                r.converged = true;
                best = std::max(best, z * (1 - 1e-7) - 1e-9);
                r.fromFluid = r.fromFluid && best <= r.fluidValue;
            } else {
                r.effortLimit = !exact;
            }
            break;
        }
        if (round + 1 == maxRounds)
            r.effortLimit = true;
    }
    // Parts small enough for it: the fluid LP with whole nodes, part by part.
    if (r.fluid.solved && !(cancelled && cancelled())) {
        std::vector<size_t> columnsOf(size_t(parts.count), 0);
        std::vector<double> nodesOf(size_t(parts.count), 0.0);
        for (int c = 0; c < nClasses; ++c)
            columnsOf[size_t(parts.ofClass[size_t(c)])] += cls.classes[size_t(c)].eligible.size();
        for (size_t t = 0; t < p.types.size(); ++t) {
            if (parts.ofType[t] >= 0)
                nodesOf[size_t(parts.ofType[t])] += r.fluid.nodes[t];
        }
        bool raised = false;
        for (int k = 0; k < parts.count; ++k) {
            // Small instances: every part. Otherwise parts with few columns and few nodes, where
            // rounding node counts up weighs.
            const bool wanted = replicas <= kWholeNodesReplicas ||
                (columnsOf[size_t(k)] <= kPartWholeNodesColumns && nodesOf[size_t(k)] <= kPartWholeNodesNodes);
            if (columnsOf[size_t(k)] == 0 || !wanted)
                continue;
            Classes sub;
            sub.classOf.assign(cls.classOf.size(), -1);
            sub.ofType.assign(p.types.size(), {});
            for (int c = 0; c < nClasses; ++c) {
                if (parts.ofClass[size_t(c)] != k)
                    continue;
                for (int t : cls.classes[size_t(c)].eligible)
                    sub.ofType[size_t(t)].push_back(int(sub.classes.size()));
                sub.classes.push_back(cls.classes[size_t(c)]);
            }
            std::vector<char> types(p.types.size(), 0);
            for (size_t t = 0; t < p.types.size(); ++t)
                types[t] = parts.ofType[t] == k;
            const double whole = integerNodesBound(p, sub, effort, cancelled, &types);
            if (whole > partBound[size_t(k)]) {
                partBound[size_t(k)] = whole;
                raised = true;
            }
        }
        if (raised) {
            const double sum = partsTotal();
            if (sum > best) {
                best = sum;
                r.fromFluid = false;
                r.wholeNodes = true;
            }
        }
    }
    r.parts = parts.count;
    for (char converged : partConverged)
        r.partsConverged += converged ? 1 : 0;
    if (r.converged)
        r.partsConverged = r.parts;
    r.computed = solvedOnce || r.fluid.solved;
    r.lowerBound = std::max(0.0, best * (1 - 1e-9) - 1e-9);
    r.duals = solvedOnce && !partsOnly ? y : bestDuals;
    if (solvedOnce) {
        r.x.resize(r.columns.size());
        for (size_t j = 0; j < r.columns.size(); ++j)
            r.x[j] = glp_get_col_prim(g, firstPatternColumn + int(j));
    }
    return r;
}

namespace {

struct IpSearch {
    int nodeLimit = 0;
    int nodes = 0;
    bool aborted = false;
    const Cancelled* cancelled = nullptr;
};

void ipCallback(glp_tree* tree, void* info)
{
    auto* search = static_cast<IpSearch*>(info);
    if (glp_ios_reason(tree) != GLP_ISELECT)
        return;
    ++search->nodes;
    if (search->nodes > search->nodeLimit || (*search->cancelled && (*search->cancelled)())) {
        search->aborted = true;
        glp_ios_terminate(tree);
    }
}

// GLPK's branch and bound, quiet, with a callback (which applies the node limit); GLPK's return
// code. mirCuts: mixed-integer rounding cuts; pseudocosts: branching by pseudocosts and the
// best projection for the next subproblem.
int branchAndBound(glp_prob* g, void (*callback)(glp_tree*, void*), void* info, bool mirCuts, bool pseudocosts = false)
{
    glp_iocp iocp;
    glp_init_iocp(&iocp);
    iocp.msg_lev = GLP_MSG_OFF;
    iocp.cb_func = callback;
    iocp.cb_info = info;
    iocp.mir_cuts = mirCuts ? GLP_ON : GLP_OFF;
    if (pseudocosts) {
        iocp.br_tech = GLP_BR_PCH;
        iocp.bt_tech = GLP_BT_BPH;
    }
    return glp_intopt(g, &iocp);
}

} // namespace

std::vector<std::vector<int>> configurationRows(const Problem& p, const std::vector<std::pair<int, int>>& items)
{
    std::vector<std::vector<int>> members;
    const bool merge = items.size() > kMergeItems;
    std::map<std::vector<int64_t>, int> rowOfDemand;
    for (size_t i = 0; i < items.size(); ++i) {
        const Shape& sh = p.shapes[size_t(items[i].first)];
        if (merge && sh.maxPerNode == kNoLimit) {
            const auto [it, added] = rowOfDemand.emplace(sh.demand, int(members.size()));
            if (!added) {
                members[size_t(it->second)].push_back(int(i));
                continue;
            }
        }
        members.push_back({int(i)});
    }
    return members;
}

bool packTypeByConfigurations(Packing& pk, int type, std::vector<std::pair<int, int>>& items, int effort,
                              const Cancelled& cancelled, const std::vector<const Packing*>& seeds, double balance)
{
    const Problem& p = pk.problem();
    const NodeType& t = p.types[size_t(type)];
    if (items.empty())
        return true;
    const std::vector<std::vector<int>> members = configurationRows(p, items);
    const int n = int(members.size());
    auto shapeOf = [&](int r) { return items[size_t(members[size_t(r)].front())].first; };
    auto demandOf = [&](int r) {
        int64_t c = 0;
        for (int i : members[size_t(r)])
            c += items[size_t(i)].second;
        return c;
    };
    Lp lp;
    for (int r = 0; r < n; ++r)
        lp.addRow(GLP_LO, double(demandOf(r)), 0.0);
    for (int r = 0; r < n; ++r)
        lp.addColumn(2.0 * t.price + 1.0, {r + 1}, {1.0});
    std::vector<std::vector<std::pair<int, int>>> patterns; // (row, copies)
    std::set<std::vector<std::pair<int, int>>> seen;
    std::vector<int> bounds(static_cast<size_t>(n));
    for (int r = 0; r < n; ++r) {
        const int s = shapeOf(r);
        int64_t k = std::min<int64_t>(demandOf(r), p.shapes[size_t(s)].maxPerNode);
        for (int d = 0; d < p.dims; ++d) {
            if (p.demand(s)[d] > 0)
                k = std::min<int64_t>(k, t.cap[size_t(d)] / p.demand(s)[d]);
        }
        bounds[size_t(r)] = int(std::max<int64_t>(0, k));
    }
    auto addPattern = [&](std::vector<std::pair<int, int>> counts) {
        if (counts.empty() || !seen.insert(counts).second)
            return false;
        std::vector<int> rows;
        std::vector<double> values;
        for (const auto& [r, k] : counts) {
            rows.push_back(r + 1);
            values.push_back(k);
        }
        lp.addColumn(t.price, rows, values);
        patterns.push_back(std::move(counts));
        return true;
    };
    for (int r = 0; r < n; ++r) {
        if (bounds[size_t(r)] > 0)
            addPattern({{r, bounds[size_t(r)]}});
    }
    // The seeds' nodes of the type: configurations as good as those packings, from the start.
    std::vector<int> rowOf(p.shapes.size(), -1);
    for (int r = 0; r < n; ++r) {
        for (int i : members[size_t(r)])
            rowOf[size_t(items[size_t(i)].first)] = r;
    }
    std::map<int, int> perRow;
    for (const Packing* seed : seeds) {
        for (size_t m = pk.nodes().size(); m < seed->nodes().size() && patterns.size() < kSeedPatterns; ++m) {
            const PackNode& node = seed->nodes()[m];
            if (!node.alive || node.type != type || node.items.empty())
                continue;
            perRow.clear();
            bool ours = true;
            for (const auto& [s, k] : node.items) {
                ours = ours && rowOf[size_t(s)] >= 0;
                if (ours)
                    perRow[rowOf[size_t(s)]] += k;
            }
            if (ours)
                addPattern(std::vector<std::pair<int, int>>(perRow.begin(), perRow.end()));
        }
    }
    glp_prob* g = lp.get();
    std::vector<KnapsackItem> kitems;
    const int rounds = kConfigurationRounds * std::max(1, effort);
    for (int round = 0; round < rounds; ++round) {
        if ((cancelled && cancelled()) || !lp.solve())
            return false;
        kitems.clear();
        for (int r = 0; r < n; ++r) {
            const double y = glp_get_row_dual(g, r + 1);
            if (y > 1e-12)
                kitems.push_back(KnapsackItem{r, y, p.demand(shapeOf(r)), bounds[size_t(r)]});
        }
        KnapsackResult k = solveKnapsack(kitems, t.cap.data(), p.dims, 20000 * std::max(1, effort), nullptr, false, t.price);
        if (k.value <= t.price * (1 + 1e-9) || !addPattern(std::move(k.counts)))
            break;
    }
    const int first = n + 1;
    std::vector<size_t> order(patterns.size());
    for (size_t j = 0; j < order.size(); ++j)
        order[j] = j;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return patterns[a].size() > patterns[b].size(); });
    // copiesOf(j) nodes of configuration j (a merged row's replicas taken from its items in
    // order), then whatever is left (the fractions, overlapping configurations, a node limit)
    // by the dot product.
    auto place = [&](auto copiesOf) {
        for (size_t j : order) {
            const int copies = copiesOf(j);
            for (int c = 0; c < copies && pk.canOpen(type); ++c) {
                const int node = pk.open(type);
                for (const auto& [r, k] : patterns[j]) {
                    int want = k;
                    for (int i : members[size_t(r)]) {
                        auto& [s, left] = items[size_t(i)];
                        const int f = pk.fit(node, s, std::min(want, left));
                        pk.add(node, s, f);
                        left -= f;
                        want -= f;
                        if (want == 0)
                            break;
                    }
                }
                if (pk.empty(node)) {
                    pk.close(node);
                    break;
                }
            }
        }
        packDotProduct(pk, type, items, cancelled, nullptr, balance);
    };
    int64_t replicas = 0;
    for (const auto& [s, c] : items)
        replicas += c;
    if (replicas <= kBranchReplicas) {
        // Few replicas, where a node more or less matters: the best integer combination of the
        // configurations.
        for (size_t j = 0; j < patterns.size(); ++j)
            glp_set_col_kind(g, first + int(j), GLP_IV);
        IpSearch search;
        search.nodeLimit = 300 * std::max(1, effort);
        search.cancelled = &cancelled;
        const int ret = branchAndBound(g, ipCallback, &search, false);
        const int status = glp_mip_status(g);
        if ((ret == 0 || ret == GLP_ESTOP) && (status == GLP_OPT || status == GLP_FEAS))
            place([&](size_t j) { return int(std::lround(glp_mip_col_val(g, first + int(j)))); });
        else
            packDotProduct(pk, type, items, cancelled, nullptr, balance);
        return true;
    }
    // Many: ⌊x⌋ nodes of every configuration (the cutting-stock rounding; the fractions left are
    // at most a node per configuration in the LP's basis).
    place([&](size_t j) { return int(std::floor(glp_get_col_prim(g, first + int(j)) + 1e-9)); });
    return true;
}

namespace {

struct BestBoundSearch {
    IpSearch search;
    double bound = -std::numeric_limits<double>::infinity(); // of the open subproblems, last seen
};

// Records the smallest bound of the open subproblems before every selection (what a stopped
// search still proves), then applies the node limit.
void bestBoundCallback(glp_tree* tree, void* info)
{
    auto* s = static_cast<BestBoundSearch*>(info);
    if (glp_ios_reason(tree) == GLP_ISELECT) {
        const int node = glp_ios_best_node(tree);
        if (node != 0)
            s->bound = glp_ios_node_bound(tree, node);
    }
    ipCallback(tree, &s->search);
}

} // namespace

double integerNodesBound(const Problem& p, const Classes& cls, int effort, const Cancelled& cancelled,
                         const std::vector<char>* types)
{
    const int nClasses = int(cls.classes.size());
    if (nClasses == 0)
        return 0;
    std::vector<char> relevant = relevantTypes(p, cls);
    for (size_t t = 0; types && t < p.types.size(); ++t)
        relevant[t] = relevant[t] && (*types)[t];
    for (size_t t = 0; t < p.types.size(); ++t) {
        if (relevant[t] && p.types[t].hostsPerSlice > 1)
            return 0;
    }
    for (const auto& c : cls.classes) {
        if (p.shapes[size_t(c.shapes.front())].tpu)
            return 0;
    }
    Lp lp;
    for (const auto& c : cls.classes)
        lp.addRow(GLP_LO, double(c.demand), 0.0);
    const std::vector<int> poolRow = addPoolRows(lp, p);
    // Pools without a node type here: their limits are not this model's.
    for (size_t i = 0; i < p.pools.size(); ++i) {
        bool here = false;
        for (int t : p.pools[i].types)
            here = here || relevant[size_t(t)];
        if (poolRow[i] > 0 && !here)
            glp_set_row_bnds(lp.get(), poolRow[i], GLP_FR, 0.0, 0.0);
    }
    for (int c = 0; c < nClasses; ++c)
        lp.addColumn(slackCost(p, cls.classes[size_t(c)]), {c + 1}, {1.0});
    for (size_t t = 0; t < p.types.size(); ++t) {
        if (!relevant[t])
            continue;
        const NodeType& type = p.types[t];
        // Capacity rows (every dimension some class uses) and every dual-feasible-function row
        // that differs from them: sum over classes of u(demand / capacity) × replicas ≤ nodes.
        std::vector<std::pair<int, int>> rows; // (dimension, k), k = 0: the capacity itself
        for (int d = 0; d < p.dims; ++d) {
            if (type.cap[size_t(d)] <= 0)
                continue;
            bool used = false;
            for (int c : cls.ofType[t])
                used = used || cls.classes[size_t(c)].weight[d] > 0;
            if (!used)
                continue;
            rows.emplace_back(d, 0);
            if (d == kPods)
                continue;
            for (int k = 1; k <= kDffMax; ++k) {
                bool differs = false;
                for (int c : cls.ofType[t]) {
                    const double x = double(cls.classes[size_t(c)].weight[d]) / double(type.cap[size_t(d)]);
                    differs = differs || (x > 1.0 / (k + 1) + 1e-12 && std::abs(dff(k, x) - x) > 1e-9);
                }
                if (differs)
                    rows.emplace_back(d, k);
            }
        }
        std::vector<int> rowIndex;
        for (size_t r = 0; r < rows.size(); ++r)
            rowIndex.push_back(lp.addRow(GLP_UP, 0.0, 0.0));
        std::vector<int> nodeRows = rowIndex;
        std::vector<double> nodeValues(rowIndex.size(), -1.0);
        // Per-node limits: replicas ≤ maxPerNode × nodes.
        std::vector<std::pair<int, int>> perNode; // (class, row)
        for (int c : cls.ofType[t]) {
            const LpClass& k = cls.classes[size_t(c)];
            if (k.maxPerNode == kNoLimit)
                continue;
            perNode.emplace_back(c, lp.addRow(GLP_UP, 0.0, 0.0));
            nodeRows.push_back(perNode.back().second);
            nodeValues.push_back(-double(k.maxPerNode));
        }
        if (poolRow[size_t(type.pool)] > 0) {
            nodeRows.push_back(poolRow[size_t(type.pool)]);
            nodeValues.push_back(1.0);
        }
        glp_set_col_kind(lp.get(), lp.addColumn(type.price, nodeRows, nodeValues), GLP_IV);
        for (int c : cls.ofType[t]) {
            const LpClass& k = cls.classes[size_t(c)];
            std::vector<int> colRows{c + 1};
            std::vector<double> colValues{1.0};
            for (size_t r = 0; r < rows.size(); ++r) {
                const auto [d, kk] = rows[r];
                const double x = double(k.weight[d]) / double(type.cap[size_t(d)]);
                const double u = kk == 0 ? x : dff(kk, x);
                if (u > 0) {
                    colRows.push_back(rowIndex[r]);
                    colValues.push_back(u);
                }
            }
            for (const auto& [pc, row] : perNode) {
                if (pc == c) {
                    colRows.push_back(row);
                    colValues.push_back(1.0);
                }
            }
            lp.addColumn(0.0, colRows, colValues);
        }
    }
    glp_prob* g = lp.get();
    if (!lp.solve())
        return 0;
    const double relaxation = glp_get_obj_val(g);
    BestBoundSearch s;
    s.search.nodeLimit = kIntegerNodesSearch * std::max(1, effort);
    s.search.cancelled = &cancelled;
    const int ret = branchAndBound(g, bestBoundCallback, &s, false);
    const int status = glp_mip_status(g);
    double bound = relaxation;
    if (ret == 0 && status == GLP_OPT && !s.search.aborted)
        bound = std::max(bound, glp_mip_obj_val(g)); // the search finished: the MIP's optimum
    else if (std::isfinite(s.bound))
        bound = std::max(bound, s.bound);
    if (cancelled && cancelled())
        return 0;
    // Guard against the simplex's tolerances.
    // GLPK prunes subproblems within 1e-7 × (1 + |incumbent|) of the incumbent.
    return std::max(0.0, bound - 1e-7 * (1 + std::abs(bound)) - 1e-9);
}

ExactResult exactSolve(const Problem& p, const std::vector<int>& demand, int effort, const Cancelled& cancelled)
{
    ExactResult out;
    Classes cls = buildClasses(p, demand);
    const int nClasses = int(cls.classes.size());
    int64_t replicas = 0;
    for (const auto& c : cls.classes)
        replicas += c.demand;
    constexpr int64_t kMaxReplicas = 400;
    const size_t maxPatterns = 2500 * size_t(std::max(1, effort));
    const int64_t maxSearch = 1000000 * int64_t(std::max(1, effort));
    if (nClasses == 0 || replicas > kMaxReplicas)
        return out;
    const std::vector<char> relevant = relevantTypes(p, cls);
    for (size_t t = 0; t < p.types.size(); ++t) {
        if (relevant[t] && p.types[t].hostsPerSlice > 1)
            return out; // whole slices are not modelled here
    }

    // Every maximal configuration of every relevant node type.
    std::vector<LpColumn> patterns;
    int64_t searched = 0;
    bool tooMany = false;
    for (size_t t = 0; t < p.types.size() && !tooMany; ++t) {
        if (!relevant[t])
            continue;
        const NodeType& type = p.types[t];
        const std::vector<int>& list = cls.ofType[t];
        std::vector<int> bound(list.size());
        for (size_t i = 0; i < list.size(); ++i)
            bound[i] = aloneFit(p, cls.classes[size_t(list[i])], int(t));
        std::vector<int64_t> room(type.cap.begin(), type.cap.end());
        std::vector<int> count(list.size(), 0);
        auto fitsOne = [&](size_t i) {
            const int64_t* w = cls.classes[size_t(list[i])].weight;
            for (int d = 0; d < p.dims; ++d) {
                if (w[d] > room[size_t(d)])
                    return false;
            }
            return true;
        };
        auto apply = [&](size_t i, int k) {
            const int64_t* w = cls.classes[size_t(list[i])].weight;
            for (int d = 0; d < p.dims; ++d)
                room[size_t(d)] -= w[d] * k;
        };
        std::function<void(size_t)> dfs = [&](size_t i) {
            if (tooMany || ++searched > maxSearch || ((searched & 0xffff) == 0 && cancelled && cancelled())) {
                tooMany = true;
                return;
            }
            if (i == list.size()) {
                for (size_t j = 0; j < list.size(); ++j) {
                    if (count[j] < bound[j] && fitsOne(j))
                        return; // not maximal: one more replica of j fits
                }
                LpColumn col{int(t), {}};
                for (size_t j = 0; j < list.size(); ++j) {
                    if (count[j] > 0)
                        col.counts.emplace_back(list[j], count[j]);
                }
                std::sort(col.counts.begin(), col.counts.end());
                if (!col.counts.empty())
                    patterns.push_back(std::move(col));
                tooMany = patterns.size() > maxPatterns;
                return;
            }
            int top = bound[i];
            const int64_t* w = cls.classes[size_t(list[i])].weight;
            for (int d = 0; d < p.dims; ++d) {
                if (w[d] > 0)
                    top = int(std::min<int64_t>(top, room[size_t(d)] / w[d]));
            }
            for (int k = top; k >= 0 && !tooMany; --k) {
                apply(i, k);
                count[i] = k;
                dfs(i + 1);
                count[i] = 0;
                apply(i, -k);
            }
        };
        dfs(0);
        if (cancelled && cancelled())
            return out;
    }
    if (tooMany || patterns.empty())
        return out;

    // The configuration IP.
    Lp lp;
    for (const auto& c : cls.classes)
        lp.addRow(GLP_LO, double(c.demand), 0.0);
    const std::vector<int> poolRow = addPoolRows(lp, p);
    // Pools with a minimum: the empty node of their cheapest type.
    for (size_t i = 0; i < p.pools.size(); ++i) {
        const PoolInfo& pool = p.pools[i];
        if (pool.minNodes <= 0 || pool.types.empty())
            continue;
        int cheapest = pool.types.front();
        for (int t : pool.types) {
            if (p.types[size_t(t)].price < p.types[size_t(cheapest)].price)
                cheapest = t;
        }
        patterns.push_back(LpColumn{cheapest, {}});
    }
    for (const auto& col : patterns)
        glp_set_col_kind(lp.get(), addConfigurationColumn(lp, p, poolRow, col.type, col.counts), GLP_IV);
    glp_prob* g = lp.get();
    glp_smcp smcp;
    glp_init_smcp(&smcp);
    smcp.msg_lev = GLP_MSG_OFF;
    if (glp_simplex(g, &smcp) != 0 || glp_get_status(g) != GLP_OPT)
        return out;
    out.applicable = true;
    out.lowerBound = std::max(0.0, glp_get_obj_val(g) * (1 - 1e-9) - 1e-9);
    IpSearch search;
    search.nodeLimit = 500 * std::max(1, effort);
    search.cancelled = &cancelled;
    const int ret = branchAndBound(g, ipCallback, &search, true);
    const int status = glp_mip_status(g);
    if ((ret != 0 && ret != GLP_ESTOP) || (status != GLP_OPT && status != GLP_FEAS))
        return out;
    out.cost = glp_mip_obj_val(g);
    out.optimal = ret == 0 && status == GLP_OPT && !search.aborted;
    if (out.optimal)
        out.lowerBound = std::max(out.lowerBound, out.cost * (1 - 1e-9) - 1e-9);
    out.columns.cls = std::move(cls);
    out.columns.columns = std::move(patterns);
    out.columns.x.resize(out.columns.columns.size());
    for (size_t j = 0; j < out.columns.columns.size(); ++j)
        out.columns.x[j] = std::round(glp_mip_col_val(g, int(j) + 1));
    return out;
}

namespace {

struct IncumbentSearch {
    IpSearch search;
    const std::vector<double>* start = nullptr; // 1-based column values
    bool given = false;
};

void incumbentCallback(glp_tree* tree, void* info)
{
    auto* s = static_cast<IncumbentSearch*>(info);
    if (glp_ios_reason(tree) == GLP_IHEUR && !s->given && s->start) {
        s->given = true;
        glp_ios_heur_sol(tree, s->start->data());
        return;
    }
    ipCallback(tree, &s->search);
}

} // namespace

ExactResult configurationIp(const Problem& p, const BoundResult& br, const std::vector<const Packing*>& packings,
                            int effort, const Cancelled& cancelled)
{
    ExactResult out;
    const Classes& cls = br.cls;
    const int nClasses = int(cls.classes.size());
    if (nClasses == 0)
        return out;
    const std::vector<char> relevant = relevantTypes(p, cls);
    for (size_t t = 0; t < p.types.size(); ++t) {
        if (relevant[t] && p.types[t].hostsPerSlice > 1)
            return out;
    }
    for (const auto& c : cls.classes) {
        if (p.shapes[size_t(c.shapes.front())].tpu)
            return out;
    }
    // Columns: the packings' node configurations first (the incumbent), then the master's.
    std::map<std::pair<int, std::vector<std::pair<int, int>>>, size_t> index;
    std::vector<LpColumn> columns;
    std::vector<double> start(1, 0.0);
    auto add = [&](int type, std::vector<std::pair<int, int>> counts) {
        auto [it, fresh] = index.emplace(std::make_pair(type, counts), columns.size());
        if (fresh) {
            columns.push_back(LpColumn{type, std::move(counts)});
            start.push_back(0.0);
        }
        return it->second;
    };
    bool incumbent = !packings.empty();
    for (size_t i = 0; i < packings.size(); ++i) {
        for (const auto& node : packings[i]->nodes()) {
            if (!node.alive)
                continue;
            if (!relevant[size_t(node.type)]) {
                incumbent = incumbent && i > 0;
                continue;
            }
            std::map<int, int> counts;
            bool inLp = true;
            for (const auto& [s, k] : node.items) {
                const int c = cls.classOf[size_t(s)];
                if (c >= 0)
                    counts[c] += k;
                else
                    inLp = false;
            }
            if (i == 0 && !inLp)
                incumbent = false;
            const size_t j = add(node.type, {counts.begin(), counts.end()});
            if (i == 0)
                start[j + 1] += 1.0;
        }
    }
    for (const LpColumn& col : br.columns)
        add(col.type, col.counts);

    Lp lp;
    for (const auto& c : cls.classes)
        lp.addRow(GLP_LO, double(c.demand), 0.0);
    const std::vector<int> poolRow = addPoolRows(lp, p);
    for (const auto& col : columns)
        glp_set_col_kind(lp.get(), addConfigurationColumn(lp, p, poolRow, col.type, col.counts), GLP_IV);
    glp_prob* g = lp.get();
    glp_smcp smcp;
    glp_init_smcp(&smcp);
    smcp.msg_lev = GLP_MSG_OFF;
    if (glp_simplex(g, &smcp) != 0 || glp_get_status(g) != GLP_OPT)
        return out;
    // The incumbent must satisfy every row (it may not, e.g. with nodes beyond the LP's classes).
    if (incumbent) {
        for (int i = 1; i <= glp_get_num_rows(g) && incumbent; ++i) {
            std::vector<int> ind(size_t(glp_get_num_cols(g)) + 1);
            std::vector<double> val(ind.size());
            const int len = glp_get_mat_row(g, i, ind.data(), val.data());
            double sum = 0;
            for (int k = 1; k <= len; ++k)
                sum += val[size_t(k)] * start[size_t(ind[size_t(k)])];
            const int kind = glp_get_row_type(g, i);
            if ((kind == GLP_LO || kind == GLP_DB || kind == GLP_FX) && sum < glp_get_row_lb(g, i) - 1e-9)
                incumbent = false;
            if ((kind == GLP_UP || kind == GLP_DB || kind == GLP_FX) && sum > glp_get_row_ub(g, i) + 1e-9)
                incumbent = false;
        }
    }
    IncumbentSearch search;
    search.search.nodeLimit = 400 * std::max(1, effort);
    search.search.cancelled = &cancelled;
    search.start = incumbent ? &start : nullptr;
    const int ret = branchAndBound(g, incumbentCallback, &search, true, true);
    const int status = glp_mip_status(g);
    if ((ret != 0 && ret != GLP_ESTOP) || (status != GLP_OPT && status != GLP_FEAS))
        return out;
    out.applicable = true;
    out.cost = glp_mip_obj_val(g);
    out.optimal = ret == 0 && status == GLP_OPT && !search.search.aborted;
    out.columns.cls = cls;
    out.columns.columns = std::move(columns);
    out.columns.x.resize(out.columns.columns.size());
    for (size_t j = 0; j < out.columns.columns.size(); ++j)
        out.columns.x[j] = std::round(glp_mip_col_val(g, int(j) + 1));
    return out;
}

} // namespace cw::solve::detail
