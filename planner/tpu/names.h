// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "slice.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw::tpu {

// What a name a user typed means: a generation ("v5e", "v5litepod", the node label
// "tpu-v5-lite-podslice"), or a slice ("v4-32", "v5p-8", "v5litepod-16", "v6e-256",
// "tpu7x-8", or with a topology, "v5p-2x2x4").
struct NameLookup {
    const catalog::TpuGeneration* generation = nullptr;
    std::optional<long long> chips;      // set for a slice name
    std::vector<Slice> slices;           // the valid topologies of those chips, best first
    diag::Diagnostics notes;             // CW41x: errors, or notes that explain the count

    bool ok() const { return generation && !notes.hasErrors(); }
    bool isSlice() const { return chips.has_value(); }
};

NameLookup lookupName(const catalog::Catalog& cat, std::string_view name);

// The generation of a name or label, or null: "v4", "v5litepod", "tpu-v5-lite-podslice".
const catalog::TpuGeneration* findGeneration(const catalog::Catalog& cat, std::string_view name);

// Every generation's name, for messages: "v4, v5e, v5p, v6e, tpu7x".
std::string generationNames(const catalog::Catalog& cat);

// A machine-type name that is a known mistake for a TPU host ("ct5e-standard-4t"): the
// generation it was meant for, or null.
const catalog::TpuGeneration* misnamedMachine(const catalog::Catalog& cat, std::string_view machineType);

// The machine types of a generation, "ct5lp-hightpu-1t, ct5lp-hightpu-4t, ct5lp-hightpu-8t".
std::string machineNames(const catalog::TpuGeneration& g);

// Diagnostics that explain a slice name: how its number counts and the host layout of its
// best topology (CW413-CW416).
void explainName(const std::string& name, const Slice& best, const std::vector<Slice>& others,
                 diag::Diagnostics& notes);

} // namespace cw::tpu
