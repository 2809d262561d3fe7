// SPDX-License-Identifier: GPL-3.0-or-later
// Names users type for TPU slices, and what their number counts.
#include "names.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace cw::tpu {

namespace {

bool allDigits(std::string_view s)
{
    return !s.empty() && s.size() <= 9 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string nearestSizes(const catalog::TpuGeneration& g, long long chips)
{
    const auto counts = validChipCounts(g);
    // The valid size just below and just above.
    std::vector<long long> pick;
    auto above = std::lower_bound(counts.begin(), counts.end(), chips);
    if (above != counts.begin())
        pick.push_back(*(above - 1));
    if (above != counts.end())
        pick.push_back(*above);
    std::string s;
    for (long long n : pick)
        s += (s.empty() ? "" : ", ") + std::to_string(n) + " (" + sliceName(g, n) + ")";
    return s.empty() ? "none" : s;
}

} // namespace

const catalog::TpuGeneration* findGeneration(const catalog::Catalog& cat, std::string_view name)
{
    return cat.tpuGeneration(std::string(name));
}

std::string generationNames(const catalog::Catalog& cat)
{
    std::string s;
    for (const auto& g : cat.tpuGenerations())
        s += (s.empty() ? "" : ", ") + g.name;
    return s;
}

std::string machineNames(const catalog::TpuGeneration& g)
{
    std::string s;
    for (const auto& m : g.machineTypes)
        s += (s.empty() ? "" : ", ") + m.name;
    return s;
}

const catalog::TpuGeneration* misnamedMachine(const catalog::Catalog& cat, std::string_view machineType)
{
    for (const auto& g : cat.tpuGenerations()) {
        for (const auto& prefix : g.wrongMachinePrefixes) {
            if (!prefix.empty() && machineType.substr(0, prefix.size()) == prefix)
                return &g;
        }
    }
    return nullptr;
}

void explainName(const std::string& name, const Slice& best, const std::vector<Slice>& others,
                 diag::Diagnostics& notes)
{
    const catalog::TpuGeneration& g = *best.generation;
    const HostLayout& l = best.layout();
    const std::string chips = std::to_string(best.chips);
    const std::string hosts = std::to_string(l.hosts);
    const std::string perHost = std::to_string(l.chipsPerHost);
    const bool multi = l.hosts > 1;
    if (g.nameCountsTensorCores) {
        // Reading the TensorCore count as chips gives this many chips per host: the mistake
        // that puts 8 chips on a v4 host.
        const long long n = best.tensorCores;
        const long long naive = l.hosts > 0 ? n / l.hosts : n;
        const bool exists = std::any_of(g.machineTypes.begin(), g.machineTypes.end(),
                                        [&](const catalog::TpuMachine& m) { return m.chips == naive; });
        std::vector<std::string> args = {name, std::to_string(g.tensorCoresPerChip), chips, best.topology.text(),
                                         hosts, l.machineType, perHost};
        if (!exists && naive != l.chipsPerHost) {
            args.push_back(g.name);
            args.push_back(std::to_string(naive));
            notes.add(multi ? "CW413" : "CW415", {}, std::move(args));
        } else {
            notes.add(multi ? "CW414" : "CW416", {}, std::move(args));
        }
    } else {
        notes.add(multi ? "CW417" : "CW418", {}, {name, chips, best.topology.text(), hosts, l.machineType, perHost});
    }
    for (size_t i = 1; i < best.layouts.size(); ++i) {
        const HostLayout& o = best.layouts[i];
        notes.add("CW419", {}, {name, best.topology.text(), std::to_string(o.hosts), o.machineType,
                                std::to_string(o.chipsPerHost)});
    }
    if (!others.empty()) {
        std::string list;
        const size_t shown = std::min<size_t>(others.size(), 8);
        for (size_t i = 0; i < shown; ++i)
            list += (list.empty() ? "" : ", ") + others[i].topology.text();
        if (others.size() > shown)
            list += ", … (" + std::to_string(others.size()) + " in all)";
        notes.add("CW421", {}, {name, chips, list});
    }
}

NameLookup lookupName(const catalog::Catalog& cat, std::string_view text)
{
    NameLookup r;
    std::string name(text);
    for (auto& c : name)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    if (const auto* g = findGeneration(cat, name)) {
        r.generation = g;
        return r;
    }
    const size_t dash = name.rfind('-');
    if (dash == std::string::npos || dash == 0 || dash + 1 == name.size()) {
        r.notes.add("CW410", {}, {std::string(text), generationNames(cat)});
        return r;
    }
    const std::string prefix = name.substr(0, dash);
    const std::string count = name.substr(dash + 1);
    const catalog::TpuGeneration* g = findGeneration(cat, prefix);
    if (!g) {
        r.notes.add("CW410", {}, {std::string(text), generationNames(cat)});
        return r;
    }
    r.generation = g;
    if (auto t = parseTopology(count)) {
        // "v5p-2x2x4": a slice named by its topology.
        TopologyCheck c = checkTopology(*g, t->text());
        if (!c.ok()) {
            r.notes.append(c.problems);
            return r;
        }
        r.chips = c.slice->chips;
        r.slices = topologiesWithChips(*g, *r.chips);
        // The named topology first.
        std::stable_partition(r.slices.begin(), r.slices.end(), [&](const Slice& s) { return s.topology == *t; });
        explainName(sliceName(*g, *r.chips), r.slices.front(),
                    std::vector<Slice>(r.slices.begin() + 1, r.slices.end()), r.notes);
        return r;
    }
    if (!allDigits(count)) {
        r.notes.add("CW410", {}, {std::string(text), generationNames(cat)});
        return r;
    }
    const long long n = std::stoll(count);
    if (n <= 0) {
        r.notes.add("CW410", {}, {std::string(text), generationNames(cat)});
        return r;
    }
    long long chips = n;
    if (g->nameCountsTensorCores) {
        if (n % g->tensorCoresPerChip != 0) {
            r.notes.add("CW411", {}, {std::string(text), g->name, std::to_string(g->tensorCoresPerChip), std::to_string(n)});
            return r;
        }
        chips = n / g->tensorCoresPerChip;
    }
    r.chips = chips;
    r.slices = topologiesWithChips(*g, chips);
    if (r.slices.empty()) {
        r.notes.add("CW412", {}, {std::string(text), std::to_string(chips), g->name, nearestSizes(*g, chips)});
        return r;
    }
    explainName(std::string(text), r.slices.front(), std::vector<Slice>(r.slices.begin() + 1, r.slices.end()), r.notes);
    return r;
}

} // namespace cw::tpu
