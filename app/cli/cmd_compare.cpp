// SPDX-License-Identifier: GPL-3.0-or-later
// clusterwright-cli compare: the plan's workloads priced on GKE Standard, GKE Autopilot and EKS.
#include "cli.h"
#include "report/numbers.h"
#include "i18n/translations.h"

#include "cost/adr.h"
#include "cost/compare.h"
#include "cost/comparisonjson.h"
#include "io/planwriter.h"

#include <QDate>

#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace cw::cli {

namespace {

std::string money(double v)
{
    return report::groupThousands(v, 2);
}

std::string perHour(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}

std::string percent(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f %%", v * 100.0);
    return buf;
}

std::string num(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

// Left- or right-aligned in w terminal columns.
std::string left(const std::string& s, size_t w)
{
    return displayWidth(s) >= w ? s + " " : fit(s, -int(w));
}

std::string right(const std::string& s, size_t w)
{
    return displayWidth(s) >= w ? " " + s : fit(s, int(w));
}

std::string kindText(model::WorkloadKind k)
{
    switch (k) {
    case model::WorkloadKind::Training: return Cli::tr("training").toStdString();
    case model::WorkloadKind::Inference: return Cli::tr("inference").toStdString();
    case model::WorkloadKind::Batch: return Cli::tr("batch").toStdString();
    case model::WorkloadKind::Notebook: return Cli::tr("notebook").toStdString();
    }
    return {};
}

std::string optionNote(const cost::Option& o)
{
    std::string s;
    int pods = 0;
    for (const auto& u : o.unplaced)
        pods += u.pods;
    if (pods > 0)
        s += Cli::tr("%1 Pod(s) not placed").arg(pods).toStdString();
    if (o.premiumUnknown)
        s += (s.empty() ? "" : "; ") + Cli::tr("premium not included: unknown").toStdString();
    if (!o.complete && pods == 0 && !o.premiumUnknown)
        s += (s.empty() ? "" : "; ") + Cli::tr("a price is missing").toStdString();
    if (o.unverified)
        s += (s.empty() ? "" : "; ") + Cli::tr("unverified prices (!)").toStdString();
    return s;
}

std::string cell(const cost::WorkloadCost& w)
{
    std::string s = money(w.monthly);
    if (w.premiumUnknown)
        s += " ¹";
    if (w.billing == cost::toString(cost::AutopilotBilling::Refused))
        s += " ²";
    if (w.match == cost::MatchKind::Equivalent || w.match == cost::MatchKind::Substitute)
        s += " ³";
    if (w.unplaced > 0)
        s += " ⁴";
    return s;
}

std::string text(const cost::Comparison& c, const model::Plan& plan)
{
    std::string t;
    t += Cli::tr("Plan '%1': %2 workload(s) priced on GKE Standard, GKE Autopilot and EKS\n"
            "Prices: GKE %3, EKS %4, catalog dated %5 to %6; %7 hours a month; USD\n\n")
             .arg(QString::fromStdString(c.plan))
             .arg(plan.workloads.size())
             .arg(QString::fromStdString(c.gkeRegion), QString::fromStdString(c.eksRegion),
                  QString::fromStdString(c.oldestPriceDate), QString::fromStdString(c.priceDate))
             .arg(c.hoursPerMonth)
             .toStdString();
    t += left(Cli::tr("option").toStdString(), 20) + right(Cli::tr("per hour").toStdString(), 12) + right(Cli::tr("per month").toStdString(), 14)
       + right(Cli::tr("used").toStdString(), 14) + right(Cli::tr("waste").toStdString(), 12) + right(Cli::tr("fees").toStdString(), 10) + "  "
       + Cli::tr("note").toStdString() + "\n";
    // The Spot variants only when some workload is priced on Spot capacity: otherwise they repeat.
    bool anySpot = false;
    for (const auto& o : c.options) {
        for (const auto& w : o.workloads)
            anySpot = anySpot || (o.spot && w.spot);
    }
    for (const auto& o : c.options) {
        if (o.spot && !anySpot)
            continue;
        t += left(o.name, 20) + right(perHour(o.hourly), 12) + right(money(o.monthly), 14) + right(money(o.computeMonthly), 14)
           + right(money(o.wasteMonthly), 12) + right(money(o.fees.monthly), 10) + "  " + optionNote(o) + "\n";
    }
    if (!anySpot && c.options.size() > 3)
        t += Cli::tr("(no workload is marked spot: true; the Spot variants equal these options)\n").toStdString();
    const std::string cheapest = cost::cheapestOption(c);
    t += "\n";
    if (cheapest.empty())
        t += Cli::tr("No option places every Pod at known prices.\n").toStdString();
    else
        t += Cli::tr("Cheapest option that places every Pod at known prices: %1\n").arg(QString::fromStdString(cheapest)).toStdString();

    // Per workload, the three on-demand options.
    const std::vector<std::string> base = {"gke-standard", "gke-autopilot", "eks"};
    t += "\n" + Cli::tr("Per workload, per month:").toStdString() + "\n";
    t += left(Cli::tr("workload").toStdString(), 22) + left(Cli::tr("class").toStdString(), 11);
    for (const auto& n : base)
        t += right(n, 17);
    t += "\n";
    for (const auto& w : plan.workloads) {
        t += left(w.name, 22) + left(kindText(w.kind), 11);
        for (const auto& n : base) {
            const cost::Option* o = c.option(n);
            const cost::WorkloadCost* wc = o ? o->workload(w.name) : nullptr;
            t += right(wc ? cell(*wc) : "-", 17);
        }
        t += "\n";
    }
    t += Cli::tr("  ¹ Autopilot premium not included: unknown  ² refused by Autopilot: priced on GKE Standard (needs Standard)\n"
            "  ³ equivalent or substitute accelerator     ⁴ Pods not placed: only the placed Pods are priced\n")
             .toStdString();

    // Where each workload runs, per option.
    t += "\n" + Cli::tr("Where the workloads run:").toStdString() + "\n";
    for (const auto& n : base) {
        const cost::Option* o = c.option(n);
        if (!o)
            continue;
        t += "  " + n + "\n";
        for (const auto& w : o->workloads) {
            std::string where = w.placement.empty() ? std::string("-") : w.placement;
            t += "    " + left(w.workload, 22) + left(w.billing, 18) + where + "\n";
        }
    }

    t += "\n" + Cli::tr("Fees (control plane, per month):").toStdString() + "\n";
    for (const auto& o : c.options) {
        if (o.spot)
            continue;
        t += "  " + left(o.name, 16)
           + Cli::tr("%1 cluster(s), %2/h, %3 gross, free-tier credit %4, %5 net")
                 .arg(o.fees.lines.size())
                 .arg(QString::fromStdString(perHour(o.fees.hourly)), QString::fromStdString(money(o.fees.monthlyGross)),
                      QString::fromStdString(money(o.fees.credit)), QString::fromStdString(money(o.fees.monthly)))
                 .toStdString()
           + "\n";
    }

    std::set<std::string> seen;
    std::string subs;
    for (const auto& o : c.options) {
        if (o.spot)
            continue;
        for (const auto& s : o.substitutions) {
            if (!seen.insert(o.name + s.workload).second)
                continue;
            subs += "  " + o.name + ": " + s.workload + " (" + cost::toString(s.kind) + "): " + s.from + " → " + s.to;
            if (s.kind == cost::MatchKind::Substitute)
                subs += "\n      " + Cli::tr("needs at least %1 bf16 TFLOPs and %2 GiB; gets %3 TFLOPs and %4 GiB%5")
                                      .arg(QString::fromStdString(num(s.neededTflops)), QString::fromStdString(num(s.neededMemoryGiB)),
                                           QString::fromStdString(num(s.providedTflops)), QString::fromStdString(num(s.providedMemoryGiB)),
                                           s.fromMemory ? Cli::tr(" (figures from memory: confidence M)") : QString())
                                      .toStdString();
            subs += "\n";
        }
    }
    if (!subs.empty())
        t += "\n" + Cli::tr("Equivalents and substitutes:").toStdString() + "\n" + subs;

    if (const cost::Option* a = c.option("gke-autopilot"); a && !a->refused.empty()) {
        t += "\n" + Cli::tr("Refused by Autopilot (priced on GKE Standard):").toStdString() + "\n";
        for (const auto& r : a->refused)
            t += "  " + r.workload + " (" + Cli::tr("%1 Pod(s)").arg(r.replicas).toStdString() + "), " + r.feature + ": " + r.reason + "\n";
    }

    std::string unplaced;
    for (const auto& o : c.options) {
        if (o.spot)
            continue;
        for (const auto& u : o.unplaced)
            unplaced += "  " + o.name + ": " + u.workload + ": " + Cli::tr("%1 Pod(s): %2").arg(u.pods).arg(QString::fromStdString(u.reason)).toStdString() + "\n";
    }
    if (!unplaced.empty())
        t += "\n" + Cli::tr("Not placed:").toStdString() + "\n" + unplaced;

    if (!c.breakEven.empty()) {
        t += "\n" + Cli::tr("Break-even: the node utilisation below which Autopilot costs less than Standard (u* = U ÷ A):").toStdString() + "\n";
        t += "  " + left(Cli::tr("class").toStdString(), 11) + right(Cli::tr("Autopilot A").toStdString(), 14)
           + right(Cli::tr("Standard U").toStdString(), 14) + right(Cli::tr("Standard today").toStdString(), 16)
           + right(Cli::tr("utilisation").toStdString(), 13) + right(Cli::tr("break-even").toStdString(), 12) + "  "
           + Cli::tr("cheaper").toStdString() + "\n";
        t += "  " + Cli::tr("($ a month; U: Standard at 100 % utilisation; Autopilot is cheaper below the break-even utilisation)").toStdString() + "\n";
        for (const auto& b : c.breakEven) {
            if (b.workloads.empty()) {
                t += "  " + left(kindText(b.kind), 11) + Cli::tr("every workload refused by Autopilot").toStdString() + "\n";
                continue;
            }
            const double h = c.hoursPerMonth;
            std::string be = b.breakEven ? percent(*b.breakEven) : "-";
            const std::string cheaper = b.cheaper.empty() ? Cli::tr("depends on the premium").toStdString() : b.cheaper;
            t += "  " + left(kindText(b.kind), 11) + right(money(b.autopilotHourly * h) + (b.premiumUnknown ? " ¹" : ""), 14)
               + right(money(b.standardUsedHourly * h), 14) + right(money(b.standardHourly * h), 16)
               + right(percent(b.utilization), 13) + right(be, 12) + "  " + cheaper + "\n";
        }
        bool anyUnknown = false;
        for (const auto& b : c.breakEven)
            anyUnknown = anyUnknown || (b.premiumUnknown && !b.workloads.empty());
        if (anyUnknown)
            t += "  " + Cli::tr("¹ Autopilot premium not included: unknown; that break-even is an upper bound").toStdString() + "\n";
    }
    if (!c.unverifiedPrices.empty()) {
        std::string list;
        for (const auto& u : c.unverifiedPrices)
            list += (list.empty() ? "" : ", ") + u;
        t += "\n" + Cli::tr("(!) prices the catalog marks unverified, used above: %1 (see 'catalog show TYPE').")
                         .arg(QString::fromStdString(list))
                         .toStdString()
           + "\n";
    }
    return t;
}

} // namespace

int runCompare(const Args& args)
{
    if (args.positional.size() != 1)
        return usageError(Cli::tr("compare needs exactly one PLAN file"));
    if (args.has("adr") && args.value("adr")->empty())
        return usageError(Cli::tr("--adr needs a file name"));
    auto cat = loadCatalog(args);
    if (!cat)
        return kUsage;
    const std::string& path = args.positional.front();
    diag::Diagnostics diags;
    auto plan = loadPlan(path, *cat, &diags, args.json);
    if (!plan) {
        const bool ioError = isIoError(diags);
        if (args.json)
            printJson({{"file", path}, {"ok", false}, {"diagnostics", diagnosticsJson(diags)}});
        return ioError ? kUsage : kPlanErrors;
    }
    const cost::Comparison c = cost::compare(*plan, *cat);
    if (!args.json) {
        for (const auto& d : c.diagnostics.items()) {
            if (d.severity != diag::Severity::Info)
                err(i18n::formatDiagnostic(d).toStdString() + "\n");
        }
    }
    if (auto adr = args.value("adr")) {
        cost::AdrOptions o;
        o.date = QDate::currentDate().toString(Qt::ISODate).toStdString();
        o.planFile = path;
        o.version = CW_VERSION;
        o.translate = [](const char* s) { return QCoreApplication::translate("Adr", s).toStdString(); };
        std::string error;
        if (!io::writeFileAtomically(*adr, cost::adrMarkdown(c, *plan, *cat, o), &error)) {
            diag::Diagnostics d;
            d.add("CW616", {*adr, 0, 0}, {*adr, error});
            printDiagnostics(d);
            return kUsage;
        }
        if (!args.json)
            err(Cli::tr("Architecture decision record written to %1\n").arg(QString::fromStdString(*adr)).toStdString());
    }
    if (args.json) {
        nlohmann::json j = cost::toJson(c);
        j["file"] = path;
        if (auto adr = args.value("adr"))
            j["adr"] = *adr;
        printJson(j);
    } else {
        out(text(c, *plan));
    }
    return kOk;
}

} // namespace cw::cli
