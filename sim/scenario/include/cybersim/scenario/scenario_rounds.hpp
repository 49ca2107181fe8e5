// SPDX-License-Identifier: MIT
// Changing a scenario's run length after loading: the scheduled events that no longer fit are left out and named.
#pragma once

#include "cybersim/scenario/scenario.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cybersim::scenario
{

/// A scenario set to a new run length, and the scheduled events that no longer fit in it.
struct RoundsChange
{
    Scenario scenario;                   // run.rounds = the new length; only the events before it, in file order
    std::vector<EventDef> droppedEvents; // the events at or after the new length, in file order
};

/// Sets a loaded (valid) scenario to run `rounds` rounds and leaves out the scheduled events at or after that round,
/// which could no longer happen: what a user who shortens a run (`cybersim run --rounds N`) expects. The result is
/// valid whenever `scenario` is.
/// @param origin where the new length came from, for the diagnostic (e.g. "--rounds").
/// @throws ScenarioError (key run.rounds) if `rounds` is outside run.rounds' range [1, 10000000].
[[nodiscard]] RoundsChange withRounds(const Scenario& scenario, std::int64_t rounds, std::string_view origin);

/// The kebab-case name of an event kind as scenario files write it ("disclosure", "incident", ...).
[[nodiscard]] std::string eventKindName(EventKind kind);

/// One event in words for notes and logs, e.g. "round 100 incident (Drakmoor -> Elmsworth)" or
/// "round 40 set (noise.false_attribution = 0.1)".
[[nodiscard]] std::string describeEvent(const EventDef& event);

} // namespace cybersim::scenario
