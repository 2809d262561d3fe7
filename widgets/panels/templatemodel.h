// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>

namespace cw::widgets {

// The palette of workload templates. Each row drags a template id onto a canvas, where it
// becomes a workload pinned to the pool it is dropped on.
class TemplateModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles { TemplateIdRole = Qt::UserRole + 1 };

    explicit TemplateModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;
};

} // namespace cw::widgets
