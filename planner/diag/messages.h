// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Message tables: each module of the planner owns one range of codes and one table file
// (messages_<module>.cpp). Texts are marked with QT_TRANSLATE_NOOP so that lupdate collects
// them for the GUI's translations; the planner itself has no Qt and uses the English text.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, x) x
#endif

#include "diagnostic.h"

#include <vector>

namespace cw::diag {

// CW001-CW099 file and syntax, CW100-CW199 plan references and values, CW200-CW299 catalog
std::vector<MessageInfo> coreMessages();
// CW300-CW399 solver
std::vector<MessageInfo> solveMessages();
// The names of the constraints the solver checks (FeasibilityCheck::constraint), for lupdate.
std::vector<const char*> solveConstraintNames();
// CW400-CW499 TPU slices
std::vector<MessageInfo> tpuMessages();
// CW500-CW599 export
std::vector<MessageInfo> exportMessages();
// CW600-CW699 cost comparison
std::vector<MessageInfo> costMessages();
// CW700-CW799 advice
std::vector<MessageInfo> adviseMessages();

} // namespace cw::diag
