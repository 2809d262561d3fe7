// SPDX-License-Identifier: GPL-3.0-or-later
// Diagnostics of the solve module: codes CW300-CW399.
#include "messages.h"

namespace cw::diag {

std::vector<MessageInfo> solveMessages()
{
    return {
    };
}

} // namespace cw::diag
