// SPDX-License-Identifier: GPL-3.0-or-later
// The one file that includes qcustomplot.h.
#include "chart.h"

#include "style/canvastheme.h"

// NOTE: qcustomplot.h uses Qt's lower-case keywords (signals, slots, emit, foreach), which
// this project switches off with QT_NO_KEYWORDS; they are defined for this header only.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach

#include <QApplication>
#include <QLocale>
#include <QPicture>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cw::widgets {

namespace {

// Value-axis labels in the chart's own format, compact ("$120k", "25%").
class ValueTicker : public QCPAxisTicker
{
public:
    explicit ValueTicker(std::function<QString(double)> format)
        : m_format(std::move(format))
    {
    }

protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override { return m_format(tick); }

private:
    std::function<QString(double)> m_format;
};

QString compactMoney(double v)
{
    const QLocale locale;
    const double a = std::abs(v);
    if (a >= 1e6)
        return QStringLiteral("$") + locale.toString(v / 1e6, 'g', 3) + QStringLiteral("M");
    if (a >= 1e3)
        return QStringLiteral("$") + locale.toString(v / 1e3, 'g', 3) + QStringLiteral("k");
    return QStringLiteral("$") + locale.toString(v, 'g', 3);
}

} // namespace

Chart::Chart(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setInteractions({});
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, new QCPTextElement(m_plot, QString(), QFont()));
    // The legend goes in a row of its own under the chart, never over the bars; it is in
    // the layout only while it is shown (see rebuild()).
    m_plot->legend->setVisible(false);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->axisRect()->insetLayout()->simplify();
    m_emptyText = tr("No data yet");
    setFocusPolicy(Qt::NoFocus);
    applyTheme();
    rebuild();
}

Chart::~Chart() = default;

void Chart::setTitle(const QString& title)
{
    m_title = title;
    setAccessibleName(title);
    rebuild();
}

void Chart::setValueLabel(const QString& label)
{
    m_valueLabel = label;
    rebuild();
}

void Chart::setValueFormat(ValueFormat format)
{
    m_format = format;
    rebuild();
}

void Chart::setOrientation(Orientation orientation)
{
    m_orientation = orientation;
    rebuild();
}

void Chart::setStacked(bool stacked)
{
    m_stacked = stacked;
    rebuild();
}

void Chart::setValueRange(double min, double max)
{
    m_hasRange = true;
    m_rangeMin = min;
    m_rangeMax = max;
    rebuild();
}

void Chart::clearValueRange()
{
    m_hasRange = false;
    rebuild();
}

void Chart::setEmptyText(const QString& text)
{
    m_emptyText = text;
    rebuild();
}

void Chart::setCategoryColors(std::vector<QColor> colors)
{
    m_categoryColors = std::move(colors);
    rebuild();
}

void Chart::setData(const QStringList& categories, std::vector<ChartSeries> series)
{
    m_categories = categories;
    m_series = std::move(series);
    rebuild();
    setAccessibleDescription(summary());
}

bool Chart::isEmpty() const
{
    for (const auto& s : m_series) {
        for (double v : s.values) {
            if (v != 0)
                return false;
        }
    }
    return true;
}

QString Chart::formatValue(double v) const
{
    const QLocale locale;
    switch (m_format) {
    case ValueFormat::Money:
        return QStringLiteral("$") + locale.toString(v, 'f', std::abs(v) >= 100 ? 0 : 2);
    case ValueFormat::Percent:
        return locale.toString(v * 100, 'f', 0) + QStringLiteral("%");
    case ValueFormat::Number:
        return locale.toString(v, 'g', 4);
    }
    return {};
}

QString Chart::summary() const
{
    QStringList parts;
    for (int c = 0; c < m_categories.size(); ++c) {
        QStringList values;
        for (const auto& s : m_series) {
            if (size_t(c) < s.values.size())
                values << (m_series.size() > 1 ? s.name + QStringLiteral(" ") : QString()) + formatValue(s.values[size_t(c)]);
        }
        parts << m_categories[c] + QStringLiteral(": ") + values.join(QStringLiteral(", "));
    }
    return m_title + QStringLiteral(". ") + parts.join(QStringLiteral("; "));
}

void Chart::applyTheme()
{
    const CanvasTheme theme = CanvasTheme::fromPalette(palette());
    m_plot->setBackground(theme.frame);
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setBasePen(QPen(theme.frameBorder));
        axis->setTickPen(QPen(theme.frameBorder));
        axis->setSubTickPen(Qt::NoPen);
        axis->setTickLabelColor(theme.text);
        axis->setLabelColor(theme.mutedText);
        axis->grid()->setPen(QPen(theme.track, 1, Qt::SolidLine));
        axis->grid()->setZeroLinePen(QPen(theme.frameBorder));
    }
    if (auto* title = qobject_cast<QCPTextElement*>(m_plot->plotLayout()->element(0, 0)))
        title->setTextColor(theme.text);
    if (m_plot->legend) {
        m_plot->legend->setBrush(theme.frame);
        m_plot->legend->setBorderPen(QPen(theme.frameBorder));
        m_plot->legend->setTextColor(theme.text);
    }
}

void Chart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
        applyTheme();
        rebuild();
    }
    QWidget::changeEvent(event);
}

void Chart::rebuild()
{
    const CanvasTheme theme = CanvasTheme::fromPalette(palette());
    m_plot->clearPlottables();
    m_plot->clearItems();
    auto* titleElement = qobject_cast<QCPTextElement*>(m_plot->plotLayout()->element(0, 0));
    QFont titleFont = QApplication::font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() + 1);
    titleElement->setFont(titleFont);
    titleElement->setText(m_title);
    titleElement->setTextColor(theme.text);

    const bool horizontal = m_orientation == Orientation::Horizontal;
    QCPAxis* keyAxis = horizontal ? m_plot->yAxis : m_plot->xAxis;
    QCPAxis* valueAxis = horizontal ? m_plot->xAxis : m_plot->yAxis;

    // Category ticks.
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int i = 0; i < m_categories.size(); ++i)
        ticker->addTick(i + 1, m_categories[i]);
    keyAxis->setTicker(ticker);
    keyAxis->setTickLabelRotation(!horizontal && m_categories.size() > 4 ? 35 : 0);
    keyAxis->setRange(0.4, m_categories.size() + 0.6);
    keyAxis->grid()->setVisible(false);
    keyAxis->setLabel(QString());
    if (horizontal)
        keyAxis->setRangeReversed(true);
    else
        keyAxis->setRangeReversed(false);
    QFont tickFont = QApplication::font();
    tickFont.setPointSizeF(std::max(7.0, tickFont.pointSizeF() - 1));
    keyAxis->setTickLabelFont(tickFont);
    valueAxis->setTickLabelFont(tickFont);
    valueAxis->setLabel(m_valueLabel);
    valueAxis->grid()->setVisible(true);
    valueAxis->setRangeReversed(false);

    // Value ticks formatted like the values, compact.
    QSharedPointer<QCPAxisTicker> valueTicker(new ValueTicker([this](double v) {
        const QLocale locale;
        switch (m_format) {
        case ValueFormat::Money: return compactMoney(v);
        case ValueFormat::Percent: return locale.toString(v * 100, 'f', 0) + QStringLiteral("%");
        case ValueFormat::Number: return locale.toString(v, 'g', 3);
        }
        return QString();
    }));
    valueTicker->setTickCount(m_orientation == Orientation::Horizontal ? 3 : 5);
    valueAxis->setTicker(valueTicker);

    double maxValue = 0;
    const int n = int(m_categories.size());
    std::vector<double> stackTop(size_t(n), 0.0);
    const bool perCategory = m_series.size() == 1 && int(m_categoryColors.size()) >= n;
    QCPBarsGroup* group = (!m_stacked && m_series.size() > 1) ? new QCPBarsGroup(m_plot) : nullptr;
    const double width = m_series.size() > 1 && !m_stacked ? 0.8 / double(m_series.size()) : 0.65;
    QCPBars* below = nullptr;

    auto addBars = [&](const QString& name, const QVector<double>& keys, const QVector<double>& values, const QColor& color,
                       bool inLegend) {
        auto* bars = new QCPBars(keyAxis, valueAxis);
        bars->setName(name);
        bars->setWidth(width);
        bars->setPen(Qt::NoPen);
        bars->setBrush(color);
        bars->setData(keys, values, true);
        if (!inLegend)
            bars->removeFromLegend();
        return bars;
    };

    for (size_t s = 0; s < m_series.size(); ++s) {
        const ChartSeries& series = m_series[s];
        if (perCategory) {
            for (int i = 0; i < n; ++i) {
                const double v = size_t(i) < series.values.size() ? series.values[size_t(i)] : 0.0;
                addBars(series.name, {double(i + 1)}, {v}, m_categoryColors[size_t(i)], false);
                maxValue = std::max(maxValue, v);
            }
            continue;
        }
        QVector<double> keys, values;
        for (int i = 0; i < n; ++i) {
            keys << i + 1;
            values << (size_t(i) < series.values.size() ? series.values[size_t(i)] : 0.0);
        }
        QCPBars* bars = addBars(series.name, keys, values, series.color, m_series.size() > 1);
        if (group)
            bars->setBarsGroup(group);
        if (m_stacked && below)
            bars->moveAbove(below);
        below = bars;
        for (int i = 0; i < n; ++i) {
            if (m_stacked)
                stackTop[size_t(i)] += values[i];
            maxValue = std::max(maxValue, m_stacked ? stackTop[size_t(i)] : values[i]);
        }
    }

    // Values written at the end of each bar (stacked: the total).
    QFont labelFont = QApplication::font();
    labelFont.setPointSizeF(std::max(7.0, labelFont.pointSizeF() - 1));
    auto label = [&](double key, double value, QColor bar) {
        if (value == 0)
            return;
        auto* text = new QCPItemText(m_plot);
        text->setClipToAxisRect(false);
        text->position->setAxes(horizontal ? valueAxis : keyAxis, horizontal ? keyAxis : valueAxis);
        text->position->setType(QCPItemPosition::ptPlotCoords);
        QColor color = theme.text;
        if (horizontal && bar.isValid() && value > 0.55 * maxValue) {
            // A long bar: the value goes inside its end, so it is never cut off.
            text->position->setCoords(value, key);
            text->setPositionAlignment(Qt::AlignRight | Qt::AlignVCenter);
            text->setPadding(QMargins(0, 0, 4, 0));
            color = bar.lightnessF() > 0.6 ? QColor(0x1b, 0x1b, 0x1b) : QColor(Qt::white);
        } else if (horizontal) {
            text->position->setCoords(value, key);
            text->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
            text->setPadding(QMargins(4, 0, 0, 0));
        } else {
            text->position->setCoords(key, value);
            text->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
            text->setPadding(QMargins(0, 0, 0, 2));
        }
        text->setFont(labelFont);
        text->setColor(color);
        text->setText(formatValue(value));
    };
    if (m_stacked || m_series.size() == 1) {
        for (int i = 0; i < n; ++i) {
            const QColor bar = m_stacked ? QColor() : (perCategory ? m_categoryColors[size_t(i)] : m_series.front().color);
            label(i + 1, m_stacked ? stackTop[size_t(i)] : (size_t(i) < m_series.front().values.size() ? m_series.front().values[size_t(i)] : 0), bar);
        }
    }

    if (m_hasRange)
        valueAxis->setRange(m_rangeMin, m_rangeMax);
    else
        valueAxis->setRange(0, maxValue > 0 ? maxValue * (horizontal ? 1.25 : 1.15) : 1);

    const bool legend = m_series.size() > 1 && !perCategory;
    QCPLayoutGrid* layout = m_plot->plotLayout();
    const bool inLayout = layout->rowCount() > 2 && layout->element(2, 0) == m_plot->legend;
    if (legend && !inLayout) {
        layout->addElement(2, 0, m_plot->legend);
        layout->setRowStretchFactor(2, 0.001);
    } else if (!legend && inLayout) {
        layout->take(m_plot->legend);
        layout->simplify();
    }
    m_plot->legend->setVisible(legend);
    if (legend) {
        m_plot->legend->setFont(tickFont);
        m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
        m_plot->legend->setWrap(4);
        m_plot->legend->setBorderPen(Qt::NoPen);
        m_plot->legend->setRowSpacing(0);
        m_plot->legend->setColumnSpacing(8);
    }

    if (n == 0 || isEmpty()) {
        auto* text = new QCPItemText(m_plot);
        text->position->setType(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(0.5, 0.5);
        text->setText(m_emptyText);
        text->setColor(theme.mutedText);
        text->setFont(QApplication::font());
    }
    applyTheme();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// A plot laid out at logicalSize, scaled into target (vector output stays vector).
static void renderPlot(QCustomPlot* plot, QPainter* painter, const QRectF& target, QSize logicalSize)
{
    if (logicalSize.isEmpty())
        logicalSize = target.size().toSize();
    // A legend row wider than the picture would be cut at its right edge: fewer entries per
    // row until it fits (the chart's own wrap comes back afterwards).
    QCPLegend* legend = plot->legend;
    const int wrap = legend ? legend->wrap() : 0;
    if (legend && legend->visible() && legend->itemCount() > 1) {
        for (int w = std::min(wrap, legend->itemCount()); w >= 1; --w) {
            legend->setWrap(w);
            legend->setFillOrder(legend->fillOrder(), true);
            const QMargins m = legend->margins();
            if (legend->minimumOuterSizeHint().width() + m.left() + m.right() <= logicalSize.width() - 8)
                break;
        }
    }
    QPicture picture;
    {
        QCPPainter p(&picture);
        plot->toPainter(&p, logicalSize.width(), logicalSize.height());
    }
    if (legend && legend->wrap() != wrap) {
        legend->setWrap(wrap);
        legend->setFillOrder(legend->fillOrder(), true);
    }
    painter->save();
    painter->translate(target.topLeft());
    painter->scale(target.width() / logicalSize.width(), target.height() / logicalSize.height());
    painter->drawPicture(0, 0, picture);
    painter->restore();
}

void Chart::render(QPainter* painter, const QRectF& target, QSize logicalSize) const
{
    renderPlot(m_plot, painter, target, logicalSize);
}

QSize Chart::sizeHint() const
{
    return {360, 240};
}

QSize Chart::minimumSizeHint() const
{
    return {200, 140};
}

namespace {

QString axisText(LineChart::AxisFormat format, double v)
{
    const QLocale locale;
    if (format == LineChart::AxisFormat::Percent)
        return locale.toString(v * 100, 'f', 0) + QStringLiteral("%");
    return locale.toString(v, 'g', 3);
}

} // namespace

LineChart::LineChart(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setInteractions({});
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, new QCPTextElement(m_plot, QString(), QFont()));
    // The legend in a row of its own under the plot, as in Chart.
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->axisRect()->insetLayout()->simplify();
    m_plot->plotLayout()->addElement(2, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(2, 0.001);
    m_emptyText = Chart::tr("No data yet");
    setFocusPolicy(Qt::NoFocus);
    rebuild();
}

LineChart::~LineChart() = default;

void LineChart::setTitle(const QString& title)
{
    m_title = title;
    setAccessibleName(title);
    rebuild();
}

void LineChart::setXAxis(const QString& label, AxisFormat format, double min, double max)
{
    m_xLabel = label;
    m_xFormat = format;
    m_xMin = min;
    m_xMax = max;
    rebuild();
}

void LineChart::setYAxis(const QString& label, AxisFormat format, double min, double max)
{
    m_yLabel = label;
    m_yFormat = format;
    m_yMin = min;
    m_yMax = max;
    rebuild();
}

void LineChart::setReference(double y, const QString& aboveText, const QString& belowText)
{
    m_hasReference = true;
    m_reference = y;
    m_above = aboveText;
    m_below = belowText;
    rebuild();
}

void LineChart::setNote(const QString& note)
{
    m_note = note;
    rebuild();
}

void LineChart::setEmptyText(const QString& text)
{
    m_emptyText = text;
    rebuild();
}

void LineChart::setData(std::vector<LineSeries> series)
{
    m_series = std::move(series);
    rebuild();
}

QString LineChart::summary() const
{
    QStringList names;
    for (const auto& s : m_series)
        names << s.name;
    return m_title + QStringLiteral(". ") + names.join(QStringLiteral("; "));
}

void LineChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        rebuild();
    QWidget::changeEvent(event);
}

void LineChart::rebuild()
{
    const CanvasTheme theme = CanvasTheme::fromPalette(palette());
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_plot->setBackground(theme.frame);
    auto* titleElement = qobject_cast<QCPTextElement*>(m_plot->plotLayout()->element(0, 0));
    QFont titleFont = QApplication::font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() + 1);
    titleElement->setFont(titleFont);
    titleElement->setText(m_title);
    titleElement->setTextColor(theme.text);
    QFont small = QApplication::font();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() - 1));

    struct Axis {
        QCPAxis* axis;
        QString label;
        AxisFormat format;
        double min, max;
    };
    for (const Axis& a : {Axis{m_plot->xAxis, m_xLabel, m_xFormat, m_xMin, m_xMax},
                          Axis{m_plot->yAxis, m_yLabel, m_yFormat, m_yMin, m_yMax}}) {
        const AxisFormat format = a.format;
        QSharedPointer<QCPAxisTicker> ticker(new ValueTicker([format](double v) { return axisText(format, v); }));
        ticker->setTickCount(5);
        a.axis->setTicker(ticker);
        a.axis->setLabel(a.label);
        a.axis->setRange(a.min, a.max);
        a.axis->setTickLabelFont(small);
        a.axis->setLabelFont(small);
        a.axis->setBasePen(QPen(theme.frameBorder));
        a.axis->setTickPen(QPen(theme.frameBorder));
        a.axis->setSubTickPen(Qt::NoPen);
        a.axis->setTickLabelColor(theme.text);
        a.axis->setLabelColor(theme.mutedText);
        a.axis->grid()->setPen(QPen(theme.track, 1, Qt::SolidLine));
        a.axis->grid()->setZeroLinePen(Qt::NoPen);
    }
    m_plot->xAxis->grid()->setVisible(false);

    auto text = [&](double x, double y, const QString& s, const QColor& color, Qt::Alignment align) {
        auto* t = new QCPItemText(m_plot);
        t->position->setType(QCPItemPosition::ptPlotCoords);
        t->position->setCoords(x, y);
        t->setPositionAlignment(align);
        t->setText(s);
        t->setColor(color);
        t->setFont(small);
        t->setPadding(QMargins(3, 2, 3, 2));
        return t;
    };
    if (m_hasReference) {
        auto* zone = new QCPItemRect(m_plot);
        zone->topLeft->setCoords(m_xMin, m_yMax);
        zone->bottomRight->setCoords(m_xMax, m_reference);
        zone->setPen(Qt::NoPen);
        QColor shade = theme.fits;
        shade.setAlpha(theme.dark ? 40 : 28);
        zone->setBrush(shade);
        zone->setLayer(QStringLiteral("background"));
        auto* line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(m_xMin, m_reference);
        line->point2->setCoords(m_xMax, m_reference);
        line->setPen(QPen(theme.mutedText, 1.2, Qt::DashLine));
        const double left = m_xMin + (m_xMax - m_xMin) * 0.02;
        text(left, m_yMax, m_above, theme.fits.darker(theme.dark ? 80 : 130), Qt::AlignLeft | Qt::AlignTop);
        text(left, m_reference, m_below, theme.mutedText, Qt::AlignLeft | Qt::AlignTop);
    }
    if (!m_note.isEmpty())
        text(m_xMax, m_yMin, m_note, theme.mutedText, Qt::AlignRight | Qt::AlignBottom);

    for (const LineSeries& s : m_series) {
        QCPGraph* g = m_plot->addGraph();
        g->setName(s.name);
        QPen pen(s.color, 2.4);
        if (s.dashed)
            pen.setStyle(Qt::DashLine);
        g->setPen(pen);
        QVector<double> xs, ys;
        for (const QPointF& p : s.points) {
            xs << p.x();
            ys << p.y();
        }
        g->setData(xs, ys, true);
        auto addMarkers = [&](const std::vector<QPointF>& points, const QCPScatterStyle& style) {
            if (points.empty())
                return;
            QCPGraph* m = m_plot->addGraph();
            m->removeFromLegend();
            m->setLineStyle(QCPGraph::lsNone);
            m->setScatterStyle(style);
            for (const QPointF& p : points)
                m->addData(p.x(), std::min(p.y(), m_yMax));
        };
        addMarkers(s.markers, QCPScatterStyle(QCPScatterStyle::ssDisc, s.color, theme.frame, 10));
        addMarkers(s.crossings, QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(s.color, 1.5), theme.frame, 9));
    }
    if (m_series.empty()) {
        auto* t = new QCPItemText(m_plot);
        t->position->setType(QCPItemPosition::ptAxisRectRatio);
        t->position->setCoords(0.5, 0.5);
        t->setText(m_emptyText);
        t->setColor(theme.mutedText);
        t->setFont(QApplication::font());
    }
    m_plot->legend->setVisible(!m_series.empty());
    m_plot->legend->setFont(small);
    m_plot->legend->setTextColor(theme.text);
    m_plot->legend->setBrush(theme.frame);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(2);
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setColumnSpacing(12);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LineChart::render(QPainter* painter, const QRectF& target, QSize logicalSize) const
{
    renderPlot(m_plot, painter, target, logicalSize);
}

QSize LineChart::sizeHint() const
{
    return {360, 240};
}

QSize LineChart::minimumSizeHint() const
{
    return {200, 140};
}

} // namespace cw::widgets
