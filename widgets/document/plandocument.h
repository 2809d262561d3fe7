// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "diag/diagnostic.h"
#include "model/plan.h"
#include "solve/solution.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QUndoStack;
class QTimer;

namespace cw::document {

class SolveTracker;

// The plan being edited: the Plan value, its undo stack, the file it belongs to, the catalog
// it is priced with and the latest solution. Views read the plan and the solution and listen
// to the change signals; every edit is an undo command that goes through modify(). After a
// change the plan is re-checked at once and re-solved off the UI thread.
class PlanDocument : public QObject
{
    Q_OBJECT

public:
    enum class DiskState { Unchanged, Changed, Removed };

    explicit PlanDocument(const catalog::Catalog& catalog, QObject* parent = nullptr);
    ~PlanDocument() override;

    // Reads a plan file. On failure returns null and fills error (and diags, when given).
    static std::unique_ptr<PlanDocument> open(const QString& path, const catalog::Catalog& catalog,
                                              QString* error, diag::Diagnostics* diags = nullptr);
    // A document for a plan held in memory (an example, a new plan).
    static std::unique_ptr<PlanDocument> fromPlan(model::Plan plan, const catalog::Catalog& catalog);

    const model::Plan& plan() const { return m_plan; }
    const catalog::Catalog& catalog() const { return m_catalog; }
    QUndoStack* undoStack() const { return m_undoStack; }

    QString fileName() const { return m_fileName; }
    void setFileName(const QString& fileName);
    // The file's name, else the plan's name, else "Untitled" (translated).
    QString displayName() const;
    bool isModified() const;

    // Writes the plan atomically and marks the undo stack clean. On failure the file on disk
    // is left as it was, the document stays modified and error says why.
    bool save(const QString& path, QString* error);
    // Reads the file again. The change is one undo command ("Reload from disk"), so nothing is
    // lost; afterwards the document is clean. On failure nothing changes and error says why.
    bool reload(QString* error, diag::Diagnostics* diags = nullptr);
    // Has the file changed on disk since it was last read or written by this document?
    DiskState diskState() const;
    // Takes what is on disk now as known, so that the same change is not reported again.
    void acknowledgeDiskState();

    // Diagnostics of the plan: the reader's warnings, the catalog check (recomputed after
    // every change) and the latest solution's.
    const diag::Diagnostics& diagnostics() const { return m_diagnostics; }

    // The latest solution, null before the first solve finishes.
    std::shared_ptr<const solve::Solution> solution() const { return m_solution; }
    bool isSolving() const;
    // A solve is scheduled or running: a solution newer than solution() is on its way.
    bool isSolvePending() const;
    SolveTracker* solveTracker() const { return m_tracker; }
    // On by default: every change schedules a solve.
    void setAutoSolve(bool on);
    // Starts a solve of the current plan now.
    void solveNow();

    // For undo commands only: applies an edit to the plan, re-checks it and announces it.
    void modify(const std::function<void(model::Plan&)>& edit);

Q_SIGNALS:
    void planChanged();
    void diagnosticsChanged();
    void solutionChanged();
    void solvingChanged(bool solving);
    void solveFailed(const QString& message);
    void fileNameChanged(const QString& fileName);
    void modifiedChanged(bool modified);

private:
    void recheck();
    void rebuildDiagnostics();
    void scheduleSolve();
    void takeDiskSnapshot(const QByteArray& bytes);

    const catalog::Catalog& m_catalog;
    model::Plan m_plan;
    QUndoStack* m_undoStack;
    QString m_fileName;
    QByteArray m_diskHash;        // of the bytes last read or written; empty: never on disk
    diag::Diagnostics m_readDiagnostics;
    diag::Diagnostics m_checkDiagnostics;
    diag::Diagnostics m_diagnostics;
    std::shared_ptr<const solve::Solution> m_solution;
    SolveTracker* m_tracker;
    QTimer* m_solveTimer;
    bool m_autoSolve = true;
};

} // namespace cw::document
