// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/objectref.h"
#include "document/plandocument.h"

#include <QMainWindow>
#include <QPointer>

#include <map>
#include <memory>

class QAction;
class QDockWidget;
class QFileSystemWatcher;
class QLabel;
class QListView;
class QMenu;
class QTabWidget;
class QTreeView;
class QUndoGroup;

namespace cw::catalog {
class Catalog;
}
namespace cw::document {
class Autosave;
class PlanDocument;
}
namespace cw::widgets {
class CostPanel;
class DiagnosticsModel;
class Inspector;
class PlanScene;
class PlanTreeModel;
class PlanView;
class ReportWriter;
class TemplateModel;
}

namespace cw::gui {

class InfoBar;
struct ViewSpec;

// The planning workspace: the palette of workload templates and the plan's outline on the
// left, a canvas per cluster in the middle, the inspector and the diagnostics on the right,
// the cost charts below, and the status bar with the total, the distance from the lower
// bound and the solve time. Other views are added through the ViewRegistry.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const catalog::Catalog& catalog, QWidget* parent = nullptr);
    ~MainWindow() override;

    const catalog::Catalog& catalog() const { return m_catalog; }
    document::PlanDocument* document() const { return m_document.get(); }
    void setDocument(std::unique_ptr<document::PlanDocument> document);

    // Opens a plan file; on failure shows why (naming the file) and keeps the current plan.
    bool openFile(const QString& path);
    // Opens one of the bundled example plans (examples/<name>), untitled.
    bool openExample(const QString& name);
    void newPlan();
    bool save();
    bool saveAs();
    // Asks what to do with unsaved changes; false when the user cancels.
    bool maybeSave();
    // Restores the size, position and dock layout of the last session.
    void restoreLayout();
    // Offers to recover autosaves of sessions that ended without closing. Returns true when a
    // plan was recovered.
    bool offerRecovery();
    document::Autosave* autosave() const { return m_autosave; }
    InfoBar* infoBar() const { return m_infoBar; }

    // The shared selection.
    const document::ObjectRef& current() const { return m_current; }
    void setCurrent(const document::ObjectRef& ref);

    // Views by name (see ViewRegistry): their widget, and showing one.
    QWidget* view(const QString& name) const;
    bool showView(const QString& name);
    // The whole window as it looks with a view shown, or a Page view's page.
    QImage screenshot(const QString& view, qreal devicePixelRatio);
    std::unique_ptr<widgets::ReportWriter> makeReportWriter();
    // Is the solver or a view still computing? waitUntilIdle() runs the event loop until
    // nothing is (or the timeout passes) and says whether everything is done.
    bool isBusy() const;
    bool waitUntilIdle(int timeoutMs = 120'000);

    // The canvas of a cluster, and of the current tab.
    widgets::PlanScene* scene(const std::string& cluster) const;
    widgets::PlanView* currentCanvas() const;
    std::string currentCluster() const;
    widgets::CostPanel* costPanel() const;
    widgets::Inspector* inspector() const { return m_inspector; }

Q_SIGNALS:
    void documentChanged(cw::document::PlanDocument* document);
    void currentChanged(const cw::document::ObjectRef& ref);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createDocks();
    void createActions();
    void createStatusBar();
    void rebuildCanvases();
    void updateTitle();
    void updateStatus();
    void updateRecentMenu();
    void updateExportMenu();
    void updateActions();
    void watchFile();
    void onFileChanged();
    bool saveTo(const QString& path);
    void exportRenderable(const QString& title, const std::function<void(const QString&)>& write);
    void exportReport();
    void deleteCurrent();
    void pinWhereSolved();
    void addPool();
    void addCluster();
    void showPreferences();
    void showAbout();
    void selectInTree(const document::ObjectRef& ref);
    void addDockView(const ViewSpec& spec);

    const catalog::Catalog& m_catalog;
    std::unique_ptr<document::PlanDocument> m_document;
    document::Autosave* m_autosave;
    QFileSystemWatcher* m_watcher;
    QUndoGroup* m_undoGroup;
    document::ObjectRef m_current;
    bool m_syncing = false;

    InfoBar* m_infoBar;
    QTabWidget* m_tabs;
    std::map<std::string, widgets::PlanView*> m_canvases;
    widgets::PlanTreeModel* m_treeModel;
    QTreeView* m_tree;
    widgets::TemplateModel* m_templateModel;
    QListView* m_templates;
    widgets::Inspector* m_inspector;
    widgets::DiagnosticsModel* m_diagModel;
    QTreeView* m_diagView;
    QDockWidget* m_paletteDock = nullptr;
    QDockWidget* m_inspectorDock = nullptr;
    QDockWidget* m_diagnosticsDock = nullptr;
    std::map<QString, QDockWidget*> m_viewDocks;
    std::map<QString, QWidget*> m_views;          // the registry's widgets
    std::map<QString, QWidget*> m_viewContainers; // their scroll areas (central views)

    QLabel* m_solveLabel;
    QLabel* m_costLabel;
    QLabel* m_gapLabel;
    QLabel* m_priceLabel;

    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QAction* m_save = nullptr;
    QAction* m_reload = nullptr;
    QAction* m_delete = nullptr;
    QAction* m_duplicate = nullptr;
    QAction* m_pinAll = nullptr;
    QAction* m_addPool = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_exportMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
};

} // namespace cw::gui
