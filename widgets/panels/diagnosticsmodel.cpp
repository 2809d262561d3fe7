// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosticsmodel.h"

#include "i18n/translations.h"

#include "document/plandocument.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QIcon>
#include <QStyle>

namespace cw::widgets {

DiagnosticsModel::DiagnosticsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void DiagnosticsModel::setDocument(const document::PlanDocument* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &document::PlanDocument::diagnosticsChanged, this, &DiagnosticsModel::reload);
        connect(m_document, &QObject::destroyed, this, [this] {
            m_document = nullptr;
            reload();
        });
    }
    reload();
}

void DiagnosticsModel::reload()
{
    std::vector<diag::Diagnostic> items;
    if (m_document)
        items = m_document->diagnostics().items();
    // Errors first, then warnings, then notes; each group in file order.
    std::stable_sort(items.begin(), items.end(), [](const diag::Diagnostic& a, const diag::Diagnostic& b) {
        return int(a.severity) < int(b.severity);
    });
    const bool sameCount = items.size() == m_items.size();
    if (sameCount) {
        m_items = std::move(items);
        if (!m_items.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

const diag::Diagnostic* DiagnosticsModel::diagnosticAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.row() >= int(m_items.size()))
        return nullptr;
    return &m_items[size_t(index.row())];
}

document::ObjectRef DiagnosticsModel::objectAt(const QModelIndex& index) const
{
    const diag::Diagnostic* d = diagnosticAt(index);
    if (!d || !m_document)
        return {};
    return document::ObjectRef::fromDiagnosticObject(m_document->plan(), d->object);
}

int DiagnosticsModel::errorCount() const
{
    return int(std::count_if(m_items.begin(), m_items.end(), [](const auto& d) { return d.severity == diag::Severity::Error; }));
}

int DiagnosticsModel::warningCount() const
{
    return int(std::count_if(m_items.begin(), m_items.end(), [](const auto& d) { return d.severity == diag::Severity::Warning; }));
}

QString DiagnosticsModel::translatedMessage(const std::string& code, const std::vector<std::string>& args,
                                           const std::string& fallback)
{
    if (code.empty() || diag::messageTemplate(code).empty())
        return QString::fromStdString(fallback);
    diag::Diagnostic d;
    d.code = code;
    d.args = args;
    return translatedMessage(d);
}

QString DiagnosticsModel::translatedMessage(const diag::Diagnostic& d)
{
    return i18n::diagnosticMessage(d);
}

QString DiagnosticsModel::severityText(diag::Severity s)
{
    switch (s) {
    case diag::Severity::Error: return tr("error");
    case diag::Severity::Warning: return tr("warning");
    case diag::Severity::Info: return tr("note");
    }
    return {};
}

int DiagnosticsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int DiagnosticsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case CodeColumn: return tr("Code");
    case LocationColumn: return tr("Location");
    case MessageColumn: return tr("Message");
    default: return {};
    }
}

QVariant DiagnosticsModel::data(const QModelIndex& index, int role) const
{
    const diag::Diagnostic* d = diagnosticAt(index);
    if (!d || index.column() >= ColumnCount)
        return {};
    if (role == Qt::DecorationRole && index.column() == SeverityColumn) {
        QStyle* style = QApplication::style();
        switch (d->severity) {
        case diag::Severity::Error: return style->standardIcon(QStyle::SP_MessageBoxCritical);
        case diag::Severity::Warning: return style->standardIcon(QStyle::SP_MessageBoxWarning);
        case diag::Severity::Info: return style->standardIcon(QStyle::SP_MessageBoxInformation);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == MessageColumn)
        return QString::fromStdString(d->format());
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case SeverityColumn: return severityText(d->severity);
    case CodeColumn: return QString::fromStdString(d->code);
    case LocationColumn: {
        if (!d->where.isKnown())
            return d->where.file.empty() ? QString() : QFileInfo(QString::fromStdString(d->where.file)).fileName();
        return QStringLiteral("%1:%2:%3").arg(QFileInfo(QString::fromStdString(d->where.file)).fileName()).arg(d->where.line).arg(d->where.column);
    }
    case MessageColumn: return translatedMessage(*d);
    default: return {};
    }
}

} // namespace cw::widgets
