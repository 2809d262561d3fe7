// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

#include <memory>

class QTabWidget;
class QTreeView;
class QTreeWidget;
class QLabel;

namespace cw::catalog {
class Catalog;
}
namespace cw::document {
class PlanDocument;
}
namespace cw::widgets {
class CompareRunner;
class CompareView;
class PlanTreeModel;
}

namespace cw::gui {

// The Clusterwright main window: the plan's clusters, pools and workloads, a view per
// cluster, and the diagnostics of the plan.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const catalog::Catalog& catalog, QWidget* parent = nullptr);
    ~MainWindow() override;

    void setDocument(std::unique_ptr<document::PlanDocument> document);
    document::PlanDocument* document() const { return m_document.get(); }
    bool openFile(const QString& path);
    // Opens the Compare tab: the plan priced on GKE Standard, GKE Autopilot and EKS. With
    // wait, the comparison is computed before this returns (for --screenshot).
    void showComparison(bool wait = false);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void refresh();
    void updateTitle();
    bool maybeSave();
    bool save();
    bool saveAs();

    const catalog::Catalog& m_catalog;
    std::unique_ptr<document::PlanDocument> m_document;
    widgets::PlanTreeModel* m_treeModel;
    QTreeView* m_tree;
    QTabWidget* m_tabs;
    QTreeWidget* m_diagnostics;
    QLabel* m_status;
    widgets::CompareView* m_compare = nullptr;
    widgets::CompareRunner* m_compareRunner = nullptr;
    bool m_compareShown = false;
    void addCompareTab(bool wait);
};

} // namespace cw::gui
