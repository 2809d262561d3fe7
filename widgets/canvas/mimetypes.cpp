// SPDX-License-Identifier: GPL-3.0-or-later
#include "mimetypes.h"

#include <QMimeData>

namespace cw::widgets {

DragPayload DragPayload::from(const QMimeData& mime)
{
    DragPayload p;
    if (mime.hasFormat(workloadMimeType())) {
        p.kind = Kind::Workload;
        p.id = mime.data(workloadMimeType()).toStdString();
    } else if (mime.hasFormat(templateMimeType())) {
        p.kind = Kind::Template;
        p.id = mime.data(templateMimeType()).toStdString();
    }
    if (p.id.empty())
        p.kind = Kind::None;
    return p;
}

QMimeData* DragPayload::toMimeData() const
{
    auto* mime = new QMimeData;
    if (kind == Kind::Workload)
        mime->setData(workloadMimeType(), QByteArray::fromStdString(id));
    else if (kind == Kind::Template)
        mime->setData(templateMimeType(), QByteArray::fromStdString(id));
    return mime;
}

} // namespace cw::widgets
