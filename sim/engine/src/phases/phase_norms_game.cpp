// SPDX-License-Identifier: MIT
// Axelrod's norms game (Axelrod 1986, "An evolutionary approach to norms", APSR 80(4):1095-1111), as a mode of the
// governance phase (governance.enforcement = "axelrod") and a learning rule (learning.rule = "axelrod-traits").
// Refill and tie rules follow Galan and Izquierdo (2005, JASSS 8(3):2), who showed that they matter; see below.
#include "simulation_state.hpp"

#include <algorithm>
#include <cmath>

namespace cybersim::engine
{

void playNormsGame(SimulationState& s)
{
    // Sequential over states: a defection changes the payoffs of every partner, and the worlds this game is played
    // in are small (Axelrod's 20 agents), so a parallel version would buy nothing.
    const auto& g = s.params.governance;
    const auto round = static_cast<std::uint64_t>(s.round);
    int violations = 0, punishments = 0;
    for (std::size_t i = 0; i < s.n(); ++i)
    {
        if (!s.active[i])
            continue;
        for (int chance = 0; chance < g.opportunities; ++chance)
        {
            // The chance of being seen, S ~ U(0,1); the state defects when S < its boldness.
            const double seen = s.rng.uniform(round, i, std::uint64_t(chance), core::Purpose::Norms);
            if (seen >= s.boldness[i])
                continue;
            ++violations;
            s.payoff[i] += g.temptation;
            const auto event = std::uint64_t(i) * 1024 + std::uint64_t(chance);
            for (auto e = s.begin(i); e < s.end(i); ++e)
            {
                const auto j = s.world.partner[e];
                if (!s.active[j])
                    continue;
                s.payoff[j] -= g.hurt;
                if (s.rng.uniform(round, j, event, core::Purpose::NormsSee) >= seen)
                    continue;
                if (s.rng.uniform(round, j, event, core::Purpose::NormsPunish) < s.vengefulness[j])
                {
                    s.payoff[i] -= g.punishment;
                    s.payoff[j] -= g.punishmentCost;
                    ++punishments;
                    continue;
                }
                if (!g.metanorms)
                    continue;
                // Metanorms: the others see j let the defection pass with the same probability S, and punish j.
                for (auto f = s.begin(j); f < s.end(j); ++f)
                {
                    const auto k = s.world.partner[f];
                    if (k == i || !s.active[k])
                        continue;
                    const auto metaEvent = event * 1024 + j;
                    if (s.rng.uniform(round, k, metaEvent, core::Purpose::NormsSee, 1) < seen &&
                        s.rng.uniform(round, k, metaEvent, core::Purpose::NormsPunish, 1) < s.vengefulness[k])
                    {
                        s.payoff[j] -= g.punishment;
                        s.payoff[k] -= g.punishmentCost;
                        ++punishments;
                    }
                }
            }
        }
    }
    s.roundNormViolations = violations;
    s.roundPunishments = punishments;
}

void evolveNormTraits(SimulationState& s)
{
    // Axelrod's selection: a payoff at least one standard deviation above the mean gives two offspring, one at least
    // one below gives none, the rest one. Refill rule (documented, as Galan and Izquierdo ask): offspring are listed
    // by parent in state order; while the list is too long a uniformly random entry is removed, while too short a
    // uniformly random state's genes are copied. Then every one of the six bits flips with the mutation rate.
    const auto round = static_cast<std::uint64_t>(s.round);
    auto& members = s.members;
    members.clear();
    double sum = 0.0, squares = 0.0;
    for (std::size_t i = 0; i < s.n(); ++i)
        if (s.active[i])
        {
            members.push_back(i);
            sum += s.windowPayoff[i];
            squares += s.windowPayoff[i] * s.windowPayoff[i];
        }
    if (members.size() < 2)
        return;
    const double count = double(members.size());
    const double mean = sum / count;
    const double sd = std::sqrt(std::max(0.0, squares / count - mean * mean));
    auto& genes = s.genes; // (boldness, vengefulness) in sevenths
    genes.clear();
    for (auto i : members)
    {
        const int b = int(std::lround(s.boldness[i] * 7.0)), v = int(std::lround(s.vengefulness[i] * 7.0));
        const double x = s.windowPayoff[i];
        const int offspring = x >= mean + sd ? 2 : (x <= mean - sd ? 0 : 1);
        for (int k = 0; k < offspring; ++k)
            genes.emplace_back(b, v);
    }
    std::uint64_t draw = 0;
    while (genes.size() > members.size())
        genes.erase(genes.begin() +
                    std::ptrdiff_t(s.rng.below(genes.size(), round, draw++, 0, core::Purpose::Learn, 7)));
    while (genes.size() < members.size())
    {
        const auto i = members[s.rng.below(members.size(), round, draw++, 1, core::Purpose::Learn, 7)];
        genes.emplace_back(int(std::lround(s.boldness[i] * 7.0)), int(std::lround(s.vengefulness[i] * 7.0)));
    }
    const double mutation = s.params.learning.mutation;
    for (std::size_t k = 0; k < members.size(); ++k)
    {
        auto [b, v] = genes[k];
        for (int bit = 0; bit < 6; ++bit)
            if (mutation > 0.0 &&
                s.rng.uniform(round, members[k], std::uint64_t(bit), core::Purpose::Mutate, 7) < mutation)
            {
                if (bit < 3)
                    b ^= 1 << bit;
                else
                    v ^= 1 << (bit - 3);
            }
        s.boldness[members[k]] = b / 7.0;
        s.vengefulness[members[k]] = v / 7.0;
    }
}

} // namespace cybersim::engine
