// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparerunner.h"

#include "solve/solver.h"

#include <QMetaObject>
#include <QPointer>

namespace cw::widgets {

CompareRunner::CompareRunner(const catalog::Catalog& catalog, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_generation(std::make_shared<std::atomic<int>>(0))
{
}

CompareRunner::~CompareRunner()
{
    ++*m_generation; // cancels every running comparison
    for (auto& job : m_jobs)
        job.thread.join();
}

cost::Comparison CompareRunner::compute(const model::Plan& plan, const catalog::Catalog& catalog,
                                        const std::function<bool()>& cancelled)
{
    cost::CompareOptions options;
    options.cancelled = cancelled;
    return cost::compare(plan, catalog, options);
}

void CompareRunner::start(const model::Plan& plan)
{
    // Threads of earlier requests that have finished are joined here.
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        if (it->done->load()) {
            it->thread.join();
            it = m_jobs.erase(it);
        } else {
            ++it;
        }
    }
    const int generation = ++*m_generation;
    m_running = true;
    auto done = std::make_shared<std::atomic<bool>>(false);
    QPointer<CompareRunner> self(this);
    auto counter = m_generation;
    const catalog::Catalog* catalog = &m_catalog;
    std::thread thread([self, counter, generation, plan, catalog, done] {
        auto stale = [counter, generation] { return counter->load() != generation; };
        cost::Comparison result = compute(plan, *catalog, stale);
        solve::releaseThreadResources();
        if (stale()) {
            *done = true;
            return;
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, counter, generation, result = std::move(result)]() mutable {
                if (!self || counter->load() != generation)
                    return;
                self->m_result = std::move(result);
                self->m_running = false;
                Q_EMIT self->finished();
            },
            Qt::QueuedConnection);
        *done = true;
    });
    m_jobs.push_back({std::move(thread), done});
}

} // namespace cw::widgets
