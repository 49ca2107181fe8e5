// SPDX-License-Identifier: MIT
// Engine benchmarks (Google Benchmark): rounds per second of the 193-state world on a complete graph with every
// mechanic on, at 1 and 2 threads, and a whole run of the default scenario. Run: build/bench/cybersim_bench
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/engine/simulation.hpp"
#include "cybersim/scenario/scenario_io.hpp"

#include <benchmark/benchmark.h>
#include <tbb/task_arena.h>

#include <atomic>
#include <thread>

using namespace cybersim;

namespace
{

// The UN-sized world: 193 generated states of mixed doctrines, all related, every mechanic on.
scenario::Scenario unWorld(int rounds)
{
    scenario::Scenario s;
    s.name = "bench-193";
    s.run.rounds = rounds;
    s.run.recordStates = false;
    s.network.kind = scenario::NetworkKind::Complete;
    s.network.weight = 0.5;
    s.generate.count = 193;
    s.generate.doctrines = {
        "common-security-builder", "realist-hedger", "zero-sum-hegemon", "free-rider", "isolationist",
        "norm-entrepreneur",       "hypocrite"};
    s.generate.doctrineShares = {3, 3, 1, 2, 1, 1, 1};
    s.generate.blocs = 4;
    s.noise.falseAttribution = 0.02;
    s.noise.missedAttack = 0.02;
    s.learning.rule = scenario::LearningRule::Imitation;
    s.learning.mutation = 0.01;
    s.governance.issues = {{"a", 0.3}, {"b", 0.45}, {"c", 0.6}, {"d", 0.75}};
    s.governance.metanorms = true;
    return s;
}

void worldRounds(benchmark::State& state)
{
    const int threads = static_cast<int>(state.range(0));
    auto scenario = unWorld(1 << 30);
    tbb::task_arena arena(threads);
    arena.execute(
        [&]
        {
            engine::Simulation simulation(scenario, agents::builtinCatalogue());
            simulation.advance(20); // past the start-up transient
            for (auto _ : state)
                simulation.step();
            const double interactions = double(simulation.world().edgeCount());
            state.counters["rounds_per_s"] =
                benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
            state.counters["interactions_per_s"] =
                benchmark::Counter(double(state.iterations()) * interactions, benchmark::Counter::kIsRate);
        });
}
BENCHMARK(worldRounds)->Name("world193_complete/threads")->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMicrosecond);
// Exactly 50 timed rounds at one thread, for counting instructions, which the machine's load does not change:
//   valgrind --tool=callgrind --toggle-collect='cybersim::engine::Simulation::step()'
//            build/bench/cybersim_bench --benchmark_filter=fixed50
// then instructions per round = collected Ir / 50.
BENCHMARK(worldRounds)
    ->Name("world193_complete/fixed50/threads")
    ->Arg(1)
    ->Iterations(50)
    ->Unit(benchmark::kMicrosecond);

void defaultScenarioRun(benchmark::State& state)
{
    const auto scenario = scenario::defaultScenario(agents::builtinCatalogue());
    for (auto _ : state)
    {
        engine::Simulation simulation(scenario, agents::builtinCatalogue(), {false});
        simulation.advance(scenario.run.rounds);
        benchmark::DoNotOptimize(simulation.metrics().meanTrust);
    }
    state.counters["runs_per_s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(defaultScenarioRun)->Name("default_scenario/run_200_rounds")->Unit(benchmark::kMicrosecond);

// The time for one thread to hand a cache line to another and get it back. Each parallel phase of a round pays it a few
// times, and each relation whose partner's data the other thread wrote pays part of it; on this VM it has been ~80 ns
// for long stretches and ~380 ns for others (the host's placement of the two vCPUs), and the 2-thread figures above
// move with it. Run it next to them to know which case a measurement saw (docs/performance.md).
void coreToCore(benchmark::State& state)
{
    std::atomic<std::uint64_t> ball{0};
    std::atomic<bool> stop{false};
    std::thread partner(
        [&]
        {
            std::uint64_t seen = 0;
            while (!stop.load(std::memory_order_relaxed))
                if (const auto v = ball.load(std::memory_order_acquire); v != seen && v % 2 == 1)
                {
                    seen = v + 1;
                    ball.store(seen, std::memory_order_release);
                }
        });
    std::uint64_t next = 1;
    for (auto _ : state)
    {
        ball.store(next, std::memory_order_release);
        while (ball.load(std::memory_order_acquire) != next + 1)
        {
        }
        next += 2;
    }
    stop = true;
    partner.join();
}
BENCHMARK(coreToCore)->Name("core_to_core/round_trip")->Unit(benchmark::kNanosecond);

} // namespace

BENCHMARK_MAIN();
