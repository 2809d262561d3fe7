// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloadpalette.h"

#include "model/plan.h"

#include <array>

namespace cw::widgets {

QColor workloadColor(int index)
{
    // Paul Tol's "bright" and "vibrant" qualitative schemes: distinct for colour-blind
    // readers and light enough that outlines and labels stay readable on top.
    static const std::array<QRgb, 12> hues = {
        0x4477AA, 0xEE7733, 0x228833, 0xCC3311, 0x33BBEE, 0xAA3377,
        0xCCBB44, 0x009988, 0xEE3377, 0x66CCEE, 0x882255, 0x999933,
    };
    if (index < 0)
        return QColor(0xBB, 0xBB, 0xBB);
    return QColor(hues[size_t(index) % hues.size()]);
}

QColor workloadColor(const model::Plan& plan, const std::string& workload)
{
    for (size_t i = 0; i < plan.workloads.size(); ++i) {
        if (plan.workloads[i].name == workload)
            return workloadColor(int(i));
    }
    return workloadColor(-1);
}

QColor workloadOutline(const QColor& fill)
{
    return fill.darker(150);
}

} // namespace cw::widgets
