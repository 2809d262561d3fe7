// SPDX-License-Identifier: GPL-3.0-or-later
// The table of sub-commands: one row per command.
#include "cli.h"

namespace cw::cli {

const std::vector<Command>& commands()
{
    static const std::vector<Command> all = {
        {"check", QT_TRANSLATE_NOOP("Cli", "check PLAN"),
         QT_TRANSLATE_NOOP("Cli", "Read a plan, check it against the catalog and report every problem"), runCheck},
        {"catalog", QT_TRANSLATE_NOOP("Cli", "catalog list [--provider gke|eks] | catalog show TYPE"),
         QT_TRANSLATE_NOOP("Cli", "List the machine types of the catalog, or show one with its prices and sources"), runCatalog},
        {"solve", QT_TRANSLATE_NOOP("Cli", "solve PLAN [--cluster NAME]"),
         QT_TRANSLATE_NOOP("Cli", "Pack the workloads onto the cheapest nodes: nodes per pool, cost, lower bound and gap, utilisation, stranded capacity, unplaced Pods"), runSolve},
        {"explain", QT_TRANSLATE_NOOP("Cli", "explain PLAN WORKLOAD"),
         QT_TRANSLATE_NOOP("Cli", "Why a workload runs on its pool and machine type, and why not on each alternative"), runExplain},
        {"tpu", QT_TRANSLATE_NOOP("Cli", "tpu GENERATION [CHIPS | TOPOLOGY | NAME]"),
         QT_TRANSLATE_NOOP("Cli", "The valid TPU slices of a generation: topologies, chips, hosts, machine type, google.com/tpu per Pod, twisted and wraparound"), runTpu},
        {"export", QT_TRANSLATE_NOOP("Cli", "export PLAN --out DIR [--target gke|eks|all] [--force] [--no-solve]"),
         QT_TRANSLATE_NOOP("Cli", "Write the plan as a bundle per cluster: README.md, commands.sh (gcloud / eksctl / aws) and Kubernetes manifests"), runExport},
        {"compare", QT_TRANSLATE_NOOP("Cli", "compare PLAN [--adr FILE.md]"),
         QT_TRANSLATE_NOOP("Cli", "Price the plan's workloads on GKE Standard, GKE Autopilot and EKS side by side; --adr writes a decision record"), runCompare},
    };
    return all;
}

} // namespace cw::cli
