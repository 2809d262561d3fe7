// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cost/compare.h"

#include <QWidget>

class QLabel;
class QPainter;
class QTableView;
class QHBoxLayout;

namespace cw::widgets {

class BreakEvenChart;
class CompareTableModel;
class CostBarsChart;

// The Compare view: the plan's workloads priced on GKE Standard, GKE Autopilot and EKS —
// a card per option, stacked cost bars, the break-even chart and the per-workload table.
class CompareView : public QWidget
{
    Q_OBJECT

public:
    explicit CompareView(QWidget* parent = nullptr);
    ~CompareView() override;

    void setComparison(const cost::Comparison& comparison);
    const cost::Comparison& comparison() const;
    // Shown instead of the figures while a comparison is being computed, or on failure.
    void setMessage(const QString& message);
    CompareTableModel* tableModel() const { return m_model; }

private:
    void rebuildCards();

    CompareTableModel* m_model;
    QLabel* m_title;
    QLabel* m_subtitle;
    QLabel* m_message;
    QWidget* m_cards;
    QHBoxLayout* m_cardsLayout;
    CostBarsChart* m_bars;
    BreakEvenChart* m_breakEven;
    QTableView* m_table;
    QLabel* m_footer;
};

// Draws a comparison into rect of any painter (a report page): title, the option figures,
// both charts and the per-workload table.
void renderComparison(QPainter* painter, const QRectF& rect, const cost::Comparison& comparison);

} // namespace cw::widgets
