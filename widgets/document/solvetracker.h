// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "model/plan.h"
#include "solve/solution.h"

#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace cw::document {

// Runs the solver off the UI thread. The latest request wins: every request gets a new
// generation, the solver of an older one is told to stop through its cancel callable, and a
// result that arrives for anything but the latest generation is dropped.
class SolveTracker : public QObject
{
    Q_OBJECT

public:
    using SolveFunction = std::function<solve::Solution(const model::Plan&, const catalog::Catalog&,
                                                        const solve::SolveOptions&)>;

    explicit SolveTracker(const catalog::Catalog& catalog, QObject* parent = nullptr);
    ~SolveTracker() override; // cancels and waits for the running solve

    // The planner's solve() unless replaced (tests replace it to control timing).
    void setSolveFunction(SolveFunction function);
    static SolveFunction defaultSolveFunction();

    // Starts solving plan; previous (may be null) is handed to the solver so that placements
    // that still fit are kept. Returns the request's generation.
    quint64 request(model::Plan plan, std::shared_ptr<const solve::Solution> previous);
    // Drops whatever is running or queued.
    void cancel();

    quint64 latestGeneration() const;
    bool isBusy() const { return m_pending > 0; }
    int discardedCount() const { return m_discarded; }
    // Waits until nothing is running (tests, shutdown).
    void waitForIdle();

Q_SIGNALS:
    void busyChanged(bool busy);
    // The solution of the latest request.
    void finished(quint64 generation, std::shared_ptr<const cw::solve::Solution> solution);
    // A result for an older request arrived and was dropped.
    void discarded(quint64 generation);
    // The solver threw; message says why.
    void failed(quint64 generation, const QString& message);

private:
    struct Shared;
    void deliver(quint64 generation, std::shared_ptr<const solve::Solution> solution, const QString& error);

    const catalog::Catalog& m_catalog;
    SolveFunction m_solve;
    std::shared_ptr<Shared> m_shared;
    QThreadPool m_pool;
    int m_pending = 0;
    int m_discarded = 0;
};

} // namespace cw::document
