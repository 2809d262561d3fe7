// SPDX-License-Identifier: GPL-3.0-or-later
// EKS: an eksctl ClusterConfig with one managed node group per fixed pool, Karpenter
// NodePool + EC2NodeClass for flexible pools, the aws / eksctl commands, the workloads.
#include "context.h"

#include <algorithm>

namespace cw::exporter {

using namespace cw::model;

namespace {

class EksWriter {
public:
    explicit EksWriter(ClusterContext& ctx) : m_ctx(ctx) {}

    void run()
    {
        for (const auto& w : m_ctx.plan.workloads) {
            if (w.cluster == cluster().name && w.hasTpu()) {
                // The check module refuses TPUs on EKS; never write them.
                m_ctx.skippedWorkloads.insert(w.name);
                m_ctx.leftOut.push_back("`" + w.name + "`: TPUs exist only on GKE.");
            }
        }
        writeClusterConfig();
        exportWorkloads(m_ctx);
    }

private:
    const Cluster& cluster() const { return m_ctx.cluster; }

    std::string efaZone(const NodePool& p)
    {
        if (!p.zones.empty())
            return p.zones.front();
        const std::string zone = cluster().location + "a";
        m_ctx.report("CW526", m_ctx.at(p.origin, "efa"), {p.name, "EFA", zone}, cluster().name + "/" + p.name);
        return zone;
    }

    void writeClusterConfig()
    {
        const Cluster& c = cluster();
        Value doc = Value::map();
        doc.set("apiVersion", "eksctl.io/v1alpha5");
        doc.set("kind", "ClusterConfig");
        Value& meta = doc["metadata"];
        meta.set("name", c.name);
        meta.set("region", c.location);
        if (!c.kubernetesVersion.empty())
            meta.set("version", c.kubernetesVersion);
        bool karpenter = false;
        for (const auto& p : c.nodePools)
            karpenter = karpenter || (p.flexible && !p.existing);
        if (karpenter)
            meta["tags"].set("karpenter.sh/discovery", c.name);
        doc["iam"].set("withOIDC", true);
        doc["upgradePolicy"].set("supportType", c.support == SupportTier::Extended ? "EXTENDED" : "STANDARD");

        ScriptStep& s = m_ctx.step("cluster", "create the cluster and its node groups (aws, eksctl)");
        Value groups = Value::list();
        for (const auto& p : c.nodePools) {
            if (p.existing) {
                m_ctx.report("CW533", m_ctx.at(p.origin, "existing"), {p.name}, c.name + "/" + p.name);
                continue;
            }
            if (p.flexible) {
                writeKarpenter(p);
                continue;
            }
            groups.push(nodeGroup(s, p));
        }
        if (!groups.empty())
            doc.set("managedNodeGroups", groups);

        s.lines.push_back("echo " + shellQuote("==> Creating EKS cluster " + c.name + " in " + c.location
                                               + " with eksctl (takes 15-25 minutes)"));
        ShellCommand create;
        create.head = 3;
        create.add("eksctl").add("create").add("cluster").add("--config-file=cluster.yaml");
        s.lines.push_back(create.render(""));

        m_ctx.extraFiles.push_back(
            {"cluster.yaml",
             toYaml(doc, {"eksctl ClusterConfig exported by Clusterwright from plan '" + m_ctx.plan.name + "', cluster '"
                              + c.name + "'.",
                          "Create with: eksctl create cluster --config-file=cluster.yaml (commands.sh does it)."}),
             false});
        m_ctx.assumptions.push_back("Node groups use the Amazon Linux 2023 AMI family: eksctl picks the accelerated "
                                    "(NVIDIA or Neuron) AMI for GPU and Inferentia/Trainium instance types.");
        m_ctx.assumptions.push_back(std::string("The control plane is created with ")
                                    + (c.support == SupportTier::Extended ? "extended" : "standard")
                                    + " support (`upgradePolicy.supportType`); eksctl would otherwise default to extended.");
    }

    Value nodeGroup(ScriptStep& s, const NodePool& p)
    {
        const std::string object = cluster().name + "/" + p.name;
        PoolSize size = m_ctx.poolSize(p);
        Value g = Value::map();
        g.set("name", p.name);
        g.set("instanceType", p.machineType());
        g.set("amiFamily", "AmazonLinux2023");
        g.set("minSize", size.minNodes);
        g.set("desiredCapacity", size.initial);
        if (!size.maxNodes)
            m_ctx.report("CW523", m_ctx.at(p.origin), {p.name, std::to_string(size.initial)}, object);
        g.set("maxSize", size.maxNodes.value_or(std::max(size.initial, size.minNodes)));
        if (p.diskSizeGiB)
            g.set("volumeSize", int64_t(*p.diskSizeGiB));
        if (p.capacity == Capacity::Spot)
            g.set("spot", true);
        if (p.capacity == Capacity::Reservation) {
            g["capacityReservation"]["capacityReservationTarget"].set("capacityReservationID", p.reservation);
        }
        std::vector<std::string> zones = p.zones;
        if (p.efa && zones.empty())
            zones.push_back(efaZone(p));
        if (!zones.empty())
            g.set("availabilityZones", Value::strings(zones));
        if (p.maxPodsPerNode)
            g.set("maxPodsPerNode", *p.maxPodsPerNode);
        if (!p.labels.empty()) {
            Value labels = Value::map();
            for (const auto& [k, v] : p.labels)
                labels.set(k, v);
            g.set("labels", labels);
        }
        if (!p.taints.empty()) {
            Value taints = Value::list();
            for (const auto& t : p.taints) {
                Value tv = Value::map();
                tv.set("key", t.key);
                tv.set("value", t.value);
                tv.set("effect", toString(t.effect));
                taints.push(tv);
            }
            g.set("taints", taints);
        }
        if (size.minNodes == 0)
            g.set("propagateASGTags", true); // scale-from-zero needs the labels and taints on the ASG
        if (p.efa)
            g.set("efaEnabled", true);
        if (p.efa || p.placement == Placement::Compact) {
            const std::string group = placementGroupName(cluster(), p);
            g["placement"].set("groupName", group);
            s.lines.push_back("echo " + shellQuote("==> Creating cluster placement group " + group));
            ShellCommand pg;
            pg.head = 3;
            pg.add("aws").add("ec2").add("create-placement-group").add("--region=" + cluster().location)
                .add("--group-name=" + group).add("--strategy=cluster");
            s.lines.push_back(pg.render(""));
            m_ctx.assumptions.push_back("Node group `" + p.name + "` launches into the cluster placement group `" + group
                                        + "`" + (p.efa ? " with EFA interfaces (eksctl `efaEnabled` adds the EFA "
                                                         "security group and device plugin) in one availability zone"
                                                       : "")
                                        + ".");
        }
        return g;
    }

    void writeKarpenter(const NodePool& p)
    {
        const Cluster& c = cluster();
        Value nodeClass = typed("karpenter.k8s.aws/v1", "EC2NodeClass", p.name);
        Value& ncs = nodeClass["spec"];
        ncs.set("role", karpenterNodeRole(c));
        Value ami = Value::map();
        ami.set("alias", "al2023@latest");
        Value amis = Value::list();
        amis.push(ami);
        ncs.set("amiSelectorTerms", amis);
        Value discovery = Value::map();
        discovery["tags"].set("karpenter.sh/discovery", c.name);
        Value subnets = Value::list();
        subnets.push(discovery);
        ncs.set("subnetSelectorTerms", subnets);
        Value groups = Value::list();
        groups.push(discovery);
        ncs.set("securityGroupSelectorTerms", groups);
        if (p.diskSizeGiB) {
            Value bdm = Value::map();
            bdm.set("deviceName", "/dev/xvda");
            bdm["ebs"].set("volumeSize", std::to_string(*p.diskSizeGiB) + "Gi");
            bdm["ebs"].set("volumeType", "gp3");
            Value list = Value::list();
            list.push(bdm);
            ncs.set("blockDeviceMappings", list);
        }
        m_ctx.add(Stage::NodeClasses, std::move(nodeClass));

        Value pool = typed("karpenter.sh/v1", "NodePool", p.name);
        Value& tmpl = pool["spec"]["template"];
        if (!p.labels.empty()) {
            for (const auto& [k, v] : p.labels)
                tmpl["metadata"]["labels"].set(k, v);
        }
        Value& ts = tmpl["spec"];
        Value reqs = Value::list();
        auto requirement = [&](const char* key, const std::vector<std::string>& values) {
            Value r = Value::map();
            r.set("key", key);
            r.set("operator", "In");
            r.set("values", Value::strings(values));
            reqs.push(r);
        };
        requirement("node.kubernetes.io/instance-type", p.machineTypes);
        const char* capacity = p.capacity == Capacity::Spot ? "spot"
                             : p.capacity == Capacity::Reservation ? "reserved"
                                                                    : "on-demand";
        requirement("karpenter.sh/capacity-type", {capacity});
        if (!p.zones.empty())
            requirement("topology.kubernetes.io/zone", p.zones);
        ts.set("requirements", reqs);
        Value ref = Value::map();
        ref.set("group", "karpenter.k8s.aws");
        ref.set("kind", "EC2NodeClass");
        ref.set("name", p.name);
        ts.set("nodeClassRef", ref);
        if (!p.taints.empty()) {
            Value taints = Value::list();
            for (const auto& t : p.taints) {
                Value tv = Value::map();
                tv.set("key", t.key);
                if (!t.value.empty())
                    tv.set("value", t.value);
                tv.set("effect", toString(t.effect));
                taints.push(tv);
            }
            ts.set("taints", taints);
        }
        if (p.maxNodes) {
            // Karpenter limits resources, not nodes: maxNodes × the largest machine's vCPUs.
            double vcpu = 0;
            for (const auto& mt : p.machineTypes) {
                if (const auto* m = m_ctx.machine(mt))
                    vcpu = std::max(vcpu, m->vcpu);
            }
            pool["spec"]["limits"].set("cpu", std::to_string(int64_t(vcpu) * *p.maxNodes));
        }
        if (p.minNodes > 0)
            m_ctx.report("CW527", m_ctx.at(p.origin, "minNodes"), {p.name, std::to_string(p.minNodes)}, c.name + "/" + p.name);
        m_ctx.add(Stage::NodeClasses, std::move(pool));
        m_ctx.prerequisites.push_back("Karpenter (v1 API) is installed in the cluster, with the node IAM role `"
                                      + karpenterNodeRole(c) + "` and subnets and security groups tagged "
                                      "`karpenter.sh/discovery: " + c.name + "` (cluster.yaml tags what eksctl creates).");
        m_ctx.assumptions.push_back("The flexible pool `" + p.name + "` is a Karpenter NodePool over "
                                    + std::to_string(p.machineTypes.size()) + " instance types; its CPU limit is maxNodes × "
                                    "the largest type's vCPUs.");
    }

    ClusterContext& m_ctx;
};

} // namespace

void exportEks(ClusterContext& ctx)
{
    EksWriter(ctx).run();
}

} // namespace cw::exporter
