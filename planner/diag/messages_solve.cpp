// SPDX-License-Identifier: GPL-3.0-or-later
// Diagnostics of the solve module: codes CW300-CW399.
//   CW300-CW349  why a workload does not fit a pool (unplaced reasons, failing canPlace checks)
//   CW350-CW369  the same constraints when they hold (canPlace and explain show them too)
//   CW370-CW399  remarks about a solution
#include "messages.h"

namespace cw::diag {

std::vector<MessageInfo> solveMessages()
{
    using S = Severity;
    return {
        // why a workload does not fit
        {"CW300", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "no pool fits: %1")},
        {"CW301", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "needs %1; pool %2 offers %3")},
        {"CW302", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "needs %1 per Pod; pool %2 (%3) offers %4 per node")},
        {"CW303", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "node selector %1=%2: nodes of pool %3 have %1=%4")},
        {"CW304", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "node selector %1=%2: nodes of pool %3 have no label %1")},
        {"CW305", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool %1 taints its nodes %2 and the workload does not tolerate it")},
        {"CW306", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "GKE taints the %1 nodes of pool %2 with %3 and the workload does not tolerate it")},
        {"CW307", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool %1 runs Spot capacity and the workload does not set spot: true")},
        {"CW308", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool %1 is full: all %2 nodes its maxNodes allows are in use")},
        {"CW309", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool %1 allows no nodes (maxNodes 0)")},
        {"CW310", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "gang of %1 replicas: only %2 fit, so none is placed; %3")},
        {"CW311", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "a %1 slice of %2 has %3 hosts: the workload needs %4 replicas (one per host for %5 slice(s)), not %6")},
        {"CW312", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool %1 allows %2 nodes, fewer than the %3 hosts of one %4 slice")},
        {"CW313", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pinned to pool %1, which cluster %2 does not have")},
        {"CW314", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "cluster %1 has no node pool")},
        {"CW315", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "machine type %1 of pool %2 is not in the %3 catalog")},
        {"CW316", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "the solve was cancelled before this workload was placed")},
        {"CW317", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "at most %1 replicas per node (maxPerNode): %2 replicas need %3 nodes; pool %4 allows %5")},
        {"CW318", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "needs at least %1 nodes of %2 together with the workloads pinned there; pool %3 allows %4 (maxNodes)")},
        {"CW319", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "cluster %1 is a GKE Autopilot cluster: it has no node pools and places Pods itself")},
        {"CW320", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload %1 is not in the plan")},
        {"CW321", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "cluster %1 is not in the plan")},
        {"CW322", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool %1 is not in cluster %2")},
        {"CW323", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "a %1 cluster cannot run a %2 workload: %3")},
        {"CW325", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "the workload is pinned to pool %1")},
        {"CW324", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool %1 is full: %2 of its %3 nodes (maxNodes) are in use and a %4 slice needs %5 more")},

        // the same constraints when they hold
        {"CW350", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "needs no accelerator")},
        {"CW351", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "pool %1 has no taint the workload must tolerate")},
        {"CW352", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "the workload tolerates %1")},
        {"CW353", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "pool %1 runs %2 capacity")},
        {"CW354", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "no node selector")},
        {"CW355", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "%1 replicas need %2 node(s) of %3; pool %4 allows %5")},
        {"CW356", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "a %1 slice of %2 has %3 hosts: %4 replicas fill %5 slice(s)")},
        {"CW357", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "pinned to pool %1")},
        {"CW358", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "gang of %1 replicas: all %1 fit")},
        {"CW359", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "not a gang")},
        {"CW360", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "pool %1 is the solver's choice")},
        {"CW361", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "pinned to pool %1; there %2 costs %3 per replica-hour (%4 replicas per node)")},
        {"CW362", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "%1 in pool %2 is the cheapest place per replica that fits: %3 per replica-hour (%4 replicas per node)")},
        {"CW363", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "placed on %1 in pool %2 together with other workloads, which fills nodes that are paid for anyway; alone, the cheapest would be %3 in pool %4 at %5 per replica-hour")},
        {"CW364", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "%1 of %2 replicas are not placed: %3")},
        {"CW365", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "cluster %1 is GKE Autopilot: it bills Pods on their requests and has no node pools to choose")},

        // remarks about a solution
        {"CW370", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1': %2 of %3 replicas could not be placed: %4")},
        {"CW371", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "cluster '%1': %2 node(s) of %3 have no price in the catalog and are counted as $0")},
        {"CW372", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': minNodes %2 is rounded up to %3, whole slices of %4 hosts")},
        {"CW373", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': %2 has no GPU of its own; %3 × %4 (the largest count the machine type allows) is assumed attached for the workloads pinned to the pool")},
        {"CW374", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "cluster '%1': the lower bound stopped at its effort limit (%2); the gap is measured against that weaker bound")},
        {"CW375", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "the solve was cancelled; the solution is incomplete")},
    };
}

std::vector<const char*> solveConstraintNames()
{
    return {
        QT_TRANSLATE_NOOP("Constraint", "cluster"),
        QT_TRANSLATE_NOOP("Constraint", "pool"),
        QT_TRANSLATE_NOOP("Constraint", "machine type"),
        QT_TRANSLATE_NOOP("Constraint", "capacity type"),
        QT_TRANSLATE_NOOP("Constraint", "accelerator"),
        QT_TRANSLATE_NOOP("Constraint", "node selector"),
        QT_TRANSLATE_NOOP("Constraint", "taints"),
        QT_TRANSLATE_NOOP("Constraint", "TPU slice"),
        QT_TRANSLATE_NOOP("Constraint", "CPU"),
        QT_TRANSLATE_NOOP("Constraint", "memory"),
        QT_TRANSLATE_NOOP("Constraint", "ephemeral storage"),
        QT_TRANSLATE_NOOP("Constraint", "GPUs"),
        QT_TRANSLATE_NOOP("Constraint", "TPU chips"),
        QT_TRANSLATE_NOOP("Constraint", "Pods"),
        QT_TRANSLATE_NOOP("Constraint", "max nodes"),
        QT_TRANSLATE_NOOP("Constraint", "gang"),
    };
}

} // namespace cw::diag
