// SPDX-License-Identifier: MIT
// The state hash of a whole run played with a given number of worker threads, for determinism tests.
#pragma once

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/engine/simulation.hpp"
#include "cybersim/scenario/scenario.hpp"

#include <tbb/task_arena.h>

#include <cstdint>

namespace cybersim::test
{

/// Simulation::stateHash() after all of `scenario`'s rounds, played in a oneTBB arena of `threads` threads.
inline std::uint64_t stateHashWithThreads(const scenario::Scenario& scenario, int threads)
{
    std::uint64_t hash = 0;
    tbb::task_arena arena(threads);
    arena.execute(
        [&]
        {
            engine::Simulation simulation(scenario, agents::builtinCatalogue());
            simulation.advance(scenario.run.rounds);
            hash = simulation.stateHash();
        });
    return hash;
}

} // namespace cybersim::test
