// SPDX-License-Identifier: MIT
// Phase 6: co-governance. The norm agenda voted at summits (none / gradual / comprehensive; seeds/000 §3 "a gradual
// approach ... easier issues first"), and enforcement of adopted norms by punishment and meta-punishment
// (Axelrod 1986, "An evolutionary approach to norms", APSR 80(4)).
#include "simulation_state.hpp"

#include <algorithm>
#include <cmath>

namespace cybersim::sim
{

namespace
{

// States support an issue when their trust in their partners, plus their doctrine's leaning, clears its difficulty.
std::vector<std::uint8_t> supporters(const SimulationState& s, double difficulty, int& count)
{
    std::vector<std::uint8_t> support(s.n(), 0);
    count = 0;
    for (std::size_t i = 0; i < s.n(); ++i)
        if (s.active[i])
        {
            const double leaning = s.doctrineDefs[std::size_t(s.doctrine[i])]->normSupport;
            if (s.trustGiven[i] + leaning >= difficulty)
            {
                support[i] = 1;
                ++count;
            }
        }
    return support;
}

// Agreement builds trust: supporters of an adopted norm trust one another a little more.
void rewardAgreement(SimulationState& s, const std::vector<std::uint8_t>& support)
{
    for (std::size_t i = 0; i < s.n(); ++i)
        if (support[i])
            for (auto k = s.begin(i); k < s.end(i); ++k)
                if (support[s.world.partner[k]])
                    s.trust[k] += s.params.trust.gainRate * (1.0 - s.trust[k]);
}

} // namespace

void runGovernance(SimulationState& s, bool summit)
{
    const auto& g = s.params.governance;
    if (g.approach == GovernanceApproach::None || s.agenda.empty())
        return;
    if (!summit && (s.round + 1) % std::max(1, g.interval) != 0)
        return;
    int activeCount = 0;
    for (auto a : s.active)
        activeCount += a;
    if (activeCount == 0)
        return;
    std::vector<std::size_t> table;
    for (std::size_t k = 0; k < s.agenda.size(); ++k)
        if (!s.adopted[k])
        {
            table.push_back(k);
            if (g.approach == GovernanceApproach::Gradual)
                break; // one issue at a time, easiest first
        }
    if (table.empty())
        return;
    // A comprehensive package passes or fails as a whole: it is as hard as its hardest issue, plus the cost of
    // negotiating everything at once.
    double difficulty = 0.0;
    for (auto k : table)
        difficulty = std::max(difficulty, s.agenda[k].difficulty);
    difficulty += g.comprehensivePenalty * double(table.size() - 1);
    int count = 0;
    const auto support = supporters(s, difficulty, count);
    if (double(count) < g.quorum * double(activeCount))
        return;
    for (auto k : table)
    {
        s.adopted[k] = 1;
        ++s.adoptedCount;
        s.log(EventType::NormAdopted, -1, -1, s.agenda[k].difficulty,
              "norm adopted: " + s.agenda[k].name + " (" + std::to_string(count) + " of " +
                  std::to_string(activeCount) + " states in support)");
    }
    rewardAgreement(s, support);
}

void enforceNorms(SimulationState& s)
{
    const auto& g = s.params.governance;
    if (s.adoptedCount == 0)
        return;
    const auto round = static_cast<std::uint64_t>(s.round);
    // Norms: each partner of a violator sees at least one of its v intrusions with probability 1 - (1/2)^v and
    // punishes with its vengefulness; it pays E, the violator P (Axelrod 1986: E = 2, P = 9).
    s.forEachState(
        [&](std::size_t k)
        {
            s.nonPunishments[k] = 0;
            if (!s.active[k])
                return;
            const double vengefulness = s.vengefulness[k];
            const auto draws = s.rng.stream(round, k);
            for (auto e = s.begin(k); e < s.end(k); ++e)
            {
                s.punished[e] = 0;
                const auto i = s.world.partner[e];
                const int violations = s.intrusionsMade[i];
                if (violations == 0 || !s.active[i])
                    continue;
                // One draw decides both: seen and punished (u < seen x vengefulness), seen and let pass (u < seen).
                const double seen = 1.0 - 1.0 / double(std::uint64_t{1} << std::min(violations, 60));
                const double u = draws.uniform(i, Purpose::NormsSee);
                if (u < seen * vengefulness)
                {
                    s.punished[e] = 1;
                    s.payoff[k] -= g.punishmentCost;
                }
                else if (u < seen)
                    ++s.nonPunishments[k];
            }
        });
    s.forEachState(
        [&](std::size_t i)
        {
            int count = 0;
            for (auto e = s.begin(i); e < s.end(i); ++e)
                count += s.punished[s.world.reverse[e]];
            s.punishedBy[i] = count;
            s.payoff[i] -= g.punishment * count;
        });
    int punishments = 0, violations = 0;
    for (std::size_t i = 0; i < s.n(); ++i)
    {
        punishments += s.punishedBy[i];
        violations += s.intrusionsMade[i];
    }
    if (g.metanorms)
    {
        // Metanorms: partners of a state that let a violation pass punish it in turn.
        s.forEachState(
            [&](std::size_t m)
            {
                if (!s.active[m])
                    return;
                const double vengefulness = s.vengefulness[m];
                const auto draws = s.rng.stream(round, m);
                for (auto e = s.begin(m); e < s.end(m); ++e)
                {
                    s.punished[e] = 0;
                    const auto k = s.world.partner[e];
                    const int lapses = s.nonPunishments[k];
                    if (lapses == 0)
                        continue;
                    const double seen = 1.0 - 1.0 / double(std::uint64_t{1} << std::min(lapses, 60));
                    if (draws.uniform(k, Purpose::NormsPunish) < seen * vengefulness)
                    {
                        s.punished[e] = 1;
                        s.payoff[m] -= g.punishmentCost;
                    }
                }
            });
        s.forEachState(
            [&](std::size_t k)
            {
                int count = 0;
                for (auto e = s.begin(k); e < s.end(k); ++e)
                    count += s.punished[s.world.reverse[e]];
                s.payoff[k] -= g.punishment * count;
                s.nonPunishments[k] = count; // reused: now the meta-punishments k received
            });
        for (std::size_t i = 0; i < s.n(); ++i)
            punishments += s.nonPunishments[i];
    }
    s.roundNormViolations = violations;
    s.roundPunishments = punishments;
}

} // namespace cybersim::sim
