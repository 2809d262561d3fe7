// SPDX-License-Identifier: GPL-3.0-or-later
// GPU monitoring: scraping of the NVIDIA DCGM exporter and the alerts of docs/export.md (GPU monitoring),
// as GMP PodMonitoring + Rules on GKE and prometheus-operator PodMonitor + PrometheusRule
// on EKS.
#include "context.h"

namespace cw::exporter {

using namespace cw::model;

namespace {

struct XidAlert {
    int xid;
    const char* alert;
    const char* severity;
    const char* meaning;
};

// docs/export.md, GPU monitoring.
const XidAlert kXidAlerts[] = {
    {31, "GpuXid31MemoryPageFault", "warning",
     "GPU memory page fault (Xid 31): usually a bug in the application or a library"},
    {48, "GpuXid48DoubleBitEccError", "critical",
     "double-bit ECC error (Xid 48): a hardware fault; drain the node and have the GPU replaced"},
    {79, "GpuXid79FellOffTheBus", "critical",
     "the GPU fell off the bus (Xid 79): a hardware or thermal fault; drain the node"},
};

bool clusterHasGpus(const ClusterContext& ctx)
{
    for (const auto& p : ctx.cluster.nodePools) {
        if (p.existing)
            continue;
        for (const auto& mt : p.machineTypes) {
            if (const auto* m = ctx.machine(mt); m && isGpuMachine(*m))
                return true;
        }
    }
    for (const Workload* w : ctx.workloads()) {
        if (w->resources.gpu)
            return true;
    }
    return false;
}

Value rule(const std::string& alert, const std::string& expr, const char* forDuration, const char* severity,
           const std::string& summary)
{
    Value r = Value::map();
    r.set("alert", alert);
    r.set("expr", expr);
    r.set("for", forDuration);
    r["labels"].set("severity", severity);
    r["annotations"].set("summary", summary);
    return r;
}

// The alert groups shared by both flavours of Prometheus. The DCGM exporter labels each
// GPU with the Pod that holds it (namespace, pod); Prometheus keeps the scrape target's own
// namespace and pod labels and renames the exporter's to exported_namespace / exported_pod.
Value ruleGroups(const ClusterContext& ctx)
{
    Value groups = Value::list();
    Value health = Value::map();
    health.set("name", "gpu-health");
    health.set("interval", "60s");
    Value rules = Value::list();
    for (const auto& x : kXidAlerts) {
        rules.push(rule(x.alert, "DCGM_FI_DEV_XID_ERRORS == " + std::to_string(x.xid), "0m", x.severity,
                        std::string(x.meaning) + ".")); 
    }
    health.set("rules", rules);
    groups.push(health);

    Value training = Value::list();
    for (const Workload* w : ctx.workloads()) {
        if (w->kind != WorkloadKind::Training || !w->resources.gpu)
            continue;
        // Pods of an indexed Job are named <job>-<index>-<suffix>, of a plain Job <job>-<suffix>.
        const std::string podRe = w->replicas > 1 ? w->name + "-[0-9]+-[a-z0-9]{5}" : w->name + "-[a-z0-9]{5}";
        const std::string expr = "avg by (exported_pod) (DCGM_FI_DEV_GPU_UTIL{exported_namespace=\"" + namespaceOf(*w)
                                 + "\", exported_pod=~\"" + podRe + "\"}) < 90";
        training.push(rule("GpuUnderutilisedTraining", expr, "30m", "warning",
                           "GPUs of training job " + w->name
                               + " are below 90 % busy for 30 minutes: the job is input-, CPU- or network-bound."));
    }
    if (!training.empty()) {
        Value g = Value::map();
        g.set("name", "gpu-training-utilisation");
        g.set("interval", "60s");
        g.set("rules", training);
        groups.push(g);
    }
    return groups;
}

} // namespace

void exportMonitoring(ClusterContext& ctx)
{
    if (!clusterHasGpus(ctx))
        return;
    const bool gke = ctx.cluster.provider == Provider::Gke;
    if (gke && ctx.cluster.mode == ClusterMode::Autopilot) {
        ctx.report("CW532", ctx.at(ctx.cluster.origin), {ctx.cluster.name, "DCGM exporter scraping",
                   "Autopilot does not run the privileged DCGM exporter; use GKE's managed DCGM metrics"},
                   ctx.cluster.name);
        ctx.leftOut.push_back("GPU monitoring: Autopilot does not run the privileged DCGM exporter; enable GKE's "
                              "managed DCGM metrics instead.");
        return;
    }
    if (gke) {
        // Managed Service for Prometheus: the exporter runs in gmp-public as in Google's
        // example; Rules are namespaced and only see metrics of their own namespace, so
        // they live there too.
        Value pm = typed("monitoring.googleapis.com/v1", "PodMonitoring", "nvidia-dcgm-exporter", "gmp-public");
        pm["spec"]["selector"]["matchLabels"].set("app.kubernetes.io/name", "nvidia-dcgm-exporter");
        Value ep = Value::map();
        ep.set("port", "metrics");
        ep.set("path", "/metrics");
        ep.set("interval", "30s");
        Value eps = Value::list();
        eps.push(ep);
        pm["spec"].set("endpoints", eps);
        ctx.add(Stage::Monitoring, std::move(pm));

        Value rules = typed("monitoring.googleapis.com/v1", "Rules", "gpu-alerts", "gmp-public");
        rules["spec"].set("groups", ruleGroups(ctx));
        ctx.add(Stage::Monitoring, std::move(rules));
        ctx.prerequisites.push_back(
            "The NVIDIA DCGM exporter runs as a DaemonSet in namespace `gmp-public` with the Pod label "
            "`app.kubernetes.io/name: nvidia-dcgm-exporter` and a container port named `metrics` (Google's "
            "Managed Service for Prometheus DCGM example), and its counters include `DCGM_FI_DEV_GPU_UTIL` and "
            "`DCGM_FI_DEV_XID_ERRORS`.");
        ctx.namespaces.insert("gmp-public");
    } else {
        const std::string ns = "gpu-operator";
        Value pm = typed("monitoring.coreos.com/v1", "PodMonitor", "nvidia-dcgm-exporter", ns);
        pm["spec"]["selector"]["matchLabels"].set("app", "nvidia-dcgm-exporter");
        Value ep = Value::map();
        ep.set("port", "metrics");
        ep.set("path", "/metrics");
        ep.set("interval", "30s");
        Value eps = Value::list();
        eps.push(ep);
        pm["spec"].set("podMetricsEndpoints", eps);
        ctx.add(Stage::Monitoring, std::move(pm));

        Value rules = typed("monitoring.coreos.com/v1", "PrometheusRule", "gpu-alerts", ns);
        rules["spec"].set("groups", ruleGroups(ctx));
        ctx.add(Stage::Monitoring, std::move(rules));
        ctx.namespaces.insert(ns);
        ctx.prerequisites.push_back(
            "prometheus-operator (for example kube-prometheus-stack) with its PodMonitor and PrometheusRule "
            "CRDs, selecting these objects; the NVIDIA GPU Operator's DCGM exporter in namespace `gpu-operator` "
            "(Pod label `app: nvidia-dcgm-exporter`, container port `metrics`).");
    }
    ctx.assumptions.push_back("GPU alerts: Xid 31, 48 and 79 from `DCGM_FI_DEV_XID_ERRORS` (the last Xid seen), and "
                              "GPU utilisation under 90 % for 30 minutes for each GPU training job. The exporter's "
                              "Pod labels arrive as `exported_namespace` / `exported_pod`.");
}

} // namespace cw::exporter
