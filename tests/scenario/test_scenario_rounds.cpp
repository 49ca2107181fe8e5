// SPDX-License-Identifier: MIT
// A scenario set to a new run length: the events that no longer fit are left out and named; the rest is untouched.
#include "cybersim/core/error.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/scenario/scenario_rounds.hpp"

#include "scenario_test_support.hpp"

#include <doctest/doctest.h>

using namespace cybersim;
using namespace cybersim::scenario;
using test::scenarioCatalogue;

TEST_CASE("scenario rounds: a shorter run leaves out the events at or after its end")
{
    const auto base = defaultScenario(scenarioCatalogue()); // events at rounds 60 (disclosure) and 100 (incident)
    REQUIRE(base.events.size() == 2);
    SUBCASE("before both events")
    {
        const auto change = withRounds(base, 50, "--rounds");
        CHECK(change.scenario.run.rounds == 50);
        CHECK(change.scenario.events.empty());
        REQUIRE(change.droppedEvents.size() == 2);
        CHECK(change.droppedEvents[0].round == 60);
        CHECK(change.droppedEvents[1].round == 100);
        CHECK(describeEvent(change.droppedEvents[0]) == "round 60 disclosure (Drakmoor)");
        CHECK(describeEvent(change.droppedEvents[1]) == "round 100 incident (Drakmoor -> Elmsworth)");
    }
    SUBCASE("between them, and exactly at one (round 100 of a 100-round run never comes)")
    {
        const auto change = withRounds(base, 100, "--rounds");
        REQUIRE(change.scenario.events.size() == 1);
        CHECK(change.scenario.events[0].round == 60);
        REQUIRE(change.droppedEvents.size() == 1);
        CHECK(change.droppedEvents[0].round == 100);
    }
    SUBCASE("a longer run keeps every event, and the result is what the loader gives")
    {
        const auto change = withRounds(base, 300, "--rounds");
        CHECK(change.droppedEvents.empty());
        CHECK(change.scenario.events.size() == 2);
        const auto loaded = defaultScenario(scenarioCatalogue(), {"run.rounds=300"});
        CHECK(writeScenario(change.scenario) == writeScenario(loaded));
        CHECK(scenarioHash(change.scenario) == scenarioHash(loaded));
    }
    SUBCASE("the cut scenario writes and loads back unchanged")
    {
        const auto change = withRounds(base, 50, "--rounds");
        const auto again = parseScenario(writeScenario(change.scenario), "<written>", scenarioCatalogue());
        CHECK(writeScenario(again) == writeScenario(change.scenario));
    }
    SUBCASE("a length out of range is refused like the loader refuses it")
    {
        CHECK_THROWS_WITH_AS((void)withRounds(base, 0, "--rounds"),
                             doctest::Contains("--rounds: error: run.rounds: is 0, expected in [1, 10000000]"),
                             ScenarioError);
        CHECK_THROWS_AS((void)withRounds(base, 10000001, "--rounds"), ScenarioError);
    }
}

TEST_CASE("scenario rounds: events are described by kind")
{
    EventDef set;
    set.round = 40;
    set.kind = EventKind::Set;
    set.key = "noise.false_attribution";
    set.value = 0.1;
    CHECK(describeEvent(set) == "round 40 set (noise.false_attribution = 0.1)");
    EventDef summit;
    summit.round = 7;
    summit.kind = EventKind::Summit;
    CHECK(describeEvent(summit) == "round 7 summit");
    CHECK(eventKindName(EventKind::Join) == "join");
    CHECK(eventKindName(EventKind::Alliance) == "alliance");
}
