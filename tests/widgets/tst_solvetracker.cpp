// SPDX-License-Identifier: GPL-3.0-or-later
// The job tracker that runs the solver off the UI thread: the latest request wins, older
// solves are told to stop and their results are dropped.
#include "catalog/catalog.h"
#include "document/editing.h"
#include "document/plandocument.h"
#include "document/solvetracker.h"
#include "io/planreader.h"
#include "resources/embedded.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <atomic>

using namespace cw;
using namespace cw::document;

namespace {

model::Plan planNamed(const std::string& name)
{
    model::Plan p;
    p.name = name;
    return p;
}

// Marks a solution with the plan it was made from, so the test can tell results apart. This
// stands in for the solver only to control timing; it is never used outside this test.
solve::Solution markedSolution(const model::Plan& plan)
{
    solve::Solution s;
    solve::ClusterSolution c;
    c.cluster = plan.name;
    s.clusters.push_back(c);
    return s;
}

} // namespace

class TestSolveTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void staleResultIsDropped()
    {
        SolveTracker tracker(catalog::Catalog::embedded());
        QSemaphore firstStarted, releaseFirst;
        std::atomic<bool> firstSawCancel{false};
        tracker.setSolveFunction([&](const model::Plan& plan, const catalog::Catalog&, const solve::SolveOptions& o) {
            if (plan.name == "first") {
                firstStarted.release();
                releaseFirst.acquire();       // still solving when the second request comes
                firstSawCancel = o.cancelled && o.cancelled();
            }
            return markedSolution(plan);
        });
        QSignalSpy finished(&tracker, &SolveTracker::finished);
        QSignalSpy discarded(&tracker, &SolveTracker::discarded);
        QSignalSpy busy(&tracker, &SolveTracker::busyChanged);

        const quint64 g1 = tracker.request(planNamed("first"), nullptr);
        QVERIFY(firstStarted.tryAcquire(1, 10000));
        const quint64 g2 = tracker.request(planNamed("second"), nullptr);
        QVERIFY(g2 > g1);
        QVERIFY(tracker.isBusy());
        releaseFirst.release();
        QVERIFY(finished.wait(10000));
        QTRY_COMPARE(discarded.count(), 1);

        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toULongLong(), g2);
        const auto solution = finished.at(0).at(1).value<std::shared_ptr<const solve::Solution>>();
        QCOMPARE(solution->clusters.front().cluster, std::string("second"));
        QCOMPARE(discarded.at(0).at(0).toULongLong(), g1);
        QVERIFY(firstSawCancel);
        QCOMPARE(tracker.discardedCount(), 1);
        QVERIFY(!tracker.isBusy());
        QCOMPARE(busy.count(), 2); // true once, false once
    }

    // A result already computed but not yet delivered is dropped when a newer request came
    // in between: the check is made on delivery, on the UI thread.
    void resultDeliveredAfterNewerRequestIsDropped()
    {
        SolveTracker tracker(catalog::Catalog::embedded());
        tracker.setSolveFunction([](const model::Plan& plan, const catalog::Catalog&, const solve::SolveOptions&) {
            return markedSolution(plan);
        });
        QSignalSpy finished(&tracker, &SolveTracker::finished);
        tracker.request(planNamed("old"), nullptr);
        tracker.waitForIdle();                // computed, delivery queued
        const quint64 latest = tracker.request(planNamed("new"), nullptr);
        QVERIFY(finished.wait(10000));
        QTRY_VERIFY(!tracker.isBusy());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toULongLong(), latest);
        QCOMPARE(tracker.discardedCount(), 1);
    }

    void previousSolutionIsHandedToTheSolver()
    {
        SolveTracker tracker(catalog::Catalog::embedded());
        std::atomic<const solve::Solution*> seen{nullptr};
        tracker.setSolveFunction([&](const model::Plan& plan, const catalog::Catalog&, const solve::SolveOptions& o) {
            seen = o.previous;
            return markedSolution(plan);
        });
        auto previous = std::make_shared<const solve::Solution>(markedSolution(planNamed("before")));
        QSignalSpy finished(&tracker, &SolveTracker::finished);
        tracker.request(planNamed("after"), previous);
        QVERIFY(finished.wait(10000));
        QCOMPARE(seen.load(), previous.get());
    }

    void cancelDropsTheRunningSolve()
    {
        SolveTracker tracker(catalog::Catalog::embedded());
        tracker.setSolveFunction([](const model::Plan& plan, const catalog::Catalog&, const solve::SolveOptions& o) {
            while (!o.cancelled())
                QThread::msleep(1);
            solve::Solution s = markedSolution(plan);
            s.cancelled = true;
            return s;
        });
        QSignalSpy finished(&tracker, &SolveTracker::finished);
        QSignalSpy discarded(&tracker, &SolveTracker::discarded);
        tracker.request(planNamed("endless"), nullptr);
        tracker.cancel();
        QVERIFY(discarded.wait(10000));
        QCOMPARE(finished.count(), 0);
        QVERIFY(!tracker.isBusy());
    }

    // The document re-solves after edits: quick edits give one solution, of the latest plan.
    void documentShowsOnlyTheLatestSolution()
    {
        const auto text = resources::file("examples/genai-platform.yaml");
        auto doc = PlanDocument::fromPlan(*io::readPlanText(*text, "genai-platform.yaml").plan,
                                          catalog::Catalog::embedded());
        QSemaphore gate;
        doc->solveTracker()->setSolveFunction([&](const model::Plan& plan, const catalog::Catalog&,
                                                  const solve::SolveOptions&) {
            gate.acquire();
            solve::Solution s = markedSolution(plan);
            s.clusters.front().cluster = std::to_string(plan.workload("api-gateway")->replicas);
            return s;
        });
        QSignalSpy changed(doc.get(), &PlanDocument::solutionChanged);
        doc->solveNow();                                                    // replicas 10
        editWorkload(doc.get(), "api-gateway", WorkloadField::Replicas, [](auto& w) { w.replicas = 11; });
        doc->solveNow();
        editWorkload(doc.get(), "api-gateway", WorkloadField::Replicas, [](auto& w) { w.replicas = 12; });
        doc->solveNow();
        gate.release(3);
        QVERIFY(changed.wait(10000));
        QTRY_VERIFY(!doc->isSolving());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(doc->solution()->clusters.front().cluster, std::string("12"));
    }
};

QTEST_GUILESS_MAIN(TestSolveTracker)
#include "tst_solvetracker.moc"
