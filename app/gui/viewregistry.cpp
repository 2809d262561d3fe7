// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewregistry.h"

#include <algorithm>

namespace cw::gui {

ViewRegistry& ViewRegistry::instance()
{
    static ViewRegistry registry = [] {
        ViewRegistry r;
        registerViews(r);
        return r;
    }();
    return registry;
}

void ViewRegistry::add(ViewSpec spec)
{
    const auto it = std::find_if(m_views.begin(), m_views.end(), [&](const ViewSpec& v) { return v.name == spec.name; });
    if (it != m_views.end())
        *it = std::move(spec);
    else
        m_views.push_back(std::move(spec));
}

const ViewSpec* ViewRegistry::find(const QString& name) const
{
    const auto it = std::find_if(m_views.begin(), m_views.end(), [&](const ViewSpec& v) { return v.name == name; });
    return it == m_views.end() ? nullptr : &*it;
}

QStringList ViewRegistry::names() const
{
    QStringList out;
    for (const auto& v : m_views)
        out << v.name;
    return out;
}

} // namespace cw::gui
