// SPDX-License-Identifier: GPL-3.0-or-later
#include "solvetracker.h"

#include "solve/solver.h"

#include <QMetaObject>

#include <atomic>
#include <exception>

namespace cw::document {

struct SolveTracker::Shared {
    std::atomic<quint64> latest{0};
};

SolveTracker::SolveTracker(const catalog::Catalog& catalog, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_solve(defaultSolveFunction())
    , m_shared(std::make_shared<Shared>())
{
    // One solve at a time: a newer request cancels the running one, and the machine is
    // shared with the UI.
    m_pool.setMaxThreadCount(1);
    m_pool.setStackSize(16u << 20);
}

SolveTracker::~SolveTracker()
{
    cancel();
    m_pool.waitForDone();
}

SolveTracker::SolveFunction SolveTracker::defaultSolveFunction()
{
    return [](const model::Plan& plan, const catalog::Catalog& cat, const solve::SolveOptions& options) {
        return solve::solve(plan, cat, options);
    };
}

void SolveTracker::setSolveFunction(SolveFunction function)
{
    m_solve = std::move(function);
}

quint64 SolveTracker::latestGeneration() const
{
    return m_shared->latest.load();
}

void SolveTracker::cancel()
{
    // Whatever runs or waits is now stale: it stops at its next poll and is dropped.
    m_shared->latest.fetch_add(1);
}

void SolveTracker::waitForIdle()
{
    m_pool.waitForDone();
}

quint64 SolveTracker::request(model::Plan plan, std::shared_ptr<const solve::Solution> previous)
{
    const quint64 generation = m_shared->latest.fetch_add(1) + 1;
    if (!m_solve)
        return generation;
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
    auto shared = m_shared;
    auto solveFn = m_solve;
    const catalog::Catalog* cat = &m_catalog;
    auto planPtr = std::make_shared<model::Plan>(std::move(plan));
    m_pool.start([this, shared, solveFn, cat, planPtr, previous, generation] {
        std::shared_ptr<const solve::Solution> result;
        QString error;
        if (shared->latest.load() == generation) {
            solve::SolveOptions options;
            options.previous = previous.get();
            options.cancelled = [shared, generation] { return shared->latest.load() != generation; };
            try {
                result = std::make_shared<solve::Solution>(solveFn(*planPtr, *cat, options));
            } catch (const std::exception& e) {
                error = QString::fromUtf8(e.what());
            }
        }
        // Pool threads come and go: what the LP solver keeps per thread goes with this job.
        solve::releaseThreadResources();
        // The tracker outlives this job: its destructor waits for the pool.
        QMetaObject::invokeMethod(this, [this, generation, result, error] { deliver(generation, result, error); },
                                  Qt::QueuedConnection);
    });
    return generation;
}

void SolveTracker::deliver(quint64 generation, std::shared_ptr<const solve::Solution> solution, const QString& error)
{
    const bool latest = generation == m_shared->latest.load();
    if (!latest || !solution || solution->cancelled) {
        if (error.isEmpty() || !latest) {
            ++m_discarded;
            Q_EMIT discarded(generation);
        } else {
            Q_EMIT failed(generation, error);
        }
    } else {
        Q_EMIT finished(generation, std::move(solution));
    }
    if (--m_pending == 0)
        Q_EMIT busyChanged(false);
}

} // namespace cw::document
