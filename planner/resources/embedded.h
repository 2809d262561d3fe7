// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace cw::resources {

// A file of resources/ compiled into the program: the catalog and the example plans.
struct EmbeddedFile {
    std::string_view path; // relative to resources/, e.g. "catalog/rules.yaml"
    std::string_view data;
};

const std::vector<EmbeddedFile>& files();
std::optional<std::string_view> file(std::string_view path);
// Files whose path starts with prefix ("catalog/"), in path order.
std::vector<EmbeddedFile> filesUnder(std::string_view prefix);

} // namespace cw::resources
