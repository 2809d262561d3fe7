// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace cw::document {

// QUndoCommand::id() of the commands that merge: continuous edits of one field of one object
// within one gesture become one undo entry.
enum CommandId {
    kEditWorkloadCommandId = 1001,
    kEditPoolCommandId,
    kEditClusterCommandId,
    kEditPlanCommandId,
};

// A gesture number for commands that must never merge.
inline constexpr int kDiscreteGesture = 0;

} // namespace cw::document
