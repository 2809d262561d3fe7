// SPDX-License-Identifier: GPL-3.0-or-later
#include "planreader.h"

#include "model/names.h"
#include "model/quantity.h"
#include "yamlreader.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace cw::io {

using namespace cw::model;

namespace {

// "v1alpha1" -> (1, 0 alpha | 1 beta | 2 GA, 1)
struct VersionKey {
    int major = 0;
    int stage = 0;
    int minor = 0;
    auto operator<=>(const VersionKey&) const = default;
};

std::optional<VersionKey> parseVersion(std::string_view v)
{
    if (v.size() < 2 || v[0] != 'v')
        return std::nullopt;
    size_t i = 1;
    VersionKey key;
    size_t start = i;
    while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])))
        key.major = key.major * 10 + (v[i++] - '0');
    if (i == start)
        return std::nullopt;
    if (i == v.size()) {
        key.stage = 2;
        return key;
    }
    std::string_view rest = v.substr(i);
    if (rest.rfind("alpha", 0) == 0) {
        key.stage = 0;
        rest.remove_prefix(5);
    } else if (rest.rfind("beta", 0) == 0) {
        key.stage = 1;
        rest.remove_prefix(4);
    } else {
        return std::nullopt;
    }
    if (rest.empty())
        return std::nullopt;
    for (char c : rest) {
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
        key.minor = key.minor * 10 + (c - '0');
    }
    return key;
}

class PlanParser {
public:
    PlanParser(YamlContext& ctx) : m_ctx(ctx) {}

    void readName(MapReader& r, std::string& out, const char* what, size_t maxLength, bool startWithLetter)
    {
        if (!r.nonEmptyString("name", out, true))
            return;
        r.setWhat(std::string(what) + " '" + out + "'");
        checkName(r, out, maxLength, startWithLetter);
    }

    void checkName(MapReader& r, const std::string& name, size_t maxLength, bool startWithLetter)
    {
        const std::string problem = dnsLabelProblem(name, maxLength, startWithLetter);
        if (!problem.empty()) {
            m_ctx.diags->add("CW016", m_ctx.location(r.pos("name")),
                             {name, problem + "; for example '" + suggestDnsLabel(name, maxLength, startWithLetter) + "'"},
                             name);
        }
    }

    void readLabels(MapReader& r, const char* key, std::map<std::string, std::string>& out)
    {
        if (!r.stringMap(key, out))
            return;
        // Point at the offending key itself, not at the mapping.
        const YAML::Node map = r.node(key);
        for (auto it = map.begin(); it != map.end(); ++it) {
            const YAML::Node k = it->first;
            const YAML::Node v = it->second;
            if (!k.IsScalar() || !v.IsScalar())
                continue;
            std::string problem = labelKeyProblem(k.Scalar());
            if (problem.empty())
                problem = labelValueProblem(v.Scalar());
            if (!problem.empty())
                m_ctx.diags->add("CW021", m_ctx.location(k), {k.Scalar() + "=" + v.Scalar(), problem});
        }
    }

    Taint readTaint(const YAML::Node& n, const std::string& what)
    {
        Taint t;
        MapReader r(m_ctx, n, what);
        if (!r.isMap()) {
            m_ctx.error("CW005", n, {what, "a mapping {key, value, effect}, not " + describeNode(n)});
            return t;
        }
        r.nonEmptyString("key", t.key, true);
        r.string("value", t.value);
        r.enumeration("effect", t.effect, true);
        r.finish();
        if (!t.key.empty()) {
            if (auto p = labelKeyProblem(t.key); !p.empty())
                m_ctx.diags->add("CW021", m_ctx.location(r.pos("key")), {t.key, p});
        }
        return t;
    }

    Toleration readToleration(const YAML::Node& n, const std::string& what)
    {
        Toleration t;
        MapReader r(m_ctx, n, what);
        if (!r.isMap()) {
            m_ctx.error("CW005", n, {what, "a mapping {key, operator, value, effect}, not " + describeNode(n)});
            return t;
        }
        r.string("key", t.key);
        r.enumeration("operator", t.op);
        r.string("value", t.value);
        TaintEffect e{};
        if (r.enumeration("effect", e))
            t.effect = e;
        r.finish();
        if (t.op == TolerationOperator::Exists && !t.value.empty())
            m_ctx.diags->add("CW017", m_ctx.location(r.pos("value")), {"operator: Exists", "value"});
        return t;
    }

    NodePool readPool(const YAML::Node& n, const std::string& clusterName)
    {
        NodePool p;
        const std::string what = "node pool of cluster '" + clusterName + "'";
        MapReader r(m_ctx, n, what, {}, &p.origin);
        if (!r.isMap()) {
            m_ctx.error("CW005", n, {"nodePools[]", "a mapping, not " + describeNode(n)});
            return p;
        }
        readName(r, p.name, "node pool", PlanLimits::kMaxPoolNameLength, true);
        const bool hasOne = r.has("machineType");
        const bool hasMany = r.has("machineTypes");
        if (hasOne && hasMany) {
            m_ctx.diags->add("CW017", m_ctx.location(r.pos("machineTypes")), {"machineType", "machineTypes"});
        } else if (hasOne) {
            std::string mt;
            if (r.nonEmptyString("machineType", mt))
                p.machineTypes = {mt};
        } else if (hasMany) {
            if (r.stringList("machineTypes", p.machineTypes)) {
                p.flexible = true;
                if (p.machineTypes.empty())
                    m_ctx.diags->add("CW019", m_ctx.location(r.pos("machineTypes")), {"machineTypes"});
            }
        } else {
            m_ctx.diags->add("CW006", m_ctx.location(p.origin.where), {"machineType", "node pool '" + p.name + "'"});
        }
        r.enumeration("capacity", p.capacity);
        r.integer("minNodes", p.minNodes, 0, PlanLimits::kMaxNodes);
        r.optionalInt("maxNodes", p.maxNodes, 0, PlanLimits::kMaxNodes);
        r.optionalInt("initialNodes", p.initialNodes, 0, PlanLimits::kMaxNodes);
        r.boolean("gvnic", p.gvnic);
        r.enumeration("placement", p.placement);
        r.boolean("queuedProvisioning", p.queuedProvisioning);
        r.string("reservation", p.reservation);
        readLabels(r, "labels", p.labels);
        r.sequence("taints", [&](const YAML::Node& t, size_t i) {
            p.taints.push_back(readTaint(t, "taints[" + std::to_string(i) + "]"));
        });
        r.boolean("existing", p.existing);
        r.nonEmptyString("tpuTopology", p.tpuTopology);
        r.nonEmptyString("gpuPartitionSize", p.gpuPartitionSize);
        if (YAML::Node s = r.node("gpuSharing"); s.IsDefined()) {
            GpuSharing g;
            MapReader sr(m_ctx, s, "gpuSharing", "gpuSharing.", &p.origin);
            if (sr.isMap()) {
                const std::vector<std::string>& strategies = gpuSharingStrategies();
                if (sr.string("strategy", g.strategy, true)
                    && std::find(strategies.begin(), strategies.end(), g.strategy) == strategies.end())
                    m_ctx.diags->add("CW008", m_ctx.location(sr.pos("strategy")),
                                     {"gpuSharing.strategy", g.strategy, joinNames(strategies, " | ")});
                sr.integer("maxClientsPerGpu", g.maxClientsPerGpu, PlanLimits::kMinSharedClientsPerGpu,
                           PlanLimits::kMaxSharedClientsPerGpu, true);
                sr.finish();
                p.gpuSharing = g;
            } else {
                m_ctx.error("CW005", s, {"gpuSharing", "a mapping {strategy, maxClientsPerGpu}, not " + describeNode(s)});
            }
        }
        if (r.string("gpuDriverVersion", p.gpuDriverVersion)) {
            const std::vector<std::string>& versions = gpuDriverVersions();
            if (std::find(versions.begin(), versions.end(), p.gpuDriverVersion) == versions.end())
                m_ctx.diags->add("CW008", m_ctx.location(r.pos("gpuDriverVersion")),
                                 {"gpuDriverVersion", p.gpuDriverVersion, joinNames(versions, " | ")});
        }
        r.optionalInt("maxPodsPerNode", p.maxPodsPerNode, 1, PlanLimits::kMaxPodsPerNode);
        r.stringList("zones", p.zones);
        r.boolean("autoRepair", p.autoRepair);
        int64_t disk = 0;
        if (r.integer64("diskSizeGiB", disk, PlanLimits::kMinDiskGiB, PlanLimits::kMaxDiskGiB))
            p.diskSizeGiB = disk;
        r.boolean("efa", p.efa);
        r.finish();
        if (p.maxNodes && p.minNodes > *p.maxNodes)
            m_ctx.diags->add("CW109", m_ctx.location(r.pos("minNodes")),
                             {p.name, std::to_string(p.minNodes), std::to_string(*p.maxNodes)});
        if (p.capacity == Capacity::Reservation && p.reservation.empty())
            m_ctx.diags->add("CW006", m_ctx.location(r.pos("capacity")), {"reservation", "node pool '" + p.name + "' with capacity: reservation"});
        return p;
    }

    DaemonSet readDaemonSet(const YAML::Node& n)
    {
        DaemonSet d;
        MapReader r(m_ctx, n, "daemonSets[]", {}, &d.origin);
        if (!r.isMap()) {
            m_ctx.error("CW005", n, {"daemonSets[]", "a mapping, not " + describeNode(n)});
            return d;
        }
        readName(r, d.name, "DaemonSet", PlanLimits::kMaxWorkloadNameLength, false);
        r.cpu("cpu", d.cpuMilli, PlanLimits::kMaxDaemonSetCpuMilli);
        r.bytes("memory", d.memoryBytes, PlanLimits::kMaxDaemonSetMemory);
        r.enumeration("nodes", d.nodes);
        r.finish();
        return d;
    }

    Cluster readCluster(const YAML::Node& n)
    {
        Cluster c;
        MapReader r(m_ctx, n, "cluster", {}, &c.origin);
        if (!r.isMap()) {
            m_ctx.error("CW005", n, {"clusters[]", "a mapping, not " + describeNode(n)});
            return c;
        }
        // Name rules depend on the provider: GKE allows 40 characters starting with a letter,
        // EKS 100 (as an RFC 1123 label here, since it also names Kubernetes objects).
        if (r.nonEmptyString("name", c.name, true))
            r.setWhat("cluster '" + c.name + "'");
        const bool providerOk = r.enumeration("provider", c.provider, true);
        if (!c.name.empty()) {
            if (providerOk && c.provider == Provider::Eks)
                checkName(r, c.name, PlanLimits::kMaxEksClusterNameLength, true);
            else
                checkName(r, c.name, PlanLimits::kMaxClusterNameLength, true);
        }
        r.enumeration("mode", c.mode);
        r.nonEmptyString("location", c.location, true);
        r.string("kubernetesVersion", c.kubernetesVersion);
        if (r.string("releaseChannel", c.releaseChannel)) {
            const std::vector<std::string>& channels = releaseChannels();
            if (std::find(channels.begin(), channels.end(), c.releaseChannel) == channels.end())
                m_ctx.diags->add("CW008", m_ctx.location(r.pos("releaseChannel")),
                                 {"releaseChannel", c.releaseChannel, joinNames(channels, " | ")});
        }
        r.enumeration("support", c.support);
        r.string("project", c.project);
        std::map<std::string, int> poolLines;
        r.sequence("nodePools", [&](const YAML::Node& p, size_t) {
            NodePool pool = readPool(p, c.name);
            if (!pool.name.empty()) {
                if (auto it = poolLines.find(pool.name); it != poolLines.end())
                    m_ctx.diags->add("CW015", m_ctx.location(pool.origin.field("name")),
                                     {"node pool", pool.name, std::to_string(it->second)});
                else
                    poolLines[pool.name] = pool.origin.field("name").line;
            }
            c.nodePools.push_back(std::move(pool));
        });
        std::map<std::string, int> daemonSetLines;
        r.sequence("daemonSets", [&](const YAML::Node& d, size_t) {
            DaemonSet ds = readDaemonSet(d);
            if (!ds.name.empty()) {
                if (auto it = daemonSetLines.find(ds.name); it != daemonSetLines.end())
                    m_ctx.diags->add("CW015", m_ctx.location(ds.origin.field("name")),
                                     {"DaemonSet", ds.name, std::to_string(it->second)});
                else
                    daemonSetLines[ds.name] = ds.origin.field("name").line;
            }
            c.daemonSets.push_back(std::move(ds));
        });
        r.finish();
        if (c.mode == ClusterMode::Autopilot && c.provider == Provider::Eks)
            m_ctx.diags->add("CW107", m_ctx.location(r.pos("mode")), {c.name});
        if (c.mode == ClusterMode::Autopilot && !c.nodePools.empty())
            m_ctx.diags->add("CW108", m_ctx.location(r.pos("nodePools")), {c.name});
        return c;
    }

    void readResources(MapReader& wr, Workload& w)
    {
        YAML::Node n = wr.node("resources");
        if (!n.IsDefined()) {
            m_ctx.diags->add("CW006", m_ctx.location(w.origin.where), {"resources", "workload '" + w.name + "'"});
            return;
        }
        MapReader r(m_ctx, n, "resources", "resources.", &w.origin);
        if (!r.isMap()) {
            m_ctx.error("CW005", n, {"resources", "a mapping, not " + describeNode(n)});
            return;
        }
        Resources& res = w.resources;
        r.cpu("cpu", res.cpuMilli, PlanLimits::kMaxPodCpuMilli, true);
        r.bytes("memory", res.memoryBytes, PlanLimits::kMaxPodMemory, true);
        r.bytes("ephemeralStorage", res.ephemeralStorageBytes, PlanLimits::kMaxPodStorage);
        if (YAML::Node g = r.node("gpu"); g.IsDefined()) {
            GpuRequest gpu;
            MapReader gr(m_ctx, g, "resources.gpu", "resources.gpu.", &w.origin);
            if (gr.isMap()) {
                gr.nonEmptyString("type", gpu.type, true);
                const bool hasPartition = gr.nonEmptyString("partition", gpu.partition);
                if (!gr.integer("count", gpu.count, 1, PlanLimits::kMaxGpusPerPod, !hasPartition))
                    gpu.count = 1;
                if (hasPartition && gr.has("count") && gpu.count != 1)
                    m_ctx.diags->add("CW121", m_ctx.location(gr.pos("count")), {w.name});
                gr.finish();
                res.gpu = gpu;
            } else {
                m_ctx.error("CW005", g, {"resources.gpu", "a mapping {type, count} or {type, partition}, not " + describeNode(g)});
            }
        }
        if (YAML::Node t = r.node("tpu"); t.IsDefined()) {
            TpuRequest tpu;
            MapReader tr(m_ctx, t, "resources.tpu", "resources.tpu.", &w.origin);
            if (tr.isMap()) {
                tr.nonEmptyString("type", tpu.type, true);
                tr.nonEmptyString("topology", tpu.topology, true);
                tr.integer("slices", tpu.slices, 1, PlanLimits::kMaxTpuSlices);
                tr.finish();
                res.tpu = tpu;
            } else {
                m_ctx.error("CW005", t, {"resources.tpu", "a mapping {type, topology}, not " + describeNode(t)});
            }
        }
        if (YAML::Node e = r.node("extended"); e.IsDefined()) {
            if (!e.IsMap()) {
                m_ctx.error("CW005", e, {"resources.extended", "a mapping of resource names to quantities, not " + describeNode(e)});
            } else {
                for (auto it = e.begin(); it != e.end(); ++it) {
                    const std::string key = it->first.Scalar();
                    if (auto p = labelKeyProblem(key); !p.empty()) {
                        m_ctx.diags->add("CW021", m_ctx.location(it->first), {key, p});
                        continue;
                    }
                    model::QuantityError err;
                    std::optional<int64_t> v;
                    if (it->second.IsScalar())
                        v = model::parseQuantity(it->second.Scalar(), 1, &err);
                    else
                        err.reason = "expected a quantity, not " + describeNode(it->second);
                    if (!v) {
                        m_ctx.diags->add("CW010", m_ctx.location(it->second),
                                         {"resources.extended." + key, it->second.IsScalar() ? it->second.Scalar() : "", err.reason});
                        continue;
                    }
                    res.extended[key] = *v;
                }
            }
        }
        r.finish();
        if (res.gpu && res.tpu)
            m_ctx.diags->add("CW110", m_ctx.location(r.pos("tpu")), {w.name});
    }

    Workload readWorkload(const YAML::Node& n)
    {
        Workload w;
        MapReader r(m_ctx, n, "workload", {}, &w.origin);
        if (!r.isMap()) {
            m_ctx.error("CW005", n, {"workloads[]", "a mapping, not " + describeNode(n)});
            return w;
        }
        readName(r, w.name, "workload", PlanLimits::kMaxWorkloadNameLength, false);
        r.nonEmptyString("cluster", w.cluster, true);
        r.enumeration("kind", w.kind, true);
        r.integer("replicas", w.replicas, 1, PlanLimits::kMaxReplicas);
        r.boolean("gang", w.gang);
        r.nonEmptyString("pool", w.pool);
        readResources(r, w);
        r.optionalInt("hoursPerMonth", w.hoursPerMonth, 0, PlanLimits::kMaxHoursPerMonth);
        r.string("image", w.image);
        if (r.string("namespace", w.nameSpace) && !w.nameSpace.empty()) {
            if (auto p = dnsLabelProblem(w.nameSpace); !p.empty())
                m_ctx.diags->add("CW016", m_ctx.location(r.pos("namespace")),
                                 {w.nameSpace, p + "; for example '" + suggestDnsLabel(w.nameSpace) + "'"});
        }
        if (YAML::Node d = r.node("data"); d.IsDefined()) {
            DataSource ds;
            MapReader dr(m_ctx, d, "data", "data.", &w.origin);
            if (dr.isMap()) {
                dr.nonEmptyString("source", ds.source, true);
                dr.integer64("sizeGiB", ds.sizeGiB, 0, PlanLimits::kMaxDataSizeGiB);
                dr.integer64("files", ds.files, 0, PlanLimits::kMaxDataFiles);
                dr.finish();
                w.data = ds;
            } else {
                m_ctx.error("CW005", d, {"data", "a mapping {source, sizeGiB, files}, not " + describeNode(d)});
            }
        }
        r.boolean("checkpointing", w.checkpointing);
        r.boolean("privileged", w.privileged);
        r.boolean("spot", w.spot);
        r.stringList("capabilities", w.capabilities);
        r.sequence("hostPaths", [&](const YAML::Node& h, size_t) {
            HostPathMount m;
            MapReader hr(m_ctx, h, "hostPaths[]");
            if (!hr.isMap()) {
                m_ctx.error("CW005", h, {"hostPaths[]", "a mapping {path, readOnly}, not " + describeNode(h)});
                return;
            }
            hr.nonEmptyString("path", m.path, true);
            hr.boolean("readOnly", m.readOnly);
            hr.finish();
            w.hostPaths.push_back(m);
        });
        if (YAML::Node hp = r.node("hostPorts"); hp.IsDefined()) {
            if (!hp.IsSequence()) {
                m_ctx.error("CW005", hp, {"hostPorts", "a list of port numbers, not " + describeNode(hp)});
            } else {
                for (const auto& item : hp) {
                    auto v = item.IsScalar() ? parseInteger(item.Scalar()) : std::nullopt;
                    if (!v)
                        m_ctx.error("CW005", item, {"hostPorts[]", "a port number, not " + describeNode(item)});
                    else if (*v < 1 || *v > PlanLimits::kMaxPort)
                        m_ctx.error("CW009", item, {"hostPorts[]", std::to_string(*v), "1.." + std::to_string(PlanLimits::kMaxPort)});
                    else
                        w.hostPorts.push_back(int(*v));
                }
            }
        }
        r.integer("maxPerNode", w.maxPerNode, 0, PlanLimits::kMaxPerNode);
        readLabels(r, "nodeSelector", w.nodeSelector);
        r.sequence("tolerations", [&](const YAML::Node& t, size_t i) {
            w.tolerations.push_back(readToleration(t, "tolerations[" + std::to_string(i) + "]"));
        });
        r.integer("port", w.port, 1, PlanLimits::kMaxPort);
        r.optionalInt("maxRunHours", w.maxRunHours, 1, PlanLimits::kMaxRunHours);
        readLabels(r, "labels", w.labels);
        r.finish();
        if (w.gang && w.kind == WorkloadKind::Inference) {
            // A gang of serving replicas is unusual but legal; nothing to report.
        }
        return w;
    }

    void readPlan(const YAML::Node& root, Plan& plan)
    {
        MapReader r(m_ctx, root, "the plan", {}, &plan.origin);
        if (!r.isMap()) {
            m_ctx.error("CW005", root, {"the plan", "a mapping that starts with 'apiVersion: " + std::string(kPlanApiVersion) + "', not " + describeNode(root)});
            return;
        }
        std::string apiVersion;
        if (r.string("apiVersion", apiVersion, true)) {
            switch (classifyApiVersion(apiVersion)) {
            case ApiVersionStatus::Current:
                break;
            case ApiVersionStatus::Older:
                m_ctx.diags->add("CW020", m_ctx.location(r.pos("apiVersion")), {apiVersion, kPlanApiVersion});
                break;
            case ApiVersionStatus::Newer:
                m_ctx.diags->add("CW011", m_ctx.location(r.pos("apiVersion")), {apiVersion, kPlanApiVersion});
                m_stop = true;
                break;
            case ApiVersionStatus::Foreign:
                m_ctx.diags->add("CW012", m_ctx.location(r.pos("apiVersion")), {apiVersion, kPlanApiVersion});
                m_stop = true;
                break;
            }
        }
        if (m_stop) {
            // A newer or foreign format: its keys mean nothing to us, so say nothing more.
            return;
        }
        std::string kind;
        if (r.string("kind", kind, true) && kind != kPlanKind)
            m_ctx.diags->add("CW013", m_ctx.location(r.pos("kind")), {kPlanKind, kind});
        if (YAML::Node md = r.node("metadata"); md.IsDefined()) {
            MapReader mr(m_ctx, md, "metadata");
            if (mr.isMap()) {
                mr.string("name", plan.name);
                mr.string("description", plan.description);
                mr.finish();
            } else {
                m_ctx.error("CW005", md, {"metadata", "a mapping {name, description}, not " + describeNode(md)});
            }
        }
        YAML::Node spec = r.node("spec");
        r.finish();
        if (!spec.IsDefined()) {
            m_ctx.diags->add("CW006", m_ctx.location(plan.origin.where), {"spec", "the plan"});
            return;
        }
        MapReader sr(m_ctx, spec, "spec");
        if (!sr.isMap()) {
            m_ctx.error("CW005", spec, {"spec", "a mapping {clusters, workloads}, not " + describeNode(spec)});
            return;
        }
        sr.integer("hoursPerMonth", plan.hoursPerMonth, 1, PlanLimits::kMaxHoursPerMonth);
        sr.boolean("freeTierCredit", plan.freeTierCredit);
        std::map<std::string, int> clusterLines;
        sr.sequence("clusters", [&](const YAML::Node& c, size_t) {
            Cluster cluster = readCluster(c);
            if (!cluster.name.empty()) {
                if (auto it = clusterLines.find(cluster.name); it != clusterLines.end())
                    m_ctx.diags->add("CW015", m_ctx.location(cluster.origin.field("name")),
                                     {"cluster", cluster.name, std::to_string(it->second)});
                else
                    clusterLines[cluster.name] = cluster.origin.field("name").line;
            }
            plan.clusters.push_back(std::move(cluster));
        }, true);
        std::map<std::string, int> workloadLines;
        sr.sequence("workloads", [&](const YAML::Node& w, size_t) {
            Workload workload = readWorkload(w);
            if (!workload.name.empty()) {
                if (auto it = workloadLines.find(workload.name); it != workloadLines.end())
                    m_ctx.diags->add("CW015", m_ctx.location(workload.origin.field("name")),
                                     {"workload", workload.name, std::to_string(it->second)});
                else
                    workloadLines[workload.name] = workload.origin.field("name").line;
            }
            plan.workloads.push_back(std::move(workload));
        });
        sr.finish();

        // References that need no catalog: clusters and pinned pools.
        std::vector<std::string> clusterNames;
        for (const auto& c : plan.clusters)
            clusterNames.push_back(c.name);
        for (const auto& w : plan.workloads) {
            if (w.cluster.empty())
                continue;
            const Cluster* c = plan.cluster(w.cluster);
            if (!c) {
                const std::string s = diag::closestMatch(w.cluster, clusterNames);
                m_ctx.diags->add("CW101", m_ctx.location(w.origin.field("cluster")),
                                 {w.name, w.cluster, s.empty() ? "" : "; did you mean '" + s + "'?"}, w.name);
                continue;
            }
            if (!w.pool.empty() && !c->pool(w.pool)) {
                std::vector<std::string> poolNames;
                for (const auto& p : c->nodePools)
                    poolNames.push_back(p.name);
                const std::string s = diag::closestMatch(w.pool, poolNames);
                m_ctx.diags->add("CW102", m_ctx.location(w.origin.field("pool")),
                                 {w.name, w.pool, c->name, s.empty() ? "" : "; did you mean '" + s + "'?"}, w.name);
            }
        }
    }

private:
    YamlContext& m_ctx;
    bool m_stop = false;
};

} // namespace

const std::vector<std::string>& releaseChannels()
{
    static const std::vector<std::string> channels = {"rapid", "regular", "stable", "extended", "none"};
    return channels;
}

const std::vector<std::string>& gpuSharingStrategies()
{
    static const std::vector<std::string> strategies = {"time-sharing", "mps"};
    return strategies;
}

const std::vector<std::string>& gpuDriverVersions()
{
    static const std::vector<std::string> versions = {"default", "latest", "disabled"};
    return versions;
}

ApiVersionStatus classifyApiVersion(const std::string& apiVersion)
{
    const std::string group = "clusterwright/";
    if (apiVersion.rfind(group, 0) != 0)
        return ApiVersionStatus::Foreign;
    const auto v = parseVersion(std::string_view(apiVersion).substr(group.size()));
    const auto ours = parseVersion(std::string_view(kPlanApiVersion).substr(group.size()));
    if (!v)
        return ApiVersionStatus::Foreign;
    if (*v == *ours)
        return ApiVersionStatus::Current;
    return *v < *ours ? ApiVersionStatus::Older : ApiVersionStatus::Newer;
}

PlanReadResult readPlanText(std::string_view text, const std::string& fileName)
{
    PlanReadResult result;
    YamlContext ctx{fileName, &result.diagnostics};
    std::vector<YAML::Node> docs;
    try {
        docs = YAML::LoadAll(std::string(text));
    } catch (const YAML::Exception& e) {
        result.diagnostics.add("CW002", {fileName, e.mark.line + 1, e.mark.column + 1}, {e.msg});
        return result;
    }
    if (docs.empty() || (docs.size() == 1 && docs[0].IsNull())) {
        result.diagnostics.add("CW014", {fileName, 1, 1}, {model::kPlanApiVersion});
        return result;
    }
    if (docs.size() > 1) {
        result.diagnostics.add("CW018", ctx.location(docs[1]), {std::to_string(docs.size())});
        return result;
    }
    Plan plan;
    plan.sourceFile = fileName;
    try {
        PlanParser parser(ctx);
        parser.readPlan(docs[0], plan);
    } catch (const YAML::Exception& e) {
        result.diagnostics.add("CW002", {fileName, e.mark.line + 1, e.mark.column + 1}, {e.msg});
    }
    plan.apiVersion = kPlanApiVersion;
    result.diagnostics.sort();
    if (!result.diagnostics.hasErrors())
        result.plan = std::move(plan);
    return result;
}

PlanReadResult readPlanFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        PlanReadResult result;
        result.diagnostics.add("CW001", {path, 0, 0}, {path, std::strerror(errno)});
        return result;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return readPlanText(ss.str(), path);
}

} // namespace cw::io
