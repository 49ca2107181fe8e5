// SPDX-License-Identifier: MIT
// Copies engine state into snapshot values; called on the worker thread between steps only.
#pragma once

#include "adapters/snapshots.hpp"

namespace cybersim::sim
{
class Simulation;
}

namespace cybersim::gui
{

/// The static world of `simulation`, with a deterministic network layout.
[[nodiscard]] WorldInfoPtr makeWorldInfo(const sim::Simulation& simulation);
/// What a round snapshot copies; big worlds skip per-state figures and learning events for most rounds.
struct SnapshotContents
{
    bool states = true;         // per-state figures
    bool learningEvents = true; // DoctrineChange events (one per state that switches)
};

/// The figures and events of the round just played.
[[nodiscard]] RoundSnapshot makeRoundSnapshot(const sim::Simulation& simulation, SnapshotContents contents = {});
/// Trust on every relation and the norms adopted, now.
[[nodiscard]] RelationsSnapshot makeRelationsSnapshot(const sim::Simulation& simulation);

} // namespace cybersim::gui
