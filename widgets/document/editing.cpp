// SPDX-License-Identifier: GPL-3.0-or-later
#include "editing.h"

#include "catalog/catalog.h"
#include "clustercommands.h"
#include "io/planreader.h"
#include "plancommands.h"
#include "plandocument.h"
#include "poolcommands.h"
#include "workloadcommands.h"

#include <QCoreApplication>
#include <QUndoStack>

namespace cw::document {

bool editWorkload(PlanDocument* document, const std::string& name, WorkloadField field,
                  const std::function<void(model::Workload&)>& change, int gesture)
{
    const model::Workload* w = document->plan().workload(name);
    if (!w)
        return false;
    model::Workload after = *w;
    change(after);
    if (after == *w && after.name == w->name)
        return false;
    document->undoStack()->push(new EditWorkloadCommand(document, field, *w, std::move(after), gesture));
    return true;
}

bool editPool(PlanDocument* document, const std::string& cluster, const std::string& pool, PoolField field,
              const std::function<void(model::NodePool&)>& change, int gesture)
{
    const model::Cluster* c = document->plan().cluster(cluster);
    const model::NodePool* p = c ? c->pool(pool) : nullptr;
    if (!p)
        return false;
    model::NodePool after = *p;
    change(after);
    if (after == *p)
        return false;
    document->undoStack()->push(new EditPoolCommand(document, cluster, field, *p, std::move(after), gesture));
    return true;
}

bool editCluster(PlanDocument* document, const std::string& cluster, ClusterField field,
                 const std::function<void(model::Cluster&)>& change, int gesture)
{
    const model::Cluster* c = document->plan().cluster(cluster);
    if (!c)
        return false;
    model::Cluster after = *c;
    change(after);
    after.nodePools = c->nodePools;
    if (after == *c)
        return false;
    document->undoStack()->push(new EditClusterCommand(document, field, *c, std::move(after), gesture));
    return true;
}

bool editPlan(PlanDocument* document, PlanField field, const std::function<void(model::Plan&)>& change, int gesture)
{
    model::Plan copy;
    PlanSettings::of(document->plan()).applyTo(copy);
    change(copy);
    const PlanSettings before = PlanSettings::of(document->plan());
    const PlanSettings after = PlanSettings::of(copy);
    if (before == after)
        return false;
    document->undoStack()->push(new EditPlanCommand(document, field, before, after, gesture));
    return true;
}

bool removeWorkloads(PlanDocument* document, const std::vector<std::string>& names)
{
    std::vector<std::string> present;
    for (const auto& n : names) {
        if (document->plan().workload(n))
            present.push_back(n);
    }
    if (present.empty())
        return false;
    QUndoStack* stack = document->undoStack();
    if (present.size() == 1) {
        stack->push(new RemoveWorkloadCommand(document, present.front()));
        return true;
    }
    stack->beginMacro(QCoreApplication::translate("Commands", "Remove %n workload(s)", nullptr, int(present.size())));
    for (const auto& n : present)
        stack->push(new RemoveWorkloadCommand(document, n));
    stack->endMacro();
    return true;
}

bool removePool(PlanDocument* document, const std::string& cluster, const std::string& pool)
{
    const model::Cluster* c = document->plan().cluster(cluster);
    if (!c || !c->pool(pool))
        return false;
    std::vector<std::string> pinned;
    for (const auto& w : document->plan().workloads) {
        if (w.cluster == cluster && w.pool == pool)
            pinned.push_back(w.name);
    }
    QUndoStack* stack = document->undoStack();
    stack->beginMacro(QCoreApplication::translate("Commands", "Remove node pool %1").arg(QString::fromStdString(pool)));
    for (const auto& w : pinned)
        stack->push(new PinWorkloadCommand(document, w, cluster, {}));
    stack->push(new RemovePoolCommand(document, cluster, pool));
    stack->endMacro();
    return true;
}

bool removeCluster(PlanDocument* document, const std::string& cluster)
{
    if (!document->plan().cluster(cluster))
        return false;
    std::vector<std::string> workloads;
    for (const auto& w : document->plan().workloads) {
        if (w.cluster == cluster)
            workloads.push_back(w.name);
    }
    QUndoStack* stack = document->undoStack();
    stack->beginMacro(QCoreApplication::translate("Commands", "Remove cluster %1").arg(QString::fromStdString(cluster)));
    for (const auto& w : workloads)
        stack->push(new RemoveWorkloadCommand(document, w));
    stack->push(new RemoveClusterCommand(document, cluster));
    stack->endMacro();
    return true;
}

std::string duplicateWorkload(PlanDocument* document, const std::string& name)
{
    const model::Workload* w = document->plan().workload(name);
    if (!w)
        return {};
    model::Workload copy = *w;
    copy.name = uniqueWorkloadName(document->plan(), w->name);
    copy.origin = {};
    int index = 0;
    for (const auto& other : document->plan().workloads) {
        ++index;
        if (other.name == name)
            break;
    }
    auto* command = new AddWorkloadCommand(document, copy, index);
    command->setText(QCoreApplication::translate("Commands", "Duplicate workload %1").arg(QString::fromStdString(name)));
    document->undoStack()->push(command);
    return copy.name;
}

namespace {

template<typename Taken>
std::string uniqueName(const std::string& base, size_t maxLength, Taken taken)
{
    std::string stem = base.empty() ? std::string("new") : base;
    if (!taken(stem))
        return stem;
    // Strip a "-N" suffix so that copies of copies count on: train-2 -> train-3.
    if (const auto dash = stem.rfind('-'); dash != std::string::npos && dash + 1 < stem.size()
        && stem.find_first_not_of("0123456789", dash + 1) == std::string::npos)
        stem.resize(dash);
    for (int i = 2;; ++i) {
        const std::string suffix = "-" + std::to_string(i);
        std::string candidate = stem.substr(0, maxLength - suffix.size()) + suffix;
        if (!taken(candidate))
            return candidate;
    }
}

} // namespace

std::string uniqueWorkloadName(const model::Plan& plan, const std::string& base)
{
    return uniqueName(base, io::PlanLimits::kMaxWorkloadNameLength, [&](const std::string& n) { return plan.workload(n) != nullptr; });
}

std::string uniquePoolName(const model::Cluster& cluster, const std::string& base)
{
    return uniqueName(base, io::PlanLimits::kMaxPoolNameLength, [&](const std::string& n) { return cluster.pool(n) != nullptr; });
}

std::string uniqueClusterName(const model::Plan& plan, const std::string& base)
{
    return uniqueName(base, io::PlanLimits::kMaxClusterNameLength, [&](const std::string& n) { return plan.cluster(n) != nullptr; });
}

model::NodePool defaultPool(const catalog::Catalog& catalog, const model::Cluster& cluster, const std::string& name)
{
    model::NodePool pool;
    pool.name = name;
    pool.minNodes = 0;
    pool.maxNodes = 10;
    if (const catalog::PriceBook* book = catalog.priceBook(cluster.provider)) {
        for (const auto& m : book->machineTypes) {
            if (m.category == catalog::MachineCategory::GeneralPurpose && !m.gpu && !m.tpu && !m.neuron
                && m.vcpu >= 4 && m.vcpu <= 16 && pool.machineTypes.size() < 4)
                pool.machineTypes.push_back(m.name);
        }
        if (pool.machineTypes.empty() && !book->machineTypes.empty())
            pool.machineTypes.push_back(book->machineTypes.front().name);
    }
    pool.flexible = pool.machineTypes.size() > 1;
    return pool;
}

model::Cluster defaultCluster(const catalog::Catalog& catalog, model::Provider provider, const std::string& location,
                              const std::string& name)
{
    model::Cluster c;
    c.name = name;
    c.provider = provider;
    c.mode = model::ClusterMode::Standard;
    c.location = location;
    c.nodePools.push_back(defaultPool(catalog, c, "general"));
    return c;
}

model::Plan newPlan(const catalog::Catalog& catalog, model::Provider provider, const std::string& location,
                    int hoursPerMonth)
{
    model::Plan plan;
    plan.name = "new-plan";
    plan.hoursPerMonth = hoursPerMonth;
    plan.clusters.push_back(defaultCluster(catalog, provider, location,
                                           provider == model::Provider::Gke ? "gke-cluster" : "eks-cluster"));
    return plan;
}

} // namespace cw::document
