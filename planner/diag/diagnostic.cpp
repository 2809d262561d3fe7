// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnostic.h"

#include "messages.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace cw::diag {

std::string Location::toString() const
{
    std::string s = file;
    if (line > 0) {
        s += ':' + std::to_string(line);
        if (column > 0)
            s += ':' + std::to_string(column);
    }
    return s;
}

const std::vector<MessageInfo>& allMessages()
{
    static const std::vector<MessageInfo> all = [] {
        std::vector<MessageInfo> v;
        for (auto&& table : {coreMessages(), solveMessages(), tpuMessages(), exportMessages(),
                             costMessages(), adviseMessages()})
            v.insert(v.end(), table.begin(), table.end());
        return v;
    }();
    return all;
}

static const MessageInfo* findMessage(std::string_view code)
{
    static const std::unordered_map<std::string_view, const MessageInfo*> index = [] {
        std::unordered_map<std::string_view, const MessageInfo*> m;
        for (const auto& info : allMessages())
            m.emplace(info.code, &info);
        return m;
    }();
    auto it = index.find(code);
    return it == index.end() ? nullptr : it->second;
}

std::string_view messageTemplate(std::string_view code)
{
    const MessageInfo* info = findMessage(code);
    return info ? std::string_view(info->text) : std::string_view();
}

Severity defaultSeverity(std::string_view code)
{
    const MessageInfo* info = findMessage(code);
    return info ? info->severity : Severity::Error;
}

std::string_view severityName(Severity s)
{
    switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
    }
    return "error";
}

std::string substitute(std::string_view tmpl, const std::vector<std::string>& args)
{
    std::string out;
    out.reserve(tmpl.size() + 32);
    for (size_t i = 0; i < tmpl.size(); ++i) {
        if (tmpl[i] == '%' && i + 1 < tmpl.size() && tmpl[i + 1] >= '1' && tmpl[i + 1] <= '9') {
            const size_t n = size_t(tmpl[i + 1] - '1');
            if (n < args.size())
                out += args[n];
            ++i;
        } else {
            out += tmpl[i];
        }
    }
    return out;
}

std::string Diagnostic::message() const
{
    std::string_view tmpl = messageTemplate(code);
    if (tmpl.empty()) {
        std::string s = "(" + code + ")";
        for (const auto& a : args)
            s += ' ' + a;
        return s;
    }
    return substitute(tmpl, args);
}

std::string Diagnostic::format() const
{
    std::string s;
    const std::string loc = where.toString();
    if (!loc.empty())
        s = loc + ": ";
    s += std::string(severityName(severity)) + ' ' + code + ": " + message();
    return s;
}

Diagnostic& Diagnostics::add(std::string code, Location where, std::vector<std::string> args,
                             std::string object)
{
    Diagnostic d;
    d.severity = defaultSeverity(code);
    d.code = std::move(code);
    d.where = std::move(where);
    d.args = std::move(args);
    d.object = std::move(object);
    m_items.push_back(std::move(d));
    return m_items.back();
}

void Diagnostics::append(const Diagnostics& other)
{
    m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
}

bool Diagnostics::hasErrors() const
{
    return errorCount() > 0;
}

int Diagnostics::errorCount() const
{
    return int(std::count_if(m_items.begin(), m_items.end(),
                             [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

int Diagnostics::warningCount() const
{
    return int(std::count_if(m_items.begin(), m_items.end(),
                             [](const Diagnostic& d) { return d.severity == Severity::Warning; }));
}

void Diagnostics::sort()
{
    std::stable_sort(m_items.begin(), m_items.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.file, a.where.line, a.where.column, a.code)
             < std::tie(b.where.file, b.where.line, b.where.column, b.code);
    });
}

static size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
            const size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates)
{
    // A word that is the start of a candidate ("nvidia-h100" for "nvidia-h100-80gb") is
    // most likely that candidate; take the shortest such.
    std::string prefixed;
    if (word.size() >= 3) {
        for (const auto& c : candidates) {
            if (c.size() > word.size() && c.compare(0, word.size(), word) == 0
                && (prefixed.empty() || c.size() < prefixed.size()))
                prefixed = c;
        }
    }
    if (!prefixed.empty())
        return prefixed;
    std::string best;
    size_t bestDistance = std::max<size_t>(2, word.size() / 3) + 1;
    for (const auto& c : candidates) {
        const size_t d = editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

namespace {

// A machine type name as series and size: "n2-highmem-8" → ("n2-highmem-|", 8), "m5.2xlarge"
// → ("m5.", 2 × 4 vCPUs), "c3-standard-4-lssd" → ("c3-standard-|-lssd", 4). The size is
// comparable within a series only; 0 when the name has none. digits: the size as written.
struct Series {
    std::string key;
    double size = 0;
    std::string digits;
};

Series series(std::string_view name)
{
    auto allDigits = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (const size_t dot = name.find('.'); dot != std::string_view::npos) {
        // AWS: family.size, sizes nano < micro < small < medium < large < xlarge < Nxlarge.
        const std::string_view size = name.substr(dot + 1);
        const std::string key(name.substr(0, dot + 1));
        static const std::vector<std::pair<std::string_view, double>> named{
            {"nano", 0.125}, {"micro", 0.25}, {"small", 0.5}, {"medium", 1}, {"large", 2}, {"xlarge", 4}};
        for (const auto& [n, v] : named) {
            if (size == n)
                return {key, v, {}};
        }
        const size_t x = size.find("xlarge");
        if (x != std::string_view::npos && x + 6 == size.size() && allDigits(size.substr(0, x)))
            return {key, 4 * std::stod(std::string(size.substr(0, x))), std::string(size.substr(0, x))};
        return {std::string(name), 0, {}};
    }
    // GCE: the last all-digit part between dashes is the size.
    size_t end = name.size();
    while (end > 0) {
        const size_t start = name.rfind('-', end - 1);
        if (start == std::string_view::npos)
            break;
        const std::string_view part = name.substr(start + 1, end - start - 1);
        if (allDigits(part))
            return {std::string(name.substr(0, start + 1)) + "|" + std::string(name.substr(end)), std::stod(std::string(part)),
                    std::string(part)};
        end = start;
    }
    return {std::string(name), 0, {}};
}

} // namespace

std::string closestMachineName(std::string_view name, const std::vector<std::string>& candidates)
{
    const Series mine = series(name);
    std::string best;
    double bestDistance = 0;
    if (mine.size > 0) {
        for (const auto& c : candidates) {
            const Series theirs = series(c);
            if (theirs.key != mine.key || theirs.size <= 0)
                continue;
            // A size of three digits or more with one digit too many ("g2-standard-121") is a
            // slip of the keyboard: the size without it.
            if (mine.digits.size() >= 3 && theirs.digits.size() + 1 == mine.digits.size()) {
                for (size_t i = 0; i < mine.digits.size(); ++i) {
                    if (mine.digits.substr(0, i) + mine.digits.substr(i + 1) == theirs.digits)
                        return c;
                }
            }
            // Otherwise the nearest on a log scale (sizes double); the larger of two as near
            // (it holds what the smaller would).
            const double d = std::abs(std::log(theirs.size / mine.size)) - (theirs.size > mine.size ? 1e-9 : 0);
            if (best.empty() || d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
    }
    return best.empty() ? closestMatch(name, candidates) : best;
}

} // namespace cw::diag
