// SPDX-License-Identifier: MIT
// The state hash of a whole run played with a given number of worker threads, for determinism tests.
#pragma once

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/sim/scenario.hpp"
#include "cybersim/sim/simulation.hpp"

#include <tbb/task_arena.h>

#include <cstdint>

namespace cybersim::test
{

/// Simulation::stateHash() after all of `scenario`'s rounds, played in a oneTBB arena of `threads` threads.
inline std::uint64_t stateHashWithThreads(const sim::Scenario& scenario, int threads)
{
    std::uint64_t hash = 0;
    tbb::task_arena arena(threads);
    arena.execute(
        [&]
        {
            sim::Simulation simulation(scenario, agents::builtinCatalogue());
            simulation.advance(scenario.run.rounds);
            hash = simulation.stateHash();
        });
    return hash;
}

} // namespace cybersim::test
