// SPDX-License-Identifier: GPL-3.0-or-later
#include "templatelibrary.h"

#include "catalog/catalog.h"
#include "editing.h"
#include "io/planreader.h"
#include "model/quantity.h"
#include "resources/embedded.h"
#include "solve/solver.h"

#include <QCoreApplication>

#include <algorithm>
#include <iostream>

namespace cw::document {

namespace {

struct TemplateText {
    const char* id;
    const char* title;
    const char* description;
};

// Palette order, with the texts people read (the YAML files hold the requests).
const TemplateText kTexts[] = {
    {"llm-training-gpu", QT_TRANSLATE_NOOP("Templates", "LLM training (GPU gang)"),
     QT_TRANSLATE_NOOP("Templates", "Multi-node training: 4 workers with 8 H100 GPUs each, started together, one per node.")},
    {"tpu-training", QT_TRANSLATE_NOOP("Templates", "TPU training"),
     QT_TRANSLATE_NOOP("Templates", "One TPU v5e slice with topology 4x4: 16 chips on 4 hosts, one worker per host.")},
    {"inference-deployment", QT_TRANSLATE_NOOP("Templates", "Inference Deployment"),
     QT_TRANSLATE_NOOP("Templates", "An LLM served with vLLM: 4 replicas with one L4 GPU each.")},
    {"batch-job", QT_TRANSLATE_NOOP("Templates", "Batch job"),
     QT_TRANSLATE_NOOP("Templates", "16 CPU workers for data preparation or evaluation; tolerates Spot.")},
    {"mig-inference", QT_TRANSLATE_NOOP("Templates", "MIG inference"),
     QT_TRANSLATE_NOOP("Templates", "Small-model serving on MIG partitions: 7 replicas on one A100 split into 1g.5gb slices.")},
    {"notebook", QT_TRANSLATE_NOOP("Templates", "Notebook"),
     QT_TRANSLATE_NOOP("Templates", "An interactive JupyterLab with 4 vCPUs and 16 GiB, used office hours.")},
};

const TemplateText* textOf(const std::string& id)
{
    for (const auto& t : kTexts) {
        if (id == t.id)
            return &t;
    }
    return nullptr;
}

std::vector<WorkloadTemplate> load()
{
    std::vector<WorkloadTemplate> out;
    for (const auto& file : resources::filesUnder("templates/")) {
        const std::string name(file.path);
        io::PlanReadResult r = io::readPlanText(file.data, name);
        if (!r.plan || r.plan->workloads.size() != 1 || r.plan->clusters.size() != 1) {
            for (const auto& d : r.diagnostics.items())
                std::cerr << d.format() << '\n';
            std::cerr << name << ": not a template (one cluster, one workload); left out\n";
            continue;
        }
        WorkloadTemplate t;
        t.id = r.plan->name;
        t.sourceTitle = r.plan->description;
        t.workload = r.plan->workloads.front();
        t.workload.cluster.clear();
        t.workload.origin = {};
        t.provider = r.plan->clusters.front().provider;
        out.push_back(std::move(t));
    }
    auto rank = [](const WorkloadTemplate& t) {
        for (size_t i = 0; i < std::size(kTexts); ++i) {
            if (t.id == kTexts[i].id)
                return i;
        }
        return std::size(kTexts);
    };
    std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
    return out;
}

} // namespace

QString WorkloadTemplate::title() const
{
    if (const TemplateText* t = textOf(id))
        return QCoreApplication::translate("Templates", t->title);
    return QString::fromStdString(sourceTitle.empty() ? id : sourceTitle);
}

QString WorkloadTemplate::description() const
{
    if (const TemplateText* t = textOf(id))
        return QCoreApplication::translate("Templates", t->description);
    return QString::fromStdString(sourceTitle);
}

const std::vector<WorkloadTemplate>& workloadTemplates()
{
    static const std::vector<WorkloadTemplate> all = load();
    return all;
}

const WorkloadTemplate* findTemplate(const std::string& id)
{
    for (const auto& t : workloadTemplates()) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

model::Workload instantiateTemplate(const WorkloadTemplate& tmpl, const model::Plan& plan,
                                    const catalog::Catalog& catalog, const std::string& cluster,
                                    const std::string& pool)
{
    model::Workload w = tmpl.workload;
    w.name = uniqueWorkloadName(plan, tmpl.workload.name);
    w.cluster = cluster;
    w.pool = pool;
    const model::Cluster* c = plan.cluster(cluster);
    const model::NodePool* p = c ? c->pool(pool) : nullptr;
    if (!p)
        return w;
    // Requests beyond what one node of the pool offers to Pods shrink to it: a template is a
    // starting point sized for the pool it is dropped on.
    const catalog::MachineType* largest = nullptr;
    for (const auto& name : p->machineTypes) {
        const catalog::MachineType* m = catalog.machineType(c->provider, name);
        if (m && (!largest || m->vcpu > largest->vcpu))
            largest = m;
    }
    if (largest) {
        const solve::ResourceVector offer = solve::allocatable(catalog, *c, *p, *largest);
        if (offer.cpuMilli > 0 && w.resources.cpuMilli > offer.cpuMilli)
            w.resources.cpuMilli = offer.cpuMilli / 100 * 100;
        if (offer.memoryBytes > 0 && w.resources.memoryBytes > offer.memoryBytes)
            w.resources.memoryBytes = offer.memoryBytes / model::kGi * model::kGi;
    }
    if (!w.resources.gpu)
        return w;
    // The pool's GPU: the first of its machine types that carries one.
    const catalog::MachineType* gpuMachine = nullptr;
    for (const auto& name : p->machineTypes) {
        const catalog::MachineType* m = catalog.machineType(c->provider, name);
        if (m && m->gpu) {
            gpuMachine = m;
            break;
        }
    }
    if (!gpuMachine)
        return w;
    model::GpuRequest& gpu = w.resources.gpu.value();
    const std::string poolGpu = gpuMachine->gpu->type;
    if (!p->gpuPartitionSize.empty()) {
        gpu.type = poolGpu;
        gpu.partition = p->gpuPartitionSize;
        gpu.count = 1;
    } else if (gpu.partition.empty()) {
        gpu.type = poolGpu;
        gpu.count = std::clamp(gpu.count, 1, std::max(1, gpuMachine->gpu->count));
    }
    return w;
}

} // namespace cw::document
