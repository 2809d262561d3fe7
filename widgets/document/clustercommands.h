// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fields.h"
#include "model/plan.h"

#include <QUndoCommand>

#include <optional>
#include <vector>

namespace cw::document {

class PlanDocument;

// Adds a cluster to the plan.
class AddClusterCommand : public QUndoCommand
{
public:
    AddClusterCommand(PlanDocument* document, model::Cluster cluster, int index = -1, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    PlanDocument* m_document;
    model::Cluster m_cluster;
    int m_index;
};

// Removes a cluster with its pools. Its workloads are removed first, in the same macro (see
// removeCluster() in editing.h).
class RemoveClusterCommand : public QUndoCommand
{
public:
    RemoveClusterCommand(PlanDocument* document, std::string name, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    PlanDocument* m_document;
    std::string m_name;
    std::optional<model::Cluster> m_removed;
    int m_index = -1;
};

// Changes one field of a cluster (not its pools: they have their own commands). Renaming a
// cluster moves its workloads along.
class EditClusterCommand : public QUndoCommand
{
public:
    EditClusterCommand(PlanDocument* document, ClusterField field, model::Cluster before, model::Cluster after,
                       int gesture = 0, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    void apply(const model::Cluster& from, const model::Cluster& to, bool forward);
    void updateText();

    PlanDocument* m_document;
    ClusterField m_field;
    model::Cluster m_before;
    model::Cluster m_after;
    int m_gesture;
    std::vector<std::string> m_moved;
    bool m_captured = false;
};

} // namespace cw::document
