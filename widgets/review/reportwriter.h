// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imageexport.h"

#include <QImage>
#include <QString>

#include <vector>

namespace cw::document {
class PlanDocument;
}

namespace cw::widgets {

// A view that asks for a place in the report (the torus view, the provider comparison).
struct ReportSection {
    QString title;
    std::function<void(QPainter& painter, const QRectF& target)> paint;
    qreal weight = 1; // its share of the width beside the other sections
};

// The one-page design-review report of a plan: summary per cluster, the canvas of every
// cluster, the cost charts, the diagnostics and the assumptions behind the numbers (hours per
// month, the catalog's price date and sources, the prices that are not verified). A4
// landscape; as PDF (vector) or as an image.
class ReportWriter
{
public:
    static constexpr qreal kPageWidth = 1123;  // A4 landscape at 96 dpi
    static constexpr qreal kPageHeight = 794;

    explicit ReportWriter(document::PlanDocument* document);
    ~ReportWriter();

    void addSection(ReportSection section);

    // Draws the page into target (scaled from kPageWidth × kPageHeight).
    void paint(QPainter& painter, const QRectF& target);
    Renderable renderable();
    bool writePdf(const QString& path, QString* error);
    QImage renderImage(qreal devicePixelRatio = 1.5);

private:
    void paintPage(QPainter& painter);

    document::PlanDocument* m_document;
    std::vector<ReportSection> m_sections;
};

} // namespace cw::widgets
