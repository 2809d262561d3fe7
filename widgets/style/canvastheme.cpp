// SPDX-License-Identifier: GPL-3.0-or-later
#include "canvastheme.h"

#include "workloadpalette.h"

namespace cw::widgets {

CanvasTheme CanvasTheme::fromPalette(const QPalette& p)
{
    CanvasTheme t;
    t.dark = WorkloadPalette::isDark(p);
    if (t.dark) {
        t.background = QColor(0x1e, 0x20, 0x24);
        t.frame = QColor(0x27, 0x2a, 0x30);
        t.frameBorder = QColor(0x45, 0x4a, 0x54);
        t.card = QColor(0x31, 0x35, 0x3c);
        t.cardBorder = QColor(0x50, 0x56, 0x62);
        t.text = QColor(0xe6, 0xe8, 0xeb);
        t.mutedText = QColor(0xa2, 0xa8, 0xb3);
        t.track = QColor(0x3b, 0x40, 0x48);
        t.overhead = QColor(0x6b, 0x71, 0x7c);
        t.stranded = QColor(0xe0, 0x8a, 0x4a);
        t.fits = QColor(0x4c, 0xc3, 0x6b);
        t.refuses = QColor(0xf0, 0x5f, 0x5f);
        t.selection = p.color(QPalette::Highlight).lighter(130);
        t.warning = QColor(0xf2, 0xc1, 0x4e);
    } else {
        t.background = QColor(0xf4, 0xf5, 0xf7);
        t.frame = QColor(0xff, 0xff, 0xff);
        t.frameBorder = QColor(0xc9, 0xce, 0xd6);
        t.card = QColor(0xfa, 0xfb, 0xfc);
        t.cardBorder = QColor(0xb8, 0xbf, 0xc9);
        t.text = QColor(0x1f, 0x23, 0x28);
        t.mutedText = QColor(0x5f, 0x67, 0x73);
        t.track = QColor(0xe6, 0xe9, 0xee);
        t.overhead = QColor(0x9a, 0xa1, 0xab);
        t.stranded = QColor(0xd0, 0x6a, 0x1f);
        t.fits = QColor(0x1f, 0x9d, 0x4a);
        t.refuses = QColor(0xd1, 0x34, 0x38);
        t.selection = p.color(QPalette::Highlight);
        t.warning = QColor(0xb7, 0x79, 0x00);
    }
    return t;
}

QBrush CanvasTheme::hatch(const QColor& color, Qt::BrushStyle style)
{
    QBrush b(color, style);
    return b;
}

} // namespace cw::widgets
