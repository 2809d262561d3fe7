// SPDX-License-Identifier: GPL-3.0-or-later
#include "quantity.h"

#include <array>
#include <cmath>
#include <cstdio>

namespace cw::model {

namespace {

__extension__ typedef __int128 i128;
constexpr i128 kLimit = i128(INT64_MAX);

bool fail(QuantityError* error, std::string reason)
{
    if (error)
        error->reason = std::move(reason);
    return false;
}

struct Suffix {
    std::string_view text;
    int base2;   // multiply by 2^base2
    int base10;  // multiply by 10^base10
};

constexpr std::array kSuffixes = {
    Suffix{"Ki", 10, 0}, Suffix{"Mi", 20, 0}, Suffix{"Gi", 30, 0}, Suffix{"Ti", 40, 0},
    Suffix{"Pi", 50, 0}, Suffix{"Ei", 60, 0}, Suffix{"n", 0, -9}, Suffix{"u", 0, -6},
    Suffix{"m", 0, -3},  Suffix{"k", 0, 3},   Suffix{"M", 0, 6},   Suffix{"G", 0, 9},
    Suffix{"T", 0, 12},  Suffix{"P", 0, 15},  Suffix{"E", 0, 18},
};

} // namespace

std::optional<int64_t> parseQuantity(std::string_view text, int64_t scale, QuantityError* error)
{
    std::string_view s = text;
    if (s.empty()) {
        fail(error, "empty value");
        return std::nullopt;
    }
    if (s.front() == '+')
        s.remove_prefix(1);
    if (!s.empty() && s.front() == '-') {
        fail(error, "negative values are not allowed");
        return std::nullopt;
    }

    // Mantissa: digits with at most one decimal point.
    i128 mantissa = 0;
    int fractionDigits = 0;
    int digits = 0;
    bool seenPoint = false;
    size_t i = 0;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '.') {
            if (seenPoint) {
                fail(error, "more than one decimal point");
                return std::nullopt;
            }
            seenPoint = true;
            continue;
        }
        if (c < '0' || c > '9')
            break;
        if (mantissa == 0 && c == '0' && !seenPoint)
            continue; // leading zeros do not count towards precision
        if (digits >= 30) {
            fail(error, "too many digits");
            return std::nullopt;
        }
        mantissa = mantissa * 10 + (c - '0');
        if (mantissa != 0 || seenPoint)
            ++digits;
        if (seenPoint)
            ++fractionDigits;
    }
    const std::string_view number = s.substr(0, i);
    if (number.empty() || number == ".") {
        fail(error, "a quantity starts with a number, such as 500m, 2 or 16Gi");
        return std::nullopt;
    }

    std::string_view suffix = s.substr(i);
    int base2 = 0;
    int base10 = -fractionDigits;
    if (!suffix.empty()) {
        bool matched = false;
        if (suffix.front() == 'e' || suffix.front() == 'E') {
            // Decimal exponent: 1e3, 2E-2
            std::string_view exp = suffix.substr(1);
            int sign = 1;
            if (!exp.empty() && (exp.front() == '+' || exp.front() == '-')) {
                sign = exp.front() == '-' ? -1 : 1;
                exp.remove_prefix(1);
            }
            if (!exp.empty() && exp.size() <= 3
                && exp.find_first_not_of("0123456789") == std::string_view::npos) {
                int e = 0;
                for (char c : exp)
                    e = e * 10 + (c - '0');
                base10 += sign * e;
                matched = true;
            }
        }
        if (!matched) {
            for (const auto& sfx : kSuffixes) {
                if (suffix == sfx.text) {
                    base2 = sfx.base2;
                    base10 += sfx.base10;
                    matched = true;
                    break;
                }
            }
        }
        if (!matched) {
            fail(error, "unknown suffix '" + std::string(suffix)
                            + "' (use Ki, Mi, Gi, Ti, Pi, Ei, n, u, m, k, M, G, T, P, E or an exponent)");
            return std::nullopt;
        }
    }

    // value = mantissa × 10^base10 × 2^base2 × scale, rounded up to an integer.
    i128 numerator = mantissa * i128(scale);
    i128 denominator = 1;
    auto overflow = [&] {
        fail(error, "the value is too large");
        return std::nullopt;
    };
    if (numerator > kLimit * 1000)
        return overflow();
    for (int k = 0; k < base2; ++k) {
        numerator *= 2;
        if (numerator > kLimit * 1000)
            return overflow();
    }
    for (int k = 0; k < base10; ++k) {
        numerator *= 10;
        if (numerator > kLimit * 1000)
            return overflow();
    }
    for (int k = 0; k < -base10; ++k) {
        denominator *= 10;
        if (denominator > kLimit * 1000) {
            // Anything this small rounds up to one unit (or stays zero).
            return numerator == 0 ? 0 : 1;
        }
    }
    i128 value = numerator / denominator;
    if (numerator % denominator != 0)
        ++value;
    if (value > kLimit)
        return overflow();
    return int64_t(value);
}

std::string formatCpuMilli(int64_t milli)
{
    if (milli % 1000 == 0)
        return std::to_string(milli / 1000);
    return std::to_string(milli) + "m";
}

std::string formatBytes(int64_t bytes)
{
    if (bytes == 0)
        return "0";
    static constexpr std::array<std::pair<const char*, int64_t>, 5> binary = {{
        {"Ei", kTi * kMi}, {"Pi", kTi * kKi}, {"Ti", kTi}, {"Gi", kGi}, {"Mi", kMi}}};
    for (const auto& [name, unit] : binary) {
        if (bytes % unit == 0)
            return std::to_string(bytes / unit) + name;
    }
    static constexpr std::array<std::pair<const char*, int64_t>, 5> decimal = {{
        {"E", 1000000000000000000LL}, {"P", 1000000000000000LL}, {"T", 1000000000000LL},
        {"G", 1000000000LL}, {"M", 1000000LL}}};
    for (const auto& [name, unit] : decimal) {
        if (bytes % unit == 0)
            return std::to_string(bytes / unit) + name;
    }
    if (bytes % kKi == 0)
        return std::to_string(bytes / kKi) + "Ki";
    if (bytes % 1000 == 0)
        return std::to_string(bytes / 1000) + "k";
    return std::to_string(bytes);
}

static std::string trimmed(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0')
            s.pop_back();
        if (!s.empty() && s.back() == '.')
            s.pop_back();
    }
    return s;
}

std::string humanBytes(int64_t bytes)
{
    static constexpr std::array<std::pair<const char*, int64_t>, 5> units = {{
        {"PiB", kTi * kKi}, {"TiB", kTi}, {"GiB", kGi}, {"MiB", kMi}, {"KiB", kKi}}};
    for (const auto& [name, unit] : units) {
        if (bytes >= unit)
            return trimmed(double(bytes) / double(unit), 1) + " " + name;
    }
    return std::to_string(bytes) + " B";
}

std::string humanCpu(int64_t milli)
{
    return trimmed(double(milli) / 1000.0, 2) + " vCPU";
}

} // namespace cw::model
