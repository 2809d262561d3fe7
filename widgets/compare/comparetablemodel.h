// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cost/compare.h"

#include <QAbstractTableModel>

#include <vector>

namespace cw::widgets {

// The per-workload costs of a comparison as a table: one row per workload, one column
// per on-demand option ($ per month), the cheapest option of each row marked.
class CompareTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { WorkloadColumn, KindColumn, GkeStandardColumn, GkeAutopilotColumn, EksColumn, NotesColumn, ColumnCount };
    enum Role {
        MonthlyRole = Qt::UserRole + 1, // double: USD per month, or an invalid QVariant
        CheapestRole,                   // bool: the cheapest option of the row
    };

    explicit CompareTableModel(QObject* parent = nullptr);

    void setComparison(const cost::Comparison& comparison);
    const cost::Comparison& comparison() const { return m_comparison; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The option a column shows, or nullptr.
    const cost::Option* option(int column) const;
    // The notes of a row in words: substitutes, refusals, unknown premiums, unplaced Pods.
    QString notes(int row) const;

private:
    const cost::WorkloadCost* cost(int row, int column) const;
    int cheapestColumn(int row) const;

    cost::Comparison m_comparison;
    std::vector<std::string> m_rows; // workload names in plan order
};

} // namespace cw::widgets
