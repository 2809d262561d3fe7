// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisonjson.h"

#include <cmath>

namespace cw::cost {

using nlohmann::json;

namespace {

// Amounts rounded to 1e-6 USD so that the output is stable and reads well.
double usd(double v)
{
    return std::round(v * 1e6) / 1e6;
}

json notesJson(const std::vector<diag::Diagnostic>& notes)
{
    json out = json::array();
    for (const auto& d : notes)
        out.push_back({{"code", d.code}, {"severity", std::string(diag::severityName(d.severity))}, {"message", d.message()}});
    return out;
}

json optionJson(const Option& o)
{
    json fees = {
        {"hourly", usd(o.fees.hourly)},
        {"monthlyGross", usd(o.fees.monthlyGross)},
        {"freeTierCredit", usd(o.fees.credit)},
        {"monthly", usd(o.fees.monthly)},
        {"unverified", o.fees.unverified},
    };
    json feeLines = json::array();
    for (const auto& l : o.fees.lines) {
        feeLines.push_back({{"cluster", l.cluster}, {"provider", model::toString(l.provider)}, {"tier", l.tier},
                            {"hourly", usd(l.hourly)}, {"monthlyGross", usd(l.monthlyGross)}, {"credit", usd(l.credit)},
                            {"monthly", usd(l.monthly)}, {"unverified", l.unverified}, {"source", l.source}});
    }
    fees["clusters"] = feeLines;

    json workloads = json::array();
    for (const auto& w : o.workloads) {
        json j = {
            {"name", w.workload},
            {"kind", model::toString(w.kind)},
            {"sourceCluster", w.sourceCluster},
            {"cluster", w.cluster},
            {"replicas", w.replicas},
            {"hoursPerMonth", w.hoursPerMonth},
            {"hourlyCost", usd(w.hourly)},
            {"monthlyCost", usd(w.monthly)},
            {"wasteHourly", usd(w.idleHourly)},
            {"billing", w.billing},
            {"placement", w.placement},
            {"match", toString(w.match)},
            {"unplaced", w.unplaced},
            {"spot", w.spot},
            {"priceKnown", w.priceKnown},
            {"premiumUnknown", w.premiumUnknown},
            {"unverified", w.unverified},
            {"unverifiedPrices", w.unverifiedPrices},
        };
        if (w.premiumUnknown)
            j["premium"] = "premium not included: unknown";
        j["notes"] = notesJson(w.notes);
        workloads.push_back(std::move(j));
    }
    json subs = json::array();
    for (const auto& s : o.substitutions) {
        json j = {{"workload", s.workload}, {"kind", toString(s.kind)}, {"from", s.from}, {"to", s.to}};
        if (!s.family.empty())
            j["family"] = s.family;
        if (s.kind == MatchKind::Substitute || s.kind == MatchKind::Impossible) {
            j["neededTflops"] = usd(s.neededTflops);
            j["neededMemoryGiB"] = usd(s.neededMemoryGiB);
            j["providedTflops"] = usd(s.providedTflops);
            j["providedMemoryGiB"] = usd(s.providedMemoryGiB);
            j["configurationHourly"] = usd(s.configurationHourly);
            j["fromMemory"] = s.fromMemory;
            j["sources"] = s.sources;
        }
        subs.push_back(std::move(j));
    }
    json refused = json::array();
    for (const auto& r : o.refused)
        refused.push_back({{"workload", r.workload}, {"feature", r.feature}, {"reason", r.reason},
                           {"source", r.source}, {"replicas", r.replicas}});
    json unplaced = json::array();
    for (const auto& u : o.unplaced)
        unplaced.push_back({{"workload", u.workload}, {"cluster", u.cluster}, {"pods", u.pods}, {"reason", u.reason},
                            {"code", u.code}});
    json j = {
        {"name", o.name},
        {"spot", o.spot},
        {"provider", model::toString(o.provider)},
        {"region", o.region},
        {"hourlyCost", usd(o.hourly)},
        {"monthlyCost", usd(o.monthly)},
        {"computeHourly", usd(o.computeHourly)},
        {"computeMonthly", usd(o.computeMonthly)},
        {"wasteHourly", usd(o.wasteHourly)},
        {"wasteMonthly", usd(o.wasteMonthly)},
        {"lowerBoundHourlyCost", usd(o.lowerBoundHourly)},
        {"complete", o.complete},
        {"premiumUnknown", o.premiumUnknown},
        {"unverified", o.unverified},
    };
    if (o.premiumUnknown)
        j["premium"] = "premium not included: unknown";
    j["fees"] = fees;
    j["workloads"] = workloads;
    j["substitutions"] = subs;
    j["refused"] = refused;
    j["unplaced"] = unplaced;
    j["notes"] = notesJson(o.notes);
    return j;
}

} // namespace

std::string cheapestOption(const Comparison& c, bool spot)
{
    const Option* best = nullptr;
    for (const auto& o : c.options) {
        if (o.spot != spot || !o.complete || o.premiumUnknown)
            continue;
        if (!best || o.monthly < best->monthly)
            best = &o;
    }
    return best ? best->name : std::string();
}

json toJson(const Comparison& c)
{
    json options = json::array();
    for (const auto& o : c.options)
        options.push_back(optionJson(o));
    json breakEven = json::array();
    for (const auto& b : c.breakEven) {
        breakEven.push_back({
            {"kind", model::toString(b.kind)},
            {"workloads", b.workloads},
            {"autopilotHourly", usd(b.autopilotHourly)},
            {"standardUsedHourly", usd(b.standardUsedHourly)},
            {"standardHourly", usd(b.standardHourly)},
            {"utilization", usd(b.utilization)},
            {"breakEvenUtilization", b.breakEven ? json(usd(*b.breakEven)) : json(nullptr)},
            {"premiumUnknown", b.premiumUnknown},
            {"refused", b.refused},
            {"cheaper", b.cheaper},
        });
    }
    json diags = json::array();
    for (const auto& d : c.diagnostics.items()) {
        json j = {{"code", d.code}, {"severity", std::string(diag::severityName(d.severity))}, {"message", d.message()}};
        if (!d.object.empty())
            j["object"] = d.object;
        diags.push_back(std::move(j));
    }
    return {
        {"plan", c.plan},
        {"priceDate", c.priceDate},
        {"oldestPriceDate", c.oldestPriceDate},
        {"hoursPerMonth", c.hoursPerMonth},
        {"regions", {{"gke", c.gkeRegion}, {"eks", c.eksRegion}}},
        {"cheapest", cheapestOption(c, false)},
        {"cheapestSpot", cheapestOption(c, true)},
        {"cancelled", c.cancelled},
        {"options", options},
        {"breakEven", breakEven},
        {"unverifiedPrices", c.unverifiedPrices},
        {"diagnostics", diags},
    };
}

} // namespace cw::cost
