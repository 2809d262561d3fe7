// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "review/imageexport.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class QPainter;
class QRectF;
class QWidget;

namespace cw::gui {

class MainWindow;

// A view of the main window, known by name to the window, its View and Export menus, the
// report and `clusterwright --screenshot FILE --view NAME`. Adding a view is one add() call in
// views.cpp: the window creates the widget, docks it, shows it for screenshots, offers its
// exportables and gives it a place in the report.
struct ViewSpec {
    enum class Kind {
        Central, // a tab of the central area
        Dock,    // a dock widget
        Page     // rendered, not shown: the report
    };

    QString name;                      // "canvas", "cost", "report", "tpu", "compare"
    std::function<QString()> title;    // translated, for menus, tabs and docks
    Kind kind = Kind::Dock;
    Qt::DockWidgetArea area = Qt::BottomDockWidgetArea;
    // Creates the view's widget for a window (Central, Dock). The widget follows the window's
    // document through MainWindow::documentChanged and its selection through currentChanged.
    std::function<QWidget*(MainWindow& window)> create;
    // What the view offers in File > Export (PNG, SVG, PDF): a canvas, each chart, ...
    std::function<std::vector<widgets::Renderable>(MainWindow& window, QWidget* view)> exportables;
    // Draws the view into its place in the report; views without it are not in the report.
    std::function<void(MainWindow& window, QWidget* view, QPainter& painter, const QRectF& target)> paintInReport;
    // Whether the view has something for the report for this plan (unset: always).
    std::function<bool(MainWindow& window, QWidget* view)> inReport;
    // Its share of the report's width beside the other views' sections.
    qreal reportWeight = 1;
    // The view as a page image (Page views: the report). A Central or Dock view that sets it
    // is rendered whole by `--screenshot --view NAME` instead of grabbing the window.
    std::function<QImage(MainWindow& window, qreal devicePixelRatio)> renderPage;
    // True while the view is still computing what it shows (off the UI thread): screenshots
    // and the report wait for it.
    std::function<bool(QWidget* view)> busy;
};

class ViewRegistry
{
public:
    static ViewRegistry& instance();

    void add(ViewSpec spec);
    const ViewSpec* find(const QString& name) const;
    const std::vector<ViewSpec>& views() const { return m_views; }
    QStringList names() const;

private:
    std::vector<ViewSpec> m_views;
};

// The views of Clusterwright, in menu order (views.cpp).
void registerViews(ViewRegistry& registry);

} // namespace cw::gui
