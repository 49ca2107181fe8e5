// SPDX-License-Identifier: MIT
// Pure spatial games (Nowak and May 1992) built in code, and the generation-by-generation comparison of the general
// engine with the lattice kernel (sim::SpatialGame) that several test files make.
#pragma once

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/engine/simulation.hpp"
#include "cybersim/engine/spatial_game.hpp"
#include "cybersim/scenario/scenario.hpp"
#include "world_fixtures.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

namespace cybersim::test
{

/// width x height states on a lattice, a `defectors` share of Defector shuffled among Cooperators, imitating the best
/// neighbour every round (synchronously unless `update` says otherwise), every cyber mechanic off.
inline scenario::Scenario latticeGame(int width, int height, bool periodic, scenario::Neighbourhood neighbourhood,
                                      bool self, core::PayoffMatrix game, double defectors, std::uint64_t seed,
                                      scenario::LearningUpdate update = scenario::LearningUpdate::Synchronous)
{
    scenario::Scenario s;
    s.name = "lattice-check";
    s.run.rounds = 1000;
    s.run.seed = seed;
    s.run.recordStates = false;
    s.network.kind = scenario::NetworkKind::Lattice;
    s.network.width = width;
    s.network.neighbourhood = neighbourhood;
    s.network.periodic = periodic;
    s.network.selfInteraction = self;
    s.generate.count = width * height;
    s.generate.doctrines = {"strategy:Cooperator", "strategy:Defector"};
    s.generate.doctrineShares = {1.0 - defectors, defectors};
    s.generate.placement = scenario::Placement::Shuffled;
    s.game.kind = scenario::GameKind::Custom;
    s.game.matrix = game;
    s.learning.rule = scenario::LearningRule::ImitateBest;
    s.learning.update = update;
    s.learning.interval = 1;
    switchOffCyberMechanics(s);
    return s;
}

/// The engine's lattice as 'C' and 'D', state by state.
inline std::string engineGrid(const engine::Simulation& simulation)
{
    std::string grid;
    for (const auto& st : simulation.stateMetrics())
        grid += simulation.doctrineNames()[std::size_t(st.doctrine)] == "strategy:Cooperator" ? 'C' : 'D';
    return grid;
}

/// The kernel's lattice as 'C' and 'D', cell by cell.
inline std::string kernelGrid(const engine::SpatialGame& game)
{
    std::string grid;
    for (const auto a : game.strategies())
        grid += core::toChar(a);
    return grid;
}

/// Runs engine and kernel side by side; returns the first generation at which they differ, or -1.
inline int firstDifference(const scenario::Scenario& scenario, int generations)
{
    const auto& catalogue = agents::builtinCatalogue();
    auto kernel = engine::SpatialGame::fromScenario(scenario, catalogue);
    REQUIRE(kernel.has_value());
    engine::Simulation engine(scenario, catalogue);
    if (engineGrid(engine) != kernelGrid(*kernel))
        return 0;
    for (int g = 1; g <= generations; ++g)
    {
        engine.step();
        kernel->step();
        if (engineGrid(engine) != kernelGrid(*kernel))
            return g;
    }
    return -1;
}

} // namespace cybersim::test
