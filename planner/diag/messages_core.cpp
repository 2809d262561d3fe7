// SPDX-License-Identifier: GPL-3.0-or-later
// Diagnostics of reading plans and catalogs: codes CW001-CW299.
#include "messages.h"

namespace cw::diag {

std::vector<MessageInfo> coreMessages()
{
    using S = Severity;
    return {
        // files and syntax
        {"CW001", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "cannot read %1: %2")},
        {"CW002", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "YAML syntax error: %1")},
        {"CW003", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "unknown key '%1' in %2")},
        {"CW004", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "unknown key '%1' in %2; did you mean '%3'?")},
        {"CW005", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' must be %2")},
        {"CW006", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "missing required key '%1' in %2")},
        {"CW007", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "duplicate key '%1' (first at line %2)")},
        {"CW008", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' has an invalid value '%2'; expected one of: %3")},
        {"CW009", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' is %2, outside the accepted range %3")},
        {"CW010", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' is not a valid quantity ('%2'): %3")},
        {"CW011", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "apiVersion '%1' is newer than this version of Clusterwright understands (%2); upgrade Clusterwright to open this file")},
        {"CW012", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "unknown apiVersion '%1'; expected %2")},
        {"CW013", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "kind must be '%1', not '%2'")},
        {"CW014", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "the file is empty; a plan starts with 'apiVersion: %1'")},
        {"CW015", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "duplicate %1 name '%2' (first defined at line %3)")},
        {"CW016", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' is not a valid name: %2")},
        {"CW017", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' and '%2' cannot both be set")},
        {"CW018", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "the file holds %1 YAML documents; a plan file holds exactly one")},
        {"CW019", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' must not be empty")},
        {"CW021", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "label '%1' is not valid: %2")},
        {"CW020", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "apiVersion '%1' is old; the file was read and will be saved as %2")},

        // plan references and values
        {"CW101", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' refers to cluster '%2', which the plan does not define%3")},
        {"CW102", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' is pinned to pool '%2', which cluster '%3' does not have%4")},
        {"CW103", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "unknown machine type '%1' in the %2 catalog for %3%4")},
        {"CW104", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "unknown accelerator '%1'%2")},
        {"CW105", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' is not a MIG profile of %2; valid profiles: %3")},
        {"CW106", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "GKE does not support MIG partition size %1 on %2; GKE supports: %3")},
        {"CW107", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "cluster '%1': mode 'autopilot' exists only on GKE")},
        {"CW108", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "cluster '%1' is a GKE Autopilot cluster, which has no node pools; remove 'nodePools' or use mode 'standard'")},
        {"CW109", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': minNodes (%2) is greater than maxNodes (%3)")},
        {"CW110", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' requests both GPUs and TPUs; a Pod gets one kind of accelerator")},
        {"CW111", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': '%2' is a setting of %3 and has no effect on %4")},
        {"CW112", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': tpuTopology is set, but machine type '%2' is not a TPU host")},
        {"CW113", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': machine type '%2' is a TPU host; set tpuTopology")},
        {"CW114", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': gpuPartitionSize needs a machine type with GPUs; '%2' has none")},
        {"CW115", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1': no %3 machine type in the catalog carries %2, so cluster '%4' cannot run it")},
        {"CW116", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "no price in the catalog for %1 (%2); it is counted as $0")},
        {"CW117", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "the catalog marks the price of %1 as unverified: %2")},
        {"CW119", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' is pinned to pool '%2', which offers no %3")},
        {"CW120", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': capacity '%2' is not available on %3")},
        {"CW121", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1': a MIG partition request takes exactly one partition per Pod (count 1)")},

        // catalog
        {"CW201", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "catalog: source '%1' (used by %2) is not declared in any Sources document")},
        {"CW202", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "catalog: %1 refers to accelerator '%2', which is not declared")},
        {"CW203", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "catalog: duplicate %1 '%2'")},
        {"CW204", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "catalog: '%1' is not a date (YYYY-MM-DD or YYYY-MM)")},
        {"CW205", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "catalog: machine type '%1' refers to TPU generation '%2', which is not declared")},
        {"CW206", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "catalog: machine type '%1' has %2 chips in the price book but %3 in TPU generation %4")},
        {"CW207", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "catalog: unknown document kind '%1'; expected one of: %2")},
        {"CW208", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "catalog: %1 has no price; GPU and CPU machine types need an onDemand price")},
        {"CW210", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "catalog: %1")},
    };
}

} // namespace cw::diag
