// SPDX-License-Identifier: MIT
// Asynchronous learning (learning.update = asynchronous): the engine against the spatial kernel's random sequential
// update on small lattices, revisions that see the ones before them, and determinism at any thread count.
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/engine/simulation.hpp"
#include "cybersim/engine/spatial_game.hpp"
#include "lattice_fixtures.hpp"
#include "thread_hash.hpp"
#include "world_fixtures.hpp"

#include <doctest/doctest.h>
#include <tbb/task_arena.h>

#include <set>
#include <string>
#include <vector>

using namespace cybersim;

namespace
{

// A pure spatial game (Nowak and May 1992) updated asynchronously.
scenario::Scenario asyncLattice(int width, int height, bool periodic, scenario::Neighbourhood neighbourhood, bool self,
                                core::PayoffMatrix game, double defectors, std::uint64_t seed)
{
    return test::latticeGame(width, height, periodic, neighbourhood, self, game, defectors, seed,
                             scenario::LearningUpdate::Asynchronous);
}

} // namespace

TEST_CASE("async learning: the engine equals the spatial kernel's asynchronous update, generation by generation")
{
    // Huberman and Glance (1993)'s random sequential update of the Nowak-May game: both visit the states in the same
    // counter-based order, and the engine recomputes the payoffs a switch changes before the next state revises.
    using scenario::Neighbourhood;
    struct Case
    {
        int width, height;
        bool periodic;
        Neighbourhood neighbourhood;
        bool self;
        core::PayoffMatrix game;
    };
    // b = 1.5 and 2 make cooperator and defector scores tie; a prisoner's dilemma and a snowdrift game with S, P != 0.
    const std::vector<core::PayoffMatrix> games = {{1, 0, 1.9, 0},  {1, 0, 1.5, 0}, {1, 0, 2.0, 0},
                                                   {1, 0, 1.65, 0}, {3, 0, 5, 1},   {3, 1, 4, 0}};
    std::vector<Case> cases;
    for (const bool periodic : {true, false})
        for (const auto neighbourhood : {Neighbourhood::Moore, Neighbourhood::VonNeumann})
            for (const bool self : {true, false})
                for (const auto& game : games)
                    cases.push_back({periodic ? 13 : 11, periodic ? 9 : 7, periodic, neighbourhood, self, game});
    cases.push_back({3, 3, true, Neighbourhood::Moore, true, {1, 0, 1.9, 0}});
    cases.push_back({30, 24, true, Neighbourhood::Moore, true, {1, 0, 1.9, 0}});
    int checked = 0;
    for (const auto& c : cases)
        for (const double defectors : {0.1, 0.4})
        {
            const auto scenario = asyncLattice(c.width, c.height, c.periodic, c.neighbourhood, c.self, c.game,
                                               defectors, 5 + std::uint64_t(checked));
            CAPTURE(c.width);
            CAPTURE(c.height);
            CAPTURE(c.periodic);
            CAPTURE(c.neighbourhood == Neighbourhood::Moore);
            CAPTURE(c.self);
            CAPTURE(c.game.temptation);
            CAPTURE(c.game.punishment);
            CAPTURE(defectors);
            // The kernel takes the asynchronous update from the scenario, so both really update one at a time.
            REQUIRE(engine::SpatialGame::fromScenario(scenario, agents::builtinCatalogue())->def().update ==
                    engine::SpatialUpdate::Asynchronous);
            CHECK(test::firstDifference(scenario, 25) == -1);
            ++checked;
        }
    CHECK(checked == 2 * int(cases.size()));
}

TEST_CASE("async learning: a revision sees the switches made before it in the same step")
{
    // A path D - C - C with R = 1, T = 1.9, S = P = 0 under imitate-best. Synchronously the middle state copies the
    // defector (1.9 > 1) while the last one sees the middle's old score (1, a tie) and stays: D D C after one step,
    // in every seed. Asynchronously, when the middle state revises first, its recomputed score (1.9 from exploiting
    // the last state) makes the last one defect in the same step: D D D. Other orders give D D C.
    scenario::Scenario s;
    s.run.rounds = 1;
    s.run.recordStates = false;
    s.network.kind = scenario::NetworkKind::Explicit;
    for (const char* doctrine : {"strategy:Defector", "strategy:Cooperator", "strategy:Cooperator"})
    {
        scenario::StateDef st;
        st.name = "S" + std::to_string(s.states.size());
        st.doctrine = doctrine;
        s.states.push_back(st);
    }
    s.network.edges = {{"S0", "S1", 1.0, 0}, {"S1", "S2", 1.0, 0}};
    s.game.kind = scenario::GameKind::Custom;
    s.game.matrix = {1.0, 0.0, 1.9, 0.0};
    s.learning.rule = scenario::LearningRule::ImitateBest;
    s.learning.interval = 1;
    test::switchOffCyberMechanics(s);
    std::set<std::string> synchronous, asynchronous;
    for (std::uint64_t seed = 1; seed <= 40; ++seed)
    {
        s.run.seed = seed;
        s.learning.update = scenario::LearningUpdate::Synchronous;
        engine::Simulation sync(s, agents::builtinCatalogue());
        sync.step();
        synchronous.insert(test::engineGrid(sync));
        s.learning.update = scenario::LearningUpdate::Asynchronous;
        engine::Simulation async(s, agents::builtinCatalogue());
        async.step();
        asynchronous.insert(test::engineGrid(async));
    }
    CHECK(synchronous == std::set<std::string>{"DDC"});
    CHECK(asynchronous == std::set<std::string>{"DDC", "DDD"});
}

TEST_CASE("async learning: identical results with 1, 2 and 8 threads for every rule")
{
    for (const auto rule :
         {scenario::LearningRule::Imitation, scenario::LearningRule::ImitateBest, scenario::LearningRule::Moran,
          scenario::LearningRule::Reinforcement, scenario::LearningRule::BestResponse})
    {
        auto s = test::mixedWorld(48, 40, 11);
        s.network.degree = 6;
        s.learning.rule = rule;
        s.learning.interval = 3;
        s.learning.update = scenario::LearningUpdate::Asynchronous;
        const auto one = test::stateHashWithThreads(s, 1);
        CAPTURE(int(rule));
        CHECK(test::stateHashWithThreads(s, 2) == one);
        CHECK(test::stateHashWithThreads(s, 8) == one);
        // The order matters wherever a revision reads others' payoffs or doctrines; a best response to partners'
        // acts may settle the same way under both updates.
        s.learning.update = scenario::LearningUpdate::Synchronous;
        if (rule != scenario::LearningRule::BestResponse)
            CHECK(test::stateHashWithThreads(s, 2) != one);
    }
}
