// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "model/plan.h"
#include "solve/solution.h"

#include <string>

namespace cw::io {

// A plain-text summary of a plan for a terminal: clusters, pools with their machine types
// and list prices, workloads with their per-Pod requests, and the solved cost per cluster
// with the total.
std::string planSummary(const model::Plan& plan, const catalog::Catalog& cat);

// The solver's figures per cluster and the total, as planSummary prints them.
std::string solvedSummary(const solve::Solution& solution);

// "8 × nvidia-h100-80gb", "1 × nvidia-tesla-a100 1g.5gb", "TPU tpu-v5-lite-podslice 4x4", or "".
std::string acceleratorRequestText(const model::Resources& r);

} // namespace cw::io
