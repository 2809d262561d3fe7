// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Golden folders of the cost module: tests/data/cost/<case>/plan.yaml, an optional
// catalog.yaml override, and expected.txt, one result per line. The first word of a line
// names its scope; a test computes every scope it knows that appears in expected.txt and
// compares those lines exactly, so a failure reads like a diff.

#include "cost/autopilot.h"
#include "cost/fees.h"
#include "cost/substitute.h"
#include "model/quantity.h"

#include <QDir>
#include <QFile>
#include <QStringList>

#include <cstdio>
#include <set>
#include <string>

namespace costgolden {

inline std::string f6(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

inline std::string f2(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

inline QStringList readLines(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QStringList out;
    for (const QString& line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith(QLatin1Char('#')))
            out << t;
    }
    return out;
}

// The scope of a line: its first word, or its first two for "substitute eks".
inline QString scopeOf(const QString& line)
{
    const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    if (words.first() == QLatin1String("substitute") && words.size() > 1)
        return words[0] + QLatin1Char(' ') + words[1];
    return words.first();
}

inline void add(QStringList& out, const std::string& s) { out << QString::fromStdString(s); }

// Every workload of each cluster priced on Autopilot, with the cluster's DaemonSets.
inline QStringList autopilotLines(const cw::model::Plan& plan, const cw::catalog::Catalog& cat, bool spot = false)
{
    using namespace cw;
    QStringList out;
    double hourly = 0, monthly = 0, waste = 0;
    for (const auto& c : plan.clusters) {
        const auto workloads = plan.workloadsOf(c.name);
        if (workloads.empty())
            continue;
        const cost::AutopilotBill bill = cost::priceAutopilot(plan, workloads, c.daemonSets, cat, {spot});
        for (const auto& b : bill.workloads) {
            std::string head = "autopilot " + b.workload + " ";
            if (b.billing == cost::AutopilotBilling::Refused) {
                std::string features;
                for (const auto& r : b.refusals)
                    features += (features.empty() ? "" : ",") + r.feature;
                add(out, head + "needs-standard " + features);
                continue;
            }
            if (b.billing == cost::AutopilotBilling::Requests) {
                add(out, head + "requests cpu=" + model::formatCpuMilli(b.billed.cpuMilli)
                             + " memory=" + model::formatBytes(b.billed.memoryBytes)
                             + " ephemeral=" + model::formatBytes(b.billed.ephemeralBytes));
            } else {
                const auto& n = *b.nodes;
                add(out, head + "nodes=" + std::to_string(n.nodes) + " × " + n.machineType + " podsPerNode="
                             + std::to_string(n.podsPerNode) + " hardware=" + f6(n.hardwarePerNode) + " premium="
                             + (n.premiumKnown ? f6(n.premiumPerNode) : std::string("unknown")));
            }
            add(out, head + "hourly=" + f6(b.hourly) + " monthly=" + f6(b.monthly) + " waste=" + f6(b.wasteHourly));
        }
        for (const auto& d : bill.daemonSets)
            add(out, "autopilot daemonset " + d.name + " nodes=" + std::to_string(d.nodes) + " cpu="
                         + model::formatCpuMilli(d.billed.cpuMilli) + " memory=" + model::formatBytes(d.billed.memoryBytes)
                         + " hourly=" + f6(d.hourly));
        hourly += bill.hourly;
        monthly += bill.monthly;
        waste += bill.wasteHourly;
    }
    add(out, "autopilot total hourly=" + f6(hourly) + " monthly=" + f6(monthly) + " waste=" + f6(waste));
    return out;
}

inline QStringList feeLines(const cw::model::Plan& plan, const cw::catalog::Catalog& cat)
{
    using namespace cw;
    std::vector<cost::FeeCluster> clusters;
    for (const auto& c : plan.clusters)
        clusters.push_back({c.name, c.provider, c.mode, c.isZonal(), c.support, c.releaseChannel});
    const cost::FeeBill bill = cost::clusterFees(clusters, plan.freeTierCredit, plan.hoursPerMonth, cat);
    QStringList out;
    for (const auto& l : bill.lines)
        add(out, "fees " + l.cluster + " " + l.tier + " hourly=" + f2(l.hourly) + " gross=" + f2(l.monthlyGross)
                     + " credit=" + f2(l.credit) + " monthly=" + f2(l.monthly));
    add(out, "fees total hourly=" + f2(bill.hourly) + " gross=" + f2(bill.monthlyGross) + " credit=" + f2(bill.credit)
                 + " monthly=" + f2(bill.monthly));
    return out;
}

inline QStringList substituteLines(const cw::model::Plan& plan, const cw::catalog::Catalog& cat, cw::model::Provider target)
{
    using namespace cw;
    const std::string scope = std::string("substitute ") + model::toString(target) + " ";
    QStringList out;
    for (const auto& w : plan.workloads) {
        const cost::Translation t = cost::translateWorkload(w, plan, target, cat);
        if (t.kind == cost::MatchKind::Same)
            continue;
        std::string line = scope + w.name + " " + cost::toString(t.kind) + " " + t.from + " -> " + t.to;
        if (t.kind == cost::MatchKind::Substitute || t.kind == cost::MatchKind::Impossible)
            line += " tflops=" + f2(t.neededTflops) + "/" + f2(t.providedTflops) + " memory=" + f2(t.neededMemoryGiB)
                  + "/" + f2(t.providedMemoryGiB) + " hourly=" + f6(t.configurationHourly);
        add(out, line);
        const auto& r = t.workload.resources;
        std::string pod = scope + w.name + " pod replicas=" + std::to_string(t.workload.replicas);
        if (r.gpu)
            pod += " gpu=" + std::to_string(r.gpu->count) + "×" + r.gpu->type;
        for (const auto& [k, v] : r.extended)
            pod += " " + k + "=" + std::to_string(v);
        add(out, pod);
    }
    return out;
}

} // namespace costgolden

#include "cost/compare.h"

namespace costgolden {

// The lines of one option of a comparison ("gke-standard ...") or of the break-even.
inline QStringList compareLines(const cw::cost::Comparison& c, const QString& scope)
{
    using namespace cw;
    QStringList out;
    if (scope == QLatin1String("breakeven")) {
        for (const auto& b : c.breakEven) {
            add(out, std::string("breakeven ") + model::toString(b.kind) + " autopilot=" + f6(b.autopilotHourly)
                         + " used=" + f6(b.standardUsedHourly) + " standard=" + f6(b.standardHourly) + " utilization="
                         + f6(b.utilization) + " breakEven=" + (b.breakEven ? f6(*b.breakEven) : std::string("none"))
                         + " premium=" + (b.premiumUnknown ? "unknown" : "known") + " refused=" + std::to_string(b.refused)
                         + " cheaper=" + (b.cheaper.empty() ? std::string("unknown") : b.cheaper));
        }
        return out;
    }
    const cost::Option* o = c.option(scope.toStdString());
    if (!o)
        return out;
    const std::string head = o->name + " ";
    add(out, head + "total hourly=" + f6(o->hourly) + " monthly=" + f6(o->monthly) + " used=" + f6(o->computeMonthly)
                 + " waste=" + f6(o->wasteMonthly) + " fees=" + f2(o->fees.monthly) + " complete=" + (o->complete ? "yes" : "no")
                 + (o->premiumUnknown ? " premium=unknown" : ""));
    for (const auto& w : o->workloads) {
        add(out, head + w.workload + " " + w.billing + " hourly=" + f6(w.hourly) + " monthly=" + f6(w.monthly)
                     + " unplaced=" + std::to_string(w.unplaced) + (w.placement.empty() ? "" : " on " + w.placement));
    }
    for (const auto& s : o->substitutions)
        add(out, head + "substitution " + s.workload + " " + cost::toString(s.kind) + " " + s.from + " -> " + s.to);
    for (const auto& r : o->refused)
        add(out, head + "refused " + r.workload + " " + r.feature);
    for (const auto& u : o->unplaced)
        add(out, head + "unplaced " + u.workload + " " + std::to_string(u.pods) + " " + u.code);
    return out;
}

} // namespace costgolden
