// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare.h"

#include "catalog/catalog.h"
#include "model/plan.h"

#include <functional>
#include <string>

namespace cw::cost {

// Translates one of the ADR's texts (context "Adr"); unset: English.
using AdrTranslator = std::function<std::string(const char* sourceText)>;

struct AdrOptions {
    std::string date;        // the record's date (YYYY-MM-DD); the caller's today
    std::string planFile;    // the plan's file, as the user named it
    std::string version;     // Clusterwright's version
    AdrTranslator translate;
};

// An architecture decision record in Markdown: context, the options, this plan's numbers
// (per option, per workload, break-even per workload class, substitutions, refusals),
// the decision per workload class, its consequences, and the catalog's price dates and
// unverified figures.
std::string adrMarkdown(const Comparison& c, const model::Plan& plan, const catalog::Catalog& cat,
                        const AdrOptions& options = {});

} // namespace cw::cost
