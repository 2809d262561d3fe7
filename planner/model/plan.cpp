// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace cw::model {

const std::string& NodePool::machineType() const
{
    static const std::string empty;
    return machineTypes.empty() ? empty : machineTypes.front();
}

bool Cluster::isZonal() const
{
    // Zones end in "-<letter>": us-central1-a, europe-west4-b.
    const auto dash = location.rfind('-');
    return dash != std::string::npos && dash + 2 == location.size()
        && std::islower(static_cast<unsigned char>(location.back()));
}

std::string Cluster::region() const
{
    return isZonal() ? location.substr(0, location.rfind('-')) : location;
}

const NodePool* Cluster::pool(const std::string& poolName) const
{
    auto it = std::find_if(nodePools.begin(), nodePools.end(),
                           [&](const NodePool& p) { return p.name == poolName; });
    return it == nodePools.end() ? nullptr : &*it;
}

NodePool* Cluster::pool(const std::string& poolName)
{
    return const_cast<NodePool*>(std::as_const(*this).pool(poolName));
}

const Cluster* Plan::cluster(const std::string& clusterName) const
{
    auto it = std::find_if(clusters.begin(), clusters.end(),
                           [&](const Cluster& c) { return c.name == clusterName; });
    return it == clusters.end() ? nullptr : &*it;
}

Cluster* Plan::cluster(const std::string& clusterName)
{
    return const_cast<Cluster*>(std::as_const(*this).cluster(clusterName));
}

const Workload* Plan::workload(const std::string& workloadName) const
{
    auto it = std::find_if(workloads.begin(), workloads.end(),
                           [&](const Workload& w) { return w.name == workloadName; });
    return it == workloads.end() ? nullptr : &*it;
}

Workload* Plan::workload(const std::string& workloadName)
{
    return const_cast<Workload*>(std::as_const(*this).workload(workloadName));
}

std::vector<const Workload*> Plan::workloadsOf(const std::string& clusterName) const
{
    std::vector<const Workload*> out;
    for (const auto& w : workloads) {
        if (w.cluster == clusterName)
            out.push_back(&w);
    }
    return out;
}

bool operator==(const Plan& a, const Plan& b)
{
    return a.apiVersion == b.apiVersion && a.name == b.name && a.description == b.description
        && a.hoursPerMonth == b.hoursPerMonth && a.freeTierCredit == b.freeTierCredit
        && a.clusters == b.clusters && a.workloads == b.workloads;
}

// ---- enum names ----------------------------------------------------------------------

namespace {
template<typename E> struct EnumTable;
#define CW_ENUM_TABLE(E, ...)                                                             \
    template<> struct EnumTable<E> {                                                      \
        static const std::vector<std::string>& names()                                    \
        {                                                                                 \
            static const std::vector<std::string> n = {__VA_ARGS__};                      \
            return n;                                                                     \
        }                                                                                 \
    };
CW_ENUM_TABLE(Provider, "gke", "eks")
CW_ENUM_TABLE(ClusterMode, "standard", "autopilot")
CW_ENUM_TABLE(Capacity, "on-demand", "spot", "reservation", "flex-start")
CW_ENUM_TABLE(Placement, "none", "compact")
CW_ENUM_TABLE(WorkloadKind, "training", "inference", "batch", "notebook")
CW_ENUM_TABLE(TaintEffect, "NoSchedule", "PreferNoSchedule", "NoExecute")
CW_ENUM_TABLE(TolerationOperator, "Equal", "Exists")
CW_ENUM_TABLE(SupportTier, "standard", "extended")
CW_ENUM_TABLE(DaemonSetNodes, "all", "gpu", "tpu", "neuron")
#undef CW_ENUM_TABLE
} // namespace

template<typename E> const std::vector<std::string>& enumNames()
{
    return EnumTable<E>::names();
}

template<typename E> std::optional<E> enumFromString(const std::string& s)
{
    const auto& names = EnumTable<E>::names();
    for (size_t i = 0; i < names.size(); ++i) {
        if (names[i] == s)
            return static_cast<E>(i);
    }
    return std::nullopt;
}

#define CW_ENUM_INSTANTIATE(E)                                                            \
    template const std::vector<std::string>& enumNames<E>();                              \
    template std::optional<E> enumFromString<E>(const std::string&);                      \
    const char* toString(E v) { return EnumTable<E>::names().at(size_t(v)).c_str(); }
CW_ENUM_INSTANTIATE(Provider)
CW_ENUM_INSTANTIATE(ClusterMode)
CW_ENUM_INSTANTIATE(Capacity)
CW_ENUM_INSTANTIATE(Placement)
CW_ENUM_INSTANTIATE(WorkloadKind)
CW_ENUM_INSTANTIATE(TaintEffect)
CW_ENUM_INSTANTIATE(TolerationOperator)
CW_ENUM_INSTANTIATE(SupportTier)
CW_ENUM_INSTANTIATE(DaemonSetNodes)
#undef CW_ENUM_INSTANTIATE

} // namespace cw::model
