// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamlvalue.h"

#include <yaml-cpp/yaml.h>

namespace cw::exporter {

Value Value::strings(const std::vector<std::string>& items)
{
    Value v = list();
    for (const auto& s : items)
        v.push(s);
    return v;
}

Value& Value::set(const std::string& key, Value v)
{
    if (m_type == Type::Null)
        m_type = Type::Map;
    for (auto& [k, existing] : m_entries) {
        if (k == key) {
            existing = std::move(v);
            return existing;
        }
    }
    m_entries.emplace_back(key, std::move(v));
    return m_entries.back().second;
}

Value& Value::operator[](const std::string& key)
{
    if (m_type == Type::Null)
        m_type = Type::Map;
    for (auto& [k, existing] : m_entries) {
        if (k == key)
            return existing;
    }
    return set(key, Value::map());
}

const Value* Value::find(const std::string& key) const
{
    for (const auto& [k, existing] : m_entries) {
        if (k == key)
            return &existing;
    }
    return nullptr;
}

Value& Value::push(Value v)
{
    if (m_type == Type::Null)
        m_type = Type::List;
    m_items.push_back(std::move(v));
    return m_items.back();
}

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Would a YAML 1.1 (sigs.k8s.io/yaml, PyYAML) or YAML 1.2 reader resolve this plain scalar
// to something other than a string?
bool looksTyped(const std::string& s)
{
    if (s.empty())
        return true;
    std::string lower;
    for (char c : s)
        lower += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    static const char* words[] = {"y", "yes", "n", "no", "true", "false", "on", "off", "null", "~"};
    for (const char* w : words) {
        if (lower == w)
            return true;
    }
    const char c0 = s[0];
    if (isDigit(c0) || c0 == '.')
        return true;
    if ((c0 == '+' || c0 == '-') && s.size() > 1 && (isDigit(s[1]) || s[1] == '.'))
        return true;
    return false;
}

// Control characters, DEL and anything outside ASCII: always double-quoted and escaped.
bool needsEscapes(const std::string& s)
{
    for (unsigned char c : s) {
        if (c < 0x20 || c >= 0x7f)
            return true;
    }
    return false;
}

void emitScalar(YAML::Emitter& out, const std::string& s)
{
    if (looksTyped(s) || needsEscapes(s))
        out << YAML::DoubleQuoted << s;
    else
        out << s;
}

void emit(YAML::Emitter& out, const Value& v)
{
    switch (v.type()) {
    case Value::Type::Null:
        out << YAML::Null;
        break;
    case Value::Type::Bool:
        out << v.asBool();
        break;
    case Value::Type::Int:
        out << static_cast<long long>(v.asInt());
        break;
    case Value::Type::String:
        emitScalar(out, v.asString());
        break;
    case Value::Type::List:
        if (v.empty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            break;
        }
        out << YAML::BeginSeq;
        for (const auto& item : v.items())
            emit(out, item);
        out << YAML::EndSeq;
        break;
    case Value::Type::Map:
        if (v.empty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            break;
        }
        out << YAML::BeginMap;
        for (const auto& [k, item] : v.entries()) {
            out << YAML::Key;
            emitScalar(out, k);
            out << YAML::Value;
            emit(out, item);
        }
        out << YAML::EndMap;
        break;
    }
}

} // namespace

std::string commentSafe(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7f) {
            out += ' ';
        } else if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x85) {
            out += ' '; // U+0085 NEXT LINE
            ++i;
        } else if (c == 0xe2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80
                   && (static_cast<unsigned char>(text[i + 2]) == 0xa8
                       || static_cast<unsigned char>(text[i + 2]) == 0xa9)) {
            out += ' '; // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
            i += 2;
        } else {
            out += char(c);
        }
    }
    return out;
}

std::string toYaml(const Value& document, const std::vector<std::string>& headerComments)
{
    YAML::Emitter out;
    out.SetOutputCharset(YAML::EscapeNonAscii);
    out.SetIndent(2);
    emit(out, document);
    std::string text;
    for (const auto& line : headerComments)
        text += "# " + commentSafe(line) + "\n";
    text += out.c_str();
    text += '\n';
    return text;
}

} // namespace cw::exporter
