// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/breakdown.h"

#include <QPointer>
#include <QWidget>

class QLabel;

namespace cw::document {
class PlanDocument;
}

namespace cw::widgets {

class Chart;

// The cost dock: the plan's total and its distance from the lower bound, and four charts
// that follow the plan live: $/month per pool and per workload, utilisation per resource
// and stranded capacity by cause.
class CostPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CostPanel(QWidget* parent = nullptr);

    void setDocument(document::PlanDocument* document);
    const report::Breakdown& breakdown() const { return m_breakdown; }
    bool hasSolution() const { return m_hasSolution; }

    Chart* poolChart() const { return m_byPool; }
    Chart* workloadChart() const { return m_byWorkload; }
    Chart* utilizationChart() const { return m_utilization; }
    Chart* wasteChart() const { return m_waste; }
    std::vector<Chart*> charts() const { return {m_byPool, m_byWorkload, m_utilization, m_waste}; }

    // Rebuilds the charts from the document now.
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    void scheduleRefresh();

    QPointer<document::PlanDocument> m_document;
    report::Breakdown m_breakdown;
    bool m_hasSolution = false;
    QLabel* m_summary;
    Chart* m_byPool;
    Chart* m_byWorkload;
    Chart* m_utilization;
    Chart* m_waste;
    bool m_refreshQueued = false;
};

} // namespace cw::widgets
