// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell.h"

namespace cw::exporter {

namespace {
bool isSafe(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
        || c == '@' || c == '%' || c == '+' || c == '=' || c == ':' || c == ',' || c == '.'
        || c == '/' || c == '-';
}
} // namespace

std::string shellQuote(const std::string& value)
{
    bool safe = !value.empty();
    for (char c : value)
        safe = safe && isSafe(c);
    if (safe)
        return value;
    std::string out = "'";
    for (char c : value) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    out += '\'';
    return out;
}

ShellWord& ShellWord::lit(const std::string& text)
{
    m_parts.push_back({false, text});
    return *this;
}

ShellWord& ShellWord::var(const char* name)
{
    m_parts.push_back({true, name});
    return *this;
}

std::string ShellWord::render() const
{
    if (m_parts.empty())
        return "''";
    std::string out;
    for (const auto& p : m_parts) {
        if (p.variable)
            out += "\"${" + p.text + "}\"";
        else if (!p.text.empty() || m_parts.size() == 1)
            out += shellQuote(p.text);
    }
    return out;
}

std::string ShellCommand::render(const std::string& indent) const
{
    std::string out = indent;
    for (size_t i = 0; i < words.size(); ++i) {
        if (i > 0)
            out += i < head ? " " : " \\\n" + indent + "    ";
        out += words[i].render();
    }
    out += '\n';
    return out;
}

} // namespace cw::exporter
