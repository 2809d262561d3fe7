// SPDX-License-Identifier: GPL-3.0-or-later
#include "tpucommands.h"

#include "plandocument.h"
#include "tpu/tpuplan.h"

#include <QCoreApplication>

namespace cw::document {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

// Hosts of one slice of a pool's topology on a machine type; 0 when it is not valid.
int hostsOf(const catalog::Catalog& cat, const model::Cluster& c, const std::string& machine, const std::string& topology)
{
    model::NodePool p;
    p.machineTypes = {machine};
    p.tpuTopology = topology;
    const auto ps = tpu::poolSlice(c, p, cat);
    return ps ? ps->layout.hosts : 0;
}

// Keeps the number of slices when a slice changes from oldHosts to newHosts hosts.
int rescale(int nodes, int oldHosts, int newHosts)
{
    if (oldHosts <= 0 || newHosts <= 0 || nodes % oldHosts != 0)
        return nodes;
    return nodes / oldHosts * newHosts;
}

} // namespace

AssignTpuWorkloadCommand::AssignTpuWorkloadCommand(PlanDocument* document, std::string workload, std::string pool,
                                                   std::string newTopology, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_workload(std::move(workload))
    , m_newPool(std::move(pool))
{
    if (const model::Workload* w = m_document->plan().workload(m_workload)) {
        m_oldPool = w->pool;
        if (w->resources.tpu)
            m_oldTopology = w->resources.tpu->topology;
    }
    m_newTopology = newTopology.empty() ? m_oldTopology : std::move(newTopology);
    setText(m_newTopology == m_oldTopology
                ? QCoreApplication::translate("TpuCommands", "Assign %1 to TPU pool %2").arg(q(m_workload), q(m_newPool))
                : QCoreApplication::translate("TpuCommands", "Assign %1 to TPU pool %2 as %3").arg(q(m_workload), q(m_newPool), q(m_newTopology)));
}

void AssignTpuWorkloadCommand::apply(const std::string& pool, const std::string& topology)
{
    m_document->modify([&](model::Plan& plan) {
        model::Workload* w = plan.workload(m_workload);
        if (!w)
            return;
        w->pool = pool;
        if (w->resources.tpu && !topology.empty())
            w->resources.tpu->topology = topology;
    });
}

void AssignTpuWorkloadCommand::redo()
{
    apply(m_newPool, m_newTopology);
}

void AssignTpuWorkloadCommand::undo()
{
    apply(m_oldPool, m_oldTopology);
}

ChangeTpuTopologyCommand::ChangeTpuTopologyCommand(PlanDocument* document, std::string cluster, std::string pool,
                                                   std::string newTopology, std::string newMachineType,
                                                   QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_cluster(std::move(cluster))
    , m_pool(std::move(pool))
{
    const model::Plan& plan = m_document->plan();
    const model::Cluster* c = plan.cluster(m_cluster);
    const model::NodePool* p = c ? c->pool(m_pool) : nullptr;
    if (p) {
        m_old = {p->tpuTopology, p->machineTypes.empty() ? std::string() : p->machineType(), p->minNodes, p->maxNodes,
                 p->initialNodes};
        m_new = m_old;
        m_new.topology = std::move(newTopology);
        if (!newMachineType.empty())
            m_new.machineType = std::move(newMachineType);
        const int oldHosts = hostsOf(m_document->catalog(), *c, m_old.machineType, m_old.topology);
        const int newHosts = hostsOf(m_document->catalog(), *c, m_new.machineType, m_new.topology);
        m_new.minNodes = rescale(m_old.minNodes, oldHosts, newHosts);
        if (m_old.maxNodes)
            m_new.maxNodes = rescale(*m_old.maxNodes, oldHosts, newHosts);
        if (m_old.initialNodes)
            m_new.initialNodes = rescale(*m_old.initialNodes, oldHosts, newHosts);
        for (const auto* w : plan.workloadsOf(m_cluster)) {
            if (w->pool != m_pool || !w->resources.tpu || w->resources.tpu->topology != m_old.topology)
                continue;
            m_workloads.push_back({w->name, w->resources.tpu->topology, w->replicas, rescale(w->replicas, oldHosts, newHosts)});
        }
    }
    const bool sameShape = m_new.topology == m_old.topology;
    setText(sameShape ? QCoreApplication::translate("TpuCommands", "Build TPU pool %1 on %2").arg(q(m_pool), q(m_new.machineType))
                      : QCoreApplication::translate("TpuCommands", "Change TPU pool %1 to %2").arg(q(m_pool), q(m_new.topology)));
}

void ChangeTpuTopologyCommand::apply(const PoolState& state, bool forward)
{
    m_document->modify([&](model::Plan& plan) {
        model::Cluster* c = plan.cluster(m_cluster);
        model::NodePool* p = c ? c->pool(m_pool) : nullptr;
        if (!p)
            return;
        p->tpuTopology = state.topology;
        if (!state.machineType.empty()) {
            if (p->machineTypes.empty())
                p->machineTypes.push_back(state.machineType);
            else
                p->machineTypes.front() = state.machineType;
        }
        p->minNodes = state.minNodes;
        p->maxNodes = state.maxNodes;
        p->initialNodes = state.initialNodes;
        for (const auto& ws : m_workloads) {
            model::Workload* w = plan.workload(ws.name);
            if (!w || !w->resources.tpu)
                continue;
            w->resources.tpu->topology = forward ? m_new.topology : ws.oldTopology;
            w->replicas = forward ? ws.newReplicas : ws.oldReplicas;
        }
    });
}

void ChangeTpuTopologyCommand::redo()
{
    apply(m_new, true);
}

void ChangeTpuTopologyCommand::undo()
{
    apply(m_old, false);
}

} // namespace cw::document
