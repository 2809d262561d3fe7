// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "diag/diagnostic.h"
#include "model/plan.h"

namespace cw::check {

// Checks a plan that was read without errors against the catalog: machine types,
// accelerators, MIG profiles, settings that do not apply to the provider, prices that are
// missing or unverified. Adds its findings to diags with the plan's file:line:col.
void checkPlan(const model::Plan& plan, const catalog::Catalog& cat, diag::Diagnostics& diags);

} // namespace cw::check
