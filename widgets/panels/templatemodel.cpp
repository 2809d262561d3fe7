// SPDX-License-Identifier: GPL-3.0-or-later
#include "templatemodel.h"

#include "canvas/mimetypes.h"
#include "document/templatelibrary.h"
#include "io/summary.h"
#include "model/quantity.h"
#include "style/workloadpalette.h"

#include <QApplication>
#include <QIcon>
#include <QMimeData>
#include <QPainter>
#include <QPixmap>

namespace cw::widgets {

namespace {

// A small glyph per kind of template: the accelerator it needs, in a coloured square.
QIcon iconFor(const document::WorkloadTemplate& t, int index)
{
    QString glyph = QStringLiteral("CPU");
    if (t.workload.resources.tpu)
        glyph = QStringLiteral("TPU");
    else if (t.workload.resources.gpu && !t.workload.resources.gpu->partition.empty())
        glyph = QStringLiteral("MIG");
    else if (t.workload.resources.gpu)
        glyph = QStringLiteral("GPU");
    QIcon icon;
    for (const qreal dpr : {1.0, 2.0}) {
        QPixmap pix(QSize(32, 32) * dpr);
        pix.setDevicePixelRatio(dpr);
        pix.fill(Qt::transparent);
        QPainter p(&pix);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(WorkloadPalette::colorAt(index * 2 + 1, WorkloadPalette::isDark(QApplication::palette())));
        p.drawRoundedRect(QRectF(1, 1, 30, 30), 6, 6);
        QFont f = QApplication::font();
        f.setPixelSize(10);
        f.setBold(true);
        p.setFont(f);
        p.setPen(Qt::white);
        p.drawText(QRectF(0, 0, 32, 32), Qt::AlignCenter, glyph);
        icon.addPixmap(pix);
    }
    return icon;
}

} // namespace

TemplateModel::TemplateModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

int TemplateModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(document::workloadTemplates().size());
}

QVariant TemplateModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const document::WorkloadTemplate& t = document::workloadTemplates()[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return t.title();
    case Qt::ToolTipRole: {
        const auto& w = t.workload;
        QString requests = tr("%1 × %2, %3").arg(w.replicas)
                               .arg(QString::fromStdString(model::humanCpu(w.resources.cpuMilli)),
                                    QString::fromStdString(model::humanBytes(w.resources.memoryBytes)));
        const std::string acc = io::acceleratorRequestText(w.resources);
        if (!acc.empty())
            requests += QStringLiteral(", ") + QString::fromStdString(acc);
        return QStringLiteral("<b>%1</b><br>%2<br>%3<br><i>%4</i>")
            .arg(t.title().toHtmlEscaped(), t.description().toHtmlEscaped(), requests.toHtmlEscaped(),
                 tr("Drag onto a node pool on the canvas.").toHtmlEscaped());
    }
    case Qt::AccessibleDescriptionRole:
        return t.description();
    case Qt::DecorationRole:
        return iconFor(t, index.row());
    case TemplateIdRole:
        return QString::fromStdString(t.id);
    default:
        return {};
    }
}

Qt::ItemFlags TemplateModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

QStringList TemplateModel::mimeTypes() const
{
    return {templateMimeType()};
}

Qt::DropActions TemplateModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

QMimeData* TemplateModel::mimeData(const QModelIndexList& indexes) const
{
    for (const QModelIndex& i : indexes) {
        if (i.isValid() && i.row() < rowCount())
            return DragPayload{DragPayload::Kind::Template, document::workloadTemplates()[size_t(i.row())].id}.toMimeData();
    }
    return nullptr;
}

} // namespace cw::widgets
