// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cw::exporter {

// A YAML document under construction: maps keep the order in which keys were set, so that
// the emitted text is deterministic and reads in the order Kubernetes users expect
// (apiVersion, kind, metadata, spec).
class Value
{
public:
    enum class Type { Null, Bool, Int, String, List, Map };

    Value() = default;
    Value(bool b) : m_type(Type::Bool), m_int(b ? 1 : 0) {}
    Value(int i) : m_type(Type::Int), m_int(i) {}
    Value(int64_t i) : m_type(Type::Int), m_int(i) {}
    Value(const char* s) : m_type(Type::String), m_string(s) {}
    Value(std::string s) : m_type(Type::String), m_string(std::move(s)) {}

    static Value list() { Value v; v.m_type = Type::List; return v; }
    static Value map() { Value v; v.m_type = Type::Map; return v; }
    // A list of strings.
    static Value strings(const std::vector<std::string>& items);

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool asBool() const { return m_int != 0; }
    int64_t asInt() const { return m_int; }
    const std::string& asString() const { return m_string; }
    const std::vector<Value>& items() const { return m_items; }
    const std::vector<std::pair<std::string, Value>>& entries() const { return m_entries; }
    size_t size() const { return m_type == Type::Map ? m_entries.size() : m_items.size(); }
    bool empty() const { return size() == 0; }

    // Map: sets key to v (replacing an earlier value of the key, keeping its place) and
    // returns the stored value. A Null value turns this into a map.
    Value& set(const std::string& key, Value v);
    // Map: the value of key, created as an empty map if missing.
    Value& operator[](const std::string& key);
    const Value* find(const std::string& key) const;
    // List: appends v and returns the stored value. A Null value turns this into a list.
    Value& push(Value v);

    friend bool operator==(const Value&, const Value&) = default;

private:
    Type m_type = Type::Null;
    int64_t m_int = 0;
    std::string m_string;
    std::vector<Value> m_items;
    std::vector<std::pair<std::string, Value>> m_entries;
};

// Emits one YAML document with yaml-cpp. Strings that a YAML 1.1 or 1.2 reader would take
// for a number, a boolean or null are double-quoted; every non-ASCII or control character
// is escaped, so that no value can change the structure of the document. The header lines
// become comments (made safe with commentSafe).
std::string toYaml(const Value& document, const std::vector<std::string>& headerComments = {});

// Text for a comment line (YAML, shell or Markdown): control characters and Unicode line
// separators become spaces, so that the text cannot end the comment.
std::string commentSafe(const std::string& text);

} // namespace cw::exporter
