// SPDX-License-Identifier: GPL-3.0-or-later
// The Compare view's charts. NOTE: the only file of the Compare view that includes
// qcustomplot.h, until the shared chart wrapper under widgets/charts/ takes this over.
#include "comparecharts.h"

#include "compareformat.h"

// NOTE: qcustomplot.h uses Qt's keywords, which the project turns off (QT_NO_KEYWORDS).
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach

#include <QPicture>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cw::widgets {

namespace {

// Tick labels as short dollar amounts ("$12k").
class MoneyTicker : public QCPAxisTicker
{
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override { return shortMoney(tick); }
};

// Tick labels as percentages of a 0..1 axis.
class PercentTicker : public QCPAxisTicker
{
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override
    {
        return QStringLiteral("%1 %").arg(std::round(tick * 100.0), 0, 'f', 0);
    }
};

QCustomPlot* makePlot(QWidget* owner)
{
    auto* plot = new QCustomPlot(owner);
    auto* layout = new QVBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot);
    plot->setBackground(Qt::white);
    plot->setAntialiasedElements(QCP::aeAll);
    QFont f = owner->font();
    f.setPointSizeF(std::max(8.0, f.pointSizeF()));
    plot->setFont(f);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setBasePen(QPen(QColor(0x9c, 0xa3, 0xaf)));
        axis->setTickPen(QPen(QColor(0x9c, 0xa3, 0xaf)));
        axis->setSubTickPen(Qt::NoPen);
        axis->setTickLabelColor(QColor(0x37, 0x41, 0x51));
        axis->setLabelColor(QColor(0x37, 0x41, 0x51));
        axis->setTickLabelFont(f);
        axis->setLabelFont(f);
        axis->grid()->setPen(QPen(QColor(0xe5, 0xe7, 0xeb), 1, Qt::SolidLine));
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
    plot->xAxis->grid()->setVisible(false);
    // The legend in a row of its own above the axis rect.
    plot->legend->setVisible(true);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setBrush(Qt::NoBrush);
    plot->legend->setFont(f);
    plot->legend->setTextColor(QColor(0x37, 0x41, 0x51));
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setWrap(2);
    plot->legend->setIconSize(14, 10);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    plot->legend->setMargins(QMargins(6, 6, 6, 4));
    plot->legend->setRowSpacing(2);
    plot->legend->setColumnSpacing(14);
    return plot;
}

void renderPlot(QCustomPlot* plot, QPainter* painter, const QRectF& rect)
{
    QPicture picture;
    {
        QCPPainter qp(&picture);
        qp.setMode(QCPPainter::pmVectorized);
        qp.setMode(QCPPainter::pmNoCaching);
        plot->toPainter(&qp, int(rect.width()), int(rect.height()));
    }
    painter->drawPicture(rect.topLeft(), picture);
}

QCPItemText* label(QCustomPlot* plot, double x, double y, const QString& text, const QColor& color, bool bold,
                   Qt::Alignment align = Qt::AlignHCenter | Qt::AlignBottom)
{
    auto* t = new QCPItemText(plot);
    t->setClipToAxisRect(false);
    t->position->setType(QCPItemPosition::ptPlotCoords);
    t->position->setCoords(x, y);
    t->setPositionAlignment(align);
    t->setText(text);
    t->setColor(color);
    QFont f = plot->font();
    f.setBold(bold);
    t->setFont(f);
    t->setPadding(QMargins(2, 1, 2, 3));
    return t;
}

QCPBars* bars(QCustomPlot* plot, const QString& name, const QColor& color, double width)
{
    auto* b = new QCPBars(plot->xAxis, plot->yAxis);
    b->setName(name);
    b->setWidth(width);
    b->setPen(QPen(color.darker(115), 1));
    b->setBrush(color);
    b->setStackingGap(0);
    return b;
}

} // namespace

struct CostBarsChart::Private {
    QCustomPlot* plot = nullptr;
};

CostBarsChart::CostBarsChart(QWidget* parent)
    : QWidget(parent)
    , d(std::make_unique<Private>())
{
    d->plot = makePlot(this);
    d->plot->setAccessibleName(tr("Cost per option"));
    setMinimumSize(360, 260);
}

CostBarsChart::~CostBarsChart() = default;

void CostBarsChart::setComparison(const cost::Comparison& c)
{
    QCustomPlot* plot = d->plot;
    plot->clearPlottables();
    plot->clearItems();
    const std::vector<std::string> base = {"gke-standard", "gke-autopilot", "eks"};
    // Spot bars only when some workload is priced on Spot capacity: otherwise they repeat.
    bool haveSpot = false;
    for (const auto& o : c.options) {
        if (o.spot)
            haveSpot = haveSpot || std::any_of(o.workloads.begin(), o.workloads.end(), [](const cost::WorkloadCost& w) { return w.spot; });
    }
    const double width = haveSpot ? 0.34 : 0.5;
    const double offset = haveSpot ? -0.12 : 0.0;

    QCPBars* used = bars(plot, tr("Used by the Pods"), usedColor(), width);
    QCPBars* waste = bars(plot, tr("Waste"), wasteColor(), width);
    QCPBars* fees = bars(plot, tr("Control-plane fees"), feesColor(), width);
    waste->moveAbove(used);
    fees->moveAbove(waste);
    QCPBars* spot = nullptr;
    if (haveSpot) {
        QColor sc = spotColor();
        spot = bars(plot, tr("With Spot"), sc, 0.18);
        spot->setBrush(QBrush(sc.lighter(130), Qt::SolidPattern));
    }

    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double top = 0;
    for (size_t i = 0; i < base.size(); ++i) {
        const cost::Option* o = c.option(base[i]);
        const double x = double(i + 1);
        ticker->addTick(x, optionTitle(base[i]));
        if (!o)
            continue;
        used->addData(x + offset, o->computeMonthly);
        waste->addData(x + offset, o->wasteMonthly);
        fees->addData(x + offset, o->fees.monthly);
        top = std::max(top, o->monthly);
        if (spot) {
            if (const cost::Option* s = c.option(base[i] + "-spot")) {
                spot->addData(x + 0.19, s->monthly);
                top = std::max(top, s->monthly);
            }
        }
    }
    if (top <= 0)
        top = 1;
    // Totals above the bars, the caveats of each figure above them.
    for (size_t i = 0; i < base.size(); ++i) {
        const cost::Option* o = c.option(base[i]);
        if (!o)
            continue;
        const double x = double(i + 1) + offset;
        QStringList caveats;
        int pods = 0;
        for (const auto& u : o->unplaced)
            pods += u.pods;
        if (pods > 0)
            caveats << tr("%n Pod(s) not placed", nullptr, pods);
        if (o->premiumUnknown)
            caveats << tr("premium unknown");
        QString text = shortMoney(o->monthly);
        auto* t = label(plot, x, o->monthly, text, QColor(0x11, 0x18, 0x27), true);
        if (!caveats.isEmpty()) {
            t->setPadding(QMargins(2, 1, 2, 3));
            auto* warn = label(plot, x, o->monthly, QStringLiteral("⚠ ") + caveats.join(QStringLiteral(", ")),
                               QColor(0xb4, 0x53, 0x09), false);
            warn->setPadding(QMargins(2, 1, 2, 20));
        }
        if (spot) {
            if (const cost::Option* s = c.option(base[i] + "-spot"))
                label(plot, double(i + 1) + 0.19, s->monthly, shortMoney(s->monthly), spotColor().darker(140), false);
        }
    }
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(0.45, double(base.size()) + 0.55);
    plot->xAxis->setTickLength(0, 0);
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new MoneyTicker));
    plot->yAxis->setLabel(tr("USD per month"));
    plot->yAxis->setRange(0, top * 1.25);
    plot->replot();
}

void CostBarsChart::render(QPainter* painter, const QRectF& rect)
{
    renderPlot(d->plot, painter, rect);
}

struct BreakEvenChart::Private {
    QCustomPlot* plot = nullptr;
};

BreakEvenChart::BreakEvenChart(QWidget* parent)
    : QWidget(parent)
    , d(std::make_unique<Private>())
{
    d->plot = makePlot(this);
    d->plot->setAccessibleName(tr("Break-even utilisation per workload class"));
    setMinimumSize(360, 260);
}

BreakEvenChart::~BreakEvenChart() = default;

void BreakEvenChart::setComparison(const cost::Comparison& c)
{
    QCustomPlot* plot = d->plot;
    plot->clearPlottables();
    plot->clearItems();
    plot->clearGraphs();
    const double yMax = 2.5;

    // Where Autopilot is cheaper (Standard ÷ Autopilot > 1), lightly shaded.
    auto* zone = new QCPItemRect(plot);
    zone->topLeft->setCoords(0, yMax);
    zone->bottomRight->setCoords(1, 1);
    zone->setPen(Qt::NoPen);
    zone->setBrush(QColor(0x17, 0x9c, 0x8c, 22));
    zone->setLayer(QStringLiteral("background"));
    label(plot, 0.02, yMax, tr("Autopilot cheaper"), QColor(0x0f, 0x76, 0x6e), false, Qt::AlignLeft | Qt::AlignTop);
    label(plot, 0.02, 1.0, tr("Standard cheaper"), QColor(0x1e, 0x40, 0xaf), false, Qt::AlignLeft | Qt::AlignTop);
    auto* even = new QCPItemStraightLine(plot);
    even->point1->setCoords(0, 1);
    even->point2->setCoords(1, 1);
    even->setPen(QPen(QColor(0x6b, 0x72, 0x80), 1.2, Qt::DashLine));

    int curves = 0;
    for (const auto& b : c.breakEven) {
        if (!b.breakEven || b.workloads.empty())
            continue;
        const double be = *b.breakEven;
        const QColor color = kindColor(b.kind);
        QCPGraph* g = plot->addGraph();
        QString name = tr("%1: today %2 %, u* %3 %")
                           .arg(kindText(b.kind))
                           .arg(std::round(b.utilization * 100.0), 0, 'f', 0)
                           .arg(std::round(be * 100.0), 0, 'f', 0);
        if (b.premiumUnknown)
            name += QStringLiteral(" *");
        g->setName(name);
        QPen pen(color, 2.4);
        if (b.premiumUnknown)
            pen.setStyle(Qt::DashLine);
        g->setPen(pen);
        QVector<double> xs, ys;
        for (int i = 2; i <= 100; ++i) {
            const double u = i / 100.0;
            xs << u;
            ys << std::min(be / u, yMax * 1.5);
        }
        g->setData(xs, ys, true);
        // Today's utilisation on the curve.
        if (b.utilization > 0) {
            QCPGraph* dot = plot->addGraph();
            dot->removeFromLegend();
            dot->setLineStyle(QCPGraph::lsNone);
            dot->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, Qt::white, 10));
            const double y = std::min(be / b.utilization, yMax);
            dot->addData(b.utilization, y);
        }
        // Where the curve crosses 1.
        if (be > 0.02 && be <= 1.0) {
            QCPGraph* cross = plot->addGraph();
            cross->removeFromLegend();
            cross->setLineStyle(QCPGraph::lsNone);
            cross->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(color, 1.5), Qt::white, 9));
            cross->addData(be, 1.0);
        }
        ++curves;
    }
    if (std::any_of(c.breakEven.begin(), c.breakEven.end(), [](const cost::BreakEven& b) { return b.premiumUnknown && b.breakEven; }))
        label(plot, 0.98, 0.0, tr("* Autopilot premium unknown: dashed, an upper bound"), QColor(0x6b, 0x72, 0x80), false,
              Qt::AlignRight | Qt::AlignBottom);
    if (curves == 0)
        label(plot, 0.5, yMax / 2, tr("No workload class runs on both Standard and Autopilot"), QColor(0x6b, 0x72, 0x80), false,
              Qt::AlignCenter);
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new PercentTicker));
    plot->xAxis->setLabel(tr("Standard node utilisation (requests ÷ allocatable)"));
    plot->xAxis->setRange(0, 1);
    plot->yAxis->setLabel(tr("Standard cost ÷ Autopilot cost"));
    plot->yAxis->setRange(0, yMax);
    plot->replot();
}

void BreakEvenChart::render(QPainter* painter, const QRectF& rect)
{
    renderPlot(d->plot, painter, rect);
}

} // namespace cw::widgets
