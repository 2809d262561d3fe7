// SPDX-License-Identifier: GPL-3.0-or-later
#include "plancheck.h"

#include "io/yamlreader.h"
#include "tpu/names.h"
#include "tpu/tpuplan.h"

#include <algorithm>
#include <set>

namespace cw::check {

using namespace cw::model;

namespace {

class Checker {
public:
    Checker(const Plan& plan, const catalog::Catalog& cat, diag::Diagnostics& diags)
        : m_plan(plan), m_cat(cat), m_diags(diags) {}

    diag::Location at(const Provenance& o, const std::string& field) const
    {
        const SourcePos p = o.field(field);
        return {m_plan.sourceFile, p.line, p.column};
    }

    void run()
    {
        for (const auto& c : m_plan.clusters) {
            for (const auto& p : c.nodePools)
                checkPool(c, p);
        }
        for (const auto& w : m_plan.workloads)
            checkWorkload(w);
        for (const auto& [what, loc] : m_unverified)
            m_diags.add("CW117", loc.second, {what, loc.first});
    }

private:
    std::vector<std::string> machineNames(Provider provider) const
    {
        std::vector<std::string> names;
        if (const auto* book = m_cat.priceBook(provider)) {
            for (const auto& m : book->machineTypes)
                names.push_back(m.name);
        }
        return names;
    }

    void notePrice(const catalog::MachineType& m, const Cluster& c, const NodePool& p)
    {
        const auto price = m_cat.machinePrice(c.provider, m, p.capacity);
        if (!price.known) {
            m_diags.add("CW116", at(p.origin, p.flexible ? "machineTypes" : "machineType"),
                        {m.name, joinParts(price.parts)}, c.name + "/" + p.name);
        }
        if (price.unverified) {
            std::string notes;
            for (const auto* pt : price.points) {
                if (pt->unverified && !pt->note.empty()) {
                    if (!notes.empty())
                        notes += "; ";
                    notes += pt->note;
                }
            }
            m_unverified.emplace(m.name, std::make_pair(notes.empty() ? joinParts(price.parts) : notes,
                                                        at(p.origin, p.flexible ? "machineTypes" : "machineType")));
        }
    }

    static std::string joinParts(const std::vector<std::string>& parts)
    {
        return io::joinNames(parts, " + ");
    }

    void checkPool(const Cluster& c, const NodePool& p)
    {
        const std::string object = c.name + "/" + p.name;
        const std::string other = c.provider == Provider::Gke ? "EKS" : "GKE";
        const std::string mine = c.provider == Provider::Gke ? "GKE" : "EKS";
        if (c.provider == Provider::Eks) {
            auto gkeOnly = [&](bool set, const char* key) {
                if (set)
                    m_diags.add("CW111", at(p.origin, key), {p.name, key, "GKE", "EKS"}, object);
            };
            gkeOnly(p.gvnic, "gvnic");
            gkeOnly(p.queuedProvisioning, "queuedProvisioning");
            gkeOnly(p.gpuSharing.has_value(), "gpuSharing");
            gkeOnly(!p.gpuDriverVersion.empty(), "gpuDriverVersion");
            if (p.capacity == Capacity::FlexStart)
                m_diags.add("CW120", at(p.origin, "capacity"), {p.name, "flex-start", "EKS"}, object);
        } else if (p.efa) {
            m_diags.add("CW111", at(p.origin, "efa"), {p.name, "efa", "EKS", "GKE"}, object);
        }
        (void)other;
        (void)mine;

        bool anyTpu = false, anyGpu = false;
        const catalog::MachineType* firstGpu = nullptr;
        for (const auto& name : p.machineTypes) {
            const catalog::MachineType* m = m_cat.machineType(c.provider, name);
            const char* field = p.flexible ? "machineTypes" : "machineType";
            if (!m && c.provider == Provider::Gke) {
                if (const catalog::TpuGeneration* g = tpu::misnamedMachine(m_cat, name)) {
                    m_diags.add("CW432", at(p.origin, field), {name, g->name, tpu::machineNames(*g)}, object);
                    continue;
                }
            }
            if (!m) {
                const std::string s = diag::closestMachineName(name, machineNames(c.provider));
                m_diags.add("CW103", at(p.origin, field),
                            {name, model::toString(c.provider), "pool '" + p.name + "'",
                             s.empty() ? "" : "; did you mean '" + s + "'?"}, object);
                continue;
            }
            anyTpu = anyTpu || m->tpu.has_value();
            if (m->gpu) {
                anyGpu = true;
                if (!firstGpu)
                    firstGpu = m;
            }
            notePrice(*m, c, p);
        }
        if (!p.tpuTopology.empty() && !anyTpu && !p.machineTypes.empty() && m_cat.machineType(c.provider, p.machineType()))
            m_diags.add("CW112", at(p.origin, "tpuTopology"), {p.name, p.machineType()}, object);
        if (p.tpuTopology.empty() && anyTpu)
            m_diags.add("CW113", at(p.origin, p.flexible ? "machineTypes" : "machineType"), {p.name, p.machineType()}, object);
        if (!p.gpuPartitionSize.empty()) {
            if (!anyGpu) {
                if (m_cat.machineType(c.provider, p.machineType()))
                    m_diags.add("CW114", at(p.origin, "gpuPartitionSize"), {p.name, p.machineType()}, object);
            } else {
                checkPartition(p.gpuPartitionSize, firstGpu->gpu->type, c.provider, at(p.origin, "gpuPartitionSize"), object);
            }
        }
    }

    bool checkPartition(const std::string& profile, const std::string& gpuType, Provider provider,
                        const diag::Location& loc, const std::string& object)
    {
        const catalog::Accelerator* a = m_cat.accelerator(gpuType);
        if (!a)
            return false;
        std::vector<std::string> all, gke;
        for (const auto& m : a->mig) {
            all.push_back(m.name);
            if (m.gke)
                gke.push_back(m.name);
        }
        const catalog::MigProfile* mp = a->migProfile(profile);
        if (!mp) {
            m_diags.add("CW105", loc, {profile, gpuType, all.empty() ? "none (no MIG on this GPU)" : io::joinNames(all)}, object);
            return false;
        }
        if (provider == Provider::Gke && !mp->gke) {
            m_diags.add("CW106", loc, {profile, gpuType, gke.empty() ? "none" : io::joinNames(gke)}, object);
            return false;
        }
        return true;
    }

    void checkWorkload(const Workload& w)
    {
        const Cluster* c = m_plan.cluster(w.cluster);
        if (!c)
            return; // reported by the reader
        if (const auto& g = w.resources.gpu) {
            const catalog::Accelerator* a = m_cat.accelerator(g->type);
            if (!a) {
                std::vector<std::string> names;
                for (const auto& acc : m_cat.accelerators())
                    names.push_back(acc.name);
                const std::string s = diag::closestMatch(g->type, names);
                m_diags.add("CW104", at(w.origin, "resources.gpu.type"),
                            {g->type, s.empty() ? "" : "; did you mean '" + s + "'?"}, w.name);
            } else {
                if (!g->partition.empty())
                    checkPartition(g->partition, g->type, c->provider, at(w.origin, "resources.gpu.partition"), w.name);
                const catalog::PriceBook* book = m_cat.priceBook(c->provider);
                bool carried = false;
                if (book) {
                    for (const auto& m : book->machineTypes) {
                        if (m.gpu && m.gpu->type == g->type)
                            carried = true;
                        for (const auto& o : m.gpuOptions)
                            carried = carried || o.type == g->type;
                    }
                }
                if (!carried)
                    m_diags.add("CW115", at(w.origin, "resources.gpu.type"),
                                {w.name, g->type, model::toString(c->provider), c->name}, w.name);
                if (c->mode == ClusterMode::Standard && w.isPinned()) {
                    if (const NodePool* p = c->pool(w.pool)) {
                        bool offers = false;
                        for (const auto& name : p->machineTypes) {
                            const auto* m = m_cat.machineType(c->provider, name);
                            if (m && m->gpu && m->gpu->type == g->type)
                                offers = true;
                            if (m)
                                for (const auto& o : m->gpuOptions)
                                    offers = offers || o.type == g->type;
                        }
                        if (!offers)
                            m_diags.add("CW119", at(w.origin, "pool"), {w.name, p->name, g->type}, w.name);
                    }
                }
            }
        }
        if (const auto& t = w.resources.tpu) {
            if (!m_cat.tpuGeneration(t->type)) {
                std::vector<std::string> labels;
                for (const auto& g : m_cat.tpuGenerations())
                    labels.push_back(g.acceleratorLabel);
                const std::string s = diag::closestMatch(t->type, labels);
                m_diags.add("CW104", at(w.origin, "resources.tpu.type"),
                            {t->type, s.empty() ? "" : "; did you mean '" + s + "'?"}, w.name);
            } else if (c->provider != Provider::Gke) {
                m_diags.add("CW115", at(w.origin, "resources.tpu.type"),
                            {w.name, t->type, model::toString(c->provider), c->name}, w.name);
            }
        }
    }

    const Plan& m_plan;
    const catalog::Catalog& m_cat;
    diag::Diagnostics& m_diags;
    std::map<std::string, std::pair<std::string, diag::Location>> m_unverified;
};

} // namespace

void checkPlan(const Plan& plan, const catalog::Catalog& cat, diag::Diagnostics& diags)
{
    Checker(plan, cat, diags).run();
    tpu::checkPlanTpu(plan, cat, diags);
    diags.sort();
}

} // namespace cw::check
