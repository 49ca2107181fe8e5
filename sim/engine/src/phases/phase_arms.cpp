// SPDX-License-Identifier: MIT
// Phase 4b: Richardson arms dynamics driven by distrust-weighted rival capability, and the escalation-stability
// eigenvalue of the linearised system (Richardson 1960, Arms and Insecurity; docs/model.md phase 4).
#include "kernels/edge_kernels.hpp"
#include "simulation_state.hpp"

#include <algorithm>
#include <cmath>

namespace cybersim::engine
{

double stabilityShift(const PerronIteration& perron)
{
    // Power iteration on C + c I (Perron-Frobenius: C >= 0, so its spectral radius is a real eigenvalue with a
    // non-negative eigenvector). The shift c, half the last estimate, makes the iteration converge on bipartite
    // networks (where -rho is an eigenvalue too) and keeps the ratio of the two largest moduli near 1/3.
    return std::max(0.05, 0.5 * perron.root);
}

// The root, and with it the shift, changes only when an eigenvalue run ends, so every step of a run has one shift.
void stabilitySteps(const SimulationState& s, PerronIteration& perron, std::size_t lo, std::size_t hi)
{
    double* const next = perron.next.data();
    kernel::weightedSums(s.world.offsets.data(), lo, hi, s.world.partner.data(), s.partnerRuns.data(),
                         s.distrustWeight.data(), perron.vector.data(), next);
    const double shift = stabilityShift(perron);
    for (std::size_t i = lo; i < hi; ++i)
        next[i] = shift * perron.vector[i] + next[i];
}

double armsStabilityEigenvalue(const SimulationState& s, PerronIteration& perron, int maxIterations, bool firstStepDone)
{
    const std::size_t n = s.n();
    const auto& arms = s.params.arms;
    auto& v = perron.vector;
    auto& next = perron.next;
    const double shift = stabilityShift(perron);
    double lambda = perron.root;
    for (int iteration = 0; iteration < maxIterations; ++iteration)
    {
        if (iteration > 0 || !firstStepDone)
            s.forEachChunk([&](std::size_t lo, std::size_t hi) { stabilitySteps(s, perron, lo, hi); });
        double norm = 0.0;
        for (std::size_t i = 0; i < n; ++i)
            norm = std::max(norm, next[i]);
        if (norm <= 0.0)
        {
            std::fill(v.begin(), v.end(), 1.0);
            lambda = 0.0;
            break;
        }
        double change = 0.0;
        for (std::size_t i = 0; i < n; ++i)
        {
            const double x = next[i] / norm;
            change = std::max(change, std::abs(x - v[i]));
            v[i] = x;
        }
        lambda = norm - shift;
        if (change < 1e-13)
            break;
    }
    perron.root = lambda;
    return arms.reactivity * lambda - arms.fatigue;
}

void planArms(SimulationState& s, std::size_t i, double threatSum)
{
    const auto& arms = s.params.arms;
    if (!s.active[i])
    {
        s.nextArms[i] = s.arms[i];
        s.nextDefence[i] = s.defence[i];
        return;
    }
    // Perceived threat = mean over rivals of distrust x their capability, weighted by interdependence. Averaged over
    // relations rather than summed, so the race does not depend on how many partners a state has: with uniform trust
    // T the system runs away exactly when k (1 - T) w > a.
    const double sum = threatSum;
    const int related = s.activePartners[i];
    const double threat = related > 0 ? sum / related : 0.0;
    const double budget = s.world.states[i].budget;
    const double drive = arms.grievance + arms.budgetDrive * s.offenceShare[i] * budget;
    s.nextArms[i] = std::max(0.0, s.arms[i] + arms.dt * (arms.reactivity * threat - arms.fatigue * s.arms[i] + drive));
    s.nextDefence[i] =
        std::max(0.0, s.defence[i] + arms.dt * (s.defenceShare[i] * budget - arms.fatigue * s.defence[i]));
}

void commitArms(SimulationState& s)
{
    const auto& arms = s.params.arms;
    s.arms.swap(s.nextArms);
    s.defence.swap(s.nextDefence);
    double total = 0.0;
    int count = 0;
    for (std::size_t i = 0; i < s.n(); ++i)
        if (s.active[i])
        {
            total += s.arms[i];
            ++count;
        }
    if (!s.runawayReported && count > 0 && total / count > arms.runawayLevel)
    {
        s.runawayReported = true;
        s.log(EventType::Runaway, -1, -1, total, "arms race runaway: mean capability above the runaway level");
    }
}

void updateReputationAndArms(SimulationState& s)
{
    const bool reputation = s.params.sovereignty.enabled, arms = s.params.arms.enabled;
    if (reputation)
        computePressure(s);
    if (!reputation && !arms)
        return;
    // One pass: a state's arms read only its own trust (already updated by reputation) and last round's capabilities.
    s.forEachChunk(
        [&](std::size_t lo, std::size_t hi)
        {
            // Four states at a time: their reputation, then their perceived threats (four rows' lane sums
            // interleaved, kernel::threatSums) while their trust is still in the cache, then their arms.
            for (std::size_t group = lo; group < hi; group += 4)
            {
                const std::size_t end = std::min(hi, group + 4);
                if (reputation)
                    for (std::size_t i = group; i < end; ++i)
                        applyReputation(s, i);
                if (!arms)
                    continue;
                kernel::threatSums(s.world.offsets.data(), group, end, s.world.partner.data(), s.partnerRuns.data(),
                                   s.partnerActive.data(), s.world.weight.data(), s.trust.data(), s.arms.data(),
                                   s.columnSums.data());
                for (std::size_t i = group; i < end; ++i)
                    planArms(s, i, s.columnSums[i]);
            }
        });
    if (arms)
        commitArms(s);
}

} // namespace cybersim::engine
