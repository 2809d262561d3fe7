// SPDX-License-Identifier: GPL-3.0-or-later
// Workload manifests for GKE (Standard and Autopilot) and EKS: Deployments, Jobs (indexed
// for multi-worker training), Services, and the queued-provisioning objects
// (ProvisioningRequest + PodTemplate, or Kueue) that GKE's Dynamic Workload Scheduler needs.
#include "context.h"
#include "tpu.h"
#include "model/quantity.h"

#include <algorithm>
#include <map>

namespace cw::exporter {

using namespace cw::model;

namespace {

constexpr const char* kNameLabel = "app.kubernetes.io/name";
constexpr const char* kManagedByLabel = "app.kubernetes.io/managed-by";
constexpr const char* kFlexiblePoolLabel = "clusterwright.io/pool";
constexpr const char* kQueuedClass = "queued-provisioning.gke.io";
constexpr const char* kDataMount = "/data";

bool isJob(const Workload& w)
{
    return w.kind == WorkloadKind::Training || w.kind == WorkloadKind::Batch;
}

bool hasService(const Workload& w)
{
    return w.port > 0 && !isJob(w);
}

// Multi-worker GPU or CPU training; TPU slices get their worker discovery from the TPU
// slice export (multi-host) or need none (single-host).
bool isIndexedTraining(const Workload& w)
{
    return w.kind == WorkloadKind::Training && w.replicas > 1 && !w.hasTpu();
}

// The pool a workload runs in: its pin, or the only pool the solver placed it in.
const NodePool* resolvedPool(const ClusterContext& ctx, const Workload& w)
{
    if (w.isPinned())
        return ctx.cluster.pool(w.pool);
    const auto* sol = ctx.solution();
    if (!sol)
        return nullptr;
    std::string only;
    for (const auto& pl : sol->placements) {
        if (pl.workload != w.name || pl.node < 0 || size_t(pl.node) >= sol->nodes.size())
            continue;
        const auto& node = sol->nodes[size_t(pl.node)];
        if (node.group < 0 || size_t(node.group) >= sol->groups.size())
            continue;
        const std::string& pool = sol->groups[size_t(node.group)].pool;
        if (!only.empty() && only != pool)
            return nullptr;
        only = pool;
    }
    return only.empty() ? nullptr : ctx.cluster.pool(only);
}

Value toleration(const Toleration& t)
{
    Value v = Value::map();
    if (!t.key.empty())
        v.set("key", t.key);
    v.set("operator", toString(t.op));
    if (t.op == TolerationOperator::Equal)
        v.set("value", t.value);
    if (t.effect)
        v.set("effect", toString(*t.effect));
    return v;
}

struct DataMount {
    enum class Kind { None, GcsFuse, Claim } kind = Kind::None;
    std::string bucket;
    std::string path;
    std::string claim;
};

DataMount dataMount(const ClusterContext& ctx, const Workload& w)
{
    DataMount m;
    if (!w.data)
        return m;
    const std::string& s = w.data->source;
    if (s.rfind("pvc:", 0) == 0) {
        m.kind = DataMount::Kind::Claim;
        m.claim = s.substr(4);
    } else if (s.rfind("gs://", 0) == 0 && ctx.cluster.provider == Provider::Gke) {
        m.kind = DataMount::Kind::GcsFuse;
        const std::string rest = s.substr(5);
        const auto slash = rest.find('/');
        m.bucket = rest.substr(0, slash);
        if (slash != std::string::npos) {
            m.path = rest.substr(slash + 1);
            while (!m.path.empty() && m.path.back() == '/')
                m.path.pop_back();
        }
    }
    return m;
}

// How Pods of a workload get their nodes through queued provisioning.
enum class Queueing { None, Kueue, ProvisioningRequest };

Queueing queueingOf(const ClusterContext& ctx, const Workload& w, const NodePool* pool)
{
    if (ctx.cluster.provider != Provider::Gke || !pool || !pool->queuedProvisioning)
        return Queueing::None;
    // A gang Job is admitted whole by Kueue, which creates the ProvisioningRequest itself;
    // anything else asks for its nodes with its own ProvisioningRequest.
    if (w.gang && isJob(w))
        return Queueing::Kueue;
    return Queueing::ProvisioningRequest;
}

class WorkloadWriter {
public:
    explicit WorkloadWriter(ClusterContext& ctx) : m_ctx(ctx) {}

    void run()
    {
        for (const Workload* w : m_ctx.workloads()) {
            if (!m_ctx.delegatedWorkloads.count(w->name))
                write(*w);
        }
        writeKueue();
    }

private:
    bool gke() const { return m_ctx.cluster.provider == Provider::Gke; }
    bool autopilot() const { return gke() && m_ctx.cluster.mode == ClusterMode::Autopilot; }

    void write(const Workload& w)
    {
        const NodePool* pool = resolvedPool(m_ctx, w);
        const std::string ns = namespaceOf(w);
        m_ctx.namespaces.insert(ns);
        const Queueing q = queueingOf(m_ctx, w, pool);
        const DataMount data = dataMount(m_ctx, w);

        if (data.kind == DataMount::Kind::GcsFuse)
            writeServiceAccount(w, data);
        if (w.data && data.kind == DataMount::Kind::None) {
            m_ctx.report("CW531", m_ctx.at(w.origin, "data"),
                         {w.name, w.data->source, gke() ? "GKE" : "EKS"}, w.name);
            m_ctx.assumptions.push_back("`" + w.name + "` reads `" + w.data->source
                                        + "`; the bundle does not mount it, the application reads it itself.");
        }

        Value annotations = Value::map();
        if (q == Queueing::ProvisioningRequest) {
            annotations.set("autoscaling.x-k8s.io/consume-provisioning-request", w.name);
            annotations.set("autoscaling.x-k8s.io/provisioning-class-name", kQueuedClass);
        }
        Value tmpl = podTemplate(w, pool, data, annotations, q);

        if (q == Queueing::ProvisioningRequest)
            writeProvisioningRequest(w, tmpl);
        if (q == Queueing::Kueue)
            m_kueue[pool->name].push_back(&w);

        if (isIndexedTraining(w))
            writeHeadlessService(w);
        if (isJob(w))
            writeJob(w, tmpl, q == Queueing::Kueue ? pool : nullptr);
        else
            writeDeployment(w, tmpl);
        if (hasService(w))
            writeService(w);
    }

    Value podTemplate(const Workload& w, const NodePool* pool, const DataMount& data, const Value& annotations,
                      Queueing q)
    {
        const std::string ns = namespaceOf(w);
        Value meta = Value::map();
        Value labels = Value::map();
        for (const auto& [k, v] : w.labels)
            labels.set(k, v);
        labels.set(kNameLabel, w.name);
        labels.set(kManagedByLabel, "clusterwright");
        meta.set("labels", labels);
        Value ann = annotations;
        if (data.kind == DataMount::Kind::GcsFuse)
            ann.set("gke-gcsfuse/volumes", "true");
        if (!ann.empty())
            meta.set("annotations", ann);

        Value spec = Value::map();
        if (data.kind == DataMount::Kind::GcsFuse)
            spec.set("serviceAccountName", w.name);
        if (isIndexedTraining(w))
            spec.set("subdomain", headlessServiceName(w));
        if (isJob(w))
            spec.set("restartPolicy", "Never");

        const std::optional<TpuPodRequirements> tpu = tpuRequirements(w);
        Value selector = nodeSelector(w, pool);
        if (tpu) {
            // A single-host TPU slice: the slice's accelerator and topology labels (and the
            // pinned pool), from the TPU slice export.
            selector = Value::map();
            for (const auto& [k, v] : tpu->nodeSelector)
                selector.set(k, v);
        }
        if (!selector.empty())
            spec.set("nodeSelector", selector);
        Value tolerations = Value::list();
        for (const auto& t : tpu ? tpu->tolerations : w.tolerations)
            tolerations.push(toleration(t));
        if (q != Queueing::None) {
            // Nodes of a queued-provisioning pool carry this taint until the request is
            // provisioned (docs/export.md, queued provisioning).
            Toleration queued{"cloud.google.com/gke-queued", TolerationOperator::Exists, {}, TaintEffect::NoSchedule};
            tolerations.push(toleration(queued));
        }
        if (!tolerations.empty())
            spec.set("tolerations", tolerations);

        if (w.maxPerNode == 1 && w.replicas > 1) {
            Value term = Value::map();
            term["labelSelector"]["matchLabels"].set(kNameLabel, w.name);
            term.set("topologyKey", "kubernetes.io/hostname");
            Value terms = Value::list();
            terms.push(term);
            spec["affinity"]["podAntiAffinity"].set("requiredDuringSchedulingIgnoredDuringExecution", terms);
        } else if (w.maxPerNode > 1 && w.replicas > w.maxPerNode) {
            Value c = Value::map();
            c.set("maxSkew", w.maxPerNode);
            c.set("topologyKey", "kubernetes.io/hostname");
            c.set("whenUnsatisfiable", "DoNotSchedule");
            c["labelSelector"]["matchLabels"].set(kNameLabel, w.name);
            Value list = Value::list();
            list.push(c);
            spec.set("topologySpreadConstraints", list);
            m_ctx.report("CW528", m_ctx.at(w.origin, "maxPerNode"), {w.name, std::to_string(w.maxPerNode)}, w.name);
        }

        Value containers = Value::list();
        containers.push(container(w, data));
        spec.set("containers", containers);

        Value volumes = Value::list();
        if (w.kind == WorkloadKind::Training) {
            Value shm = Value::map();
            shm.set("name", "dshm");
            shm["emptyDir"].set("medium", "Memory");
            volumes.push(shm);
        }
        if (data.kind == DataMount::Kind::GcsFuse) {
            Value v = Value::map();
            v.set("name", "data");
            Value& csi = v["csi"];
            csi.set("driver", "gcsfuse.csi.storage.gke.io");
            csi.set("readOnly", true);
            csi["volumeAttributes"].set("bucketName", data.bucket);
            std::string options = "implicit-dirs";
            if (!data.path.empty())
                options += ",only-dir=" + data.path;
            csi["volumeAttributes"].set("mountOptions", options);
            volumes.push(v);
        } else if (data.kind == DataMount::Kind::Claim) {
            Value v = Value::map();
            v.set("name", "data");
            v["persistentVolumeClaim"].set("claimName", data.claim);
            v["persistentVolumeClaim"].set("readOnly", true);
            volumes.push(v);
        }
        for (size_t i = 0; i < w.hostPaths.size(); ++i) {
            Value v = Value::map();
            v.set("name", "host-" + std::to_string(i));
            v["hostPath"].set("path", w.hostPaths[i].path);
            volumes.push(v);
        }
        if (!volumes.empty())
            spec.set("volumes", volumes);

        Value t = Value::map();
        t.set("metadata", meta);
        t.set("spec", spec);
        (void)ns;
        return t;
    }

    std::optional<TpuPodRequirements> tpuRequirements(const Workload& w)
    {
        if (!w.hasTpu())
            return std::nullopt;
        diag::Diagnostics ignored; // reported once already, by the TPU workload export
        return tpuPodRequirements(m_ctx.plan, w, m_ctx.cat, ignored);
    }

    Value nodeSelector(const Workload& w, const NodePool* pool)
    {
        Value sel = Value::map();
        if (pool) {
            if (gke())
                sel.set(pool->flexible ? kFlexiblePoolLabel : "cloud.google.com/gke-nodepool", pool->name);
            else
                sel.set(pool->flexible ? "karpenter.sh/nodepool" : "eks.amazonaws.com/nodegroup", pool->name);
        } else if (gke() && w.resources.gpu) {
            // No pool chosen: ask GKE for the accelerator (Autopilot provisions it).
            sel.set("cloud.google.com/gke-accelerator", w.resources.gpu->type);
            if (!w.resources.gpu->partition.empty())
                sel.set("cloud.google.com/gke-gpu-partition-size", w.resources.gpu->partition);
        }
        if (autopilot() && w.spot)
            sel.set("cloud.google.com/gke-spot", "true");
        for (const auto& [k, v] : w.nodeSelector)
            sel.set(k, v);
        return sel;
    }

    Value container(const Workload& w, const DataMount& data)
    {
        Value c = Value::map();
        c.set("name", w.name);
        c.set("image", w.image);
        Value ports = Value::list();
        if (w.port > 0) {
            Value p = Value::map();
            p.set("name", "serve");
            p.set("containerPort", w.port);
            ports.push(p);
        }
        for (size_t i = 0; i < w.hostPorts.size(); ++i) {
            Value p = Value::map();
            p.set("name", "host-" + std::to_string(i));
            p.set("containerPort", w.hostPorts[i]);
            p.set("hostPort", w.hostPorts[i]);
            ports.push(p);
        }
        if (!ports.empty())
            c.set("ports", ports);

        if (isIndexedTraining(w)) {
            Value env = Value::list();
            auto add = [&](const char* name, Value value) {
                Value e = Value::map();
                e.set("name", name);
                e.set("value", std::move(value));
                env.push(e);
            };
            // Rendezvous for torchrun-style launchers: worker 0 is the coordinator, reached
            // through the headless Service; NODE_RANK is the Job's completion index.
            add("MASTER_ADDR", w.name + "-0." + headlessServiceName(w));
            add("MASTER_PORT", "29500");
            add("NNODES", std::to_string(w.replicas));
            Value rank = Value::map();
            rank.set("name", "NODE_RANK");
            rank["valueFrom"]["fieldRef"].set("fieldPath",
                                              "metadata.annotations['batch.kubernetes.io/job-completion-index']");
            env.push(rank);
            c.set("env", env);
        }

        Value requests = Value::map();
        Value limits = Value::map();
        if (w.resources.cpuMilli > 0)
            requests.set("cpu", formatCpuMilli(w.resources.cpuMilli));
        if (w.resources.memoryBytes > 0) {
            requests.set("memory", formatBytes(w.resources.memoryBytes));
            limits.set("memory", formatBytes(w.resources.memoryBytes));
        }
        if (w.resources.ephemeralStorageBytes > 0)
            requests.set("ephemeral-storage", formatBytes(w.resources.ephemeralStorageBytes));
        if (const auto& g = w.resources.gpu) {
            if (!g->partition.empty() && !gke())
                limits.set("nvidia.com/mig-" + g->partition, 1);
            else
                limits.set("nvidia.com/gpu", g->partition.empty() ? g->count : 1);
        }
        if (const auto tpu = tpuRequirements(w))
            limits.set("google.com/tpu", tpu->tpuPerPod);
        for (const auto& [k, v] : w.resources.extended)
            limits.set(k, v);
        Value resources = Value::map();
        if (!requests.empty())
            resources.set("requests", requests);
        if (!limits.empty())
            resources.set("limits", limits);
        c.set("resources", resources);

        Value mounts = Value::list();
        if (w.kind == WorkloadKind::Training) {
            Value m = Value::map();
            m.set("name", "dshm");
            m.set("mountPath", "/dev/shm");
            mounts.push(m);
        }
        if (data.kind != DataMount::Kind::None) {
            Value m = Value::map();
            m.set("name", "data");
            m.set("mountPath", kDataMount);
            m.set("readOnly", true);
            mounts.push(m);
        }
        for (size_t i = 0; i < w.hostPaths.size(); ++i) {
            Value m = Value::map();
            m.set("name", "host-" + std::to_string(i));
            m.set("mountPath", w.hostPaths[i].path);
            if (w.hostPaths[i].readOnly)
                m.set("readOnly", true);
            mounts.push(m);
        }
        if (!mounts.empty())
            c.set("volumeMounts", mounts);

        if (w.privileged || !w.capabilities.empty()) {
            Value sc = Value::map();
            if (w.privileged)
                sc.set("privileged", true);
            if (!w.capabilities.empty())
                sc["capabilities"].set("add", Value::strings(w.capabilities));
            c.set("securityContext", sc);
        }
        return c;
    }

    Value workloadLabels(const Workload& w)
    {
        Value labels = Value::map();
        for (const auto& [k, v] : w.labels)
            labels.set(k, v);
        labels.set(kNameLabel, w.name);
        labels.set(kManagedByLabel, "clusterwright");
        return labels;
    }

    void writeDeployment(const Workload& w, const Value& tmpl)
    {
        Value doc = typed("apps/v1", "Deployment", w.name, namespaceOf(w));
        doc["metadata"].set("labels", workloadLabels(w));
        Value& spec = doc["spec"];
        spec.set("replicas", w.replicas);
        spec["selector"]["matchLabels"].set(kNameLabel, w.name);
        spec.set("template", tmpl);
        m_ctx.add(Stage::Workloads, std::move(doc));
    }

    void writeJob(const Workload& w, const Value& tmpl, const NodePool* kueuePool)
    {
        Value doc = typed("batch/v1", "Job", w.name, namespaceOf(w));
        Value labels = workloadLabels(w);
        if (kueuePool)
            labels.set("kueue.x-k8s.io/queue-name", kueuePool->name);
        doc["metadata"].set("labels", labels);
        Value& spec = doc["spec"];
        spec.set("completions", w.replicas);
        spec.set("parallelism", w.replicas);
        if (w.kind == WorkloadKind::Training)
            spec.set("completionMode", "Indexed");
        if (kueuePool)
            spec.set("suspend", true); // Kueue starts the Job once its nodes are provisioned
        spec.set("template", tmpl);
        m_ctx.add(Stage::Workloads, std::move(doc));
    }

    void writeService(const Workload& w)
    {
        Value doc = typed("v1", "Service", w.name, namespaceOf(w));
        doc["metadata"].set("labels", workloadLabels(w));
        Value& spec = doc["spec"];
        spec.set("type", "ClusterIP");
        spec["selector"].set(kNameLabel, w.name);
        Value port = Value::map();
        port.set("name", "serve");
        port.set("port", w.port);
        port.set("targetPort", "serve");
        port.set("protocol", "TCP");
        Value ports = Value::list();
        ports.push(port);
        spec.set("ports", ports);
        m_ctx.add(Stage::Services, std::move(doc));
    }

    void writeHeadlessService(const Workload& w)
    {
        Value doc = typed("v1", "Service", headlessServiceName(w), namespaceOf(w));
        doc["metadata"].set("labels", workloadLabels(w));
        Value& spec = doc["spec"];
        spec.set("clusterIP", "None");
        spec["selector"].set(kNameLabel, w.name);
        // Workers must find each other before they are ready.
        spec.set("publishNotReadyAddresses", true);
        m_ctx.add(Stage::Services, std::move(doc));
    }

    void writeServiceAccount(const Workload& w, const DataMount& data)
    {
        Value doc = typed("v1", "ServiceAccount", w.name, namespaceOf(w));
        const std::string gsa = gcpServiceAccountId(w);
        if (!m_ctx.cluster.project.empty()) {
            doc["metadata"]["annotations"].set("iam.gke.io/gcp-service-account",
                                               gsa + "@" + m_ctx.cluster.project + ".iam.gserviceaccount.com");
        }
        m_ctx.add(Stage::ServiceAccounts, std::move(doc));

        // The Google service account that reads the bucket, and the Workload Identity
        // binding that lets the Kubernetes service account act as it.
        ScriptStep& iam = m_ctx.step("iam", "Google service accounts and bucket access for Workload Identity (gcloud)");
        iam.lines.push_back("echo " + shellQuote("==> Service account " + gsa + " reads gs://" + data.bucket));
        ShellCommand create;
        create.head = 4;
        create.add("gcloud").add("iam").add("service-accounts").add("create").add(gsa)
            .add(ShellWord().lit("--project=").var("PROJECT_ID"))
            .add("--display-name=" + w.name + " data reader");
        iam.lines.push_back(create.render(""));
        const ShellWord email = ShellWord().lit(gsa + "@").var("PROJECT_ID").lit(".iam.gserviceaccount.com");
        ShellCommand bucket;
        bucket.head = 4;
        bucket.add("gcloud").add("storage").add("buckets").add("add-iam-policy-binding").add("gs://" + data.bucket)
            .add(ShellWord().lit("--member=serviceAccount:" + gsa + "@").var("PROJECT_ID").lit(".iam.gserviceaccount.com"))
            .add("--role=roles/storage.objectViewer");
        iam.lines.push_back(bucket.render(""));
        ShellCommand bind;
        bind.head = 4;
        bind.add("gcloud").add("iam").add("service-accounts").add("add-iam-policy-binding").add(email)
            .add(ShellWord().lit("--project=").var("PROJECT_ID"))
            .add("--role=roles/iam.workloadIdentityUser")
            .add(ShellWord().lit("--member=serviceAccount:").var("PROJECT_ID")
                     .lit(".svc.id.goog[" + namespaceOf(w) + "/" + w.name + "]"));
        iam.lines.push_back(bind.render(""));

        m_ctx.readsGcs = true;
        if (m_ctx.cluster.project.empty())
            m_ctx.lateAnnotations.push_back({namespaceOf(w), w.name, gsa});
        m_ctx.assumptions.push_back("`" + w.name + "` reads `gs://" + data.bucket + (data.path.empty() ? "" : "/" + data.path)
                                    + "` through the GCS FUSE CSI driver, mounted read-only at `/data`, as the Google "
                                      "service account `" + gsa + "` (Workload Identity).");
    }

    void writeProvisioningRequest(const Workload& w, const Value& tmpl)
    {
        Value pt = typed("v1", "PodTemplate", podTemplateName(w), namespaceOf(w));
        pt.set("template", tmpl);
        m_ctx.add(Stage::PodTemplates, std::move(pt));

        Value pr = typed("autoscaling.x-k8s.io/v1", "ProvisioningRequest", w.name, namespaceOf(w));
        Value& spec = pr["spec"];
        spec.set("provisioningClassName", kQueuedClass);
        if (w.maxRunHours)
            spec["parameters"].set("maxRunDurationSeconds", std::to_string(int64_t(*w.maxRunHours) * 3600));
        Value set = Value::map();
        set.set("count", w.replicas);
        set["podTemplateRef"].set("name", podTemplateName(w));
        Value sets = Value::list();
        sets.push(set);
        spec.set("podSets", sets);
        m_ctx.add(Stage::Requests, std::move(pr));
    }

    // Kueue: one ResourceFlavor, ClusterQueue, AdmissionCheck and ProvisioningRequestConfig
    // per queued-provisioning pool that gang Jobs use, and a LocalQueue in each namespace.
    void writeKueue()
    {
        for (const auto& pool : m_ctx.cluster.nodePools) {
            auto it = m_kueue.find(pool.name);
            if (it == m_kueue.end())
                continue;
            const auto& jobs = it->second;
            const std::string check = pool.name + "-dws";

            Value flavor = typed("kueue.x-k8s.io/v1beta2", "ResourceFlavor", pool.name);
            flavor["spec"]["nodeLabels"].set("cloud.google.com/gke-nodepool", pool.name);
            m_ctx.add(Stage::Queues, std::move(flavor));

            Value config = typed("kueue.x-k8s.io/v1beta2", "ProvisioningRequestConfig", check);
            config["spec"].set("provisioningClassName", kQueuedClass);
            std::vector<std::string> managed;
            int maxRun = 0;
            for (const Workload* w : jobs) {
                if (w->resources.gpu && std::find(managed.begin(), managed.end(), "nvidia.com/gpu") == managed.end())
                    managed.push_back("nvidia.com/gpu");
                if (w->maxRunHours)
                    maxRun = std::max(maxRun, *w->maxRunHours);
            }
            if (!managed.empty())
                config["spec"].set("managedResources", Value::strings(managed));
            if (maxRun > 0)
                config["spec"]["parameters"].set("maxRunDurationSeconds", std::to_string(int64_t(maxRun) * 3600));
            m_ctx.add(Stage::Queues, std::move(config));

            Value ac = typed("kueue.x-k8s.io/v1beta2", "AdmissionCheck", check);
            ac["spec"].set("controllerName", "kueue.x-k8s.io/provisioning-request");
            Value& params = ac["spec"]["parameters"];
            params.set("apiGroup", "kueue.x-k8s.io");
            params.set("kind", "ProvisioningRequestConfig");
            params.set("name", check);
            m_ctx.add(Stage::Queues, std::move(ac));

            m_ctx.add(Stage::Queues, clusterQueue(pool, jobs, check));

            std::set<std::string> namespaces;
            for (const Workload* w : jobs)
                namespaces.insert(namespaceOf(*w));
            for (const auto& ns : namespaces) {
                Value lq = typed("kueue.x-k8s.io/v1beta2", "LocalQueue", pool.name, ns);
                lq["spec"].set("clusterQueue", pool.name);
                m_ctx.add(Stage::Queues, std::move(lq));
            }
            m_ctx.assumptions.push_back(
                "Gang Jobs on `" + pool.name + "` are admitted by Kueue (queue `" + pool.name
                + "`), which creates the ProvisioningRequest for them (class `queued-provisioning.gke.io`); the Jobs are "
                  "created suspended and start when all their nodes are provisioned. The ClusterQueue's quota is the "
                  "pool's maxNodes × the machine's capacity.");
            m_usesKueue = true;
        }
        m_ctx.usesKueue = m_ctx.usesKueue || m_usesKueue;
    }

    Value clusterQueue(const NodePool& pool, const std::vector<const Workload*>& jobs, const std::string& check)
    {
        // Quota: what maxNodes of the pool's machine offer, or what the Jobs ask for when
        // that is more (resources the machine does not describe, e.g. ephemeral storage).
        const catalog::MachineType* m = m_ctx.machine(pool.machineType());
        const int64_t nodes = pool.maxNodes.value_or(pool.minNodes);
        std::map<std::string, int64_t> need;   // resource -> total requested (canonical units)
        std::vector<std::string> order = {"cpu", "memory"};
        for (const Workload* w : jobs) {
            need["cpu"] += w->resources.cpuMilli * w->replicas;
            need["memory"] += w->resources.memoryBytes * w->replicas;
            if (w->resources.ephemeralStorageBytes > 0) {
                need["ephemeral-storage"] += w->resources.ephemeralStorageBytes * w->replicas;
                if (std::find(order.begin(), order.end(), "ephemeral-storage") == order.end())
                    order.push_back("ephemeral-storage");
            }
            if (w->resources.gpu) {
                need["nvidia.com/gpu"] += int64_t(w->resources.gpu->partition.empty() ? w->resources.gpu->count : 1)
                                          * w->replicas;
                if (std::find(order.begin(), order.end(), "nvidia.com/gpu") == order.end())
                    order.push_back("nvidia.com/gpu");
            }
            for (const auto& [k, v] : w->resources.extended) {
                need[k] += v * w->replicas;
                if (std::find(order.begin(), order.end(), k) == order.end())
                    order.push_back(k);
            }
        }
        if (m) {
            need["cpu"] = std::max<int64_t>(need["cpu"], int64_t(m->vcpu * 1000) * nodes);
            need["memory"] = std::max<int64_t>(need["memory"], int64_t(m->memoryGiB * double(kGi)) * nodes);
            if (m->gpu)
                need["nvidia.com/gpu"] = std::max<int64_t>(need["nvidia.com/gpu"], int64_t(m->gpu->count) * nodes);
        }
        Value resources = Value::list();
        for (const auto& r : order) {
            Value q = Value::map();
            q.set("name", r);
            if (r == "cpu")
                q.set("nominalQuota", formatCpuMilli(need[r]));
            else if (r == "memory" || r == "ephemeral-storage")
                q.set("nominalQuota", formatBytes(need[r]));
            else
                q.set("nominalQuota", need[r]);
            resources.push(q);
        }
        Value flavor = Value::map();
        flavor.set("name", pool.name);
        flavor.set("resources", resources);
        Value flavors = Value::list();
        flavors.push(flavor);
        Value group = Value::map();
        group.set("coveredResources", Value::strings(order));
        group.set("flavors", flavors);
        Value groups = Value::list();
        groups.push(group);

        Value cq = typed("kueue.x-k8s.io/v1beta2", "ClusterQueue", pool.name);
        Value& spec = cq["spec"];
        spec.set("namespaceSelector", Value::map());
        spec.set("resourceGroups", groups);
        Value checkRef = Value::map();
        checkRef.set("name", check);
        Value checks = Value::list();
        checks.push(checkRef);
        spec["admissionChecksStrategy"].set("admissionChecks", checks);
        return cq;
    }

    ClusterContext& m_ctx;
    std::map<std::string, std::vector<const Workload*>> m_kueue;
    bool m_usesKueue = false;
};

} // namespace

void exportWorkloads(ClusterContext& ctx)
{
    WorkloadWriter(ctx).run();
}

} // namespace cw::exporter
