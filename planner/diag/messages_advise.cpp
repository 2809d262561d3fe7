// SPDX-License-Identifier: GPL-3.0-or-later
// Diagnostics of the advise module: codes CW700-CW799.
#include "messages.h"

namespace cw::diag {

std::vector<MessageInfo> adviseMessages()
{
    return {
    };
}

} // namespace cw::diag
