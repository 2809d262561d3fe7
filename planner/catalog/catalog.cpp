// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace cw::catalog {

const char* toString(Confidence c)
{
    switch (c) {
    case Confidence::Verified: return "V";
    case Confidence::Secondary: return "S";
    case Confidence::Memory: return "M";
    }
    return "V";
}

const char* toString(MachineCategory c)
{
    switch (c) {
    case MachineCategory::GeneralPurpose: return "general-purpose";
    case MachineCategory::ComputeOptimized: return "compute-optimized";
    case MachineCategory::MemoryOptimized: return "memory-optimized";
    case MachineCategory::Gpu: return "gpu";
    case MachineCategory::Tpu: return "tpu";
    case MachineCategory::Neuron: return "neuron";
    }
    return "general-purpose";
}

const MigProfile* Accelerator::migProfile(const std::string& profileName) const
{
    auto it = std::find_if(mig.begin(), mig.end(), [&](const MigProfile& p) { return p.name == profileName; });
    return it == mig.end() ? nullptr : &*it;
}

const TpuMachine* TpuGeneration::machine(const std::string& machineName) const
{
    auto it = std::find_if(machineTypes.begin(), machineTypes.end(),
                           [&](const TpuMachine& m) { return m.name == machineName; });
    return it == machineTypes.end() ? nullptr : &*it;
}

const MachineType* PriceBook::machineType(const std::string& name) const
{
    auto it = std::find_if(machineTypes.begin(), machineTypes.end(),
                           [&](const MachineType& m) { return m.name == name; });
    return it == machineTypes.end() ? nullptr : &*it;
}

const PriceBook::AcceleratorPrice* PriceBook::acceleratorPrice(const std::string& accelerator) const
{
    auto it = std::find_if(acceleratorPrices.begin(), acceleratorPrices.end(),
                           [&](const AcceleratorPrice& p) { return p.accelerator == accelerator; });
    return it == acceleratorPrices.end() ? nullptr : &*it;
}

const PriceBook::TpuChipPrice* PriceBook::tpuChipPrice(const std::string& generation) const
{
    auto it = std::find_if(tpuChipPrices.begin(), tpuChipPrices.end(),
                           [&](const TpuChipPrice& p) { return p.generation == generation; });
    return it == tpuChipPrices.end() ? nullptr : &*it;
}

const Source* Catalog::source(const std::string& id) const
{
    auto it = std::find_if(m_sources.begin(), m_sources.end(), [&](const Source& s) { return s.id == id; });
    return it == m_sources.end() ? nullptr : &*it;
}

const Accelerator* Catalog::accelerator(const std::string& name) const
{
    auto it = std::find_if(m_accelerators.begin(), m_accelerators.end(),
                           [&](const Accelerator& a) { return a.name == name; });
    return it == m_accelerators.end() ? nullptr : &*it;
}

const TpuGeneration* Catalog::tpuGeneration(const std::string& nameOrLabel) const
{
    for (const auto& g : m_tpuGenerations) {
        if (g.name == nameOrLabel || g.acceleratorLabel == nameOrLabel || (!g.namePrefix.empty() && g.namePrefix == nameOrLabel))
            return &g;
        if (std::find(g.aliases.begin(), g.aliases.end(), nameOrLabel) != g.aliases.end())
            return &g;
        if (std::find(g.legacyAcceleratorLabels.begin(), g.legacyAcceleratorLabels.end(), nameOrLabel)
            != g.legacyAcceleratorLabels.end())
            return &g;
    }
    return nullptr;
}

const PriceBook* Catalog::priceBook(model::Provider provider) const
{
    auto it = std::find_if(m_priceBooks.begin(), m_priceBooks.end(),
                           [&](const PriceBook& b) { return b.provider == provider; });
    return it == m_priceBooks.end() ? nullptr : &*it;
}

const MachineType* Catalog::machineType(model::Provider provider, const std::string& name) const
{
    const PriceBook* book = priceBook(provider);
    return book ? book->machineType(name) : nullptr;
}

static std::string money(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

MachinePrice Catalog::machinePrice(model::Provider provider, const MachineType& machine,
                                   model::Capacity capacity) const
{
    MachinePrice result;
    const bool spot = capacity == model::Capacity::Spot;
    auto addPoint = [&](const PricePoint& p, double multiplier, const std::string& label) {
        if (!p.isKnown()) {
            result.known = false;
        } else {
            result.usdPerHour += p.value() * multiplier;
        }
        result.unverified = result.unverified || p.unverified;
        result.points.push_back(&p);
        result.parts.push_back(label + " " + (p.isKnown() ? money(p.value()) : std::string("n/a")));
    };
    // A Spot request for a part with no Spot price in the catalog falls back to the
    // on-demand price, and says so: the figure is then an upper bound.
    auto add = [&](const PricePoint& onDemand, const PricePoint& spotPrice, double multiplier, std::string label) {
        if (!spot || (!spotPrice.source.empty() && spotPrice.isKnown())) {
            addPoint(spot ? spotPrice : onDemand, multiplier, label);
            return;
        }
        result.spotFallback = true;
        result.unverified = true;
        addPoint(onDemand, multiplier, label + " (no Spot price: on-demand)");
    };
    const PriceBook* book = priceBook(provider);
    if (machine.tpu) {
        const PriceBook::TpuChipPrice* chip = book ? book->tpuChipPrice(machine.tpu->generation) : nullptr;
        if (!chip) {
            result.known = false;
            result.parts.push_back(std::to_string(machine.tpu->chips) + " × " + machine.tpu->generation + " chip n/a");
            return result;
        }
        add(chip->onDemand, chip->spot, machine.tpu->chips,
            std::to_string(machine.tpu->chips) + " × " + machine.tpu->generation + " chip");
        return result;
    }
    if (machine.onDemand.source.empty()) {
        result.known = false;
        result.parts.push_back("VM n/a");
    } else {
        add(machine.onDemand, machine.spot, 1.0, book && book->acceleratorsSeparate ? "VM" : "machine");
    }
    if (book && book->acceleratorsSeparate && machine.gpu) {
        const PriceBook::AcceleratorPrice* acc = book->acceleratorPrice(machine.gpu->type);
        if (!acc) {
            result.known = false;
            result.parts.push_back(std::to_string(machine.gpu->count) + " × " + machine.gpu->type + " n/a");
        } else {
            add(acc->onDemand, acc->spot, machine.gpu->count,
                std::to_string(machine.gpu->count) + " × " + machine.gpu->type);
        }
    }
    return result;
}

std::string Catalog::priceDate() const
{
    std::string oldest, newest;
    forEachPrice([&](const PricePoint& p, const std::string&) {
        if (p.asOf.empty())
            return;
        newest = std::max(newest, p.asOf);
        oldest = oldest.empty() ? p.asOf : std::min(oldest, p.asOf);
    });
    return oldest == newest ? newest : oldest + " to " + newest;
}

void Catalog::forEachPrice(const std::function<void(const PricePoint&, const std::string&)>& fn) const
{
    const_cast<Catalog*>(this)->forEachPrice(
        [&](PricePoint& p, const std::string& what) { fn(p, what); });
}

void Catalog::forEachPrice(const std::function<void(PricePoint&, const std::string&)>& fn)
{
    auto visit = [&](PricePoint& p, const std::string& what) {
        if (!p.source.empty())
            fn(p, what);
    };
    for (auto& book : m_priceBooks) {
        const std::string prefix = std::string(model::toString(book.provider)) + " ";
        for (auto& m : book.machineTypes) {
            visit(m.onDemand, prefix + m.name + " on-demand");
            visit(m.spot, prefix + m.name + " spot");
        }
        for (auto& a : book.acceleratorPrices) {
            visit(a.onDemand, prefix + a.accelerator + " on-demand");
            visit(a.spot, prefix + a.accelerator + " spot");
        }
        for (auto& c : book.tpuChipPrices) {
            visit(c.onDemand, prefix + "TPU " + c.generation + " chip on-demand");
            visit(c.spot, prefix + "TPU " + c.generation + " chip spot");
        }
    }
    Fees& f = m_rules.fees;
    visit(f.gkeClusterHour, "GKE cluster fee");
    visit(f.gkeFreeTierMonthlyCredit, "GKE free-tier credit");
    visit(f.eksStandardSupportHour, "EKS standard support fee");
    visit(f.eksExtendedSupportHour, "EKS extended support fee");
    AutopilotRules& a = m_rules.autopilot;
    visit(a.cpu, "Autopilot vCPU");
    visit(a.memory, "Autopilot memory");
    visit(a.ephemeralStorage, "Autopilot ephemeral storage");
    visit(a.spotCpu, "Autopilot Spot vCPU");
    visit(a.spotMemory, "Autopilot Spot memory");
    visit(a.spotEphemeralStorage, "Autopilot Spot ephemeral storage");
    for (auto& [k, p] : a.acceleratorPremium)
        visit(p, "Autopilot accelerator premium " + k);
    for (auto& p : a.acceleratorPremiums) {
        const std::string what = "Autopilot accelerator premium for " + p.accelerator;
        visit(p.perAcceleratorHour, what + " per accelerator");
        visit(p.perVcpuHour, what + " per vCPU");
        visit(p.perGiBHour, what + " per GiB");
        visit(p.spotPerAcceleratorHour, what + " per accelerator (Spot)");
        visit(p.spotPerVcpuHour, what + " per vCPU (Spot)");
        visit(p.spotPerGiBHour, what + " per GiB (Spot)");
    }
}

const AutopilotRules::Premium* AutopilotRules::premium(const std::string& accelerator) const
{
    auto it = std::find_if(acceleratorPremiums.begin(), acceleratorPremiums.end(),
                           [&](const Premium& p) { return p.accelerator == accelerator; });
    return it == acceleratorPremiums.end() ? nullptr : &*it;
}

const AutopilotRules::MachineChoice* AutopilotRules::machines(const std::string& accelerator) const
{
    auto it = std::find_if(acceleratorMachines.begin(), acceleratorMachines.end(),
                           [&](const MachineChoice& m) { return m.accelerator == accelerator; });
    return it == acceleratorMachines.end() ? nullptr : &*it;
}

void Catalog::validate(diag::Diagnostics& diags) const
{
    std::set<std::string> sourceIds;
    for (const auto& s : m_sources) {
        if (!sourceIds.insert(s.id).second)
            diags.add("CW203", s.where, {"source", s.id});
    }
    auto checkSource = [&](const std::string& id, const std::string& what, const diag::Location& where) {
        if (!id.empty() && !sourceIds.count(id))
            diags.add("CW201", where, {id, what});
    };
    forEachPrice([&](const PricePoint& p, const std::string& what) { checkSource(p.source, what, p.where); });
    for (const auto& a : m_accelerators) {
        checkSource(a.fact.source, a.name, a.where);
        checkSource(a.migSource, a.name + " MIG profiles", a.where);
    }
    for (const auto& g : m_tpuGenerations) {
        checkSource(g.fact.source, "TPU " + g.name, g.where);
        checkSource(g.wraparoundFact.source, "TPU " + g.name + " wraparound", g.where);
        checkSource(g.twistedFact.source, "TPU " + g.name + " twisted torus", g.where);
        checkSource(g.workloadPolicyFact.source, "TPU " + g.name + " workload policy", g.where);
        const size_t rank = g.torus3d ? 3 : 2;
        for (const auto& m : g.machineTypes) {
            checkSource(m.fact.source, m.name, g.where);
            // hostShape: AxB or AxBxC of positive integers whose product is the machine's chips.
            std::vector<long> dims;
            bool ok = !m.hostShape.empty();
            size_t start = 0;
            while (ok && start <= m.hostShape.size()) {
                const size_t x = std::min(m.hostShape.find('x', start), m.hostShape.size());
                const std::string part = m.hostShape.substr(start, x - start);
                ok = !part.empty() && part.size() < 6
                     && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
                if (ok)
                    dims.push_back(std::stol(part));
                start = x + 1;
            }
            long product = 1;
            for (long d : dims)
                product *= d;
            if (!ok || dims.size() != rank || product != m.chips)
                diags.add("CW210", g.where, {"TPU " + g.name + " machine type '" + m.name + "': hostShape '" + m.hostShape
                                                 + "' must be " + (rank == 3 ? "AxBxC" : "AxB") + " with " + std::to_string(m.chips) + " chips"});
        }
        if (g.torus3d && g.cubeEdge <= 0)
            diags.add("CW210", g.where, {"TPU " + g.name + ": a 3d generation needs cubeEdge"});
        if (g.wraparound == TpuWraparound::AxisLength && g.wraparoundAxisLength <= 0)
            diags.add("CW210", g.where, {"TPU " + g.name + ": wraparound rule axisLength needs axisLength"});
    }
    const diag::Location rulesFile{"<embedded>/catalog/rules.yaml", 0, 0};
    for (const auto& [provider, list] : m_rules.daemonSets) {
        for (const auto& d : list)
            checkSource(d.fact.source, "DaemonSet " + d.name, rulesFile);
    }
    for (const auto& [provider, al] : m_rules.allocatable)
        checkSource(al.fact.source, std::string("allocatable rules of ") + model::toString(provider), rulesFile);
    checkSource(m_rules.autopilot.rulesFact.source, "Autopilot rules", rulesFile);

    for (const auto& book : m_priceBooks) {
        for (const auto& m : book.machineTypes) {
            const std::string what = "machine type '" + m.name + "'";
            checkSource(m.fact.source, m.name, m.where);
            if (m.gpu && !accelerator(m.gpu->type))
                diags.add("CW202", m.where, {what, m.gpu->type});
            if (m.neuron && !accelerator(m.neuron->type))
                diags.add("CW202", m.where, {what, m.neuron->type});
            for (const auto& o : m.gpuOptions) {
                if (!accelerator(o.type))
                    diags.add("CW202", m.where, {what, o.type});
            }
            if (m.tpu) {
                const TpuGeneration* g = tpuGeneration(m.tpu->generation);
                if (!g) {
                    diags.add("CW205", m.where, {m.name, m.tpu->generation});
                } else if (const TpuMachine* tm = g->machine(m.name); !tm) {
                    diags.add("CW206", m.where, {m.name, std::to_string(m.tpu->chips), "none", g->name});
                } else if (tm->chips != m.tpu->chips) {
                    diags.add("CW206", m.where, {m.name, std::to_string(m.tpu->chips), std::to_string(tm->chips), g->name});
                }
            } else if (m.onDemand.source.empty()) {
                diags.add("CW208", m.where, {what});
            }
            if (book.acceleratorsSeparate && m.gpu && !book.acceleratorPrice(m.gpu->type))
                diags.add("CW208", m.where, {"accelerator '" + m.gpu->type + "' of " + what});
        }
        for (const auto& a : book.acceleratorPrices) {
            if (!accelerator(a.accelerator))
                diags.add("CW202", a.where, {"an acceleratorPrices entry", a.accelerator});
        }
        for (const auto& c : book.tpuChipPrices) {
            if (!tpuGeneration(c.generation))
                diags.add("CW205", c.where, {"tpuChipPrices", c.generation});
        }
    }
    for (const auto& e : m_rules.equivalents) {
        if (!accelerator(e.gke))
            diags.add("CW202", rulesFile, {"an equivalents entry", e.gke});
    }
    const AutopilotRules& ap = m_rules.autopilot;
    for (const auto& p : ap.acceleratorPremiums) {
        if (!accelerator(p.accelerator) && !tpuGeneration(p.accelerator))
            diags.add("CW202", p.where, {"an Autopilot premiums entry", p.accelerator});
    }
    for (const auto& m : ap.acceleratorMachines) {
        checkSource(m.fact.source, "Autopilot machines for " + m.accelerator, m.where);
        if (!accelerator(m.accelerator))
            diags.add("CW202", m.where, {"an Autopilot machines entry", m.accelerator});
        for (const auto& name : m.machineTypes) {
            const MachineType* mt = machineType(model::Provider::Gke, name);
            if (!mt) {
                diags.add("CW210", m.where, {"Autopilot machines for " + m.accelerator + " name machine type '" + name
                                             + "', which the GKE price book does not have"});
                continue;
            }
            bool carries = mt->gpu && mt->gpu->type == m.accelerator;
            for (const auto& o : mt->gpuOptions)
                carries = carries || o.type == m.accelerator;
            if (!carries)
                diags.add("CW210", m.where, {"Autopilot machines for " + m.accelerator + " name machine type '" + name
                                             + "', which carries no " + m.accelerator});
        }
    }
}

} // namespace cw::catalog
