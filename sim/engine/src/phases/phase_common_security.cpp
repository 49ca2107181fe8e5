// SPDX-License-Identifier: MIT
// Phase 5: the common-security public good, a collective-risk dilemma against a growing non-state threat
// (Milinski et al. 2008; Santos and Pacheco 2011; seeds/000 §1 "cyber crime and terrorism have been on the rise").
#include "simulation_state.hpp"

#include <algorithm>

namespace cybersim::engine
{

void updateCommonSecurity(SimulationState& s)
{
    const auto& cs = s.params.commonSecurity;
    const auto round = static_cast<std::uint64_t>(s.round);
    double pool = 0.0, budgets = 0.0;
    for (std::size_t i = 0; i < s.n(); ++i) // fixed order: the sum is bit-identical at any thread count
        if (s.active[i])
        {
            const double budget = s.world.states[i].budget;
            budgets += budget;
            pool += cs.enabled ? s.contributionShare[i] * budget : 0.0;
        }
    s.roundContributions = pool;
    s.roundNeeded = cs.threshold * budgets;
    if (!cs.enabled)
        return;
    // The threat compounds and keeps arriving (a steady inflow of rho); contributions, per state, wear it down.
    const double perState = budgets > 0.0 ? pool / budgets : 0.0;
    s.threat = std::max(0.0, s.threat * (1.0 + cs.threatGrowth) + cs.threatGrowth - cs.mitigation * perState);
    const bool shortfall = pool < s.roundNeeded;
    if (shortfall && !s.inShortfall)
        s.log(EventType::Shortfall, -1, -1, pool, "common-security contributions fell short of the threshold");
    s.inShortfall = shortfall;
    if (!shortfall)
        return;
    // Everyone is at risk when the group misses the threshold, in proportion to what it has online; a
    // larger threat makes it worse, up to twice the loss at H = 0: (1 + H) / (2 + H).
    const double exposure = (1.0 + s.threat) / (2.0 + s.threat);
    for (std::size_t i = 0; i < s.n(); ++i)
        if (s.active[i] && s.rng.uniform(round, i, 0, core::Purpose::Loss) < cs.risk)
        {
            const auto& st = s.world.states[i];
            const double loss = cs.lossScale * st.ictDependence * st.economicWeight * exposure;
            s.payoff[i] -= loss;
            ++s.roundStatesHit;
        }
}

} // namespace cybersim::engine
