// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "diag/diagnostic.h"
#include "model/plan.h"

#include <string>
#include <vector>

namespace cw::cost {

// A cluster that pays a control-plane fee.
struct FeeCluster {
    std::string name;
    model::Provider provider = model::Provider::Gke;
    model::ClusterMode mode = model::ClusterMode::Standard;
    bool zonal = false;                                   // GKE: a zonal cluster
    model::SupportTier support = model::SupportTier::Standard; // EKS
    std::string releaseChannel;                           // GKE: extended → a fee the catalog lacks
};

// The fee of one cluster for the month.
struct FeeLine {
    std::string cluster;
    model::Provider provider = model::Provider::Gke;
    std::string tier;          // GKE: zonal | regional | autopilot; EKS: standard | extended
    double hourly = 0;         // USD per cluster-hour
    double monthlyGross = 0;   // hourly × hours
    double credit = 0;         // GKE free-tier credit applied to this line (USD/month)
    double monthly = 0;        // monthlyGross - credit
    bool known = true;
    bool unverified = false;
    std::string source;        // catalog source id of the fee
};

// Control-plane fees of a set of clusters.
struct FeeBill {
    std::vector<FeeLine> lines;
    double hourly = 0;         // gross: what the clusters accrue each hour
    double monthlyGross = 0;
    double credit = 0;         // the GKE free-tier credit used (once per billing account)
    double monthly = 0;        // net of the credit
    bool known = true;
    bool unverified = false;
    std::vector<diag::Diagnostic> notes;
};

// GKE: the cluster fee for every cluster, with the free-tier credit applied once (to zonal
// and Autopilot clusters as the catalog says, never to regional ones) when the billing
// account still has it. EKS: the standard- or extended-support fee of each cluster.
FeeBill clusterFees(const std::vector<FeeCluster>& clusters, bool freeTierAvailable, int hoursPerMonth,
                    const catalog::Catalog& cat);

// The fee tier of a GKE cluster as the free-tier rule names it: zonal, regional or autopilot.
std::string gkeFeeTier(const FeeCluster& c);

} // namespace cw::cost
