// SPDX-License-Identifier: MIT
// Replay files: a recorded run survives the round trip through JSON exactly, and malformed files are named.
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/sim/error.hpp"
#include "cybersim/sim/replay.hpp"
#include "cybersim/sim/scenario_io.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <unistd.h>

using namespace cybersim;

namespace
{

sim::Replay recordRun(int rounds)
{
    // surveillance-shock schedules a disclosure at round 80, so longer runs record an event too.
    std::vector<std::string> overrides{"run.rounds=" + std::to_string(rounds)};
    if (rounds <= 80)
        overrides.emplace_back("events=[]");
    const auto scenario =
        sim::loadScenarioFile(std::filesystem::path(CYBERSIM_SOURCE_DIR) / "scenarios" / "surveillance-shock.toml",
                              agents::builtinCatalogue(), overrides);
    sim::Simulation simulation(scenario, agents::builtinCatalogue());
    sim::Replay replay;
    replay.begin(simulation);
    while (!simulation.finished())
    {
        simulation.step();
        replay.capture(simulation);
    }
    return replay;
}

} // namespace

TEST_CASE("replay: round trip through a file is exact")
{
    const auto replay = recordRun(90);
    REQUIRE(replay.rowCount() == 91);
    REQUIRE(!replay.relations.empty());
    REQUIRE(!replay.record.events.empty());
    const auto path = std::filesystem::temp_directory_path() / ("cybersim-test-replay-" + std::to_string(getpid()));
    sim::writeReplayFile(path, replay);
    const auto back = sim::readReplayFile(path);
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
        for (const auto& name : sim::worldMetricNames())
        {
            CAPTURE(name);
            CHECK(sim::worldMetricValue(back.record.series[r], name) ==
                  sim::worldMetricValue(replay.record.series[r], name));
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
    CHECK(sim::replayJson(back) == sim::replayJson(replay));
}

TEST_CASE("replay: every world metric is written")
{
    const auto replay = recordRun(2);
    const auto json = sim::replayJson(replay);
    for (const auto& name : sim::worldMetricNames())
        CHECK(json.find("\"" + name + "\"") != std::string::npos);
}

TEST_CASE("replay: malformed files are named with the key")
{
    SUBCASE("not JSON")
    {
        CHECK_THROWS_WITH_AS((void)sim::parseReplayJson("{", "r.json"), doctest::Contains("r.json: error: is not JSON"),
                             ScenarioError);
    }
    SUBCASE("another format")
    {
        CHECK_THROWS_WITH_AS((void)sim::parseReplayJson(R"({"format": "x", "version": 1})", "r.json"),
                             doctest::Contains("format: is \"x\", expected \"cybersim-replay\""), ScenarioError);
    }
    SUBCASE("rows that do not match")
    {
        auto text = sim::replayJson(recordRun(3));
        const auto at = text.find("\"trust\":[[");
        REQUIRE(at != std::string::npos);
        text.replace(at, 10, "\"trust\":[[0.5],[");
        CHECK_THROWS_WITH_AS((void)sim::parseReplayJson(text, "r.json"), doctest::Contains("trust"), ScenarioError);
    }
    SUBCASE("missing file")
    {
        CHECK_THROWS_WITH_AS((void)sim::readReplayFile("/no/such/replay.json"),
                             doctest::Contains("/no/such/replay.json"), ScenarioError);
    }
    SUBCASE("row out of range")
    {
        CHECK_THROWS_AS((void)recordRun(2).edgesAt(3), ConfigError);
    }
}
