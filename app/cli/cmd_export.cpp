// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "export/bundle.h"
#include "solve/solver.h"

namespace cw::cli {

int runExport(const Args& args)
{
    if (!args.onlyOptions({"out", "target", "force", "no-solve"}))
        return kUsage;
    if (args.positional.size() != 1)
        return usageError(Cli::tr("export needs exactly one PLAN file"));
    const auto out = args.value("out");
    if (!out || out->empty())
        return usageError(Cli::tr("export needs --out DIR, the folder to write the bundle to"));
    exporter::ExportOptions options;
    if (const auto t = args.value("target")) {
        const auto target = exporter::targetFromString(*t);
        if (!target)
            return usageError(Cli::tr("--target must be gke, eks or all, not '%1'").arg(QString::fromStdString(*t)));
        options.target = *target;
    }
    auto cat = loadCatalog(args);
    if (!cat)
        return kUsage;
    const std::string& path = args.positional.front();
    diag::Diagnostics diags;
    auto plan = loadPlan(path, *cat, &diags, args.json);
    const bool ioError = isIoError(diags);

    exporter::Bundle bundle;
    exporter::WriteResult written;
    solve::Solution solution;
    if (plan) {
        // The solver's node counts start the fixed pools and price the README's summary.
        if (!args.has("no-solve")) {
            solution = solve::solve(*plan, *cat);
            options.solution = &solution;
        }
        bundle = exporter::exportBundle(*plan, *cat, options);
        if (!args.json)
            printDiagnostics(bundle.diagnostics);
        diags.append(bundle.diagnostics);
        if (bundle.ok()) {
            exporter::WriteOptions wo;
            wo.force = args.has("force");
            written = exporter::writeBundle(bundle, *out, wo);
            if (!written.ok && !args.json)
                err("clusterwright-cli: " + written.error + "\n");
        }
    }

    if (args.json) {
        nlohmann::json clusters = nlohmann::json::array();
        if (plan && written.ok) {
            for (const auto& name : bundle.clusters) {
                const model::Cluster* c = plan->cluster(name);
                nlohmann::json files = nlohmann::json::array();
                for (const auto& f : bundle.files) {
                    if (f.path.rfind(name + "/", 0) == 0)
                        files.push_back(f.path);
                }
                clusters.push_back({{"name", name},
                                    {"provider", model::toString(c->provider)},
                                    {"mode", model::toString(c->mode)},
                                    {"path", *out + "/" + name},
                                    {"files", files}});
            }
        }
        nlohmann::json j = {
            {"file", path},
            {"out", *out},
            {"target", exporter::toString(options.target)},
            {"ok", plan.has_value() && bundle.ok() && written.ok},
            {"clusters", clusters},
            {"removed", written.removed},
            {"errors", diags.errorCount()},
            {"warnings", diags.warningCount()},
            {"diagnostics", diagnosticsJson(diags)},
        };
        if (!written.ok && !written.error.empty() && plan && bundle.ok())
            j["error"] = written.error;
        printJson(j);
    } else if (written.ok) {
        QString text = Cli::tr("%1: exported %2 cluster(s) to %3\n")
                           .arg(QString::fromStdString(path))
                           .arg(bundle.clusters.size())
                           .arg(QString::fromStdString(*out));
        for (const auto& name : bundle.clusters) {
            int manifests = 0;
            for (const auto& f : bundle.files) {
                if (f.path.rfind(name + "/manifests/", 0) == 0)
                    ++manifests;
            }
            text += Cli::tr("  %1/%2/: README.md, commands.sh, %3 manifest(s)\n")
                        .arg(QString::fromStdString(*out), QString::fromStdString(name))
                        .arg(manifests);
        }
        if (!written.removed.empty())
            text += Cli::tr("  removed %1 file(s) of the previous export that this one no longer writes\n")
                        .arg(written.removed.size());
        cli::out(text.toStdString());
    }
    if (ioError)
        return kUsage;
    if (!plan || !bundle.ok())
        return kPlanErrors;
    return written.ok ? kOk : kUsage;
}

} // namespace cw::cli
