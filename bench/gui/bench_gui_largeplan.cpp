// SPDX-License-Identifier: GPL-3.0-or-later
// A plan of 10,000 Pods (default; or the count given): writing it to a file, opening it in the
// window up to the first paint (target <= 1 s), memory (target < 200 MiB), the solve, and how
// long the canvas takes to paint its 1,000+ nodes at several zoom levels (level of detail).
//   QT_QPA_PLATFORM=offscreen build/dev/bench/bench_gui_largeplan [PODS]
#include "benchplans.h"
#include "canvas/planscene.h"
#include "canvas/planview.h"
#include "catalog/catalog.h"
#include "document/plandocument.h"
#include "io/planwriter.h"
#include "mainwindow.h"
#include "theme.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace cw;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ClusterwrightBench"));
    gui::applyTheme(gui::Theme::Light);
    const int pods = argc > 1 ? std::atoi(argv[1]) : 10000;
    diag::Diagnostics diags;
    const catalog::Catalog cat = catalog::Catalog::load({}, diags);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.yaml"));
    std::string why;
    io::writePlanFile(bench::largePlan(pods), path.toStdString(), &why);
    const auto [rss0, hwm0] = bench::memoryMiB();

    gui::MainWindow window(cat);
    window.resize(1600, 1000);
    QElapsedTimer clock;
    clock.start();
    if (!window.openFile(path)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(path));
        return 2;
    }
    const qint64 tOpen = clock.elapsed();
    window.show();
    window.currentCanvas()->viewport()->repaint();
    const qint64 tPaint = clock.elapsed();
    const auto [rssOpen, hwmOpen] = bench::memoryMiB();

    if (!window.document()->solution())
        bench::waitForSolution(window.document(), 600000);
    const qint64 tSolved = clock.elapsed();
    widgets::PlanView* view = window.currentCanvas();
    view->planScene()->rebuild();
    QApplication::processEvents();
    const auto solution = window.document()->solution();
    const auto [rssSolved, hwmSolved] = bench::memoryMiB();

    std::printf("plan: %d Pods in %zu workloads; %s\n", pods, window.document()->plan().workloads.size(), qPrintable(path));
    std::printf("opened (read, check, views)  %6lld ms\n", tOpen);
    std::printf("first paint                  %6lld ms   (target <= 1000 ms)\n", tPaint);
    std::printf("memory after first paint     %6.0f MiB (%.0f MiB before opening; target < 200)\n", rssOpen, rss0);
    std::printf("solution on the canvas       %6lld ms   (solver %lld ms, %d nodes)\n", tSolved,
                solution ? static_cast<long long>(solution->solveMillis) : -1LL, view->planScene()->nodeItemCount());
    std::printf("memory with the solution     %6.0f MiB (peak %.0f MiB)\n", rssSolved, hwmSolved);

    // Repainting the canvas view (%1 × %2 pixels) at several zoom levels: the first frame at
    // a zoom, then frames while panning by a few pixels.
    std::printf("canvas viewport %d × %d pixels\n", view->viewport()->width(), view->viewport()->height());
    for (const double zoom : {1.0, 0.5, 0.25, 0.1, 0.04}) {
        view->setZoom(zoom);
        view->centerOn(view->sceneRect().center());
        QElapsedTimer t;
        t.start();
        view->viewport()->repaint();
        const double first = double(t.nsecsElapsed()) / 1e6;
        const int runs = 20;
        t.restart();
        for (int i = 0; i < runs; ++i) {
            view->centerOn(view->sceneRect().center() + QPointF(i % 2 ? 3 : -3, 0) / zoom);
            view->viewport()->repaint();
        }
        std::printf("paint at zoom %4.2f            %6.1f ms first frame, %5.1f ms per frame while panning\n", zoom, first,
                    double(t.nsecsElapsed()) / 1e6 / runs);
    }
    return 0;
}
