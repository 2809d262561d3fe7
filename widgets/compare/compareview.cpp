// SPDX-License-Identifier: GPL-3.0-or-later
#include "compareview.h"

#include "charts/chart.h"
#include "comparecharts.h"
#include "compareformat.h"
#include "comparetablemodel.h"
#include "cost/comparisonjson.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace cw::widgets {

namespace {

QString caveatText(const cost::Option& o)
{
    QStringList parts;
    int pods = 0;
    for (const auto& u : o.unplaced)
        pods += u.pods;
    if (pods > 0)
        parts << CompareView::tr("%n Pod(s) not placed", nullptr, pods);
    if (o.premiumUnknown)
        parts << CompareView::tr("premium not included: unknown");
    if (!o.complete && pods == 0 && !o.premiumUnknown)
        parts << CompareView::tr("a price is missing");
    if (o.unverified)
        parts << CompareView::tr("uses unverified prices");
    return parts.join(QStringLiteral(" · "));
}

QString subtitleText(const cost::Comparison& c)
{
    size_t workloads = c.options.empty() ? 0 : c.options.front().workloads.size();
    return CompareView::tr("%1 · %2 workload(s) on every option · GKE %3, EKS %4 · prices %5 to %6 · %7 hours a month")
        .arg(QString::fromStdString(c.plan))
        .arg(workloads)
        .arg(QString::fromStdString(c.gkeRegion), QString::fromStdString(c.eksRegion),
             QString::fromStdString(c.oldestPriceDate), QString::fromStdString(c.priceDate))
        .arg(c.hoursPerMonth);
}

QLabel* caption(const QString& text)
{
    auto* l = new QLabel(text);
    QFont f = l->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.08);
    l->setFont(f);
    l->setStyleSheet(QStringLiteral("color: #1f2937;"));
    return l;
}

} // namespace

CompareView::CompareView(QWidget* parent)
    : QWidget(parent)
    , m_model(new CompareTableModel(this))
    , m_title(new QLabel(tr("Same workloads, three price tags")))
    , m_subtitle(new QLabel)
    , m_message(new QLabel)
    , m_cards(new QWidget)
    , m_cardsLayout(new QHBoxLayout(m_cards))
    , m_bars(new Chart)
    , m_breakEven(new LineChart)
    , m_table(new QTableView)
    , m_footer(new QLabel)
{
    setObjectName(QStringLiteral("CompareView"));
    setAccessibleName(tr("Compare providers"));
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(0xf8, 0xfa, 0xfc));
    setPalette(pal);

    QFont tf = m_title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.5);
    tf.setBold(true);
    m_title->setFont(tf);
    m_title->setStyleSheet(QStringLiteral("color: #111827;"));
    m_subtitle->setStyleSheet(QStringLiteral("color: #4b5563;"));
    m_subtitle->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #4b5563; padding: 24px;"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->hide();
    m_cardsLayout->setContentsMargins(0, 0, 0, 0);
    m_cardsLayout->setSpacing(12);

    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Cost per workload and option"));
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(CompareTableModel::NotesColumn, QHeaderView::Stretch);
    m_table->setTextElideMode(Qt::ElideRight);
    // Narrow between the docks: the options' columns scroll rather than vanish.
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    // The class is in each row's tooltip and in the break-even chart; the room goes to the figures.
    m_table->hideColumn(CompareTableModel::KindColumn);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setStyleSheet(QStringLiteral(
        "QTableView { background: white; alternate-background-color: #f9fafb; border: 1px solid #e5e7eb; }"
        "QHeaderView::section { background: #f3f4f6; color: #374151; border: none; border-bottom: 1px solid #e5e7eb; padding: 4px 8px; font-weight: bold; }"));

    m_footer->setWordWrap(true);
    m_footer->setStyleSheet(QStringLiteral("color: #6b7280;"));

    // Charts on the left, the table on the right: both readable in the space a main window
    // leaves between its docks.
    auto* chartsPane = new QWidget;
    auto* charts = new QVBoxLayout(chartsPane);
    charts->setContentsMargins(0, 0, 0, 0);
    charts->setSpacing(6);
    charts->addWidget(m_bars, 1);
    charts->addSpacing(6);
    charts->addWidget(m_breakEven, 1);
    showCostBars(*m_bars, {});
    showBreakEven(*m_breakEven, {});
    auto* tablePane = new QWidget;
    auto* table = new QVBoxLayout(tablePane);
    table->setContentsMargins(0, 0, 0, 0);
    table->setSpacing(6);
    table->addWidget(caption(tr("Per workload, $ per month")));
    table->addWidget(m_table, 1);
    table->addWidget(m_footer);
    auto* split = new QSplitter(Qt::Horizontal);
    split->setChildrenCollapsible(false);
    split->addWidget(chartsPane);
    split->addWidget(tablePane);
    split->setStretchFactor(0, 11);
    split->setStretchFactor(1, 10);
    split->setHandleWidth(12);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 12, 18, 10);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_message);
    layout->addWidget(m_cards);
    layout->addWidget(split, 1);
}

CompareView::~CompareView() = default;

const cost::Comparison& CompareView::comparison() const
{
    return m_model->comparison();
}

void CompareView::setMessage(const QString& message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void CompareView::setComparison(const cost::Comparison& c)
{
    setMessage({});
    m_model->setComparison(c);
    m_subtitle->setText(subtitleText(c));
    m_subtitle->setToolTip(tr("Every workload of the plan is priced on every option, wherever it runs today."));
    showCostBars(*m_bars, c);
    showBreakEven(*m_breakEven, c);
    rebuildCards();
    QStringList footer;
    footer << tr("Waste: capacity paid for and not requested (idle room on nodes, Autopilot's rounding, DaemonSets). "
                 "Fees are net of the GKE free-tier credit. Green cells: the cheapest complete figure of the row. "
                 "* Autopilot premium not included: unknown.");
    if (!c.unverifiedPrices.empty())
        footer << tr("Some figures use prices the catalog marks unverified (see clusterwright-cli compare).");
    m_footer->setText(footer.join(QLatin1Char(' ')));
}

void CompareView::rebuildCards()
{
    while (QLayoutItem* item = m_cardsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const cost::Comparison& c = m_model->comparison();
    const std::string cheapest = cost::cheapestOption(c);
    for (const char* name : {"gke-standard", "gke-autopilot", "eks"}) {
        const cost::Option* o = c.option(name);
        if (!o)
            continue;
        auto* card = new QFrame;
        const bool best = cheapest == name;
        card->setObjectName(QStringLiteral("card"));
        card->setStyleSheet(best ? QStringLiteral("QFrame#card { background: white; border: 2px solid #16a34a; border-radius: 8px; }")
                                 : QStringLiteral("QFrame#card { background: white; border: 1px solid #d1d5db; border-radius: 8px; }"));
        auto* v = new QVBoxLayout(card);
        v->setContentsMargins(14, 10, 14, 10);
        v->setSpacing(2);
        auto* head = new QHBoxLayout;
        auto* title = new QLabel(optionTitle(name));
        QFont f = title->font();
        f.setBold(true);
        title->setFont(f);
        title->setStyleSheet(QStringLiteral("color: #374151; border: none;"));
        head->addWidget(title);
        head->addStretch(1);
        if (best) {
            auto* badge = new QLabel(tr("Cheapest"));
            badge->setStyleSheet(QStringLiteral("color: white; background: #16a34a; border-radius: 4px; padding: 1px 6px; border: none;"));
            head->addWidget(badge);
        }
        v->addLayout(head);
        auto* figure = new QLabel(tr("%1 / month").arg(money(o->monthly, 0)));
        QFont big = figure->font();
        big.setPointSizeF(big.pointSizeF() * 1.6);
        big.setBold(true);
        figure->setFont(big);
        figure->setStyleSheet(QStringLiteral("color: #111827; border: none;"));
        v->addWidget(figure);
        auto* detail = new QLabel(tr("%1 / hour · used %2 · waste %3 · fees %4")
                                      .arg(money(o->hourly), money(o->computeMonthly, 0), money(o->wasteMonthly, 0),
                                           money(o->fees.monthly, 0)));
        detail->setStyleSheet(QStringLiteral("color: #4b5563; border: none;"));
        // Wrapped: three cards share the width between the docks.
        detail->setWordWrap(true);
        v->addWidget(detail);
        const QString caveat = caveatText(*o);
        auto* warn = new QLabel(caveat.isEmpty() ? tr("every Pod placed, every price known") : QStringLiteral("⚠ ") + caveat);
        warn->setStyleSheet(caveat.isEmpty() ? QStringLiteral("color: #15803d; border: none;")
                                             : QStringLiteral("color: #b45309; border: none;"));
        warn->setWordWrap(true);
        v->addWidget(warn);
        m_cardsLayout->addWidget(card, 1);
    }
}

namespace {

// The comparison in a strip of a page (a report section): the option figures, then both charts.
void renderCompact(QPainter* painter, const QRectF& rect, const cost::Comparison& c)
{
    painter->save();
    QFont body = painter->font();
    body.setPixelSize(int(std::clamp(rect.height() / 19.0, 8.0, 11.0)));
    body.setBold(false);
    QFont bold = body;
    bold.setBold(true);
    const double line = body.pixelSize() * 1.45;
    const double textWidth = rect.width() * 0.3;
    double y = rect.top();
    const std::string cheapest = cost::cheapestOption(c);
    for (const char* name : {"gke-standard", "gke-autopilot", "eks"}) {
        const cost::Option* o = c.option(name);
        if (!o)
            continue;
        painter->setFont(bold);
        painter->setPen(cheapest == name ? QColor(0x15, 0x80, 0x3d) : QColor(0x11, 0x18, 0x27));
        painter->drawText(QRectF(rect.left(), y, textWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                          QStringLiteral("%1: %2/mo").arg(optionTitle(name), money(o->monthly, 0)));
        y += line;
        painter->setFont(body);
        painter->setPen(QColor(0x4b, 0x55, 0x63));
        QString detail = CompareView::tr("used %1 · waste %2 · fees %3")
                             .arg(money(o->computeMonthly, 0), money(o->wasteMonthly, 0), money(o->fees.monthly, 0));
        painter->drawText(QRectF(rect.left(), y, textWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                          painter->fontMetrics().elidedText(detail, Qt::ElideRight, int(textWidth)));
        y += line;
        const QString caveat = caveatText(*o);
        if (!caveat.isEmpty()) {
            painter->setPen(QColor(0xb4, 0x53, 0x09));
            painter->drawText(QRectF(rect.left(), y, textWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                              painter->fontMetrics().elidedText(QStringLiteral("⚠ ") + caveat, Qt::ElideRight, int(textWidth)));
            y += line;
        }
        y += line * 0.3;
    }
    const double gap = rect.width() * 0.015;
    const double chartsLeft = rect.left() + textWidth + gap;
    const double chartWidth = (rect.right() - chartsLeft - gap) / 2;
    // Laid out at a readable size, then scaled into the strip with its aspect kept.
    const double scale = std::min({1.0, rect.height() / 380.0, chartWidth / 330.0});
    const QSize logical(int(chartWidth / scale), int(rect.height() / scale));
    Chart bars;
    showCostBars(bars, c);
    bars.setTitle(CompareView::tr("Cost per month"));
    bars.render(painter, QRectF(chartsLeft, rect.top(), chartWidth, rect.height()), logical);
    LineChart breakEven;
    showBreakEven(breakEven, c);
    breakEven.setTitle(CompareView::tr("Break-even utilisation"));
    breakEven.render(painter, QRectF(chartsLeft + chartWidth + gap, rect.top(), chartWidth, rect.height()), logical);
    painter->restore();
}

} // namespace

void renderComparison(QPainter* painter, const QRectF& rect, const cost::Comparison& c)
{
    if (rect.height() < 420) {
        renderCompact(painter, rect, c);
        return;
    }
    painter->save();
    // Sizes follow the narrower of the page's two proportions, so that text fits its columns.
    const double unit = std::min(rect.height() / 100.0, rect.width() / 72.0);
    QFont title = painter->font();
    title.setPixelSize(int(std::max(10.0, unit * 2.6)));
    title.setBold(true);
    QFont body = painter->font();
    body.setPixelSize(int(std::max(7.0, unit * 1.15)));
    QFont bold = body;
    bold.setBold(true);

    double y = rect.top();
    painter->setPen(QColor(0x11, 0x18, 0x27));
    painter->setFont(title);
    painter->drawText(QRectF(rect.left(), y, rect.width(), unit * 5), Qt::AlignLeft | Qt::AlignVCenter,
                      CompareView::tr("Same workloads, three price tags"));
    y += unit * 5;
    painter->setFont(body);
    painter->setPen(QColor(0x4b, 0x55, 0x63));
    painter->drawText(QRectF(rect.left(), y, rect.width(), unit * 3), Qt::AlignLeft | Qt::AlignVCenter, subtitleText(c));
    y += unit * 4;

    // The option figures in one line each.
    const std::string cheapest = cost::cheapestOption(c);
    for (const char* name : {"gke-standard", "gke-autopilot", "eks"}) {
        const cost::Option* o = c.option(name);
        if (!o)
            continue;
        painter->setFont(bold);
        painter->setPen(cheapest == name ? QColor(0x15, 0x80, 0x3d) : QColor(0x11, 0x18, 0x27));
        QString line = QStringLiteral("%1: %2 / month").arg(optionTitle(name), money(o->monthly, 0));
        if (cheapest == name)
            line += QStringLiteral(" — ") + CompareView::tr("cheapest");
        painter->drawText(QRectF(rect.left(), y, rect.width() * 0.4, unit * 2.6), Qt::AlignLeft | Qt::AlignVCenter, line);
        painter->setFont(body);
        painter->setPen(QColor(0x4b, 0x55, 0x63));
        QString detail = CompareView::tr("used %1 · waste %2 · fees %3").arg(money(o->computeMonthly, 0), money(o->wasteMonthly, 0),
                                                                            money(o->fees.monthly, 0));
        const QString caveat = caveatText(*o);
        if (!caveat.isEmpty())
            detail += QStringLiteral(" · ⚠ ") + caveat;
        painter->drawText(QRectF(rect.left() + rect.width() * 0.4, y, rect.width() * 0.6, unit * 2.6),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          painter->fontMetrics().elidedText(detail, Qt::ElideRight, int(rect.width() * 0.6)));
        y += unit * 2.8;
    }
    y += unit;

    // The charts side by side.
    const double chartHeight = std::min(unit * 36, (rect.bottom() - y) * 0.55);
    const double gap = rect.width() * 0.03;
    const double chartWidth = (rect.width() - gap) / 2;
    Chart bars;
    showCostBars(bars, c);
    bars.render(painter, QRectF(rect.left(), y, chartWidth, chartHeight), QSize(560, 360));
    LineChart breakEven;
    showBreakEven(breakEven, c);
    breakEven.render(painter, QRectF(rect.left() + chartWidth + gap, y, chartWidth, chartHeight), QSize(560, 360));
    y += chartHeight + unit * 2;

    // The per-workload table, as many rows as fit.
    painter->setFont(body);
    painter->setPen(QColor(0x4b, 0x55, 0x63));
    painter->drawText(QRectF(rect.left(), y, rect.width(), unit * 2.4), Qt::AlignLeft | Qt::AlignVCenter,
                      CompareView::tr("Per workload, USD per month; the cheapest complete figure of each row highlighted; * premium not included: unknown"));
    y += unit * 2.6;
    CompareTableModel model;
    model.setComparison(c);
    const std::vector<double> widths = {0.19, 0.09, 0.13, 0.13, 0.13, 0.33};
    const double rowHeight = unit * 2.2;
    auto drawRow = [&](const QStringList& cells, bool header, double top, const std::vector<bool>& emphasis) {
        double x = rect.left();
        for (int i = 0; i < cells.size(); ++i) {
            const double w = rect.width() * widths[size_t(i)];
            const bool money = i >= 2 && i <= 4;
            QFont f = header || (size_t(i) < emphasis.size() && emphasis[size_t(i)]) ? bold : body;
            painter->setFont(f);
            painter->setPen(header ? QColor(0x37, 0x41, 0x51) : QColor(0x11, 0x18, 0x27));
            if (!header && size_t(i) < emphasis.size() && emphasis[size_t(i)])
                painter->fillRect(QRectF(x, top, w, rowHeight), QColor(0xe3, 0xf4, 0xe8));
            painter->drawText(QRectF(x + unit * 0.5, top, w - unit, rowHeight),
                              (money ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                              painter->fontMetrics().elidedText(cells[i], Qt::ElideRight, int(w - unit)));
            x += w;
        }
        painter->setPen(QPen(QColor(0xe5, 0xe7, 0xeb), 0));
        painter->drawLine(QPointF(rect.left(), top + rowHeight), QPointF(rect.right(), top + rowHeight));
    };
    QStringList header;
    for (int col = 0; col < CompareTableModel::ColumnCount; ++col) {
        const cost::Option* o = model.option(col);
        header << (o ? optionTitle(o->name) : model.headerData(col, Qt::Horizontal).toString());
    }
    drawRow(header, true, y, {});
    y += rowHeight;
    for (int row = 0; row < model.rowCount() && y + rowHeight <= rect.bottom(); ++row) {
        QStringList cells;
        std::vector<bool> emphasis;
        for (int col = 0; col < CompareTableModel::ColumnCount; ++col) {
            const QModelIndex idx = model.index(row, col);
            cells << model.data(idx).toString();
            emphasis.push_back(model.data(idx, CompareTableModel::CheapestRole).toBool());
        }
        drawRow(cells, false, y, emphasis);
        y += rowHeight;
    }
    painter->restore();
}

} // namespace cw::widgets
