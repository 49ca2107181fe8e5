// SPDX-License-Identifier: MIT
// Turns rows of a recorded run (sim::Replay) into the snapshot values the views show, so any round can be shown again.
#pragma once

#include "adapters/snapshots.hpp"

#include <cstddef>

namespace cybersim::records
{
struct Replay;
}

namespace cybersim::gui
{

class RunHistory;

/// The static world of a recording. A recording holds no geography or blocs, so states sit on a circle.
[[nodiscard]] WorldInfoPtr worldInfoFromReplay(const records::Replay& replay);
/// Rows [firstRow, lastRow] of `replay` as one batch, with the trust of every relation at lastRow.
[[nodiscard]] SnapshotBatchPtr batchFromReplay(const records::Replay& replay, std::size_t firstRow,
                                               std::size_t lastRow);
/// Makes `history` hold rows [0, lastRow] of `replay` (clamped to the rows recorded), so every view that reads the
/// history shows round lastRow. `world` must describe the replay's states and relations in the same order.
void showReplayRows(RunHistory& history, const WorldInfoPtr& world, const records::Replay& replay, std::size_t lastRow);

} // namespace cybersim::gui
