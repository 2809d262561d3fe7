// SPDX-License-Identifier: GPL-3.0-or-later
#include "embedded.h"

#include <algorithm>

namespace cw::resources {

std::optional<std::string_view> file(std::string_view path)
{
    for (const auto& f : files()) {
        if (f.path == path)
            return f.data;
    }
    return std::nullopt;
}

std::vector<EmbeddedFile> filesUnder(std::string_view prefix)
{
    std::vector<EmbeddedFile> out;
    for (const auto& f : files()) {
        if (f.path.substr(0, prefix.size()) == prefix)
            out.push_back(f);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return out;
}

} // namespace cw::resources
