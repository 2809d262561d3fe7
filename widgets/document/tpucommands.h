// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUndoCommand>

#include <optional>
#include <string>
#include <vector>

namespace cw::document {

class PlanDocument;

// Pins a TPU workload to a TPU pool (a drop on the torus view). When the pool's slice has
// the workload's chip count in another shape, the workload takes the pool's topology too.
class AssignTpuWorkloadCommand : public QUndoCommand
{
public:
    AssignTpuWorkloadCommand(PlanDocument* document, std::string workload, std::string pool,
                             std::string newTopology = {}, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void apply(const std::string& pool, const std::string& topology);

    PlanDocument* m_document;
    std::string m_workload;
    std::string m_oldPool;
    std::string m_newPool;
    std::string m_oldTopology;
    std::string m_newTopology;
};

// Changes a TPU pool to an equivalent slice (same chips): another topology, or the same one
// on another machine type (v5e/v6e 2x4 on one 8-chip VM or two 4-chip VMs). A multi-host
// pool's node counts and the workloads pinned to it follow, so the plan stays consistent.
class ChangeTpuTopologyCommand : public QUndoCommand
{
public:
    ChangeTpuTopologyCommand(PlanDocument* document, std::string cluster, std::string pool,
                             std::string newTopology, std::string newMachineType = {},
                             QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    struct PoolState {
        std::string topology;
        std::string machineType;
        int minNodes = 0;
        std::optional<int> maxNodes;
        std::optional<int> initialNodes;
    };
    struct WorkloadState {
        std::string name;
        std::string oldTopology;
        int oldReplicas = 0;
        int newReplicas = 0;
    };
    void apply(const PoolState& pool, bool forward);

    PlanDocument* m_document;
    std::string m_cluster;
    std::string m_pool;
    PoolState m_old;
    PoolState m_new;
    std::vector<WorkloadState> m_workloads;
};

} // namespace cw::document
