// SPDX-License-Identifier: MIT
// A scenario set to a new run length: the events that no longer fit are left out and named; the rest is untouched.
#include "cybersim/core/error.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/scenario/scenario_rounds.hpp"

#include "scenario_test_support.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

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

TEST_CASE("scenario rounds: the note names what a shorter run leaves out")
{
    const auto base = defaultScenario(scenarioCatalogue());
    CHECK(withRounds(base, 50, "--rounds 50").note() ==
          "with --rounds 50, 2 scheduled events come too late to happen and are left out: round 60 disclosure "
          "(Drakmoor), round 100 incident (Drakmoor -> Elmsworth)");
    CHECK(withRounds(base, 80, "run.rounds = 80").note() ==
          "with run.rounds = 80, 1 scheduled event comes too late to happen and is left out: round 100 incident "
          "(Drakmoor -> Elmsworth)");
    CHECK(withRounds(base, 300, "--rounds 300").note().empty());
}

TEST_CASE("scenario rounds: overrides that set run.rounds")
{
    CHECK(setsRounds("run.rounds=50"));
    CHECK(setsRounds(" run.rounds \t= x"));
    CHECK_FALSE(setsRounds("run.rounds"));
    CHECK_FALSE(setsRounds("run.seed=50"));
    CHECK_FALSE(setsRounds("run.roundsx=50"));
    CHECK_FALSE(setsRounds("x=run.rounds=50"));
}

TEST_CASE("scenario rounds: loading with a shorter run leaves out the late events, other problems stay problems")
{
    int loads = 0;
    const auto load = [&](const std::vector<std::string>& overrides)
    {
        ++loads;
        return defaultScenario(scenarioCatalogue(), overrides);
    };
    SUBCASE("a length that leaves events out: loaded at the longest length, then cut")
    {
        const auto change = loadWithRounds(load, {"run.seed=3", "run.rounds=50"}, 50, "--rounds 50");
        CHECK(loads == 2);
        CHECK(change.scenario.run.rounds == 50);
        CHECK(change.scenario.run.seed == 3);
        CHECK(change.scenario.events.empty());
        CHECK(change.droppedEvents.size() == 2);
        CHECK(change.origin == "--rounds 50");
        CHECK(writeScenario(change.scenario) == writeScenario(withRounds(load({"run.seed=3"}), 50, "x").scenario));
    }
    SUBCASE("a length that fits every event: one load, nothing left out")
    {
        const auto change = loadWithRounds(load, {"run.rounds=150"}, 150, "--rounds 150");
        CHECK(loads == 1);
        CHECK(change.scenario.run.rounds == 150);
        CHECK(change.droppedEvents.empty());
        CHECK(change.note().empty());
    }
    SUBCASE("another problem is reported alone, the late events not among them")
    {
        CHECK_THROWS_WITH_AS((void)loadWithRounds(load, {"run.rounds=50", "trust.loss_rate=3"}, 50, "--rounds 50"),
                             "<--set>: error: trust.loss_rate: is 3, expected in [0, 1]", ScenarioError);
    }
    SUBCASE("a length out of range is reported as the loader reports it")
    {
        CHECK_THROWS_WITH_AS((void)loadWithRounds(load, {"run.rounds=0"}, 0, "--rounds 0"),
                             doctest::Contains("run.rounds: is 0, expected in [1, 10000000]"), ScenarioError);
    }
}
