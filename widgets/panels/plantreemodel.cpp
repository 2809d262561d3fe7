// SPDX-License-Identifier: GPL-3.0-or-later
#include "plantreemodel.h"

#include "document/plandocument.h"
#include "io/summary.h"
#include "model/quantity.h"

#include <algorithm>

namespace cw::widgets {

using namespace cw::model;

PlanTreeModel::PlanTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

void PlanTreeModel::setDocument(const document::PlanDocument* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &document::PlanDocument::planChanged, this, [this] { rebuild(); });
    rebuild();
}

void PlanTreeModel::rebuild()
{
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    if (m_document) {
        const Plan& plan = m_document->plan();
        for (int c = 0; c < int(plan.clusters.size()); ++c) {
            const int clusterNode = int(m_nodes.size());
            m_nodes.push_back({NodeKind::Cluster, c, -1, -1, {}});
            m_roots.push_back(clusterNode);
            for (int p = 0; p < int(plan.clusters[size_t(c)].nodePools.size()); ++p) {
                m_nodes[size_t(clusterNode)].children.push_back(int(m_nodes.size()));
                m_nodes.push_back({NodeKind::Pool, c, p, clusterNode, {}});
            }
            for (int w = 0; w < int(plan.workloads.size()); ++w) {
                if (plan.workloads[size_t(w)].cluster != plan.clusters[size_t(c)].name)
                    continue;
                m_nodes[size_t(clusterNode)].children.push_back(int(m_nodes.size()));
                m_nodes.push_back({NodeKind::Workload, c, w, clusterNode, {}});
            }
        }
    }
    endResetModel();
}

const PlanTreeModel::Node* PlanTreeModel::nodeOf(const QModelIndex& index) const
{
    if (!index.isValid())
        return nullptr;
    const auto id = index.internalId();
    return id < m_nodes.size() ? &m_nodes[id] : nullptr;
}

QModelIndex PlanTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= columnCount(parent))
        return {};
    const std::vector<int>* list = &m_roots;
    if (parent.isValid()) {
        const Node* p = nodeOf(parent);
        if (!p)
            return {};
        list = &p->children;
    }
    if (row >= int(list->size()))
        return {};
    return createIndex(row, column, quintptr((*list)[size_t(row)]));
}

QModelIndex PlanTreeModel::parent(const QModelIndex& child) const
{
    const Node* n = nodeOf(child);
    if (!n || n->parent < 0)
        return {};
    const Node& p = m_nodes[size_t(n->parent)];
    const std::vector<int>& siblings = p.parent < 0 ? m_roots : m_nodes[size_t(p.parent)].children;
    const auto it = std::find(siblings.begin(), siblings.end(), n->parent);
    return createIndex(int(it - siblings.begin()), 0, quintptr(n->parent));
}

int PlanTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0)
        return 0;
    const Node* n = nodeOf(parent);
    return n ? int(n->children.size()) : 0;
}

int PlanTreeModel::columnCount(const QModelIndex&) const
{
    return 2;
}

QVariant PlanTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == 0 ? tr("Name") : tr("Details");
}

QVariant PlanTreeModel::data(const QModelIndex& index, int role) const
{
    const Node* n = nodeOf(index);
    if (!n || !m_document)
        return {};
    const Plan& plan = m_document->plan();
    const Cluster& c = plan.clusters[size_t(n->cluster)];
    switch (role) {
    case KindRole:
        return int(n->kind);
    case ClusterRole:
        return QString::fromStdString(c.name);
    case NameRole:
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    const bool details = index.column() == 1 && role == Qt::DisplayRole;
    switch (n->kind) {
    case NodeKind::Cluster:
        if (!details)
            return QString::fromStdString(c.name);
        return QStringLiteral("%1 %2 · %3")
            .arg(c.provider == Provider::Gke ? QStringLiteral("GKE") : QStringLiteral("EKS"),
                 c.provider == Provider::Gke ? (c.mode == ClusterMode::Autopilot ? tr("Autopilot") : tr("Standard")) : QString(),
                 QString::fromStdString(c.location));
    case NodeKind::Pool: {
        const NodePool& p = c.nodePools[size_t(n->item)];
        if (!details)
            return QString::fromStdString(p.name);
        QStringList types;
        for (const auto& t : p.machineTypes)
            types << QString::fromStdString(t);
        QString text = types.join(QStringLiteral(", "));
        if (!p.tpuTopology.empty())
            text += QStringLiteral(" · ") + tr("topology %1").arg(QString::fromStdString(p.tpuTopology));
        if (!p.gpuPartitionSize.empty())
            text += QStringLiteral(" · MIG %1").arg(QString::fromStdString(p.gpuPartitionSize));
        return text + QStringLiteral(" · ") + tr("%1–%2 nodes").arg(p.minNodes).arg(p.maxNodes ? QString::number(*p.maxNodes) : QStringLiteral("∞"));
    }
    case NodeKind::Workload: {
        const Workload& w = plan.workloads[size_t(n->item)];
        if (!details)
            return QString::fromStdString(w.name);
        QString text = tr("%1 × %2, %3").arg(w.replicas)
                           .arg(QString::fromStdString(humanCpu(w.resources.cpuMilli)),
                                QString::fromStdString(humanBytes(w.resources.memoryBytes)));
        const std::string acc = io::acceleratorRequestText(w.resources);
        if (!acc.empty())
            text += QStringLiteral(", ") + QString::fromStdString(acc);
        if (w.gang)
            text += QStringLiteral(" · ") + tr("gang");
        if (w.isPinned())
            text += QStringLiteral(" · ") + tr("pinned to %1").arg(QString::fromStdString(w.pool));
        return text;
    }
    }
    return {};
}

} // namespace cw::widgets
