// SPDX-License-Identifier: GPL-3.0-or-later
#include "plancommands.h"

#include "commandids.h"
#include "plandocument.h"

#include <QCoreApplication>

namespace cw::document {

PlanSettings PlanSettings::of(const model::Plan& plan)
{
    return {plan.name, plan.description, plan.hoursPerMonth, plan.freeTierCredit};
}

void PlanSettings::applyTo(model::Plan& plan) const
{
    plan.name = name;
    plan.description = description;
    plan.hoursPerMonth = hoursPerMonth;
    plan.freeTierCredit = freeTierCredit;
}

EditPlanCommand::EditPlanCommand(PlanDocument* document, PlanField field, PlanSettings before, PlanSettings after,
                                 int gesture, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_field(field)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_gesture(gesture)
{
    setText(QCoreApplication::translate("Commands", "Change %1 of the plan").arg(fieldLabel(m_field)));
}

void EditPlanCommand::redo()
{
    m_document->modify([this](model::Plan& plan) { m_after.applyTo(plan); });
}

void EditPlanCommand::undo()
{
    m_document->modify([this](model::Plan& plan) { m_before.applyTo(plan); });
}

int EditPlanCommand::id() const
{
    return kEditPlanCommandId;
}

bool EditPlanCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = static_cast<const EditPlanCommand*>(other);
    if (m_gesture == kDiscreteGesture || o->m_gesture != m_gesture || o->m_field != m_field || !(o->m_before == m_after))
        return false;
    m_after = o->m_after;
    setObsolete(m_after == m_before);
    return true;
}

ReplacePlanCommand::ReplacePlanCommand(PlanDocument* document, model::Plan plan, const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_after(std::move(plan))
{
}

void ReplacePlanCommand::redo()
{
    m_document->modify([this](model::Plan& plan) {
        if (!m_before)
            m_before = plan;
        plan = m_after;
    });
}

void ReplacePlanCommand::undo()
{
    if (!m_before)
        return;
    m_document->modify([this](model::Plan& plan) { plan = *m_before; });
}

} // namespace cw::document
