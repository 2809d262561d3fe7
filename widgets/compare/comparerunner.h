// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "cost/compare.h"
#include "model/plan.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace cw::widgets {

// Computes comparisons off the UI thread: the latest request wins, an older one still
// running is cancelled and its result dropped.
class CompareRunner : public QObject
{
    Q_OBJECT

public:
    explicit CompareRunner(const catalog::Catalog& catalog, QObject* parent = nullptr);
    ~CompareRunner() override;

    void start(const model::Plan& plan);
    bool isRunning() const { return m_running; }
    const cost::Comparison& result() const { return m_result; }

    // The comparison of a plan, computed on the calling thread.
    static cost::Comparison compute(const model::Plan& plan, const catalog::Catalog& catalog,
                                    const std::function<bool()>& cancelled = {});

Q_SIGNALS:
    void finished();

private:
    const catalog::Catalog& m_catalog;
    std::shared_ptr<std::atomic<int>> m_generation;
    struct Job {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    std::vector<Job> m_jobs;
    cost::Comparison m_result;
    bool m_running = false;
};

} // namespace cw::widgets
