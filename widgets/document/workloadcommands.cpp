// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloadcommands.h"

#include "commandids.h"
#include "plandocument.h"

#include <QCoreApplication>

#include <algorithm>

namespace cw::document {

namespace {

QString translated(const char* text)
{
    return QCoreApplication::translate("Commands", text);
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

int indexOfWorkload(const model::Plan& plan, const std::string& name)
{
    const auto it = std::find_if(plan.workloads.begin(), plan.workloads.end(),
                                 [&](const model::Workload& w) { return w.name == name; });
    return it == plan.workloads.end() ? -1 : int(it - plan.workloads.begin());
}

} // namespace

AddWorkloadCommand::AddWorkloadCommand(PlanDocument* document, model::Workload workload, int index,
                                       QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_workload(std::move(workload))
    , m_index(index)
{
    setText(translated(QT_TRANSLATE_NOOP("Commands", "Add workload %1")).arg(q(m_workload.name)));
}

void AddWorkloadCommand::redo()
{
    m_document->modify([this](model::Plan& plan) {
        const int at = m_index < 0 || m_index > int(plan.workloads.size()) ? int(plan.workloads.size()) : m_index;
        plan.workloads.insert(plan.workloads.begin() + at, m_workload);
    });
}

void AddWorkloadCommand::undo()
{
    m_document->modify([this](model::Plan& plan) {
        const int i = indexOfWorkload(plan, m_workload.name);
        if (i >= 0)
            plan.workloads.erase(plan.workloads.begin() + i);
    });
}

RemoveWorkloadCommand::RemoveWorkloadCommand(PlanDocument* document, std::string name, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_name(std::move(name))
{
    setText(translated(QT_TRANSLATE_NOOP("Commands", "Remove workload %1")).arg(q(m_name)));
}

void RemoveWorkloadCommand::redo()
{
    m_document->modify([this](model::Plan& plan) {
        const int i = indexOfWorkload(plan, m_name);
        if (i < 0)
            return;
        m_index = i;
        m_removed = plan.workloads[size_t(i)];
        plan.workloads.erase(plan.workloads.begin() + i);
    });
}

void RemoveWorkloadCommand::undo()
{
    if (!m_removed)
        return;
    m_document->modify([this](model::Plan& plan) {
        const int at = std::clamp(m_index, 0, int(plan.workloads.size()));
        plan.workloads.insert(plan.workloads.begin() + at, *m_removed);
    });
}

EditWorkloadCommand::EditWorkloadCommand(PlanDocument* document, WorkloadField field, model::Workload before,
                                         model::Workload after, int gesture, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_field(field)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_gesture(gesture)
{
    updateText();
}

void EditWorkloadCommand::updateText()
{
    if (m_field == WorkloadField::Name)
        setText(translated(QT_TRANSLATE_NOOP("Commands", "Rename workload %1 to %2")).arg(q(m_before.name), q(m_after.name)));
    else
        setText(translated(QT_TRANSLATE_NOOP("Commands", "Change %1 of %2")).arg(fieldLabel(m_field), q(m_after.name)));
}

void EditWorkloadCommand::apply(const model::Workload& from, const model::Workload& to)
{
    m_document->modify([&](model::Plan& plan) {
        if (model::Workload* w = plan.workload(from.name))
            *w = to;
    });
}

void EditWorkloadCommand::redo()
{
    apply(m_before, m_after);
}

void EditWorkloadCommand::undo()
{
    apply(m_after, m_before);
}

int EditWorkloadCommand::id() const
{
    return kEditWorkloadCommandId;
}

bool EditWorkloadCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = static_cast<const EditWorkloadCommand*>(other);
    if (m_gesture == kDiscreteGesture || o->m_gesture != m_gesture || o->m_field != m_field
        || o->m_before.name != m_after.name || !(o->m_before == m_after))
        return false;
    m_after = o->m_after;
    updateText();
    // A gesture that ends where it started leaves nothing to undo.
    setObsolete(m_after == m_before && m_after.name == m_before.name);
    return true;
}

PinWorkloadCommand::PinWorkloadCommand(PlanDocument* document, std::string workload, std::string cluster,
                                       std::string pool, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_workload(std::move(workload))
    , m_cluster(std::move(cluster))
    , m_pool(std::move(pool))
{
    if (m_pool.empty())
        setText(translated(QT_TRANSLATE_NOOP("Commands", "Unpin %1")).arg(q(m_workload)));
    else
        setText(translated(QT_TRANSLATE_NOOP("Commands", "Pin %1 to %2/%3")).arg(q(m_workload), q(m_cluster), q(m_pool)));
}

void PinWorkloadCommand::apply(const std::string& cluster, const std::string& pool)
{
    m_document->modify([&](model::Plan& plan) {
        model::Workload* w = plan.workload(m_workload);
        if (!w)
            return;
        if (!m_captured) {
            m_oldCluster = w->cluster;
            m_oldPool = w->pool;
            m_captured = true;
        }
        w->cluster = cluster;
        w->pool = pool;
    });
}

void PinWorkloadCommand::redo()
{
    apply(m_cluster, m_pool);
}

void PinWorkloadCommand::undo()
{
    if (m_captured)
        apply(m_oldCluster, m_oldPool);
}

} // namespace cw::document
