// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamlreader.h"

#include "model/quantity.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace cw::io {

model::SourcePos YamlContext::pos(const YAML::Node& node) const
{
    const YAML::Mark m = node.Mark();
    if (m.line < 0)
        return {};
    return {m.line + 1, m.column + 1};
}

diag::Location YamlContext::location(const YAML::Node& node) const
{
    return location(pos(node));
}

void YamlContext::error(std::string code, const YAML::Node& at, std::vector<std::string> args,
                        std::string object)
{
    if (diags)
        diags->add(std::move(code), location(at), std::move(args), std::move(object));
}

std::optional<long long> parseInteger(const std::string& text)
{
    if (text.empty())
        return std::nullopt;
    size_t i = (text[0] == '-' || text[0] == '+') ? 1 : 0;
    if (i == text.size())
        return std::nullopt;
    for (size_t k = i; k < text.size(); ++k) {
        if (text[k] < '0' || text[k] > '9')
            return std::nullopt;
    }
    errno = 0;
    const long long v = std::strtoll(text.c_str(), nullptr, 10);
    if (errno == ERANGE)
        return std::nullopt;
    return v;
}

std::optional<double> parseNumber(const std::string& text)
{
    if (text.empty())
        return std::nullopt;
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(text.c_str(), &end);
    if (errno == ERANGE || end != text.c_str() + text.size() || !std::isfinite(v))
        return std::nullopt;
    // Reject forms strtod accepts that YAML does not treat as numbers in our files.
    for (char c : text) {
        if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+'
              || c == 'e' || c == 'E'))
            return std::nullopt;
    }
    return v;
}

std::optional<bool> parseBool(const std::string& text)
{
    if (text == "true" || text == "True" || text == "TRUE")
        return true;
    if (text == "false" || text == "False" || text == "FALSE")
        return false;
    return std::nullopt;
}

std::string describeNode(const YAML::Node& node)
{
    switch (node.Type()) {
    case YAML::NodeType::Null: return "empty";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Scalar: return "'" + node.Scalar() + "'";
    case YAML::NodeType::Undefined: return "missing";
    }
    return "?";
}

std::string joinNames(const std::vector<std::string>& names, const char* sep)
{
    std::string s;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i)
            s += sep;
        s += names[i];
    }
    return s;
}

MapReader::MapReader(YamlContext& ctx, const YAML::Node& map, std::string what, std::string path,
                     model::Provenance* origin)
    : m_ctx(ctx)
    , m_map(map)
    , m_what(std::move(what))
    , m_path(std::move(path))
    , m_origin(origin)
{
    m_isMap = map.IsMap();
    if (!m_isMap)
        return;
    if (m_origin && !m_origin->where.isKnown())
        m_origin->where = ctx.pos(map);
    std::map<std::string, int> firstLine;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const YAML::Node k = it->first;
        if (!k.IsScalar()) {
            ctx.error("CW005", k, {"key", "a plain word, not " + describeNode(k)});
            continue;
        }
        const std::string key = k.Scalar();
        if (auto f = firstLine.find(key); f != firstLine.end()) {
            ctx.error("CW007", k, {key, std::to_string(f->second)});
            continue;
        }
        firstLine[key] = ctx.pos(k).line;
        m_entries.emplace_back(key, it->second);
        m_keyNodes.push_back(k);
    }
}

const YAML::Node* MapReader::find(const char* key)
{
    if (!m_known.count(key)) {
        m_known.insert(key);
        m_knownOrder.push_back(key);
    }
    for (auto& [k, v] : m_entries) {
        if (k == key)
            return &v;
    }
    return nullptr;
}

bool MapReader::has(const char* key)
{
    return find(key) != nullptr;
}

YAML::Node MapReader::node(const char* key)
{
    const YAML::Node* n = find(key);
    if (!n)
        return YAML::Node(YAML::NodeType::Undefined);
    recordPos(key, *n);
    return *n;
}

model::SourcePos MapReader::pos(const char* key) const
{
    for (auto& [k, v] : m_entries) {
        if (k == key)
            return m_ctx.pos(v);
    }
    return m_ctx.pos(m_map);
}

void MapReader::recordPos(const char* key, const YAML::Node& value)
{
    if (m_origin)
        m_origin->fields[m_path + key] = m_ctx.pos(value);
}

bool MapReader::missing(const char* key, bool required)
{
    if (required)
        m_ctx.error("CW006", m_map, {key, m_what});
    return false;
}

void MapReader::typeError(const char* key, const YAML::Node& value, const char* expected)
{
    m_ctx.error("CW005", value, {m_path + key, std::string(expected) + ", not " + describeNode(value)});
}

bool MapReader::string(const char* key, std::string& out, bool required)
{
    const YAML::Node* n = find(key);
    if (!n)
        return missing(key, required);
    recordPos(key, *n);
    if (!n->IsScalar()) {
        typeError(key, *n, "text");
        return false;
    }
    out = n->Scalar();
    return true;
}

bool MapReader::nonEmptyString(const char* key, std::string& out, bool required)
{
    std::string s;
    if (!string(key, s, required))
        return false;
    if (s.empty()) {
        m_ctx.error("CW019", *find(key), {m_path + key});
        return false;
    }
    out = std::move(s);
    return true;
}

bool MapReader::integer64(const char* key, int64_t& out, int64_t min, int64_t max, bool required)
{
    const YAML::Node* n = find(key);
    if (!n)
        return missing(key, required);
    recordPos(key, *n);
    std::optional<long long> v;
    if (n->IsScalar() && n->Tag() != "!")
        v = parseInteger(n->Scalar());
    if (!v) {
        if (n->IsScalar() && n->Tag() == "!" && parseInteger(n->Scalar()))
            m_ctx.error("CW005", *n, {m_path + key, "a whole number without quotes, not \"" + n->Scalar() + "\""});
        else
            typeError(key, *n, "a whole number");
        return false;
    }
    if (*v < min || *v > max) {
        m_ctx.error("CW009", *n, {m_path + key, std::to_string(*v),
                                  std::to_string(min) + ".." + std::to_string(max)});
        return false;
    }
    out = *v;
    return true;
}

bool MapReader::integer(const char* key, int& out, int min, int max, bool required)
{
    int64_t v = 0;
    if (!integer64(key, v, min, max, required))
        return false;
    out = int(v);
    return true;
}

bool MapReader::optionalInt(const char* key, std::optional<int>& out, int min, int max)
{
    int v = 0;
    if (!integer(key, v, min, max))
        return false;
    out = v;
    return true;
}

static std::string rangeText(double min, double max)
{
    auto fmt = [](double v) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g", v);
        return std::string(buf);
    };
    return fmt(min) + ".." + fmt(max);
}

bool MapReader::number(const char* key, double& out, double min, double max, bool required)
{
    const YAML::Node* n = find(key);
    if (!n)
        return missing(key, required);
    recordPos(key, *n);
    std::optional<double> v;
    if (n->IsScalar() && n->Tag() != "!")
        v = parseNumber(n->Scalar());
    if (!v) {
        if (n->IsScalar() && n->Tag() == "!" && parseNumber(n->Scalar()))
            m_ctx.error("CW005", *n, {m_path + key, "a number without quotes, not \"" + n->Scalar() + "\""});
        else
            typeError(key, *n, "a number");
        return false;
    }
    if (*v < min || *v > max) {
        m_ctx.error("CW009", *n, {m_path + key, n->Scalar(),
                                  rangeText(min, max)});
        return false;
    }
    out = *v;
    return true;
}

bool MapReader::boolean(const char* key, bool& out, bool required)
{
    const YAML::Node* n = find(key);
    if (!n)
        return missing(key, required);
    recordPos(key, *n);
    std::optional<bool> v;
    if (n->IsScalar() && n->Tag() != "!")
        v = parseBool(n->Scalar());
    if (!v) {
        if (n->IsScalar() && n->Tag() == "!" && parseBool(n->Scalar()))
            m_ctx.error("CW005", *n, {m_path + key, "true or false without quotes, not \"" + n->Scalar() + "\""});
        else
            typeError(key, *n, "true or false");
        return false;
    }
    out = *v;
    return true;
}

static bool quantity(MapReader& r, YamlContext& ctx, const std::string& path, const char* key,
                     const YAML::Node& n, int64_t& out, int64_t max, int64_t scale,
                     const std::function<std::string(int64_t)>& fmt)
{
    (void)r;
    if (!n.IsScalar()) {
        ctx.error("CW005", n, {path + key, "a quantity such as 500m, 2 or 16Gi, not " + describeNode(n)});
        return false;
    }
    model::QuantityError err;
    auto v = model::parseQuantity(n.Scalar(), scale, &err);
    if (!v) {
        ctx.error("CW010", n, {path + key, n.Scalar(), err.reason});
        return false;
    }
    if (*v > max) {
        ctx.error("CW009", n, {path + key, n.Scalar(), "0.." + fmt(max)});
        return false;
    }
    out = *v;
    return true;
}

bool MapReader::cpu(const char* key, int64_t& milli, int64_t maxMilli, bool required)
{
    const YAML::Node* n = find(key);
    if (!n)
        return missing(key, required);
    recordPos(key, *n);
    return quantity(*this, m_ctx, m_path, key, *n, milli, maxMilli, 1000, model::formatCpuMilli);
}

bool MapReader::bytes(const char* key, int64_t& out, int64_t maxBytes, bool required)
{
    const YAML::Node* n = find(key);
    if (!n)
        return missing(key, required);
    recordPos(key, *n);
    return quantity(*this, m_ctx, m_path, key, *n, out, maxBytes, 1, model::formatBytes);
}

bool MapReader::stringMap(const char* key, std::map<std::string, std::string>& out)
{
    const YAML::Node* n = find(key);
    if (!n)
        return false;
    recordPos(key, *n);
    if (n->IsNull())
        return true;
    if (!n->IsMap()) {
        typeError(key, *n, "a mapping of names to values");
        return false;
    }
    bool ok = true;
    std::map<std::string, std::string> result;
    std::map<std::string, int> lines;
    for (auto it = n->begin(); it != n->end(); ++it) {
        if (!it->first.IsScalar() || !it->second.IsScalar()) {
            const YAML::Node bad = it->first.IsScalar() ? it->second : it->first;
            m_ctx.error("CW005", bad, {m_path + key + "." + (it->first.IsScalar() ? it->first.Scalar() : "?"),
                                       "text, not " + describeNode(bad)});
            ok = false;
            continue;
        }
        const std::string k = it->first.Scalar();
        if (auto seen = lines.find(k); seen != lines.end()) {
            m_ctx.error("CW007", it->first, {k, std::to_string(seen->second)});
            ok = false;
            continue;
        }
        lines[k] = m_ctx.pos(it->first).line;
        result[k] = it->second.Scalar();
    }
    out = std::move(result);
    return ok;
}

bool MapReader::stringList(const char* key, std::vector<std::string>& out)
{
    const YAML::Node* n = find(key);
    if (!n)
        return false;
    recordPos(key, *n);
    if (!n->IsSequence()) {
        typeError(key, *n, "a list");
        return false;
    }
    std::vector<std::string> result;
    bool ok = true;
    for (const auto& item : *n) {
        if (!item.IsScalar()) {
            m_ctx.error("CW005", item, {m_path + key + "[]", "text, not " + describeNode(item)});
            ok = false;
            continue;
        }
        result.push_back(item.Scalar());
    }
    out = std::move(result);
    return ok;
}

bool MapReader::sequence(const char* key, const std::function<void(const YAML::Node&, size_t)>& fn,
                         bool required)
{
    const YAML::Node* n = find(key);
    if (!n)
        return missing(key, required);
    recordPos(key, *n);
    if (n->IsNull())
        return true;
    if (!n->IsSequence()) {
        typeError(key, *n, "a list");
        return false;
    }
    size_t i = 0;
    for (const auto& item : *n)
        fn(item, i++);
    return true;
}

void MapReader::finish()
{
    for (size_t i = 0; i < m_entries.size(); ++i) {
        const std::string& key = m_entries[i].first;
        if (m_known.count(key))
            continue;
        const std::string suggestion = diag::closestMatch(key, m_knownOrder);
        if (suggestion.empty())
            m_ctx.error("CW003", m_keyNodes[i], {key, m_what});
        else
            m_ctx.error("CW004", m_keyNodes[i], {key, m_what, suggestion});
    }
}

} // namespace cw::io
