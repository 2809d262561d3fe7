// SPDX-License-Identifier: GPL-3.0-or-later
#include "solver.h"

#include "bound.h"
#include "cost/autopilot.h"
#include "diag/diagnostic.h"
#include "packing.h"
#include "problem.h"

#include <glpk.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <cmath>
#include <limits>
#include <optional>
#include <map>
#include <numeric>
#include <string_view>

namespace cw::solve {

using namespace cw::model;
using namespace cw::solve::detail;

namespace {

// Column generation runs when the LP has at most this many classes (times the effort).
constexpr size_t kConfigurationClasses = 160;
// Beyond, it runs while the fluid LP puts few replicas on a node on average: the knapsacks stay
// small, and the configurations guide the packing where integrality matters. At most 3, or 6
// while the replicas are few enough for the extra candidates to cost little.
constexpr double kConfigurationFewPerNode = 3.0;
constexpr double kConfigurationFewPerNodeSmall = 6.0;
constexpr int64_t kConfigurationSmall = 5000;

double fewPerNode(const Classes& cls)
{
    int64_t replicas = 0;
    for (const auto& c : cls.classes)
        replicas += c.demand;
    return replicas <= kConfigurationSmall ? kConfigurationFewPerNodeSmall : kConfigurationFewPerNode;
}

// Developer trace of the phases (CW_SOLVER_TRACE=1): time and cost per candidate on stderr.
bool tracing()
{
    static const bool on = std::getenv("CW_SOLVER_TRACE") != nullptr;
    return on;
}

struct PhaseTimer {
    std::clock_t start = std::clock();
    void report(const char* what, double cost = -1)
    {
        if (!tracing())
            return;
        const double ms = double(std::clock() - start) * 1000.0 / CLOCKS_PER_SEC;
        std::fprintf(stderr, "[solve] %-28s %9.2f ms CPU  %s\n", what, ms, cost >= 0 ? std::to_string(cost).c_str() : "");
        start = std::clock();
    }
};

// What decides where a workload's Pods may go, as a number: FNV-1a over its requests and
// constraints (not its replica count).
uint64_t fingerprint(const Workload& w)
{
    uint64_t h = 1469598103934665603ull;
    auto mix = [&h](std::string_view part) {
        for (unsigned char ch : part) {
            h ^= ch;
            h *= 1099511628211ull;
        }
        h ^= 0xff; // separator
        h *= 1099511628211ull;
    };
    auto number = [&mix](int64_t v) { mix(std::to_string(v)); };
    mix(w.pool);
    number(w.resources.cpuMilli);
    number(w.resources.memoryBytes);
    number(w.resources.ephemeralStorageBytes);
    number(w.maxPerNode);
    number(w.spot ? 1 : 0);
    number(w.gang ? 1 : 0);
    if (w.resources.gpu) {
        mix(w.resources.gpu->type);
        number(w.resources.gpu->count);
        mix(w.resources.gpu->partition);
    }
    if (w.resources.tpu) {
        mix(w.resources.tpu->type);
        mix(w.resources.tpu->topology);
        number(w.resources.tpu->slices);
    }
    for (const auto& [k, v] : w.resources.extended) {
        mix(k);
        number(v);
    }
    for (const auto& [k, v] : w.nodeSelector) {
        mix(k);
        mix(v);
    }
    for (const auto& t : w.tolerations) {
        mix(t.key);
        mix(toString(t.op));
        mix(t.value);
        mix(t.effect ? toString(*t.effect) : "*");
    }
    return h;
}

// A packing, the replicas it kept from a previous solution, and its bound.
struct ClusterResult {
    Packing packing;
    std::vector<std::vector<int>> keptNode;   // per shape, per replica: node in packing, or -1
    BoundResult bound;
    bool incremental = false;
    bool cancelled = false;
    double exactBound = 0;                    // from the exact solver, when it ran
    bool exactOptimal = false;                // it proved this cost optimal
};

bool better(const Packing& a, const Packing& b)
{
    const int pa = std::accumulate(a.placed().begin(), a.placed().end(), 0);
    const int pb = std::accumulate(b.placed().begin(), b.placed().end(), 0);
    if (pa != pb)
        return pa > pb;
    const double ca = a.cost(), cb = b.cost();
    if (std::abs(ca - cb) > 1e-9 * std::max(1.0, std::max(ca, cb)))
        return ca < cb;
    return a.aliveNodes() < b.aliveNodes();
}

// topUp, gangs, refill, improvement and clean-up: the common end of every candidate.
void finish(Packing& pk, const std::vector<double>& values, int effort, bool stable, const Cancelled& cancelled)
{
    topUpMinNodes(pk);
    if (!enforceGangs(pk).empty()) {
        // The room a failed gang left may take replicas that did not fit before.
        placeTpuSlices(pk);
        greedyPack(pk, values, 200, cancelled);
        enforceGangs(pk);
    }
    improve(pk, effort, stable, cancelled);
    closeEmptyNodes(pk);
    topUpMinNodes(pk);
}

// Work budget of ruin and recreate: removed (shape, count) pairs times the nodes scanned to
// place them again. Packings whose nodes hold many shapes each make rounds dear.
constexpr int64_t kRuinWork = 12000000;

// Exponent of the balanced dot-product packer's tilt.
constexpr double kBalance = 32;

// The fluid rounding packs a type's share by the type's configurations (packTypeByConfigurations)
// when at most kConfigurationPerNode replicas fit a node on average and the share has at most
// kConfigurationItems shapes, or its LP up to kConfigurationItemsMax rows (configurationRows)
// with kConfigurationReplicasPerRow replicas per row or more.
constexpr double kConfigurationPerNode = 24;
constexpr size_t kConfigurationItems = 120;
constexpr size_t kConfigurationItemsMax = 400;
constexpr int64_t kConfigurationReplicasPerRow = 20;

// Minimum bin slack (packMinSlack) for a type's share when at most kMinSlackPerNode replicas fit
// a node on average: kMinSlackChecks fit tests shared by the fluid LP's nodes of the type, at
// most kMinSlackChecksPerNode per node.
constexpr double kMinSlackPerNode = 8;
constexpr int64_t kMinSlackChecks = 40000000;
constexpr int64_t kMinSlackChecksPerNode = 200000;

// The balanced packing packs the replicas of its nodes filled below kRepackFill (in their fullest
// dimension) again, up to kRepackPasses times.
constexpr double kRepackFill = 0.998;
constexpr int kRepackPasses = 4;

// Work budget of drainNodes (nodes and their shapes scanned), per pass: kDrainWorkPerPod per
// Pod of the cluster (the time targets grow with the Pods), at least kDrainWork and at most
// kDrainWorkMax.
constexpr int64_t kDrainWork = 12000000;
constexpr int64_t kDrainWorkPerPod = 1000;
constexpr int64_t kDrainWorkMax = 100000000;

// Packings of at most this many nodes are polished in both orders (see polish); larger ones
// get 1/kRuinShareLarge of the ruin-and-recreate rounds.
constexpr int kPolishBothNodes = 300;
constexpr int kRuinShareLarge = 4;

// Price and branch runs up to this many replicas.
constexpr int64_t kPriceAndBranchReplicas = 400;

// Ruin and recreate on the chosen packing, a number of rounds that shrinks as it grows: a
// round costs about as much as the packing has nodes, so small packings (up to a few hundred
// nodes) get rounds in inverse proportion to the square of their size (but no more than 20 per
// node: a handful of nodes has little to try), large ones in inverse proportion to their size.
// Around it, draining nodes (drainNodes): before, so that the rounds start from load gathered
// on fewer nodes, and after. The two orders lead to different packings; small packings try
// both and keep the cheaper.
void polish(Packing& pk, const std::vector<double>& values, int effort, bool stable, const Cancelled& cancelled)
{
    const double size = pk.aliveNodes() + 50.0;
    const double more = std::min({1000.0, 4e7 / (size * size), 20.0 * pk.aliveNodes()});
    const int iterations = std::max(std::clamp(int(40000 / size), 10, 400), int(more)) * effort;
    if (stable) {
        ruinAndRecreate(pk, values, iterations, stable, cancelled, kRuinWork * effort);
        closeEmptyNodes(pk);
        return;
    }
    int64_t pods = 0;
    for (const Shape& shape : pk.problem().shapes)
        pods += shape.replicas;
    const int64_t drainWork = std::clamp(pods * kDrainWorkPerPod, kDrainWork, kDrainWorkMax) * effort;
    std::optional<Packing> plain;
    if (pk.aliveNodes() <= kPolishBothNodes)
        plain = pk;
    // Large packings: draining gains more per unit of time than the rounds, which copy the
    // whole packing each; they get a quarter of the rounds.
    const int div = plain ? 1 : kRuinShareLarge;
    drainNodes(pk, cancelled, drainWork);
    ruinAndRecreate(pk, values, iterations / div, stable, cancelled, kRuinWork * effort / div);
    drainNodes(pk, cancelled, drainWork);
    improve(pk, effort, stable, cancelled);
    closeEmptyNodes(pk);
    if (plain) {
        ruinAndRecreate(*plain, values, iterations, stable, cancelled, kRuinWork * effort);
        drainNodes(*plain, cancelled, drainWork);
        improve(*plain, effort, stable, cancelled);
        closeEmptyNodes(*plain);
        if (better(*plain, pk))
            pk = std::move(*plain);
    }
}

// Member shapes of a class take `count` replicas on node n, in order.
int addClassReplicas(Packing& pk, const LpClass& cls, int node, int count)
{
    int left = count;
    for (int s : cls.shapes) {
        if (left == 0)
            break;
        const int f = pk.fit(node, s, std::min(left, pk.remaining(s)));
        pk.add(node, s, f);
        left -= f;
    }
    return count - left;
}

// LP-guided rounding: floor(x) nodes of every configuration of the master's solution.
void roundLp(Packing& pk, const BoundResult& br)
{
    const Problem& p = pk.problem();
    std::vector<size_t> order(br.columns.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return br.x[a] > br.x[b]; });
    for (size_t j : order) {
        const LpColumn& col = br.columns[j];
        const int copies = int(std::floor(br.x[j] + 1e-9));
        if (copies <= 0 || col.counts.empty() || p.types[size_t(col.type)].hostsPerSlice > 1)
            continue;
        bool tpu = false;
        for (const auto& [c, k] : col.counts)
            tpu = tpu || p.shapes[size_t(br.cls.classes[size_t(c)].shapes.front())].tpu;
        if (tpu)
            continue;
        for (int i = 0; i < copies && pk.canOpen(col.type); ++i) {
            const int n = pk.open(col.type);
            for (const auto& [c, k] : col.counts)
                addClassReplicas(pk, br.cls.classes[size_t(c)], n, k);
            if (pk.empty(n)) {
                pk.close(n);
                break;
            }
        }
    }
}

// Fluid-guided packing: every class's replicas are shared out over node types as the fluid
// LP loads them (largest remainders), then packed first-fit decreasing onto nodes of that type.
void roundFluid(Packing& pk, const BoundResult& br, int effort, const Cancelled& cancelled)
{
    const Problem& p = pk.problem();
    const FluidResult& f = br.fluid;
    const auto& classes = br.cls.classes;
    // Replicas of each class per type.
    std::vector<std::vector<std::pair<int, int>>> perType(p.types.size()); // type -> (class, count)
    std::vector<std::vector<std::pair<int, double>>> perClass(classes.size()); // class -> (type, z)
    for (size_t t = 0; t < f.load.size(); ++t) {
        if (p.types[t].hostsPerSlice > 1)
            continue;
        for (const auto& [c, z] : f.load[t])
            perClass[size_t(c)].emplace_back(int(t), z);
    }
    for (size_t c = 0; c < classes.size(); ++c) {
        if (p.shapes[size_t(classes[c].shapes.front())].tpu || perClass[c].empty())
            continue;
        int left = 0;
        for (int s : classes[c].shapes)
            left += pk.remaining(s);
        double total = 0;
        for (const auto& [t, z] : perClass[c])
            total += z;
        if (total <= 0 || left <= 0)
            continue;
        std::vector<std::pair<double, size_t>> remainder;
        std::vector<int> take(perClass[c].size(), 0);
        int given = 0;
        for (size_t i = 0; i < perClass[c].size(); ++i) {
            const double share = perClass[c][i].second / total * left;
            take[i] = int(std::floor(share));
            given += take[i];
            remainder.emplace_back(-(share - take[i]), i);
        }
        std::sort(remainder.begin(), remainder.end());
        for (size_t i = 0; given < left && i < remainder.size(); ++i, ++given)
            ++take[remainder[i].second];
        for (size_t i = 0; i < take.size(); ++i) {
            if (take[i] > 0)
                perType[size_t(perClass[c][i].first)].emplace_back(int(c), take[i]);
        }
    }
    // Pack each type's share onto nodes of that type, biggest share first.
    std::vector<size_t> typeOrder(p.types.size());
    std::iota(typeOrder.begin(), typeOrder.end(), 0);
    std::stable_sort(typeOrder.begin(), typeOrder.end(), [&](size_t a, size_t b) {
        return (a < f.nodes.size() ? f.nodes[a] : 0) > (b < f.nodes.size() ? f.nodes[b] : 0);
    });
    for (size_t t : typeOrder) {
        if (perType[t].empty())
            continue;
        // Class counts become shape counts.
        std::vector<std::pair<int, int>> items;
        for (const auto& [c, count] : perType[t]) {
            int left = count;
            for (int s : classes[size_t(c)].shapes) {
                const int k = std::min(left, pk.remaining(s));
                if (k > 0)
                    items.emplace_back(s, k);
                left -= k;
            }
        }
        // Ways to pack the share: node by node, replica by replica, and (when few replicas fit a
        // node) by the type's own configurations; the cheapest stays.
        std::vector<std::pair<Packing, std::vector<std::pair<int, int>>>> trials;
        trials.emplace_back(pk, items);
        packDotProduct(trials.back().first, int(t), trials.back().second, cancelled);
        // The other dot-product packings only when this one leaves more than 1 % (and a node)
        // above the fluid LP's nodes of the type: they cost time.
        const double price = p.types[t].price;
        const bool more = trials.back().first.cost() - pk.cost() > (1.01 * f.nodes[t] + 1) * price;
        if (more) {
        auto repack = [&](size_t from) {
            trials.emplace_back(trials[from]);
            for (int pass = 0; pass < kRepackPasses; ++pass) {
                std::pair<Packing, std::vector<std::pair<int, int>>> next = trials.back();
                Packing& q = next.first;
                std::map<int, int> out;
                int emptied = 0;
                for (size_t n = pk.nodes().size(); n < q.nodes().size(); ++n) {
                    const PackNode& node = q.nodes()[n];
                    if (!node.alive || node.type != int(t) || q.fill(int(n)) >= kRepackFill)
                        continue;
                    const std::vector<std::pair<int, int>> content = node.items;
                    for (const auto& [sh, c] : content) {
                        q.remove(int(n), sh, c);
                        out[sh] += c;
                    }
                    q.close(int(n));
                    ++emptied;
                }
                if (emptied < 2)
                    break;
                for (const auto& [sh, c] : next.second) {
                    if (c > 0)
                        out[sh] += c;
                }
                next.second.assign(out.begin(), out.end());
                packDotProduct(q, int(t), next.second, cancelled, nullptr, kBalance);
                int before = 0, after = 0;
                for (const auto& [sh, c] : trials.back().second)
                    before += c;
                for (const auto& [sh, c] : next.second)
                    after += c;
                if (after > before || q.cost() >= trials.back().first.cost() - 1e-9)
                    break;
                trials.back() = std::move(next);
            }
        };
        // Balanced: a dimension used up faster than the others counts less, in the match and in
        // the swaps, so that the last nodes do not get replicas that all press on one dimension.
        trials.emplace_back(pk, items);
        packDotProduct(trials.back().first, int(t), trials.back().second, cancelled, nullptr, kBalance);
        // The same, its least filled nodes emptied and their replicas packed again together, while
        // that saves: a pass that does not is undone.
        repack(trials.size() - 1);
        // And the first packing's, packed again balanced.
        repack(0);
        }
        // The same with the swaps valuing the dimensions the fluid LP prices (those that bind):
        // alone, and half and half with the plain sum.
        if (t < f.lambda.size() && more) {
            double total = 0;
            for (int d = 0; d < p.dims; ++d)
                total += d == kPods ? 0.0 : std::max(0.0, f.lambda[t][size_t(d)]) * double(p.types[t].cap[size_t(d)]);
            if (total > 0) {
                for (double mix : {0.0, 0.5}) {
                    std::vector<double> weights(size_t(p.dims));
                    for (int d = 0; d < p.dims; ++d)
                        weights[size_t(d)] = mix + (1 - mix) * std::max(0.0, f.lambda[t][size_t(d)]) * double(p.types[t].cap[size_t(d)]) / total;
                    trials.emplace_back(pk, items);
                    packDotProduct(trials.back().first, int(t), trials.back().second, cancelled, weights.data());
                }
            }
        }
        int replicas = 0;
        for (const auto& [s, c] : items)
            replicas += c;
        // By the type's own configurations when few replicas fit a node and the items are few
        // (or many replicas share the LP's rows: the LP then costs little next to the packings).
        const double perNode = f.nodes[t] > 0 ? replicas / f.nodes[t] : 0;
        bool byConfigurations = perNode <= kConfigurationPerNode && items.size() <= kConfigurationItems;
        if (perNode <= kConfigurationPerNode && !byConfigurations) {
            const int64_t rows = int64_t(configurationRows(p, items).size());
            byConfigurations = rows <= int64_t(kConfigurationItemsMax) && replicas >= kConfigurationReplicasPerRow * rows;
        }
        const int packedNodes = trials.back().first.aliveNodes();
        // Few replicas per node: minimum bin slack, each node filled by a search for its
        // fullest multiset.
        if (more && perNode <= kMinSlackPerNode && f.nodes[t] > 0) {
            const int64_t checks = std::min<int64_t>(kMinSlackChecksPerNode, int64_t(double(kMinSlackChecks) / f.nodes[t]));
            trials.emplace_back(pk, items);
            packMinSlack(trials.back().first, int(t), trials.back().second, cancelled, checks * effort);
        }
        if (double(replicas) * double(packedNodes) < 4e7) {
            trials.emplace_back(pk, items);
            packDotProductDecreasing(trials.back().first, int(t), trials.back().second, cancelled);
        }
        if (byConfigurations) {
            // Started from the node configurations of the packings above.
            std::vector<const Packing*> seeds;
            for (const auto& trial : trials)
                seeds.push_back(&trial.first);
            std::pair<Packing, std::vector<std::pair<int, int>>> trial(pk, items);
            if (packTypeByConfigurations(trial.first, int(t), trial.second, effort, cancelled, seeds, kBalance))
                trials.push_back(std::move(trial));
        }
        size_t best = 0;
        auto left = [](const std::vector<std::pair<int, int>>& v) {
            int n = 0;
            for (const auto& [s, c] : v)
                n += c;
            return n;
        };
        for (size_t i = 1; i < trials.size(); ++i) {
            const int li = left(trials[i].second), lb = left(trials[best].second);
            if (li < lb || (li == lb && trials[i].first.cost() < trials[best].first.cost() - 1e-9))
                best = i;
        }
        pk = std::move(trials[best].first);
    }
}

// Of the nodes the fluid rounding opened (from index firstNew on), only as many of each type
// as the fluid LP opens whole stay, the fullest; the replicas of the others are left for the
// greedy, which places them into free room and onto the node types that suit what is left,
// instead of rounding every type's share up to whole nodes of that type.
void trimToWholeNodes(Packing& pk, const FluidResult& f, size_t firstNew)
{
    const Problem& p = pk.problem();
    std::vector<std::vector<std::pair<double, int>>> byType(p.types.size());
    for (size_t n = firstNew; n < pk.nodes().size(); ++n) {
        const PackNode& node = pk.nodes()[n];
        if (node.alive && !node.forMin && p.types[size_t(node.type)].hostsPerSlice <= 1)
            byType[size_t(node.type)].emplace_back(pk.fill(int(n)), int(n));
    }
    for (size_t t = 0; t < p.types.size(); ++t) {
        auto& fresh = byType[t];
        std::sort(fresh.begin(), fresh.end());
        const size_t whole = t < f.nodes.size() ? size_t(std::floor(f.nodes[t] + 1e-6)) : 0;
        for (size_t i = 0; i + whole < fresh.size(); ++i) {
            const int n = fresh[i].second;
            const std::vector<std::pair<int, int>> content = pk.nodes()[size_t(n)].items;
            for (const auto& [sh, c] : content)
                pk.remove(n, sh, c);
            pk.close(n);
        }
    }
}

std::vector<double> dualValues(const Problem& p, const BoundResult& br, const std::vector<double>& standalone)
{
    std::vector<double> v = standalone;
    for (size_t s = 0; s < p.shapes.size(); ++s) {
        const int c = br.cls.classOf.empty() ? -1 : br.cls.classOf[s];
        if (c >= 0 && size_t(c) < br.duals.size())
            v[s] = br.duals[size_t(c)] + 1e-6 * standalone[s];
    }
    return v;
}

std::vector<int> fullDemand(const Problem& p)
{
    std::vector<int> d(p.shapes.size());
    for (size_t s = 0; s < p.shapes.size(); ++s)
        d[s] = p.shapes[s].eligible.empty() ? 0 : p.shapes[s].replicas;
    return d;
}

bool sameDemand(const Problem& p, const BoundResult& br, const std::vector<int>& demand)
{
    const Classes probe = buildClasses(p, demand);
    if (probe.classes.size() != br.cls.classes.size())
        return false;
    for (size_t c = 0; c < probe.classes.size(); ++c) {
        if (probe.classes[c].demand != br.cls.classes[c].demand || probe.classes[c].shapes != br.cls.classes[c].shapes)
            return false;
    }
    return true;
}

// The bound for the replicas the packing placed.
void computeBound(const Problem& p, ClusterResult& r, const SolveOptions& options, const Cancelled& cancelled,
                  bool fluidOnly = false)
{
    const std::vector<int>& placed = r.packing.placed();
    if (r.bound.computed && sameDemand(p, r.bound, placed))
        return;
    const int effort = std::max(1, options.effort);
    if (fluidOnly) {
        r.bound = computeLowerBound(p, placed, 0, cancelled, {&r.packing});
        return;
    }
    const Classes classes = buildClasses(p, placed);
    const bool configuration = classes.classes.size() <= kConfigurationClasses * size_t(effort);
    r.bound = computeLowerBound(p, placed, effort, cancelled, {&r.packing},
                                configuration ? std::numeric_limits<double>::infinity() : fewPerNode(classes), nullptr,
                                kConfigurationClasses * size_t(effort));
}

ClusterResult solveFresh(const Problem& p, const SolveOptions& options, const Cancelled& cancelled)
{
    const int effort = std::max(1, options.effort);
    PhaseTimer timer;
    Packing base(p);
    openMinNodes(base);
    placeTpuSlices(base);
    const std::vector<double> standalone = standaloneValues(p);
    timer.report("base");

    ClusterResult best{base, {}, {}, false, false};
    bool have = false;
    // Small instances keep every candidate: their node configurations join price and branch.
    int64_t replicas = 0;
    for (int d : fullDemand(p))
        replicas += d;
    const bool small = replicas <= kPriceAndBranchReplicas;
    std::vector<Packing> candidates;
    auto consider = [&](Packing&& pk, const char* what) {
        timer.report(what, pk.cost());
        if (small)
            candidates.push_back(pk);
        if (!have || better(pk, best.packing)) {
            best.packing = std::move(pk);
            have = true;
        }
    };

    // Karpenter-style first-fit decreasing: a floor the answer never goes above.
    {
        Packing pk = base;
        firstFitDecreasing(pk, cancelled);
        finish(pk, standalone, effort, false, cancelled);
        consider(std::move(pk), "first-fit decreasing");
    }
    // Column generation pays off while the classes are few, or the replicas per node of the
    // fluid LP (solved here for the question, and reused); beyond, the fluid LP guides.
    const Classes classes = buildClasses(p, fullDemand(p));
    bool configuration = classes.classes.size() <= kConfigurationClasses * size_t(effort);
    std::optional<FluidResult> fluid;
    if (!configuration && options.lowerBound && !(cancelled && cancelled())) {
        fluid = fluidLp(p, classes, cancelled, {&best.packing});
        configuration = fluid->solved && replicasPerNode(classes, *fluid) <= fewPerNode(classes);
    }
    // Greedy by the cost of each replica alone (without an LP, or to seed the configurations).
    if (!options.lowerBound || configuration) {
        Packing pk = base;
        greedyPack(pk, standalone, 300 * effort, cancelled);
        finish(pk, standalone, effort, false, cancelled);
        consider(std::move(pk), "greedy, standalone values");
    }
    std::vector<double> values = standalone;
    if (options.lowerBound && !(cancelled && cancelled())) {
        // Without column generation on the whole, the parts that qualify on their own get it.
        best.bound = computeLowerBound(p, fullDemand(p), effort, cancelled, {&best.packing},
                                       configuration ? std::numeric_limits<double>::infinity() : fewPerNode(classes),
                                       fluid ? &*fluid : nullptr, kConfigurationClasses * size_t(effort));
        const BoundResult& bound = best.bound;
        timer.report("lower bound", bound.lowerBound);
        if (tracing())
            std::fprintf(stderr, "[solve] fluid %.6f (%d rounds) master %.6f, %d rounds, %zu columns, converged %d, limit %d\n",
                         bound.fluidValue, bound.fluid.rounds, bound.lpValue, bound.iterations, bound.columns.size(),
                         bound.converged, bound.effortLimit);
        values = dualValues(p, bound, standalone);
        if (bound.fluid.solved) {
            Packing pk = base;
            roundFluid(pk, bound, effort, cancelled);
            Packing trimmed = pk;
            trimToWholeNodes(trimmed, bound.fluid, base.nodes().size());
            greedyPack(pk, values, 300 * effort, cancelled);
            finish(pk, values, effort, false, cancelled);
            consider(std::move(pk), "fluid rounding");
            greedyPack(trimmed, values, 300 * effort, cancelled);
            finish(trimmed, values, effort, false, cancelled);
            consider(std::move(trimmed), "fluid rounding, fractions by the greedy");
        }
        if (configuration && !bound.x.empty()) {
            Packing pk = base;
            roundLp(pk, bound);
            greedyPack(pk, values, 300 * effort, cancelled);
            finish(pk, values, effort, false, cancelled);
            consider(std::move(pk), "configuration rounding");
        }
    }
    polish(best.packing, values, effort, false, cancelled);
    timer.report("ruin and recreate", best.packing.cost());

    // Price and branch on small instances: the configuration IP over the master's columns and
    // the candidates' node configurations, started from the best packing.
    if (small && options.lowerBound && !best.bound.columns.empty() && !(cancelled && cancelled())) {
        std::vector<const Packing*> pool{&best.packing};
        for (const Packing& c : candidates)
            pool.push_back(&c);
        const ExactResult ip = configurationIp(p, best.bound, pool, effort, cancelled);
        const double cost = best.packing.cost();
        if (ip.applicable && ip.cost < cost - 1e-9 * std::max(1.0, cost)) {
            Packing pk(p);
            placeTpuSlices(pk);
            roundLp(pk, ip.columns);
            greedyPack(pk, values, 300 * effort, cancelled);
            finish(pk, values, effort, false, cancelled);
            if (better(pk, best.packing)) {
                polish(pk, values, effort, false, cancelled);
            }
            consider(std::move(pk), "price and branch");
        } else {
            timer.report("price and branch", ip.applicable ? ip.cost : -1);
        }
    }

    // Small instances: every configuration and the configuration IP, which proves the optimum
    // when its search finishes.
    if (options.lowerBound && !(cancelled && cancelled())) {
        const std::vector<int> demand = fullDemand(p);
        ExactResult exact = exactSolve(p, demand, effort, cancelled);
        if (exact.applicable) {
            if (!exact.columns.x.empty()) {
                Packing pk = base;
                roundLp(pk, exact.columns);
                greedyPack(pk, values, 300 * effort, cancelled);
                finish(pk, values, effort, false, cancelled);
                consider(std::move(pk), "exact configurations");
            }
            // The proof holds for the placed Pods only when every placeable one is placed.
            if (best.packing.placed() == demand) {
                best.exactBound = exact.lowerBound;
                best.exactOptimal = exact.optimal && best.packing.cost() <= exact.cost + 1e-9 * std::max(1.0, exact.cost);
            }
            timer.report("exact", exact.lowerBound);
        }
    }
    best.cancelled = cancelled && cancelled();
    if (options.lowerBound && !best.cancelled) {
        computeBound(p, best, options, cancelled);
        timer.report("bound of the placed Pods", best.bound.lowerBound);
    }
    return best;
}

ClusterResult solveIncremental(const Problem& p, const ClusterSolution& prev, const SolveOptions& options,
                               const Cancelled& cancelled)
{
    const int effort = std::max(1, options.effort);
    ClusterResult r{Packing(p), {}, {}, true, false};
    Packing& pk = r.packing;

    // Recreate the previous nodes whose pool and machine type still exist.
    std::map<std::pair<std::string, std::string>, int> typeOf;
    for (size_t t = 0; t < p.types.size(); ++t)
        typeOf[{p.types[t].group.pool, p.types[t].group.machineType}] = int(t);
    std::vector<int> nodeMap(prev.nodes.size(), -1);
    for (size_t i = 0; i < prev.nodes.size(); ++i) {
        const Node& old = prev.nodes[i];
        if (old.group < 0 || size_t(old.group) >= prev.groups.size())
            continue;
        const NodeGroup& g = prev.groups[size_t(old.group)];
        auto it = typeOf.find({g.pool, g.machineType});
        if (it == typeOf.end() || !pk.canOpen(it->second))
            continue;
        const int n = pk.open(it->second);
        PackNode& node = pk.nodes()[size_t(n)];
        node.kept = true;
        node.slice = old.slice;
        node.worker = old.tpuWorkerId;
        nodeMap[i] = n;
    }

    // Keep every previous placement that still fits where it was.
    std::map<std::string, int> shapeOf;
    for (size_t s = 0; s < p.shapes.size(); ++s) {
        shapeOf[p.shapes[s].workload->name] = int(s);
        r.keptNode.emplace_back(size_t(p.shapes[s].replicas), -1);
    }
    // Unchanged workloads first, so that an edited one cannot push them off their nodes.
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto& pl : prev.placements) {
            auto it = shapeOf.find(pl.workload);
            if (it == shapeOf.end() || pl.node < 0 || size_t(pl.node) >= nodeMap.size())
                continue;
            const int s = it->second;
            auto fp = prev.workloadFingerprints.find(pl.workload);
            const bool unchanged = fp != prev.workloadFingerprints.end() && fp->second == fingerprint(*p.shapes[size_t(s)].workload);
            if (unchanged != (pass == 0))
                continue;
            const int n = nodeMap[size_t(pl.node)];
            if (n < 0 || pl.replica < 0 || pl.replica >= p.shapes[size_t(s)].replicas || r.keptNode[size_t(s)][size_t(pl.replica)] >= 0)
                continue;
            if (pk.fit(n, s, 1) == 1) {
                pk.add(n, s, 1);
                r.keptNode[size_t(s)][size_t(pl.replica)] = n;
            }
        }
    }
    // A multi-host TPU slice is kept only whole: every host of the slice runs a replica.
    for (size_t s = 0; s < p.shapes.size(); ++s) {
        if (!p.shapes[s].tpu)
            continue;
        std::map<std::pair<int, int>, std::vector<int>> slices; // (type, slice) -> nodes with a replica
        for (size_t n = 0; n < pk.nodes().size(); ++n) {
            const PackNode& node = pk.nodes()[n];
            if (node.alive && pk.countOn(int(n), int(s)) > 0 && p.types[size_t(node.type)].hostsPerSlice > 1)
                slices[{node.type, node.slice}].push_back(int(n));
        }
        for (const auto& [key, members] : slices) {
            if (int(members.size()) == p.types[size_t(key.first)].hostsPerSlice)
                continue;
            for (int n : members)
                pk.remove(n, int(s), pk.countOn(n, int(s)));
        }
    }
    // A slice host that lost its slice mates is dropped with them.
    closeEmptyNodes(pk);

    // Everything else goes where it fits best, without moving what was kept.
    const std::vector<double> standalone = standaloneValues(p);
    placeTpuSlices(pk);
    greedyPack(pk, standalone, 200 * effort, cancelled);
    finish(pk, standalone, effort, true, cancelled);
    r.cancelled = cancelled && cancelled();
    // A re-solve follows an edit: the fluid LP bounds it quickly; a full solve proves more.
    if (options.lowerBound && !r.cancelled)
        computeBound(p, r, options, cancelled, true);
    return r;
}

std::string joinReasons(const std::vector<std::string>& parts)
{
    std::string s;
    for (const auto& p : parts)
        s += (s.empty() ? "" : "; ") + p;
    return s;
}

Unplaced reasonFor(const Problem& p, const Packing& pk, int shape, bool cancelled)
{
    const Shape& s = p.shapes[size_t(shape)];
    const Workload& w = *s.workload;
    const Cluster& c = *p.cluster;
    auto make = [&](const char* code, std::vector<std::string> args) {
        Unplaced u;
        u.workload = w.name;
        u.code = code;
        u.reason = diag::substitute(diag::messageTemplate(code), args);
        u.args = std::move(args);
        return u;
    };
    if (cancelled && pk.placed()[size_t(shape)] == 0 && !s.eligible.empty())
        return make("CW316", {});
    if (c.nodePools.empty())
        return make("CW314", {c.name});
    if (w.isPinned() && !c.pool(w.pool))
        return make("CW313", {w.pool, c.name});

    // Candidate pools: the pin, or every pool.
    std::vector<int> pools;
    for (size_t i = 0; i < p.pools.size(); ++i) {
        if (!w.isPinned() || p.pools[i].pool->name == w.pool)
            pools.push_back(int(i));
    }

    std::vector<FeasibilityCheck> failures;
    if (s.eligible.empty()) {
        for (int pi : pools) {
            const PoolInfo& pool = p.pools[size_t(pi)];
            if (pool.types.empty()) {
                const std::string missing = pool.missingMachine.empty() ? std::string("?") : pool.missingMachine;
                failures.push_back(makeCheck("machine type", false, "CW315", {missing, pool.pool->name, toString(c.provider)}));
                continue;
            }
            // The machine type that passes the most checks tells the most.
            FeasibilityCheck bestFailure;
            int bestPassed = -1;
            double bestPrice = -1;
            for (int t : pool.types) {
                std::vector<FeasibilityCheck> checks;
                checkOnType(*p.plan, *p.catalog, c, w, s.demand, p.types[size_t(t)], pool, p.extendedNames, &checks, false);
                int passed = 0;
                const FeasibilityCheck* first = nullptr;
                for (const auto& ch : checks) {
                    if (ch.ok && !first)
                        ++passed;
                    if (!ch.ok && !first)
                        first = &ch;
                }
                if (!first)
                    continue;
                const double price = p.types[size_t(t)].price;
                if (passed > bestPassed || (passed == bestPassed && price > bestPrice)) {
                    bestPassed = passed;
                    bestPrice = price;
                    bestFailure = *first;
                }
            }
            if (bestPassed >= 0)
                failures.push_back(bestFailure);
        }
    } else {
        // It could run somewhere: the pools it may use are full, or its gang did not fit whole.
        std::vector<int> eligiblePools;
        for (int t : s.eligible) {
            const int pi = p.types[size_t(t)].pool;
            if (std::find(eligiblePools.begin(), eligiblePools.end(), pi) == eligiblePools.end())
                eligiblePools.push_back(pi);
        }
        std::vector<std::string> full;
        std::vector<FeasibilityCheck> fullChecks;
        for (int pi : eligiblePools) {
            const PoolInfo& pool = p.pools[size_t(pi)];
            if (pool.maxNodes == kNoLimit)
                continue;
            FeasibilityCheck ch;
            if (s.tpu && pool.hostsPerSlice > 1 && pk.poolNodes(pi) < pool.maxNodes)
                ch = makeCheck("max nodes", false, "CW324", {pool.pool->name, std::to_string(pk.poolNodes(pi)),
                                                              std::to_string(pool.maxNodes), pool.pool->tpuTopology,
                                                              std::to_string(pool.hostsPerSlice)});
            else
                ch = makeCheck("max nodes", false, "CW308", {pool.pool->name, std::to_string(pool.maxNodes)});
            fullChecks.push_back(ch);
        }
        if (fullChecks.empty() && !eligiblePools.empty()) {
            const PoolInfo& pool = p.pools[size_t(eligiblePools.front())];
            fullChecks.push_back(makeCheck("max nodes", false, "CW308", {pool.pool->name, std::to_string(pool.maxNodes)}));
        }
        if (s.gang && pk.gangFit(shape) >= 0) {
            std::vector<std::string> texts;
            for (const auto& ch : fullChecks)
                texts.push_back(ch.detail);
            return make("CW310", {std::to_string(s.replicas), std::to_string(pk.gangFit(shape)), joinReasons(texts)});
        }
        failures = fullChecks;
    }
    if (failures.empty())
        return make("CW314", {c.name});
    if (failures.size() == 1) {
        Unplaced u;
        u.workload = w.name;
        u.code = failures.front().code;
        u.reason = failures.front().detail;
        u.args = failures.front().args;
        return u;
    }
    std::vector<std::string> texts;
    for (const auto& f : failures)
        texts.push_back(f.detail);
    return make("CW300", {joinReasons(texts)});
}

// Replicas of a shape one empty node of the type holds.
int aloneFitOf(const Problem& p, const std::vector<int64_t>& demand, int maxPerNode, int type)
{
    int64_t c = maxPerNode;
    const int64_t* cap = p.cap(type);
    for (int k = 0; k < p.dims; ++k) {
        if (demand[size_t(k)] > 0)
            c = std::min<int64_t>(c, cap[k] / demand[size_t(k)]);
    }
    return int(std::max<int64_t>(0, c));
}

ClusterSolution assemble(const Problem& p, ClusterResult& r, const Plan& plan, diag::Diagnostics& diags)
{
    ClusterSolution cs;
    const Cluster& c = *p.cluster;
    cs.cluster = c.name;
    cs.provider = c.provider;
    cs.mode = c.mode;
    cs.incremental = r.incremental;
    Packing& pk = r.packing;

    // Nodes in output order: by node type (pool order, then machine type), then as opened.
    std::vector<int> order;
    for (size_t n = 0; n < pk.nodes().size(); ++n) {
        if (pk.nodes()[n].alive)
            order.push_back(int(n));
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return pk.nodes()[size_t(a)].type < pk.nodes()[size_t(b)].type; });
    std::vector<int> outIndex(pk.nodes().size(), -1);
    std::vector<int> groupOf(p.types.size(), -1);
    std::map<std::pair<int, int>, int> sliceIds; // (pool, old slice) -> new
    std::vector<int> nextSlice(p.pools.size(), 0);
    std::vector<int> poolSeen(p.pools.size(), 0);
    for (int n : order) {
        const PackNode& pn = pk.nodes()[size_t(n)];
        const NodeType& type = p.types[size_t(pn.type)];
        if (groupOf[size_t(pn.type)] < 0) {
            groupOf[size_t(pn.type)] = int(cs.groups.size());
            cs.groups.push_back(type.group);
        }
        NodeGroup& g = cs.groups[size_t(groupOf[size_t(pn.type)])];
        Node node;
        node.group = groupOf[size_t(pn.type)];
        node.indexInGroup = g.count++;
        std::vector<int64_t> used(pk.used(n), pk.used(n) + p.dims);
        node.used = toResourceVector(used, p.extendedNames, type.tpuChips);
        node.forMinNodes = pn.items.empty();
        if (pn.slice >= 0 && type.machine->tpu) {
            auto [it, inserted] = sliceIds.emplace(std::make_pair(type.pool, pn.slice), nextSlice[size_t(type.pool)]);
            if (inserted)
                ++nextSlice[size_t(type.pool)];
            node.slice = it->second;
            node.tpuWorkerId = std::max(0, pn.worker);
        }
        int hours = 0;
        for (const auto& [s, k] : pn.items) {
            hours = std::max(hours, p.shapes[size_t(s)].hours);
            node.pods += k;
        }
        // A node runs as long as its longest-running Pod; the first minNodes nodes of a pool
        // exist all month anyway and run the plan's hours.
        node.hoursPerMonth = pn.items.empty() ? plan.hoursPerMonth : hours;
        if (poolSeen[size_t(type.pool)]++ < p.pools[size_t(type.pool)].minNodes)
            node.hoursPerMonth = std::max(node.hoursPerMonth, plan.hoursPerMonth);
        outIndex[size_t(n)] = int(cs.nodes.size());
        cs.nodes.push_back(node);
        cs.hourlyCost += type.price;
        cs.monthlyCost += type.price * node.hoursPerMonth;
        cs.priceKnown = cs.priceKnown && type.group.priceKnown;
        cs.priceUnverified = cs.priceUnverified || type.group.priceUnverified;
    }

    // Replica numbers: kept replicas where they were, the others in node order.
    for (size_t s = 0; s < p.shapes.size(); ++s) {
        const Shape& shape = p.shapes[s];
        cs.workloadFingerprints[shape.workload->name] = fingerprint(*shape.workload);
        std::vector<int> nodeOf(size_t(shape.replicas), -1);
        std::map<int, int> claimed; // packing node -> replicas claimed by kept ones
        if (s < r.keptNode.size()) {
            for (int rep = 0; rep < shape.replicas; ++rep) {
                const int n = r.keptNode[s][size_t(rep)];
                if (n < 0 || !pk.nodes()[size_t(n)].alive)
                    continue;
                if (claimed[n] < pk.countOn(n, int(s))) {
                    ++claimed[n];
                    nodeOf[size_t(rep)] = n;
                    ++cs.keptPlacements;
                }
            }
        }
        int nextReplica = 0;
        for (int n : order) {
            int fresh = pk.countOn(n, int(s)) - (claimed.count(n) ? claimed[n] : 0);
            while (fresh > 0 && nextReplica < shape.replicas) {
                if (nodeOf[size_t(nextReplica)] < 0) {
                    nodeOf[size_t(nextReplica)] = n;
                    --fresh;
                }
                ++nextReplica;
            }
        }
        bool anyUnplaced = false;
        for (int rep = 0; rep < shape.replicas; ++rep) {
            if (nodeOf[size_t(rep)] >= 0) {
                cs.placements.push_back(Placement{shape.workload->name, rep, outIndex[size_t(nodeOf[size_t(rep)])]});
                ++cs.placedPods;
            } else {
                anyUnplaced = true;
            }
        }
        if (!anyUnplaced)
            continue;
        const Unplaced reason = reasonFor(p, pk, int(s), r.cancelled);
        int count = 0;
        for (int rep = 0; rep < shape.replicas; ++rep) {
            if (nodeOf[size_t(rep)] >= 0)
                continue;
            Unplaced u = reason;
            u.replica = rep;
            cs.unplaced.push_back(std::move(u));
            ++count;
        }
        const Workload& w = *shape.workload;
        diags.add("CW370", {plan.sourceFile, w.origin.where.line, w.origin.where.column},
                  {w.name, std::to_string(count), std::to_string(shape.replicas), reason.reason}, w.name);
    }

    // Utilisation and stranded dollars.
    double usedCpu = 0, allocCpu = 0, usedMem = 0, allocMem = 0, usedGpu = 0, allocGpu = 0, usedTpu = 0, allocTpu = 0;
    int unpriced = 0;
    for (int n : order) {
        const PackNode& pn = pk.nodes()[size_t(n)];
        const NodeType& type = p.types[size_t(pn.type)];
        const int64_t* u = pk.used(n);
        usedCpu += double(u[kCpu]);
        allocCpu += double(type.cap[kCpu]);
        usedMem += double(u[kMemory]);
        allocMem += double(type.cap[kMemory]);
        usedGpu += double(u[kGpu]);
        allocGpu += double(type.cap[kGpu]);
        usedTpu += double(u[kTpu]);
        allocTpu += double(type.cap[kTpu]);
        if (!type.group.priceKnown)
            ++unpriced;

        // The node's dominant dimension decides what its dollars buy: the accelerator on an
        // empty accelerator node, otherwise the dimension its Pods use most.
        int dim = kCpu;
        double share = -1;
        if (pn.items.empty()) {
            dim = type.cap[kGpu] > 0 ? int(kGpu) : type.cap[kTpu] > 0 ? int(kTpu) : int(kCpu);
        } else {
            for (int d = 0; d < p.dims; ++d) {
                if (d == kPods || d == kEphemeral || type.cap[size_t(d)] <= 0)
                    continue;
                const double f = double(u[d]) / double(type.cap[size_t(d)]);
                if (f > share) {
                    share = f;
                    dim = d;
                }
            }
        }
        const ResourceVector& raw = type.group.capacityPerNode;
        double rawAmount = double(type.cap[size_t(dim)]);
        if (dim == kCpu)
            rawAmount = double(raw.cpuMilli);
        else if (dim == kMemory)
            rawAmount = double(raw.memoryBytes);
        rawAmount = std::max(rawAmount, double(type.cap[size_t(dim)]));
        if (rawAmount <= 0)
            continue;
        const double price = type.price;
        const double overhead = (rawAmount - double(type.cap[size_t(dim)])) / rawAmount;
        const double freeShare = double(type.cap[size_t(dim)] - u[dim]) / rawAmount;
        cs.stranded.systemOverhead += price * overhead;
        if (pn.items.empty())
            cs.stranded.minNodes += price * freeShare;
        else
            cs.stranded.fragmentation += price * std::max(0.0, freeShare);
    }
    cs.utilization.cpu = allocCpu > 0 ? usedCpu / allocCpu : 0;
    cs.utilization.memory = allocMem > 0 ? usedMem / allocMem : 0;
    cs.utilization.gpu = allocGpu > 0 ? usedGpu / allocGpu : 0;
    cs.utilization.tpu = allocTpu > 0 ? usedTpu / allocTpu : 0;
    if (unpriced > 0)
        diags.add("CW371", {plan.sourceFile, c.origin.where.line, c.origin.where.column},
                  {c.name, std::to_string(unpriced), std::to_string(cs.nodes.size())}, c.name);

    // Pins: what each pinned replica costs on its pool beyond the cheapest pool it could use.
    for (size_t s = 0; s < p.shapes.size(); ++s) {
        const Shape& shape = p.shapes[s];
        const int placedHere = pk.placed()[s];
        if (!shape.workload->isPinned() || placedHere == 0)
            continue;
        double pinned = std::numeric_limits<double>::infinity(), free = pinned;
        for (int t : shape.eligible) {
            const int k = std::min(aloneFitOf(p, shape.demand, shape.maxPerNode, t), std::max(1, shape.replicas));
            if (k > 0)
                pinned = std::min(pinned, p.types[size_t(t)].price / k);
        }
        for (size_t t = 0; t < p.types.size(); ++t) {
            const NodeType& type = p.types[t];
            if (!checkOnType(plan, *p.catalog, c, *shape.workload, shape.demand, type, p.pools[size_t(type.pool)],
                             p.extendedNames, nullptr, true))
                continue;
            const int k = std::min(aloneFitOf(p, shape.demand, shape.maxPerNode, int(t)), std::max(1, shape.replicas));
            if (k > 0)
                free = std::min(free, type.price / k);
        }
        if (std::isfinite(pinned) && std::isfinite(free) && pinned > free)
            cs.stranded.pins += (pinned - free) * placedHere;
    }

    // The bound and the gap.
    if (r.bound.computed || r.exactBound > 0) {
        cs.lowerBoundHourlyCost = r.bound.lowerBound;
        cs.boundMethod = r.bound.fromFluid ? BoundMethod::FluidLp
                         : r.bound.wholeNodes ? BoundMethod::FluidMip
                                              : BoundMethod::ColumnGeneration;
        cs.boundIterations = r.bound.iterations + r.bound.fluid.rounds;
        cs.boundColumns = int(r.bound.columns.size());
        if (r.exactBound > cs.lowerBoundHourlyCost) {
            cs.lowerBoundHourlyCost = r.exactBound;
            cs.boundMethod = BoundMethod::MipOptimal;
        }
        if (r.exactOptimal) {
            cs.lowerBoundHourlyCost = cs.hourlyCost;
            cs.boundMethod = BoundMethod::MipOptimal;
        }
        // The bound can never exceed a cost that was actually reached.
        cs.lowerBoundHourlyCost = std::min(cs.lowerBoundHourlyCost, cs.hourlyCost);
        const double tolerance = 1e-7 * std::max(1.0, cs.hourlyCost);
        if (cs.hourlyCost - cs.lowerBoundHourlyCost <= tolerance) {
            cs.optimal = true;
            cs.gap = 0;
        } else {
            cs.gap = cs.lowerBoundHourlyCost > 0 ? (cs.hourlyCost - cs.lowerBoundHourlyCost) / cs.lowerBoundHourlyCost : 0;
            if (r.bound.effortLimit && !r.bound.converged)
                diags.add("CW374", {plan.sourceFile, c.origin.where.line, c.origin.where.column},
                          {c.name, std::to_string(r.bound.iterations) + " rounds"}, c.name);
        }
    }
    return cs;
}

} // namespace

void releaseThreadResources()
{
    glp_free_env();
}

Solution solve(const Plan& plan, const catalog::Catalog& catalog, const SolveOptions& options)
{
    const auto start = std::chrono::steady_clock::now();
    Solution sol;
    const Cancelled cancelled = options.cancelled;
    for (const auto& c : plan.clusters) {
        if (!options.cluster.empty() && c.name != options.cluster)
            continue;
        if (cancelled && cancelled()) {
            sol.cancelled = true;
            break;
        }
        if (c.mode == ClusterMode::Autopilot) {
            // Autopilot has no node pools: the cost module bills its Pods (requests, or
            // accelerator nodes plus premium) and lists the Pods Autopilot refuses.
            ClusterSolution cs;
            cost::fillAutopilotCluster(plan, c, catalog, cs, &sol.diagnostics);
            sol.hourlyCost += cs.hourlyCost;
            sol.monthlyCost += cs.monthlyCost;
            sol.clusters.push_back(std::move(cs));
            continue;
        }
        const Problem p = buildProblem(plan, catalog, c);
        sol.diagnostics.append(p.notes);
        const ClusterSolution* prev = options.previous ? options.previous->cluster(c.name) : nullptr;
        ClusterResult r = (prev && prev->mode == ClusterMode::Standard) ? solveIncremental(p, *prev, options, cancelled)
                                                                        : solveFresh(p, options, cancelled);
        sol.clusters.push_back(assemble(p, r, plan, sol.diagnostics));
        sol.hourlyCost += sol.clusters.back().hourlyCost;
        sol.monthlyCost += sol.clusters.back().monthlyCost;
        if (r.cancelled) {
            sol.cancelled = true;
            break;
        }
    }
    if (sol.cancelled)
        sol.diagnostics.add("CW375", {plan.sourceFile, 0, 0}, {});
    sol.solveMillis = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    return sol;
}

Feasibility canPlace(const Plan& plan, const catalog::Catalog& catalog, const std::string& workload,
                     const std::string& cluster, const std::string& pool)
{
    Feasibility f;
    auto fail = [&](const char* constraint, const char* code, std::vector<std::string> args) {
        f.fits = false;
        f.checks.push_back(makeCheck(constraint, false, code, std::move(args)));
        return f;
    };
    const Workload* w = plan.workload(workload);
    if (!w)
        return fail("cluster", "CW320", {workload});
    const Cluster* c = plan.cluster(cluster);
    if (!c)
        return fail("cluster", "CW321", {cluster});
    if (c->mode == ClusterMode::Autopilot)
        return fail("cluster", "CW319", {c->name});
    const NodePool* np = c->pool(pool);
    if (!np)
        return fail("pool", "CW322", {pool, c->name});
    const int poolIndex = int(np - c->nodePools.data());

    // The workload as it would be after the drop: pinned to this pool, in this cluster.
    std::vector<const Workload*> together{w};
    for (const auto& other : plan.workloads) {
        if (&other != w && other.cluster == c->name && other.pool == np->name)
            together.push_back(&other);
    }
    const std::vector<std::string> ext = extendedNamesOf(together, c->provider);
    // The drop pins the workload to this pool: a machine type that takes GPUs as an option
    // (GKE N1) gets the workload's GPU model attached.
    PoolTypes pt = buildPoolTypes(plan, catalog, *c, *np, poolIndex, ext, nullptr, w);
    if (pt.types.empty())
        return fail("machine type", "CW315", {pt.info.missingMachine.empty() ? "?" : pt.info.missingMachine, np->name,
                                              toString(c->provider)});

    const std::vector<int64_t> demand = podDemand(*w, c->provider, ext);
    // The machine type to report: the cheapest per replica among those that fit, else the one
    // with the fewest failing checks.
    int chosen = -1;
    double chosenPer = std::numeric_limits<double>::infinity();
    int chosenFailures = INT_MAX;
    std::vector<FeasibilityCheck> chosenChecks;
    int chosenFit = 0;
    for (size_t t = 0; t < pt.types.size(); ++t) {
        std::vector<FeasibilityCheck> checks;
        const bool ok = checkOnType(plan, catalog, *c, *w, demand, pt.types[t], pt.info, ext, &checks, false);
        int failures = 0;
        for (const auto& ch : checks)
            failures += ch.ok ? 0 : 1;
        int64_t fit = w->maxPerNode > 0 ? w->maxPerNode : kNoLimit;
        for (size_t d = 0; d < demand.size(); ++d) {
            if (demand[d] > 0)
                fit = std::min<int64_t>(fit, pt.types[t].cap[d] / demand[d]);
        }
        if (w->resources.tpu)
            fit = std::min<int64_t>(fit, 1);
        const double per = fit > 0 ? pt.types[t].price / double(std::min<int64_t>(fit, std::max(1, w->replicas))) : INFINITY;
        const bool take = chosen < 0 || (ok && (chosenFailures > 0 || per < chosenPer))
                          || (!ok && chosenFailures > 0 && failures < chosenFailures);
        if (take) {
            chosen = int(t);
            chosenPer = per;
            chosenFailures = ok ? 0 : failures;
            chosenChecks = std::move(checks);
            chosenFit = int(std::max<int64_t>(0, fit));
        }
    }
    const NodeType& type = pt.types[size_t(chosen)];
    f.machineType = type.machine->name;
    f.podsPerNode = chosenFit;
    f.checks = std::move(chosenChecks);

    // Node count: this workload alone, and with the workloads already pinned to the pool.
    if (chosenFailures == 0) {
        const int replicas = std::max(0, w->replicas);
        int nodes = 0;
        if (w->resources.tpu && type.hostsPerSlice > 1)
            nodes = std::max(1, w->resources.tpu->slices) * type.hostsPerSlice;
        else
            nodes = chosenFit > 0 ? (replicas + chosenFit - 1) / chosenFit : 0;
        f.nodesNeeded = nodes;
        // With the others pinned there: each dimension's total demand over one node's room.
        int64_t together64 = nodes;
        for (size_t d = 0; d < demand.size(); ++d) {
            if (type.cap[d] <= 0)
                continue;
            double total = double(demand[d]) * replicas;
            for (size_t i = 1; i < together.size(); ++i)
                total += double(podDemand(*together[i], c->provider, ext)[d]) * std::max(0, together[i]->replicas);
            together64 = std::max<int64_t>(together64, int64_t(std::ceil(total / double(type.cap[d]) - 1e-9)));
        }
        const int maxNodes = pt.info.maxNodes;
        const std::string allows = maxNodes == kNoLimit ? std::string("any number") : std::to_string(maxNodes);
        if (maxNodes != kNoLimit && nodes > maxNodes) {
            if (w->maxPerNode > 0 && chosenFit == w->maxPerNode)
                f.checks.push_back(makeCheck("max nodes", false, "CW317", {std::to_string(w->maxPerNode), std::to_string(replicas),
                                                                           std::to_string(nodes), np->name, allows}));
            else
                f.checks.push_back(makeCheck("max nodes", false, "CW355", {std::to_string(replicas), std::to_string(nodes),
                                                                           type.machine->name, np->name, allows}));
        } else if (maxNodes != kNoLimit && together64 > maxNodes) {
            f.checks.push_back(makeCheck("max nodes", false, "CW318", {std::to_string(together64), type.machine->name,
                                                                       np->name, allows}));
        } else {
            f.checks.push_back(makeCheck("max nodes", true, "CW355", {std::to_string(replicas), std::to_string(nodes),
                                                                      type.machine->name, np->name, allows}));
        }
        if (w->gang || (w->resources.tpu && w->resources.tpu->slices > 1)) {
            const bool ok = f.checks.back().ok;
            if (ok)
                f.checks.push_back(makeCheck("gang", true, "CW358", {std::to_string(replicas)}));
            else
                f.checks.push_back(makeCheck("gang", false, "CW310", {std::to_string(replicas),
                                                                      std::to_string(std::min(replicas, maxNodes * std::max(1, chosenFit))),
                                                                      f.checks.back().detail}));
        }
    }
    f.fits = std::all_of(f.checks.begin(), f.checks.end(), [](const FeasibilityCheck& ch) { return ch.ok; });
    return f;
}

} // namespace cw::solve
