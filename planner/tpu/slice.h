// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "diag/diagnostic.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw::tpu {

// The shape of a TPU slice: chips along each axis of its torus, "4x4" (v5e, v6e) or
// "2x2x4" (v4, v5p, tpu7x).
struct Topology {
    std::vector<int> dims;

    int rank() const { return int(dims.size()); }
    bool empty() const { return dims.empty(); }
    long long chips() const;
    std::string text() const;       // "2x2x4"
    friend bool operator==(const Topology&, const Topology&) = default;
};

// Parses "AxB" or "AxBxC" (positive whole numbers; 'x' or 'X'); nullopt when malformed.
std::optional<Topology> parseTopology(std::string_view text);

// A chip's position in the slice, in chips from the origin; z is 0 on a 2D torus.
struct ChipCoord {
    int x = 0;
    int y = 0;
    int z = 0;
    friend bool operator==(const ChipCoord&, const ChipCoord&) = default;
};

enum class Scope { SubHost, SingleHost, MultiHost };
const char* toString(Scope s); // "sub-host", "single-host", "multi-host"

// One way to build a slice from TPU VMs: the machine type, how many VMs, and which block of
// the torus each VM holds. Every VM runs one Pod that requests all of its chips.
//
// Worker numbering (Clusterwright's convention, documented in docs/tpu.md): each host owns
// one hostShape block (2x2x1 in 3D, 2x2 in 2D on 4-chip VMs); hosts are numbered row-major
// over the grid of blocks with x varying fastest, then y, then z. The number is the host's
// TPU_WORKER_ID, which the exported Job takes from its completion index. Which VM gets which
// index is decided by GKE at run time; the convention gives the diagram and the export one
// consistent picture.
struct HostLayout {
    std::string machineType;
    int chipsPerHost = 0;
    int hosts = 0;
    Topology hostShape;            // chips of one host
    Topology hostGrid;             // hosts along each axis
    Scope scope = Scope::SingleHost;
    catalog::Confidence shapeConfidence = catalog::Confidence::Verified;

    bool isMultiHost() const { return hosts > 1; }
    int tpuPerPod() const { return chipsPerHost; } // google.com/tpu of each Pod
    int workerOf(ChipCoord c) const;               // TPU_WORKER_ID of the host holding chip c
    ChipCoord hostOrigin(int worker) const;        // the lowest chip of a worker's block
    std::vector<ChipCoord> chipsOf(int worker) const;
};

// A valid slice of one generation with everything that follows from its topology.
struct Slice {
    const catalog::TpuGeneration* generation = nullptr;
    Topology topology;
    long long chips = 0;
    long long tensorCores = 0;
    std::string name;                 // the name users type: v4-32, v5litepod-16, v6e-256
    std::vector<HostLayout> layouts;  // every way to build it; single-host first
    int cubes = 0;                    // whole cubes (3D beyond the small shapes); 0 otherwise
    std::vector<bool> wraparound;     // per axis
    bool twisted = false;             // can be wired as a twisted torus

    const HostLayout& layout() const { return layouts.front(); }
    const HostLayout* layoutFor(std::string_view machineType) const;
    bool hasWraparound() const;
    std::string wraparoundText() const; // "x y z", "y", "none"
};

// The result of checking a topology against a generation's rules.
struct TopologyCheck {
    std::optional<Slice> slice;       // set when valid
    diag::Diagnostics problems;       // CW40x errors with no location, when invalid
    std::vector<Slice> nearest;       // valid choices closest to the input, best first

    bool ok() const { return slice.has_value(); }
};

// Checks a topology typed by a user; an invalid one comes back with the reason and the
// nearest valid choices.
TopologyCheck checkTopology(const catalog::TpuGeneration& g, std::string_view topology);

// The slice of a topology, or nullopt when it is not valid for the generation.
std::optional<Slice> describe(const catalog::TpuGeneration& g, const Topology& t);

// Every valid topology with exactly this many chips, best first (3D: closest to a cube,
// then A ≤ B ≤ C, then in lexical order). Empty when no slice has that many chips.
std::vector<Slice> topologiesWithChips(const catalog::TpuGeneration& g, long long chips);

// Every chip count some valid topology has, ascending.
std::vector<long long> validChipCounts(const catalog::TpuGeneration& g);

// The valid topologies nearest to any shape, best first: the same chip count first, then
// the shapes that keep most of its axes, then the closest chip counts.
std::vector<Slice> nearestTopologies(const catalog::TpuGeneration& g, const Topology& t, size_t count = 3);

// The largest number of whole cubes a slice may have: xpk's maxCubes, and no more than the
// catalog's maxTopology. 0 on a 2D generation.
int cubeLimit(const catalog::TpuGeneration& g);

// The slice name for a chip count: v4-32 (TensorCores) or v5litepod-16 (chips).
std::string sliceName(const catalog::TpuGeneration& g, long long chips);

// "2x2x4 (16 chips), 4x4x4 (64 chips)" for messages.
std::string listWithChips(const std::vector<Slice>& slices);

} // namespace cw::tpu
