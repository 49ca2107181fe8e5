// SPDX-License-Identifier: MIT
// Asynchronous learning's payoff bookkeeping: after one state switches doctrine, the stage and group payoffs of the
// round are recomputed for the states it affects, so the next state to revise sees them (Huberman and Glance 1993).
#include "phases/async_learning.hpp"

#include "model_formulas.hpp"
#include "phases/phase_group_game.hpp"
#include "simulation_state.hpp"

#include <algorithm>
#include <numeric>

namespace cybersim::engine
{

namespace
{

// Owner i's stage payoff on directed edge k with acts (mine, theirs): the expression of resolve() in
// phase_play.cpp. The cyber game's intrusion draws are keyed by (round, attacker, victim), so an act that is the same
// as played gives the same success as played.
double edgeStagePayoff(const SimulationState& s, std::size_t i, std::uint32_t k, core::Action mine, core::Action theirs)
{
    const auto& p = s.params;
    const double w = s.world.weight[k];
    if (s.matrix)
        return w * s.matrixGame.payoff(mine, theirs);
    if (p.game.kind != scenario::GameKind::Cyber)
        return w * p.game.matrix.payoff(mine, theirs);
    const auto j = s.world.partner[k];
    const auto r = s.world.reverse[k];
    const auto round = static_cast<std::uint64_t>(s.round);
    const bool outSucceeded =
        mine == core::Action::Defect && s.rng.uniform(round, i, j, core::Purpose::Intrusion) < s.intrusionChance[k];
    const bool inSucceeded =
        theirs == core::Action::Defect && s.rng.uniform(round, j, i, core::Purpose::Intrusion) < s.intrusionChance[r];
    const double vi = s.exposure[i], vj = s.exposure[j];
    double own = model::cyberStagePayoff(theirs == core::Action::Cooperate, outSucceeded, inSucceeded,
                                         p.game.benefit * w, p.game.gain, p.game.loss, vi, vj);
    if (s.surveilling[i])
        own += model::surveillancePayoff(p.surveillance.gain, w, vj);
    return own;
}

// State m's stage payoff this round under the acts in force: the sum of resolve() in phase_play.cpp, in the same
// order (partners in edge order, then the self-interaction term), so an unchanged state sums to the same double.
double stagePayoff(const SimulationState& s, std::size_t m)
{
    if (!s.active[m])
        return 0.0;
    const auto& a = s.async;
    const auto b = s.begin(m), e = s.end(m);
    double payoff = 0.0;
    for (auto k = b; k < e; ++k)
        if (s.active[s.world.partner[k]])
            payoff += a.edgePayoff[k];
    if (s.params.network.selfInteraction && e > b)
        payoff += twinPayoff(s, a.act[b]);
    return payoff;
}

double groupPayoffOf(const SimulationState& s, std::size_t m)
{
    return s.group.payoff.size() == s.n() ? s.group.payoff[m] : 0.0;
}

// The dyad memory as it stood before this round's record(): the counterfactual decision is the act the new strategy
// would have played this round. The 64th-oldest move, shifted out by the record, reads as cooperation; the scores
// lose what the round added.
void unrecord(core::DyadMemory& m, double own, double other)
{
    if (m.turns == 0)
        return;
    m.ownDefections -= static_cast<std::uint32_t>(m.ownMove(0));
    m.partnerDefections -= static_cast<std::uint32_t>(m.partnerMove(0));
    m.ownMoves >>= 1;
    m.partnerMoves >>= 1;
    --m.turns;
    m.ownScore -= own;
    m.partnerScore -= other;
}

// Re-decides state i's acts toward its active partners with its (new) strategy, as decide() in phase_play.cpp does,
// from the memories as they stood at the start of the round; then norms restraint and execution noise with the same
// draws.
void redecide(SimulationState& s, std::size_t i)
{
    auto& a = s.async;
    const auto b = s.begin(i), e = s.end(i);
    const auto round = static_cast<std::uint64_t>(s.round);
    a.memory.assign(s.memory.begin() + b, s.memory.begin() + e);
    for (auto k = b; k < e; ++k)
    {
        const auto j = s.world.partner[k];
        if (!s.active[j])
            continue;
        // The partner's payoff as resolve() recorded it: its edge payoff without its surveillance gain.
        const auto r = s.world.reverse[k];
        double other = s.edgePayoff[r];
        if (s.params.game.kind == scenario::GameKind::Cyber && s.surveilling[j])
            other -= model::surveillancePayoff(s.params.surveillance.gain, s.world.weight[k], s.exposure[i]);
        unrecord(a.memory[k - b], s.edgePayoff[k], other);
    }
    if (s.matrix)
    {
        // The acts perceived before this round: resolve has since moved them to seenActBefore.
        core::decideActs(*s.strategy[i], a.memory, std::span<core::Action>(a.act.data() + b, e - b),
                         s.decisionContext(i, s.seenActBefore));
        restrainAndTremble(s, i, a.act.data());
        return;
    }
    core::DecisionContext context;
    context.rng = s.rng;
    context.round = round;
    context.self = static_cast<std::uint32_t>(i);
    context.partners = std::span<const std::uint32_t>(s.world.partner.data() + b, e - b);
    context.game = s.params.game.matrix;
    s.strategy[i]->decide(a.memory, std::span<core::Action>(a.act.data() + b, e - b), context);
    const double restraint = s.params.governance.restraint * s.adoptedShare() * (1.0 - s.boldness[i]);
    const double execution = s.params.noise.execution;
    for (auto k = b; k < e; ++k)
    {
        const auto j = s.world.partner[k];
        if (restraint > 0.0 && a.act[k] == core::Action::Defect &&
            s.rng.uniform(round, i, j, core::Purpose::Norms) < restraint)
            a.act[k] = core::Action::Cooperate;
        if (execution > 0.0 && s.rng.uniform(round, i, j, core::Purpose::ImplementNoise) < execution)
            a.act[k] = a.act[k] == core::Action::Cooperate ? core::Action::Defect : core::Action::Cooperate;
    }
}

} // namespace

void TouchedStates::clear(std::size_t n)
{
    if (stamp.size() != n)
    {
        stamp.assign(n, 0);
        list.reserve(n);
        epoch = 0;
    }
    list.clear();
    if (++epoch == 0) // wrapped: no stamp may equal the new epoch
    {
        std::fill(stamp.begin(), stamp.end(), 0U);
        epoch = 1;
    }
}

void shuffleOrder(const SimulationState& s, std::vector<std::uint32_t>& order)
{
    const std::size_t n = s.n();
    const auto round = static_cast<std::uint64_t>(s.round);
    order.resize(n);
    std::iota(order.begin(), order.end(), 0U);
    for (std::size_t i = n - 1; i > 0 && n > 1; --i)
        std::swap(order[i], order[s.rng.below(i + 1, round, i, 0, core::Purpose::Order)]);
}

void beginAsyncLearning(SimulationState& s)
{
    auto& a = s.async;
    const std::size_t n = s.n();
    a.act.assign(s.act.begin(), s.act.end());
    a.edgePayoff.assign(s.edgePayoff.begin(), s.edgePayoff.end());
    a.rest.resize(n);
    for (std::size_t m = 0; m < n; ++m)
        a.rest[m] = s.windowPayoff[m] - stagePayoff(s, m) - groupPayoffOf(s, m);
    indexCoPlayers(s, a.coPlayerOffsets, a.coPlayerOf);
    a.touched.clear(n);
}

void refreshAfterSwitch(SimulationState& s, std::size_t i, const core::Strategy* previous)
{
    auto& a = s.async;
    a.touched.clear(s.n());
    if (!s.active[i])
        return;
    // Acts change only when the strategy does: two doctrines with the same strategy play the same acts.
    if (s.strategy[i] != previous)
    {
        redecide(s, i);
        for (auto k = s.begin(i); k < s.end(i); ++k)
        {
            const auto j = s.world.partner[k];
            if (!s.active[j])
                continue;
            const auto r = s.world.reverse[k];
            a.edgePayoff[k] = edgeStagePayoff(s, i, k, a.act[k], a.act[r]);
            a.edgePayoff[r] = edgeStagePayoff(s, j, r, a.act[r], a.act[k]);
            a.touched.add(j);
        }
    }
    a.touched.add(static_cast<std::uint32_t>(i));
    refreshGroupPayoffs(s, i, a.coPlayerOffsets, a.coPlayerOf);
    for (const auto m : s.group.recomputed.list)
        a.touched.add(m);
    for (const auto m : a.touched.list)
        s.windowPayoff[m] = a.rest[m] + stagePayoff(s, m) + groupPayoffOf(s, m);
}

} // namespace cybersim::engine
