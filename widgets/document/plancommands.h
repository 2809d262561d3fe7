// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fields.h"
#include "model/plan.h"

#include <QUndoCommand>

#include <optional>

namespace cw::document {

class PlanDocument;

// The plan's own settings, apart from its clusters and workloads.
struct PlanSettings {
    std::string name;
    std::string description;
    int hoursPerMonth = model::kDefaultHoursPerMonth;
    bool freeTierCredit = true;

    static PlanSettings of(const model::Plan& plan);
    void applyTo(model::Plan& plan) const;
    friend bool operator==(const PlanSettings&, const PlanSettings&) = default;
};

// Changes one of the plan's own settings (name, description, hours per month, free tier).
class EditPlanCommand : public QUndoCommand
{
public:
    EditPlanCommand(PlanDocument* document, PlanField field, PlanSettings before, PlanSettings after,
                    int gesture = 0, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    PlanDocument* m_document;
    PlanField m_field;
    PlanSettings m_before;
    PlanSettings m_after;
    int m_gesture;
};

// Replaces the whole plan: reloading the file from disk, recovering an autosave. Undo brings
// back the plan as it was.
class ReplacePlanCommand : public QUndoCommand
{
public:
    ReplacePlanCommand(PlanDocument* document, model::Plan plan, const QString& text, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    PlanDocument* m_document;
    model::Plan m_after;
    std::optional<model::Plan> m_before;
};

} // namespace cw::document
