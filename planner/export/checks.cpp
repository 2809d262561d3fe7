// SPDX-License-Identifier: GPL-3.0-or-later
// Every name and value the export writes is checked here, before anything is written:
// Kubernetes names (RFC 1123 / RFC 1035), label keys and values, derived names, cloud
// identifiers that end up on a command line.
#include "context.h"
#include "model/names.h"

#include <regex>

namespace cw::exporter {

using namespace cw::model;

namespace {

bool matchesRe(const std::string& s, const char* pattern)
{
    const std::regex re(pattern);
    return std::regex_match(s, re);
}

class Checker {
public:
    explicit Checker(ClusterContext& ctx) : m_ctx(ctx) {}

    bool run()
    {
        const int before = m_ctx.diags.errorCount();
        checkClusterValues();
        for (const auto& p : m_ctx.cluster.nodePools)
            checkPool(p);
        for (const auto& w : m_ctx.plan.workloads) {
            if (w.cluster == m_ctx.cluster.name)
                checkWorkload(w);
        }
        return m_ctx.diags.errorCount() == before;
    }

private:
    const Cluster& cluster() const { return m_ctx.cluster; }
    bool gke() const { return cluster().provider == Provider::Gke; }

    // A name that must be an RFC 1123 label (or RFC 1035 with startWithLetter).
    void name(const std::string& what, const std::string& value, const std::string& kind, size_t limit,
              bool startWithLetter, const diag::Location& where, const std::string& object)
    {
        const std::string problem = dnsLabelProblem(value, limit, startWithLetter);
        if (!problem.empty()) {
            m_ctx.report("CW501", where, {what, value, kind, problem, suggestDnsLabel(value, limit, startWithLetter)},
                         object);
        }
    }

    // A name the export derives from a plan name: checked against its limit, with the
    // length the plan name must be cut to.
    void derived(const std::string& derivedName, const std::string& role, size_t limit, const std::string& base,
                 const diag::Location& where, const std::string& object)
    {
        if (derivedName.size() <= limit)
            return;
        const size_t extra = derivedName.size() - base.size();
        const size_t allowed = limit > extra ? limit - extra : 0;
        std::string suggestion = suggestDnsLabel(base, allowed == 0 ? 1 : allowed);
        m_ctx.report("CW502", where,
                     {derivedName, role, std::to_string(derivedName.size()), std::to_string(limit), base,
                      std::to_string(allowed), suggestion},
                     object);
    }

    void label(const std::string& key, const std::string& value, const std::string& of, const diag::Location& where,
               const std::string& object)
    {
        if (auto p = labelKeyProblem(key); !p.empty())
            m_ctx.report("CW503", where, {"label key", key, of, p}, object);
        if (auto p = labelValueProblem(value); !p.empty())
            m_ctx.report("CW503", where, {"label value", value, of, p}, object);
    }

    void checkClusterValues()
    {
        const Cluster& c = cluster();
        const auto where = m_ctx.at(c.origin, "name");
        name("cluster", c.name, "cluster name", 40, true, where, c.name);
        if (gke()) {
            if (!c.project.empty() && !matchesRe(c.project, "[a-z][a-z0-9-]{4,28}[a-z0-9]")) {
                m_ctx.report("CW508", m_ctx.at(c.origin, "project"),
                             {c.name, c.project, "Google Cloud project id",
                              "6-30 characters: lower-case letters, digits and '-', starting with a letter"},
                             c.name);
            }
            if (!matchesRe(c.location, "[a-z]+-[a-z]+[0-9]+(-[a-z])?")) {
                m_ctx.report("CW508", m_ctx.at(c.origin, "location"),
                             {c.name, c.location, "Google Cloud region or zone", "expected e.g. us-central1 or us-central1-a"},
                             c.name);
            } else if (c.mode == ClusterMode::Autopilot && c.isZonal()) {
                m_ctx.report("CW508", m_ctx.at(c.origin, "location"),
                             {c.name, c.location, "location for an Autopilot cluster",
                              "Autopilot clusters are regional; use the region " + c.region()},
                             c.name);
            }
            if (!c.kubernetesVersion.empty()
                && !matchesRe(c.kubernetesVersion, "[0-9]+\\.[0-9]+(\\.[0-9]+(-gke\\.[0-9]+)?)?|latest")) {
                m_ctx.report("CW508", m_ctx.at(c.origin, "kubernetesVersion"),
                             {c.name, c.kubernetesVersion, "GKE version", "expected e.g. 1.34 or 1.34.1-gke.1829001"},
                             c.name);
            }
            if (!c.releaseChannel.empty() && !matchesRe(c.releaseChannel, "rapid|regular|stable|extended|None")) {
                m_ctx.report("CW508", m_ctx.at(c.origin, "releaseChannel"),
                             {c.name, c.releaseChannel, "release channel", "expected rapid, regular, stable or extended"},
                             c.name);
            }
        } else {
            if (!matchesRe(c.location, "[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]+")) {
                m_ctx.report("CW508", m_ctx.at(c.origin, "location"),
                             {c.name, c.location, "AWS region", "an EKS cluster lives in a region, e.g. us-east-1"},
                             c.name);
            }
            if (!c.kubernetesVersion.empty() && !matchesRe(c.kubernetesVersion, "[0-9]+\\.[0-9]+")) {
                m_ctx.report("CW508", m_ctx.at(c.origin, "kubernetesVersion"),
                             {c.name, c.kubernetesVersion, "EKS version", "expected e.g. 1.31"}, c.name);
            }
            const std::string role = karpenterNodeRole(c);
            bool karpenter = false;
            for (const auto& p : c.nodePools)
                karpenter = karpenter || (p.flexible && !p.existing);
            if (karpenter)
                derived(role, "IAM role of the Karpenter nodes", 64, c.name, where, c.name);
        }
    }

    void checkPool(const NodePool& p)
    {
        const Cluster& c = cluster();
        const std::string object = c.name + "/" + p.name;
        const std::string of = "pool '" + p.name + "'";
        name("node pool", p.name, gke() ? "GKE node pool name" : "node group name", 40, true,
             m_ctx.at(p.origin, "name"), object);
        if (p.machineTypes.empty())
            m_ctx.report("CW510", m_ctx.at(p.origin), {p.name, "it has no machine type"}, object);
        for (const auto& mt : p.machineTypes) {
            if (!m_ctx.machine(mt)) {
                m_ctx.report("CW509", m_ctx.at(p.origin, p.flexible ? "machineTypes" : "machineType"),
                             {p.name, mt, gke() ? "GKE" : "EKS"}, object);
            }
            if (gke() && p.flexible) {
                const std::string member = gkeMemberPoolName(p, mt);
                name("node pool", member, "GKE node pool name", 40, true, m_ctx.at(p.origin, "machineTypes"), object);
            }
        }
        for (const auto& [k, v] : p.labels)
            label(k, v, of, m_ctx.at(p.origin, "labels"), object);
        for (const auto& t : p.taints) {
            if (auto e = labelKeyProblem(t.key); !e.empty())
                m_ctx.report("CW503", m_ctx.at(p.origin, "taints"), {"taint key", t.key, of, e}, object);
            if (auto e = labelValueProblem(t.value); !e.empty())
                m_ctx.report("CW503", m_ctx.at(p.origin, "taints"), {"taint value", t.value, of, e}, object);
        }
        for (const auto& z : p.zones) {
            const bool ok = gke() ? matchesRe(z, "[a-z]+-[a-z]+[0-9]+-[a-z]") && z.rfind(c.region() + "-", 0) == 0
                                  : matchesRe(z, "[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]+[a-z]")
                                        && z.rfind(c.location, 0) == 0;
            if (!ok) {
                m_ctx.report("CW503", m_ctx.at(p.origin, "zones"),
                             {"zone", z, of, "not a zone of " + (gke() ? c.region() : c.location)}, object);
            }
        }
        if (p.capacity == Capacity::Reservation) {
            if (p.reservation.empty())
                m_ctx.report("CW510", m_ctx.at(p.origin, "capacity"), {p.name, "capacity 'reservation' needs the reservation's name"}, object);
            else if (!matchesRe(p.reservation, gke() ? "[a-z]([-a-z0-9]{0,61}[a-z0-9])?(/[a-z]([-a-z0-9]{0,61}[a-z0-9])?)*"
                                                      : "cr-[0-9a-f]{8,17}"))
                m_ctx.report("CW503", m_ctx.at(p.origin, "reservation"),
                             {"reservation", p.reservation, of,
                              gke() ? "a reservation name is lower case letters, digits and '-'"
                                    : "an EC2 capacity reservation id looks like cr-0123456789abcdef0"},
                             object);
        }
        if (!p.gpuPartitionSize.empty() && !matchesRe(p.gpuPartitionSize, "[0-9]g\\.[0-9]+gb"))
            m_ctx.report("CW503", m_ctx.at(p.origin, "gpuPartitionSize"), {"GPU partition size", p.gpuPartitionSize, of, "expected e.g. 1g.5gb"}, object);
        if (!p.gpuDriverVersion.empty() && !matchesRe(p.gpuDriverVersion, "default|latest|disabled"))
            m_ctx.report("CW503", m_ctx.at(p.origin, "gpuDriverVersion"), {"GPU driver version", p.gpuDriverVersion, of, "expected default, latest or disabled"}, object);
        if (p.gpuSharing) {
            if (!matchesRe(p.gpuSharing->strategy, "time-sharing|mps"))
                m_ctx.report("CW503", m_ctx.at(p.origin, "gpuSharing"), {"GPU sharing strategy", p.gpuSharing->strategy, of, "expected time-sharing or mps"}, object);
            if (p.gpuSharing->maxClientsPerGpu < 2 || p.gpuSharing->maxClientsPerGpu > 48)
                m_ctx.report("CW503", m_ctx.at(p.origin, "gpuSharing"), {"clients per GPU", std::to_string(p.gpuSharing->maxClientsPerGpu), of, "expected 2-48"}, object);
        }
        if (!p.tpuTopology.empty() && !matchesRe(p.tpuTopology, "[0-9]{1,3}x[0-9]{1,3}(x[0-9]{1,3})?"))
            m_ctx.report("CW503", m_ctx.at(p.origin, "tpuTopology"), {"TPU topology", p.tpuTopology, of, "expected AxB or AxBxC"}, object);
        if ((p.queuedProvisioning || p.capacity == Capacity::FlexStart) && !p.maxNodes && gke()) {
            m_ctx.report("CW510", m_ctx.at(p.origin), {p.name, std::string(p.queuedProvisioning ? "queued provisioning" : "flex-start")
                                                       + " scales from zero and needs maxNodes"}, object);
        }
        if (p.queuedProvisioning && p.capacity == Capacity::Reservation && gke()) {
            m_ctx.report("CW510", m_ctx.at(p.origin, "capacity"),
                         {p.name, "queued provisioning needs --reservation-affinity=none and cannot use a reservation"}, object);
        }
        if (!gke() && p.efa && p.zones.size() > 1) {
            m_ctx.report("CW510", m_ctx.at(p.origin, "zones"), {p.name, "EFA node groups live in exactly one availability zone; keep one zone"}, object);
        }
        if (!gke() && (p.efa || p.placement == Placement::Compact) && !p.flexible)
            derived(placementGroupName(c, p), "EC2 placement group", 255, p.name, m_ctx.at(p.origin, "name"), object);
    }

    void checkWorkload(const Workload& w)
    {
        const std::string object = w.name;
        const std::string of = "workload '" + w.name + "'";
        const auto where = m_ctx.at(w.origin, "name");
        name("workload", w.name, "Kubernetes name (RFC 1123 label)", 63, false, where, object);
        if (!w.nameSpace.empty())
            name("namespace", w.nameSpace, "namespace (RFC 1123 label)", 63, false, m_ctx.at(w.origin, "namespace"), object);
        const bool service = w.port > 0 && (w.kind == WorkloadKind::Inference || w.kind == WorkloadKind::Notebook);
        if (service)
            name("workload", w.name, "Service name (RFC 1035 label: starts with a letter)", 63, true, where, object);
        if (w.kind == WorkloadKind::Training && w.replicas > 1 && !w.hasTpu()) {
            const std::string svc = headlessServiceName(w);
            derived(svc, "headless Service of the workers", 63, w.name, where, object);
            name("workload", w.name, "Service name (RFC 1035 label: starts with a letter)", 63 - 9, true, where, object);
            // Worker hostnames are <job>-<completion index>.
            const std::string host = w.name + "-" + std::to_string(w.replicas - 1);
            derived(host, "hostname of the last worker Pod", 63, w.name, where, object);
        }
        if (w.image.empty())
            m_ctx.report("CW505", m_ctx.at(w.origin), {w.name}, object);
        else if (auto p = imageProblem(w.image); !p.empty())
            m_ctx.report("CW506", m_ctx.at(w.origin, "image"), {w.name, w.image, p}, object);
        for (const auto& [k, v] : w.labels)
            label(k, v, of, m_ctx.at(w.origin, "labels"), object);
        for (const auto& [k, v] : w.nodeSelector)
            label(k, v, of + " (nodeSelector)", m_ctx.at(w.origin, "nodeSelector"), object);
        for (const auto& t : w.tolerations) {
            if (!t.key.empty()) {
                if (auto e = labelKeyProblem(t.key); !e.empty())
                    m_ctx.report("CW503", m_ctx.at(w.origin, "tolerations"), {"toleration key", t.key, of, e}, object);
            }
            if (auto e = labelValueProblem(t.value); !e.empty())
                m_ctx.report("CW503", m_ctx.at(w.origin, "tolerations"), {"toleration value", t.value, of, e}, object);
        }
        for (const auto& [k, v] : w.resources.extended) {
            std::string e = labelKeyProblem(k);
            if (e.empty() && k.find('/') == std::string::npos)
                e = "an extended resource is named <domain>/<name>, e.g. aws.amazon.com/neuron";
            if (e.empty() && v < 0)
                e = "the amount is negative";
            if (!e.empty())
                m_ctx.report("CW503", m_ctx.at(w.origin, "resources"), {"extended resource", k, of, e}, object);
        }
        for (const auto& cap : w.capabilities) {
            if (!matchesRe(cap, "[A-Z][A-Z_]{0,63}"))
                m_ctx.report("CW503", m_ctx.at(w.origin, "capabilities"), {"capability", cap, of, "expected an upper-case Linux capability name such as SYS_ADMIN"}, object);
        }
        for (const auto& h : w.hostPaths) {
            if (!matchesRe(h.path, "/[A-Za-z0-9._/@+-]*"))
                m_ctx.report("CW503", m_ctx.at(w.origin, "hostPaths"), {"host path", h.path, of, "expected an absolute path of letters, digits and ._/@+-"}, object);
        }
        if (w.port < 0 || w.port > 65535)
            m_ctx.report("CW503", m_ctx.at(w.origin, "port"), {"port", std::to_string(w.port), of, "expected 1-65535"}, object);
        for (int hp : w.hostPorts) {
            if (hp < 1 || hp > 65535)
                m_ctx.report("CW503", m_ctx.at(w.origin, "hostPorts"), {"host port", std::to_string(hp), of, "expected 1-65535"}, object);
        }
        if (w.data)
            checkData(w, object);
        if (w.data && gke() && w.data->source.rfind("gs://", 0) == 0)
            name("workload", gcpServiceAccountId(w), "Google service account id", 30, true, where, object);
    }

    void checkData(const Workload& w, const std::string& object)
    {
        const std::string& s = w.data->source;
        const auto where = m_ctx.at(w.origin, "data");
        std::string problem;
        if (s.rfind("gs://", 0) == 0 || s.rfind("s3://", 0) == 0) {
            const std::string rest = s.substr(5);
            const auto slash = rest.find('/');
            const std::string bucket = rest.substr(0, slash);
            const std::string path = slash == std::string::npos ? std::string() : rest.substr(slash + 1);
            if (!matchesRe(bucket, "[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]"))
                problem = "'" + bucket + "' is not a bucket name (3-63 characters: a-z, 0-9, '.', '_', '-')";
            else if (!path.empty() && (!matchesRe(path, "[A-Za-z0-9._/-]*") || path.find("..") != std::string::npos
                                       || path.find("//") != std::string::npos))
                problem = "the path after the bucket may contain only letters, digits and ._/- (no '..')";
        } else if (s.rfind("pvc:", 0) == 0) {
            problem = dnsLabelProblem(s.substr(4));
            if (!problem.empty())
                problem = "the claim name " + problem;
        } else {
            problem = "expected gs://BUCKET[/PATH], s3://BUCKET[/PATH] or pvc:CLAIM";
        }
        if (!problem.empty())
            m_ctx.report("CW507", where, {w.name, s, problem}, object);
    }

    static std::string imageProblem(const std::string& image)
    {
        if (image.size() > 512)
            return "it is longer than 512 characters";
        static const std::regex re(
            "((([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(\\.([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
            "(:[0-9]+)?)/)?"
            "[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*(/[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*)*"
            "(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
            "(@[A-Za-z][A-Za-z0-9]*([-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?");
        if (!std::regex_match(image, re))
            return "expected [registry/]repository[:tag][@sha256:digest] in lower case, e.g. vllm/vllm-openai:v0.6.3";
        return {};
    }

    ClusterContext& m_ctx;
};

} // namespace

bool checkCluster(ClusterContext& ctx)
{
    return Checker(ctx).run();
}

} // namespace cw::exporter
