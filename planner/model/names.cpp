// SPDX-License-Identifier: GPL-3.0-or-later
#include "names.h"

namespace cw::model {

namespace {
bool isLowerAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool isAlnum(char c)
{
    return isLowerAlnum(c) || (c >= 'A' && c <= 'Z');
}
} // namespace

std::string dnsLabelProblem(std::string_view name, size_t maxLength, bool startWithLetter)
{
    if (name.empty())
        return "a name cannot be empty";
    if (name.size() > maxLength)
        return "it is " + std::to_string(name.size()) + " characters long; the limit is "
             + std::to_string(maxLength);
    for (char c : name) {
        if (!isLowerAlnum(c) && c != '-') {
            if (c >= 'A' && c <= 'Z')
                return "it contains upper-case letters; names are lower case";
            return "it contains characters other than a-z, 0-9 and '-'";
        }
    }
    if (startWithLetter && !(name.front() >= 'a' && name.front() <= 'z'))
        return "it must start with a letter";
    if (!isLowerAlnum(name.front()) || !isLowerAlnum(name.back()))
        return "it must start and end with a letter or digit";
    return {};
}

std::string suggestDnsLabel(std::string_view name, size_t maxLength, bool startWithLetter)
{
    std::string out;
    bool dash = false;
    for (char c : name) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (isLowerAlnum(c)) {
            if (dash && !out.empty())
                out += '-';
            dash = false;
            out += c;
        } else {
            dash = true;
        }
    }
    if (startWithLetter && (out.empty() || !(out.front() >= 'a' && out.front() <= 'z')))
        out = "x-" + out;
    if (out.size() > maxLength)
        out.resize(maxLength);
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    if (out.empty())
        out = "unnamed";
    return out;
}

std::string labelKeyProblem(std::string_view key)
{
    std::string_view name = key;
    const auto slash = key.find('/');
    if (slash != std::string_view::npos) {
        const std::string_view prefix = key.substr(0, slash);
        name = key.substr(slash + 1);
        if (prefix.empty() || prefix.size() > 253)
            return "the prefix before '/' must be a DNS subdomain of 1-253 characters";
        for (char c : prefix) {
            if (!isLowerAlnum(c) && c != '-' && c != '.')
                return "the prefix before '/' may contain only a-z, 0-9, '-' and '.'";
        }
        if (!isLowerAlnum(prefix.front()) || !isLowerAlnum(prefix.back()))
            return "the prefix before '/' must start and end with a letter or digit";
    }
    if (name.empty() || name.size() > 63)
        return "the name part must be 1-63 characters";
    for (char c : name) {
        if (!isAlnum(c) && c != '-' && c != '_' && c != '.')
            return "the name part may contain only letters, digits, '-', '_' and '.'";
    }
    if (!isAlnum(name.front()) || !isAlnum(name.back()))
        return "the name part must start and end with a letter or digit";
    return {};
}

std::string labelValueProblem(std::string_view value)
{
    if (value.empty())
        return {};
    if (value.size() > 63)
        return "a label value is at most 63 characters";
    for (char c : value) {
        if (!isAlnum(c) && c != '-' && c != '_' && c != '.')
            return "a label value may contain only letters, digits, '-', '_' and '.'";
    }
    if (!isAlnum(value.front()) || !isAlnum(value.back()))
        return "a label value must start and end with a letter or digit";
    return {};
}

} // namespace cw::model
