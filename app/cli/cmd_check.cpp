// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

namespace cw::cli {

int runCheck(const Args& args)
{
    if (!args.onlyOptions({}))
        return kUsage;
    if (args.positional.size() != 1)
        return usageError(Cli::tr("check needs exactly one PLAN file"));
    auto cat = loadCatalog(args);
    if (!cat)
        return kUsage;
    const std::string& path = args.positional.front();
    diag::Diagnostics diags;
    auto plan = loadPlan(path, *cat, &diags, args.json);
    const bool ioError = isIoError(diags);
    if (args.json) {
        nlohmann::json j = {
            {"file", path},
            {"ok", plan.has_value()},
            {"errors", diags.errorCount()},
            {"warnings", diags.warningCount()},
            {"diagnostics", diagnosticsJson(diags)},
        };
        if (plan) {
            j["plan"] = {{"name", plan->name},
                         {"clusters", plan->clusters.size()},
                         {"workloads", plan->workloads.size()}};
        }
        printJson(j);
    } else if (plan) {
        size_t pools = 0;
        for (const auto& c : plan->clusters)
            pools += c.nodePools.size();
        out(Cli::tr("%1: ok: plan '%2', %3 cluster(s), %4 node pool(s), %5 workload(s); %6 warning(s)\n")
                .arg(QString::fromStdString(path), QString::fromStdString(plan->name))
                .arg(plan->clusters.size())
                .arg(pools)
                .arg(plan->workloads.size())
                .arg(diags.warningCount())
                .toStdString());
    }
    if (ioError)
        return kUsage;
    return plan ? kOk : kPlanErrors;
}

} // namespace cw::cli
