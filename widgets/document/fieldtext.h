// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/plan.h"

#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cw::document {

// Text forms of the structured fields of a plan, for one-line editors: how a field is shown,
// and how typed text is read back with the planner's own rules (names, label keys, quantities,
// limits). Each parse function returns nullopt and sets error (translated) on bad input.
namespace fieldtext {

// "team=research, tier=gold"
QString formatStringMap(const std::map<std::string, std::string>& map);
std::optional<std::map<std::string, std::string>> parseLabels(const QString& text, QString* error);

// "nvidia.com/gpu=present:NoSchedule; google.com/tpu=present:NoSchedule"
QString formatTaints(const std::vector<model::Taint>& taints);
std::optional<std::vector<model::Taint>> parseTaints(const QString& text, QString* error);

// "nvidia.com/gpu:NoSchedule" (Exists), "team=ml:NoExecute" (Equal), "team=ml" (every
// effect), "*" (tolerates everything)
QString formatTolerations(const std::vector<model::Toleration>& tolerations);
std::optional<std::vector<model::Toleration>> parseTolerations(const QString& text, QString* error);

// "a, b, c"
QString formatList(const std::vector<std::string>& list);
std::vector<std::string> parseList(const QString& text);

// "8080, 9090"
QString formatPorts(const std::vector<int>& ports);
std::optional<std::vector<int>> parsePorts(const QString& text, QString* error);

// "/data:ro, /scratch:rw" (read-only when no suffix is given)
QString formatHostPaths(const std::vector<model::HostPathMount>& paths);
std::optional<std::vector<model::HostPathMount>> parseHostPaths(const QString& text, QString* error);

// "aws.amazon.com/neuron=1, vpc.amazonaws.com/efa=32"
QString formatExtended(const std::map<std::string, int64_t>& extended);
std::optional<std::map<std::string, int64_t>> parseExtended(const QString& text, QString* error);

// "dcgm-exporter=100m/128Mi@gpu; fluent-bit=100m/200Mi" (every node when no @nodes)
QString formatDaemonSets(const std::vector<model::DaemonSet>& daemonSets);
std::optional<std::vector<model::DaemonSet>> parseDaemonSets(const QString& text, QString* error);

// Kubernetes quantities within the plan reader's limits.
std::optional<int64_t> parseCpu(const QString& text, int64_t maxMilli, QString* error);
std::optional<int64_t> parseBytes(const QString& text, int64_t maxBytes, QString* error);

// A name checked with the plan reader's rules (RFC 1123 label, length, first letter).
// Returns an empty string when valid, else the reason with a suggestion.
QString nameProblem(const QString& name, size_t maxLength, bool startWithLetter);

} // namespace fieldtext
} // namespace cw::document
