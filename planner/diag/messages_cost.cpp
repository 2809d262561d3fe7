// SPDX-License-Identifier: GPL-3.0-or-later
// Diagnostics of the cost module: codes CW600-CW699.
#include "messages.h"

namespace cw::diag {

std::vector<MessageInfo> costMessages()
{
    using S = Severity;
    return {
        // Autopilot: refusals and limits
        {"CW601", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "Autopilot refuses workload '%1' (%2): %3 It is priced on GKE Standard (needs Standard).")},
        {"CW602", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' requests %2 per Pod after Autopilot's rules; the maximum for general-purpose Pods is %3")},
        {"CW603", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' requests %2 of memory per Pod after Autopilot's rules; the maximum for general-purpose Pods is %3")},
        {"CW604", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' requests %2 × %3 per Pod; Autopilot accepts %4 per Pod")},
        {"CW605", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1': no node Autopilot provisions for %2 fits one Pod (%3)")},
        {"CW606", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1': the catalog names no node Autopilot provisions for %2")},
        {"CW607", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "the Autopilot premium for %1 is unknown: the Autopilot price of workload '%2' does not include it (premium not included: unknown)")},
        {"CW608", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "the catalog's Autopilot refusal '%1' names a feature Clusterwright does not check; it is ignored")},
        // prices, placement and substitutes
        {"CW609", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "no price in the catalog for %1: the %2 figure is incomplete")},
        {"CW610", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "%1 Pod(s) of workload '%2' could not be placed on %3: %4")},
        {"CW611", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' runs on %2 as a substitute: %3")},
        {"CW612", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1': no %2 configuration in the catalog has at least %3 bf16 TFLOPs and %4 GiB of accelerator memory")},
        {"CW613", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "cluster '%1' is on the extended release channel; the GKE extended-support fee is not in the catalog and is not included")},
        {"CW614", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "the catalog has no Spot price for Autopilot ephemeral storage; workload '%1' is billed at the on-demand rate for it")},
        {"CW615", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1': %2 has no counterpart on %3 and is left out")},
        {"CW616", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "cannot write %1: %2")},
        {"CW617", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "the comparison was cancelled; the figures are incomplete")},
        {"CW618", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' runs on %2 on the equivalent %3")},
        // Autopilot's adjustments to one Pod's requests
        {"CW620", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "CPU %1 raised to Autopilot's minimum of %2")},
        {"CW621", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "memory %1 raised to Autopilot's minimum of %2")},
        {"CW622", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "CPU raised from %1 to %2 so that memory (%3) is at most %4 per vCPU")},
        {"CW623", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "CPU %1 rounded up to %2 (steps of %3)")},
        {"CW624", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "memory raised from %1 to %2: at least %3 per vCPU")},
        {"CW625", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "no ephemeral storage requested: Autopilot's default of %1 is billed")},
        {"CW626", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "ephemeral storage %1 is above Autopilot's maximum of %2: %2 is billed, and the rest needs a generic ephemeral volume")},
        {"CW627", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "billed per node: %1 × %2, %3 Pod(s) per node")},
        {"CW628", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "DaemonSets are billed on at least %1 general-purpose node(s): the requests ÷ Autopilot's largest Pod (%2, %3)")},
        {"CW629", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "extended resource %1 is not billed by Autopilot's general-purpose class and is left out")},
        // fees and break-even
        {"CW630", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "the GKE free-tier credit of %1 a month is applied to the fee of cluster '%2'")},
        {"CW631", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "the plan says the billing account's GKE free-tier credit is used elsewhere: no credit is applied")},
        {"CW632", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "no workload of the plan tolerates Spot capacity (spot: true): the Spot variants equal the on-demand options")},
    };
}

} // namespace cw::diag
