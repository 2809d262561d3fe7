// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/plan.h"

#include <string>

namespace cw::io {

// Writes a plan as YAML in the current format. Deterministic: the same plan gives the same
// bytes; defaults are left out, so a hand-written file stays short after a save.
std::string writePlanText(const model::Plan& plan);

// Writes the plan to path through a temporary file and an atomic rename; on failure the
// old file is left as it was and error says why.
bool writePlanFile(const model::Plan& plan, const std::string& path, std::string* error);

// Writes bytes to path atomically (temporary file in the same folder, fsync, rename).
bool writeFileAtomically(const std::string& path, const std::string& bytes, std::string* error);

} // namespace cw::io
