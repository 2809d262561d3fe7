// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fields.h"
#include "model/plan.h"

#include <QUndoCommand>

#include <optional>

namespace cw::document {

class PlanDocument;

// Adds a workload to the plan (a template dropped on a pool, a paste).
class AddWorkloadCommand : public QUndoCommand
{
public:
    AddWorkloadCommand(PlanDocument* document, model::Workload workload, int index = -1,
                       QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    PlanDocument* m_document;
    model::Workload m_workload;
    int m_index;
};

// Removes a workload; undo puts it back where it was.
class RemoveWorkloadCommand : public QUndoCommand
{
public:
    RemoveWorkloadCommand(PlanDocument* document, std::string name, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    PlanDocument* m_document;
    std::string m_name;
    std::optional<model::Workload> m_removed;
    int m_index = -1;
};

// Changes one field of a workload. Holds the workload before and after the change, by value;
// the workload is found by name (a rename is an edit of the name field). Edits of the same
// field of the same workload within one gesture (a spin box held down) merge.
class EditWorkloadCommand : public QUndoCommand
{
public:
    EditWorkloadCommand(PlanDocument* document, WorkloadField field, model::Workload before,
                        model::Workload after, int gesture = 0, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    WorkloadField field() const { return m_field; }
    const model::Workload& before() const { return m_before; }
    const model::Workload& after() const { return m_after; }

private:
    void apply(const model::Workload& from, const model::Workload& to);
    void updateText();

    PlanDocument* m_document;
    WorkloadField m_field;
    model::Workload m_before;
    model::Workload m_after;
    int m_gesture;
};

// Pins a workload to a pool (possibly of another cluster), or unpins it (empty pool): what a
// drop of a workload on a pool does.
class PinWorkloadCommand : public QUndoCommand
{
public:
    PinWorkloadCommand(PlanDocument* document, std::string workload, std::string cluster,
                       std::string pool, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    void apply(const std::string& cluster, const std::string& pool);

    PlanDocument* m_document;
    std::string m_workload;
    std::string m_cluster;
    std::string m_pool;
    std::string m_oldCluster;
    std::string m_oldPool;
    bool m_captured = false;
};

} // namespace cw::document
