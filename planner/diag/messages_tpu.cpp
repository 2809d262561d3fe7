// SPDX-License-Identifier: GPL-3.0-or-later
// Diagnostics of the tpu module: codes CW400-CW499.
#include "messages.h"

namespace cw::diag {

std::vector<MessageInfo> tpuMessages()
{
    return {
    };
}

} // namespace cw::diag
