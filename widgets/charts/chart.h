// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;

namespace cw::widgets {

// One series of a bar chart: a value per category.
struct ChartSeries {
    QString name;
    std::vector<double> values;
    QColor color;
};

// A bar chart: the only place that knows QCustomPlot (qcustomplot.h is included in
// chart.cpp and nowhere else). Categories along one axis, one or more series as bars —
// stacked or side by side — with their values written on the bars, following the
// application palette (light and dark). Renders to any QPainter for PNG, SVG, PDF and the
// report.
class Chart : public QWidget
{
    Q_OBJECT

public:
    enum class Orientation { Vertical, Horizontal };
    enum class ValueFormat { Money, Percent, Number };

    explicit Chart(QWidget* parent = nullptr);
    ~Chart() override;

    void setTitle(const QString& title);
    QString title() const { return m_title; }
    void setValueLabel(const QString& label);
    void setValueFormat(ValueFormat format);
    void setOrientation(Orientation orientation);
    void setStacked(bool stacked);
    // Fixes the value axis (e.g. 0..1 for a percentage); unset: fitted to the data.
    void setValueRange(double min, double max);
    void clearValueRange();
    void setEmptyText(const QString& text);
    // With a single series: one colour per category (e.g. each workload in its own colour).
    void setCategoryColors(std::vector<QColor> colors);

    // Replaces the data and redraws.
    void setData(const QStringList& categories, std::vector<ChartSeries> series);
    const QStringList& categories() const { return m_categories; }
    const std::vector<ChartSeries>& series() const { return m_series; }
    bool isEmpty() const;

    // Draws the chart into target, laid out as if it were logicalSize big (vector output in
    // SVG and PDF).
    void render(QPainter* painter, const QRectF& target, QSize logicalSize = {}) const;
    // The chart's values in words, for screen readers and the report's alt text.
    QString summary() const;
    QString formatValue(double value) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void applyTheme();

    QCustomPlot* m_plot;
    QString m_title;
    QString m_valueLabel;
    QString m_emptyText;
    ValueFormat m_format = ValueFormat::Number;
    Orientation m_orientation = Orientation::Vertical;
    bool m_stacked = false;
    bool m_hasRange = false;
    double m_rangeMin = 0;
    double m_rangeMax = 1;
    QStringList m_categories;
    std::vector<ChartSeries> m_series;
    std::vector<QColor> m_categoryColors;
};

} // namespace cw::widgets
