// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diag/diagnostic.h"
#include "model/plan.h"

#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cw::io {

// The file being read and the diagnostics collected while reading it.
struct YamlContext {
    std::string file;
    diag::Diagnostics* diags = nullptr;

    model::SourcePos pos(const YAML::Node& node) const;
    diag::Location location(const YAML::Node& node) const;
    diag::Location location(model::SourcePos pos) const { return {file, pos.line, pos.column}; }
    void error(std::string code, const YAML::Node& at, std::vector<std::string> args,
               std::string object = {});
};

// Strict reading of one YAML mapping. Every key the caller asks about is "known"; finish()
// reports every other key as unknown, with the closest known key as a suggestion. Values
// of the wrong type, out of range or malformed are reported with their position, and the
// output is left unchanged, so reading goes on and finds every problem in one pass.
class MapReader {
public:
    // what: how the mapping is named in messages ("workload 'train'", "spec").
    // path: the dotted path prefix for Provenance::fields ("resources.").
    MapReader(YamlContext& ctx, const YAML::Node& map, std::string what, std::string path = {},
              model::Provenance* origin = nullptr);

    bool isMap() const { return m_isMap; }
    bool has(const char* key);
    YAML::Node node(const char* key); // marks the key as known; an undefined node if absent
    model::SourcePos pos(const char* key) const;

    // Each returns true when the key was present and valid (the output was written).
    bool string(const char* key, std::string& out, bool required = false);
    bool nonEmptyString(const char* key, std::string& out, bool required = false);
    bool integer(const char* key, int& out, int min, int max, bool required = false);
    bool integer64(const char* key, int64_t& out, int64_t min, int64_t max, bool required = false);
    bool optionalInt(const char* key, std::optional<int>& out, int min, int max);
    bool number(const char* key, double& out, double min, double max, bool required = false);
    bool boolean(const char* key, bool& out, bool required = false);
    bool cpu(const char* key, int64_t& milli, int64_t maxMilli, bool required = false);
    bool bytes(const char* key, int64_t& bytes, int64_t maxBytes, bool required = false);
    bool stringMap(const char* key, std::map<std::string, std::string>& out);
    bool stringList(const char* key, std::vector<std::string>& out);
    template<typename E> bool enumeration(const char* key, E& out, bool required = false);
    // A sequence of mappings, each handed to fn with its index.
    bool sequence(const char* key, const std::function<void(const YAML::Node&, size_t)>& fn,
                  bool required = false);

    // Reports unknown keys. Called once, after every key was asked about.
    void finish();

    YamlContext& context() { return m_ctx; }
    const std::string& what() const { return m_what; }
    // Names the mapping better once its name is known ("workload 'train'").
    void setWhat(std::string what) { m_what = std::move(what); }

private:
    const YAML::Node* find(const char* key);
    void recordPos(const char* key, const YAML::Node& value);
    bool missing(const char* key, bool required);
    void typeError(const char* key, const YAML::Node& value, const char* expected);

    YamlContext& m_ctx;
    YAML::Node m_map;
    std::string m_what;
    std::string m_path;
    model::Provenance* m_origin;
    bool m_isMap = false;
    std::vector<std::pair<std::string, YAML::Node>> m_entries; // key, value (first occurrence)
    std::vector<YAML::Node> m_keyNodes;
    std::set<std::string> m_known;
    std::vector<std::string> m_knownOrder;
};

// Scalar helpers shared by readers.
std::optional<long long> parseInteger(const std::string& text);
std::optional<double> parseNumber(const std::string& text);
std::optional<bool> parseBool(const std::string& text);
std::string describeNode(const YAML::Node& node); // "a list", "a mapping", "'abc'"
std::string joinNames(const std::vector<std::string>& names, const char* sep = ", ");

template<typename E> bool MapReader::enumeration(const char* key, E& out, bool required)
{
    std::string text;
    if (!string(key, text, required))
        return false;
    if (auto v = model::enumFromString<E>(text)) {
        out = *v;
        return true;
    }
    const YAML::Node* n = find(key);
    m_ctx.error("CW008", n ? *n : m_map, {key, text, joinNames(model::enumNames<E>(), " | ")});
    return false;
}

} // namespace cw::io
