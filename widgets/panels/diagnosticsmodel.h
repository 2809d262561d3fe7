// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diag/diagnostic.h"
#include "document/objectref.h"

#include <QAbstractTableModel>

namespace cw::document {
class PlanDocument;
}

namespace cw::widgets {

// The document's diagnostics as a table: severity, code, location and the message in the
// user's language (the planner's message table, translated, with its arguments filled in).
class DiagnosticsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, CodeColumn, LocationColumn, MessageColumn, ColumnCount };

    explicit DiagnosticsModel(QObject* parent = nullptr);

    void setDocument(const document::PlanDocument* document);
    const diag::Diagnostic* diagnosticAt(const QModelIndex& index) const;
    // The plan object a row is about (None when it names none).
    document::ObjectRef objectAt(const QModelIndex& index) const;

    int errorCount() const;
    int warningCount() const;

    // A diagnostic's message in the current language.
    static QString translatedMessage(const diag::Diagnostic& d);
    // A message of the planner's table by code and arguments; fallback (English) when the
    // code is empty or unknown.
    static QString translatedMessage(const std::string& code, const std::vector<std::string>& args,
                                     const std::string& fallback);
    static QString severityText(diag::Severity s);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reload();

    const document::PlanDocument* m_document = nullptr;
    std::vector<diag::Diagnostic> m_items;
};

} // namespace cw::widgets
