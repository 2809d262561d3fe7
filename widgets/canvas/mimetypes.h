// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <string>

class QMimeData;

namespace cw::widgets {

// Private MIME types of drags inside Clusterwright: the payload is an id (UTF-8), never data.
inline QString workloadMimeType() { return QStringLiteral("application/x-clusterwright-workload"); }
inline QString templateMimeType() { return QStringLiteral("application/x-clusterwright-template"); }

// What a drag carries.
struct DragPayload {
    enum class Kind { None, Workload, Template };
    Kind kind = Kind::None;
    std::string id; // workload name or template id

    bool isValid() const { return kind != Kind::None && !id.empty(); }
    static DragPayload from(const QMimeData& mime);
    QMimeData* toMimeData() const; // caller owns
};

} // namespace cw::widgets
