// SPDX-License-Identifier: MIT
// Changing a scenario's run length after loading: the scheduled events that no longer fit are left out and named. The
// one policy for a length set apart from the scenario's text: `cybersim run --rounds`, sweeps that set or sweep
// run.rounds, and the GUI's rounds.
#pragma once

#include "cybersim/scenario/scenario.hpp"

#include <cstdint>
#include <functional>
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
    std::string origin;                  // where the new length came from, e.g. "--rounds 50"

    /// The note a front end shows when events were left out, e.g. "with --rounds 50, 2 scheduled events come too late
    /// to happen and are left out: round 60 disclosure (Drakmoor), round 100 incident (Drakmoor -> Elmsworth)";
    /// empty when none was.
    [[nodiscard]] std::string note() const;
};

/// Sets a loaded (valid) scenario to run `rounds` rounds and leaves out the scheduled events at or after that round,
/// which could no longer happen: what a user who shortens a run (`cybersim run --rounds N`, a sweep's run.rounds, the
/// GUI's rounds) expects. The result is valid whenever `scenario` is.
/// @param origin where the new length came from, as the user gave it (e.g. "--rounds 50"), for the note and the
/// diagnostic.
/// @throws ScenarioError (key run.rounds) if `rounds` is outside run.rounds' range [1, 10000000].
[[nodiscard]] RoundsChange withRounds(const Scenario& scenario, std::int64_t rounds, std::string_view origin);

/// True when an override ("key=value", as --set takes it) sets run.rounds.
[[nodiscard]] bool setsRounds(std::string_view override);

/// Loads a scenario with `overrides`, one of which asks for a run length of `rounds`, under withRounds' policy: when
/// that load fails, the scenario is loaded at the longest length allowed (without the overrides that set run.rounds)
/// and cut to `rounds`, so that scheduled events which come too late are left out rather than refused. Nothing else
/// loading checks depends on run.rounds, so if the longest load fails, its problems are the ones left to fix at any
/// length.
/// @param load loads the scenario with the given overrides, e.g. by calling loadScenarioFile.
/// @param origin where the length came from, as the user gave it (e.g. "--rounds 50").
/// @throws ScenarioError with the problems of the load at `rounds` when cutting leaves nothing out or the length is
/// out of range, else with those of the longest load; anything else that `load` throws.
[[nodiscard]] RoundsChange loadWithRounds(const std::function<Scenario(const std::vector<std::string>&)>& load,
                                          const std::vector<std::string>& overrides, std::int64_t rounds,
                                          std::string_view origin);

/// The kebab-case name of an event kind as scenario files write it ("disclosure", "incident", ...).
[[nodiscard]] std::string eventKindName(EventKind kind);

/// One event in words for notes and logs, e.g. "round 100 incident (Drakmoor -> Elmsworth)" or
/// "round 40 set (noise.false_attribution = 0.1)".
[[nodiscard]] std::string describeEvent(const EventDef& event);

} // namespace cybersim::scenario
