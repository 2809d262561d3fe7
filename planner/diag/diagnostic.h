// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cw::diag {

enum class Severity { Error, Warning, Info };

// A position in a source file; line and column count from 1, 0 means unknown.
struct Location {
    std::string file;
    int line = 0;
    int column = 0;

    bool isKnown() const { return line > 0; }
    std::string toString() const; // "file:line:col", or the parts that are known
    friend bool operator==(const Location&, const Location&) = default;
};

// One problem or remark about a plan, a catalog or a result. The code is stable (like a
// compiler warning number) and selects a message template; arguments fill its %1, %2, ...
struct Diagnostic {
    std::string code;     // "CW101"
    Severity severity = Severity::Error;
    Location where;
    std::vector<std::string> args;
    std::string object;   // the plan object it is about: "cluster/pool", "workload", or empty

    std::string message() const;                  // English text
    std::string format() const;                   // "file:line:col: error CW101: message"
};

// The message template of a code, in English with %1.. placeholders; empty if unknown.
std::string_view messageTemplate(std::string_view code);
Severity defaultSeverity(std::string_view code);
std::string_view severityName(Severity s);
// Replaces %1..%9 in a template with the arguments.
std::string substitute(std::string_view tmpl, const std::vector<std::string>& args);

// All known codes in order, for documentation and tests.
struct MessageInfo {
    const char* code;
    Severity severity;
    const char* text;
};
const std::vector<MessageInfo>& allMessages();

// A collection of diagnostics with helpers to add them.
class Diagnostics {
public:
    Diagnostic& add(std::string code, Location where, std::vector<std::string> args = {},
                    std::string object = {});
    void append(const Diagnostics& other);
    void append(Diagnostic d) { m_items.push_back(std::move(d)); }

    const std::vector<Diagnostic>& items() const { return m_items; }
    bool hasErrors() const;
    int errorCount() const;
    int warningCount() const;
    bool empty() const { return m_items.empty(); }
    size_t size() const { return m_items.size(); }
    // Sorted by file, line, column, then code: a stable order for output.
    void sort();

private:
    std::vector<Diagnostic> m_items;
};

// Edit distance helper for "did you mean" suggestions: the closest candidate within a
// distance that makes sense for the word's length, or empty.
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

// For a machine type name: a size the catalog has of the same series, the nearest one
// ("n2-highmem-8" → "n2-highmem-16" when the series has 2, 4, 16, 32; "m5.3xlarge" →
// "m5.4xlarge") or, for a size with a digit too many, the size without it ("g2-standard-121"
// → "g2-standard-12"); otherwise closestMatch.
std::string closestMachineName(std::string_view name, const std::vector<std::string>& candidates);

} // namespace cw::diag
