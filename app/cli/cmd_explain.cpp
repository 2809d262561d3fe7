// SPDX-License-Identifier: GPL-3.0-or-later
// clusterwright-cli explain PLAN WORKLOAD [--json]
#include "cli.h"

#include "solve/explain.h"
#include "solve/solver.h"

namespace cw::cli {

int runExplain(const Args& args)
{
    if (args.positional.size() != 2)
        return usageError(Cli::tr("explain needs a PLAN file and a WORKLOAD name"));
    auto cat = loadCatalog(args);
    if (!cat)
        return kUsage;
    const std::string& path = args.positional[0];
    const std::string& name = args.positional[1];
    diag::Diagnostics diags;
    auto plan = loadPlan(path, *cat, &diags, args.json);
    if (!plan) {
        if (args.json)
            printJson({{"file", path}, {"ok", false}, {"diagnostics", diagnosticsJson(diags)}});
        const bool ioError = isIoError(diags);
        return ioError ? kUsage : kPlanErrors;
    }
    const model::Workload* w = plan->workload(name);
    if (!w) {
        std::vector<std::string> names;
        for (const auto& other : plan->workloads)
            names.push_back(other.name);
        const std::string s = diag::closestMatch(name, names);
        return usageError(s.empty() ? Cli::tr("the plan has no workload '%1'").arg(QString::fromStdString(name))
                                    : Cli::tr("the plan has no workload '%1'; did you mean '%2'?")
                                          .arg(QString::fromStdString(name), QString::fromStdString(s)));
    }
    solve::SolveOptions options;
    options.cluster = w->cluster;
    const solve::Solution sol = solve::solve(*plan, *cat, options);
    const solve::Explanation e = solve::explain(*plan, *cat, name, sol);
    const bool complete = e.placedReplicas == e.replicas;

    if (args.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& o : e.options) {
            nlohmann::json checks = nlohmann::json::array();
            for (const auto& c : o.checks)
                checks.push_back({{"constraint", c.constraint}, {"ok", c.ok}, {"detail", c.detail}, {"code", c.code}});
            nlohmann::json j = {
                {"pool", o.pool},
                {"machineType", o.machineType},
                {"capacityType", model::toString(o.capacity)},
                {"fits", o.fits},
                {"chosen", o.chosen},
                {"placedReplicas", o.placedReplicas},
                {"hourlyPricePerNode", o.pricePerNode},
                {"priceKnown", o.priceKnown},
                {"podsPerNode", o.podsPerNode},
                {"hourlyPricePerReplica", o.pricePerReplica},
                {"checks", checks},
            };
            if (!o.fits) {
                j["failedConstraint"] = o.failedConstraint;
                j["reason"] = o.reason;
                j["code"] = o.code;
            }
            list.push_back(std::move(j));
        }
        printJson({
            {"file", path},
            {"ok", complete},
            {"workload", e.workload},
            {"cluster", e.cluster},
            {"replicas", e.replicas},
            {"placedReplicas", e.placedReplicas},
            {"pinnedPool", e.pin},
            {"why", e.why},
            {"whyCode", e.whyCode},
            {"options", list},
        });
        return complete ? kOk : kPlanErrors;
    }

    QString s = Cli::tr("Workload %1 (cluster %2): %3 of %4 replicas placed\n")
                    .arg(QString::fromStdString(e.workload), QString::fromStdString(e.cluster))
                    .arg(e.placedReplicas)
                    .arg(e.replicas);
    if (!e.why.empty())
        s += Cli::tr("Why: %1\n").arg(QString::fromStdString(e.why));
    if (!e.options.empty()) {
        s += QStringLiteral("\n  %1 %2 %3 %4 %5 %6  %7\n")
                 .arg(QString(), 2)
                 .arg(fit(Cli::tr("pool"), -16))
                 .arg(fit(Cli::tr("machine type"), -18))
                 .arg(fit(Cli::tr("$/node-h"), 10))
                 .arg(fit(Cli::tr("per node"), 8))
                 .arg(fit(Cli::tr("$/replica-h"), 11))
                 .arg(Cli::tr("fit"));
        for (const auto& o : e.options) {
            const QString mark = o.chosen ? QStringLiteral("->") : QString();
            const QString fit = o.fits ? (o.chosen ? Cli::tr("chosen: %1 replica(s) here").arg(o.placedReplicas) : Cli::tr("fits"))
                                       : Cli::tr("no: %1: %2").arg(QString::fromStdString(o.failedConstraint),
                                                              QString::fromStdString(o.reason));
            s += QStringLiteral("  %1 %2 %3 %4 %5 %6  %7\n")
                     .arg(mark, 2)
                     .arg(QString::fromStdString(o.pool), -16)
                     .arg(QString::fromStdString(o.machineType), -18)
                     .arg(QStringLiteral("$") + QString::number(o.pricePerNode, 'f', 4), 10)
                     .arg(o.podsPerNode, 8)
                     .arg(o.podsPerNode > 0 ? QStringLiteral("$") + QString::number(o.pricePerReplica, 'f', 4) : QStringLiteral("-"), 11)
                     .arg(fit);
        }
    }
    out(s.toStdString());
    return complete ? kOk : kPlanErrors;
}

} // namespace cw::cli
