// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QSizeF>
#include <QString>

#include <functional>

class QGraphicsScene;
class QImage;
class QPainter;
class QRectF;

namespace cw::widgets {

class Chart;
class PlanScene;

// Something that can be drawn into a rectangle: a canvas, a chart, the torus view, a report
// page. size is its natural size in logical pixels.
struct Renderable {
    QString title;
    QSizeF size;
    QColor background;
    std::function<void(QPainter& painter, const QRectF& target)> paint;
};

enum class ImageFormat { Png, Svg, Pdf };

// From the file's suffix (.png, .svg, .pdf); PNG when there is none.
ImageFormat imageFormatFor(const QString& path);

// Writes the renderable to path as PNG (at scale × its size), SVG or PDF (vector, one page of
// its size). The file is written atomically; on failure the old file is left as it was and
// error names the file and the reason.
bool exportRenderable(const Renderable& renderable, const QString& path, QString* error, qreal pngScale = 2.0);
// Draws the renderable into target, as large as fits with its proportions, centred.
void paintFitted(const Renderable& renderable, QPainter& painter, const QRectF& target);
// The renderable as an image at a device pixel ratio.
QImage renderImage(const Renderable& renderable, qreal devicePixelRatio);

// A whole canvas, drawn in full detail.
Renderable sceneRenderable(PlanScene* scene, const QString& title);
// A chart, laid out at logicalSize.
Renderable chartRenderable(const Chart* chart, QSizeF logicalSize = QSizeF(640, 400));

} // namespace cw::widgets
