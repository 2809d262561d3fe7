// SPDX-License-Identifier: GPL-3.0-or-later
// The solver's pricing problem, a bounded multi-dimensional knapsack, against brute force on
// small random instances: the value it reports is reachable, it is optimal when it says so,
// and its upper bound is never below the optimum (the lower bound relies on that).
#include "solve/knapsack.h"

#include <QtTest>

#include <functional>
#include <random>

using namespace cw::solve::detail;

namespace {

struct Instance {
    int dims = 0;
    std::vector<int64_t> cap;
    std::vector<std::vector<int64_t>> weights;
    std::vector<KnapsackItem> items;
};

// few: every weight at least a fifth of the capacity, so that at most four items fit (the
// enumeration by cardinality).
Instance randomInstance(unsigned seed, bool few = false)
{
    std::mt19937 rng(seed);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    Instance in;
    in.dims = pick(1, 4);
    for (int d = 0; d < in.dims; ++d)
        in.cap.push_back(pick(20, 100));
    const int n = pick(1, 7);
    in.weights.resize(size_t(n));
    for (int i = 0; i < n; ++i) {
        for (int d = 0; d < in.dims; ++d)
            in.weights[size_t(i)].push_back(few ? pick(int(in.cap[size_t(d)]) / 5 + 1, int(in.cap[size_t(d)]))
                                                : pick(0, 3) == 0 ? 0 : pick(1, 60));
    }
    for (int i = 0; i < n; ++i)
        in.items.push_back(KnapsackItem{i, double(pick(1, 100)) / 10.0, in.weights[size_t(i)].data(), pick(1, 4)});
    return in;
}

double bruteForce(const Instance& in)
{
    double best = 0;
    std::vector<int64_t> room = in.cap;
    std::function<void(size_t, double)> go = [&](size_t i, double value) {
        if (i == in.items.size()) {
            best = std::max(best, value);
            return;
        }
        const KnapsackItem& it = in.items[i];
        for (int c = 0; c <= it.bound; ++c) {
            bool fits = true;
            for (int d = 0; d < in.dims; ++d)
                fits = fits && it.weight[d] * c <= room[size_t(d)];
            if (!fits)
                break;
            for (int d = 0; d < in.dims; ++d)
                room[size_t(d)] -= it.weight[d] * c;
            go(i + 1, value + c * it.value);
            for (int d = 0; d < in.dims; ++d)
                room[size_t(d)] += it.weight[d] * c;
        }
    };
    go(0, 0);
    return best;
}

} // namespace

class TestKnapsack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void againstBruteForce_data()
    {
        QTest::addColumn<unsigned>("seed");
        QTest::addColumn<bool>("few");
        for (unsigned s = 1; s <= 200; ++s)
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(s))) << s << false;
        for (unsigned s = 1; s <= 200; ++s)
            QTest::newRow(qPrintable(QStringLiteral("few per node, seed %1").arg(s))) << s << true;
    }
    void againstBruteForce()
    {
        QFETCH(unsigned, seed);
        QFETCH(bool, few);
        const Instance in = randomInstance(seed, few);
        const double optimum = bruteForce(in);
        for (int64_t limit : {int64_t(1), int64_t(5), int64_t(1000000)}) {
            const KnapsackResult r = solveKnapsack(in.items, in.cap.data(), in.dims, limit);
            // The reported packing exists and is worth what it says.
            double value = 0;
            std::vector<int64_t> used(size_t(in.dims), 0);
            for (const auto& [id, copies] : r.counts) {
                QVERIFY(copies > 0 && copies <= in.items[size_t(id)].bound);
                value += copies * in.items[size_t(id)].value;
                for (int d = 0; d < in.dims; ++d)
                    used[size_t(d)] += in.items[size_t(id)].weight[d] * copies;
            }
            for (int d = 0; d < in.dims; ++d)
                QVERIFY(used[size_t(d)] <= in.cap[size_t(d)]);
            QVERIFY(std::abs(value - r.value) < 1e-9);
            QVERIFY(r.value <= optimum + 1e-9);
            QVERIFY2(r.upperBound >= optimum - 1e-9, qPrintable(QStringLiteral("bound %1 < optimum %2").arg(r.upperBound).arg(optimum)));
            if (r.exact)
                QVERIFY(std::abs(r.value - optimum) < 1e-9);
        }
    }

    void targetPrunesButStaysValid_data() { againstBruteForce_data(); }
    void targetPrunesButStaysValid()
    {
        // With a target, the bound is still above the optimum, and the optimum is found
        // whenever it beats the target.
        QFETCH(unsigned, seed);
        QFETCH(bool, few);
        const Instance in = randomInstance(seed, few);
        const double optimum = bruteForce(in);
        for (double target : {optimum * 0.5, optimum * 0.99, optimum * 1.01, optimum * 2}) {
            const KnapsackResult r = solveKnapsack(in.items, in.cap.data(), in.dims, 1000000, nullptr, true, target);
            QVERIFY(r.exact);
            QVERIFY(r.upperBound >= optimum - 1e-9);
            if (optimum > target + 1e-9)
                QVERIFY(std::abs(r.value - optimum) < 1e-9);
            else
                QVERIFY(r.value <= target + 1e-9 || std::abs(r.value - optimum) < 1e-9);
        }
    }
};

QTEST_GUILESS_MAIN(TestKnapsack)
#include "tst_knapsack.moc"
