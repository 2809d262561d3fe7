// SPDX-License-Identifier: GPL-3.0-or-later
// Diagnostics of the cost module: codes CW600-CW699.
#include "messages.h"

namespace cw::diag {

std::vector<MessageInfo> costMessages()
{
    return {
    };
}

} // namespace cw::diag
