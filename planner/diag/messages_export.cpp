// SPDX-License-Identifier: GPL-3.0-or-later
// Diagnostics of the export module: codes CW500-CW599.
#include "messages.h"

namespace cw::diag {

std::vector<MessageInfo> exportMessages()
{
    using S = Severity;
    return {
        // names and values that cannot be exported as they are
        {"CW501", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "%1 '%2' is not a valid %3: %4; for example '%5'")},
        {"CW502", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "the exported name '%1' (%2) is %3 characters long; the limit is %4; shorten '%5' to at most %6 characters, for example '%7'")},
        {"CW503", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "%1 '%2' of %3 is not valid: %4")},
        {"CW505", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' has no container image; set 'image' before exporting")},
        {"CW506", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1': '%2' is not a valid container image reference: %3")},
        {"CW507", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1': data source '%2' cannot be mounted: %3")},
        {"CW508", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "cluster '%1': '%2' is not a valid %3: %4")},
        {"CW509", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': machine type '%2' is not in the %3 catalog; the export needs its accelerators and size")},
        {"CW510", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': %2")},
        {"CW511", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "the plan has no cluster for the export target '%1'")},

        // what the bundle does differently from the plan, and why
        {"CW520", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' is left out of the bundle: %2")},
        {"CW522", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': %2 needs %3; the bundle sets it")},
        {"CW523", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1' has no maxNodes; it is exported as a fixed-size pool of %2 node(s) without autoscaling")},
        {"CW524", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "cluster '%1': no node pool keeps an untainted node running (minNodes > 0); system Pods such as kube-dns wait for a scale-up")},
        {"CW525", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "cluster '%1' names no project; commands.sh reads PROJECT_ID from the environment and the Workload Identity annotations are set when the manifests are applied")},
        {"CW526", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': %2 needs exactly one availability zone; the bundle uses %3 (set 'zones' to choose)")},
        {"CW527", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': Karpenter keeps no minimum number of nodes; minNodes %2 is not exported")},
        {"CW528", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1': at most %2 replicas per node is approximated by a topology spread constraint (maxSkew %2); Kubernetes has no exact per-node limit above 1")},
        {"CW529", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': %2 node(s) in total become --num-nodes=%3 per zone over %4 zone(s), %5 node(s) at first; the autoscaler keeps the total between the limits")},
        {"CW530", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1' (a flexible pool of %2 machine types) is exported as one GKE node pool per machine type, all labelled %3")},
        {"CW531", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' reads %2, which the %3 export does not mount; the application must read it itself")},
        {"CW532", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "cluster '%1': %2 is not exported on GKE Autopilot: %3")},
        {"CW533", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1' exists already and is not created; workloads pinned to it are exported")},
    };
}

} // namespace cw::diag
