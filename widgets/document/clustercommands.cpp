// SPDX-License-Identifier: GPL-3.0-or-later
#include "clustercommands.h"

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

int indexOfCluster(const model::Plan& plan, const std::string& name)
{
    const auto it = std::find_if(plan.clusters.begin(), plan.clusters.end(),
                                 [&](const model::Cluster& c) { return c.name == name; });
    return it == plan.clusters.end() ? -1 : int(it - plan.clusters.begin());
}

// Everything of a cluster but its pools.
void assignSettings(model::Cluster& target, const model::Cluster& source)
{
    std::vector<model::NodePool> pools = std::move(target.nodePools);
    target = source;
    target.nodePools = std::move(pools);
}

bool sameSettings(model::Cluster a, const model::Cluster& b)
{
    a.nodePools = b.nodePools;
    return a == b;
}

} // namespace

AddClusterCommand::AddClusterCommand(PlanDocument* document, model::Cluster cluster, int index, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_cluster(std::move(cluster))
    , m_index(index)
{
    setText(translated(QT_TRANSLATE_NOOP("Commands", "Add cluster %1")).arg(q(m_cluster.name)));
}

void AddClusterCommand::redo()
{
    m_document->modify([this](model::Plan& plan) {
        const int at = m_index < 0 || m_index > int(plan.clusters.size()) ? int(plan.clusters.size()) : m_index;
        plan.clusters.insert(plan.clusters.begin() + at, m_cluster);
    });
}

void AddClusterCommand::undo()
{
    m_document->modify([this](model::Plan& plan) {
        if (const int i = indexOfCluster(plan, m_cluster.name); i >= 0)
            plan.clusters.erase(plan.clusters.begin() + i);
    });
}

RemoveClusterCommand::RemoveClusterCommand(PlanDocument* document, std::string name, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_name(std::move(name))
{
    setText(translated(QT_TRANSLATE_NOOP("Commands", "Remove cluster %1")).arg(q(m_name)));
}

void RemoveClusterCommand::redo()
{
    m_document->modify([this](model::Plan& plan) {
        const int i = indexOfCluster(plan, m_name);
        if (i < 0)
            return;
        m_index = i;
        m_removed = plan.clusters[size_t(i)];
        plan.clusters.erase(plan.clusters.begin() + i);
    });
}

void RemoveClusterCommand::undo()
{
    if (!m_removed)
        return;
    m_document->modify([this](model::Plan& plan) {
        const int at = std::clamp(m_index, 0, int(plan.clusters.size()));
        plan.clusters.insert(plan.clusters.begin() + at, *m_removed);
    });
}

EditClusterCommand::EditClusterCommand(PlanDocument* document, ClusterField field, model::Cluster before,
                                       model::Cluster after, int gesture, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_field(field)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_gesture(gesture)
{
    updateText();
}

void EditClusterCommand::updateText()
{
    if (m_field == ClusterField::Name)
        setText(translated(QT_TRANSLATE_NOOP("Commands", "Rename cluster %1 to %2")).arg(q(m_before.name), q(m_after.name)));
    else
        setText(translated(QT_TRANSLATE_NOOP("Commands", "Change %1 of cluster %2")).arg(fieldLabel(m_field), q(m_after.name)));
}

void EditClusterCommand::apply(const model::Cluster& from, const model::Cluster& to, bool forward)
{
    m_document->modify([&](model::Plan& plan) {
        model::Cluster* c = plan.cluster(from.name);
        if (!c)
            return;
        assignSettings(*c, to);
        if (from.name == to.name)
            return;
        if (forward && !m_captured) {
            for (const auto& w : plan.workloads) {
                if (w.cluster == from.name)
                    m_moved.push_back(w.name);
            }
            m_captured = true;
        }
        for (const auto& name : m_moved) {
            if (model::Workload* w = plan.workload(name))
                w->cluster = to.name;
        }
    });
}

void EditClusterCommand::redo()
{
    apply(m_before, m_after, true);
}

void EditClusterCommand::undo()
{
    apply(m_after, m_before, false);
}

int EditClusterCommand::id() const
{
    return kEditClusterCommandId;
}

bool EditClusterCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = static_cast<const EditClusterCommand*>(other);
    if (m_gesture == kDiscreteGesture || o->m_gesture != m_gesture || o->m_field != m_field
        || m_field == ClusterField::Name || o->m_before.name != m_after.name || !sameSettings(o->m_before, m_after))
        return false;
    m_after = o->m_after;
    updateText();
    setObsolete(sameSettings(m_after, m_before));
    return true;
}

} // namespace cw::document
