// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document/objectref.h"

#include <QAbstractItemModel>

#include <vector>

namespace cw::document {
class PlanDocument;
}

namespace cw::widgets {

// The plan as a tree: clusters, their node pools and their workloads. Every row stands for a
// plan object named by its ids. When an edit keeps the tree's shape the rows stay and only
// their data changes; otherwise the model resets. Workloads can be dragged onto a canvas.
class PlanTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class NodeKind { Cluster, Pool, Workload };
    enum Roles { KindRole = Qt::UserRole + 1, ClusterRole, NameRole };

    explicit PlanTreeModel(QObject* parent = nullptr);

    void setDocument(const document::PlanDocument* document);

    document::ObjectRef refAt(const QModelIndex& index) const;
    QModelIndex indexOf(const document::ObjectRef& ref) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    struct Node {
        NodeKind kind;
        std::string cluster;
        std::string name;  // pool or workload name; empty for a cluster
        int parent;        // index into m_nodes, -1 for top level
        std::vector<int> children;
        friend bool operator==(const Node& a, const Node& b)
        {
            return a.kind == b.kind && a.cluster == b.cluster && a.name == b.name && a.parent == b.parent
                && a.children == b.children;
        }
    };
    void rebuild();
    std::vector<Node> buildNodes(std::vector<int>& roots) const;
    const Node* nodeOf(const QModelIndex& index) const;

    const document::PlanDocument* m_document = nullptr;
    std::vector<Node> m_nodes;
    std::vector<int> m_roots;
};

} // namespace cw::widgets
