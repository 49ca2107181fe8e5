// SPDX-License-Identifier: MIT
// Spatial-game kernel benchmark: a 1000 x 1000 Nowak-May lattice (Moore with self, b = 1.9, 10% defectors) at 1 and
// 2 threads; cells per second and the process's peak resident memory. Its own program, so the peak memory is the
// kernel's alone. Run: build/bench/cybersim_bench_spatial
#include "cybersim/engine/spatial_game.hpp"

#include <benchmark/benchmark.h>
#include <tbb/task_arena.h>

#include <fstream>
#include <string>

using namespace cybersim;

namespace
{

// Peak resident set size of this process in MB (VmHWM of /proc/self/status), 0 where that file does not exist.
double peakResidentMb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0; // the value is in kB
    return 0.0;
}

void spatialLattice(benchmark::State& state)
{
    const int threads = static_cast<int>(state.range(0));
    engine::SpatialGameDef def;
    def.width = 1000;
    def.height = 1000;
    def.game = {1.0, 0.0, 1.9, 0.0};
    tbb::task_arena arena(threads);
    arena.execute(
        [&]
        {
            engine::SpatialGame game(def);
            game.randomise(0.1, 1);
            game.advance(10); // past the first, fastest-changing generations
            for (auto _ : state)
                game.step();
            benchmark::DoNotOptimize(game.cooperators());
            const double cells = double(def.width) * double(def.height);
            state.counters["cells_per_s"] =
                benchmark::Counter(double(state.iterations()) * cells, benchmark::Counter::kIsRate);
            state.counters["generations_per_s"] =
                benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
            state.counters["kernel_MB"] = double(game.memoryBytes()) / (1024.0 * 1024.0);
            state.counters["peak_rss_MB"] = peakResidentMb();
            state.counters["cooperators"] = game.cooperatorShare();
        });
}
BENCHMARK(spatialLattice)
    ->Name("spatial_1000x1000_moore_self_b1.9/threads")
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
// Exactly 20 timed generations at one thread, for counting instructions, which the machine's load does not change:
//   valgrind --tool=callgrind --toggle-collect='cybersim::engine::SpatialGame::step()'
//            build/bench/cybersim_bench_spatial --benchmark_filter=fixed20
// then instructions per cell = collected Ir / (20 * 10^6).
BENCHMARK(spatialLattice)
    ->Name("spatial_1000x1000_moore_self_b1.9/fixed20/threads")
    ->Arg(1)
    ->Iterations(20)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
