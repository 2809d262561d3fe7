// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cost/compare.h"

#include <QWidget>

#include <memory>

class QPainter;

namespace cw::widgets {

// Stacked bars per option: what the Pods use, waste (idle capacity, Autopilot rounding)
// and control-plane fees, in USD per month; the Spot variant beside each.
class CostBarsChart : public QWidget
{
    Q_OBJECT

public:
    explicit CostBarsChart(QWidget* parent = nullptr);
    ~CostBarsChart() override;

    void setComparison(const cost::Comparison& comparison);
    // Draws the chart into rect of any painter (a PDF page, an SVG, an image), as vectors.
    void render(QPainter* painter, const QRectF& rect);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Standard's cost ÷ Autopilot's cost against node utilisation, one curve per workload
// class; a curve crosses 1 at that class's break-even utilisation; dots mark today.
class BreakEvenChart : public QWidget
{
    Q_OBJECT

public:
    explicit BreakEvenChart(QWidget* parent = nullptr);
    ~BreakEvenChart() override;

    void setComparison(const cost::Comparison& comparison);
    void render(QPainter* painter, const QRectF& rect);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cw::widgets
