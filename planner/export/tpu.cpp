// SPDX-License-Identifier: GPL-3.0-or-later
// TPU pieces of the export: multi-host Jobs and JobSets, and the node-pool commands.
#include "tpu.h"

#include "model/quantity.h"
#include "tpu/tpuplan.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

namespace cw::exporter {

using namespace cw::model;

namespace {

constexpr const char* kAcceleratorLabel = "cloud.google.com/gke-tpu-accelerator";
constexpr const char* kTopologyLabel = "cloud.google.com/gke-tpu-topology";
constexpr const char* kNodePoolLabel = "cloud.google.com/gke-nodepool";
constexpr const char* kTpuResource = "google.com/tpu";
constexpr const char* kCompletionIndex = "metadata.annotations['batch.kubernetes.io/job-completion-index']";
constexpr size_t kMaxHostname = 63;

std::string effectName(TaintEffect e)
{
    return toString(e);
}

// A string value that a YAML reader would take for something else (true, no, null, 1.5,
// 0x1F, an empty string) is quoted; every other one is written plain.
bool looksTyped(const std::string& s)
{
    if (s.empty())
        return true;
    std::string l;
    for (char ch : s)
        l += char(std::tolower(static_cast<unsigned char>(ch)));
    static const char* words[] = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", "-.inf", "+.inf", ".nan"};
    for (const char* w : words) {
        if (l == w)
            return true;
    }
    // Numbers in any YAML 1.1 / 1.2 form start with a digit, a sign or a dot followed by one.
    const char c0 = l[0];
    const bool numeric = std::isdigit(static_cast<unsigned char>(c0))
                      || ((c0 == '-' || c0 == '+' || c0 == '.') && l.size() > 1 && std::isdigit(static_cast<unsigned char>(l[1])));
    if (!numeric)
        return false;
    const std::string body = (c0 == '-' || c0 == '+') ? l.substr(1) : l;
    if (body.rfind("0x", 0) == 0)
        return body.find_first_not_of("0123456789abcdef_", 2) == std::string::npos;
    if (body.rfind("0o", 0) == 0)
        return body.find_first_not_of("01234567_", 2) == std::string::npos;
    return body.find_first_not_of("0123456789+-._e:") == std::string::npos;
}

YAML::Emitter& value(YAML::Emitter& out, const std::string& s)
{
    if (looksTyped(s))
        out << YAML::DoubleQuoted;
    return out << s;
}

void emitLabels(YAML::Emitter& out, const Workload& w)
{
    out << YAML::Key << "labels" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "app.kubernetes.io/name" << YAML::Value << w.name;
    out << YAML::Key << "app.kubernetes.io/managed-by" << YAML::Value << "clusterwright";
    for (const auto& [k, v] : w.labels) {
        if (k != "app.kubernetes.io/name" && k != "app.kubernetes.io/managed-by")
            value(out << YAML::Key << k << YAML::Value, v);
    }
    out << YAML::EndMap;
}

void emitMetadata(YAML::Emitter& out, const std::string& name, const Workload& w,
                  const std::map<std::string, std::string>& annotations = {})
{
    out << YAML::Key << "metadata" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value << name;
    if (!w.nameSpace.empty())
        out << YAML::Key << "namespace" << YAML::Value << w.nameSpace;
    emitLabels(out, w);
    if (!annotations.empty()) {
        out << YAML::Key << "annotations" << YAML::Value << YAML::BeginMap;
        for (const auto& [k, v] : annotations)
            value(out << YAML::Key << k << YAML::Value, v);
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

struct EnvVar {
    std::string name;
    std::string value;      // literal, unless fieldPath is set
    std::string fieldPath;
};

// The Pod template of one TPU worker.
void emitPodTemplate(YAML::Emitter& out, const Workload& w, const TpuPodRequirements& req,
                     const std::string& subdomain, const std::vector<EnvVar>& env)
{
    out << YAML::Key << "template" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "metadata" << YAML::Value << YAML::BeginMap;
    emitLabels(out, w);
    out << YAML::EndMap;
    out << YAML::Key << "spec" << YAML::Value << YAML::BeginMap;
    if (!subdomain.empty())
        out << YAML::Key << "subdomain" << YAML::Value << subdomain;
    out << YAML::Key << "restartPolicy" << YAML::Value << "Never";
    out << YAML::Key << "nodeSelector" << YAML::Value << YAML::BeginMap;
    for (const auto& [k, v] : req.nodeSelector)
        value(out << YAML::Key << k << YAML::Value, v);
    out << YAML::EndMap;
    if (!req.tolerations.empty()) {
        out << YAML::Key << "tolerations" << YAML::Value << YAML::BeginSeq;
        for (const auto& t : req.tolerations) {
            out << YAML::BeginMap;
            if (!t.key.empty())
                out << YAML::Key << "key" << YAML::Value << t.key;
            out << YAML::Key << "operator" << YAML::Value << toString(t.op);
            if (t.op == TolerationOperator::Equal)
                value(out << YAML::Key << "value" << YAML::Value, t.value);
            if (t.effect)
                out << YAML::Key << "effect" << YAML::Value << effectName(*t.effect);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    out << YAML::Key << "containers" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value << "worker";
    out << YAML::Key << "image" << YAML::Value << w.image;
    out << YAML::Key << "env" << YAML::Value << YAML::BeginSeq;
    for (const auto& e : env) {
        out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << e.name;
        if (!e.fieldPath.empty()) {
            out << YAML::Key << "valueFrom" << YAML::Value << YAML::BeginMap << YAML::Key << "fieldRef" << YAML::Value
                << YAML::BeginMap << YAML::Key << "fieldPath" << YAML::Value << e.fieldPath << YAML::EndMap << YAML::EndMap;
        } else {
            out << YAML::Key << "value" << YAML::Value << YAML::DoubleQuoted << e.value;
        }
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    if (w.privileged) {
        out << YAML::Key << "securityContext" << YAML::Value << YAML::BeginMap << YAML::Key << "privileged" << YAML::Value
            << true << YAML::EndMap;
    }
    const std::string tpu = std::to_string(req.tpuPerPod);
    out << YAML::Key << "resources" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "requests" << YAML::Value << YAML::BeginMap;
    if (w.resources.cpuMilli > 0)
        out << YAML::Key << "cpu" << YAML::Value << YAML::DoubleQuoted << formatCpuMilli(w.resources.cpuMilli);
    if (w.resources.memoryBytes > 0)
        out << YAML::Key << "memory" << YAML::Value << YAML::DoubleQuoted << formatBytes(w.resources.memoryBytes);
    if (w.resources.ephemeralStorageBytes > 0)
        out << YAML::Key << "ephemeral-storage" << YAML::Value << YAML::DoubleQuoted << formatBytes(w.resources.ephemeralStorageBytes);
    out << YAML::Key << kTpuResource << YAML::Value << YAML::DoubleQuoted << tpu;
    out << YAML::EndMap;
    // Extended resources are not overcommitted: the limit equals the request.
    out << YAML::Key << "limits" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << kTpuResource << YAML::Value << YAML::DoubleQuoted << tpu;
    out << YAML::EndMap;
    out << YAML::EndMap; // resources
    out << YAML::EndMap << YAML::EndSeq; // containers
    out << YAML::EndMap; // spec
    out << YAML::EndMap; // template
}

// The spec of an Indexed Job whose Pods are the hosts of one slice.
void emitJobSpec(YAML::Emitter& out, const Workload& w, const TpuPodRequirements& req, const std::string& subdomain,
                 const std::vector<EnvVar>& env)
{
    out << YAML::Key << "spec" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "completions" << YAML::Value << req.hosts;
    out << YAML::Key << "parallelism" << YAML::Value << req.hosts;
    out << YAML::Key << "completionMode" << YAML::Value << "Indexed";
    // A multi-host slice fails as a whole: retrying one worker cannot rejoin the others.
    out << YAML::Key << "backoffLimit" << YAML::Value << 0;
    emitPodTemplate(out, w, req, subdomain, env);
    out << YAML::EndMap;
}

std::string hostnames(const std::string& podPrefix, int hosts, const std::string& subdomain)
{
    std::string s;
    for (int i = 0; i < hosts; ++i)
        s += (i ? "," : "") + podPrefix + std::to_string(i) + "." + subdomain;
    return s;
}

bool checkHostname(const Workload& w, const std::string& longest, size_t fixed, diag::Diagnostics& diags)
{
    if (longest.size() <= kMaxHostname)
        return true;
    diags.add("CW462", {}, {w.name, longest, std::to_string(kMaxHostname > fixed ? kMaxHostname - fixed : 0)}, w.name);
    return false;
}

} // namespace

std::optional<TpuPodRequirements> tpuPodRequirements(const Plan& plan, const Workload& w, const catalog::Catalog& cat,
                                                     diag::Diagnostics& diags)
{
    if (!w.resources.tpu) {
        diags.add("CW460", {}, {w.name, "it requests no TPU"}, w.name);
        return std::nullopt;
    }
    const auto ps = tpu::workloadSlice(plan, w, cat);
    if (!ps) {
        diag::Diagnostics why;
        tpu::checkPlanTpu(plan, cat, why);
        std::string reason = "its TPU request is not valid";
        for (const auto& d : why.items()) {
            if (d.object == w.name && d.severity == diag::Severity::Error) {
                reason = d.message();
                break;
            }
        }
        diags.add("CW460", {}, {w.name, reason}, w.name);
        return std::nullopt;
    }
    TpuPodRequirements r;
    r.accelerator = w.resources.tpu->type;
    r.topology = ps->slice.topology.text();
    r.machineType = ps->layout.machineType;
    r.tpuPerPod = ps->layout.tpuPerPod();
    r.hosts = ps->layout.hosts;
    r.slices = std::max(1, w.resources.tpu->slices);
    r.multiHost = ps->isMultiHost();
    r.nodeSelector = w.nodeSelector;
    r.nodeSelector[kAcceleratorLabel] = r.accelerator;
    r.nodeSelector[kTopologyLabel] = r.topology;
    // A single slice pinned to a pool stays on it; multislice spreads over pools.
    if (w.isPinned() && r.slices == 1)
        r.nodeSelector[kNodePoolLabel] = w.pool;
    r.tolerations = w.tolerations;
    const bool tolerated = std::any_of(r.tolerations.begin(), r.tolerations.end(), [](const Toleration& t) {
        return (t.key == kTpuResource || t.key.empty()) && (!t.effect || *t.effect == TaintEffect::NoSchedule);
    });
    if (!tolerated)
        r.tolerations.push_back({kTpuResource, TolerationOperator::Exists, "", TaintEffect::NoSchedule});
    return r;
}

TpuWorkloadExport exportTpuWorkload(const Plan& plan, const Workload& w, const catalog::Catalog& cat)
{
    TpuWorkloadExport x;
    const auto req = tpuPodRequirements(plan, w, cat, x.diagnostics);
    if (!req)
        return x;
    if (!req->multiHost) {
        x.diagnostics.add("CW463", {}, {w.name, req->topology}, w.name);
        return x;
    }
    if (w.image.empty()) {
        x.diagnostics.add("CW461", {}, {w.name}, w.name);
        return x;
    }
    const std::string lastIndex = std::to_string(req->hosts - 1);
    if (req->slices == 1) {
        // Pod hostnames of an Indexed Job: <job>-<index>, resolvable as <job>-<index>.<service>.
        const std::string service = w.name + "-workers";
        if (!checkHostname(w, w.name + "-" + lastIndex, 1 + lastIndex.size(), x.diagnostics)
            || !checkHostname(w, service, 8, x.diagnostics))
            return x;
        {
            YAML::Emitter out;
            out << YAML::BeginMap;
            out << YAML::Key << "apiVersion" << YAML::Value << "v1";
            out << YAML::Key << "kind" << YAML::Value << "Service";
            emitMetadata(out, service, w);
            out << YAML::Key << "spec" << YAML::Value << YAML::BeginMap;
            out << YAML::Key << "clusterIP" << YAML::Value << "None";
            // Workers resolve each other before any of them is ready.
            out << YAML::Key << "publishNotReadyAddresses" << YAML::Value << true;
            out << YAML::Key << "selector" << YAML::Value << YAML::BeginMap;
            out << YAML::Key << "batch.kubernetes.io/job-name" << YAML::Value << w.name;
            out << YAML::EndMap;
            out << YAML::EndMap;
            out << YAML::EndMap;
            x.manifests.push_back({"v1", "Service", service, w.nameSpace, std::string(out.c_str()) + "\n"});
        }
        {
            const std::vector<EnvVar> env = {
                {"TPU_WORKER_ID", "", kCompletionIndex},
                {"TPU_WORKER_HOSTNAMES", hostnames(w.name + "-", req->hosts, service), ""},
            };
            YAML::Emitter out;
            out << YAML::BeginMap;
            out << YAML::Key << "apiVersion" << YAML::Value << "batch/v1";
            out << YAML::Key << "kind" << YAML::Value << "Job";
            emitMetadata(out, w.name, w);
            emitJobSpec(out, w, *req, service, env);
            out << YAML::EndMap;
            x.manifests.push_back({"batch/v1", "Job", w.name, w.nameSpace, std::string(out.c_str()) + "\n"});
        }
        return x;
    }
    // Multislice: a JobSet with one replicated Job per slice. JobSet names Pods
    // <jobset>-<replicatedJob>-<jobIndex>-<podIndex> and resolves them under its subdomain.
    const std::string subdomain = w.name;
    const std::string lastSlice = "slice-" + std::to_string(req->slices - 1);
    if (!checkHostname(w, w.name + "-" + lastSlice + "-0-" + lastIndex, lastSlice.size() + 4 + lastIndex.size(), x.diagnostics))
        return x;
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "apiVersion" << YAML::Value << "jobset.x-k8s.io/v1alpha2";
    out << YAML::Key << "kind" << YAML::Value << "JobSet";
    // Each slice's Job lands on one node pool: one slice per pool.
    emitMetadata(out, w.name, w, {{"alpha.jobset.sigs.k8s.io/exclusive-topology", kNodePoolLabel}});
    out << YAML::Key << "spec" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "failurePolicy" << YAML::Value << YAML::BeginMap << YAML::Key << "maxRestarts" << YAML::Value << 0
        << YAML::EndMap;
    out << YAML::Key << "network" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "enableDNSHostnames" << YAML::Value << true;
    out << YAML::Key << "subdomain" << YAML::Value << subdomain;
    out << YAML::Key << "publishNotReadyAddresses" << YAML::Value << true;
    out << YAML::EndMap;
    out << YAML::Key << "replicatedJobs" << YAML::Value << YAML::BeginSeq;
    const std::string coordinator = w.name + "-slice-0-0-0." + subdomain;
    for (int s = 0; s < req->slices; ++s) {
        const std::string job = "slice-" + std::to_string(s);
        const std::vector<EnvVar> env = {
            {"TPU_WORKER_ID", "", kCompletionIndex},
            {"TPU_WORKER_HOSTNAMES", hostnames(w.name + "-" + job + "-0-", req->hosts, subdomain), ""},
            {"MEGASCALE_NUM_SLICES", std::to_string(req->slices), ""},
            {"MEGASCALE_SLICE_ID", std::to_string(s), ""},
            {"MEGASCALE_COORDINATOR_ADDRESS", coordinator, ""},
        };
        out << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << job;
        out << YAML::Key << "replicas" << YAML::Value << 1;
        out << YAML::Key << "template" << YAML::Value << YAML::BeginMap;
        emitJobSpec(out, w, *req, "", env);
        out << YAML::EndMap;
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::EndMap; // spec
    out << YAML::EndMap;
    x.manifests.push_back({"jobset.x-k8s.io/v1alpha2", "JobSet", w.name, w.nameSpace, std::string(out.c_str()) + "\n"});
    return x;
}

std::string joinDocuments(const std::vector<TpuManifest>& manifests)
{
    std::string s;
    for (const auto& m : manifests)
        s += "---\n" + m.yaml;
    return s;
}

TpuPoolCommands tpuNodePoolCommands(const Plan& plan, const Cluster& c, const NodePool& p, const catalog::Catalog& cat)
{
    TpuPoolCommands r;
    const std::string object = c.name + "/" + p.name;
    const auto ps = tpu::poolSlice(c, p, cat);
    if (!ps) {
        diag::Diagnostics why;
        tpu::checkPlanTpu(plan, cat, why);
        std::string reason = "it is not a TPU pool with a valid topology for its machine type";
        for (const auto& d : why.items()) {
            if (d.object == object && d.severity == diag::Severity::Error) {
                reason = d.message();
                break;
            }
        }
        r.diagnostics.add("CW466", {}, {p.name, reason}, object);
        return r;
    }
    const catalog::TpuGeneration& g = *ps->slice.generation;
    const bool multi = ps->isMultiHost();
    const bool policy = multi && !g.workloadPolicyType.empty();
    const std::string topology = ps->slice.topology.text();
    std::vector<std::string> project;
    if (!c.project.empty())
        project.push_back("--project=" + c.project);

    if (!c.isZonal() && p.zones.empty())
        r.diagnostics.add("CW464", {}, {p.name, c.name}, object);

    std::string policyName;
    if (policy) {
        // GCE resource names: lower-case, at most 63 characters, starting with a letter.
        policyName = c.name + "-" + p.name;
        if (policyName.size() > 60)
            policyName.resize(60);
        while (!policyName.empty() && policyName.back() == '-')
            policyName.pop_back();
        policyName += "-wp";
        TpuCommand cmd;
        cmd.argv = {"gcloud", "compute", "resource-policies", "create", "workload-policy", policyName,
                    "--type=" + g.workloadPolicyType, "--accelerator-topology=" + topology, "--region=" + c.region()};
        cmd.argv.insert(cmd.argv.end(), project.begin(), project.end());
        cmd.comment = "Workload policy for the " + g.name + " " + topology + " slice of pool " + p.name;
        r.commands.push_back(std::move(cmd));
        if (p.queuedProvisioning)
            r.diagnostics.add("CW465", {}, {p.name, g.name}, object);
    }

    TpuCommand cmd;
    cmd.argv = {"gcloud", "container", "node-pools", "create", p.name, "--cluster=" + c.name, "--location=" + c.location};
    cmd.argv.insert(cmd.argv.end(), project.begin(), project.end());
    cmd.argv.push_back("--machine-type=" + ps->layout.machineType);
    if (policy) {
        cmd.argv.push_back("--placement-policy=" + policyName);
        if (!g.workloadPolicyReplacesTopology)
            cmd.argv.push_back("--tpu-topology=" + topology);
    } else {
        cmd.argv.push_back("--tpu-topology=" + topology);
    }
    const bool queued = p.queuedProvisioning || p.capacity == Capacity::FlexStart;
    int nodes = 0;
    if (multi) {
        // A multi-host slice is created whole: one node per host.
        nodes = queued ? 0 : ps->layout.hosts;
    } else {
        nodes = queued ? 0 : p.initialNodes.value_or(p.minNodes);
    }
    cmd.argv.push_back("--num-nodes=" + std::to_string(nodes));
    if (!p.zones.empty()) {
        std::string zones;
        for (const auto& z : p.zones)
            zones += (zones.empty() ? "" : ",") + z;
        cmd.argv.push_back("--node-locations=" + zones);
    }
    const int maxNodes = multi ? ps->layout.hosts : p.maxNodes.value_or(nodes);
    if (queued || (multi && p.minNodes == 0) || (!multi && p.maxNodes && *p.maxNodes != p.minNodes)) {
        cmd.argv.push_back("--enable-autoscaling");
        cmd.argv.push_back("--min-nodes=" + std::to_string(multi ? 0 : p.minNodes));
        cmd.argv.push_back("--max-nodes=" + std::to_string(maxNodes));
    }
    switch (p.capacity) {
    case Capacity::OnDemand: break;
    case Capacity::Spot: cmd.argv.push_back("--spot"); break;
    case Capacity::Reservation:
        cmd.argv.push_back("--reservation-affinity=specific");
        cmd.argv.push_back("--reservation=" + p.reservation);
        break;
    case Capacity::FlexStart: cmd.argv.push_back("--flex-start"); break;
    }
    if (p.queuedProvisioning) {
        cmd.argv.push_back("--enable-queued-provisioning");
        if (p.capacity != Capacity::Reservation)
            cmd.argv.push_back("--reservation-affinity=none");
    }
    if (queued || !p.autoRepair)
        cmd.argv.push_back("--no-enable-autorepair");
    if (p.gvnic)
        cmd.argv.push_back("--enable-gvnic");
    if (p.maxPodsPerNode)
        cmd.argv.push_back("--max-pods-per-node=" + std::to_string(*p.maxPodsPerNode));
    if (p.diskSizeGiB)
        cmd.argv.push_back("--disk-size=" + std::to_string(*p.diskSizeGiB));
    if (!p.labels.empty()) {
        std::string labels;
        for (const auto& [k, v] : p.labels)
            labels += (labels.empty() ? "" : ",") + k + "=" + v;
        cmd.argv.push_back("--node-labels=" + labels);
    }
    if (!p.taints.empty()) {
        std::string taints;
        for (const auto& t : p.taints)
            taints += (taints.empty() ? "" : ",") + t.key + "=" + t.value + ":" + toString(t.effect);
        cmd.argv.push_back("--node-taints=" + taints);
    }
    cmd.comment = "TPU " + g.name + " " + topology + ": " + std::to_string(ps->layout.hosts) + " × " + ps->layout.machineType
                + (multi ? " (one multi-host slice; the pool is created and repaired as a whole)" : "");
    r.commands.push_back(std::move(cmd));
    return r;
}

} // namespace cw::exporter
