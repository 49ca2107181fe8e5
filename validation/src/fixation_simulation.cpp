// SPDX-License-Identifier: MIT
// A small well-mixed fixation simulator (Moran birth-death and pairwise comparison), independent of the theory layer.
#include "cybersim/validation/canonical.hpp"

#include "cybersim/core/error.hpp"
#include "cybersim/core/rng.hpp"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <cmath>
#include <memory>

namespace cybersim::validation
{

namespace
{

// Plays one run from a single mutant to absorption; true when the mutant fixed. Only counts matter in a well-mixed
// population, so the state is the number of mutants i; every elementary event of the process is drawn (no jump-chain
// shortcut), so the simulation tests the closed forms rather than repeating their derivation.
bool runOnce(const FixationSimulationDef& def, std::uint64_t runSeed)
{
    const core::CounterRng rng(runSeed);
    const int n = def.populationSize;
    const double others = n - 1.0;
    int i = 1;
    for (std::uint64_t event = 0; i > 0 && i < n; ++event)
    {
        const double fMutant = (def.a * (i - 1) + def.b * (n - i)) / others;
        const double fResident = (def.c * i + def.d * (n - i - 1)) / others;
        const double u0 = rng.uniform(event, 0, 0, core::Purpose::Learn);
        const double u1 = rng.uniform(event, 0, 1, core::Purpose::Learn);
        if (def.process == FixationSimulationDef::Process::Moran)
        {
            // Nowak et al. 2004: fitness 1 - w + w payoff; the reproducer is chosen in proportion to fitness and its
            // offspring replaces an individual chosen uniformly from all N.
            const double f = 1.0 - def.intensity + def.intensity * fMutant;
            const double g = 1.0 - def.intensity + def.intensity * fResident;
            const bool mutantBorn = u0 * (i * f + (n - i) * g) < i * f;
            const bool mutantDies = u1 * n < i;
            i += (mutantBorn ? 1 : 0) - (mutantDies ? 1 : 0);
        }
        else
        {
            // Traulsen, Nowak and Pacheco 2006: a random focal compares itself with a random other individual.
            const bool focalMutant = u0 * n < i;
            const double mutantsAmongOthers = focalMutant ? i - 1.0 : double(i);
            const bool modelMutant = u1 * others < mutantsAmongOthers;
            if (focalMutant == modelMutant)
                continue;
            const double gain = focalMutant ? fResident - fMutant : fMutant - fResident;
            const double p = 1.0 / (1.0 + std::exp(-def.intensity * gain));
            if (rng.uniform(event, 0, 2, core::Purpose::Learn) < p)
                i += focalMutant ? -1 : 1;
        }
    }
    return i == n;
}

} // namespace

int simulateFixations(const FixationSimulationDef& def, std::size_t threads)
{
    if (def.populationSize < 2)
        throw ConfigError("populationSize is " + std::to_string(def.populationSize) + ", expected >= 2");
    if (def.replicates < 1)
        throw ConfigError("replicates is " + std::to_string(def.replicates) + ", expected >= 1");
    std::vector<std::uint8_t> fixed(static_cast<std::size_t>(def.replicates), 0);
    auto body = [&]
    {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, fixed.size(), 256),
                          [&](const tbb::blocked_range<std::size_t>& range)
                          {
                              for (auto r = range.begin(); r != range.end(); ++r)
                                  fixed[r] = runOnce(def, core::deriveSeed(def.seed, r)) ? 1 : 0;
                          });
    };
    if (threads > 0)
    {
        tbb::task_arena arena(static_cast<int>(threads));
        arena.execute(body);
    }
    else
        body();
    int count = 0;
    for (const auto f : fixed)
        count += f;
    return count;
}

} // namespace cybersim::validation
