// SPDX-License-Identifier: MIT
// Replay files: a recorded run survives the round trip through JSON exactly, and malformed files are named.
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/records/replay.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "world_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <unistd.h>

using namespace cybersim;

namespace
{

// Plays `scenario` to the end, recording every round.
records::Replay recordScenario(const scenario::Scenario& scenario)
{
    engine::Simulation simulation(scenario, agents::builtinCatalogue());
    records::Replay replay;
    replay.begin(simulation);
    while (!simulation.finished())
    {
        simulation.step();
        replay.capture(simulation);
    }
    return replay;
}

records::Replay recordRun(int rounds)
{
    // surveillance-shock schedules a disclosure at round 80, so longer runs record an event too.
    std::vector<std::string> overrides{"run.rounds=" + std::to_string(rounds)};
    if (rounds <= 80)
        overrides.emplace_back("events=[]");
    const auto scenario =
        scenario::loadScenarioFile(std::filesystem::path(CYBERSIM_SOURCE_DIR) / "scenarios" / "surveillance-shock.toml",
                                   agents::builtinCatalogue(), overrides);
    return recordScenario(scenario);
}

std::filesystem::path dataFile(const char* name)
{
    return std::filesystem::path(CYBERSIM_SOURCE_DIR) / "tests" / "data" / "good" / name;
}

} // namespace

TEST_CASE("replay: round trip through a file is exact")
{
    const auto replay = recordRun(90);
    REQUIRE(replay.rowCount() == 91);
    REQUIRE(!replay.relations.empty());
    REQUIRE(!replay.record.events.empty());
    const auto path = std::filesystem::temp_directory_path() / ("cybersim-test-replay-" + std::to_string(getpid()));
    records::writeReplayFile(path, replay);
    const auto back = records::readReplayFile(path);
    std::filesystem::remove(path);

    CHECK(back.scenarioName == replay.scenarioName);
    CHECK(back.roundLabel == replay.roundLabel);
    CHECK(back.provenance.seed == replay.provenance.seed);
    CHECK(back.provenance.scenarioHash == replay.provenance.scenarioHash);
    CHECK(back.record.stateNames == replay.record.stateNames);
    CHECK(back.record.doctrineNames == replay.record.doctrineNames);
    CHECK(back.trust == replay.trust);
    CHECK(back.allied == replay.allied);
    REQUIRE(back.record.series.size() == replay.record.series.size());
    for (std::size_t r = 0; r < replay.rowCount(); ++r)
        for (const auto& name : records::worldMetricNames())
        {
            CAPTURE(name);
            CHECK(records::worldMetricValue(back.record.series[r], name) ==
                  records::worldMetricValue(replay.record.series[r], name));
        }
    REQUIRE(back.record.states.size() == replay.record.states.size());
    for (std::size_t k = 0; k < replay.record.states.size(); ++k)
    {
        CHECK(back.record.states[k].cumulativePayoff == replay.record.states[k].cumulativePayoff);
        CHECK(back.record.states[k].legitimacy == replay.record.states[k].legitimacy);
        CHECK(back.record.states[k].doctrine == replay.record.states[k].doctrine);
        CHECK(back.record.states[k].surveilling == replay.record.states[k].surveilling);
    }
    REQUIRE(back.record.events.size() == replay.record.events.size());
    for (std::size_t k = 0; k < replay.record.events.size(); ++k)
    {
        CHECK(back.record.events[k].round == replay.record.events[k].round);
        CHECK(back.record.events[k].type == replay.record.events[k].type);
        CHECK(back.record.events[k].detail == replay.record.events[k].detail);
    }
    // Scrubbing: the edges of any row are those the simulation reported then.
    const auto edges = back.edgesAt(12);
    CHECK(edges.size() == replay.relations.size());
    CHECK(edges[0].trustAB == replay.trust[12 * replay.relations.size() * 2]);
    CHECK(back.statesAt(12).size() == back.record.stateNames.size());
    CHECK(records::replayJson(back) == records::replayJson(replay));
}

TEST_CASE("replay: scheduled joins keep which states are active in every row")
{
    // S3 joins in round 3 and S1 in round 6: three patterns of presence in one run.
    auto scenario = test::uniformWorld(4, "realist-hedger", 10);
    scenario.events.push_back({3, scenario::EventKind::Join, "S3", "", "", 0.0, 1.0, 0});
    scenario.events.push_back({6, scenario::EventKind::Join, "S1", "", "", 0.0, 1.0, 0});
    const auto replay = recordScenario(scenario);
    REQUIRE(replay.rowCount() == 11);
    // Preconditions: the run itself has both inactive and active rows for the joiners.
    REQUIRE_FALSE(replay.statesAt(0)[3].active);
    REQUIRE_FALSE(replay.statesAt(0)[1].active);
    REQUIRE(replay.statesAt(10)[3].active);
    REQUIRE(replay.statesAt(10)[1].active);
    REQUIRE(replay.statesAt(5)[3].active);
    REQUIRE_FALSE(replay.statesAt(5)[1].active);

    SUBCASE("through JSON text")
    {
        const auto back = records::parseReplayJson(records::replayJson(replay), "r.json");
        REQUIRE(back.rowCount() == replay.rowCount());
        for (std::size_t row = 0; row < replay.rowCount(); ++row)
        {
            const auto recorded = replay.statesAt(row);
            const auto replayed = back.statesAt(row);
            REQUIRE(replayed.size() == recorded.size());
            for (std::size_t i = 0; i < recorded.size(); ++i)
            {
                CAPTURE(row);
                CAPTURE(i);
                CHECK(replayed[i].active == recorded[i].active);
            }
            // The active-state count of the world row agrees with the per-state flags.
            CHECK(std::count_if(replayed.begin(), replayed.end(), [](const auto& s) { return s.active; }) ==
                  back.record.series[row].activeStates);
        }
        CHECK(records::replayJson(back) == records::replayJson(replay));
    }
    SUBCASE("through a file")
    {
        const auto path =
            std::filesystem::temp_directory_path() / ("cybersim-test-replay-join-" + std::to_string(getpid()));
        records::writeReplayFile(path, replay);
        const auto back = records::readReplayFile(path);
        std::filesystem::remove(path);
        REQUIRE(back.record.states.size() == replay.record.states.size());
        for (std::size_t k = 0; k < replay.record.states.size(); ++k)
        {
            CAPTURE(k);
            CHECK(back.record.states[k].active == replay.record.states[k].active);
        }
    }
}

TEST_CASE("replay: a version 1 file (without active) still reads")
{
    // Written by `cybersim run --record` before version 2: three states, S002 joins in round 2, four rounds.
    const auto replay = records::readReplayFile(dataFile("replay_v1_join.json"));
    REQUIRE(replay.rowCount() == 5);
    REQUIRE(replay.record.stateNames == std::vector<std::string>{"S001", "S002", "S003"});
    CHECK(replay.relations.size() == 3);
    CHECK(std::any_of(replay.record.events.begin(), replay.record.events.end(),
                      [](const engine::EventRecord& e) { return e.type == engine::EventType::Join && e.actor == 1; }));
    // The file does not say who was present: every state reads as active, the StateMetrics default.
    for (std::size_t row = 0; row < replay.rowCount(); ++row)
    {
        const auto states = replay.statesAt(row);
        REQUIRE(states.size() == 3);
        for (const auto& s : states)
            CHECK(s.active);
    }
    // The other figures are read as before.
    CHECK(replay.statesAt(4)[2].cumulativePayoff == doctest::Approx(16.655196210760575));
    CHECK(replay.statesAt(2)[2].surveilling);
    // Written again, it is a current file and keeps the (defaulted) flags.
    const auto text = records::replayJson(replay);
    CHECK(text.find("\"version\":2") != std::string::npos);
    CHECK(text.find("\"surveilling\",\"active\"]") != std::string::npos);
    const auto again = records::parseReplayJson(text, "r.json");
    CHECK(again.statesAt(0)[1].active);
}

TEST_CASE("replay: every world metric is written")
{
    const auto replay = recordRun(2);
    const auto json = records::replayJson(replay);
    for (const auto& name : records::worldMetricNames())
        CHECK(json.find("\"" + name + "\"") != std::string::npos);
}

TEST_CASE("replay: malformed files are named with the key")
{
    SUBCASE("not JSON")
    {
        CHECK_THROWS_WITH_AS((void)records::parseReplayJson("{", "r.json"),
                             doctest::Contains("r.json: error: is not JSON"), ScenarioError);
    }
    SUBCASE("another format")
    {
        CHECK_THROWS_WITH_AS((void)records::parseReplayJson(R"({"format": "x", "version": 1})", "r.json"),
                             doctest::Contains("format: is \"x\", expected \"cybersim-replay\""), ScenarioError);
    }
    SUBCASE("rows that do not match")
    {
        auto text = records::replayJson(recordRun(3));
        const auto at = text.find("\"trust\":[[");
        REQUIRE(at != std::string::npos);
        text.replace(at, 10, "\"trust\":[[0.5],[");
        CHECK_THROWS_WITH_AS((void)records::parseReplayJson(text, "r.json"), doctest::Contains("trust"), ScenarioError);
    }
    SUBCASE("a version from the future")
    {
        auto text = records::replayJson(recordRun(2));
        const auto at = text.find("\"version\":2");
        REQUIRE(at != std::string::npos);
        text.replace(at, 11, "\"version\":3");
        CHECK_THROWS_WITH_AS((void)records::parseReplayJson(text, "r.json"),
                             doctest::Contains("version: is 3, expected 1 or 2"), ScenarioError);
    }
    SUBCASE("state fields that are neither version's")
    {
        auto text = records::replayJson(recordRun(2));
        const auto at = text.find("\"surveilling\",\"active\"]");
        REQUIRE(at != std::string::npos);
        text.replace(at, 23, "\"active\",\"surveilling\"]");
        CHECK_THROWS_WITH_AS((void)records::parseReplayJson(text, "r.json"), doctest::Contains("state_fields: is"),
                             ScenarioError);
    }
    SUBCASE("missing file")
    {
        CHECK_THROWS_WITH_AS((void)records::readReplayFile("/no/such/replay.json"),
                             doctest::Contains("/no/such/replay.json"), ScenarioError);
    }
    SUBCASE("row out of range")
    {
        CHECK_THROWS_AS((void)recordRun(2).edgesAt(3), ConfigError);
    }
}
