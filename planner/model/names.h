// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace cw::model {

// RFC 1123 label: lower-case letters, digits and '-', starting and ending with an
// alphanumeric character, at most maxLength characters. GKE cluster and node-pool names
// also start with a letter (startWithLetter).
// Returns an empty string when the name is valid, else the reason in words.
std::string dnsLabelProblem(std::string_view name, size_t maxLength = 63, bool startWithLetter = false);
// The closest valid label: lower-cased, invalid runs replaced by '-', trimmed, shortened.
std::string suggestDnsLabel(std::string_view name, size_t maxLength = 63, bool startWithLetter = false);

// Kubernetes label keys ([prefix/]name) and values.
std::string labelKeyProblem(std::string_view key);
std::string labelValueProblem(std::string_view value);

} // namespace cw::model
