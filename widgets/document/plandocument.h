// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "diag/diagnostic.h"
#include "model/plan.h"

#include <QObject>
#include <QString>

#include <memory>

class QUndoStack;

namespace cw::document {

// The plan being edited: the Plan value, its undo stack, the file it belongs to and the
// catalog it is priced with. Views read the plan and listen to planChanged(); every edit is
// an undo command that calls the mutation methods below.
class PlanDocument : public QObject
{
    Q_OBJECT

public:
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
    bool isModified() const;

    // Writes the plan atomically and marks the undo stack clean.
    bool save(const QString& path, QString* error);

    // Diagnostics of the plan against the catalog, recomputed after every change.
    const diag::Diagnostics& diagnostics() const { return m_diagnostics; }

    // For undo commands only: replaces the plan and announces the change.
    void replacePlan(model::Plan plan);

Q_SIGNALS:
    void planChanged();
    void fileNameChanged(const QString& fileName);
    void modifiedChanged(bool modified);

private:
    void recheck();

    const catalog::Catalog& m_catalog;
    model::Plan m_plan;
    QUndoStack* m_undoStack;
    QString m_fileName;
    diag::Diagnostics m_diagnostics;
};

} // namespace cw::document
