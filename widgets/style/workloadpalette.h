// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>

#include <string>
#include <unordered_map>

namespace cw::model {
struct Plan;
}

namespace cw::widgets {

// The colour of each workload of a plan, shared by every view that draws workloads (the
// canvas, the torus view, the charts), so that one workload has one colour everywhere. A
// workload keeps its colour while the plan is edited: the colour comes from its name, and
// only when another workload of the same cluster already has it does it move to the next
// free one. Light and dark themes get tones that read well on their backgrounds.
class WorkloadPalette
{
public:
    WorkloadPalette() = default;
    // Tones for the application's palette, or for the given one.
    explicit WorkloadPalette(const model::Plan& plan);
    WorkloadPalette(const model::Plan& plan, const QPalette& palette);

    QColor color(const std::string& workload) const;
    // Text that reads on color(workload).
    QColor textColor(const std::string& workload) const;

    static int size();
    // The n-th colour of the palette (for charts of things that are not workloads).
    static QColor colorAt(int index, bool dark);
    static bool isDark(const QPalette& palette);

private:
    std::unordered_map<std::string, int> m_index;
    bool m_dark = false;
};

// One workload's colour in a plan: WorkloadPalette(plan, palette).color(workload).
QColor workloadColor(const model::Plan& plan, const std::string& workload);
QColor workloadColor(const model::Plan& plan, const std::string& workload, const QPalette& palette);

} // namespace cw::widgets
