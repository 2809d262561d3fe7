// SPDX-License-Identifier: GPL-3.0-or-later
#include "feasibility.h"

#ifdef CW_HAVE_SOLVER
#include "solve/solver.h"
#endif

#include <QCoreApplication>

namespace cw::document {

solve::Feasibility checkPlacement(const model::Plan& plan, const catalog::Catalog& catalog,
                                  const std::string& workload, const std::string& cluster, const std::string& pool)
{
#ifdef CW_HAVE_SOLVER
    return solve::canPlace(plan, catalog, workload, cluster, pool);
#else
    (void)plan;
    (void)catalog;
    (void)workload;
    (void)cluster;
    (void)pool;
    solve::Feasibility f;
    f.fits = false;
    f.checks.push_back({"solver", false,
                        QCoreApplication::translate("Feasibility", "this build has no solver to check the placement").toStdString()});
    return f;
#endif
}

std::string refusalReason(const solve::Feasibility& feasibility)
{
    if (feasibility.fits)
        return {};
    for (const auto& c : feasibility.checks) {
        if (!c.ok)
            return c.detail.empty() ? c.constraint : c.detail;
    }
    return {};
}

} // namespace cw::document
