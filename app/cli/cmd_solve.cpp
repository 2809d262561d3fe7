// SPDX-License-Identifier: GPL-3.0-or-later
// clusterwright-cli solve PLAN [--cluster NAME] [--json]
#include "cli.h"
#include "i18n/translations.h"

#include "model/quantity.h"
#include "solve/solver.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>

namespace cw::cli {

namespace {

QString money(double v, int decimals = 2)
{
    return QStringLiteral("$") + QString::number(v, 'f', decimals);
}

QString percent(double fraction)
{
    return QString::number(fraction * 100.0, 'f', 1) + QStringLiteral(" %");
}

nlohmann::json resourcesJson(const solve::ResourceVector& r)
{
    nlohmann::json j = {
        {"cpu", model::formatCpuMilli(r.cpuMilli)},
        {"cpuMilli", r.cpuMilli},
        {"memory", model::formatBytes(r.memoryBytes)},
        {"memoryBytes", r.memoryBytes},
        {"ephemeralStorageBytes", r.ephemeralBytes},
        {"gpus", r.gpus},
        {"tpuChips", r.tpuChips},
        {"pods", r.pods},
    };
    nlohmann::json ext = nlohmann::json::object();
    for (const auto& [k, v] : r.extended)
        ext[k] = v;
    j["extended"] = ext;
    return j;
}

} // namespace

nlohmann::json clusterSolutionJson(const solve::ClusterSolution& cs)
{
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& g : cs.groups) {
        groups.push_back({
            {"pool", g.pool},
            {"machineType", g.machineType},
            {"capacityType", model::toString(g.capacity)},
            {"count", g.count},
            {"hourlyPricePerNode", g.hourlyPricePerNode},
            {"hourlyCost", g.hourlyPricePerNode * g.count},
            {"priceKnown", g.priceKnown},
            {"priceUnverified", g.priceUnverified},
            {"capacity", resourcesJson(g.capacityPerNode)},
            {"allocatable", resourcesJson(g.allocatablePerNode)},
            {"daemonSets", resourcesJson(g.daemonSetsPerNode)},
            {"gpuType", g.gpuType},
            {"migPartition", g.migPartition},
            {"tpuTopology", g.tpuTopology},
            {"hostsPerSlice", g.hostsPerSlice},
        });
    }
    nlohmann::json nodes = nlohmann::json::array();
    for (size_t i = 0; i < cs.nodes.size(); ++i) {
        const solve::Node& n = cs.nodes[i];
        const solve::NodeGroup& g = cs.groups[size_t(n.group)];
        nlohmann::json j = {
            {"index", i},
            {"pool", g.pool},
            {"machineType", g.machineType},
            {"indexInGroup", n.indexInGroup},
            {"pods", n.pods},
            {"used", resourcesJson(n.used)},
            {"forMinNodes", n.forMinNodes},
            {"hoursPerMonth", n.hoursPerMonth},
        };
        if (n.slice >= 0) {
            j["slice"] = n.slice;
            j["tpuWorkerId"] = n.tpuWorkerId;
        }
        nodes.push_back(std::move(j));
    }
    nlohmann::json placements = nlohmann::json::array();
    for (const auto& p : cs.placements) {
        const solve::NodeGroup& g = cs.groups[size_t(cs.nodes[size_t(p.node)].group)];
        placements.push_back({{"workload", p.workload}, {"replica", p.replica}, {"node", p.node},
                              {"pool", g.pool}, {"machineType", g.machineType}});
    }
    nlohmann::json unplaced = nlohmann::json::array();
    for (const auto& u : cs.unplaced)
        unplaced.push_back({{"workload", u.workload}, {"replica", u.replica}, {"reason", u.reason}, {"code", u.code}});
    return {
        {"name", cs.cluster},
        {"provider", model::toString(cs.provider)},
        {"mode", model::toString(cs.mode)},
        {"hourlyCost", cs.hourlyCost},
        {"monthlyCost", cs.monthlyCost},
        {"lowerBoundHourlyCost", cs.lowerBoundHourlyCost},
        {"gap", cs.gap},
        {"boundMethod", solve::toString(cs.boundMethod)},
        {"optimal", cs.optimal},
        {"priceKnown", cs.priceKnown},
        {"priceUnverified", cs.priceUnverified},
        {"placedPods", cs.placedPods},
        {"nodeCount", cs.nodes.size()},
        {"nodes", groups},
        {"nodeList", nodes},
        {"placements", placements},
        {"utilization", {{"cpu", cs.utilization.cpu}, {"memory", cs.utilization.memory},
                         {"gpu", cs.utilization.gpu}, {"tpu", cs.utilization.tpu}}},
        {"stranded", {{"fragmentation", cs.stranded.fragmentation}, {"systemOverhead", cs.stranded.systemOverhead},
                      {"minNodes", cs.stranded.minNodes}, {"pins", cs.stranded.pins}}},
        {"unplaced", unplaced},
    };
}

std::string clusterSolutionText(const solve::ClusterSolution& cs, const model::Cluster& cluster)
{
    QString s;
    const QString provider = cs.provider == model::Provider::Gke ? QStringLiteral("GKE") : QStringLiteral("EKS");
    if (cs.mode == model::ClusterMode::Autopilot) {
        s += Cli::tr("cluster %1 (GKE Autopilot, %2): %3/h, %4/month: Pods billed on their requests, GPU and TPU Pods per node (see 'compare')\n")
                 .arg(QString::fromStdString(cs.cluster), QString::fromStdString(cluster.location), money(cs.hourlyCost),
                      money(cs.monthlyCost));
        std::string last;
        for (const auto& u : cs.unplaced) {
            if (u.workload == last)
                continue;
            last = u.workload;
            const auto count = std::count_if(cs.unplaced.begin(), cs.unplaced.end(),
                                             [&](const solve::Unplaced& v) { return v.workload == u.workload; });
            s += Cli::tr("  unplaced %1: %2 replica(s): %3 [%4]\n")
                     .arg(QString::fromStdString(u.workload))
                     .arg(count)
                     .arg(QString::fromStdString(u.reason), QString::fromStdString(u.code));
        }
        return s.toStdString();
    }
    s += Cli::tr("cluster %1 (%2 %3, %4): %5/h, %6/month\n")
             .arg(QString::fromStdString(cs.cluster), provider, QString::fromLatin1(model::toString(cs.mode)),
                  QString::fromStdString(cluster.location), money(cs.hourlyCost), money(cs.monthlyCost));
    if (cs.boundMethod != solve::BoundMethod::None) {
        s += cs.optimal ? Cli::tr("  lower bound %1/h (%2): proven optimal\n")
                              .arg(money(cs.lowerBoundHourlyCost), QString::fromLatin1(solve::toString(cs.boundMethod)))
                        : Cli::tr("  lower bound %1/h (%2), gap %3\n")
                              .arg(money(cs.lowerBoundHourlyCost), QString::fromLatin1(solve::toString(cs.boundMethod)),
                                   percent(cs.gap));
    }
    if (!cs.groups.empty()) {
        s += QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8\n")
                 .arg(fit(Cli::tr("pool"), -16))
                 .arg(fit(Cli::tr("machine type"), -18))
                 .arg(fit(Cli::tr("nodes"), 5))
                 .arg(fit(Cli::tr("$/node-h"), 10))
                 .arg(fit(Cli::tr("$/h"), 10))
                 .arg(fit(Cli::tr("CPU"), 7))
                 .arg(fit(Cli::tr("memory"), 7))
                 .arg(fit(Cli::tr("accel."), 7));
        for (size_t g = 0; g < cs.groups.size(); ++g) {
            const solve::NodeGroup& group = cs.groups[g];
            double cpu = 0, mem = 0, acc = 0, accCap = 0;
            for (const auto& n : cs.nodes) {
                if (n.group != int(g))
                    continue;
                cpu += double(n.used.cpuMilli);
                mem += double(n.used.memoryBytes);
                acc += double(n.used.gpus + n.used.tpuChips);
                accCap += double(group.allocatablePerNode.gpus + group.allocatablePerNode.tpuChips);
            }
            const double cpuCap = double(group.allocatablePerNode.cpuMilli) * group.count;
            const double memCap = double(group.allocatablePerNode.memoryBytes) * group.count;
            auto pct = [](double used, double cap) {
                return cap > 0 ? QString::number(used / cap * 100.0, 'f', 0) + QStringLiteral("%") : QStringLiteral("-");
            };
            QString price = money(group.hourlyPricePerNode, 4);
            if (!group.priceKnown)
                price += QStringLiteral("?");
            else if (group.priceUnverified)
                price += QStringLiteral("*");
            s += QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8\n")
                     .arg(QString::fromStdString(group.pool), -16)
                     .arg(QString::fromStdString(group.machineType), -18)
                     .arg(group.count, 5)
                     .arg(price, 10)
                     .arg(money(group.hourlyPricePerNode * group.count), 10)
                     .arg(pct(cpu, cpuCap), 7)
                     .arg(pct(mem, memCap), 7)
                     .arg(pct(acc, accCap), 7);
        }
    }
    s += Cli::tr("  %1 nodes, %2 Pods placed; utilisation CPU %3, memory %4, GPU %5, TPU %6\n")
             .arg(cs.nodes.size())
             .arg(cs.placedPods)
             .arg(percent(cs.utilization.cpu), percent(cs.utilization.memory), percent(cs.utilization.gpu),
                  percent(cs.utilization.tpu));
    s += Cli::tr("  stranded per hour: fragmentation %1, system overhead %2, minNodes %3, pins %4\n")
             .arg(money(cs.stranded.fragmentation), money(cs.stranded.systemOverhead), money(cs.stranded.minNodes),
                  money(cs.stranded.pins));
    if (cs.priceUnverified || !cs.priceKnown)
        s += Cli::tr("  * unverified catalog price; ? no price in the catalog (counted as $0)\n");
    // Unplaced replicas, one line per workload.
    std::string last;
    for (size_t i = 0; i < cs.unplaced.size(); ++i) {
        const solve::Unplaced& u = cs.unplaced[i];
        if (u.workload == last)
            continue;
        last = u.workload;
        int count = 0;
        for (const auto& v : cs.unplaced)
            count += v.workload == u.workload ? 1 : 0;
        s += Cli::tr("  unplaced %1: %2 replica(s): %3 [%4]\n")
                 .arg(QString::fromStdString(u.workload))
                 .arg(count)
                 .arg(QString::fromStdString(u.reason), QString::fromStdString(u.code));
    }
    return s.toStdString();
}

int runSolve(const Args& args)
{
    if (args.positional.size() != 1)
        return usageError(Cli::tr("solve needs exactly one PLAN file"));
    auto cat = loadCatalog(args);
    if (!cat)
        return kUsage;
    const std::string& path = args.positional.front();
    diag::Diagnostics diags;
    auto plan = loadPlan(path, *cat, &diags, args.json);
    if (!plan) {
        if (args.json)
            printJson({{"file", path}, {"ok", false}, {"diagnostics", diagnosticsJson(diags)}});
        const bool ioError = isIoError(diags);
        return ioError ? kUsage : kPlanErrors;
    }
    solve::SolveOptions options;
    if (auto name = args.value("cluster")) {
        if (name->empty())
            return usageError(Cli::tr("--cluster needs a value"));
        if (!plan->cluster(*name)) {
            std::vector<std::string> names;
            for (const auto& c : plan->clusters)
                names.push_back(c.name);
            const std::string s = diag::closestMatch(*name, names);
            return usageError(s.empty() ? Cli::tr("the plan has no cluster '%1'").arg(QString::fromStdString(*name))
                                        : Cli::tr("the plan has no cluster '%1'; did you mean '%2'?")
                                              .arg(QString::fromStdString(*name), QString::fromStdString(s)));
        }
        options.cluster = *name;
    }
    const solve::Solution sol = solve::solve(*plan, *cat, options);
    diags.append(sol.diagnostics);
    int unplaced = 0;
    for (const auto& c : sol.clusters)
        unplaced += int(c.unplaced.size());

    if (args.json) {
        nlohmann::json clusters = nlohmann::json::array();
        for (const auto& c : sol.clusters)
            clusters.push_back(clusterSolutionJson(c));
        printJson({
            {"file", path},
            {"ok", unplaced == 0},
            {"plan", plan->name},
            {"hourlyCost", sol.hourlyCost},
            {"monthlyCost", sol.monthlyCost},
            {"solveMillis", sol.solveMillis},
            {"cancelled", sol.cancelled},
            {"unplacedPods", unplaced},
            {"clusters", clusters},
            {"diagnostics", diagnosticsJson(sol.diagnostics)},
        });
    } else {
        printDiagnostics(sol.diagnostics);
        std::string text = Cli::tr("Plan '%1': solved in %2 ms\n\n")
                               .arg(QString::fromStdString(plan->name))
                               .arg(sol.solveMillis)
                               .toStdString();
        for (const auto& cs : sol.clusters) {
            text += clusterSolutionText(cs, *plan->cluster(cs.cluster));
            text += "\n";
        }
        text += Cli::tr("Total (nodes only; fees are priced by the cost comparison): %1/h, %2/month at the workloads' hours. "
                   "Prices as of %3.\n")
                    .arg(money(sol.hourlyCost), money(sol.monthlyCost), i18n::priceDateText(cat->priceDate()))
                    .toStdString();
        out(text);
    }
    return unplaced > 0 ? kPlanErrors : kOk;
}

} // namespace cw::cli
