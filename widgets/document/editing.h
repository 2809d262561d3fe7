// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fields.h"
#include "model/plan.h"

#include <QString>

#include <functional>
#include <string>
#include <vector>

namespace cw::catalog {
class Catalog;
}

namespace cw::document {

class PlanDocument;

// Edits as the user means them: each pushes one command, or one macro for an action of
// several steps, and pushes nothing when nothing would change.

// Applies change to a copy of the workload and pushes an EditWorkloadCommand when the copy
// differs. gesture: 0 for a discrete edit, the same number for the live edits of one gesture.
bool editWorkload(PlanDocument* document, const std::string& name, WorkloadField field,
                  const std::function<void(model::Workload&)>& change, int gesture = 0);
bool editPool(PlanDocument* document, const std::string& cluster, const std::string& pool, PoolField field,
              const std::function<void(model::NodePool&)>& change, int gesture = 0);
bool editCluster(PlanDocument* document, const std::string& cluster, ClusterField field,
                 const std::function<void(model::Cluster&)>& change, int gesture = 0);
bool editPlan(PlanDocument* document, PlanField field, const std::function<void(model::Plan&)>& change,
              int gesture = 0);

// Removes workloads: one command, or one macro for several.
bool removeWorkloads(PlanDocument* document, const std::vector<std::string>& names);
// Removes a pool: one macro that unpins the workloads pinned to it, then removes it.
bool removePool(PlanDocument* document, const std::string& cluster, const std::string& pool);
// Removes a cluster: one macro that removes its workloads, then the cluster with its pools.
bool removeCluster(PlanDocument* document, const std::string& cluster);
// Adds a copy of a workload under a new name.
std::string duplicateWorkload(PlanDocument* document, const std::string& name);

// Names that are not taken yet: base, base-2, base-3, ...
std::string uniqueWorkloadName(const model::Plan& plan, const std::string& base);
std::string uniquePoolName(const model::Cluster& cluster, const std::string& base);
std::string uniqueClusterName(const model::Plan& plan, const std::string& base);

// A general-purpose pool for a new cluster or for "Add Node Pool": the catalog's
// general-purpose machine types of the provider with 4 to 16 vCPUs, flexible, 0..10 nodes.
model::NodePool defaultPool(const catalog::Catalog& catalog, const model::Cluster& cluster, const std::string& name);
// A new Standard cluster with one general-purpose pool.
model::Cluster defaultCluster(const catalog::Catalog& catalog, model::Provider provider, const std::string& location,
                              const std::string& name);
// The plan File > New makes: one cluster of the default provider and region.
model::Plan newPlan(const catalog::Catalog& catalog, model::Provider provider, const std::string& location,
                    int hoursPerMonth);

} // namespace cw::document
