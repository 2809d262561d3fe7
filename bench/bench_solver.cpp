// SPDX-License-Identifier: GPL-3.0-or-later
// Solver benchmark, run by hand (never a test). Prints one table: instance, Pods, node types,
// solver cost, lower bound, gap, Karpenter-style baseline cost, solve time and peak RSS, then
// the time of incremental re-solves after one edit.
//
//   bench_solver [FILTER] [--sizes 100,1000,10000,100000] [--no-fork]
//
// Instances:
//   * the Alibaba GPU traces in ../shared/bench-data (read when present, skipped otherwise;
//     never copied into the project): every Pod of a file at once, priced with the embedded
//     GKE and EKS catalogs (GPU model mapping below);
//   * Kubernetes-shaped plans: deployments of 1-500 replicas, 50-500 shapes, node selectors,
//     a tainted pool, a Spot pool, an L4 pool, anti-affinity (maxPerNode) on some;
//   * synthetic vector-packing classes (after Caprara & Toth's two-dimensional classes) on a
//     flexible pool of 30 machine types.
//
// GPU model mapping of the Alibaba traces (gpu_spec lists the models a Pod accepts; the first
// one listed decides; an empty list means any model):
//   trace model          GKE                   EKS
//   (any), G1, G2        nvidia-l4 (g2)        nvidia-l4 (g6)
//   T4                   nvidia-l4 (g2)        nvidia-tesla-t4 (g4dn)
//   P100                 nvidia-l4 (g2)        nvidia-tesla-v100 (p3)
//   A10                  nvidia-l4 (g2)        nvidia-a10g (g5)
//   V100M16, V100M32     nvidia-tesla-a100 (a2) nvidia-tesla-v100 (p3)
//   G3                   nvidia-tesla-a100 (a2) nvidia-tesla-a100 (p4d)
// GKE offers T4, P100 and V100 only as N1 GPU options, so the nearest current model stands in.
// GPU-sharing Pods (gpu_milli < 1000) take one whole GPU: Kubernetes allocates whole devices.
// The DLRM trace (2025) has no GPU model: nvidia-l4 on both. Its max_instance_per_node becomes
// maxPerNode, disk_request ephemeral storage; rdma_request is not modelled.

#include "catalog/catalog.h"
#include "model/plan.h"
#include "model/quantity.h"
#include "solve/problem.h"
#include "solve/solver.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace cw;
using model::kGi;
using model::kMi;

namespace {

const catalog::Catalog& cat()
{
    return catalog::Catalog::embedded();
}

// ------------------------------------------------------------------ plan building helpers

model::Cluster makeCluster(model::Provider provider)
{
    model::Cluster c;
    c.name = provider == model::Provider::Gke ? "gke" : "eks";
    c.provider = provider;
    c.location = provider == model::Provider::Gke ? "us-central1" : "us-east-1";
    return c;
}

model::NodePool& addPool(model::Cluster& c, const std::string& name, std::vector<std::string> types)
{
    model::NodePool p;
    p.name = name;
    p.machineTypes = std::move(types);
    p.flexible = p.machineTypes.size() > 1;
    c.nodePools.push_back(std::move(p));
    return c.nodePools.back();
}

std::vector<std::string> typesWhere(model::Provider provider, const std::function<bool(const catalog::MachineType&)>& keep)
{
    std::vector<std::string> out;
    for (const auto& m : cat().priceBook(provider)->machineTypes) {
        if (keep(m))
            out.push_back(m.name);
    }
    return out;
}

bool isCpu(const catalog::MachineType& m)
{
    return !m.gpu && !m.tpu && !m.neuron;
}

bool family(const catalog::MachineType& m, std::initializer_list<const char*> families)
{
    for (const char* f : families) {
        if (m.family == f)
            return true;
    }
    return false;
}

model::Workload workload(const std::string& name, const std::string& cluster, int replicas, int64_t cpu, int64_t memory)
{
    model::Workload w;
    w.name = name;
    w.cluster = cluster;
    w.replicas = replicas;
    w.resources.cpuMilli = cpu;
    w.resources.memoryBytes = memory;
    return w;
}

int nodeTypes(const model::Plan& plan)
{
    int n = 0;
    for (const auto& c : plan.clusters) {
        for (const auto& p : c.nodePools)
            n += int(p.machineTypes.size());
    }
    return n;
}

int podCount(const model::Plan& plan)
{
    int n = 0;
    for (const auto& w : plan.workloads)
        n += w.replicas;
    return n;
}

// ------------------------------------------------------------------ Alibaba traces

// The traces live beside the project, never in it: $CW_BENCH_DATA, or ../shared/bench-data
// relative to the source tree or to its parent (worktrees).
std::string findData(const std::string& relative)
{
    std::vector<std::string> bases;
    if (const char* env = std::getenv("CW_BENCH_DATA"))
        bases.emplace_back(env);
    bases.emplace_back(CW_SOURCE_DIR "/../shared/bench-data");
    bases.emplace_back(CW_SOURCE_DIR "/../../shared/bench-data");
    for (const std::string& base : bases) {
        std::ifstream f(base + "/" + relative);
        if (f)
            return base + "/" + relative;
    }
    return {};
}

std::vector<std::map<std::string, std::string>> readCsv(const std::string& path)
{
    std::vector<std::map<std::string, std::string>> rows;
    std::ifstream in(path);
    std::string line;
    std::vector<std::string> header;
    auto split = [](const std::string& s) {
        std::vector<std::string> out;
        std::string cur;
        for (char ch : s) {
            if (ch == ',') {
                out.push_back(cur);
                cur.clear();
            } else if (ch != '\r') {
                cur += ch;
            }
        }
        out.push_back(cur);
        return out;
    };
    if (!std::getline(in, line))
        return rows;
    header = split(line);
    while (std::getline(in, line)) {
        const auto cells = split(line);
        std::map<std::string, std::string> row;
        for (size_t i = 0; i < header.size() && i < cells.size(); ++i)
            row[header[i]] = cells[i];
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string gpuModel(const std::string& spec, model::Provider provider)
{
    std::string first = spec.substr(0, spec.find('|'));
    const bool gke = provider == model::Provider::Gke;
    if (first == "V100M16" || first == "V100M32")
        return gke ? "nvidia-tesla-a100" : "nvidia-tesla-v100";
    if (first == "G3")
        return "nvidia-tesla-a100";
    if (gke)
        return "nvidia-l4";
    if (first == "T4")
        return "nvidia-tesla-t4";
    if (first == "P100")
        return "nvidia-tesla-v100";
    if (first == "A10")
        return "nvidia-a10g";
    return "nvidia-l4";
}

// The pools a trace runs on: every CPU machine type of the provider in one flexible pool and
// one flexible pool per GPU model.
model::Cluster traceCluster(model::Provider provider)
{
    model::Cluster c = makeCluster(provider);
    // The DLRM trace asks for up to ~1 TB of local disk per instance: 2 TiB boot disks.
    struct DiskSize {
        model::Cluster& c;
        ~DiskSize()
        {
            for (auto& p : c.nodePools)
                p.diskSizeGiB = 2048;
        }
    } disks{c};
    if (provider == model::Provider::Gke) {
        addPool(c, "cpu", typesWhere(provider, isCpu));
        addPool(c, "l4", typesWhere(provider, [](const auto& m) { return m.gpu && m.gpu->type == "nvidia-l4"; }));
        addPool(c, "a100", typesWhere(provider, [](const auto& m) { return m.gpu && m.gpu->type == "nvidia-tesla-a100"; }));
    } else {
        addPool(c, "cpu", typesWhere(provider, isCpu));
        for (const auto& [name, type] : std::vector<std::pair<std::string, std::string>>{
                 {"t4", "nvidia-tesla-t4"}, {"a10g", "nvidia-a10g"}, {"l4", "nvidia-l4"},
                 {"v100", "nvidia-tesla-v100"}, {"a100", "nvidia-tesla-a100"}}) {
            model::NodePool& p = addPool(c, name, typesWhere(provider, [&](const auto& m) { return m.gpu && m.gpu->type == type; }));
            p.taints = {{"nvidia.com/gpu", "true", model::TaintEffect::NoSchedule}};
        }
    }
    return c;
}

void addGpuToleration(model::Workload& w, model::Provider provider)
{
    if (provider == model::Provider::Eks)
        w.tolerations = {{"nvidia.com/gpu", model::TolerationOperator::Exists, "", model::TaintEffect::NoSchedule}};
}

std::optional<model::Plan> alibaba2023(const std::string& file, model::Provider provider)
{
    const std::string path = findData("alibaba-gpu-v2023/" + file);
    if (path.empty())
        return std::nullopt;
    model::Plan plan;
    plan.name = file;
    plan.clusters.push_back(traceCluster(provider));
    const std::string cluster = plan.clusters.front().name;
    std::map<std::tuple<int64_t, int64_t, int, std::string>, int> shapes;
    for (const auto& row : readCsv(path)) {
        const int64_t cpu = std::stoll(row.at("cpu_milli"));
        const int64_t mem = std::stoll(row.at("memory_mib")) * kMi;
        const int gpus = std::stoi(row.at("num_gpu"));
        const auto spec = row.find("gpu_spec");
        const std::string model = gpus > 0 ? gpuModel(spec == row.end() ? std::string() : spec->second, provider) : std::string();
        ++shapes[{cpu, mem, gpus, model}];
    }
    int i = 0;
    for (const auto& [key, count] : shapes) {
        const auto& [cpu, mem, gpus, model] = key;
        model::Workload w = workload("s" + std::to_string(i++), cluster, count, std::max<int64_t>(cpu, 1), std::max<int64_t>(mem, kMi));
        if (gpus > 0) {
            w.resources.gpu = model::GpuRequest{model, gpus, ""};
            addGpuToleration(w, provider);
        }
        plan.workloads.push_back(std::move(w));
    }
    return plan;
}

std::optional<model::Plan> alibabaDlrm(model::Provider provider)
{
    const std::string path = findData("alibaba-gpu-v2025/disaggregated_DLRM_trace.csv");
    if (path.empty())
        return std::nullopt;
    model::Plan plan;
    plan.name = "dlrm-2025";
    plan.clusters.push_back(traceCluster(provider));
    const std::string cluster = plan.clusters.front().name;
    std::map<std::tuple<std::string, int64_t, int64_t, int64_t, int, int>, int> shapes;
    for (const auto& row : readCsv(path)) {
        const int64_t cpu = std::llround(std::stod(row.at("cpu_request")) * 1000);
        const int64_t mem = std::llround(std::stod(row.at("memory_request")) * double(kGi));
        const int64_t disk = std::llround(std::stod(row.at("disk_request")) * double(kGi));
        const int gpus = int(std::stod(row.at("gpu_request")));
        const int maxPer = std::stoi(row.at("max_instance_per_node"));
        ++shapes[{row.at("app_name"), cpu, mem, disk, gpus, maxPer}];
    }
    int i = 0;
    for (const auto& [key, count] : shapes) {
        const auto& [app, cpu, mem, disk, gpus, maxPer] = key;
        model::Workload w = workload(app + "-" + std::to_string(i++), cluster, count, std::max<int64_t>(cpu, 1), std::max<int64_t>(mem, kMi));
        w.resources.ephemeralStorageBytes = disk;
        w.maxPerNode = maxPer > 0 ? maxPer : 0;
        if (gpus > 0) {
            w.resources.gpu = model::GpuRequest{"nvidia-l4", gpus, ""};
            addGpuToleration(w, provider);
        }
        plan.workloads.push_back(std::move(w));
    }
    return plan;
}

// ------------------------------------------------------------------ generators

// Replica counts of `shapes` deployments adding up to `pods`, each 1..500, heavy-tailed.
std::vector<int> replicaCounts(std::mt19937& rng, int pods, int shapes)
{
    std::lognormal_distribution<double> weight(0.0, 1.2);
    std::vector<double> w(static_cast<size_t>(shapes));
    double total = 0;
    for (auto& x : w) {
        x = weight(rng);
        total += x;
    }
    std::vector<int> r(static_cast<size_t>(shapes));
    int sum = 0;
    for (size_t i = 0; i < w.size(); ++i) {
        r[i] = std::clamp(int(std::lround(w[i] / total * pods)), 1, 500);
        sum += r[i];
    }
    // Adjust to the exact total, staying within 1..500.
    for (size_t i = 0; sum != pods; i = (i + 1) % r.size()) {
        if (sum < pods && r[i] < 500) {
            ++r[i];
            ++sum;
        } else if (sum > pods && r[i] > 1) {
            --r[i];
            --sum;
        }
    }
    return r;
}

model::Plan kubernetesPlan(int pods, unsigned seed)
{
    std::mt19937 rng(seed);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
    model::Plan plan;
    plan.name = "k8s-" + std::to_string(pods);
    model::Cluster c = makeCluster(model::Provider::Gke);
    const auto gke = model::Provider::Gke;
    model::NodePool& general = addPool(c, "general", typesWhere(gke, [](const auto& m) {
        return isCpu(m) && family(m, {"n2", "e2", "c3", "c2"});
    }));
    general.labels = {{"tier", "general"}};
    general.minNodes = 2;
    model::NodePool& batch = addPool(c, "batch", typesWhere(gke, [](const auto& m) { return isCpu(m) && family(m, {"n1"}); }));
    batch.labels = {{"tier", "batch"}};
    batch.taints = {{"dedicated", "batch", model::TaintEffect::NoSchedule}};
    model::NodePool& spot = addPool(c, "spot", {"n2-standard-4", "n2-standard-8", "n2-standard-16", "n2-standard-32", "n2-standard-64"});
    spot.capacity = model::Capacity::Spot;
    addPool(c, "l4", typesWhere(gke, [](const auto& m) { return m.gpu && m.gpu->type == "nvidia-l4"; }));
    plan.clusters.push_back(c);

    const int shapes = std::clamp(pods / 10, 50, 500);
    const std::vector<int> replicas = replicaCounts(rng, pods, shapes);
    const int64_t cpus[] = {100, 250, 250, 500, 500, 500, 750, 1000, 1000, 1500, 2000, 2000, 3000, 4000, 6000, 8000, 12000, 16000};
    const int ratios[] = {1, 2, 2, 4, 4, 4, 6, 8};
    for (int i = 0; i < shapes; ++i) {
        const int64_t cpu = cpus[pick(0, int(std::size(cpus)) - 1)];
        const int64_t mem = std::max<int64_t>(128 * kMi, cpu * ratios[pick(0, int(std::size(ratios)) - 1)] * kGi / 1000 + 64 * kMi * pick(0, 8));
        model::Workload w = workload("d" + std::to_string(i), c.name, replicas[size_t(i)], cpu, mem);
        if (chance(0.3))
            w.resources.ephemeralStorageBytes = kGi * pick(1, 10);
        if (chance(0.06)) {
            w.resources.gpu = model::GpuRequest{"nvidia-l4", chance(0.8) ? 1 : 2, ""};
            w.resources.cpuMilli = 1000 * pick(2, 10);
            w.resources.memoryBytes = kGi * pick(8, 40);
        } else if (chance(0.15)) {
            w.nodeSelector = {{"tier", "general"}};
        } else if (chance(0.12)) {
            w.tolerations = {{"dedicated", model::TolerationOperator::Equal, "batch", model::TaintEffect::NoSchedule}};
            if (chance(0.5))
                w.nodeSelector = {{"tier", "batch"}};
        }
        if (chance(0.2))
            w.maxPerNode = pick(1, 3);
        if (chance(0.15))
            w.spot = true;
        if (chance(0.03) && w.replicas <= 64)
            w.gang = true;
        plan.workloads.push_back(std::move(w));
    }
    return plan;
}

// Vector-packing classes: requests as fractions of an n2-standard-16's allocatable, on a grid
// of 21 values per dimension (at most 441 shapes).
model::Plan vectorPlan(const std::string& cls, int pods, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    model::Plan plan;
    plan.name = cls + "-" + std::to_string(pods);
    model::Cluster c = makeCluster(model::Provider::Gke);
    std::vector<std::string> types = typesWhere(model::Provider::Gke, [](const auto& m) {
        return isCpu(m) && family(m, {"n2", "e2"});
    });
    types.push_back("c3-standard-8");
    types.push_back("c3-standard-22");
    addPool(c, "pool", types);
    plan.clusters.push_back(c);
    const catalog::MachineType* ref = cat().machineType(model::Provider::Gke, "n2-standard-16");
    const solve::ResourceVector a = solve::allocatable(cat(), c, c.nodePools.front(), *ref);
    auto grid = [](double lo, double hi, double x) { return lo + std::round((x - lo) / (hi - lo) * 20) / 20 * (hi - lo); };
    std::map<std::pair<int64_t, int64_t>, int> shapes;
    for (int i = 0; i < pods; ++i) {
        double x = 0, y = 0, lo = 0, hi = 1;
        if (cls == "vp-small") {
            lo = 0.02, hi = 0.15;
            x = lo + u(rng) * (hi - lo), y = lo + u(rng) * (hi - lo);
        } else if (cls == "vp-medium") {
            lo = 0.1, hi = 0.4;
            x = lo + u(rng) * (hi - lo), y = lo + u(rng) * (hi - lo);
        } else if (cls == "vp-large") {
            lo = 0.25, hi = 0.6;
            x = lo + u(rng) * (hi - lo), y = lo + u(rng) * (hi - lo);
        } else if (cls == "vp-correlated") {
            lo = 0.02, hi = 0.45;
            x = 0.05 + u(rng) * 0.35, y = std::clamp(x + (u(rng) - 0.5) * 0.1, lo, hi);
        } else { // vp-anticorrelated
            lo = 0.02, hi = 0.5;
            x = 0.05 + u(rng) * 0.4, y = std::clamp(0.5 - x + (u(rng) - 0.5) * 0.1, lo, hi);
        }
        x = grid(lo, hi, x);
        y = grid(lo, hi, y);
        const int64_t cpu = std::max<int64_t>(1, int64_t(x * double(a.cpuMilli)));
        const int64_t mem = std::max<int64_t>(kMi, int64_t(y * double(a.memoryBytes)) / kMi * kMi);
        ++shapes[{cpu, mem}];
    }
    int i = 0;
    for (const auto& [key, count] : shapes)
        plan.workloads.push_back(workload("v" + std::to_string(i++), c.name, count, key.first, key.second));
    return plan;
}

// ------------------------------------------------------------------ Karpenter-style baseline

// Pods sorted by CPU then memory, descending; each goes into the first open node it fits (in
// opening order), otherwise onto a new node of the cheapest type that fits it. Same node
// allocatable, eligibility and pool limits as the solver.
struct BaselineResult {
    double cost = 0;
    int nodes = 0;
    int unplaced = 0;
};

BaselineResult karpenterBaseline(const model::Plan& plan)
{
    BaselineResult out;
    for (const auto& cluster : plan.clusters) {
        const solve::detail::Problem p = solve::detail::buildProblem(plan, cat(), cluster);
        struct OpenNode {
            int type;
            std::vector<int64_t> used;
            std::map<int, int> count;
        };
        std::vector<OpenNode> nodes;
        std::vector<int> poolNodes(p.pools.size(), 0);
        std::vector<int> order(p.shapes.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = int(i);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            const auto& da = p.shapes[size_t(a)].demand;
            const auto& db = p.shapes[size_t(b)].demand;
            if (da[0] != db[0])
                return da[0] > db[0];
            return da[1] > db[1];
        });
        auto fits = [&](const OpenNode& n, int s) {
            const auto& shape = p.shapes[size_t(s)];
            if (!p.isEligible(s, n.type))
                return 0;
            int64_t k = shape.maxPerNode;
            auto it = n.count.find(s);
            if (it != n.count.end())
                k -= it->second;
            const int64_t* cap = p.cap(n.type);
            for (int d = 0; d < p.dims; ++d) {
                if (shape.demand[size_t(d)] > 0)
                    k = std::min<int64_t>(k, (cap[d] - n.used[size_t(d)]) / shape.demand[size_t(d)]);
            }
            return int(std::max<int64_t>(0, k));
        };
        auto place = [&](OpenNode& n, int s, int k) {
            for (int d = 0; d < p.dims; ++d)
                n.used[size_t(d)] += p.shapes[size_t(s)].demand[size_t(d)] * k;
            n.count[s] += k;
        };
        for (int s : order) {
            int left = p.shapes[size_t(s)].replicas;
            // Identical Pods in a row: first fit fills each open node in order, one Pod at a time.
            for (auto& n : nodes) {
                if (left == 0)
                    break;
                const int k = std::min(left, fits(n, s));
                place(n, s, k);
                left -= k;
            }
            std::vector<int> types = p.shapes[size_t(s)].eligible;
            std::stable_sort(types.begin(), types.end(), [&](int a, int b) { return p.types[size_t(a)].price < p.types[size_t(b)].price; });
            while (left > 0) {
                int chosen = -1;
                for (int t : types) {
                    const int pool = p.types[size_t(t)].pool;
                    if (p.pools[size_t(pool)].maxNodes != solve::detail::kNoLimit && poolNodes[size_t(pool)] >= p.pools[size_t(pool)].maxNodes)
                        continue;
                    OpenNode probe{t, std::vector<int64_t>(size_t(p.dims), 0), {}};
                    if (fits(probe, s) > 0) {
                        chosen = t;
                        break;
                    }
                }
                if (chosen < 0)
                    break;
                nodes.push_back(OpenNode{chosen, std::vector<int64_t>(size_t(p.dims), 0), {}});
                ++poolNodes[size_t(p.types[size_t(chosen)].pool)];
                const int k = std::min(left, fits(nodes.back(), s));
                place(nodes.back(), s, k);
                left -= k;
            }
            out.unplaced += left;
        }
        for (const auto& n : nodes)
            out.cost += p.types[size_t(n.type)].price;
        out.nodes += int(nodes.size());
        // Empty nodes for minNodes, cheapest type.
        for (size_t i = 0; i < p.pools.size(); ++i) {
            if (p.pools[i].types.empty())
                continue;
            double cheapest = 1e300;
            for (int t : p.pools[i].types)
                cheapest = std::min(cheapest, p.types[size_t(t)].price);
            for (int k = poolNodes[i]; k < p.pools[i].minNodes; ++k) {
                out.cost += cheapest;
                ++out.nodes;
            }
        }
    }
    return out;
}

// ------------------------------------------------------------------ running

// CPU time of this process: the machine the benchmark runs on may be shared, and wall-clock
// time then measures the neighbours too.
double cpuMillis()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

struct Row {
    std::string name;
    int pods = 0;
    int types = 0;
    double cost = 0;
    double bound = 0;
    double gap = 0;
    std::string method;
    bool optimal = false;
    double baseline = 0;
    int unplaced = 0;
    int baselineUnplaced = 0;
    double millis = 0;
    double cpuMillis = 0;
    long rssKb = 0;
    int nodes = 0;
};

Row runInstance(const std::string& name, const std::function<std::optional<model::Plan>()>& make)
{
    Row row;
    row.name = name;
    std::optional<model::Plan> plan = make();
    if (!plan) {
        row.pods = -1;
        return row;
    }
    row.pods = podCount(*plan);
    row.types = nodeTypes(*plan);
    const BaselineResult base = karpenterBaseline(*plan);
    row.baseline = base.cost;
    row.baselineUnplaced = base.unplaced;
    solve::SolveOptions options;
    if (const char* e = std::getenv("CW_SOLVER_EFFORT"))
        options.effort = std::atoi(e);
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = cpuMillis();
    const solve::Solution sol = solve::solve(*plan, cat(), options);
    row.millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    row.cpuMillis = cpuMillis() - cpuStart;
    for (const auto& cs : sol.clusters) {
        row.cost += cs.hourlyCost;
        row.bound += cs.lowerBoundHourlyCost;
        row.unplaced += int(cs.unplaced.size());
        row.nodes += int(cs.nodes.size());
        row.method = solve::toString(cs.boundMethod);
        row.optimal = cs.optimal;
    }
    row.gap = row.bound > 0 ? (row.cost - row.bound) / row.bound : 0;
    struct rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    row.rssKb = ru.ru_maxrss;
    return row;
}

// Runs an instance in a child process so that its peak RSS is its own.
Row runForked(const std::string& name, const std::function<std::optional<model::Plan>()>& make, bool fork_)
{
    if (!fork_)
        return runInstance(name, make);
    int fds[2];
    if (pipe(fds) != 0)
        return runInstance(name, make);
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        const Row r = runInstance(name, make);
        char buf[512];
        const int n = std::snprintf(buf, sizeof buf, "%d %d %.17g %.17g %.17g %s %d %.17g %d %d %.17g %.17g %ld %d\n", r.pods, r.types,
                                    r.cost, r.bound, r.gap, r.method.empty() ? "-" : r.method.c_str(), r.optimal ? 1 : 0,
                                    r.baseline, r.unplaced, r.baselineUnplaced, r.millis, r.cpuMillis, r.rssKb, r.nodes);
        if (write(fds[1], buf, size_t(n)) != n)
            _exit(1);
        _exit(0);
    }
    close(fds[1]);
    std::string text;
    char buf[512];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0)
        text.append(buf, size_t(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    Row r;
    r.name = name;
    std::istringstream in(text);
    int optimal = 0;
    in >> r.pods >> r.types >> r.cost >> r.bound >> r.gap >> r.method >> optimal >> r.baseline >> r.unplaced
       >> r.baselineUnplaced >> r.millis >> r.cpuMillis >> r.rssKb >> r.nodes;
    r.optimal = optimal != 0;
    if (!in)
        r.pods = -2;
    return r;
}

void printRow(const Row& r)
{
    if (r.pods == -1) {
        std::printf("| %-27s | (data not present: skipped) ||||||||||||\n", r.name.c_str());
        return;
    }
    if (r.pods < 0) {
        std::printf("| %-27s | (failed) ||||||||||||\n", r.name.c_str());
        return;
    }
    const double vsBase = r.baseline > 0 ? (r.cost / r.baseline - 1) * 100 : 0;
    std::printf("| %-27s | %7d | %5d | %11.2f | %11.2f | %6.2f %%%s | %11.2f | %+6.1f %% | %6d | %5d/%-5d | %8.0f | %8.0f | %7.1f |\n",
                r.name.c_str(), r.pods, r.types, r.cost, r.bound, r.gap * 100, r.optimal ? "*" : " ", r.baseline, vsBase, r.nodes,
                r.unplaced, r.baselineUnplaced, r.cpuMillis, r.millis, double(r.rssKb) / 1024.0);
    std::fflush(stdout);
}

// Times incremental re-solves after single edits.
void incremental(int pods, unsigned seed)
{
    model::Plan plan = kubernetesPlan(pods, seed);
    const solve::Solution first = solve::solve(plan, cat());
    std::mt19937 rng(seed + 7);
    std::vector<double> times, timesNoBound;
    std::vector<int> moved;
    solve::Solution previous = first;
    for (int edit = 0; edit < 12; ++edit) {
        model::Workload& w = plan.workloads[size_t(std::uniform_int_distribution<int>(0, int(plan.workloads.size()) - 1)(rng))];
        switch (edit % 3) {
        case 0: // move: pin to another pool the workload may use
            w.pool = w.nodeSelector.empty() && !w.resources.gpu ? (w.pool == "general" ? "spot" : "general") : w.pool;
            if (w.pool == "spot")
                w.spot = true;
            break;
        case 1: // scale
            w.replicas += 1;
            break;
        case 2: // resize
            w.resources.cpuMilli = w.resources.cpuMilli * 3 / 2;
            break;
        }
        solve::SolveOptions quick;
        quick.previous = &previous;
        quick.lowerBound = false;
        double t0 = cpuMillis();
        const solve::Solution q = solve::solve(plan, cat(), quick);
        timesNoBound.push_back(cpuMillis() - t0);
        solve::SolveOptions options;
        options.previous = &previous;
        t0 = cpuMillis();
        solve::Solution next = solve::solve(plan, cat(), options);
        times.push_back(cpuMillis() - t0);
        // Placements of other workloads that changed pool, machine type or node.
        std::map<std::pair<std::string, int>, std::pair<std::string, int>> before, after;
        auto index = [](const solve::ClusterSolution& cs, auto& m) {
            for (const auto& p : cs.placements) {
                const auto& n = cs.nodes[size_t(p.node)];
                m[{p.workload, p.replica}] = {cs.groups[size_t(n.group)].pool + "/" + cs.groups[size_t(n.group)].machineType, n.indexInGroup};
            }
        };
        index(previous.clusters.front(), before);
        index(next.clusters.front(), after);
        int changed = 0;
        for (const auto& [k, v] : before) {
            if (k.first == w.name)
                continue;
            auto it = after.find(k);
            if (it == after.end() || it->second.first != v.first)
                ++changed;
        }
        moved.push_back(changed);
        previous = std::move(next);
    }
    auto stat = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return std::make_pair(v[v.size() / 2], v.back());
    };
    const auto [med, mx] = stat(times);
    const auto [medQ, mxQ] = stat(timesNoBound);
    int movedMax = *std::max_element(moved.begin(), moved.end());
    std::printf("| k8s-%-6d | %2zu edits | %8.2f | %8.2f | %8.2f | %8.2f | %d |\n", pods, times.size(), medQ, mxQ, med, mx, movedMax);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    std::string filter;
    std::vector<int> sizes{100, 1000, 10000, 100000};
    bool fork_ = true;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--sizes" && i + 1 < argc) {
            sizes.clear();
            std::stringstream ss(argv[++i]);
            std::string item;
            while (std::getline(ss, item, ','))
                sizes.push_back(std::stoi(item));
        } else if (a == "--no-fork") {
            fork_ = false;
        } else {
            filter = a;
        }
    }
    std::vector<std::pair<std::string, std::function<std::optional<model::Plan>()>>> instances;
    for (auto provider : {model::Provider::Gke, model::Provider::Eks}) {
        const std::string p = provider == model::Provider::Gke ? "gke" : "eks";
        instances.emplace_back("alibaba-2023-default-" + p, [=] { return alibaba2023("openb_pod_list_default.csv", provider); });
        instances.emplace_back("alibaba-2023-gpuspec33-" + p, [=] { return alibaba2023("openb_pod_list_gpuspec33.csv", provider); });
        instances.emplace_back("alibaba-2023-multigpu50-" + p, [=] { return alibaba2023("openb_pod_list_multigpu50.csv", provider); });
        instances.emplace_back("alibaba-2025-dlrm-" + p, [=] { return alibabaDlrm(provider); });
    }
    for (int n : sizes)
        instances.emplace_back("k8s-" + std::to_string(n), [=] { return std::optional<model::Plan>(kubernetesPlan(n, 42u + unsigned(n))); });
    for (const char* cls : {"vp-small", "vp-medium", "vp-large", "vp-correlated", "vp-anticorrelated"}) {
        for (int n : sizes)
            instances.emplace_back(std::string(cls) + "-" + std::to_string(n),
                                   [=] { return std::optional<model::Plan>(vectorPlan(cls, n, 7u + unsigned(n))); });
    }

    std::printf("| instance                    |    pods | types |   cost $/h  |  bound $/h  | gap      | baseline $/h| vs base  |  nodes | unplaced    |  CPU ms  | wall ms  | RSS MiB |\n");
    std::printf("|-----------------------------|--------:|------:|------------:|------------:|---------:|------------:|---------:|-------:|------------:|---------:|---------:|--------:|\n");
    for (const auto& [name, make] : instances) {
        if (!filter.empty() && name.find(filter) == std::string::npos)
            continue;
        printRow(runForked(name, make, fork_));
    }
    std::printf("\n(* proven optimal; unplaced: solver/baseline)\n\n");

    if (filter.empty() || filter == "incremental") {
        std::printf("Incremental re-solve after one edit (move, scale or resize one workload), CPU ms:\n\n");
        std::printf("| instance   | edits     | no bound median | max | with bound median | max | other placements moved (max) |\n");
        std::printf("|------------|-----------|--------:|--------:|--------:|--------:|---:|\n");
        for (int n : {1000, 10000}) {
            if (std::find(sizes.begin(), sizes.end(), n) != sizes.end())
                incremental(n, 42u + unsigned(n));
        }
    }
    return 0;
}
