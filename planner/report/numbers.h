// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace cw::report {

// v with the given number of decimals and its whole part grouped by commas, sign first:
// groupThousands(-1234.5, 2) == "-1,234.50". For texts meant to be read (summaries, decision
// records, bundle READMEs); JSON carries plain numbers.
std::string groupThousands(double v, int decimals = 2);

} // namespace cw::report
