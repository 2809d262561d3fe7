// SPDX-License-Identifier: GPL-3.0-or-later
// Diagnostics of the export module: codes CW500-CW599.
#include "messages.h"

namespace cw::diag {

std::vector<MessageInfo> exportMessages()
{
    return {
    };
}

} // namespace cw::diag
