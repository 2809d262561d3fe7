// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "compare/comparerunner.h"
#include "compare/compareview.h"
#include "document/plandocument.h"
#include "io/summary.h"
#include "model/quantity.h"
#include "plantreemodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>

namespace cw::gui {

using namespace cw::model;

MainWindow::MainWindow(const catalog::Catalog& catalog, QWidget* parent)
    : QMainWindow(parent)
    , m_catalog(catalog)
    , m_treeModel(new widgets::PlanTreeModel(this))
    , m_tree(new QTreeView)
    , m_tabs(new QTabWidget)
    , m_diagnostics(new QTreeWidget)
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("MainWindow"));
    m_tree->setModel(m_treeModel);
    m_tree->setAccessibleName(tr("Plan outline"));
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto* outline = new QDockWidget(tr("Plan"), this);
    outline->setObjectName(QStringLiteral("PlanDock"));
    outline->setWidget(m_tree);
    addDockWidget(Qt::LeftDockWidgetArea, outline);

    m_diagnostics->setHeaderLabels({tr("Severity"), tr("Code"), tr("Location"), tr("Message")});
    m_diagnostics->setRootIsDecorated(false);
    m_diagnostics->setAccessibleName(tr("Diagnostics"));
    auto* diagDock = new QDockWidget(tr("Diagnostics"), this);
    diagDock->setObjectName(QStringLiteral("DiagnosticsDock"));
    diagDock->setWidget(m_diagnostics);
    addDockWidget(Qt::BottomDockWidgetArea, diagDock);

    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);
    statusBar()->addPermanentWidget(m_status);
    createActions();
    resize(1400, 900);
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The views must let go of the document before it is destroyed.
    m_treeModel->setDocument(nullptr);
    if (m_document)
        m_document->disconnect(this);
    m_document.reset();
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, [this] {
        if (!maybeSave())
            return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Plan"), QString(),
                                                          tr("Clusterwright plans (*.yaml *.yml)"));
        if (!path.isEmpty())
            openFile(path);
    });
    open->setShortcut(QKeySequence::Open);
    QAction* saveAction = file->addAction(tr("&Save"), this, [this] { save(); });
    saveAction->setShortcut(QKeySequence::Save);
    QAction* saveAsAction = file->addAction(tr("Save &As…"), this, [this] { saveAs(); });
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* compare = view->addAction(tr("&Compare Providers"), this, [this] { showComparison(); });
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
}

void MainWindow::showComparison(bool wait)
{
    m_compareShown = true;
    if (!m_compare)
        addCompareTab(wait);
    if (m_compare)
        m_tabs->setCurrentWidget(m_compare);
}

void MainWindow::addCompareTab(bool wait)
{
    if (!m_document)
        return;
    m_compare = new widgets::CompareView;
    m_tabs->addTab(m_compare, tr("Compare"));
    if (wait) {
        m_compare->setComparison(widgets::CompareRunner::compute(m_document->plan(), m_catalog));
        return;
    }
    if (!m_compareRunner) {
        m_compareRunner = new widgets::CompareRunner(m_catalog, this);
        connect(m_compareRunner, &widgets::CompareRunner::finished, this, [this] {
            if (m_compare)
                m_compare->setComparison(m_compareRunner->result());
        });
    }
    m_compare->setMessage(tr("Pricing the plan on GKE Standard, GKE Autopilot and EKS…"));
    m_compareRunner->start(m_document->plan());
}

void MainWindow::setDocument(std::unique_ptr<document::PlanDocument> document)
{
    m_document = std::move(document);
    m_treeModel->setDocument(m_document.get());
    if (m_document) {
        connect(m_document.get(), &document::PlanDocument::planChanged, this, &MainWindow::refresh);
        connect(m_document.get(), &document::PlanDocument::modifiedChanged, this, &MainWindow::updateTitle);
        connect(m_document.get(), &document::PlanDocument::fileNameChanged, this, &MainWindow::updateTitle);
    }
    m_tree->expandAll();
    refresh();
    updateTitle();
}

bool MainWindow::openFile(const QString& path)
{
    QString error;
    auto doc = document::PlanDocument::open(path, m_catalog, &error);
    if (!doc) {
        QMessageBox::critical(this, tr("Cannot open plan"),
                              tr("Could not open %1:\n\n%2").arg(QFileInfo(path).fileName(), error));
        return false;
    }
    setDocument(std::move(doc));
    return true;
}

static QString escaped(const std::string& s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}

void MainWindow::refresh()
{
    m_compare = nullptr;
    while (m_tabs->count() > 0) {
        QWidget* w = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete w;
    }
    m_diagnostics->clear();
    if (!m_document) {
        m_status->clear();
        return;
    }
    const Plan& plan = m_document->plan();
    for (const auto& c : plan.clusters) {
        auto* view = new QTextBrowser;
        QString html = QStringLiteral("<h2>%1</h2><p>%2</p>").arg(escaped(c.name),
            escaped(std::string(c.provider == Provider::Gke ? "GKE " : "EKS ")
                    + (c.provider == Provider::Gke ? toString(c.mode) : "") + " · " + c.location));
        html += QStringLiteral("<h3>%1</h3><table cellspacing=0 cellpadding=4 border=1>").arg(tr("Node pools"));
        html += QStringLiteral("<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
                    .arg(tr("Pool"), tr("Machine types"), tr("Nodes"), tr("List price per node"));
        for (const auto& p : c.nodePools) {
            QStringList types, prices;
            for (const auto& t : p.machineTypes) {
                types << escaped(t);
                if (const auto* m = m_catalog.machineType(c.provider, t)) {
                    const auto price = m_catalog.machinePrice(c.provider, *m, p.capacity);
                    prices << (price.known ? QStringLiteral("$%1/h").arg(price.usdPerHour, 0, 'f', 2) : tr("no price"))
                                  + (price.unverified ? QStringLiteral(" ⚠") : QString());
                }
            }
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3–%4</td><td>%5</td></tr>")
                        .arg(escaped(p.name), types.join(QStringLiteral("<br>")))
                        .arg(p.minNodes)
                        .arg(p.maxNodes ? QString::number(*p.maxNodes) : QStringLiteral("∞"), prices.join(QStringLiteral("<br>")));
        }
        html += QStringLiteral("</table><h3>%1</h3><table cellspacing=0 cellpadding=4 border=1>").arg(tr("Workloads"));
        html += QStringLiteral("<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
                    .arg(tr("Workload"), tr("Kind"), tr("Replicas"), tr("Per Pod"), tr("Pool"));
        for (const Workload* w : plan.workloadsOf(c.name)) {
            std::string perPod = humanCpu(w->resources.cpuMilli) + ", " + humanBytes(w->resources.memoryBytes);
            const std::string acc = io::acceleratorRequestText(w->resources);
            if (!acc.empty())
                perPod += ", " + acc;
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                        .arg(escaped(w->name), escaped(toString(w->kind)))
                        .arg(w->replicas)
                        .arg(escaped(perPod), w->isPinned() ? escaped(w->pool) : tr("(solver's choice)"));
        }
        html += QStringLiteral("</table>");
        view->setHtml(html);
        m_tabs->addTab(view, QString::fromStdString(c.name));
    }
    for (const auto& d : m_document->diagnostics().items()) {
        auto* item = new QTreeWidgetItem(m_diagnostics);
        item->setText(0, QString::fromLatin1(diag::severityName(d.severity)));
        item->setText(1, QString::fromStdString(d.code));
        item->setText(2, d.where.line > 0 ? QStringLiteral("%1:%2").arg(d.where.line).arg(d.where.column) : QString());
        item->setText(3, QCoreApplication::translate("Diagnostics", std::string(diag::messageTemplate(d.code)).c_str()));
        QString msg = item->text(3);
        for (size_t i = 0; i < d.args.size(); ++i)
            msg.replace(QStringLiteral("%%1").arg(i + 1), QString::fromStdString(d.args[i]));
        item->setText(3, msg);
    }
    if (m_compareShown)
        addCompareTab(false);
    size_t pools = 0;
    for (const auto& c : plan.clusters)
        pools += c.nodePools.size();
    m_status->setText(tr("%1 clusters · %2 node pools · %3 workloads · prices as of %4")
                          .arg(plan.clusters.size())
                          .arg(pools)
                          .arg(plan.workloads.size())
                          .arg(QString::fromStdString(m_catalog.priceDate())));
}

void MainWindow::updateTitle()
{
    QString name = tr("Untitled");
    if (m_document && !m_document->fileName().isEmpty())
        name = QFileInfo(m_document->fileName()).fileName();
    else if (m_document && !m_document->plan().name.empty())
        name = QString::fromStdString(m_document->plan().name);
    setWindowTitle(QStringLiteral("%1[*] — Clusterwright").arg(name));
    setWindowModified(m_document && m_document->isModified());
}

bool MainWindow::save()
{
    if (!m_document)
        return false;
    if (m_document->fileName().isEmpty())
        return saveAs();
    QString error;
    if (!m_document->save(m_document->fileName(), &error)) {
        QMessageBox::critical(this, tr("Cannot save plan"),
                              tr("Could not save %1:\n\n%2").arg(m_document->fileName(), error));
        return false;
    }
    return true;
}

bool MainWindow::saveAs()
{
    if (!m_document)
        return false;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Plan As"), m_document->fileName(),
                                                      tr("Clusterwright plans (*.yaml *.yml)"));
    if (path.isEmpty())
        return false;
    QString error;
    if (!m_document->save(path, &error)) {
        QMessageBox::critical(this, tr("Cannot save plan"), tr("Could not save %1:\n\n%2").arg(path, error));
        return false;
    }
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document || !m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved changes"),
                                             tr("The plan has unsaved changes. Save them?"),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

} // namespace cw::gui
