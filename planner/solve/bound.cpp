// SPDX-License-Identifier: GPL-3.0-or-later
#include "bound.h"

#include "knapsack.h"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
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
        // GLPK arrays start at index 1.
        std::vector<int> ind(rows.size() + 1);
        std::vector<double> val(values.size() + 1);
        for (size_t i = 0; i < rows.size(); ++i) {
            ind[i + 1] = rows[i];
            val[i + 1] = values[i];
        }
        glp_set_mat_col(m_p, j, int(rows.size()), ind.data(), val.data());
        return j;
    }

private:
    glp_prob* m_p = nullptr;
};

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

struct PoolRows {
    std::vector<int> row;   // per pool: GLPK row, 0 when the pool has no limit row
    int count = 0;
};

PoolRows addPoolRows(glp_prob* lp, const Problem& p, int firstRow)
{
    PoolRows r;
    r.row.assign(p.pools.size(), 0);
    for (size_t i = 0; i < p.pools.size(); ++i) {
        const PoolInfo& pool = p.pools[i];
        if (pool.types.empty() || (pool.minNodes <= 0 && pool.maxNodes == kNoLimit))
            continue;
        const int row = glp_add_rows(lp, 1);
        (void)firstRow;
        if (pool.minNodes > 0 && pool.maxNodes != kNoLimit)
            glp_set_row_bnds(lp, row, pool.minNodes == pool.maxNodes ? GLP_FX : GLP_DB, pool.minNodes, pool.maxNodes);
        else if (pool.minNodes > 0)
            glp_set_row_bnds(lp, row, GLP_LO, pool.minNodes, 0.0);
        else
            glp_set_row_bnds(lp, row, GLP_UP, 0.0, pool.maxNodes);
        r.row[i] = row;
        ++r.count;
    }
    return r;
}

} // namespace

void buildClasses(const Problem& p, const std::vector<int>& demand, BoundResult& out)
{
    out.classes.clear();
    out.classOf.assign(p.shapes.size(), -1);
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
}

BoundResult configurationBound(const Problem& p, const std::vector<int>& demand, int effort, const Cancelled& cancelled)
{
    BoundResult r;
    buildClasses(p, demand, r);
    const int nClasses = int(r.classes.size());
    const int maxRounds = 60 + 60 * std::max(1, effort);
    const int64_t knapsackNodes = 1500 * std::max(1, effort);

    Lp lp;
    glp_prob* g = lp.get();
    if (nClasses > 0)
        glp_add_rows(g, nClasses);
    for (int c = 0; c < nClasses; ++c)
        glp_set_row_bnds(g, c + 1, GLP_LO, double(r.classes[size_t(c)].demand), 0.0);
    const PoolRows poolRows = addPoolRows(g, p, nClasses + 1);
    if (nClasses == 0 && poolRows.count == 0) {
        r.computed = true;
        r.method = BoundMethod::ColumnGeneration;
        r.converged = true;
        return r;
    }

    std::vector<double> slack(static_cast<size_t>(nClasses), 0.0);
    for (int c = 0; c < nClasses; ++c) {
        slack[size_t(c)] = slackCost(p, r.classes[size_t(c)]);
        lp.addColumn(slack[size_t(c)], {c + 1}, {1.0});
    }
    const int firstPatternColumn = nClasses + 1;

    std::set<std::pair<int, std::vector<std::pair<int, int>>>> seen;
    auto addPattern = [&](int type, std::vector<std::pair<int, int>> counts) {
        if (!seen.emplace(type, counts).second)
            return false;
        std::vector<int> rows;
        std::vector<double> values;
        for (const auto& [c, k] : counts) {
            rows.push_back(c + 1);
            values.push_back(k);
        }
        const int pool = p.types[size_t(type)].pool;
        if (poolRows.row[size_t(pool)] > 0) {
            rows.push_back(poolRows.row[size_t(pool)]);
            values.push_back(1.0);
        }
        lp.addColumn(p.types[size_t(type)].price, rows, values);
        r.columns.push_back(LpColumn{type, std::move(counts)});
        return true;
    };

    // Start: every class alone on its cheapest node type per replica; an empty node of the
    // cheapest type of every pool with minNodes.
    for (int c = 0; c < nClasses; ++c) {
        const LpClass& cls = r.classes[size_t(c)];
        int best = -1;
        double bestPer = std::numeric_limits<double>::infinity();
        for (int t : cls.eligible) {
            const int k = aloneFit(p, cls, t);
            if (k > 0 && p.types[size_t(t)].price / k < bestPer) {
                bestPer = p.types[size_t(t)].price / k;
                best = t;
            }
        }
        if (best >= 0)
            addPattern(best, {{c, aloneFit(p, cls, best)}});
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
        addPattern(cheapest, {});
    }

    // Types worth pricing: those some class may use, or that belong to a pool with a row.
    std::vector<std::vector<int>> classesOfType(p.types.size());
    for (int c = 0; c < nClasses; ++c) {
        for (int t : r.classes[size_t(c)].eligible)
            classesOfType[size_t(t)].push_back(c);
    }

    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_OFF;
    glp_adv_basis(g, 0);

    double best = 0;
    std::vector<double> y(size_t(nClasses), 0.0);
    std::vector<double> mu(p.pools.size(), 0.0);
    std::vector<KnapsackItem> items;
    bool solvedOnce = false;
    for (int round = 0; round < maxRounds; ++round) {
        if (cancelled && cancelled())
            break;
        if (glp_simplex(g, &parm) != 0 || glp_get_status(g) != GLP_OPT)
            break;
        solvedOnce = true;
        r.iterations = round + 1;
        const double z = glp_get_obj_val(g);
        r.lpValue = z;
        for (int c = 0; c < nClasses; ++c)
            y[size_t(c)] = std::clamp(glp_get_row_dual(g, c + 1), 0.0, slack[size_t(c)]);
        for (size_t i = 0; i < p.pools.size(); ++i)
            mu[i] = poolRows.row[i] > 0 ? glp_get_row_dual(g, poolRows.row[i]) : 0.0;

        // Price every node type; keep each type's knapsack upper bound for the bound below.
        std::vector<double> upper(p.types.size(), 0.0);
        std::vector<std::pair<int, std::vector<std::pair<int, int>>>> fresh;
        for (size_t t = 0; t < p.types.size(); ++t) {
            const NodeType& type = p.types[t];
            const int pool = type.pool;
            if (classesOfType[t].empty() && poolRows.row[size_t(pool)] == 0)
                continue;
            if (p.pools[size_t(pool)].maxNodes == 0)
                continue;
            items.clear();
            for (int c : classesOfType[t]) {
                if (y[size_t(c)] > 1e-12) {
                    const LpClass& cls = r.classes[size_t(c)];
                    items.push_back(KnapsackItem{c, y[size_t(c)], cls.weight,
                                                 int(std::min<int64_t>(cls.maxPerNode, cls.demand))});
                }
            }
            KnapsackResult k = solveKnapsack(items, type.cap.data(), p.dims, knapsackNodes);
            if (!k.exact)
                r.effortLimit = true;
            upper[t] = k.upperBound;
            const double rc = type.price - k.value - mu[size_t(pool)];
            if (rc < -1e-9 * std::max(1.0, type.price))
                fresh.emplace_back(int(t), std::move(k.counts));
        }

        // A Lagrangian bound from these duals, valid whether or not the LP has converged:
        // scale the duals until every unlimited pool's columns price out, and charge limited
        // pools their remaining negative reduced cost times their node limit.
        double theta = 1.0;
        for (size_t t = 0; t < p.types.size(); ++t) {
            const int pool = p.types[t].pool;
            if (p.pools[size_t(pool)].maxNodes != kNoLimit)
                continue;
            if (classesOfType[t].empty() && poolRows.row[size_t(pool)] == 0)
                continue;
            const double denom = upper[t] + mu[size_t(pool)];
            if (denom > p.types[t].price)
                theta = std::min(theta, p.types[t].price / denom);
        }
        double dualObjective = 0;
        for (int c = 0; c < nClasses; ++c)
            dualObjective += double(r.classes[size_t(c)].demand) * y[size_t(c)];
        for (size_t i = 0; i < p.pools.size(); ++i) {
            if (poolRows.row[i] == 0)
                continue;
            const double m = mu[i];
            if (m > 0)
                dualObjective += p.pools[i].minNodes * m;
            else if (m < 0 && p.pools[i].maxNodes != kNoLimit)
                dualObjective += double(p.pools[i].maxNodes) * m;
        }
        double bound = theta * dualObjective;
        for (size_t i = 0; i < p.pools.size(); ++i) {
            const PoolInfo& pool = p.pools[i];
            if (pool.maxNodes == kNoLimit || pool.maxNodes == 0)
                continue;
            double worst = 0;
            for (int t : pool.types)
                worst = std::min(worst, p.types[size_t(t)].price - theta * (upper[size_t(t)] + mu[i]));
            bound += double(pool.maxNodes) * worst;
        }
        best = std::max(best, bound);

        bool added = false;
        for (auto& [t, counts] : fresh)
            added = addPattern(t, std::move(counts)) || added;
        if (!added) {
            r.converged = !r.effortLimit;
            if (r.converged)
                best = std::max(best, z);
            break;
        }
        if (best >= z * (1 - 1e-7)) {
            r.converged = true;
            break;
        }
        if (round + 1 == maxRounds)
            r.effortLimit = true;
    }
    if (!solvedOnce)
        return r;

    r.computed = true;
    r.method = BoundMethod::ColumnGeneration;
    // Guard the proven figure against floating-point noise.
    r.lowerBound = std::max(0.0, best * (1 - 1e-9) - 1e-9);
    r.duals = y;
    r.x.resize(r.columns.size());
    for (size_t j = 0; j < r.columns.size(); ++j)
        r.x[j] = glp_get_col_prim(g, firstPatternColumn + int(j));
    return r;
}

double fluidBound(const Problem& p, const std::vector<int>& demand, const Cancelled& cancelled, bool* ok)
{
    *ok = false;
    BoundResult cls;
    buildClasses(p, demand, cls);
    const int nClasses = int(cls.classes.size());
    if (cancelled && cancelled())
        return 0;
    Lp lp;
    glp_prob* g = lp.get();
    if (nClasses > 0)
        glp_add_rows(g, nClasses);
    for (int c = 0; c < nClasses; ++c)
        glp_set_row_bnds(g, c + 1, GLP_LO, double(cls.classes[size_t(c)].demand), 0.0);
    const PoolRows poolRows = addPoolRows(g, p, nClasses + 1);

    std::vector<std::vector<int>> classesOfType(p.types.size());
    for (int c = 0; c < nClasses; ++c) {
        for (int t : cls.classes[size_t(c)].eligible)
            classesOfType[size_t(t)].push_back(c);
    }
    for (int c = 0; c < nClasses; ++c)
        lp.addColumn(slackCost(p, cls.classes[size_t(c)]), {c + 1}, {1.0});

    for (size_t t = 0; t < p.types.size(); ++t) {
        const NodeType& type = p.types[t];
        const int pool = type.pool;
        if ((classesOfType[t].empty() && poolRows.row[size_t(pool)] == 0) || p.pools[size_t(pool)].maxNodes == 0)
            continue;
        // Capacity rows of this type: sum over classes of demand / capacity <= nodes.
        std::map<int, int> capRow; // dim -> row
        for (int d = 0; d < p.dims; ++d) {
            bool used = false;
            for (int c : classesOfType[t])
                used = used || cls.classes[size_t(c)].weight[d] > 0;
            if (used && type.cap[size_t(d)] > 0) {
                const int row = glp_add_rows(g, 1);
                glp_set_row_bnds(g, row, GLP_UP, 0.0, 0.0);
                capRow[d] = row;
            }
        }
        std::vector<int> nodeRows;
        std::vector<double> nodeValues;
        for (const auto& [d, row] : capRow) {
            nodeRows.push_back(row);
            nodeValues.push_back(-1.0);
        }
        if (poolRows.row[size_t(pool)] > 0) {
            nodeRows.push_back(poolRows.row[size_t(pool)]);
            nodeValues.push_back(1.0);
        }
        for (int c : classesOfType[t]) {
            const LpClass& k = cls.classes[size_t(c)];
            std::vector<int> rows{c + 1};
            std::vector<double> values{1.0};
            for (const auto& [d, row] : capRow) {
                if (k.weight[d] > 0) {
                    rows.push_back(row);
                    values.push_back(double(k.weight[d]) / double(type.cap[size_t(d)]));
                }
            }
            if (k.maxPerNode != kNoLimit) {
                const int row = glp_add_rows(g, 1);
                glp_set_row_bnds(g, row, GLP_UP, 0.0, 0.0);
                rows.push_back(row);
                values.push_back(1.0);
                nodeRows.push_back(row);
                nodeValues.push_back(-double(k.maxPerNode));
            }
            lp.addColumn(0.0, rows, values);
        }
        lp.addColumn(type.price, nodeRows, nodeValues);
    }
    if (glp_get_num_cols(g) == 0) {
        *ok = true;
        return 0;
    }
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_ON;
    if (glp_simplex(g, &parm) != 0 || glp_get_status(g) != GLP_OPT)
        return 0;
    *ok = true;
    return std::max(0.0, glp_get_obj_val(g) * (1 - 1e-7) - 1e-9);
}

} // namespace cw::solve::detail
