// SPDX-License-Identifier: GPL-3.0-or-later
#include "numbers.h"

#include <cmath>
#include <cstdio>

namespace cw::report {

std::string groupThousands(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::abs(v));
    // Built by appending (GCC 12 misreads in-place inserts, -Wrestrict).
    const std::string digits = buf;
    size_t dot = digits.find('.');
    if (dot == std::string::npos)
        dot = digits.size();
    std::string s;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && i < dot && (dot - i) % 3 == 0)
            s += ',';
        s += digits[i];
    }
    // No "-0.00".
    const bool negative = v < 0 && s.find_first_not_of("0.,") != std::string::npos;
    return (negative ? "-" : "") + s;
}

} // namespace cw::report
