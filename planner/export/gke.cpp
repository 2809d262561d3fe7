// SPDX-License-Identifier: GPL-3.0-or-later
// GKE: gcloud commands for the cluster and its node pools, then the workloads.
#include "context.h"
#include "tpu.h"

#include <algorithm>

namespace cw::exporter {

using namespace cw::model;

namespace {

// GKE spreads a regional cluster's node pools over three zones unless node locations are
// given; --num-nodes and --min/--max-nodes count per zone.
constexpr int kRegionalZones = 3;

ShellWord projectFlag()
{
    return ShellWord().lit("--project=").var("PROJECT_ID");
}

class GkeWriter {
public:
    explicit GkeWriter(ClusterContext& ctx) : m_ctx(ctx) {}

    void run()
    {
        selectWorkloads();
        if (m_ctx.cluster.mode == ClusterMode::Autopilot)
            createAutopilot();
        else
            createStandard();
        exportWorkloads(m_ctx);
    }

private:
    const Cluster& cluster() const { return m_ctx.cluster; }

    // Leaves out what cannot be exported (yet) before anything else looks at the workloads.
    void selectWorkloads()
    {
        for (const auto& w : m_ctx.plan.workloads) {
            if (w.cluster != cluster().name)
                continue;
            if (w.hasTpu()) {
                exportTpuWorkload(w);
                continue;
            }
            if (cluster().mode == ClusterMode::Autopilot) {
                const std::string reason = autopilotRefusal(w);
                if (!reason.empty()) {
                    m_ctx.report("CW520", m_ctx.at(w.origin), {w.name, reason}, w.name);
                    m_ctx.leftOut.push_back("`" + w.name + "`: " + reason);
                    m_ctx.skippedWorkloads.insert(w.name);
                }
            }
        }
        for (const Workload* w : m_ctx.workloads()) {
            if (!w->data || w->data->source.rfind("gs://", 0) != 0)
                continue;
            if (m_ctx.delegatedWorkloads.count(w->name)) {
                // The TPU slice's Job does not mount data.
                m_ctx.report("CW531", m_ctx.at(w->origin, "data"), {w->name, w->data->source, "TPU slice"}, w->name);
                m_ctx.assumptions.push_back("`" + w->name + "` reads `" + w->data->source
                                            + "`; its TPU slice Job does not mount it, the application reads it itself.");
            } else {
                m_ctx.readsGcs = true;
            }
        }
    }

    // Copies diagnostics of the TPU slice export, placing those without a position at the
    // plan object they are about.
    void takeDiagnostics(const diag::Diagnostics& from, const model::Provenance& origin, const char* field)
    {
        for (diag::Diagnostic d : from.items()) {
            if (!d.where.isKnown())
                d.where = m_ctx.at(origin, field);
            m_ctx.diags.append(std::move(d));
        }
    }

    // TPU slices: the TPU slice export (tpu.h) writes the headless Service and the Indexed
    // Job or JobSet of a multi-host workload; a single-host workload has ordinary Pods,
    // which exportWorkloads writes with the slice's node selector and google.com/tpu.
    void exportTpuWorkload(const Workload& w)
    {
        const TpuWorkloadExport x = exporter::exportTpuWorkload(m_ctx.plan, w, m_ctx.cat);
        takeDiagnostics(x.diagnostics, w.origin, "resources");
        if (x.manifests.empty())
            return;
        m_ctx.delegatedWorkloads.insert(w.name);
        m_ctx.namespaces.insert(namespaceOf(w));
        for (const auto& m : x.manifests) {
            m_ctx.addRaw(m.kind == "Service" ? Stage::Services : Stage::Workloads, m.kind, m.name, m.yaml);
            if (m.kind == "JobSet")
                m_ctx.usesJobSet = true;
        }
        m_ctx.assumptions.push_back("`" + w.name + "` runs on TPU " + w.resources.tpu->type + " " + w.resources.tpu->topology
                                    + (w.resources.tpu->slices > 1 ? " × " + std::to_string(w.resources.tpu->slices)
                                                                         + " slices as a JobSet"
                                                                   : std::string(" as an Indexed Job"))
                                    + " whose workers get `TPU_WORKER_ID` and `TPU_WORKER_HOSTNAMES`; the whole slice "
                                      "fails and restarts together.");
    }

    bool exportTpuPool(ScriptStep& s, const NodePool& p)
    {
        const TpuPoolCommands x = tpuNodePoolCommands(m_ctx.plan, cluster(), p, m_ctx.cat);
        takeDiagnostics(x.diagnostics, p.origin, "tpuTopology");
        for (const auto& command : x.commands) {
            s.lines.push_back("echo " + shellQuote("==> " + command.comment));
            ShellCommand c;
            bool flags = false;
            for (const auto& word : command.argv) {
                // The script's own $PROJECT_ID (whose default is the plan's project) comes
                // first among the flags, as on every other gcloud command.
                if (word.rfind("--project=", 0) == 0)
                    continue;
                if (!flags && word.rfind("--", 0) == 0) {
                    flags = true;
                    c.head = c.words.size() - 1; // the resource's name starts the next line
                    c.add(projectFlag());
                }
                c.add(word);
            }
            s.lines.push_back(c.render(""));
        }
        if (!x.commands.empty() && p.queuedProvisioning) {
            m_ctx.assumptions.push_back("TPU pool `" + p.name + "` uses queued provisioning: it starts empty and "
                                        "scales only through ProvisioningRequests.");
        }
        return !x.commands.empty();
    }

    std::string autopilotRefusal(const Workload& w) const
    {
        const auto& refused = m_ctx.cat.rules().autopilot.refused;
        auto reason = [&](const std::string& feature) -> std::string {
            for (const auto& r : refused) {
                if (r.feature == feature)
                    return r.reason;
            }
            return {};
        };
        std::string out;
        auto note = [&](const std::string& r) {
            if (!r.empty() && out.find(r) == std::string::npos)
                out += (out.empty() ? "" : " ") + r;
        };
        if (w.privileged)
            note(reason("privileged"));
        for (const auto& cap : w.capabilities)
            note(reason("capability:" + cap));
        for (const auto& h : w.hostPaths) {
            if (!h.readOnly)
                note(reason("hostPathWrite"));
        }
        if (!w.hostPorts.empty())
            note(reason("hostPort"));
        return out;
    }

    void createAutopilot()
    {
        ScriptStep& s = m_ctx.step("cluster", "create the Autopilot cluster (gcloud)");
        s.lines.push_back("echo " + shellQuote("==> Creating Autopilot cluster " + cluster().name + " in " + cluster().location));
        ShellCommand c;
        c.head = 4;
        c.add("gcloud").add("container").add("clusters").add("create-auto").add(cluster().name).add(projectFlag())
            .add("--location=" + cluster().location);
        if (!cluster().releaseChannel.empty())
            c.add("--release-channel=" + cluster().releaseChannel);
        if (!cluster().kubernetesVersion.empty())
            c.add("--cluster-version=" + cluster().kubernetesVersion);
        s.lines.push_back(c.render(""));
        m_ctx.assumptions.push_back("Autopilot enables Workload Identity, the GCS FUSE CSI driver and managed "
                                    "collection for Managed Service for Prometheus by default; Pods choose GPUs with "
                                    "the `cloud.google.com/gke-accelerator` node selector.");
    }

    void createStandard()
    {
        ScriptStep& s = m_ctx.step("cluster", "create the cluster and its node pools (gcloud)");
        s.lines.push_back("echo " + shellQuote("==> Creating cluster " + cluster().name + " in " + cluster().location));
        ShellCommand c;
        c.head = 4;
        c.add("gcloud").add("container").add("clusters").add("create").add(cluster().name).add(projectFlag())
            .add("--location=" + cluster().location);
        if (!cluster().releaseChannel.empty())
            c.add("--release-channel=" + cluster().releaseChannel);
        if (!cluster().kubernetesVersion.empty())
            c.add("--cluster-version=" + cluster().kubernetesVersion);
        c.add(ShellWord().lit("--workload-pool=").var("PROJECT_ID").lit(".svc.id.goog"));
        c.add("--enable-managed-prometheus");
        if (m_ctx.readsGcs) {
            // --addons enables exactly the add-ons listed: keep the two GKE enables by default.
            c.add("--addons=HttpLoadBalancing,HorizontalPodAutoscaling,GcsFuseCsiDriver");
        }
        // The cluster starts with GKE's default pool of one small node per zone, which is
        // deleted once the plan's pools exist.
        c.add("--num-nodes=1");
        s.lines.push_back(c.render(""));

        bool created = false;
        bool systemNode = false;
        for (const auto& p : cluster().nodePools) {
            if (p.existing) {
                m_ctx.report("CW533", m_ctx.at(p.origin, "existing"), {p.name}, cluster().name + "/" + p.name);
                continue;
            }
            if (p.isTpu()) {
                created = exportTpuPool(s, p) || created;
                continue;
            }
            createPool(s, p);
            created = true;
            if (p.taints.empty() && p.minNodes > 0 && !p.queuedProvisioning)
                systemNode = true;
        }
        if (created) {
            s.lines.push_back("echo " + shellQuote("==> Deleting the default pool; the plan's pools replace it"));
            ShellCommand d;
            d.head = 4;
            d.add("gcloud").add("container").add("node-pools").add("delete").add("default-pool").add(projectFlag())
                .add("--cluster=" + cluster().name).add("--location=" + cluster().location).add("--quiet");
            s.lines.push_back(d.render(""));
        }
        if (!systemNode) {
            m_ctx.report("CW524", m_ctx.at(cluster().origin), {cluster().name}, cluster().name);
        }
        m_ctx.assumptions.push_back("Workload Identity is on (`--workload-pool=$PROJECT_ID.svc.id.goog`) and managed "
                                    "collection for Managed Service for Prometheus is enabled.");
        m_ctx.assumptions.push_back(cluster().isZonal()
                                        ? "The cluster is zonal: a pool's nodes run in its zone unless the pool "
                                          "names zones (`--node-locations`); `--num-nodes` counts per zone."
                                        : "The cluster is regional: GKE counts `--num-nodes` per zone and spreads pools "
                                          "without `zones` over " + std::to_string(kRegionalZones)
                                              + " zones; the autoscaler limits use `--total-min-nodes` / "
                                                "`--total-max-nodes`, which count the whole pool (TPU pools: "
                                                "`--min-nodes` / `--max-nodes` per zone; a TPU slice lives in one zone).");
    }

    int zonesOf(const NodePool& p) const
    {
        if (!p.zones.empty())
            return int(p.zones.size());
        return cluster().isZonal() ? 1 : kRegionalZones;
    }

    // --num-nodes counts per zone: the smallest per-zone count that gives at least total.
    int perZone(const NodePool& p, int total)
    {
        const int zones = zonesOf(p);
        const int per = (total + zones - 1) / zones;
        if (total > 0 && per * zones != total) {
            m_ctx.report("CW529", m_ctx.at(p.origin),
                         {p.name, std::to_string(total), std::to_string(per), std::to_string(zones),
                          std::to_string(per * zones)},
                         cluster().name + "/" + p.name);
        }
        return per;
    }

    void createPool(ScriptStep& s, const NodePool& p)
    {
        const std::string object = cluster().name + "/" + p.name;
        const bool queued = p.queuedProvisioning;
        const bool flex = p.capacity == Capacity::FlexStart;
        PoolSize size = m_ctx.poolSize(p);
        if (queued || flex) {
            const std::string what = queued ? "queued provisioning" : "flex-start";
            // What the plan asks for, not the solver's count (which the pool cannot start with).
            if (p.minNodes > 0 || p.initialNodes.value_or(0) > 0)
                m_ctx.report("CW522", m_ctx.at(p.origin, "minNodes"), {p.name, what, "zero nodes at creation (--num-nodes=0, minimum 0)"}, object);
            if (p.autoRepair)
                m_ctx.report("CW522", m_ctx.at(p.origin, "autoRepair"), {p.name, what, "auto-repair off (--no-enable-autorepair)"}, object);
            size.minNodes = 0;
            size.initial = 0;
            size.autoscaling = true;
        } else if (!size.maxNodes) {
            m_ctx.report("CW523", m_ctx.at(p.origin), {p.name, std::to_string(size.initial)}, object);
        }

        std::vector<std::string> machines = p.flexible ? p.machineTypes : std::vector<std::string>{p.machineType()};
        if (p.flexible) {
            m_ctx.report("CW530", m_ctx.at(p.origin, "machineTypes"),
                         {p.name, std::to_string(machines.size()), std::string("clusterwright.io/pool=") + p.name}, object);
            m_ctx.assumptions.push_back("The flexible pool `" + p.name + "` becomes one GKE node pool per machine type ("
                                        + std::to_string(machines.size()) + "), all labelled `clusterwright.io/pool="
                                        + p.name + "`; the cluster autoscaler picks among them. One carries minNodes "
                                          "(the machine type the solver uses most, else the first), each may grow to "
                                          "maxNodes.");
        }
        // A flexible pool's minimum goes to one member: the machine type the solver uses
        // most, else the first.
        size_t keeper = 0;
        if (p.flexible && size.fromSolver) {
            for (size_t i = 1; i < machines.size(); ++i) {
                if (solverCount(p, machines[i]) > solverCount(p, machines[keeper]))
                    keeper = i;
            }
        }
        for (size_t i = 0; i < machines.size(); ++i) {
            const std::string& mt = machines[i];
            const std::string name = p.flexible ? gkeMemberPoolName(p, mt) : p.name;
            const catalog::MachineType* m = m_ctx.machine(mt);
            int initial = size.initial;
            int minNodes = size.minNodes;
            if (p.flexible) {
                initial = i == keeper ? size.initial : 0;
                minNodes = i == keeper ? size.minNodes : 0;
                if (size.fromSolver)
                    initial = std::max(solverCount(p, mt), minNodes);
            }
            s.lines.push_back("echo " + shellQuote("==> Creating node pool " + name + " (" + mt + ")"));
            ShellCommand c;
            c.head = 4;
            c.add("gcloud").add("container").add("node-pools").add("create").add(name).add(projectFlag())
                .add("--cluster=" + cluster().name).add("--location=" + cluster().location)
                .add("--machine-type=" + mt);
            if (m && isGpuMachine(*m)) {
                std::string acc = "type=" + m->gpu->type + ",count=" + std::to_string(m->gpu->count);
                acc += ",gpu-driver-version=" + (p.gpuDriverVersion.empty() ? std::string("default") : p.gpuDriverVersion);
                if (!p.gpuPartitionSize.empty())
                    acc += ",gpu-partition-size=" + p.gpuPartitionSize;
                if (p.gpuSharing) {
                    acc += ",gpu-sharing-strategy=" + p.gpuSharing->strategy
                           + ",max-shared-clients-per-gpu=" + std::to_string(p.gpuSharing->maxClientsPerGpu);
                }
                c.add("--accelerator=" + acc);
            }
            if (size.autoscaling) {
                c.add("--enable-autoscaling");
                c.add("--num-nodes=" + std::to_string(queued || flex ? 0 : perZone(p, initial)));
                c.add("--total-min-nodes=" + std::to_string(minNodes));
                c.add("--total-max-nodes=" + std::to_string(size.maxNodes.value_or(minNodes)));
            } else {
                c.add("--num-nodes=" + std::to_string(perZone(p, initial)));
            }
            if (queued)
                c.add("--enable-queued-provisioning");
            if (flex)
                c.add("--flex-start");
            if (queued || flex) {
                c.add("--location-policy=ANY");
                c.add("--reservation-affinity=none");
            }
            if (p.capacity == Capacity::Spot)
                c.add("--spot");
            if (p.capacity == Capacity::Reservation) {
                c.add("--reservation-affinity=specific");
                c.add("--reservation=" + p.reservation);
            }
            if (p.gvnic)
                c.add("--enable-gvnic");
            if (p.placement == Placement::Compact)
                c.add("--placement-type=COMPACT");
            if (!p.autoRepair || queued || flex)
                c.add("--no-enable-autorepair");
            std::map<std::string, std::string> labels = p.labels;
            if (p.flexible)
                labels["clusterwright.io/pool"] = p.name;
            if (!labels.empty()) {
                std::string text;
                for (const auto& [k, v] : labels)
                    text += (text.empty() ? "" : ",") + k + "=" + v;
                c.add("--node-labels=" + text);
            }
            if (!p.taints.empty()) {
                std::string text;
                for (const auto& t : p.taints)
                    text += (text.empty() ? "" : ",") + t.key + "=" + t.value + ":" + gkeTaintEffect(t.effect);
                c.add("--node-taints=" + text);
            }
            if (!p.zones.empty()) {
                std::string text;
                for (const auto& z : p.zones)
                    text += (text.empty() ? "" : ",") + z;
                c.add("--node-locations=" + text);
            }
            if (p.maxPodsPerNode)
                c.add("--max-pods-per-node=" + std::to_string(*p.maxPodsPerNode));
            if (p.diskSizeGiB)
                c.add("--disk-size=" + std::to_string(*p.diskSizeGiB));
            s.lines.push_back(c.render(""));
        }
        if (queued) {
            m_ctx.assumptions.push_back("Pool `" + p.name + "` uses queued provisioning (Dynamic Workload Scheduler): "
                                        "it starts empty, scales only through ProvisioningRequests, keeps auto-repair "
                                        "off and ignores reservations (https://cloud.google.com/kubernetes-engine/docs/how-to/provisioningrequest).");
        }
    }

    int solverCount(const NodePool& p, const std::string& machine) const
    {
        int n = 0;
        if (const auto* sol = m_ctx.solution()) {
            for (const auto& g : sol->groups) {
                if (g.pool == p.name && g.machineType == machine)
                    n += g.count;
            }
        }
        return n;
    }

    ClusterContext& m_ctx;
};

} // namespace

void exportGke(ClusterContext& ctx)
{
    GkeWriter(ctx).run();
}

} // namespace cw::exporter
