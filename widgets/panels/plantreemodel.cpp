// SPDX-License-Identifier: GPL-3.0-or-later
#include "plantreemodel.h"

#include "canvas/mimetypes.h"
#include "document/plandocument.h"
#include "io/summary.h"
#include "model/quantity.h"
#include "style/workloadpalette.h"

#include <QApplication>
#include <QFont>
#include <QMimeData>

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
    beginResetModel();
    m_nodes = buildNodes(m_roots);
    endResetModel();
    if (m_document) {
        connect(m_document, &document::PlanDocument::planChanged, this, &PlanTreeModel::rebuild);
        connect(m_document, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_document = nullptr;
            m_nodes.clear();
            m_roots.clear();
            endResetModel();
        });
    }
}

std::vector<PlanTreeModel::Node> PlanTreeModel::buildNodes(std::vector<int>& roots) const
{
    std::vector<Node> nodes;
    roots.clear();
    if (!m_document)
        return nodes;
    const Plan& plan = m_document->plan();
    for (const auto& c : plan.clusters) {
        const int clusterNode = int(nodes.size());
        nodes.push_back({NodeKind::Cluster, c.name, {}, -1, {}});
        roots.push_back(clusterNode);
        for (const auto& p : c.nodePools) {
            nodes[size_t(clusterNode)].children.push_back(int(nodes.size()));
            nodes.push_back({NodeKind::Pool, c.name, p.name, clusterNode, {}});
        }
        for (const auto& w : plan.workloads) {
            if (w.cluster != c.name)
                continue;
            nodes[size_t(clusterNode)].children.push_back(int(nodes.size()));
            nodes.push_back({NodeKind::Workload, c.name, w.name, clusterNode, {}});
        }
    }
    return nodes;
}

void PlanTreeModel::rebuild()
{
    std::vector<int> roots;
    std::vector<Node> nodes = buildNodes(roots);
    if (nodes == m_nodes && roots == m_roots) {
        // Same shape: the rows stay (and with them the view's expansion and selection).
        auto changed = [this](const std::vector<int>& rows) {
            if (!rows.empty())
                Q_EMIT dataChanged(createIndex(0, 0, quintptr(rows.front())),
                                   createIndex(int(rows.size()) - 1, 1, quintptr(rows.back())));
        };
        changed(m_roots);
        for (const Node& n : m_nodes)
            changed(n.children);
        return;
    }
    beginResetModel();
    m_nodes = std::move(nodes);
    m_roots = std::move(roots);
    endResetModel();
}

const PlanTreeModel::Node* PlanTreeModel::nodeOf(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const auto id = index.internalId();
    return id < m_nodes.size() ? &m_nodes[id] : nullptr;
}

document::ObjectRef PlanTreeModel::refAt(const QModelIndex& index) const
{
    const Node* n = nodeOf(index);
    if (!n)
        return {};
    switch (n->kind) {
    case NodeKind::Cluster: return document::ObjectRef::clusterRef(n->cluster);
    case NodeKind::Pool: return document::ObjectRef::pool(n->cluster, n->name);
    case NodeKind::Workload: return document::ObjectRef::workload(n->cluster, n->name);
    }
    return {};
}

QModelIndex PlanTreeModel::indexOf(const document::ObjectRef& ref) const
{
    using K = document::ObjectRef::Kind;
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        const Node& n = m_nodes[i];
        const bool match = (ref.kind == K::Cluster && n.kind == NodeKind::Cluster && n.cluster == ref.cluster)
            || (ref.kind == K::Pool && n.kind == NodeKind::Pool && n.cluster == ref.cluster && n.name == ref.name)
            || ((ref.kind == K::Workload || ref.kind == K::Pod) && n.kind == NodeKind::Workload && n.name == ref.name);
        if (!match)
            continue;
        const std::vector<int>& siblings = n.parent < 0 ? m_roots : m_nodes[size_t(n.parent)].children;
        const auto it = std::find(siblings.begin(), siblings.end(), int(i));
        return createIndex(int(it - siblings.begin()), 0, quintptr(i));
    }
    return {};
}

QModelIndex PlanTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= columnCount(parent))
        return {};
    const std::vector<int>* list = &m_roots;
    if (parent.isValid()) {
        const Node* p = nodeOf(parent);
        if (!p || parent.column() != 0)
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

Qt::ItemFlags PlanTreeModel::flags(const QModelIndex& index) const
{
    const Node* n = nodeOf(index);
    if (!n)
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (n->kind == NodeKind::Workload)
        f |= Qt::ItemIsDragEnabled;
    return f;
}

QStringList PlanTreeModel::mimeTypes() const
{
    return {workloadMimeType()};
}

Qt::DropActions PlanTreeModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QMimeData* PlanTreeModel::mimeData(const QModelIndexList& indexes) const
{
    for (const QModelIndex& i : indexes) {
        const Node* n = nodeOf(i);
        if (n && n->kind == NodeKind::Workload)
            return DragPayload{DragPayload::Kind::Workload, n->name}.toMimeData();
    }
    return nullptr;
}

QVariant PlanTreeModel::data(const QModelIndex& index, int role) const
{
    const Node* n = nodeOf(index);
    if (!n || !m_document)
        return {};
    const Plan& plan = m_document->plan();
    const Cluster* c = plan.cluster(n->cluster);
    if (!c)
        return {};
    switch (role) {
    case KindRole:
        return int(n->kind);
    case ClusterRole:
        return QString::fromStdString(n->cluster);
    case NameRole:
        return QString::fromStdString(n->kind == NodeKind::Cluster ? n->cluster : n->name);
    case Qt::FontRole:
        if (n->kind == NodeKind::Cluster && index.column() == 0) {
            QFont f = QApplication::font();
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::DecorationRole:
        if (n->kind == NodeKind::Workload && index.column() == 0)
            return WorkloadPalette(plan).color(n->name);
        return {};
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        break;
    default:
        return {};
    }
    const bool details = index.column() == 1 || role == Qt::ToolTipRole;
    switch (n->kind) {
    case NodeKind::Cluster: {
        if (!details)
            return QString::fromStdString(c->name);
        const QString provider = c->provider == Provider::Gke
            ? (c->mode == ClusterMode::Autopilot ? tr("GKE Autopilot") : tr("GKE Standard"))
            : tr("EKS");
        return tr("%1 · %2").arg(provider, QString::fromStdString(c->location));
    }
    case NodeKind::Pool: {
        const NodePool* p = c->pool(n->name);
        if (!p)
            return {};
        if (!details)
            return QString::fromStdString(p->name);
        QStringList types;
        for (const auto& t : p->machineTypes)
            types << QString::fromStdString(t);
        QString text = types.join(QStringLiteral(", "));
        if (!p->tpuTopology.empty())
            text += QStringLiteral(" · ") + tr("topology %1").arg(QString::fromStdString(p->tpuTopology));
        if (!p->gpuPartitionSize.empty())
            text += QStringLiteral(" · MIG %1").arg(QString::fromStdString(p->gpuPartitionSize));
        return text + QStringLiteral(" · ")
            + tr("%1–%2 nodes").arg(p->minNodes).arg(p->maxNodes ? QString::number(*p->maxNodes) : QStringLiteral("∞"));
    }
    case NodeKind::Workload: {
        const Workload* w = plan.workload(n->name);
        if (!w)
            return {};
        if (!details)
            return QString::fromStdString(w->name);
        QString text = tr("%1 × %2, %3").arg(w->replicas)
                           .arg(QString::fromStdString(humanCpu(w->resources.cpuMilli)),
                                QString::fromStdString(humanBytes(w->resources.memoryBytes)));
        const std::string acc = io::acceleratorRequestText(w->resources);
        if (!acc.empty())
            text += QStringLiteral(", ") + QString::fromStdString(acc);
        if (w->gang)
            text += QStringLiteral(" · ") + tr("gang");
        if (w->isPinned())
            text += QStringLiteral(" · ") + tr("pinned to %1").arg(QString::fromStdString(w->pool));
        return text;
    }
    }
    return {};
}

} // namespace cw::widgets
