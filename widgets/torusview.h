// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "review/imageexport.h"
#include "tpu/tpuplan.h"

#include <QColor>
#include <QPointer>
#include <QWidget>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QMimeData;

namespace cw::document {
class PlanDocument;
}

namespace cw::widgets {

struct TorusColors;

// Every TPU pool of a plan drawn as its torus: v5e/v6e as a 2D grid, v4/v5p/tpu7x as
// unfolded z layers, hosts outlined with their TPU_WORKER_ID, ICI links, wraparound and
// twisted links where the shape has them, and the chips each pinned workload uses filled in
// its colour. Dropping a TPU workload on a slice pins it (one undo step); a picker per pool
// offers the equivalent shapes. The view never writes the plan: it pushes commands.
class TorusView : public QWidget
{
    Q_OBJECT

public:
    explicit TorusView(document::PlanDocument* document, QWidget* parent = nullptr);
    ~TorusView() override;

    // Follows another document (the window opened a plan); null shows nothing.
    void setDocument(document::PlanDocument* document);
    document::PlanDocument* document() const;

    // The drop, without the event: pins the workload named in mime to the pool under pos
    // and returns true, or refuses with the reason (refusal()) and pushes nothing.
    bool dropPayload(const QMimeData& mime, QPointF pos);
    QString refusal() const { return m_refusal; }
    // What the view says when the plan has no TPU pool to draw (EKS-only plans are told that
    // TPUs are a GKE feature).
    QString emptyMessage() const;

    // Where a pool's slice is drawn (empty when the plan has no such TPU pool).
    QRectF poolRect(const QString& cluster, const QString& pool) const;
    // Where a chip of a pool is drawn (node: the node of a single-host pool); empty if none.
    QRectF chipRect(const QString& cluster, const QString& pool, tpu::ChipCoord chip, int node = 0) const;
    // The topology picker of a pool, or null.
    QComboBox* topologyPicker(const QString& cluster, const QString& pool) const;

    // Lays the view out for a width and returns the height it needs.
    int layoutFor(int width);
    QSize sizeHint() const override;

    // Renders the whole view at a device-pixel ratio (2 for crisp screenshots).
    QImage renderImage(int width, qreal devicePixelRatio);

Q_SIGNALS:
    void dropRefused(const QString& reason);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Grid {
        QRectF frame;       // the layer or node, with its label
        QPointF origin;     // top-left of chip (0, 0)
        int z = 0;          // 3D layer
        int node = 0;       // single-host pools: the node (each node is a slice)
    };
    struct Panel {
        std::string cluster;
        std::string pool;
        std::optional<tpu::PoolOccupancy> occ;
        QString problem;     // why the pool has no valid slice
        QRectF frame;
        QRectF diagram;
        QRectF pickerRect;
        double chip = 20;    // chip size
        double pitch = 30;   // distance between chip centres
        double wrapGap = 0;  // room for wraparound stubs around a grid
        std::vector<Grid> grids;
    };
    struct Pill {
        std::string workload;
        QRectF rect;
    };
    struct Hover {
        int panel = -1;
        bool ok = false;
        QString text;
    };

    void rebuild();
    void placePickers();
    int panelAt(QPointF pos) const;
    std::optional<std::string> workloadOf(const QMimeData& mime) const;
    void updateHover(const QMimeData& mime, QPointF pos);
    QString chipToolTip(QPointF pos) const;

    void paintHeader(QPainter& p) const;
    void paintPanel(QPainter& p, const Panel& panel, int index) const;
    void paintGrid(QPainter& p, const Panel& panel, const Grid& g) const;
    QRectF chipRect(const Panel& panel, const Grid& g, int x, int y) const;
    const tpu::PoolUse* useOf(const Panel& panel, int node, int worker) const;
    double legendSwatchWidth(int kind) const;
    QString legendText(int kind) const;

    QPointer<document::PlanDocument> m_document;
    std::vector<Panel> m_panels;
    std::vector<Pill> m_pills;
    std::map<std::string, QPointer<QComboBox>> m_pickers;
    QRectF m_legend;
    std::vector<QRectF> m_legendItems;
    int m_height = 400;
    int m_layoutWidth = 0;
    Hover m_hover;
    QString m_refusal;
    int m_refusedPanel = -1;
    std::shared_ptr<const TorusColors> m_colors;
    std::string m_highlight;     // the workload assigned last: drawn with a bold outline
    QPointF m_pressPos;
    std::string m_pressWorkload;
};

// The TPU view of a document as a scrollable widget: what the main window shows as its
// "tpu" view. torusViewOf() finds the TorusView inside it.
QWidget* createTpuView(document::PlanDocument* document, QWidget* parent = nullptr);
TorusView* torusViewOf(QWidget* tpuView);

// The whole torus view as something File > Export can write (PNG, SVG, PDF).
Renderable torusRenderable(TorusView* view, const QString& title);

// The TPU view rendered for --screenshot --view tpu.
QImage renderTpuView(document::PlanDocument* document, int width = 1280, qreal devicePixelRatio = 2.0);
// Paints the plan's TPU slices into target (the report's section, vector on a PDF): laid out at
// the width whose height fits the target's shape best, so that the tori are drawn as large
// as the section allows.
void paintTpuViewFitted(document::PlanDocument* document, QPainter& painter, const QRectF& target);

} // namespace cw::widgets
