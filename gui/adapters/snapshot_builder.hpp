// SPDX-License-Identifier: MIT
// Copies engine state into snapshot values; called on the worker thread between steps only.
#pragma once

#include "adapters/snapshots.hpp"

namespace cybersim::engine
{
class Simulation;
}

namespace cybersim::gui
{

/// The static world of `simulation`, with a deterministic network layout.
[[nodiscard]] WorldInfoPtr makeWorldInfo(const engine::Simulation& simulation);
/// What a round snapshot copies; big worlds skip per-state figures and learning events for most rounds.
struct SnapshotContents
{
    bool states = true;         // per-state figures
    bool learningEvents = true; // DoctrineChange events (one per state that switches)
};

/// The figures and events of the round just played.
[[nodiscard]] RoundSnapshot makeRoundSnapshot(const engine::Simulation& simulation, SnapshotContents contents = {});
/// Trust on every relation and the norms adopted, now.
[[nodiscard]] RelationsSnapshot makeRelationsSnapshot(const engine::Simulation& simulation);

} // namespace cybersim::gui
