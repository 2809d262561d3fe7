// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QBrush>
#include <QColor>
#include <QPalette>

namespace cw::widgets {

// The colours and brushes of the canvas and the charts, derived from the application
// palette so that light and dark themes both read well.
struct CanvasTheme {
    bool dark = false;
    QColor background;     // the scene
    QColor frame;          // pool frame fill
    QColor frameBorder;
    QColor card;           // node card fill
    QColor cardBorder;
    QColor text;
    QColor mutedText;
    QColor track;          // empty part of a bar
    QColor overhead;       // system reserve and DaemonSets
    QColor stranded;       // paid, unused capacity (hatched)
    QColor fits;           // drop feedback
    QColor refuses;
    QColor selection;
    QColor warning;

    static CanvasTheme fromPalette(const QPalette& palette);
    // Diagonal hatching in color over a transparent background, for stranded capacity.
    static QBrush hatch(const QColor& color, Qt::BrushStyle style = Qt::BDiagPattern);
};

} // namespace cw::widgets
