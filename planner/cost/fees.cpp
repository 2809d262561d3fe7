// SPDX-License-Identifier: GPL-3.0-or-later
#include "fees.h"

#include "costutil.h"

#include <algorithm>

namespace cw::cost {

using namespace detail;

std::string gkeFeeTier(const FeeCluster& c)
{
    if (c.mode == model::ClusterMode::Autopilot)
        return "autopilot";
    return c.zonal ? "zonal" : "regional";
}

FeeBill clusterFees(const std::vector<FeeCluster>& clusters, bool freeTierAvailable, int hoursPerMonth,
                    const catalog::Catalog& cat)
{
    const catalog::Fees& fees = cat.rules().fees;
    FeeBill bill;
    for (const auto& c : clusters) {
        FeeLine line;
        line.cluster = c.name;
        line.provider = c.provider;
        const catalog::PricePoint* p = nullptr;
        if (c.provider == model::Provider::Gke) {
            line.tier = gkeFeeTier(c);
            p = &fees.gkeClusterHour;
            if (c.releaseChannel == "extended")
                bill.notes.push_back(note("CW613", {c.name}, c.name));
        } else {
            const bool extended = c.support == model::SupportTier::Extended;
            line.tier = extended ? "extended" : "standard";
            p = extended ? &fees.eksExtendedSupportHour : &fees.eksStandardSupportHour;
        }
        line.source = p->source;
        line.known = usePrice(*p, line.hourly, line.unverified);
        if (!line.known)
            bill.notes.push_back(note("CW609", {"the control-plane fee of cluster '" + c.name + "'", "fees"}, c.name));
        line.monthlyGross = line.hourly * hoursPerMonth;
        line.monthly = line.monthlyGross;
        bill.lines.push_back(line);
    }

    // The free-tier credit: once per billing account, to the eligible GKE fees in order.
    double creditLeft = 0;
    bool creditUnverified = false;
    const bool anyGke = std::any_of(clusters.begin(), clusters.end(),
                                    [](const FeeCluster& c) { return c.provider == model::Provider::Gke; });
    if (anyGke && !freeTierAvailable)
        bill.notes.push_back(note("CW631", {}));
    if (freeTierAvailable)
        usePrice(fees.gkeFreeTierMonthlyCredit, creditLeft, creditUnverified);
    const auto& eligible = fees.gkeFreeTierAppliesTo;
    for (size_t i = 0; i < bill.lines.size() && creditLeft > 0; ++i) {
        FeeLine& line = bill.lines[i];
        if (line.provider != model::Provider::Gke
            || std::find(eligible.begin(), eligible.end(), line.tier) == eligible.end())
            continue;
        const double used = std::min(creditLeft, line.monthlyGross);
        if (used <= 0)
            continue;
        line.credit = used;
        line.monthly = line.monthlyGross - used;
        line.unverified = line.unverified || creditUnverified;
        creditLeft -= used;
        bill.notes.push_back(note("CW630", {"$" + money(fees.gkeFreeTierMonthlyCredit.value()), line.cluster}, line.cluster));
    }
    for (const auto& line : bill.lines) {
        bill.hourly += line.hourly;
        bill.monthlyGross += line.monthlyGross;
        bill.credit += line.credit;
        bill.monthly += line.monthly;
        bill.known = bill.known && line.known;
        bill.unverified = bill.unverified || line.unverified;
    }
    return bill;
}

} // namespace cw::cost
