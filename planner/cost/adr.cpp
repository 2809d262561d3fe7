// SPDX-License-Identifier: GPL-3.0-or-later
#include "adr.h"
#include "report/numbers.h"

#include "comparisonjson.h"
#include "costutil.h"
#include "io/summary.h"
#include "model/quantity.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, x) x
#endif

namespace cw::cost {

namespace {

// "$1,234.56"
std::string dollars(double v)
{
    const std::string s = report::groupThousands(v, 2);
    return s[0] == '-' ? "-$" + s.substr(1) : "$" + s;
}

std::string hourly(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "$%.4f", v);
    return buf;
}

// "$0.10", "$0.0445": a rate with at least two decimals and no trailing zeros beyond.
std::string rate(double v)
{
    std::string s = hourly(v);
    while (s.size() > 4 && s.back() == '0' && s[s.size() - 3] != '.')
        s.pop_back();
    return s;
}

std::string percent(double v)
{
    char buf[64];
    if (v > 0 && v < 0.095)
        std::snprintf(buf, sizeof buf, "%.1f %%", v * 100.0);
    else
        std::snprintf(buf, sizeof buf, "%.0f %%", v * 100.0);
    return buf;
}

std::string num(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

class Writer {
public:
    Writer(const Comparison& c, const model::Plan& plan, const catalog::Catalog& cat, const AdrOptions& o)
        : m_c(c), m_plan(plan), m_cat(cat), m_o(o)
    {
    }

    std::string write()
    {
        header();
        context();
        options();
        numbers();
        decision();
        consequences();
        assumptions();
        return m_out.str();
    }

private:
    std::string T(const char* text) const { return m_o.translate ? m_o.translate(text) : std::string(text); }
    std::string T(const char* text, const std::vector<std::string>& args) const { return diag::substitute(T(text), args); }

    const Option* opt(const char* name) const { return m_c.option(name); }

    std::string kindName(model::WorkloadKind k) const
    {
        switch (k) {
        case model::WorkloadKind::Training: return T(QT_TRANSLATE_NOOP("Adr", "Training"));
        case model::WorkloadKind::Inference: return T(QT_TRANSLATE_NOOP("Adr", "Inference"));
        case model::WorkloadKind::Batch: return T(QT_TRANSLATE_NOOP("Adr", "Batch"));
        case model::WorkloadKind::Notebook: return T(QT_TRANSLATE_NOOP("Adr", "Notebook"));
        }
        return {};
    }

    std::string optionTitle(const std::string& name) const
    {
        if (name == "gke-standard")
            return T(QT_TRANSLATE_NOOP("Adr", "GKE Standard"));
        if (name == "gke-autopilot")
            return T(QT_TRANSLATE_NOOP("Adr", "GKE Autopilot"));
        if (name == "eks")
            return T(QT_TRANSLATE_NOOP("Adr", "EKS"));
        if (name == "gke-standard-spot")
            return T(QT_TRANSLATE_NOOP("Adr", "GKE Standard, Spot"));
        if (name == "gke-autopilot-spot")
            return T(QT_TRANSLATE_NOOP("Adr", "GKE Autopilot, Spot"));
        if (name == "eks-spot")
            return T(QT_TRANSLATE_NOOP("Adr", "EKS, Spot"));
        return name;
    }

    // What keeps an option's figure from being the whole price, in a few words.
    std::string caveats(const Option& o) const
    {
        std::vector<std::string> parts;
        int unplaced = 0;
        for (const auto& u : o.unplaced)
            unplaced += u.pods;
        if (unplaced > 0)
            parts.push_back(T(QT_TRANSLATE_NOOP("Adr", "%1 Pod(s) not placed"), {std::to_string(unplaced)}));
        if (o.premiumUnknown)
            parts.push_back(T(QT_TRANSLATE_NOOP("Adr", "premium not included: unknown")));
        if (!o.complete && unplaced == 0 && !o.premiumUnknown)
            parts.push_back(T(QT_TRANSLATE_NOOP("Adr", "a price is missing")));
        if (o.unverified)
            parts.push_back(T(QT_TRANSLATE_NOOP("Adr", "uses unverified prices")));
        std::string s;
        for (const auto& p : parts)
            s += (s.empty() ? "" : "; ") + p;
        return s.empty() ? T(QT_TRANSLATE_NOOP("Adr", "complete")) : s;
    }

    void header()
    {
        m_out << "# " << T(QT_TRANSLATE_NOOP("Adr", "ADR: where to run %1 — GKE Standard, GKE Autopilot or EKS"), {m_plan.name.empty() ? std::string("the plan") : m_plan.name}) << "\n\n";
        m_out << "- " << T(QT_TRANSLATE_NOOP("Adr", "Status: proposed")) << "\n";
        if (!m_o.date.empty())
            m_out << "- " << T(QT_TRANSLATE_NOOP("Adr", "Date: %1"), {m_o.date}) << "\n";
        m_out << "- " << T(QT_TRANSLATE_NOOP("Adr", "Prices: GKE %1 and EKS %2, from the catalog dated %3 to %4; %5 hours a month"),
                           {m_c.gkeRegion, m_c.eksRegion, m_c.oldestPriceDate, m_c.priceDate, std::to_string(m_c.hoursPerMonth)})
              << "\n";
        std::string source = m_o.planFile.empty() ? std::string() : " " + T(QT_TRANSLATE_NOOP("Adr", "from %1"), {"`" + m_o.planFile + "`"});
        m_out << "- " << T(QT_TRANSLATE_NOOP("Adr", "Generated by Clusterwright %1%2 with `clusterwright-cli compare --adr`"),
                           {m_o.version, source})
              << "\n\n";
    }

    void context()
    {
        m_out << "## " << T(QT_TRANSLATE_NOOP("Adr", "Context")) << "\n\n";
        if (!m_plan.description.empty())
            m_out << m_plan.description << ".\n\n";
        std::map<model::WorkloadKind, int> byKind;
        int gpu = 0, tpu = 0, cpu = 0, pods = 0;
        for (const auto& w : m_plan.workloads) {
            ++byKind[w.kind];
            pods += w.replicas;
            if (w.hasGpu())
                ++gpu;
            else if (w.hasTpu())
                ++tpu;
            else
                ++cpu;
        }
        m_out << T(QT_TRANSLATE_NOOP("Adr", "The plan runs %1 workloads (%2 Pods) in %3 cluster(s) today:"),
                   {std::to_string(m_plan.workloads.size()), std::to_string(pods), std::to_string(m_plan.clusters.size())})
              << "\n\n";
        for (const auto& c : m_plan.clusters) {
            int n = 0;
            for (const auto& w : m_plan.workloads)
                n += w.cluster == c.name;
            m_out << "- `" << c.name << "`: " << (c.provider == model::Provider::Gke ? "GKE" : "EKS") << " "
                  << model::toString(c.mode) << ", " << c.location << " — "
                  << T(QT_TRANSLATE_NOOP("Adr", "%1 workload(s)"), {std::to_string(n)}) << "\n";
        }
        m_out << "\n| " << T(QT_TRANSLATE_NOOP("Adr", "workload")) << " | " << T(QT_TRANSLATE_NOOP("Adr", "class"))
              << " | " << T(QT_TRANSLATE_NOOP("Adr", "Pods")) << " | " << T(QT_TRANSLATE_NOOP("Adr", "per Pod"))
              << " | " << T(QT_TRANSLATE_NOOP("Adr", "hours/month")) << " |\n|---|---|---:|---|---:|\n";
        for (const auto& w : m_plan.workloads) {
            std::string per = model::humanCpu(w.resources.cpuMilli) + ", " + model::humanBytes(w.resources.memoryBytes);
            const std::string acc = io::acceleratorRequestText(w.resources);
            if (!acc.empty())
                per += ", " + acc;
            m_out << "| `" << w.name << "` | " << kindName(w.kind) << " | " << w.replicas << " | " << per << " | "
                  << m_plan.hoursPerMonthOf(w) << " |\n";
        }
        m_out << "\n"
              << T(QT_TRANSLATE_NOOP("Adr", "The question: which platform should run each class of workload, and what does it cost? Every workload is priced on all three options, wherever it sits today; the figures below are this plan's, not a generic table."))
              << "\n\n";
    }

    void options()
    {
        const catalog::Fees& f = m_cat.rules().fees;
        const auto& ap = m_cat.rules().autopilot;
        int refused = 0;
        if (const Option* a = opt("gke-autopilot")) {
            std::set<std::string> names;
            for (const auto& r : a->refused)
                names.insert(r.workload);
            refused = int(names.size());
        }
        int tpus = 0;
        for (const auto& w : m_plan.workloads)
            tpus += w.hasTpu();
        m_out << "## " << T(QT_TRANSLATE_NOOP("Adr", "Options")) << "\n\n";
        m_out << "| | " << optionTitle("gke-standard") << " | " << optionTitle("gke-autopilot") << " | " << optionTitle("eks")
              << " |\n|---|---|---|---|\n";
        m_out << "| " << T(QT_TRANSLATE_NOOP("Adr", "You pay for")) << " | "
              << T(QT_TRANSLATE_NOOP("Adr", "nodes (Compute Engine VMs), used or not")) << " | "
              << T(QT_TRANSLATE_NOOP("Adr", "Pod requests (CPU in steps of %1, %2 to %3 of memory per vCPU); GPU and TPU nodes whole, plus a premium"),
                   {model::humanCpu(ap.cpuStepMilli), model::humanBytes(ap.memoryPerCpuMin), model::humanBytes(ap.memoryPerCpuMax)})
              << " | " << T(QT_TRANSLATE_NOOP("Adr", "nodes (EC2 instances), used or not")) << " |\n";
        m_out << "| " << T(QT_TRANSLATE_NOOP("Adr", "Control plane")) << " | "
              << T(QT_TRANSLATE_NOOP("Adr", "%1/h per cluster; free-tier credit %2/month for zonal clusters"),
                   {rate(f.gkeClusterHour.value()), dollars(f.gkeFreeTierMonthlyCredit.value())})
              << " | "
              << T(QT_TRANSLATE_NOOP("Adr", "%1/h per cluster; the same free-tier credit"), {rate(f.gkeClusterHour.value())})
              << " | "
              << T(QT_TRANSLATE_NOOP("Adr", "%1/h standard support, %2/h extended support"),
                   {rate(f.eksStandardSupportHour.value()), rate(f.eksExtendedSupportHour.value())})
              << " |\n";
        m_out << "| " << T(QT_TRANSLATE_NOOP("Adr", "Nodes")) << " | "
              << T(QT_TRANSLATE_NOOP("Adr", "yours: pools, sizes, upgrades, bin-packing")) << " | "
              << T(QT_TRANSLATE_NOOP("Adr", "Google's")) << " | "
              << T(QT_TRANSLATE_NOOP("Adr", "yours: node groups or Karpenter")) << " |\n";
        m_out << "| " << T(QT_TRANSLATE_NOOP("Adr", "Privileged Pods, host access")) << " | "
              << T(QT_TRANSLATE_NOOP("Adr", "allowed")) << " | "
              << T(QT_TRANSLATE_NOOP("Adr", "refused: %1 workload(s) of this plan"), {std::to_string(refused)}) << " | "
              << T(QT_TRANSLATE_NOOP("Adr", "allowed")) << " |\n";
        m_out << "| " << T(QT_TRANSLATE_NOOP("Adr", "TPUs")) << " | " << T(QT_TRANSLATE_NOOP("Adr", "yes")) << " | "
              << T(QT_TRANSLATE_NOOP("Adr", "yes")) << " | "
              << T(QT_TRANSLATE_NOOP("Adr", "no: %1 TPU workload(s) need a substitute"), {std::to_string(tpus)}) << " |\n";
        m_out << "| " << T(QT_TRANSLATE_NOOP("Adr", "Spot capacity")) << " | " << T(QT_TRANSLATE_NOOP("Adr", "Spot VMs"))
              << " | " << T(QT_TRANSLATE_NOOP("Adr", "Spot Pods")) << " | " << T(QT_TRANSLATE_NOOP("Adr", "Spot instances"))
              << " |\n\n";
    }

    void numbers()
    {
        m_out << "## " << T(QT_TRANSLATE_NOOP("Adr", "The numbers")) << "\n\n";
        const std::vector<const char*> base = {"gke-standard", "gke-autopilot", "eks"};
        const std::vector<const char*> spot = {"gke-standard-spot", "gke-autopilot-spot", "eks-spot"};
        m_out << "| | " << optionTitle("gke-standard") << " | " << optionTitle("gke-autopilot") << " | " << optionTitle("eks")
              << " |\n|---|---:|---:|---:|\n";
        auto row = [&](const std::string& label, const std::vector<const char*>& names, auto value) {
            m_out << "| " << label;
            for (const char* n : names) {
                const Option* o = opt(n);
                m_out << " | " << (o ? value(*o) : std::string("—"));
            }
            m_out << " |\n";
        };
        row(T(QT_TRANSLATE_NOOP("Adr", "per hour")), base, [&](const Option& o) { return hourly(o.hourly); });
        row("**" + T(QT_TRANSLATE_NOOP("Adr", "per month")) + "**", base, [&](const Option& o) { return "**" + dollars(o.monthly) + "**"; });
        row(T(QT_TRANSLATE_NOOP("Adr", "— used by the Pods")), base, [&](const Option& o) { return dollars(o.computeMonthly); });
        row(T(QT_TRANSLATE_NOOP("Adr", "— waste: idle capacity, rounding")), base, [&](const Option& o) { return dollars(o.wasteMonthly); });
        row(T(QT_TRANSLATE_NOOP("Adr", "— control-plane fees (after the free tier)")), base, [&](const Option& o) { return dollars(o.fees.monthly); });
        bool spotDiffers = false;
        for (size_t i = 0; i < base.size(); ++i) {
            const Option* a = opt(base[i]);
            const Option* b = opt(spot[i]);
            spotDiffers = spotDiffers || (a && b && std::abs(a->monthly - b->monthly) > 0.005);
        }
        if (spotDiffers)
            row(T(QT_TRANSLATE_NOOP("Adr", "per month with Spot where Pods tolerate it")), spot, [&](const Option& o) { return dollars(o.monthly); });
        row(T(QT_TRANSLATE_NOOP("Adr", "caveats")), base, [&](const Option& o) { return caveats(o); });
        m_out << "\n";
        if (opt("gke-standard-spot") && !spotDiffers)
            m_out << T(QT_TRANSLATE_NOOP("Adr", "No workload is marked `spot: true`: the Spot variants cost the same.")) << "\n\n";
        const std::string cheapest = cheapestOption(m_c);
        if (!cheapest.empty())
            m_out << T(QT_TRANSLATE_NOOP("Adr", "Cheapest option that places every Pod at known prices: **%1**."), {optionTitle(cheapest)}) << "\n\n";
        else
            m_out << T(QT_TRANSLATE_NOOP("Adr", "No option places every Pod at known prices; read the caveats of each figure.")) << "\n\n";

        // Per workload.
        m_out << "### " << T(QT_TRANSLATE_NOOP("Adr", "Per workload, per month")) << "\n\n";
        m_out << "| " << T(QT_TRANSLATE_NOOP("Adr", "workload")) << " | " << T(QT_TRANSLATE_NOOP("Adr", "class")) << " | "
              << optionTitle("gke-standard") << " | " << optionTitle("gke-autopilot") << " | " << optionTitle("eks")
              << " |\n|---|---|---:|---:|---:|\n";
        for (const auto& w : m_plan.workloads) {
            m_out << "| `" << w.name << "` | " << kindName(w.kind);
            for (const char* n : base) {
                const Option* o = opt(n);
                const WorkloadCost* wc = o ? o->workload(w.name) : nullptr;
                m_out << " | " << (wc ? cell(*wc) : std::string("—"));
            }
            m_out << " |\n";
        }
        m_out << "\n" << T(QT_TRANSLATE_NOOP("Adr", "¹ Autopilot premium not included: unknown. ² Autopilot refuses it: priced on a GKE Standard cluster (needs Standard). ³ Runs on an equivalent or substitute accelerator. ⁴ Pods not placed: the figure is for the placed Pods only."))
              << "\n\n";

        breakEven();
        substitutions();
        refusals();
        unplaced();
    }

    std::string cell(const WorkloadCost& wc) const
    {
        if (wc.unplaced > 0 && wc.unplaced >= wc.replicas)
            return T(QT_TRANSLATE_NOOP("Adr", "not placed")) + " ⁴";
        std::string s = dollars(wc.monthly);
        if (wc.premiumUnknown)
            s += " ¹";
        if (wc.billing == toString(AutopilotBilling::Refused))
            s += " ²";
        if (wc.match == MatchKind::Equivalent || wc.match == MatchKind::Substitute)
            s += " ³";
        if (wc.unplaced > 0)
            s += " ⁴";
        return s;
    }

    void breakEven()
    {
        if (m_c.breakEven.empty())
            return;
        m_out << "### " << T(QT_TRANSLATE_NOOP("Adr", "Break-even node utilisation per workload class")) << "\n\n";
        m_out << T(QT_TRANSLATE_NOOP("Adr", "Standard pays for whole nodes; Autopilot pays for requests plus its premium. With U the Standard cost of the capacity the Pods use and A their Autopilot bill, Standard costs U ÷ u at node utilisation u, so Autopilot is cheaper below u* = U ÷ A (docs/cost.md)."))
              << "\n\n";
        m_out << "| " << T(QT_TRANSLATE_NOOP("Adr", "class")) << " | " << T(QT_TRANSLATE_NOOP("Adr", "Autopilot A")) << " | "
              << T(QT_TRANSLATE_NOOP("Adr", "Standard at full use U")) << " | " << T(QT_TRANSLATE_NOOP("Adr", "Standard today"))
              << " | " << T(QT_TRANSLATE_NOOP("Adr", "utilisation today")) << " | "
              << T(QT_TRANSLATE_NOOP("Adr", "Autopilot cheaper below")) << " |\n|---|---:|---:|---:|---:|---:|\n";
        const double h = m_c.hoursPerMonth;
        for (const auto& b : m_c.breakEven) {
            if (b.workloads.empty())
                continue;
            std::string be = b.breakEven ? percent(*b.breakEven) : std::string("—");
            if (b.breakEven && b.premiumUnknown)
                be += " ¹";
            m_out << "| " << kindName(b.kind) << " | " << dollars(b.autopilotHourly * h) << (b.premiumUnknown ? " ¹" : "")
                  << " | " << dollars(b.standardUsedHourly * h) << " | " << dollars(b.standardHourly * h) << " | "
                  << percent(b.utilization) << " | " << be << " |\n";
        }
        m_out << "\n" << T(QT_TRANSLATE_NOOP("Adr", "Monthly figures at %1 hours. ¹ The Autopilot premium is not included (unknown): the true break-even is lower."),
                           {std::to_string(m_c.hoursPerMonth)})
              << "\n\n";
    }

    void substitutions()
    {
        std::vector<std::string> lines;
        std::set<std::string> seen;
        for (const char* n : {"eks", "gke-standard"}) {
            const Option* o = opt(n);
            if (!o)
                continue;
            for (const auto& s : o->substitutions) {
                if (!seen.insert(std::string(n) + s.workload).second)
                    continue;
                std::string line = "- " + optionTitle(n) + ", `" + s.workload + "` (" + toString(s.kind) + "): " + s.from
                                 + " → " + s.to;
                if (s.kind == MatchKind::Substitute)
                    line += ". " + T(QT_TRANSLATE_NOOP("Adr", "Needs at least %1 bf16 TFLOPs and %2 GiB of accelerator memory; gets %3 TFLOPs and %4 GiB for %5/h"),
                                     {num(s.neededTflops), num(s.neededMemoryGiB), num(s.providedTflops), num(s.providedMemoryGiB),
                                      hourly(s.configurationHourly)});
                if (s.kind == MatchKind::Impossible)
                    line += ". " + T(QT_TRANSLATE_NOOP("Adr", "Nothing in the catalog has at least %1 bf16 TFLOPs and %2 GiB"),
                                     {num(s.neededTflops), num(s.neededMemoryGiB)});
                if (s.fromMemory)
                    line += " " + T(QT_TRANSLATE_NOOP("Adr", "(figures from memory in the catalog: confidence M)"));
                lines.push_back(line + ".");
            }
        }
        if (lines.empty())
            return;
        m_out << "### " << T(QT_TRANSLATE_NOOP("Adr", "Equivalents and substitutes")) << "\n\n";
        for (const auto& l : lines)
            m_out << l << "\n";
        m_out << "\n";
    }

    void refusals()
    {
        const Option* a = opt("gke-autopilot");
        if (!a || a->refused.empty())
            return;
        m_out << "### " << T(QT_TRANSLATE_NOOP("Adr", "Refused by Autopilot (needs Standard)")) << "\n\n";
        for (const auto& r : a->refused)
            m_out << "- `" << r.workload << "` (" << r.replicas << " Pods), " << r.feature << ": " << r.reason << "\n";
        m_out << "\n";
    }

    void unplaced()
    {
        std::vector<std::string> lines;
        for (const auto& o : m_c.options) {
            if (o.spot)
                continue;
            for (const auto& u : o.unplaced)
                lines.push_back("- " + optionTitle(o.name) + ", `" + u.workload + "`: "
                                + T(QT_TRANSLATE_NOOP("Adr", "%1 Pod(s) not placed: %2"), {std::to_string(u.pods), u.reason}));
        }
        if (lines.empty())
            return;
        m_out << "### " << T(QT_TRANSLATE_NOOP("Adr", "Pods that could not be placed")) << "\n\n";
        for (const auto& l : lines)
            m_out << l << "\n";
        m_out << "\n";
    }

    struct ClassTotals {
        double monthly = 0;
        bool complete = true;
        bool premiumUnknown = false;
        std::set<std::string> unverified;
    };

    ClassTotals classTotal(const char* option, model::WorkloadKind kind) const
    {
        ClassTotals t;
        const Option* o = opt(option);
        if (!o) {
            t.complete = false;
            return t;
        }
        for (const auto& wc : o->workloads) {
            if (wc.kind != kind)
                continue;
            t.monthly += wc.monthly;
            t.complete = t.complete && wc.unplaced == 0 && wc.priceKnown;
            t.premiumUnknown = t.premiumUnknown || wc.premiumUnknown;
            t.unverified.insert(wc.unverifiedPrices.begin(), wc.unverifiedPrices.end());
        }
        return t;
    }

    void decision()
    {
        m_out << "## " << T(QT_TRANSLATE_NOOP("Adr", "Decision")) << "\n\n";
        for (auto kind : {model::WorkloadKind::Training, model::WorkloadKind::Inference, model::WorkloadKind::Batch,
                          model::WorkloadKind::Notebook}) {
            if (std::none_of(m_plan.workloads.begin(), m_plan.workloads.end(), [&](const model::Workload& w) { return w.kind == kind; }))
                continue;
            const ClassTotals s = classTotal("gke-standard", kind);
            const ClassTotals a = classTotal("gke-autopilot", kind);
            const ClassTotals e = classTotal("eks", kind);
            struct Cand {
                const char* name;
                ClassTotals t;
            };
            std::vector<Cand> cands = {{"gke-standard", s}, {"gke-autopilot", a}, {"eks", e}};
            const Cand* best = nullptr;
            for (const auto& c : cands) {
                if (c.t.complete && !c.t.premiumUnknown && (!best || c.t.monthly < best->t.monthly))
                    best = &c;
            }
            m_out << "- **" << kindName(kind) << "** → ";
            if (!best) {
                m_out << T(QT_TRANSLATE_NOOP("Adr", "no decision: no option places every Pod of this class at known prices.")) << "\n";
                continue;
            }
            m_out << "**" << optionTitle(best->name) << "**: ";
            std::string figures;
            for (const auto& c : cands)
                figures += (figures.empty() ? "" : ", ") + optionTitle(c.name) + " " + dollars(c.t.monthly)
                         + (c.t.premiumUnknown ? " ¹" : "") + (c.t.complete ? "" : " ⁴");
            m_out << figures << " " << T(QT_TRANSLATE_NOOP("Adr", "a month")) << ".";
            // A lower bound below the best figure: the unknown premium decides.
            for (const auto& c : cands) {
                if (c.t.premiumUnknown && c.t.complete && c.t.monthly < best->t.monthly)
                    m_out << " "
                          << T(QT_TRANSLATE_NOOP("Adr", "%1 is cheaper only if its unknown premium stays below %2 a month for this class."),
                               {optionTitle(c.name), dollars(best->t.monthly - c.t.monthly)});
            }
            auto it = std::find_if(m_c.breakEven.begin(), m_c.breakEven.end(), [&](const BreakEven& b) { return b.kind == kind; });
            if (it != m_c.breakEven.end() && it->breakEven && !it->workloads.empty()) {
                m_out << " "
                      << T(QT_TRANSLATE_NOOP("Adr", "Standard nodes are %1 used today; Autopilot is the cheaper GKE mode below %2 utilisation."),
                           {percent(it->utilization), percent(*it->breakEven)});
                if (it->premiumUnknown)
                    m_out << " " << T(QT_TRANSLATE_NOOP("Adr", "Its premium is unknown, so that threshold is an upper bound."));
            }
            if (!best->t.unverified.empty()) {
                std::string list;
                for (const auto& u : best->t.unverified)
                    list += (list.empty() ? "" : ", ") + u;
                m_out << " **"
                      << T(QT_TRANSLATE_NOOP("Adr", "This rests on prices the catalog marks unverified (%1): check them before deciding."), {list})
                      << "**";
            }
            if (it != m_c.breakEven.end() && it->refused > 0)
                m_out << " " << T(QT_TRANSLATE_NOOP("Adr", "%1 workload(s) of this class cannot run on Autopilot."), {std::to_string(it->refused)});
            m_out << "\n";
        }
        m_out << "\n";
    }

    void consequences()
    {
        m_out << "## " << T(QT_TRANSLATE_NOOP("Adr", "Consequences")) << "\n\n";
        if (const Option* s = opt("gke-standard")) {
            const double share = s->monthly > 0 ? s->wasteMonthly / s->monthly : 0;
            m_out << "- " << T(QT_TRANSLATE_NOOP("Adr", "On GKE Standard (and EKS) the team owns the bin-packing: today %1 a month (%2 of the Standard bill) pays for idle node capacity. Raising utilisation lowers Standard's cost; Autopilot's does not move."),
                               {dollars(s->wasteMonthly), percent(share)})
                  << "\n";
        }
        if (const Option* a = opt("gke-autopilot")) {
            if (a->premiumUnknown)
                m_out << "- " << T(QT_TRANSLATE_NOOP("Adr", "Autopilot's GPU/TPU figures are the Compute Engine hardware only where the catalog has no premium (premium not included: unknown): they are lower bounds.")) << "\n";
            if (!a->refused.empty())
                m_out << "- " << T(QT_TRANSLATE_NOOP("Adr", "Choosing Autopilot keeps a GKE Standard cluster for the refused workloads (one more cluster fee), or changes those workloads.")) << "\n";
            m_out << "- " << T(QT_TRANSLATE_NOOP("Adr", "On Autopilot, requests are the bill: %1 a month goes to rounding up to Autopilot's steps and ratios and to DaemonSets."),
                               {dollars(a->wasteMonthly)})
                  << "\n";
        }
        if (const Option* e = opt("eks")) {
            bool substitute = false;
            for (const auto& s : e->substitutions)
                substitute = substitute || s.kind == MatchKind::Substitute;
            if (substitute)
                m_out << "- " << T(QT_TRANSLATE_NOOP("Adr", "EKS runs some workloads on other accelerators (a TPU job on Trainium means porting it to the Neuron SDK); their figures assume equal bf16 throughput.")) << "\n";
            m_out << "- " << T(QT_TRANSLATE_NOOP("Adr", "Control-plane fees: %1 a month on GKE Standard, %2 on Autopilot, %3 on EKS."),
                               {opt("gke-standard") ? dollars(opt("gke-standard")->fees.monthly) : "—",
                                opt("gke-autopilot") ? dollars(opt("gke-autopilot")->fees.monthly) : "—", dollars(e->fees.monthly)})
                  << "\n";
        }
        m_out << "\n";
    }

    void assumptions()
    {
        m_out << "## " << T(QT_TRANSLATE_NOOP("Adr", "Assumptions and sources")) << "\n\n";
        m_out << "- " << T(QT_TRANSLATE_NOOP("Adr", "Prices come from the catalog (dated %1 to %2), never from constants; a catalog override (`--catalog`) with negotiated prices changes every figure."),
                           {m_c.oldestPriceDate, m_c.priceDate})
              << "\n";
        m_out << "- " << T(QT_TRANSLATE_NOOP("Adr", "GKE Standard and EKS nodes are packed by Clusterwright's solver; each workload is charged its share of its nodes, idle room included.")) << "\n";
        m_out << "- " << T(QT_TRANSLATE_NOOP("Adr", "Autopilot DaemonSets are billed on at least the general-purpose nodes that the requests need (an estimate: Autopilot chooses its nodes).")) << "\n";
        if (!m_c.unverifiedPrices.empty()) {
            m_out << "- " << T(QT_TRANSLATE_NOOP("Adr", "Figures that use prices the catalog marks unverified:")) << "\n";
            for (const auto& u : m_c.unverifiedPrices)
                m_out << "  - " << u << "\n";
        }
        const auto& prem = m_cat.rules().autopilot;
        std::string known;
        for (const auto& p : prem.acceleratorPremiums)
            known += (known.empty() ? "" : ", ") + p.accelerator;
        m_out << "- " << T(QT_TRANSLATE_NOOP("Adr", "Autopilot accelerator premiums in the catalog: %1; every other accelerator's premium is unknown and not included."),
                           {known.empty() ? T(QT_TRANSLATE_NOOP("Adr", "none")) : known})
              << "\n";
    }

    const Comparison& m_c;
    const model::Plan& m_plan;
    const catalog::Catalog& m_cat;
    const AdrOptions& m_o;
    std::ostringstream m_out;
};

} // namespace

std::string adrMarkdown(const Comparison& c, const model::Plan& plan, const catalog::Catalog& cat, const AdrOptions& options)
{
    return Writer(c, plan, cat, options).write();
}

} // namespace cw::cost
