// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparetablemodel.h"

#include "compareformat.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

namespace cw::widgets {

CompareTableModel::CompareTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CompareTableModel::setComparison(const cost::Comparison& comparison)
{
    beginResetModel();
    m_comparison = comparison;
    m_rows.clear();
    if (const cost::Option* o = m_comparison.options.empty() ? nullptr : &m_comparison.options.front()) {
        for (const auto& w : o->workloads)
            m_rows.push_back(w.workload);
    }
    endResetModel();
}

int CompareTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CompareTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const cost::Option* CompareTableModel::option(int column) const
{
    switch (column) {
    case GkeStandardColumn: return m_comparison.option("gke-standard");
    case GkeAutopilotColumn: return m_comparison.option("gke-autopilot");
    case EksColumn: return m_comparison.option("eks");
    default: return nullptr;
    }
}

const cost::WorkloadCost* CompareTableModel::cost(int row, int column) const
{
    const cost::Option* o = option(column);
    if (!o || row < 0 || size_t(row) >= m_rows.size())
        return nullptr;
    return o->workload(m_rows[size_t(row)]);
}

int CompareTableModel::cheapestColumn(int row) const
{
    int best = -1;
    double bestValue = 0;
    for (int c = GkeStandardColumn; c <= EksColumn; ++c) {
        const cost::WorkloadCost* w = cost(row, c);
        if (!w || w->unplaced > 0 || !w->priceKnown || w->premiumUnknown || w->monthly <= 0)
            continue;
        if (best < 0 || w->monthly < bestValue - 1e-9) {
            best = c;
            bestValue = w->monthly;
        }
    }
    // A figure without its unknown premium is a lower bound: when it is below the best
    // complete figure, which is cheaper is not known.
    for (int c = GkeStandardColumn; c <= EksColumn; ++c) {
        const cost::WorkloadCost* w = cost(row, c);
        if (best >= 0 && w && w->premiumUnknown && w->unplaced == 0 && w->monthly < bestValue - 1e-9)
            return -1;
    }
    return best;
}

QString CompareTableModel::notes(int row) const
{
    QStringList parts;
    const cost::WorkloadCost* a = cost(row, GkeAutopilotColumn);
    const cost::WorkloadCost* e = cost(row, EksColumn);
    const cost::WorkloadCost* s = cost(row, GkeStandardColumn);
    if (a && a->billing == cost::toString(cost::AutopilotBilling::Refused))
        parts << tr("Autopilot refuses it: needs Standard");
    if (a && a->premiumUnknown)
        parts << tr("Autopilot premium not included: unknown");
    for (const auto* w : {s, e}) {
        if (w && w->match == cost::MatchKind::Substitute)
            parts << (w == e ? tr("EKS: substitute accelerator") : tr("GKE: substitute accelerator"));
        else if (w && w->match == cost::MatchKind::Equivalent)
            parts << tr("EKS: equivalent family");
    }
    for (const auto* w : {s, a, e}) {
        if (w && w->unplaced > 0) {
            const QString name = w == s ? tr("GKE Standard") : w == a ? tr("Autopilot") : tr("EKS");
            parts << tr("%1: %n Pod(s) not placed", nullptr, w->unplaced).arg(name);
        }
    }
    return parts.join(QStringLiteral(" · "));
}

QVariant CompareTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const int row = index.row();
    const int col = index.column();
    const std::string& name = m_rows[size_t(row)];
    const cost::WorkloadCost* any = nullptr;
    if (!m_comparison.options.empty())
        any = m_comparison.options.front().workload(name);
    const cost::WorkloadCost* w = cost(row, col);

    switch (role) {
    case Qt::DisplayRole:
        if (col == WorkloadColumn)
            return QString::fromStdString(name);
        if (col == KindColumn)
            return any ? kindText(any->kind) : QString();
        if (col == NotesColumn)
            return notes(row);
        if (!w)
            return QString();
        {
            if (w->unplaced > 0 && w->unplaced >= w->replicas)
                return tr("not placed");
            QString text = money(w->monthly, 0);
            if (w->premiumUnknown)
                text += QStringLiteral(" *");
            if (w->unplaced > 0)
                text = tr("%1 (incomplete)").arg(text);
            return text;
        }
    case Qt::ToolTipRole:
        if (w) {
            QString tip = tr("%1 per hour, %2 per month (%3 hours)")
                              .arg(money(w->hourly, 4), money(w->monthly))
                              .arg(w->hoursPerMonth);
            if (!w->placement.empty())
                tip += QLatin1Char('\n') + QString::fromStdString(w->placement);
            if (w->idleHourly > 1e-9)
                tip += QLatin1Char('\n') + tr("of which %1 per month pays for capacity it does not use")
                                               .arg(money(w->monthly * w->idleHourly / std::max(w->hourly, 1e-12)));
            if (w->premiumUnknown)
                tip += QLatin1Char('\n') + tr("* premium not included: unknown");
            for (const auto& n : w->notes) {
                if (n.severity != diag::Severity::Info || n.code == "CW611" || n.code == "CW618")
                    tip += QLatin1Char('\n') + diagnosticText(n);
            }
            return tip;
        }
        if (col == NotesColumn)
            return notes(row);
        return {};
    case Qt::TextAlignmentRole:
        if (col >= GkeStandardColumn && col <= EksColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (col >= GkeStandardColumn && col <= EksColumn && cheapestColumn(row) == col) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::BackgroundRole:
        if (col >= GkeStandardColumn && col <= EksColumn && cheapestColumn(row) == col)
            return QBrush(QColor(0xe3, 0xf4, 0xe8));
        return {};
    case Qt::ForegroundRole:
        if (w && (w->unplaced > 0 || !w->priceKnown))
            return QBrush(QColor(0xb4, 0x53, 0x09));
        if (col == NotesColumn || col == KindColumn)
            return QBrush(QColor(0x55, 0x5b, 0x66));
        return {};
    case MonthlyRole:
        if (w)
            return w->monthly;
        return {};
    case CheapestRole:
        if (col >= GkeStandardColumn && col <= EksColumn)
            return cheapestColumn(row) == col;
        return {};
    default:
        return {};
    }
}

QVariant CompareTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WorkloadColumn: return tr("Workload");
    case KindColumn: return tr("Class");
    case GkeStandardColumn: return tr("GKE Standard");
    case GkeAutopilotColumn: return tr("GKE Autopilot");
    case EksColumn: return tr("EKS");
    case NotesColumn: return tr("Notes");
    default: return {};
    }
}

} // namespace cw::widgets
