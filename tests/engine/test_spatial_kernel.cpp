// SPDX-License-Identifier: MIT
// The spatial-game kernel (sim::SpatialGame) against the general engine, generation by generation, and against the
// canonical results of Nowak and May (1992).
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/engine/simulation.hpp"
#include "cybersim/engine/spatial_game.hpp"
#include "cybersim/records/run_record.hpp"
#include "lattice_fixtures.hpp"

#include <doctest/doctest.h>
#include <tbb/global_control.h>

#include <cmath>
#include <string>
#include <vector>

using namespace cybersim;

using test::engineGrid;
using test::firstDifference;
using test::kernelGrid;
using test::latticeGame;

TEST_CASE("spatial kernel: identical grids to the engine, generation by generation")
{
    using scenario::Neighbourhood;
    struct Case
    {
        int width, height;
        bool periodic;
        Neighbourhood neighbourhood;
        bool self;
        core::PayoffMatrix game;
    };
    // Nowak-May games at several b (including b = 1.5 and 2, where cooperator and defector scores tie), a prisoner's
    // dilemma and a snowdrift game with integer payoffs (S, P nonzero), on odd-shaped tori and fixed-edge lattices.
    const std::vector<core::PayoffMatrix> games = {{1, 0, 1.9, 0},  {1, 0, 1.5, 0}, {1, 0, 2.0, 0}, {1, 0, 1.65, 0},
                                                   {1, 0, 1.35, 0}, {3, 0, 5, 1},   {3, 1, 4, 0}};
    std::vector<Case> cases;
    for (const bool periodic : {true, false})
        for (const auto neighbourhood : {Neighbourhood::Moore, Neighbourhood::VonNeumann})
            for (const bool self : {true, false})
                for (const auto& game : games)
                    cases.push_back({periodic ? 17 : 13, periodic ? 11 : 9, periodic, neighbourhood, self, game});
    cases.push_back({3, 3, true, Neighbourhood::Moore, true, {1, 0, 1.9, 0}});
    cases.push_back({40, 35, true, Neighbourhood::Moore, true, {1, 0, 1.9, 0}}); // wider than one 32-byte vector
    cases.push_back({70, 33, false, Neighbourhood::Moore, false, {1, 0, 1.5, 0}});
    cases.push_back({2, 5, false, Neighbourhood::VonNeumann, true, {3, 0, 5, 1}});
    // Taller than several blocks of rows (the kernel works in blocks of 16 rows).
    cases.push_back({23, 37, true, Neighbourhood::VonNeumann, false, {1, 0, 1.5, 0}});
    cases.push_back({19, 41, false, Neighbourhood::Moore, true, {3, 1, 4, 0}});
    cases.push_back({100, 64, true, Neighbourhood::Moore, true, {1, 0, 1.9, 0}});
    cases.push_back({64, 50, false, Neighbourhood::VonNeumann, true, {1, 0, 1.5, 0}});
    int checked = 0;
    for (const auto& c : cases)
        for (const double defectors : {0.1, 0.4})
        {
            const auto scenario = latticeGame(c.width, c.height, c.periodic, c.neighbourhood, c.self, c.game, defectors,
                                              7 + std::uint64_t(checked));
            CAPTURE(c.width);
            CAPTURE(c.height);
            CAPTURE(c.periodic);
            CAPTURE(c.neighbourhood == Neighbourhood::Moore);
            CAPTURE(c.self);
            CAPTURE(c.game.temptation);
            CAPTURE(c.game.punishment);
            CAPTURE(defectors);
            CHECK(firstDifference(scenario, 30) == -1);
            ++checked;
        }
    CHECK(checked == 2 * int(cases.size()));
}

TEST_CASE("spatial kernel: the same grids at 1, 2 and 4 threads")
{
    engine::SpatialGameDef def;
    def.width = 301;
    def.height = 157;
    std::vector<std::string> grids;
    for (const int threads : {1, 2, 4})
    {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(threads));
        engine::SpatialGame game(def);
        game.randomise(0.1, 5);
        game.advance(40);
        grids.push_back(kernelGrid(game));
    }
    CHECK(grids[0] == grids[1]);
    CHECK(grids[0] == grids[2]);
}

TEST_CASE("spatial kernel: recognises only pure lattice spatial games")
{
    const auto& catalogue = agents::builtinCatalogue();
    const auto base = latticeGame(10, 10, true, scenario::Neighbourhood::Moore, true, {1, 0, 1.9, 0}, 0.2, 1);
    CHECK(engine::SpatialGame::fromScenario(base, catalogue).has_value());
    SUBCASE("explicit states instead of generated ones")
    {
        auto s = base;
        s.generate.count = 0;
        s.network.width = 5;
        for (int i = 0; i < 30; ++i)
        {
            scenario::StateDef st;
            st.name = "S" + std::to_string(i);
            st.doctrine = (i * 7) % 5 == 0 ? "strategy:Defector" : "strategy:Cooperator";
            s.states.push_back(st);
        }
        CHECK(firstDifference(s, 10) == -1);
        s.states[3].strategy = "TitForTat";
        CHECK_FALSE(engine::SpatialGame::fromScenario(s, catalogue).has_value());
    }
    SUBCASE("another network")
    {
        auto s = base;
        s.network.kind = scenario::NetworkKind::Ring;
        CHECK_FALSE(engine::SpatialGame::fromScenario(s, catalogue).has_value());
    }
    SUBCASE("a conditional strategy")
    {
        auto s = base;
        s.generate.doctrines[1] = "strategy:TitForTat";
        CHECK_FALSE(engine::SpatialGame::fromScenario(s, catalogue).has_value());
    }
    SUBCASE("another learning rule or interval")
    {
        auto s = base;
        s.learning.interval = 2;
        CHECK_FALSE(engine::SpatialGame::fromScenario(s, catalogue).has_value());
        s.learning.interval = 1;
        s.learning.rule = scenario::LearningRule::Imitation;
        CHECK_FALSE(engine::SpatialGame::fromScenario(s, catalogue).has_value());
    }
    SUBCASE("mutation, noise or another mechanic")
    {
        auto s = base;
        s.learning.mutation = 0.01;
        CHECK_FALSE(engine::SpatialGame::fromScenario(s, catalogue).has_value());
        s = base;
        s.noise.execution = 0.01;
        CHECK_FALSE(engine::SpatialGame::fromScenario(s, catalogue).has_value());
        s = base;
        s.arms.enabled = true;
        CHECK_FALSE(engine::SpatialGame::fromScenario(s, catalogue).has_value());
        s = base;
        s.governance.approach = scenario::GovernanceApproach::Gradual;
        CHECK_FALSE(engine::SpatialGame::fromScenario(s, catalogue).has_value());
    }
    SUBCASE("a cyber game")
    {
        auto s = base;
        s.game.kind = scenario::GameKind::Cyber;
        CHECK_FALSE(engine::SpatialGame::fromScenario(s, catalogue).has_value());
    }
    SUBCASE("states that do not fill the lattice")
    {
        auto s = base;
        s.generate.count = 95;
        CHECK_FALSE(engine::SpatialGame::fromScenario(s, catalogue).has_value());
    }
}

TEST_CASE("spatial kernel: says why a scenario is not one it runs")
{
    const auto& catalogue = agents::builtinCatalogue();
    const auto base = latticeGame(10, 10, true, scenario::Neighbourhood::Moore, true, {1, 0, 1.9, 0}, 0.2, 1);
    std::string whyNot = "stale";
    CHECK(engine::SpatialGame::fromScenario(base, catalogue, whyNot).has_value());
    CHECK(whyNot.empty());
    const auto reason = [&](const scenario::Scenario& s)
    {
        std::string why;
        CHECK_FALSE(engine::SpatialGame::fromScenario(s, catalogue, why).has_value());
        return why;
    };
    auto s = base;
    s.network.kind = scenario::NetworkKind::Ring;
    CHECK(reason(s) == "network.kind is \"ring\", expected \"lattice\" (the kernel runs lattices only)");
    s = base;
    s.learning.mutation = 0.01;
    CHECK(reason(s) == "learning.mutation is 0.01, expected 0 (the kernel does not mutate)");
    s = base;
    s.learning.interval = 2;
    CHECK(reason(s) == "learning.interval is 2, expected 1 (the kernel imitates every round)");
    s = base;
    s.noise.falseAttribution = 0.05;
    CHECK(reason(s) == "noise.false_attribution is 0.05, expected 0 (the kernel has no noise)");
    s = base;
    s.surveillance.enabled = true;
    CHECK(reason(s) == "surveillance.enabled is true, expected false (the kernel has only the spatial game)");
    s = base;
    s.game.kind = scenario::GameKind::Cyber;
    CHECK(reason(s).rfind("game.kind is \"cyber\", expected a 2x2 game", 0) == 0);
    s = base;
    s.events.push_back({});
    CHECK(reason(s) == "events: the scenario schedules 1 events, expected none (the kernel runs none)");
    s = base;
    s.generate.doctrines[1] = "strategy:TitForTat";
    CHECK(reason(s) == "doctrine \"strategy:TitForTat\" plays TitForTat, expected Cooperator or Defector (the "
                       "kernel's strategies are unconditional)");
    s = base;
    s.generate.count = 95;
    CHECK(reason(s) == "the 95 states do not fill a lattice 10 wide, expected a multiple of the width");
}

TEST_CASE("spatial kernel: round metrics equal the engine's, fixed edges included")
{
    const auto& catalogue = agents::builtinCatalogue();
    using scenario::Neighbourhood;
    for (const bool periodic : {true, false})
        for (const auto neighbourhood : {Neighbourhood::Moore, Neighbourhood::VonNeumann})
        {
            const bool self = periodic;
            const auto scenario = latticeGame(periodic ? 17 : 13, periodic ? 11 : 9, periodic, neighbourhood, self,
                                              {3, 0, 5, 1}, 0.3, 21);
            auto kernel = engine::SpatialGame::fromScenario(scenario, catalogue);
            REQUIRE(kernel.has_value());
            engine::Simulation engine(scenario, catalogue);
            CAPTURE(periodic);
            CAPTURE(neighbourhood == Neighbourhood::Moore);
            for (int round = 0; round <= 12; ++round)
            {
                CAPTURE(round);
                if (round > 0)
                    engine.step();
                // Round r's acts are played by the grid before round r's imitation.
                const auto ours = records::spatialRoundMetrics(*kernel, round);
                if (round > 0)
                    kernel->step();
                for (const auto& name : records::spatialMetricNames())
                {
                    CAPTURE(name);
                    CHECK(records::worldMetricValue(ours, name) == records::worldMetricValue(engine.metrics(), name));
                }
                CHECK(ours.round == engine.metrics().round);
            }
            // Fixed edges: border cells act toward fewer neighbours, so acts are not cells times a constant.
            const auto acts = kernel->acts();
            CHECK(acts.total == engine.world().edgeCount());
        }
}

TEST_CASE("spatial kernel: bad definitions are refused")
{
    engine::SpatialGameDef def;
    def.width = 2;
    CHECK_THROWS_WITH_AS(engine::SpatialGame{def}, doctest::Contains("expected sides in [3"), ConfigError);
    def.width = 10;
    def.weight = 0.0;
    CHECK_THROWS_WITH_AS(engine::SpatialGame{def}, doctest::Contains("weight is 0"), ConfigError);
    def.weight = 1.0;
    engine::SpatialGame game(def);
    CHECK_THROWS_WITH_AS(game.setStrategies(std::vector<core::Action>(7)), doctest::Contains("expected 100"),
                         ConfigError);
}

namespace
{
// True when a centred 2x2 block of `block` in a sea of the other strategy has grown after 5 generations.
bool blockGrows(double b, core::Action block)
{
    engine::SpatialGameDef def;
    def.width = def.height = 21;
    def.game = {1.0, 0.0, b, 0.0};
    engine::SpatialGame game(def);
    const auto sea = block == core::Action::Cooperate ? core::Action::Defect : core::Action::Cooperate;
    for (int y = 0; y < 21; ++y)
        for (int x = 0; x < 21; ++x)
            game.setStrategy(x, y, (x == 9 || x == 10) && (y == 9 || y == 10) ? block : sea);
    const auto count = [&]
    {
        const auto c = game.cooperators();
        return block == core::Action::Cooperate ? c : 21 * 21 - c;
    };
    REQUIRE(count() == 4);
    game.advance(5);
    return count() > 4;
}
} // namespace

TEST_CASE("spatial kernel: canonical invasions (Nowak and May 1992)")
{
    // A 2x2 defector block grows iff b > 1.8; a 2x2 cooperator block grows iff b < 2.
    CHECK(blockGrows(1.85, core::Action::Defect));
    CHECK(blockGrows(1.95, core::Action::Defect));
    CHECK_FALSE(blockGrows(1.75, core::Action::Defect));
    CHECK_FALSE(blockGrows(1.6, core::Action::Defect));
    CHECK(blockGrows(1.9, core::Action::Cooperate));
    CHECK(blockGrows(1.5, core::Action::Cooperate));
    CHECK_FALSE(blockGrows(2.05, core::Action::Cooperate));
}

TEST_CASE("spatial kernel: spatial chaos keeps cooperators at 12 ln 2 - 8 on 200 x 200 (generations 201-300)")
{
    // Nowak and May (1992): for 1.8 < b < 2 the cooperator share fluctuates around 12 ln 2 - 8 = 0.3178 from almost
    // any random start.
    for (const double defectors : {0.1, 0.25, 0.4})
    {
        engine::SpatialGameDef def;
        def.width = def.height = 200;
        engine::SpatialGame game(def);
        game.randomise(defectors, 11);
        game.advance(200);
        double sum = 0.0;
        for (int g = 0; g < 100; ++g)
        {
            game.step();
            sum += game.cooperatorShare();
        }
        const double share = sum / 100.0;
        CAPTURE(defectors);
        CAPTURE(share);
        CHECK(std::abs(share - (12.0 * std::log(2.0) - 8.0)) < 0.01);
    }
}

TEST_CASE("spatial kernel: asynchronous updating is reproducible and differs from synchronous")
{
    engine::SpatialGameDef def;
    def.width = def.height = 60;
    def.update = engine::SpatialUpdate::Asynchronous;
    def.seed = 3;
    engine::SpatialGame a(def), b(def);
    a.randomise(0.2, 9);
    b.randomise(0.2, 9);
    a.advance(20);
    b.advance(20);
    CHECK(kernelGrid(a) == kernelGrid(b));
    def.update = engine::SpatialUpdate::Synchronous;
    engine::SpatialGame s(def);
    s.randomise(0.2, 9);
    s.advance(20);
    CHECK(kernelGrid(a) != kernelGrid(s));
    // Under asynchronous updating a harmony game (b < 1) lets cooperators take over, as it must.
    def.update = engine::SpatialUpdate::Asynchronous;
    def.game = {1.0, 0.0, 0.9, 0.0};
    engine::SpatialGame h(def);
    h.randomise(0.5, 9);
    h.advance(30);
    CHECK(h.cooperators() == 60u * 60u);
}
