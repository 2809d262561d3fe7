// SPDX-License-Identifier: GPL-3.0-or-later
#include "planwriter.h"

#include "model/quantity.h"
#include "yamlreader.h"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cw::io {

using namespace cw::model;

namespace {

// A scalar that a YAML 1.1 or 1.2 reader would take for a number, boolean or null is
// quoted, so that other tools read our strings as strings.
bool looksTyped(const std::string& s)
{
    if (s.empty())
        return true;
    static const char* words[] = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
                                  "True", "False", "Yes", "No", "On", "Off", "Null", "NULL",
                                  "TRUE", "FALSE", "YES", "NO", "ON", "OFF", "Y", "N"};
    for (const char* w : words) {
        if (s == w)
            return true;
    }
    return parseNumber(s).has_value() || s == ".inf" || s == ".nan";
}

void str(YAML::Emitter& out, const std::string& s)
{
    if (looksTyped(s))
        out << YAML::DoubleQuoted << s;
    else
        out << s;
}

void kv(YAML::Emitter& out, const char* key, const std::string& value)
{
    out << YAML::Key << key << YAML::Value;
    str(out, value);
}

void kvIf(YAML::Emitter& out, const char* key, const std::string& value)
{
    if (!value.empty())
        kv(out, key, value);
}

void kvInt(YAML::Emitter& out, const char* key, long long value)
{
    out << YAML::Key << key << YAML::Value << value;
}

void kvBool(YAML::Emitter& out, const char* key, bool value)
{
    out << YAML::Key << key << YAML::Value << (value ? "true" : "false");
}

void stringMap(YAML::Emitter& out, const char* key, const std::map<std::string, std::string>& m)
{
    if (m.empty())
        return;
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginMap;
    for (const auto& [k, v] : m)
        kv(out, k.c_str(), v);
    out << YAML::EndMap;
}

void stringList(YAML::Emitter& out, const char* key, const std::vector<std::string>& v)
{
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& s : v)
        str(out, s);
    out << YAML::EndSeq;
}

void writePool(YAML::Emitter& out, const NodePool& p)
{
    out << YAML::BeginMap;
    kv(out, "name", p.name);
    if (p.flexible)
        stringList(out, "machineTypes", p.machineTypes);
    else
        kv(out, "machineType", p.machineType());
    if (p.capacity != Capacity::OnDemand)
        kv(out, "capacity", toString(p.capacity));
    if (!p.reservation.empty())
        kv(out, "reservation", p.reservation);
    if (p.minNodes != 0)
        kvInt(out, "minNodes", p.minNodes);
    if (p.maxNodes)
        kvInt(out, "maxNodes", *p.maxNodes);
    if (p.initialNodes)
        kvInt(out, "initialNodes", *p.initialNodes);
    if (!p.tpuTopology.empty())
        kv(out, "tpuTopology", p.tpuTopology);
    if (!p.gpuPartitionSize.empty())
        kv(out, "gpuPartitionSize", p.gpuPartitionSize);
    if (p.gpuSharing) {
        out << YAML::Key << "gpuSharing" << YAML::Value << YAML::Flow << YAML::BeginMap;
        kv(out, "strategy", p.gpuSharing->strategy);
        kvInt(out, "maxClientsPerGpu", p.gpuSharing->maxClientsPerGpu);
        out << YAML::EndMap;
    }
    kvIf(out, "gpuDriverVersion", p.gpuDriverVersion);
    if (p.gvnic)
        kvBool(out, "gvnic", true);
    if (p.placement != Placement::None)
        kv(out, "placement", toString(p.placement));
    if (p.queuedProvisioning)
        kvBool(out, "queuedProvisioning", true);
    if (p.efa)
        kvBool(out, "efa", true);
    if (!p.autoRepair)
        kvBool(out, "autoRepair", false);
    if (p.maxPodsPerNode)
        kvInt(out, "maxPodsPerNode", *p.maxPodsPerNode);
    if (p.diskSizeGiB)
        kvInt(out, "diskSizeGiB", *p.diskSizeGiB);
    if (!p.zones.empty())
        stringList(out, "zones", p.zones);
    stringMap(out, "labels", p.labels);
    if (!p.taints.empty()) {
        out << YAML::Key << "taints" << YAML::Value << YAML::BeginSeq;
        for (const auto& t : p.taints) {
            out << YAML::Flow << YAML::BeginMap;
            kv(out, "key", t.key);
            if (!t.value.empty())
                kv(out, "value", t.value);
            kv(out, "effect", toString(t.effect));
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    if (p.existing)
        kvBool(out, "existing", true);
    out << YAML::EndMap;
}

void writeCluster(YAML::Emitter& out, const Cluster& c)
{
    out << YAML::BeginMap;
    kv(out, "name", c.name);
    kv(out, "provider", toString(c.provider));
    if (c.provider == Provider::Gke)
        kv(out, "mode", toString(c.mode));
    kv(out, "location", c.location);
    kvIf(out, "project", c.project);
    kvIf(out, "kubernetesVersion", c.kubernetesVersion);
    kvIf(out, "releaseChannel", c.releaseChannel);
    if (c.support != SupportTier::Standard)
        kv(out, "support", toString(c.support));
    if (!c.nodePools.empty()) {
        out << YAML::Key << "nodePools" << YAML::Value << YAML::BeginSeq;
        for (const auto& p : c.nodePools)
            writePool(out, p);
        out << YAML::EndSeq;
    }
    if (!c.daemonSets.empty()) {
        out << YAML::Key << "daemonSets" << YAML::Value << YAML::BeginSeq;
        for (const auto& d : c.daemonSets) {
            out << YAML::Flow << YAML::BeginMap;
            kv(out, "name", d.name);
            kv(out, "cpu", formatCpuMilli(d.cpuMilli));
            kv(out, "memory", formatBytes(d.memoryBytes));
            if (d.nodes != DaemonSetNodes::All)
                kv(out, "nodes", toString(d.nodes));
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
}

void writeWorkload(YAML::Emitter& out, const Workload& w)
{
    out << YAML::BeginMap;
    kv(out, "name", w.name);
    kv(out, "cluster", w.cluster);
    kv(out, "kind", toString(w.kind));
    kvIf(out, "namespace", w.nameSpace);
    kvInt(out, "replicas", w.replicas);
    if (w.gang)
        kvBool(out, "gang", true);
    kvIf(out, "pool", w.pool);
    out << YAML::Key << "resources" << YAML::Value << YAML::BeginMap;
    kv(out, "cpu", formatCpuMilli(w.resources.cpuMilli));
    kv(out, "memory", formatBytes(w.resources.memoryBytes));
    if (w.resources.ephemeralStorageBytes)
        kv(out, "ephemeralStorage", formatBytes(w.resources.ephemeralStorageBytes));
    if (const auto& g = w.resources.gpu) {
        out << YAML::Key << "gpu" << YAML::Value << YAML::Flow << YAML::BeginMap;
        kv(out, "type", g->type);
        if (g->partition.empty())
            kvInt(out, "count", g->count);
        else
            kv(out, "partition", g->partition);
        out << YAML::EndMap;
    }
    if (const auto& t = w.resources.tpu) {
        out << YAML::Key << "tpu" << YAML::Value << YAML::Flow << YAML::BeginMap;
        kv(out, "type", t->type);
        kv(out, "topology", t->topology);
        if (t->slices != 1)
            kvInt(out, "slices", t->slices);
        out << YAML::EndMap;
    }
    if (!w.resources.extended.empty()) {
        out << YAML::Key << "extended" << YAML::Value << YAML::Flow << YAML::BeginMap;
        for (const auto& [k, v] : w.resources.extended) {
            // Memory-like resources (hugepages-2Mi) read best with a binary suffix; counts
            // (aws.amazon.com/neuron, vpc.amazonaws.com/efa) as plain numbers.
            const bool memoryLike = k.rfind("hugepages-", 0) == 0 || k.find("memory") != std::string::npos;
            kv(out, k.c_str(), memoryLike ? formatBytes(v) : std::to_string(v));
        }
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
    if (w.hoursPerMonth)
        kvInt(out, "hoursPerMonth", *w.hoursPerMonth);
    if (w.maxPerNode)
        kvInt(out, "maxPerNode", w.maxPerNode);
    if (w.spot)
        kvBool(out, "spot", true);
    kvIf(out, "image", w.image);
    if (w.port)
        kvInt(out, "port", w.port);
    if (w.data) {
        out << YAML::Key << "data" << YAML::Value << YAML::Flow << YAML::BeginMap;
        kv(out, "source", w.data->source);
        if (w.data->sizeGiB)
            kvInt(out, "sizeGiB", w.data->sizeGiB);
        if (w.data->files)
            kvInt(out, "files", w.data->files);
        out << YAML::EndMap;
    }
    if (w.checkpointing)
        kvBool(out, "checkpointing", true);
    if (w.maxRunHours)
        kvInt(out, "maxRunHours", *w.maxRunHours);
    if (w.privileged)
        kvBool(out, "privileged", true);
    if (!w.capabilities.empty())
        stringList(out, "capabilities", w.capabilities);
    if (!w.hostPaths.empty()) {
        out << YAML::Key << "hostPaths" << YAML::Value << YAML::BeginSeq;
        for (const auto& h : w.hostPaths) {
            out << YAML::Flow << YAML::BeginMap;
            kv(out, "path", h.path);
            kvBool(out, "readOnly", h.readOnly);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    if (!w.hostPorts.empty()) {
        out << YAML::Key << "hostPorts" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (int p : w.hostPorts)
            out << p;
        out << YAML::EndSeq;
    }
    stringMap(out, "nodeSelector", w.nodeSelector);
    if (!w.tolerations.empty()) {
        out << YAML::Key << "tolerations" << YAML::Value << YAML::BeginSeq;
        for (const auto& t : w.tolerations) {
            out << YAML::Flow << YAML::BeginMap;
            kvIf(out, "key", t.key);
            if (t.op != TolerationOperator::Equal)
                kv(out, "operator", toString(t.op));
            kvIf(out, "value", t.value);
            if (t.effect)
                kv(out, "effect", toString(*t.effect));
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    stringMap(out, "labels", w.labels);
    out << YAML::EndMap;
}

} // namespace

std::string writePlanText(const Plan& plan)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    kv(out, "apiVersion", kPlanApiVersion);
    kv(out, "kind", kPlanKind);
    out << YAML::Key << "metadata" << YAML::Value << YAML::BeginMap;
    kv(out, "name", plan.name);
    if (!plan.description.empty())
        kv(out, "description", plan.description);
    out << YAML::EndMap;
    out << YAML::Key << "spec" << YAML::Value << YAML::BeginMap;
    if (plan.hoursPerMonth != kDefaultHoursPerMonth)
        kvInt(out, "hoursPerMonth", plan.hoursPerMonth);
    if (!plan.freeTierCredit)
        kvBool(out, "freeTierCredit", false);
    out << YAML::Key << "clusters" << YAML::Value;
    if (plan.clusters.empty())
        out << YAML::Flow;
    out << YAML::BeginSeq;
    for (const auto& c : plan.clusters)
        writeCluster(out, c);
    out << YAML::EndSeq;
    out << YAML::Key << "workloads" << YAML::Value;
    if (plan.workloads.empty())
        out << YAML::Flow;
    out << YAML::BeginSeq;
    for (const auto& w : plan.workloads)
        writeWorkload(out, w);
    out << YAML::EndSeq;
    out << YAML::EndMap;
    out << YAML::EndMap;
    std::string text = out.c_str();
    text += '\n';
    return text;
}

bool writeFileAtomically(const std::string& requestedPath, const std::string& bytes, std::string* error)
{
    // Write through a symbolic link to its target, so that the link stays a link.
    std::string path = requestedPath;
    if (char* resolved = ::realpath(requestedPath.c_str(), nullptr)) {
        path = resolved;
        std::free(resolved);
    }
    // Keep the permissions of the file being replaced; new files get 0644 minus the umask.
    mode_t mode = 0644;
    struct stat st {};
    const bool existed = ::stat(path.c_str(), &st) == 0;
    if (existed)
        mode = st.st_mode & 07777;

    const auto slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? std::string(".") : (slash == 0 ? std::string("/") : path.substr(0, slash));
    const std::string tmp = path + ".cw-tmp-" + std::to_string(::getpid());
    auto fail = [&](const std::string& what) {
        if (error)
            *error = what + ": " + std::strerror(errno);
        ::unlink(tmp.c_str());
        return false;
    };
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, existed ? mode : 0644);
    if (fd < 0) {
        if (error)
            *error = "cannot create the temporary file " + tmp + " to save " + path + ": " + std::strerror(errno);
        return false;
    }
    if (existed && ::fchmod(fd, mode) != 0) {
        ::close(fd);
        return fail("cannot set the permissions of " + tmp);
    }
    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            ::close(fd);
            return fail("cannot write " + tmp);
        }
        written += size_t(n);
    }
    if (::fsync(fd) != 0) {
        ::close(fd);
        return fail("cannot flush " + tmp);
    }
    if (::close(fd) != 0)
        return fail("cannot close " + tmp);
    if (::rename(tmp.c_str(), path.c_str()) != 0)
        return fail("cannot replace " + path);
    // Make the rename itself durable.
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return true;
}

bool writePlanFile(const Plan& plan, const std::string& path, std::string* error)
{
    return writeFileAtomically(path, writePlanText(plan), error);
}

} // namespace cw::io
