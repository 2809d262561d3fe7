// SPDX-License-Identifier: GPL-3.0-or-later
// Diagnostics of the tpu module: codes CW400-CW499.
#include "messages.h"

namespace cw::diag {

std::vector<MessageInfo> tpuMessages()
{
    using S = Severity;
    return {
        // topologies (CW401-CW409); the last argument is the list of nearest valid choices
        {"CW401", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' is not a TPU topology: write AxB (v5e, v6e) or AxBxC (v4, v5p, tpu7x) with positive whole numbers")},
        {"CW402", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' is not a %2 topology: %2 slices are a %3D torus, written %4 (for example %5); nearest: %6")},
        {"CW403", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' is not a valid %2 topology: %2 supports %3; nearest: %4")},
        {"CW404", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' is not a valid %2 topology: beyond the small shapes %3, every axis must be a multiple of %4 (whole cubes of %4x%4x%4 chips); nearest: %5")},
        {"CW405", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' is not a valid %2 topology: %2 needs A ≤ B ≤ C, so write it as %3; nearest: %4")},
        {"CW406", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' is not a valid %2 topology: it is %3 cubes of %4 chips, and a %2 slice has at most %5 cubes; nearest: %6")},
        {"CW407", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' is not a valid %2 topology: %3 chips is more than the largest %2 slice, %4 (%5 chips); nearest: %6")},
        {"CW408", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' is not a valid %2 topology: an axis of %3 chips is longer than %4; nearest: %5")},
        {"CW409", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "no %1 machine type in the catalog can build topology %2")},

        // slice names (CW410-CW419)
        {"CW410", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' is not a TPU generation or slice name: expected a generation (%2) or a slice such as v4-32, v5p-8, v5litepod-16, v6e-256 or tpu7x-8")},
        {"CW411", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' is not a valid slice name: %2 names count TensorCores (%3 per chip), and %4 TensorCores is not a whole number of chips")},
        {"CW412", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' means %2 chips, but no %3 topology has %2 chips; nearest sizes: %4")},
        {"CW413", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "%1 counts TensorCores (%2 per chip): %3 chips, topology %4, %5 hosts × %7 chips (%6); no %8 host has %9 chips")},
        {"CW414", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "%1 counts TensorCores (%2 per chip): %3 chips, topology %4, %5 hosts × %7 chips (%6)")},
        {"CW415", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "%1 counts TensorCores (%2 per chip): %3 chips, topology %4, one host of %7 chips (%6); no %8 host has %9 chips")},
        {"CW416", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "%1 counts TensorCores (%2 per chip): %3 chips, topology %4, one host of %7 chips (%6)")},
        {"CW417", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "%1 counts chips: %2 chips, topology %3, %4 hosts × %6 chips (%5)")},
        {"CW418", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "%1 counts chips: %2 chips, topology %3, one host of %6 chips (%5)")},
        {"CW419", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "%1 can also be built as %2 on %3 hosts × %5 chips (%4)")},
        {"CW421", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "%1: other topologies with %2 chips: %3")},
        {"CW422", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "'%1' is a %2 slice, not %3")},

        // chip counts
        {"CW420", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "no %1 topology has %2 chips; nearest sizes: %3")},

        // node pools (CW430-CW439)
        {"CW430", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': machine type %2 cannot build the %3 topology %4, which runs on %5")},
        {"CW431", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': a multi-host %2 slice is one atomic group of %3 nodes; %4 is %5, but a multi-host TPU pool takes %6")},
        {"CW432", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "machine type '%1' does not exist: TPU %2 hosts are %3")},
        {"CW433", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "cluster '%1' asks for GKE %2, but TPU %3 needs GKE %4 or later on %5")},

        // workloads (CW440-CW449)
        {"CW440", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' asks for TPU %2, but it is pinned to pool '%3', which has %4")},
        {"CW441", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' asks for topology %2, but pool '%3' is a %4 slice; its Pods select nodes labelled cloud.google.com/gke-tpu-topology=%4")},
        {"CW442", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' asks for topology %2, but pool '%3' is a %4 slice; both have %5 chips, so set the workload's topology to %4")},
        {"CW443", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' has %2 replicas; a %3 slice runs one Pod per host, so it needs hosts × slices = %4 × %5 = %6 replicas")},
        {"CW444", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' asks for %2 slices of %3, a single-host topology; multislice joins multi-host slices only")},
        {"CW445", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' needs %2 slices of %3, but pool '%4' holds one slice (a multi-host TPU pool is atomic); each further slice needs its own pool")},
        {"CW446", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' requests TPUs; pool '%2' has no TPU machine type")},

        // assigning a workload to a TPU pool (the torus view's drop)
        {"CW450", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' requests no TPUs, so it cannot run on the TPU pool '%2'")},
        {"CW451", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' belongs to cluster '%2'; pool '%3' is in cluster '%4'")},
        {"CW452", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1' has no valid TPU slice: %2")},
        {"CW453", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1' is one %2 slice and workload '%3' already takes its %4 hosts; a multi-host slice runs one job at a time, so give '%5' a pool of its own")},
        {"CW454", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1' has at most %2 nodes; its workloads already use %3, and '%4' needs %5 more")},
        {"CW455", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' takes the pool's topology %2 instead of %3: both have %4 chips")},

        // TPU pieces of the export
        {"CW460", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' cannot be exported for TPUs: %2")},
        {"CW461", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' has no image; its TPU Job needs one")},
        {"CW462", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1': the worker host name '%2' is longer than 63 characters; shorten the workload name to at most %3 characters")},
        {"CW463", S::Info, QT_TRANSLATE_NOOP("Diagnostics", "workload '%1' runs on single-host %2 slices: its Pods need no worker discovery and are exported as ordinary Pods")},
        {"CW464", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': a TPU slice lives in one zone, but the pool names no zone and cluster '%2' is regional; set the pool's zones")},
        {"CW465", S::Warning, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1': queued provisioning has been reported to be refused for multi-host %2 pools (secondary source)")},
        {"CW466", S::Error, QT_TRANSLATE_NOOP("Diagnostics", "pool '%1' cannot be exported as a TPU pool: %2")},
    };
}

} // namespace cw::diag
