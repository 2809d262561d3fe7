// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>

#include <vector>

namespace cw::document {
class PlanDocument;
}

namespace cw::widgets {

// The plan as a tree: clusters, their node pools and their workloads. Rows are rebuilt from
// the document when it changes; every item is identified by its path of names.
class PlanTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class NodeKind { Cluster, Pool, Workload };
    enum Roles { KindRole = Qt::UserRole + 1, ClusterRole, NameRole };

    explicit PlanTreeModel(QObject* parent = nullptr);

    void setDocument(const document::PlanDocument* document);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node {
        NodeKind kind;
        int cluster;   // index into plan.clusters
        int item;      // pool index or workload index, -1 for a cluster
        int parent;    // index into m_nodes, -1 for top level
        std::vector<int> children;
    };
    void rebuild();
    const Node* nodeOf(const QModelIndex& index) const;

    const document::PlanDocument* m_document = nullptr;
    std::vector<Node> m_nodes;
    std::vector<int> m_roots;
};

} // namespace cw::widgets
