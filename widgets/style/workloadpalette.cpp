// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloadpalette.h"

#include "model/plan.h"

#include <QGuiApplication>

#include <array>
#include <cmath>
#include <set>

namespace cw::widgets {

namespace {

// Twelve hues that stay apart for colour-blind readers as far as twelve can (after Tableau 10
// and Okabe-Ito), in a strong and a soft tone: 24 colours before one repeats.
constexpr std::array<QRgb, 24> kLight = {
    0xff4e79a7, 0xfff28e2b, 0xff59a14f, 0xffe15759, 0xff76b7b2, 0xffedc948,
    0xffb07aa1, 0xffff9da7, 0xff9c755f, 0xff0072b2, 0xffd55e00, 0xff009e73,
    0xffa0cbe8, 0xffffbe7d, 0xff8cd17d, 0xffff9d9a, 0xff86bcb6, 0xfff1ce63,
    0xffd4a6c8, 0xfffabfd2, 0xffd7b5a6, 0xff56b4e9, 0xffe69f00, 0xff8f9a2e,
};
constexpr std::array<QRgb, 24> kDark = {
    0xff6f9fd8, 0xfff5a04f, 0xff74c069, 0xffef7476, 0xff8fd3cd, 0xfff2d56b,
    0xffc898bb, 0xffffb3bb, 0xffbb9378, 0xff3d9be0, 0xffe67a2e, 0xff2cc195,
    0xffb6d7ef, 0xffffcb95, 0xffa3dc95, 0xffffb0ad, 0xffa0cdc8, 0xfff5da85,
    0xffdfbad6, 0xfffbcddc, 0xffe0c5b8, 0xff7fc6ef, 0xfff0b43a, 0xffb3bf4a,
};

uint32_t fnv1a(const std::string& s)
{
    uint32_t h = 2166136261u;
    for (unsigned char c : s) {
        h ^= c;
        h *= 16777619u;
    }
    return h;
}

} // namespace

bool WorkloadPalette::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

int WorkloadPalette::size()
{
    return int(kLight.size());
}

QColor WorkloadPalette::colorAt(int index, bool dark)
{
    const size_t i = size_t(((index % size()) + size()) % size());
    return QColor::fromRgba(dark ? kDark[i] : kLight[i]);
}

WorkloadPalette::WorkloadPalette(const model::Plan& plan)
    : WorkloadPalette(plan, QGuiApplication::palette())
{
}

WorkloadPalette::WorkloadPalette(const model::Plan& plan, const QPalette& palette)
{
    m_dark = isDark(palette);
    std::unordered_map<std::string, std::set<int>> takenPerCluster;
    for (const auto& w : plan.workloads) {
        std::set<int>& taken = takenPerCluster[w.cluster];
        int index = int(fnv1a(w.name) % uint32_t(size()));
        if (int(taken.size()) < size()) {
            while (taken.count(index))
                index = (index + 1) % size();
        }
        taken.insert(index);
        m_index[w.name] = index;
    }
}

QColor WorkloadPalette::color(const std::string& workload) const
{
    const auto it = m_index.find(workload);
    const int index = it != m_index.end() ? it->second : int(fnv1a(workload) % uint32_t(size()));
    return colorAt(index, m_dark);
}

QColor WorkloadPalette::textColor(const std::string& workload) const
{
    const QColor c = color(workload);
    // Relative luminance, as WCAG computes it, decides between black and white text.
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const double l = 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    return l > 0.4 ? QColor(0x1b, 0x1b, 0x1b) : QColor(Qt::white);
}

QColor workloadColor(const model::Plan& plan, const std::string& workload)
{
    return WorkloadPalette(plan).color(workload);
}

QColor workloadColor(const model::Plan& plan, const std::string& workload, const QPalette& palette)
{
    return WorkloadPalette(plan, palette).color(workload);
}

} // namespace cw::widgets
