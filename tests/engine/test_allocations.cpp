// SPDX-License-Identifier: MIT
// The hot loop allocates nothing (docs/performance.md): once a simulation has warmed up, a round asks the heap for
// memory only to log its events (each event's text). Counted by replacing the global operator new in this test
// program; sanitizer builds keep their own allocator, so there the test is left out.
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/engine/simulation.hpp"
#include "world_fixtures.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CYBERSIM_COUNT_ALLOCATIONS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define CYBERSIM_COUNT_ALLOCATIONS 0
#endif
#endif
#ifndef CYBERSIM_COUNT_ALLOCATIONS
#define CYBERSIM_COUNT_ALLOCATIONS 1
#endif

#if CYBERSIM_COUNT_ALLOCATIONS

namespace
{
std::atomic<long long> g_allocations{0};
} // namespace

void* operator new(std::size_t size)
{
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size))
        return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size)
{
    return operator new(size);
}
void operator delete(void* p) noexcept
{
    std::free(p);
}
void operator delete[](void* p) noexcept
{
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept
{
    std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept
{
    std::free(p);
}

using namespace cybersim;

TEST_CASE("allocations: a round of the engine allocates only the text of the events it logs")
{
    // Every mechanic of the two-act cyber game, on a small-world network (the row kernels) and on a complete one
    // (the column kernels), with each learning rule that keeps scratch between rounds. Serial (the thread pool's own
    // task objects are oneTBB's business, not the round's).
    const scenario::LearningRule rules[] = {scenario::LearningRule::Imitation, scenario::LearningRule::Moran,
                                            scenario::LearningRule::BestResponse,
                                            scenario::LearningRule::Reinforcement};
    for (const bool complete : {false, true})
        for (const auto rule : rules)
        {
            CAPTURE(complete);
            CAPTURE(static_cast<int>(rule));
            auto scenario = test::mixedWorld(40, 200, 5);
            scenario.events.clear(); // no scheduled events: their effects may allocate (e.g. a summit's adoptions)
            if (complete)
                scenario.network.kind = scenario::NetworkKind::Complete;
            scenario.noise.execution = 0.02;
            scenario.learning.rule = rule;
            scenario.governance.metanorms = true;
            engine::Simulation simulation(scenario, agents::builtinCatalogue(), {false});
            simulation.advance(60); // past the start-up: buffers at their working size
            long long events = 0;
            const long long before = g_allocations.load();
            for (int round = 0; round < 40; ++round)
            {
                simulation.step();
                events += static_cast<long long>(simulation.newEvents().size());
            }
            const long long allocations = g_allocations.load() - before;
            MESSAGE("allocations " << allocations << " for " << events << " events over 40 rounds");
            // Building an event's text takes one or two allocations; the events vector may grow a few times.
            CHECK(allocations <= 2 * events + 8);
        }
}

#endif
