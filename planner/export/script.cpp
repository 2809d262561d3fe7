// SPDX-License-Identifier: GPL-3.0-or-later
// commands.sh: one bash function per step, every value from the plan single-quoted.
#include "context.h"

namespace cw::exporter {

using namespace cw::model;

namespace {

// The add-on releases whose CRDs the exported objects were validated against
// (tests/data/schemas/SOURCES.md).
constexpr const char* kKueueManifests = "https://github.com/kubernetes-sigs/kueue/releases/download/v0.19.2/manifests.yaml";
constexpr const char* kJobSetManifests = "https://github.com/kubernetes-sigs/jobset/releases/download/v0.12.0/manifests.yaml";

void addKubeconfigStep(ClusterContext& ctx)
{
    const Cluster& c = ctx.cluster;
    ShellCommand k;
    if (c.provider == Provider::Gke) {
        ScriptStep& s = ctx.step("kubeconfig", "fetch the cluster's credentials for kubectl (gcloud)");
        k.head = 4;
        k.add("gcloud").add("container").add("clusters").add("get-credentials").add(c.name)
            .add(ShellWord().lit("--project=").var("PROJECT_ID")).add("--location=" + c.location);
        s.lines.push_back(k.render(""));
    } else {
        ScriptStep& s = ctx.step("kubeconfig", "fetch the cluster's credentials for kubectl (aws)");
        k.head = 3;
        k.add("aws").add("eks").add("update-kubeconfig").add("--region=" + c.location).add("--name=" + c.name);
        s.lines.push_back(k.render(""));
    }
}

void addAddonStep(ClusterContext& ctx)
{
    if (!ctx.usesKueue && !ctx.usesJobSet)
        return;
    ScriptStep& s = ctx.step("addons", "install the controllers the manifests need (kubectl)");
    auto install = [&](const char* what, const char* url, const char* ns, const char* deployment) {
        s.lines.push_back("echo " + shellQuote(std::string("==> Installing ") + what));
        ShellCommand apply;
        apply.head = 2;
        apply.add("kubectl").add("apply").add("--server-side").add(std::string("--filename=") + url);
        s.lines.push_back(apply.render(""));
        ShellCommand wait;
        wait.head = 2;
        wait.add("kubectl").add("wait").add(std::string("--namespace=") + ns).add("--for=condition=Available")
            .add("--timeout=10m").add(std::string("deployment/") + deployment);
        s.lines.push_back(wait.render(""));
    };
    if (ctx.usesKueue)
        install("Kueue v0.19.2", kKueueManifests, "kueue-system", "kueue-controller-manager");
    if (ctx.usesJobSet)
        install("JobSet v0.12.0", kJobSetManifests, "jobset-system", "jobset-controller-manager");
}

void addApplyStep(ClusterContext& ctx)
{
    ScriptStep& s = ctx.step("manifests", "apply manifests/ in file-name order (kubectl)");
    if (!ctx.lateAnnotations.empty()) {
        // The ServiceAccounts get their Workload Identity annotation before any Pod that
        // mounts a bucket starts.
        ShellCommand first;
        first.head = 2;
        first.add("kubectl").add("apply");
        for (const auto& m : ctx.manifests) {
            if (m.stage == Stage::Namespaces || m.stage == Stage::ServiceAccounts)
                first.add("--filename=" + m.file);
        }
        s.lines.push_back(first.render(""));
        for (const auto& a : ctx.lateAnnotations) {
            ShellCommand ann;
            ann.head = 3;
            ann.add("kubectl").add("annotate").add("serviceaccount").add(a.serviceAccount)
                .add("--namespace=" + a.nameSpace).add("--overwrite")
                .add(ShellWord().lit("iam.gke.io/gcp-service-account=" + a.gsa + "@").var("PROJECT_ID")
                         .lit(".iam.gserviceaccount.com"));
            s.lines.push_back(ann.render(""));
        }
    }
    ShellCommand apply;
    apply.head = 2;
    apply.add("kubectl").add("apply").add("--filename=manifests/");
    s.lines.push_back(apply.render(""));
}

std::string indent(const std::string& block)
{
    std::string out;
    size_t start = 0;
    while (start < block.size()) {
        size_t end = block.find('\n', start);
        if (end == std::string::npos)
            end = block.size();
        const std::string line = block.substr(start, end - start);
        out += line.empty() ? "\n" : "  " + line + "\n";
        start = end + 1;
    }
    return out;
}

} // namespace

std::string renderScript(ClusterContext& ctx)
{
    addKubeconfigStep(ctx);
    addAddonStep(ctx);
    if (!ctx.manifests.empty())
        addApplyStep(ctx);

    const Cluster& c = ctx.cluster;
    const bool gke = c.provider == Provider::Gke;
    std::string names;
    for (const auto& s : ctx.steps)
        names += (names.empty() ? "" : " ") + s.name;

    std::string out = "#!/usr/bin/env bash\n";
    out += "# " + commentSafe("Exported by Clusterwright from plan '" + ctx.plan.name + "', cluster '" + c.name + "' ("
                              + (gke ? (c.mode == ClusterMode::Autopilot ? "GKE Autopilot" : "GKE Standard") : "EKS")
                              + ", " + c.location + ").") + "\n";
    out += "# Steps, in order: " + names + ".\n";
    out += "# Run them all (no argument) or some by name, e.g. ./commands.sh " + ctx.steps.front().name + "\n";
    out += "# README.md says what each step does and what it assumes.\n";
    out += "set -euo pipefail\n";
    out += "cd \"$(dirname \"${BASH_SOURCE[0]}\")\"\n\n";
    if (gke) {
        out += "if [[ -z \"${PROJECT_ID:-}\" ]]; then\n";
        if (!c.project.empty()) {
            out += "  PROJECT_ID=" + shellQuote(c.project) + "\n";
        } else {
            out += "  echo 'commands.sh: set PROJECT_ID to the Google Cloud project of the cluster' >&2\n";
            out += "  exit 2\n";
        }
        out += "fi\n\n";
    }
    for (const auto& s : ctx.steps) {
        out += "# " + commentSafe(s.summary) + "\n";
        out += "step_" + s.name + "() {\n";
        for (const auto& line : s.lines)
            out += indent(line);
        out += "}\n\n";
    }
    out += "usage() {\n";
    out += "  echo " + shellQuote("usage: commands.sh [" + names + "]...") + " >&2\n";
    out += "}\n\n";
    out += "if [[ $# -eq 0 ]]; then\n";
    out += "  set -- " + names + "\n";
    out += "fi\n";
    out += "for step in \"$@\"; do\n";
    out += "  case \"$step\" in\n";
    for (const auto& s : ctx.steps)
        out += "    " + s.name + ") step_" + s.name + " ;;\n";
    out += "    *) usage; exit 2 ;;\n";
    out += "  esac\n";
    out += "done\n";
    return out;
}

} // namespace cw::exporter
