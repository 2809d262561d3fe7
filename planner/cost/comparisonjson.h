// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare.h"

#include <nlohmann/json.hpp>

namespace cw::cost {

// The comparison as one JSON document (docs/cli.md, "compare"): deterministic (keys
// sorted), amounts in USD rounded to 1e-6.
nlohmann::json toJson(const Comparison& c);

// The cheapest option that priced every Pod with known prices, among the on-demand
// options (spot: the Spot variants); empty when none is complete.
std::string cheapestOption(const Comparison& c, bool spot = false);

} // namespace cw::cost
