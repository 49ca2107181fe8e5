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
/// The figures and events of the round just played.
[[nodiscard]] RoundSnapshot makeRoundSnapshot(const sim::Simulation& simulation);
/// Trust on every relation and the norms adopted, now.
[[nodiscard]] RelationsSnapshot makeRelationsSnapshot(const sim::Simulation& simulation);

} // namespace cybersim::gui
