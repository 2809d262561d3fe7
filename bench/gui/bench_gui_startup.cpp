// SPDX-License-Identifier: GPL-3.0-or-later
// Start to first paint: from the start of main() (before QApplication) to the first paint of
// the canvas with the bundled example plan, as the clusterwright executable starts; then to
// the first solution on screen. One run per process: run it a few times.
//   QT_QPA_PLATFORM=offscreen build/dev/bench/bench_gui_startup [PLAN]
#include "benchplans.h"
#include "canvas/planview.h"
#include "catalog/catalog.h"
#include "document/plandocument.h"
#include "mainwindow.h"
#include "theme.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QTimer>

#include <cstdio>

using namespace cw;

namespace {

class PaintWatch : public QObject
{
public:
    std::function<void()> onPaint;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && onPaint)
            QTimer::singleShot(0, this, [this] {
                if (onPaint) {
                    auto f = std::move(onPaint);
                    onPaint = nullptr;
                    f();
                }
            });
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Clusterwright"));
    QApplication::setOrganizationName(QStringLiteral("ClusterwrightBench"));
    gui::applyTheme(gui::Theme::Light);
    const qint64 tApp = clock.elapsed();
    diag::Diagnostics diags;
    const catalog::Catalog cat = catalog::Catalog::load({}, diags);
    const qint64 tCatalog = clock.elapsed();
    gui::MainWindow window(cat);
    const qint64 tWindow = clock.elapsed();
    if (argc > 1)
        window.openFile(QString::fromLocal8Bit(argv[1]));
    else
        window.openExample(QStringLiteral("genai-platform.yaml"));
    const qint64 tOpen = clock.elapsed();
    PaintWatch watch;
    qint64 tPaint = 0, tSolved = 0;
    bool solutionArrived = false;
    window.currentCanvas()->viewport()->installEventFilter(&watch);
    std::function<void()> onPaint = [&] {
        if (tPaint == 0)
            tPaint = clock.elapsed();
        if (solutionArrived && tSolved == 0) {
            tSolved = clock.elapsed();
            app.quit();
            return;
        }
        watch.onPaint = onPaint; // keep watching
    };
    watch.onPaint = onPaint;
    QObject::connect(window.document(), &document::PlanDocument::solutionChanged, &app, [&] {
        // The canvas is rebuilt at the next turn of the event loop, then painted.
        QTimer::singleShot(0, &app, [&] {
            solutionArrived = true;
            window.currentCanvas()->viewport()->update();
        });
    });
    window.show();
    QTimer::singleShot(60000, &app, &QApplication::quit);
    app.exec();
    std::printf("QApplication       %5lld ms\n", tApp);
    std::printf("catalog loaded     %5lld ms\n", tCatalog);
    std::printf("window built       %5lld ms\n", tWindow);
    std::printf("plan opened        %5lld ms\n", tOpen);
    std::printf("first paint        %5lld ms   (target <= 500 ms)\n", tPaint);
    std::printf("solution on screen %5lld ms   (solver: %lld ms)\n", tSolved,
                window.document()->solution() ? static_cast<long long>(window.document()->solution()->solveMillis) : -1LL);
    const auto [rss, hwm] = bench::memoryMiB();
    std::printf("memory             %5.0f MiB resident, %.0f MiB peak\n", rss, hwm);
    return 0;
}
