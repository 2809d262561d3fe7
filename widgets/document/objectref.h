// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace cw::model {
struct Plan;
}

namespace cw::document {

// A plan object named by its ids, never by a pointer: what the canvas, the outline, the
// inspector and the diagnostics panel agree is selected.
struct ObjectRef {
    enum class Kind { None, Plan, Cluster, Pool, Workload, Node, Pod };

    Kind kind = Kind::None;
    std::string cluster;  // Cluster, Pool, Node, Pod (and Workload: its cluster)
    std::string name;     // pool, workload (Workload, Pod) or node key (Node)
    int replica = -1;     // Pod: the replica index

    static ObjectRef plan() { return {Kind::Plan, {}, {}, -1}; }
    static ObjectRef clusterRef(std::string cluster) { return {Kind::Cluster, std::move(cluster), {}, -1}; }
    static ObjectRef pool(std::string cluster, std::string pool) { return {Kind::Pool, std::move(cluster), std::move(pool), -1}; }
    static ObjectRef workload(std::string cluster, std::string workload) { return {Kind::Workload, std::move(cluster), std::move(workload), -1}; }
    static ObjectRef node(std::string cluster, std::string key) { return {Kind::Node, std::move(cluster), std::move(key), -1}; }
    static ObjectRef pod(std::string cluster, std::string workload, int replica) { return {Kind::Pod, std::move(cluster), std::move(workload), replica}; }

    bool isValid() const { return kind != Kind::None; }
    // The workload a Workload or Pod reference is about; empty otherwise.
    std::string workloadName() const { return kind == Kind::Workload || kind == Kind::Pod ? name : std::string(); }

    // The object a diagnostic is about ("cluster/pool", "workload" or "cluster"), resolved
    // against the plan; None when the plan has no such object.
    static ObjectRef fromDiagnosticObject(const model::Plan& plan, const std::string& object);
    // Does the object still exist in the plan? (Node and Pod references are not checked.)
    bool existsIn(const model::Plan& plan) const;

    friend bool operator==(const ObjectRef&, const ObjectRef&) = default;
};

} // namespace cw::document
