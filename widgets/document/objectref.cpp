// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectref.h"

#include "model/plan.h"

namespace cw::document {

ObjectRef ObjectRef::fromDiagnosticObject(const model::Plan& plan, const std::string& object)
{
    if (object.empty())
        return {};
    if (const auto slash = object.find('/'); slash != std::string::npos) {
        const std::string cluster = object.substr(0, slash);
        const std::string pool = object.substr(slash + 1);
        const model::Cluster* c = plan.cluster(cluster);
        if (c && c->pool(pool))
            return ObjectRef::pool(cluster, pool);
        return c ? clusterRef(cluster) : ObjectRef{};
    }
    if (const model::Workload* w = plan.workload(object))
        return workload(w->cluster, w->name);
    if (plan.cluster(object))
        return clusterRef(object);
    return {};
}

bool ObjectRef::existsIn(const model::Plan& plan) const
{
    switch (kind) {
    case Kind::None:
        return false;
    case Kind::Plan:
        return true;
    case Kind::Cluster:
        return plan.cluster(cluster) != nullptr;
    case Kind::Pool: {
        const model::Cluster* c = plan.cluster(cluster);
        return c && c->pool(name);
    }
    case Kind::Workload:
    case Kind::Pod:
        return plan.workload(name) != nullptr;
    case Kind::Node:
        return plan.cluster(cluster) != nullptr;
    }
    return false;
}

} // namespace cw::document
