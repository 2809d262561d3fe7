// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "i18n/translations.h"

#include "canvas/planscene.h"
#include "canvas/planview.h"
#include "catalog/catalog.h"
#include "document/autosave.h"
#include "document/clustercommands.h"
#include "document/editing.h"
#include "document/plandocument.h"
#include "document/poolcommands.h"
#include "document/solvetracker.h"
#include "document/workloadcommands.h"
#include "exportdialog.h"
#include "infobar.h"
#include "inspector/inspector.h"
#include "io/planreader.h"
#include "panels/costpanel.h"
#include "panels/diagnosticsmodel.h"
#include "panels/plantreemodel.h"
#include "panels/templatemodel.h"
#include "preferencesdialog.h"
#include "report/breakdown.h"
#include "resources/embedded.h"
#include "review/imageexport.h"
#include "review/reportwriter.h"
#include "settings.h"
#include "style/format.h"
#include "viewregistry.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QElapsedTimer>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
#include <QTreeView>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

#include <set>

namespace cw::gui {

using document::ObjectRef;
using document::PlanDocument;
namespace format = cw::widgets::format;
using format::q;

namespace {

QString planFilter()
{
    return QCoreApplication::translate("cw::gui::MainWindow", "Clusterwright plans (*.yaml *.yml)");
}

QString imageFilter()
{
    return QCoreApplication::translate("cw::gui::MainWindow", "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)");
}

QString suggestedPath(const PlanDocument* doc, const QString& suffix)
{
    const QString dir = doc && !doc->fileName().isEmpty() ? QFileInfo(doc->fileName()).absolutePath()
                                                          : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString base = doc ? QFileInfo(doc->displayName()).completeBaseName() : QStringLiteral("plan");
    return QDir(dir).filePath(base + suffix);
}

} // namespace

MainWindow::MainWindow(const catalog::Catalog& catalog, QWidget* parent)
    : QMainWindow(parent)
    , m_catalog(catalog)
    , m_autosave(new document::Autosave(Settings::autosaveDirectory(), this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_undoGroup(new QUndoGroup(this))
    , m_infoBar(new InfoBar)
    , m_tabs(new QTabWidget)
    , m_treeModel(new widgets::PlanTreeModel(this))
    , m_tree(new QTreeView)
    , m_templateModel(new widgets::TemplateModel(this))
    , m_templates(new QListView)
    , m_inspector(new widgets::Inspector)
    , m_diagModel(new widgets::DiagnosticsModel(this))
    , m_diagView(new QTreeView)
    , m_solveLabel(new QLabel)
    , m_costLabel(new QLabel)
    , m_gapLabel(new QLabel)
    , m_priceLabel(new QLabel)
{
    setObjectName(QStringLiteral("MainWindow"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks | QMainWindow::GroupedDragging);
    setDocumentMode(true);

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_infoBar);
    layout->addWidget(m_tabs, 1);
    m_tabs->setDocumentMode(true);
    m_tabs->setMovable(false);
    m_tabs->setAccessibleName(tr("Clusters"));
    setCentralWidget(central);

    createDocks();
    createActions();
    createStatusBar();

    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this] {
        // Editors save by replacing the file: look once the dust has settled.
        QTimer::singleShot(200, this, &MainWindow::onFileChanged);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateActions);
    connect(m_autosave, &document::Autosave::failed, this,
            [this](const QString& error) { statusBar()->showMessage(tr("Autosave failed: %1").arg(error), 10000); });

    resize(1600, 1000);
    updateTitle();
}

void MainWindow::restoreLayout()
{
    if (!Settings::windowGeometry().isEmpty()) {
        restoreGeometry(Settings::windowGeometry());
        restoreState(Settings::windowState());
    }
}

MainWindow::~MainWindow()
{
    // Views let go of the document before it goes.
    m_tabs->disconnect(this);
    std::map<std::string, widgets::PlanView*> canvases = std::move(m_canvases);
    m_canvases.clear();
    for (auto& [cluster, view] : canvases)
        delete view;
    m_treeModel->setDocument(nullptr);
    m_diagModel->setDocument(nullptr);
    m_inspector->setDocument(nullptr);
    Q_EMIT documentChanged(nullptr);
    m_autosave->setDocument(nullptr);
    if (m_document)
        m_document->disconnect(this);
    m_document.reset();
}

void MainWindow::createDocks()
{
    // Left: the palette of templates above the plan's outline.
    m_templates->setModel(m_templateModel);
    m_templates->setDragEnabled(true);
    m_templates->setDragDropMode(QAbstractItemView::DragOnly);
    m_templates->setIconSize(QSize(32, 32));
    m_templates->setSpacing(2);
    m_templates->setUniformItemSizes(true);
    m_templates->setAccessibleName(tr("Workload templates"));
    m_templates->setToolTip(tr("Drag a template onto a node pool"));
    m_tree->setModel(m_treeModel);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setAccessibleName(tr("Plan outline"));
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& index) {
        if (!m_syncing)
            setCurrent(m_treeModel->refAt(index));
    });
    connect(m_tree, &QTreeView::activated, this, [this] {
        m_inspectorDock->show();
        m_inspectorDock->raise();
        m_inspector->focusFirstEditor();
    });
    auto* paletteBox = new QWidget;
    auto* paletteLayout = new QVBoxLayout(paletteBox);
    paletteLayout->setContentsMargins(4, 4, 4, 4);
    paletteLayout->setSpacing(4);
    auto* templatesLabel = new QLabel(tr("<b>Templates</b> — drag onto a node pool"));
    templatesLabel->setWordWrap(true);
    auto* outlineLabel = new QLabel(tr("<b>This plan</b> — drag a workload to re-pin it"));
    outlineLabel->setWordWrap(true);
    auto* splitter = new QSplitter(Qt::Vertical);
    auto* top = new QWidget;
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(templatesLabel);
    topLayout->addWidget(m_templates);
    auto* bottom = new QWidget;
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(outlineLabel);
    bottomLayout->addWidget(m_tree);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({250, 600});
    paletteLayout->addWidget(splitter);
    m_paletteDock = new QDockWidget(tr("Palette"), this);
    m_paletteDock->setObjectName(QStringLiteral("PaletteDock"));
    paletteBox->setMinimumWidth(230);
    m_paletteDock->setWidget(paletteBox);
    addDockWidget(Qt::LeftDockWidgetArea, m_paletteDock);

    // Right: the inspector above the diagnostics.
    connect(m_inspector, &widgets::Inspector::objectRenamed, this, &MainWindow::setCurrent);
    m_inspectorDock = new QDockWidget(tr("Inspector"), this);
    m_inspectorDock->setObjectName(QStringLiteral("InspectorDock"));
    m_inspector->setMinimumWidth(300);
    m_inspectorDock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);

    m_diagView->setModel(m_diagModel);
    m_diagView->setRootIsDecorated(false);
    m_diagView->setUniformRowHeights(true);
    m_diagView->setWordWrap(false);
    m_diagView->setAlternatingRowColors(true);
    m_diagView->setAccessibleName(tr("Diagnostics"));
    m_diagView->header()->setStretchLastSection(true);
    m_diagView->header()->setSectionResizeMode(widgets::DiagnosticsModel::SeverityColumn, QHeaderView::ResizeToContents);
    m_diagView->header()->setSectionResizeMode(widgets::DiagnosticsModel::CodeColumn, QHeaderView::ResizeToContents);
    m_diagView->header()->setSectionResizeMode(widgets::DiagnosticsModel::LocationColumn, QHeaderView::ResizeToContents);
    auto showDiagnostic = [this](const QModelIndex& index) {
        const diag::Diagnostic* d = m_diagModel->diagnosticAt(index);
        if (!d)
            return;
        const ObjectRef ref = m_diagModel->objectAt(index);
        if (ref.isValid())
            setCurrent(ref);
        const QString where = QString::fromStdString(d->where.toString());
        statusBar()->showMessage(where.isEmpty() ? widgets::DiagnosticsModel::translatedMessage(*d)
                                                 : tr("%1: %2").arg(where, widgets::DiagnosticsModel::translatedMessage(*d)),
                                 15000);
        m_inspector->focusLocation(d->where);
    };
    connect(m_diagView, &QTreeView::clicked, this, showDiagnostic);
    connect(m_diagView, &QTreeView::activated, this, showDiagnostic);
    m_diagnosticsDock = new QDockWidget(tr("Diagnostics"), this);
    m_diagnosticsDock->setObjectName(QStringLiteral("DiagnosticsDock"));
    m_diagnosticsDock->setWidget(m_diagView);
    addDockWidget(Qt::RightDockWidgetArea, m_diagnosticsDock);
    splitDockWidget(m_inspectorDock, m_diagnosticsDock, Qt::Vertical);

    // The registry's docks (cost, and whatever others add).
    for (const ViewSpec& spec : ViewRegistry::instance().views()) {
        if (spec.kind == ViewSpec::Kind::Dock && spec.create)
            addDockView(spec);
    }
    resizeDocks({m_paletteDock, m_inspectorDock}, {300, 390}, Qt::Horizontal);
    resizeDocks({m_inspectorDock, m_diagnosticsDock}, {560, 200}, Qt::Vertical);
    if (QDockWidget* cost = m_viewDocks.count(QStringLiteral("cost")) ? m_viewDocks[QStringLiteral("cost")] : nullptr)
        resizeDocks({cost}, {290}, Qt::Vertical);
}

void MainWindow::addDockView(const ViewSpec& spec)
{
    QWidget* widget = spec.create(*this);
    if (!widget)
        return;
    auto* dock = new QDockWidget(spec.title(), this);
    dock->setObjectName(spec.name + QStringLiteral("Dock"));
    dock->setWidget(widget);
    addDockWidget(spec.area, dock);
    m_viewDocks[spec.name] = dock;
    m_views[spec.name] = widget;
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* a = file->addAction(tr("&New Plan"), this, &MainWindow::newPlan);
    a->setShortcut(QKeySequence::New);
    a = file->addAction(tr("&Open…"), this, [this] {
        if (!maybeSave())
            return;
        const QString dir = m_document && !m_document->fileName().isEmpty() ? QFileInfo(m_document->fileName()).absolutePath() : QString();
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Plan"), dir, planFilter());
        if (!path.isEmpty())
            openFile(path);
    });
    a->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    QMenu* examples = file->addMenu(tr("Open E&xample"));
    for (const auto& f : resources::filesUnder("examples/")) {
        const QString name = QFileInfo(QString::fromUtf8(f.path.data(), qsizetype(f.path.size()))).fileName();
        examples->addAction(name, this, [this, name] {
            if (maybeSave())
                openExample(name);
        });
    }
    file->addSeparator();
    m_save = file->addAction(tr("&Save"), this, &MainWindow::save);
    m_save->setShortcut(QKeySequence::Save);
    a = file->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    a->setShortcut(QKeySequence::SaveAs);
    file->addAction(tr("Export &Bundle…"), this, [this] {
        if (!m_document)
            return;
        const auto solution = m_document->solution();
        widgets::ExportDialog(m_document->plan(), m_catalog, solution.get(), this).exec();
    });
    m_reload = file->addAction(tr("Re&load from Disk"), this, [this] {
        QString error;
        diag::Diagnostics diags;
        if (m_document && !m_document->reload(&error, &diags))
            QMessageBox::warning(this, tr("Cannot reload"), tr("Could not reload %1:\n\n%2").arg(m_document->fileName(), error));
        else
            watchFile();
    });
    file->addSeparator();
    m_exportMenu = file->addMenu(tr("&Export"));
    connect(m_exportMenu, &QMenu::aboutToShow, this, &MainWindow::updateExportMenu);
    file->addSeparator();
    a = file->addAction(tr("&Quit"), this, &QWidget::close);
    a->setShortcut(QKeySequence::Quit);
    a->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    m_undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    m_redo->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(m_undo);
    edit->addAction(m_redo);
    edit->addSeparator();
    m_delete = edit->addAction(tr("&Delete"), this, &MainWindow::deleteCurrent);
    m_delete->setShortcut(QKeySequence::Delete);
    m_duplicate = edit->addAction(tr("D&uplicate Workload"), this, [this] {
        if (m_document && !m_current.workloadName().empty()) {
            const std::string copy = document::duplicateWorkload(m_document.get(), m_current.workloadName());
            setCurrent(ObjectRef::workload(m_current.cluster, copy));
        }
    });
    m_duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    edit->addSeparator();
    m_addPool = edit->addAction(tr("Add Node &Pool"), this, &MainWindow::addPool);
    edit->addAction(tr("Add &Cluster"), this, &MainWindow::addCluster);
    m_pinAll = edit->addAction(tr("Pin Workloads &Where the Solver Placed Them"), this, &MainWindow::pinWhereSolved);
    edit->addSeparator();
    a = edit->addAction(tr("Pr&eferences…"), this, &MainWindow::showPreferences);
    a->setShortcuts({QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)});
    a->setMenuRole(QAction::PreferencesRole);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    a = m_viewMenu->addAction(tr("Zoom &In"), this, [this] {
        if (auto* v = currentCanvas())
            v->zoomIn();
    });
    a->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    a = m_viewMenu->addAction(tr("Zoom &Out"), this, [this] {
        if (auto* v = currentCanvas())
            v->zoomOut();
    });
    a->setShortcut(QKeySequence::ZoomOut);
    a = m_viewMenu->addAction(tr("&Actual Size"), this, [this] {
        if (auto* v = currentCanvas())
            v->resetZoom();
    });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    a = m_viewMenu->addAction(tr("&Fit to Window"), this, [this] {
        if (auto* v = currentCanvas())
            v->fitToWindow();
    });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_9));
    m_viewMenu->addSeparator();
    a = m_viewMenu->addAction(tr("&Next Cluster"), this, [this] {
        if (m_tabs->count() > 0)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
    });
    a->setShortcut(QKeySequence::NextChild);
    a = m_viewMenu->addAction(tr("&Previous Cluster"), this, [this] {
        if (m_tabs->count() > 0)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    });
    a->setShortcut(QKeySequence::PreviousChild);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_paletteDock->toggleViewAction());
    m_viewMenu->addAction(m_inspectorDock->toggleViewAction());
    m_viewMenu->addAction(m_diagnosticsDock->toggleViewAction());
    for (const auto& [name, dock] : m_viewDocks)
        m_viewMenu->addAction(dock->toggleViewAction());

    QMenu* plan = menuBar()->addMenu(tr("&Plan"));
    a = plan->addAction(tr("&Solve Again"), this, [this] {
        if (m_document)
            m_document->solveNow();
    });
    a->setShortcut(QKeySequence::Refresh);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    a = help->addAction(tr("&About Clusterwright"), this, &MainWindow::showAbout);
    a->setMenuRole(QAction::AboutRole);

    updateActions();
}

void MainWindow::createStatusBar()
{
    for (QLabel* l : {m_solveLabel, m_costLabel, m_gapLabel, m_priceLabel}) {
        l->setContentsMargins(8, 0, 8, 0);
        l->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Preferred);
        statusBar()->addPermanentWidget(l);
    }
    QFont bold = m_costLabel->font();
    bold.setBold(true);
    m_costLabel->setFont(bold);
    m_costLabel->setAccessibleName(tr("Total cost"));
    m_gapLabel->setAccessibleName(tr("Distance from the lower bound"));
    m_solveLabel->setAccessibleName(tr("Solver"));
    m_priceLabel->setText(tr("prices as of %1").arg(i18n::priceDateText(m_catalog.priceDate())));
}

void MainWindow::setDocument(std::unique_ptr<PlanDocument> document)
{
    {
        const QSignalBlocker blocker(m_tabs);
        std::map<std::string, widgets::PlanView*> canvases = std::move(m_canvases);
        m_canvases.clear();
        m_tabs->clear();
        for (auto& [cluster, view] : canvases)
            delete view;
    }
    if (m_document) {
        m_document->disconnect(this);
        m_undoGroup->removeStack(m_document->undoStack());
    }
    m_autosave->setDocument(nullptr);
    std::unique_ptr<PlanDocument> old = std::move(m_document);
    m_document = std::move(document);
    m_current = {};
    m_treeModel->setDocument(m_document.get());
    m_diagModel->setDocument(m_document.get());
    m_inspector->setDocument(m_document.get());
    if (m_document) {
        m_undoGroup->addStack(m_document->undoStack());
        m_undoGroup->setActiveStack(m_document->undoStack());
        connect(m_document.get(), &PlanDocument::planChanged, this, [this] {
            rebuildCanvases();
            updateActions();
        });
        connect(m_document.get(), &PlanDocument::solutionChanged, this, &MainWindow::updateStatus);
        connect(m_document.get(), &PlanDocument::solvingChanged, this, &MainWindow::updateStatus);
        connect(m_document.get(), &PlanDocument::diagnosticsChanged, this, &MainWindow::updateStatus);
        connect(m_document.get(), &PlanDocument::solveFailed, this, [this](const QString& message) {
            statusBar()->showMessage(tr("The solver failed: %1").arg(message), 15000);
        });
        connect(m_document.get(), &PlanDocument::modifiedChanged, this, &MainWindow::updateTitle);
        connect(m_document.get(), &PlanDocument::fileNameChanged, this, [this] {
            updateTitle();
            watchFile();
        });
        m_autosave->setDocument(m_document.get());
    }
    Q_EMIT documentChanged(m_document.get());
    rebuildCanvases();
    m_tree->expandAll();
    watchFile();
    updateTitle();
    updateStatus();
    updateActions();
    m_infoBar->hide();
    old.reset();
}

void MainWindow::rebuildCanvases()
{
    if (!m_document) {
        m_tabs->clear();
        return;
    }
    const std::string currentName = currentCluster();
    QWidget* currentWidget = m_tabs->currentWidget();
    std::map<std::string, widgets::PlanView*> keep;
    std::vector<std::string> order;
    for (const auto& c : m_document->plan().clusters)
        order.push_back(c.name);
    // Nothing to do when the clusters are the same, in the same order.
    bool same = order.size() == m_canvases.size();
    for (int i = 0; same && i < int(order.size()); ++i) {
        auto* v = qobject_cast<widgets::PlanView*>(m_tabs->widget(i));
        same = v && v->planScene()->cluster() == order[size_t(i)];
    }
    if (same)
        return;
    for (const auto& name : order) {
        auto it = m_canvases.find(name);
        if (it != m_canvases.end()) {
            keep[name] = it->second;
            m_canvases.erase(it);
            continue;
        }
        auto* scene = new widgets::PlanScene(m_document.get(), name);
        auto* view = new widgets::PlanView(scene);
        scene->setParent(view);
        connect(scene, &widgets::PlanScene::currentChanged, this, [this](const ObjectRef& ref) {
            if (!m_syncing)
                setCurrent(ref);
        });
        connect(scene, &widgets::PlanScene::activated, this, [this] {
            m_inspectorDock->show();
            m_inspectorDock->raise();
            m_inspector->focusFirstEditor();
        });
        connect(scene, &widgets::PlanScene::dropRefused, this,
                [this](const QString& why) { statusBar()->showMessage(tr("Not dropped: %1").arg(why), 8000); });
        connect(scene, &widgets::PlanScene::dropApplied, this, [this](const QString& what) { statusBar()->showMessage(what, 5000); });
        connect(scene, &widgets::PlanScene::hoverFeedback, this, [this](const QString& message) {
            if (message.isEmpty())
                statusBar()->clearMessage();
            else
                statusBar()->showMessage(message);
        });
        keep[name] = view;
    }
    const QSignalBlocker blocker(m_tabs);
    std::map<std::string, widgets::PlanView*> gone = std::move(m_canvases);
    m_canvases = std::move(keep);
    for (auto& [name, view] : gone)
        delete view; // clusters that are gone
    while (m_tabs->count() > 0)
        m_tabs->removeTab(0);
    int currentIndex = 0;
    for (const auto& name : order) {
        const model::Cluster* c = m_document->plan().cluster(name);
        QString label = q(name);
        if (c)
            label += QStringLiteral("  (%1)").arg(c->provider == model::Provider::Eks ? QStringLiteral("EKS")
                                                  : c->mode == model::ClusterMode::Autopilot ? QStringLiteral("GKE Autopilot")
                                                                                             : QStringLiteral("GKE"));
        const int i = m_tabs->addTab(m_canvases[name], label);
        if (name == currentName)
            currentIndex = i;
    }
    for (const ViewSpec& spec : ViewRegistry::instance().views()) {
        if (spec.kind != ViewSpec::Kind::Central || !spec.create || spec.name == QLatin1String("canvas"))
            continue;
        if (!m_views.count(spec.name)) {
            m_views[spec.name] = spec.create(*this);
            // In a scroll area, so that a view that asks for much room does not squeeze the
            // docks around the canvas.
            if (QWidget* w = m_views[spec.name]) {
                auto* scroll = new QScrollArea;
                scroll->setWidgetResizable(true);
                scroll->setFrameShape(QFrame::NoFrame);
                scroll->setWidget(w);
                m_viewContainers[spec.name] = scroll;
            }
        }
        if (QWidget* container = m_viewContainers.count(spec.name) ? m_viewContainers[spec.name] : nullptr) {
            const int i = m_tabs->addTab(container, spec.title());
            if (container == currentWidget)
                currentIndex = i;
        }
    }
    m_tabs->setCurrentIndex(currentIndex);
}

widgets::PlanScene* MainWindow::scene(const std::string& cluster) const
{
    const auto it = m_canvases.find(cluster);
    return it == m_canvases.end() ? nullptr : it->second->planScene();
}

widgets::PlanView* MainWindow::currentCanvas() const
{
    return qobject_cast<widgets::PlanView*>(m_tabs->currentWidget());
}

std::string MainWindow::currentCluster() const
{
    const widgets::PlanView* v = currentCanvas();
    return v ? v->planScene()->cluster() : std::string();
}

widgets::CostPanel* MainWindow::costPanel() const
{
    return qobject_cast<widgets::CostPanel*>(view(QStringLiteral("cost")));
}

QWidget* MainWindow::view(const QString& name) const
{
    if (name == QLatin1String("canvas"))
        return currentCanvas();
    const auto it = m_views.find(name);
    return it == m_views.end() ? nullptr : it->second;
}

bool MainWindow::showView(const QString& name)
{
    const ViewSpec* spec = ViewRegistry::instance().find(name);
    if (!spec)
        return false;
    switch (spec->kind) {
    case ViewSpec::Kind::Central:
        if (name == QLatin1String("canvas")) {
            if (m_tabs->count() > 0 && !currentCanvas())
                m_tabs->setCurrentIndex(0);
        } else if (QWidget* w = m_viewContainers.count(name) ? m_viewContainers[name] : nullptr) {
            m_tabs->setCurrentWidget(w);
        }
        return true;
    case ViewSpec::Kind::Dock:
        if (QDockWidget* dock = m_viewDocks.count(name) ? m_viewDocks[name] : nullptr) {
            dock->show();
            dock->raise();
            return true;
        }
        return false;
    case ViewSpec::Kind::Page:
        return true;
    }
    return false;
}

QImage MainWindow::screenshot(const QString& name, qreal dpr)
{
    const ViewSpec* spec = ViewRegistry::instance().find(name);
    if (!spec)
        return {};
    // A view that renders itself whole (the report, the TPU slices) is drawn, not grabbed.
    if (spec->renderPage)
        return spec->renderPage(*this, dpr);
    if (spec->kind == ViewSpec::Kind::Page)
        return {};
    showView(name);
    if (spec->kind == ViewSpec::Kind::Dock && m_viewDocks.count(name)) {
        QDockWidget* dock = m_viewDocks[name];
        const Qt::DockWidgetArea area = dockWidgetArea(dock);
        const bool vertical = area == Qt::TopDockWidgetArea || area == Qt::BottomDockWidgetArea;
        resizeDocks({dock}, {vertical ? height() * 45 / 100 : width() * 40 / 100}, vertical ? Qt::Vertical : Qt::Horizontal);
    }
    waitUntilIdle();
    return grab().toImage();
}

bool MainWindow::isBusy() const
{
    if (m_document && m_document->isSolvePending())
        return true;
    for (const ViewSpec& spec : ViewRegistry::instance().views()) {
        QWidget* w = view(spec.name);
        if (spec.busy && w && spec.busy(w))
            return true;
    }
    return false;
}

bool MainWindow::waitUntilIdle(int timeoutMs)
{
    // The solver and the views that compute off the UI thread finish; then every view
    // catches up with what they delivered.
    QElapsedTimer clock;
    clock.start();
    while (isBusy() && clock.elapsed() < timeoutMs) {
        QApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(2);
    }
    for (int i = 0; i < 5; ++i) {
        QApplication::processEvents();
        QThread::msleep(2);
    }
    return !isBusy();
}

std::unique_ptr<widgets::ReportWriter> MainWindow::makeReportWriter()
{
    auto writer = std::make_unique<widgets::ReportWriter>(m_document.get());
    for (const ViewSpec& spec : ViewRegistry::instance().views()) {
        if (!spec.paintInReport)
            continue;
        QWidget* w = view(spec.name);
        if (spec.inReport && !spec.inReport(*this, w))
            continue;
        auto paint = spec.paintInReport;
        writer->addSection({spec.title(), [this, paint, w](QPainter& p, const QRectF& r) { paint(*this, w, p, r); },
                            spec.reportWeight});
    }
    return writer;
}

void MainWindow::setCurrent(const ObjectRef& ref)
{
    if (m_syncing)
        return;
    m_syncing = true;
    m_current = ref;
    // The canvas of the object's cluster shows it.
    if (!ref.cluster.empty() && m_canvases.count(ref.cluster)) {
        widgets::PlanView* v = m_canvases[ref.cluster];
        if (m_tabs->currentWidget() != v && ref.kind != ObjectRef::Kind::Cluster)
            m_tabs->setCurrentWidget(v);
        v->planScene()->setCurrent(ref);
    }
    for (auto& [name, v] : m_canvases) {
        if (name != ref.cluster)
            v->planScene()->setCurrent({});
    }
    selectInTree(ref);
    m_inspector->setObject(ref);
    m_syncing = false;
    updateActions();
    Q_EMIT currentChanged(ref);
}

void MainWindow::selectInTree(const ObjectRef& ref)
{
    const QModelIndex index = m_treeModel->indexOf(ref);
    if (index.isValid()) {
        m_tree->setCurrentIndex(index);
        m_tree->scrollTo(index);
    } else {
        m_tree->clearSelection();
    }
}

void MainWindow::updateTitle()
{
    const QString name = m_document ? m_document->displayName() : tr("No plan");
    setWindowTitle(tr("%1[*] — Clusterwright").arg(name));
    setWindowModified(m_document && m_document->isModified());
    if (m_save)
        m_save->setEnabled(m_document != nullptr);
}

void MainWindow::updateStatus()
{
    if (!m_document) {
        m_solveLabel->clear();
        m_costLabel->clear();
        m_gapLabel->clear();
        return;
    }
    const auto solution = m_document->solution();
    if (m_document->isSolving())
        m_solveLabel->setText(tr("Solving…"));
    else if (solution)
        m_solveLabel->setText(tr("Solved in %1").arg(format::duration(solution->solveMillis)));
    else
        m_solveLabel->setText(tr("Not solved yet"));
    if (!solution) {
        m_costLabel->setText(tr("— $/month"));
        m_gapLabel->clear();
        return;
    }
    const report::Breakdown b = report::breakdown(m_document->plan(), *solution);
    m_costLabel->setText(format::moneyPerMonth(b.monthly));
    m_costLabel->setToolTip(tr("%1 for the nodes of the Standard and EKS clusters").arg(format::moneyPerHour(b.hourly)));
    if (b.optimal)
        m_gapLabel->setText(tr("optimal"));
    else if (b.lowerBoundHourly > 0 && b.gap < 0.0005)
        m_gapLabel->setText(tr("at the lower bound"));
    else if (b.lowerBoundHourly > 0)
        m_gapLabel->setText(tr("≤ %1 above the lower bound").arg(format::percent(b.gap, 1)));
    else
        m_gapLabel->setText(tr("no lower bound"));
    m_gapLabel->setToolTip(tr("No placement of these Pods costs less than %1").arg(format::moneyPerHour(b.lowerBoundHourly)));
}

void MainWindow::updateActions()
{
    const bool hasWorkload = m_document && !m_current.workloadName().empty() && m_document->plan().workload(m_current.workloadName());
    const bool hasPool = m_current.kind == ObjectRef::Kind::Pool;
    if (m_delete) {
        m_delete->setEnabled(hasWorkload || hasPool);
        m_delete->setText(hasPool ? tr("&Delete Node Pool") : tr("&Delete Workload"));
    }
    if (m_duplicate)
        m_duplicate->setEnabled(hasWorkload);
    if (m_reload)
        m_reload->setEnabled(m_document && !m_document->fileName().isEmpty());
    if (m_pinAll)
        m_pinAll->setEnabled(m_document && m_document->solution());
    if (m_addPool) {
        const model::Cluster* c = m_document ? m_document->plan().cluster(currentCluster()) : nullptr;
        m_addPool->setEnabled(c && c->mode == model::ClusterMode::Standard);
    }
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = Settings::recentFiles();
    for (const QString& f : files) {
        QAction* a = m_recentMenu->addAction(QFileInfo(f).fileName(), this, [this, f] {
            if (maybeSave())
                openFile(f);
        });
        a->setToolTip(f);
        a->setStatusTip(f);
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent plans"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear Menu"), this, [] { Settings::clearRecentFiles(); });
}

void MainWindow::updateExportMenu()
{
    if (!m_exportMenu)
        return;
    m_exportMenu->clear();
    m_exportMenu->setEnabled(m_document != nullptr);
    if (!m_document)
        return;
    m_exportMenu->addAction(tr("Design-Review &Report (PDF)…"), this, &MainWindow::exportReport);
    m_exportMenu->addSeparator();
    for (const ViewSpec& spec : ViewRegistry::instance().views()) {
        if (!spec.exportables)
            continue;
        for (const widgets::Renderable& r : spec.exportables(*this, view(spec.name))) {
            m_exportMenu->addAction(tr("%1…").arg(r.title), this, [this, r] {
                exportRenderable(r.title, [this, r](const QString& path) {
                    QString error;
                    if (!widgets::exportRenderable(r, path, &error))
                        QMessageBox::critical(this, tr("Export failed"), error);
                    else
                        statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 8000);
                });
            });
        }
    }
}

void MainWindow::exportRenderable(const QString& title, const std::function<void(const QString&)>& write)
{
    QString base = title;
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(title),
                                                      suggestedPath(m_document.get(), QStringLiteral("-") + base.toLower() + QStringLiteral(".png")),
                                                      imageFilter());
    if (!path.isEmpty())
        write(path);
}

void MainWindow::exportReport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Design-Review Report"),
                                                      suggestedPath(m_document.get(), QStringLiteral("-report.pdf")),
                                                      tr("PDF document (*.pdf);;PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    waitUntilIdle();
    auto writer = makeReportWriter();
    QString error;
    if (!widgets::exportRenderable(writer->renderable(), path, &error, 2.0))
        QMessageBox::critical(this, tr("Export failed"), error);
    else
        statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 8000);
}

void MainWindow::watchFile()
{
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (m_document && !m_document->fileName().isEmpty() && QFileInfo::exists(m_document->fileName()))
        m_watcher->addPath(m_document->fileName());
    updateActions();
}

void MainWindow::onFileChanged()
{
    if (!m_document || m_document->fileName().isEmpty())
        return;
    // A replaced file drops out of the watcher: watch it again.
    watchFile();
    const QString name = QFileInfo(m_document->fileName()).fileName();
    switch (m_document->diskState()) {
    case PlanDocument::DiskState::Unchanged:
        return;
    case PlanDocument::DiskState::Removed:
        m_infoBar->showMessage(tr("%1 was deleted or moved on disk. Save the plan to keep it.").arg(name),
                               {{tr("Save"), [this] { save(); }}});
        return;
    case PlanDocument::DiskState::Changed:
        m_infoBar->showMessage(
            m_document->isModified()
                ? tr("%1 was changed on disk, and this plan has unsaved changes. Reload it (Undo brings your version back)?").arg(name)
                : tr("%1 was changed on disk. Reload it?").arg(name),
            {{tr("Reload"), [this] {
                  QString error;
                  if (!m_document->reload(&error))
                      QMessageBox::warning(this, tr("Cannot reload"), tr("Could not reload %1:\n\n%2").arg(m_document->fileName(), error));
                  watchFile();
              }},
             {tr("Keep This Version"), [this] { m_document->acknowledgeDiskState(); }}});
        return;
    }
}

bool MainWindow::openFile(const QString& path)
{
    QString error;
    auto doc = PlanDocument::open(path, m_catalog, &error);
    if (!doc) {
        QMessageBox::critical(this, tr("Cannot open plan"), tr("Could not open %1:\n\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    Settings::addRecentFile(path);
    setDocument(std::move(doc));
    return true;
}

bool MainWindow::openExample(const QString& name)
{
    const std::string path = "examples/" + name.toStdString();
    const auto text = resources::file(path);
    if (!text)
        return false;
    io::PlanReadResult r = io::readPlanText(*text, name.toStdString());
    if (!r.plan) {
        QMessageBox::critical(this, tr("Cannot open example"), tr("The example %1 does not read.").arg(name));
        return false;
    }
    // Untitled, but its diagnostics still point into the example's text.
    r.plan->sourceFile = name.toStdString();
    setDocument(PlanDocument::fromPlan(std::move(*r.plan), m_catalog));
    return true;
}

void MainWindow::newPlan()
{
    if (!maybeSave())
        return;
    const model::Provider provider = Settings::defaultProvider();
    setDocument(PlanDocument::fromPlan(document::newPlan(m_catalog, provider, Settings::defaultRegion(provider).toStdString(),
                                                         Settings::hoursPerMonth()),
                                       m_catalog));
}

bool MainWindow::saveTo(const QString& path)
{
    QString error;
    // Our own write is not an outside change.
    m_watcher->removePaths(m_watcher->files());
    if (!m_document->save(path, &error)) {
        QMessageBox::critical(this, tr("Cannot save plan"), error);
        watchFile();
        return false;
    }
    Settings::addRecentFile(path);
    m_infoBar->hide();
    watchFile();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::save()
{
    if (!m_document)
        return false;
    if (m_document->fileName().isEmpty())
        return saveAs();
    return saveTo(m_document->fileName());
}

bool MainWindow::saveAs()
{
    if (!m_document)
        return false;
    QString path = QFileDialog::getSaveFileName(this, tr("Save Plan As"), suggestedPath(m_document.get(), QStringLiteral(".yaml")), planFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".yaml");
    return saveTo(path);
}

bool MainWindow::maybeSave()
{
    if (!m_document || !m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved changes"),
                                             tr("%1 has unsaved changes. Save them?").arg(m_document->displayName()),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool MainWindow::offerRecovery()
{
    const QList<document::RecoveryEntry> pending = document::Autosave::pendingRecoveries(Settings::autosaveDirectory());
    for (const document::RecoveryEntry& e : pending) {
        const QString what = e.originalFile.isEmpty() ? (e.planName.isEmpty() ? tr("an untitled plan") : e.planName)
                                                      : QDir::toNativeSeparators(e.originalFile);
        QMessageBox box(QMessageBox::Question, tr("Recover unsaved changes"),
                        tr("Clusterwright did not close normally. Unsaved changes to %1 from %2 were kept.")
                            .arg(what, QLocale().toString(e.savedAt.toLocalTime(), QLocale::ShortFormat)),
                        QMessageBox::NoButton, this);
        box.setInformativeText(tr("Recover them? They open as unsaved changes on top of the file; Undo shows the file as it is."));
        QPushButton* recover = box.addButton(tr("Recover"), QMessageBox::AcceptRole);
        QPushButton* discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        box.addButton(tr("Not Now"), QMessageBox::RejectRole);
        box.setDefaultButton(recover);
        box.exec();
        if (box.clickedButton() == discard) {
            document::Autosave::removeRecovery(e);
            continue;
        }
        if (box.clickedButton() != recover)
            continue;
        QString error;
        auto doc = document::Autosave::recover(e, m_catalog, &error);
        if (!doc) {
            QMessageBox::critical(this, tr("Cannot recover"), tr("Could not recover %1:\n\n%2").arg(e.autosaveFile, error));
            continue;
        }
        setDocument(std::move(doc));
        // Safe in this session's autosave before the old one goes.
        m_autosave->saveNow();
        document::Autosave::removeRecovery(e);
        return true;
    }
    return false;
}

void MainWindow::deleteCurrent()
{
    if (!m_document)
        return;
    if (m_current.kind == ObjectRef::Kind::Pool)
        document::removePool(m_document.get(), m_current.cluster, m_current.name);
    else if (!m_current.workloadName().empty())
        document::removeWorkloads(m_document.get(), {m_current.workloadName()});
}

void MainWindow::pinWhereSolved()
{
    const auto solution = m_document ? m_document->solution() : nullptr;
    if (!solution)
        return;
    // Every unpinned workload whose Pods the solver put in a single pool is pinned there:
    // one macro, so one Undo takes it back.
    std::vector<std::pair<std::string, std::pair<std::string, std::string>>> pins;
    for (const auto& cs : solution->clusters) {
        std::map<std::string, std::set<std::string>> pools;
        for (const auto& pl : cs.placements) {
            if (pl.node >= 0 && size_t(pl.node) < cs.nodes.size()) {
                const int g = cs.nodes[size_t(pl.node)].group;
                if (g >= 0 && size_t(g) < cs.groups.size())
                    pools[pl.workload].insert(cs.groups[size_t(g)].pool);
            }
        }
        for (const auto& [w, set] : pools) {
            const model::Workload* wl = m_document->plan().workload(w);
            if (wl && !wl->isPinned() && set.size() == 1)
                pins.push_back({w, {cs.cluster, *set.begin()}});
        }
    }
    if (pins.empty()) {
        statusBar()->showMessage(tr("Every placed workload is pinned already."), 5000);
        return;
    }
    QUndoStack* stack = m_document->undoStack();
    stack->beginMacro(tr("Pin %n workload(s) where the solver placed them", nullptr, int(pins.size())));
    for (const auto& [w, target] : pins)
        stack->push(new document::PinWorkloadCommand(m_document.get(), w, target.first, target.second));
    stack->endMacro();
}

void MainWindow::addPool()
{
    const model::Cluster* c = m_document ? m_document->plan().cluster(currentCluster()) : nullptr;
    if (!c)
        return;
    const std::string name = document::uniquePoolName(*c, "pool");
    m_document->undoStack()->push(new document::AddPoolCommand(m_document.get(), c->name, document::defaultPool(m_catalog, *c, name)));
    setCurrent(ObjectRef::pool(c->name, name));
}

void MainWindow::addCluster()
{
    if (!m_document)
        return;
    const model::Provider provider = Settings::defaultProvider();
    const std::string name = document::uniqueClusterName(m_document->plan(), provider == model::Provider::Gke ? "gke-cluster" : "eks-cluster");
    m_document->undoStack()->push(new document::AddClusterCommand(
        m_document.get(), document::defaultCluster(m_catalog, provider, Settings::defaultRegion(provider).toStdString(), name)));
    setCurrent(ObjectRef::clusterRef(name));
    if (m_canvases.count(name))
        m_tabs->setCurrentWidget(m_canvases[name]);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_catalog, this);
    if (dialog.exec() == QDialog::Accepted && dialog.apply())
        QMessageBox::information(this, tr("Language"), tr("Clusterwright uses the new language from its next start."));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Clusterwright"),
                       tr("<h3>Clusterwright %1</h3><p>Plans and prices Kubernetes clusters for AI workloads on Google GKE "
                          "and Amazon EKS.</p><p>Prices as of %2, from the sources listed in the catalog.</p>")
                           .arg(QCoreApplication::applicationVersion(), i18n::priceDateText(m_catalog.priceDate())));
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
        for (auto& [name, view] : m_canvases)
            view->planScene()->setPalette(QApplication::palette());
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    // A normal close: the autosave of this session is not needed any more.
    m_autosave->discard();
    Settings::setWindowGeometry(saveGeometry(), saveState());
    event->accept();
}

} // namespace cw::gui
