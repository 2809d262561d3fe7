// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageexport.h"

#include "canvas/planscene.h"
#include "charts/chart.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace cw::widgets {

ImageFormat imageFormatFor(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg"))
        return ImageFormat::Svg;
    if (suffix == QLatin1String("pdf"))
        return ImageFormat::Pdf;
    return ImageFormat::Png;
}

void paintFitted(const Renderable& r, QPainter& painter, const QRectF& target)
{
    if (r.size.isEmpty() || target.isEmpty())
        return;
    const qreal scale = std::min(target.width() / r.size.width(), target.height() / r.size.height());
    const QSizeF size = r.size * scale;
    const QRectF fitted(target.left() + (target.width() - size.width()) / 2, target.top(), size.width(), size.height());
    painter.save();
    painter.setClipRect(target);
    if (r.background.isValid())
        painter.fillRect(fitted, r.background);
    r.paint(painter, fitted);
    painter.restore();
}

QImage renderImage(const Renderable& r, qreal dpr)
{
    QImage image((r.size * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(r.background.isValid() ? r.background : QColor(Qt::white));
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    r.paint(painter, QRectF(QPointF(0, 0), r.size));
    return image;
}

bool exportRenderable(const Renderable& r, const QString& path, QString* error, qreal pngScale)
{
    auto fail = [&](const QString& why) {
        if (error)
            *error = QCoreApplication::translate("ImageExport", "Could not write %1: %2").arg(path, why);
        return false;
    };
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    switch (imageFormatFor(path)) {
    case ImageFormat::Png: {
        const QImage image = renderImage(r, pngScale);
        if (!image.save(&buffer, "PNG"))
            return fail(QCoreApplication::translate("ImageExport", "the image could not be encoded"));
        break;
    }
    case ImageFormat::Svg: {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(r.size.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), r.size));
        svg.setTitle(r.title);
        svg.setDescription(QCoreApplication::translate("ImageExport", "Exported from Clusterwright"));
        QPainter painter(&svg);
        if (r.background.isValid())
            painter.fillRect(QRectF(QPointF(0, 0), r.size), r.background);
        r.paint(painter, QRectF(QPointF(0, 0), r.size));
        break;
    }
    case ImageFormat::Pdf: {
        QPdfWriter pdf(&buffer);
        pdf.setTitle(r.title);
        pdf.setCreator(QStringLiteral("Clusterwright"));
        // One page of the renderable's size (logical pixels at 96 dpi, in points).
        pdf.setPageSize(QPageSize(r.size * 72.0 / 96.0, QPageSize::Point, r.title, QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(300);
        QPainter painter(&pdf);
        const qreal scale = painter.device()->width() / r.size.width();
        painter.scale(scale, scale);
        if (r.background.isValid())
            painter.fillRect(QRectF(QPointF(0, 0), r.size), r.background);
        r.paint(painter, QRectF(QPointF(0, 0), r.size));
        break;
    }
    }
    buffer.close();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    if (file.write(buffer.data()) != buffer.data().size())
        return fail(file.errorString());
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

Renderable sceneRenderable(PlanScene* scene, const QString& title)
{
    Renderable r;
    r.title = title;
    r.size = scene->sceneRect().size();
    r.background = scene->theme().background;
    r.paint = [scene](QPainter& painter, const QRectF& target) {
        const bool forced = scene->isDetailForced();
        scene->setDetailForced(true);
        scene->render(&painter, target, scene->sceneRect(), Qt::KeepAspectRatio);
        scene->setDetailForced(forced);
    };
    return r;
}

Renderable chartRenderable(const Chart* chart, QSizeF logicalSize)
{
    Renderable r;
    r.title = chart->title();
    r.size = logicalSize;
    r.paint = [chart, logicalSize](QPainter& painter, const QRectF& target) { chart->render(&painter, target, logicalSize.toSize()); };
    return r;
}

} // namespace cw::widgets
