// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>
#include <string>

namespace cw::widgets::format {

// Numbers as people read them in the current locale.
QString money(double usd);                 // "$1,234" (no cents from $1,000), "$12.34"
QString moneyPerHour(double usd);          // "$1.00/h"
QString moneyPerMonth(double usd);         // "$31,440/month"
QString percent(double fraction, int decimals = 0); // 0.123 -> "12%"
QString cpu(int64_t milli);                // "8 vCPU", "1.5 vCPU"
QString bytes(int64_t bytes);              // "32 GiB"
QString duration(int64_t milliseconds);    // "120 ms", "2.4 s"
QString q(const std::string& s);           // UTF-8 to QString

} // namespace cw::widgets::format
