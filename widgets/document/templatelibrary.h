// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/plan.h"

#include <QString>

#include <string>
#include <vector>

namespace cw::catalog {
class Catalog;
}

namespace cw::document {

// A workload template of the palette: a workload with sensible requests, read from
// resources/templates/<id>.yaml (a plan with one carrier cluster and one workload).
struct WorkloadTemplate {
    std::string id;             // the file's metadata.name: llm-training-gpu
    std::string sourceTitle;    // metadata.description, English
    model::Workload workload;
    model::Provider provider = model::Provider::Gke; // the carrier cluster's provider

    QString title() const;       // translated
    QString description() const; // translated, one sentence
};

// The embedded templates, in palette order. Loaded once; a template file with errors is left
// out and reported on stderr (a test keeps them all valid).
const std::vector<WorkloadTemplate>& workloadTemplates();
const WorkloadTemplate* findTemplate(const std::string& id);

// The workload a template becomes when dropped on a pool: a new name that is free in the
// plan, the target cluster, pinned to the pool, the GPU request adjusted to the pool's
// hardware (its GPU model, at most its GPUs per node, its MIG partition size) and CPU and
// memory at most what a node of the pool offers to Pods. An empty pool leaves the workload
// unpinned.
model::Workload instantiateTemplate(const WorkloadTemplate& tmpl, const model::Plan& plan,
                                    const catalog::Catalog& catalog, const std::string& cluster,
                                    const std::string& pool);

} // namespace cw::document
