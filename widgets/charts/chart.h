// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPointF>
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

// One curve of a LineChart, with points marked on it.
struct LineSeries {
    QString name;
    std::vector<QPointF> points;
    QColor color;
    bool dashed = false;
    std::vector<QPointF> markers;     // filled discs (e.g. "today")
    std::vector<QPointF> crossings;   // hollow diamonds (e.g. where the curve crosses the reference)
};

// A line chart over fixed ranges: curves, a horizontal reference line whose upper side is
// shaded and both sides labelled, and a note. Like Chart, it follows the application
// palette and renders to any QPainter; it lives in the same file, the only one that knows
// QCustomPlot.
class LineChart : public QWidget
{
    Q_OBJECT

public:
    enum class AxisFormat { Number, Percent };

    explicit LineChart(QWidget* parent = nullptr);
    ~LineChart() override;

    void setTitle(const QString& title);
    QString title() const { return m_title; }
    void setXAxis(const QString& label, AxisFormat format, double min, double max);
    void setYAxis(const QString& label, AxisFormat format, double min, double max);
    // A horizontal line at y; the region above it is shaded and labelled aboveText, the one
    // below belowText.
    void setReference(double y, const QString& aboveText, const QString& belowText);
    // A small line of text at the bottom right of the plot area.
    void setNote(const QString& note);
    void setEmptyText(const QString& text);
    void setData(std::vector<LineSeries> series);
    const std::vector<LineSeries>& series() const { return m_series; }

    void render(QPainter* painter, const QRectF& target, QSize logicalSize = {}) const;
    // The curves in words, for screen readers.
    QString summary() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();

    QCustomPlot* m_plot;
    QString m_title;
    QString m_xLabel;
    QString m_yLabel;
    AxisFormat m_xFormat = AxisFormat::Number;
    AxisFormat m_yFormat = AxisFormat::Number;
    double m_xMin = 0, m_xMax = 1, m_yMin = 0, m_yMax = 1;
    bool m_hasReference = false;
    double m_reference = 0;
    QString m_above;
    QString m_below;
    QString m_note;
    QString m_emptyText;
    std::vector<LineSeries> m_series;
};

} // namespace cw::widgets
