// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fields.h"
#include "model/plan.h"

#include <QUndoCommand>

#include <optional>
#include <vector>

namespace cw::document {

class PlanDocument;

// Adds a node pool to a cluster.
class AddPoolCommand : public QUndoCommand
{
public:
    AddPoolCommand(PlanDocument* document, std::string cluster, model::NodePool pool, int index = -1,
                   QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    PlanDocument* m_document;
    std::string m_cluster;
    model::NodePool m_pool;
    int m_index;
};

// Removes a node pool from a cluster. Workloads pinned to it are unpinned first, in the same
// macro (see removePool() in editing.h).
class RemovePoolCommand : public QUndoCommand
{
public:
    RemovePoolCommand(PlanDocument* document, std::string cluster, std::string pool, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    PlanDocument* m_document;
    std::string m_cluster;
    std::string m_name;
    std::optional<model::NodePool> m_removed;
    int m_index = -1;
};

// Changes one field of a node pool, holding the pool before and after by value. Renaming a
// pool moves the pins of its workloads along.
class EditPoolCommand : public QUndoCommand
{
public:
    EditPoolCommand(PlanDocument* document, std::string cluster, PoolField field, model::NodePool before,
                    model::NodePool after, int gesture = 0, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    void apply(const model::NodePool& from, const model::NodePool& to, bool forward);
    void updateText();

    PlanDocument* m_document;
    std::string m_cluster;
    PoolField m_field;
    model::NodePool m_before;
    model::NodePool m_after;
    int m_gesture;
    std::vector<std::string> m_repinned; // workloads whose pin followed a rename
    bool m_captured = false;
};

} // namespace cw::document
