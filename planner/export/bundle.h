// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "diag/diagnostic.h"
#include "model/plan.h"

#include <optional>
#include <string>
#include <vector>

namespace cw::solve {
struct Solution;
}

namespace cw::exporter {

// Which clusters of a plan to export.
enum class Target { All, Gke, Eks };
const char* toString(Target t);
std::optional<Target> targetFromString(const std::string& text);

struct ExportOptions {
    Target target = Target::All;
    // The solver's result for the same plan: its node counts become the initial size of
    // fixed pools and the README's cost summary. Without it the plan's counts are used.
    const solve::Solution* solution = nullptr;
};

// One file of a bundle, with its path relative to the bundle folder.
struct BundleFile {
    std::string path;          // "gke-train/manifests/03-job-llama-train.yaml"
    std::string content;
    bool executable = false;
};

// What the export produced: every file (sorted by path) and every diagnostic. When the
// plan has a problem that the export cannot represent faithfully, diagnostics hold an
// error and files is empty: nothing half-right is written.
struct Bundle {
    std::vector<BundleFile> files;
    diag::Diagnostics diagnostics;
    std::vector<std::string> clusters;   // exported clusters, in plan order

    bool ok() const { return !diagnostics.hasErrors(); }
    const BundleFile* file(const std::string& path) const;
};

// The file at the top of every bundle that marks the folder as one (and lists its files,
// so that a later export into the same folder removes the files it no longer produces).
inline constexpr const char* kBundleIndexFile = ".clusterwright-bundle";

// Turns a plan into the bundle: per cluster README.md, commands.sh and manifests/, plus
// cluster.yaml (eksctl) for EKS. Deterministic: the same input gives the same bytes.
// The plan is expected to have passed check::checkPlan; the export checks every name and
// value it writes again, because a plan edited in the GUI never went through the reader.
Bundle exportBundle(const model::Plan& plan, const catalog::Catalog& catalog, const ExportOptions& options = {});

struct WriteOptions {
    bool force = false;        // write into a non-empty folder that is not a bundle
};

struct WriteResult {
    bool ok = false;
    std::string error;                   // why nothing or not everything was written
    bool refusedNonEmpty = false;        // the folder holds other files; use force
    std::vector<std::string> written;    // relative paths
    std::vector<std::string> removed;    // files of the previous bundle no longer produced
};

// Writes the bundle under dir (created when missing). Every file is written through a
// temporary file and an atomic rename. A folder that is not empty and holds no earlier
// bundle is refused unless options.force.
WriteResult writeBundle(const Bundle& bundle, const std::string& dir, const WriteOptions& options = {});

} // namespace cw::exporter
