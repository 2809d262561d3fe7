// SPDX-License-Identifier: GPL-3.0-or-later
#include "poolcommands.h"

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

int indexOfPool(const model::Cluster& c, const std::string& name)
{
    const auto it = std::find_if(c.nodePools.begin(), c.nodePools.end(),
                                 [&](const model::NodePool& p) { return p.name == name; });
    return it == c.nodePools.end() ? -1 : int(it - c.nodePools.begin());
}

} // namespace

AddPoolCommand::AddPoolCommand(PlanDocument* document, std::string cluster, model::NodePool pool, int index,
                               QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_cluster(std::move(cluster))
    , m_pool(std::move(pool))
    , m_index(index)
{
    setText(translated(QT_TRANSLATE_NOOP("Commands", "Add node pool %1")).arg(q(m_pool.name)));
}

void AddPoolCommand::redo()
{
    m_document->modify([this](model::Plan& plan) {
        model::Cluster* c = plan.cluster(m_cluster);
        if (!c)
            return;
        const int at = m_index < 0 || m_index > int(c->nodePools.size()) ? int(c->nodePools.size()) : m_index;
        c->nodePools.insert(c->nodePools.begin() + at, m_pool);
    });
}

void AddPoolCommand::undo()
{
    m_document->modify([this](model::Plan& plan) {
        model::Cluster* c = plan.cluster(m_cluster);
        if (!c)
            return;
        if (const int i = indexOfPool(*c, m_pool.name); i >= 0)
            c->nodePools.erase(c->nodePools.begin() + i);
    });
}

RemovePoolCommand::RemovePoolCommand(PlanDocument* document, std::string cluster, std::string pool,
                                     QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_cluster(std::move(cluster))
    , m_name(std::move(pool))
{
    setText(translated(QT_TRANSLATE_NOOP("Commands", "Remove node pool %1")).arg(q(m_name)));
}

void RemovePoolCommand::redo()
{
    m_document->modify([this](model::Plan& plan) {
        model::Cluster* c = plan.cluster(m_cluster);
        if (!c)
            return;
        const int i = indexOfPool(*c, m_name);
        if (i < 0)
            return;
        m_index = i;
        m_removed = c->nodePools[size_t(i)];
        c->nodePools.erase(c->nodePools.begin() + i);
    });
}

void RemovePoolCommand::undo()
{
    if (!m_removed)
        return;
    m_document->modify([this](model::Plan& plan) {
        model::Cluster* c = plan.cluster(m_cluster);
        if (!c)
            return;
        const int at = std::clamp(m_index, 0, int(c->nodePools.size()));
        c->nodePools.insert(c->nodePools.begin() + at, *m_removed);
    });
}

EditPoolCommand::EditPoolCommand(PlanDocument* document, std::string cluster, PoolField field,
                                 model::NodePool before, model::NodePool after, int gesture, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_cluster(std::move(cluster))
    , m_field(field)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_gesture(gesture)
{
    updateText();
}

void EditPoolCommand::updateText()
{
    if (m_field == PoolField::Name)
        setText(translated(QT_TRANSLATE_NOOP("Commands", "Rename node pool %1 to %2")).arg(q(m_before.name), q(m_after.name)));
    else
        setText(translated(QT_TRANSLATE_NOOP("Commands", "Change %1 of node pool %2")).arg(fieldLabel(m_field), q(m_after.name)));
}

void EditPoolCommand::apply(const model::NodePool& from, const model::NodePool& to, bool forward)
{
    m_document->modify([&](model::Plan& plan) {
        model::Cluster* c = plan.cluster(m_cluster);
        model::NodePool* p = c ? c->pool(from.name) : nullptr;
        if (!p)
            return;
        *p = to;
        if (from.name == to.name)
            return;
        if (forward && !m_captured) {
            for (const auto& w : plan.workloads) {
                if (w.cluster == m_cluster && w.pool == from.name)
                    m_repinned.push_back(w.name);
            }
            m_captured = true;
        }
        for (const auto& name : m_repinned) {
            if (model::Workload* w = plan.workload(name))
                w->pool = to.name;
        }
    });
}

void EditPoolCommand::redo()
{
    apply(m_before, m_after, true);
}

void EditPoolCommand::undo()
{
    apply(m_after, m_before, false);
}

int EditPoolCommand::id() const
{
    return kEditPoolCommandId;
}

bool EditPoolCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = static_cast<const EditPoolCommand*>(other);
    if (m_gesture == kDiscreteGesture || o->m_gesture != m_gesture || o->m_field != m_field
        || o->m_cluster != m_cluster || m_field == PoolField::Name || o->m_before.name != m_after.name
        || !(o->m_before == m_after))
        return false;
    m_after = o->m_after;
    updateText();
    setObsolete(m_after == m_before);
    return true;
}

} // namespace cw::document
