// SPDX-License-Identifier: GPL-3.0-or-later
#include "plandocument.h"

#include "check/plancheck.h"
#include "io/planreader.h"
#include "io/planwriter.h"
#include "plancommands.h"
#include "solvetracker.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTimer>
#include <QUndoStack>

namespace cw::document {

namespace {

QString errorLines(const diag::Diagnostics& diags)
{
    QStringList lines;
    for (const auto& d : diags.items()) {
        if (d.severity == diag::Severity::Error)
            lines << QString::fromStdString(d.format());
    }
    return lines.join(QLatin1Char('\n'));
}

QByteArray hashOf(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

} // namespace

PlanDocument::PlanDocument(const catalog::Catalog& catalog, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_undoStack(new QUndoStack(this))
    , m_tracker(new SolveTracker(catalog, this))
    , m_solveTimer(new QTimer(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    // Edits that arrive together (a macro, a spin box held down) are solved once.
    m_solveTimer->setSingleShot(true);
    m_solveTimer->setInterval(0);
    connect(m_solveTimer, &QTimer::timeout, this, &PlanDocument::solveNow);
    connect(m_tracker, &SolveTracker::busyChanged, this, &PlanDocument::solvingChanged);
    connect(m_tracker, &SolveTracker::finished, this,
            [this](quint64, std::shared_ptr<const solve::Solution> solution) {
                m_solution = std::move(solution);
                rebuildDiagnostics();
                Q_EMIT solutionChanged();
                Q_EMIT diagnosticsChanged();
            });
    connect(m_tracker, &SolveTracker::failed, this, [this](quint64, const QString& message) { Q_EMIT solveFailed(message); });
}

PlanDocument::~PlanDocument()
{
    // Commands refer to the document; they go first, then the running solve is stopped.
    m_undoStack->clear();
    m_tracker->cancel();
}

std::unique_ptr<PlanDocument> PlanDocument::open(const QString& path, const catalog::Catalog& catalog,
                                                 QString* error, diag::Diagnostics* diags)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("PlanDocument", "cannot read %1: %2").arg(path, file.errorString());
        if (diags)
            diags->add("CW001", {path.toStdString(), 0, 0}, {path.toStdString(), file.errorString().toStdString()});
        return nullptr;
    }
    const QByteArray bytes = file.readAll();
    io::PlanReadResult r = io::readPlanText(std::string_view(bytes.constData(), size_t(bytes.size())), path.toStdString());
    if (diags)
        *diags = r.diagnostics;
    if (!r.plan) {
        if (error)
            *error = errorLines(r.diagnostics);
        return nullptr;
    }
    auto doc = fromPlan(std::move(*r.plan), catalog);
    doc->m_fileName = path;
    doc->m_readDiagnostics = r.diagnostics;
    doc->takeDiskSnapshot(bytes);
    doc->rebuildDiagnostics();
    return doc;
}

std::unique_ptr<PlanDocument> PlanDocument::fromPlan(model::Plan plan, const catalog::Catalog& catalog)
{
    auto doc = std::make_unique<PlanDocument>(catalog);
    doc->m_plan = std::move(plan);
    doc->recheck();
    doc->scheduleSolve();
    return doc;
}

void PlanDocument::setFileName(const QString& fileName)
{
    if (fileName == m_fileName)
        return;
    m_fileName = fileName;
    Q_EMIT fileNameChanged(fileName);
}

QString PlanDocument::displayName() const
{
    if (!m_fileName.isEmpty())
        return QFileInfo(m_fileName).fileName();
    if (!m_plan.name.empty())
        return QString::fromStdString(m_plan.name);
    return QCoreApplication::translate("PlanDocument", "Untitled");
}

bool PlanDocument::isModified() const
{
    return !m_undoStack->isClean();
}

bool PlanDocument::save(const QString& path, QString* error)
{
    const std::string text = io::writePlanText(m_plan);
    std::string why;
    if (!io::writeFileAtomically(path.toStdString(), text, &why)) {
        if (error)
            *error = QCoreApplication::translate("PlanDocument", "cannot save %1: %2").arg(path, QString::fromStdString(why));
        return false;
    }
    m_plan.sourceFile = path.toStdString();
    takeDiskSnapshot(QByteArray::fromStdString(text));
    setFileName(path);
    m_undoStack->setClean();
    if (!m_readDiagnostics.empty()) {
        // The reader's remarks (an old apiVersion, say) were about the file just replaced.
        m_readDiagnostics = {};
        rebuildDiagnostics();
        Q_EMIT diagnosticsChanged();
    }
    return true;
}

bool PlanDocument::reload(QString* error, diag::Diagnostics* diags)
{
    QFile file(m_fileName);
    if (m_fileName.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("PlanDocument", "cannot read %1: %2").arg(m_fileName, file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    io::PlanReadResult r = io::readPlanText(std::string_view(bytes.constData(), size_t(bytes.size())), m_fileName.toStdString());
    if (diags)
        *diags = r.diagnostics;
    if (!r.plan) {
        if (error)
            *error = errorLines(r.diagnostics);
        return false;
    }
    m_readDiagnostics = r.diagnostics;
    takeDiskSnapshot(bytes);
    m_undoStack->push(new ReplacePlanCommand(this, std::move(*r.plan),
                                             QCoreApplication::translate("PlanDocument", "Reload from disk")));
    m_undoStack->setClean();
    return true;
}

PlanDocument::DiskState PlanDocument::diskState() const
{
    if (m_fileName.isEmpty() || m_diskHash.isEmpty())
        return DiskState::Unchanged;
    QFile file(m_fileName);
    if (!file.exists())
        return DiskState::Removed;
    if (!file.open(QIODevice::ReadOnly))
        return DiskState::Unchanged; // unreadable for a moment (being replaced): ask again later
    return hashOf(file.readAll()) == m_diskHash ? DiskState::Unchanged : DiskState::Changed;
}

void PlanDocument::acknowledgeDiskState()
{
    QFile file(m_fileName);
    if (file.open(QIODevice::ReadOnly))
        takeDiskSnapshot(file.readAll());
}

void PlanDocument::takeDiskSnapshot(const QByteArray& bytes)
{
    m_diskHash = hashOf(bytes);
}

bool PlanDocument::isSolving() const
{
    return m_tracker->isBusy();
}

bool PlanDocument::isSolvePending() const
{
    return m_solveTimer->isActive() || m_tracker->isBusy();
}

void PlanDocument::setAutoSolve(bool on)
{
    m_autoSolve = on;
    if (!on)
        m_solveTimer->stop();
}

void PlanDocument::scheduleSolve()
{
    if (m_autoSolve)
        m_solveTimer->start();
}

void PlanDocument::solveNow()
{
    m_solveTimer->stop();
    m_tracker->request(m_plan, m_solution);
}

void PlanDocument::modify(const std::function<void(model::Plan&)>& edit)
{
    const std::string source = m_plan.sourceFile;
    edit(m_plan);
    m_plan.sourceFile = source;
    recheck();
    Q_EMIT planChanged();
    Q_EMIT diagnosticsChanged();
    scheduleSolve();
}

void PlanDocument::recheck()
{
    m_checkDiagnostics = {};
    check::checkPlan(m_plan, m_catalog, m_checkDiagnostics);
    rebuildDiagnostics();
}

void PlanDocument::rebuildDiagnostics()
{
    m_diagnostics = {};
    m_diagnostics.append(m_readDiagnostics);
    m_diagnostics.append(m_checkDiagnostics);
    if (m_solution)
        m_diagnostics.append(m_solution->diagnostics);
}

} // namespace cw::document
