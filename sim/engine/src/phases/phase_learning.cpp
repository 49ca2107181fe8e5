// SPDX-License-Identifier: MIT
// Phase 7: optional learning of doctrines between neighbours, with mutation (docs/model.md phase 7). Synchronous
// updates: all states compare last interval's payoffs, then all switch (Moran's birth-death events run in sequence).
// Asynchronous updates (learning.update): states revise one at a time in a random order, each seeing the doctrines
// and the recomputed payoffs of the revisions before it (Huberman and Glance 1993; phases/async_learning.cpp).
#include "model_formulas.hpp"
#include "phases/async_learning.hpp"
#include "simulation_state.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

namespace cybersim::engine
{

namespace
{

std::int32_t mutate(const SimulationState& s, std::size_t i, std::int32_t current)
{
    const auto& l = s.params.learning;
    const auto round = static_cast<std::uint64_t>(s.round);
    if (l.mutation > 0.0 && s.rng.uniform(round, i, 0, core::Purpose::Mutate) < l.mutation)
        return static_cast<std::int32_t>(s.rng.below(s.doctrineDefs.size(), round, i, 1, core::Purpose::Mutate));
    return current;
}

// Fermi rule: copy a random partner with probability 1 / (1 + exp(-beta (P_j - P_i))) (Traulsen et al. 2006).
std::int32_t imitate(const SimulationState& s, std::size_t i)
{
    const auto degree = s.end(i) - s.begin(i);
    if (degree == 0)
        return s.doctrine[i];
    const auto round = static_cast<std::uint64_t>(s.round);
    const auto j = s.world.partner[s.begin(i) + s.rng.below(degree, round, i, 0, core::Purpose::Learn)];
    if (!s.active[j])
        return s.doctrine[i];
    const double beta = s.params.learning.selectionIntensity;
    const double p = 1.0 / (1.0 + std::exp(-beta * (s.windowPayoff[j] - s.windowPayoff[i])));
    return s.rng.uniform(round, i, 1, core::Purpose::Learn) < p ? s.doctrine[j] : s.doctrine[i];
}

// Imitate the best: the highest scorer among self and partners; the owner keeps its doctrine on a tie
// (Nowak and May 1992).
std::int32_t imitateBest(const SimulationState& s, std::size_t i)
{
    double best = s.windowPayoff[i];
    std::int32_t choice = s.doctrine[i];
    for (auto k = s.begin(i); k < s.end(i); ++k)
    {
        const auto j = s.world.partner[k];
        if (s.active[j] && s.windowPayoff[j] > best)
        {
            best = s.windowPayoff[j];
            choice = s.doctrine[j];
        }
    }
    return choice;
}

// Aspiration learning in the spirit of Bush and Mosteller (1955): a state whose payoff per act fell short of its
// aspiration switches doctrine with a probability that grows with the shortfall.
std::int32_t reinforce(const SimulationState& s, std::size_t i, double scale)
{
    const auto degree = std::max<std::uint32_t>(1, s.end(i) - s.begin(i));
    const double perAct = s.windowPayoff[i] / (double(degree) * std::max(1, s.params.learning.interval));
    const double stimulus = std::clamp((perAct - s.params.learning.aspiration) / scale, -1.0, 1.0);
    const auto round = static_cast<std::uint64_t>(s.round);
    if (stimulus < 0.0 && s.rng.uniform(round, i, 2, core::Purpose::Learn) < -stimulus && s.doctrineDefs.size() > 1)
    {
        auto other =
            static_cast<std::int32_t>(s.rng.below(s.doctrineDefs.size() - 1, round, i, 3, core::Purpose::Learn));
        return other >= s.doctrine[i] ? other + 1 : other;
    }
    return s.doctrine[i];
}

// Myopic best response: the doctrine whose strategy, facing each partner's last act (`played`, by directed edge),
// would have earned most. In a matrix game every doctrine in use competes, m-act strategies (pure:<act>, Mixed,
// Reciprocator, BestReply) and classic ones alike, scored by the m x m table.
std::int32_t bestResponse(SimulationState& s, std::size_t i, std::vector<core::DyadMemory>& scratch,
                          std::vector<core::Action>& acts, const std::vector<core::Action>& played)
{
    const auto b = s.begin(i), e = s.end(i);
    const auto& game = s.params.game;
    std::int32_t best = s.doctrine[i];
    double bestValue = -1e300;
    for (std::size_t d = 0; d < s.doctrineDefs.size(); ++d)
    {
        const core::Strategy* strategy = s.doctrineStrategy(d);
        scratch.assign(s.memory.begin() + b, s.memory.begin() + e);
        acts.assign(e - b, core::Action::Cooperate);
        if (s.matrix)
        {
            // Every doctrine's strategy, m-act or classic (its C and D mapped), from the memories and the acts
            // perceived in the round just played.
            core::decideActs(*strategy, scratch, acts, s.decisionContext(i, s.seenAct));
            double value = 0.0;
            for (auto k = b; k < e; ++k)
                value += s.world.weight[k] * s.matrixGame.payoff(acts[k - b], played[s.world.reverse[k]]);
            if (value > bestValue + 1e-12)
            {
                bestValue = value;
                best = static_cast<std::int32_t>(d);
            }
            continue;
        }
        core::DecisionContext context;
        context.rng = s.rng;
        context.round = static_cast<std::uint64_t>(s.round);
        context.self = static_cast<std::uint32_t>(i);
        context.partners = std::span<const std::uint32_t>(s.world.partner.data() + b, e - b);
        context.game = game.matrix;
        strategy->decide(scratch, acts, context);
        // The cyber game scores an intrusion at half the gain g, as if it succeeded against an exposure of 0.5 (its
        // success and the partner's exposure are not weighed here), and leaves out the partner's intrusions, which do
        // not depend on the doctrine.
        double value = 0.0;
        for (auto k = b; k < e; ++k)
        {
            const core::Action mine = acts[k - b], theirs = played[s.world.reverse[k]];
            const double w = s.world.weight[k];
            value += game.kind == scenario::GameKind::Cyber
                         ? model::cyberStagePayoff(theirs == core::Action::Cooperate, mine == core::Action::Defect,
                                                   false, game.benefit * w, game.gain, game.loss, 0.0, 0.5)
                         : w * game.matrix.payoff(mine, theirs);
        }
        if (value > bestValue + 1e-12)
        {
            bestValue = value;
            best = static_cast<std::int32_t>(d);
        }
    }
    return best;
}

// Moran fitness exp(w (payoff - max payoff)) of every active state (0 for the others), from the window payoffs in
// force; returns their sum.
double moranFitness(const SimulationState& s, std::vector<double>& fitness)
{
    double maxPayoff = -1e300;
    for (std::size_t i = 0; i < s.n(); ++i)
        if (s.active[i])
            maxPayoff = std::max(maxPayoff, s.windowPayoff[i]);
    double total = 0.0;
    for (std::size_t i = 0; i < s.n(); ++i)
    {
        fitness[i] =
            s.active[i] ? std::exp(s.params.learning.selectionIntensity * (s.windowPayoff[i] - maxPayoff)) : 0.0;
        total += fitness[i];
    }
    return total;
}

// One Moran birth-death event (Lieberman, Hauert and Nowak 2005): the reproducer j, chosen with probability
// fitness / total, and the partner i its offspring replaces; nullopt when j has no partner.
std::optional<std::pair<std::size_t, std::uint32_t>>
moranEvent(const SimulationState& s, const std::vector<double>& fitness, double total, std::size_t event)
{
    const auto round = static_cast<std::uint64_t>(s.round);
    double pick = s.rng.uniform(round, event, 0, core::Purpose::Learn) * total;
    std::size_t j = 0;
    while (j + 1 < s.n() && (pick -= fitness[j]) >= 0.0)
        ++j;
    const auto degree = s.end(j) - s.begin(j);
    if (degree == 0)
        return std::nullopt;
    return std::pair{j, s.world.partner[s.begin(j) + s.rng.below(degree, round, event, 1, core::Purpose::Learn)]};
}

// Adopts a doctrine chosen in an asynchronous revision and recomputes the payoffs it changes.
void adopt(SimulationState& s, std::size_t i, std::int32_t chosen)
{
    if (chosen == s.doctrine[i])
        return;
    const core::Strategy* previous = s.strategy[i];
    s.log(EventType::DoctrineChange, static_cast<std::int32_t>(i), chosen, 0.0,
          s.world.states[i].name + " adopts " + s.world.doctrines[std::size_t(chosen)]);
    s.setDoctrine(i, chosen);
    refreshAfterSwitch(s, i, previous);
}

// Asynchronous Moran process: n birth-death events, each choosing the reproducer in proportion to exp(w * payoff)
// from the payoffs in force, so the offspring and the states whose payoffs it changes take their new fitness at once
// (frequency dependence is exact). With probability `mutation` the offspring takes a random doctrine instead.
void moranAsynchronously(SimulationState& s)
{
    auto& fitness = s.async.fitness;
    fitness.resize(s.n());
    for (std::size_t event = 0; event < s.n(); ++event)
    {
        const double total = moranFitness(s, fitness);
        if (!(total > 0.0))
            break;
        const auto pair = moranEvent(s, fitness, total, event);
        if (pair && s.active[pair->second])
            adopt(s, pair->second, mutate(s, event, s.doctrine[pair->first]));
    }
}

// One asynchronous learning step: a random order, then each active state revises with the rule, seeing the
// doctrines and payoffs in force (the payoffs of the states a switch affects are recomputed at once).
void learnAsynchronously(SimulationState& s)
{
    const auto& l = s.params.learning;
    auto& a = s.async;
    beginAsyncLearning(s);
    if (l.rule == scenario::LearningRule::Moran)
    {
        moranAsynchronously(s);
        return;
    }
    // Reinforcement's payoff scale is fixed at the start of the step, as in the synchronous update.
    double scale = 1e-9;
    if (l.rule == scenario::LearningRule::Reinforcement)
        for (std::size_t i = 0; i < s.n(); ++i)
            scale = std::max(scale, std::abs(s.windowPayoff[i]) /
                                        (double(std::max<std::uint32_t>(1, s.end(i) - s.begin(i))) * l.interval));
    shuffleOrder(s, a.order);
    for (const auto i : a.order)
    {
        if (!s.active[i])
            continue;
        std::int32_t chosen = s.doctrine[i];
        switch (l.rule)
        {
        case scenario::LearningRule::Imitation:
            chosen = imitate(s, i);
            break;
        case scenario::LearningRule::ImitateBest:
            chosen = imitateBest(s, i);
            break;
        case scenario::LearningRule::Reinforcement:
            chosen = reinforce(s, i, scale);
            break;
        case scenario::LearningRule::BestResponse:
            chosen = bestResponse(s, i, a.memory, a.decided, a.act);
            break;
        case scenario::LearningRule::None:
        case scenario::LearningRule::Moran:
        case scenario::LearningRule::AxelrodTraits:
            break;
        }
        adopt(s, i, mutate(s, i, chosen));
    }
}

} // namespace

void runLearning(SimulationState& s)
{
    const auto& l = s.params.learning;
    // Best response and asynchronous updates replay the dyads' memories, the round just played included.
    const bool learns = l.rule != scenario::LearningRule::None && (s.round + 1) % std::max(1, l.interval) == 0;
    if (learns &&
        (l.rule == scenario::LearningRule::BestResponse || l.update == scenario::LearningUpdate::Asynchronous))
        flushPendingRecords(s);
    for (std::size_t i = 0; i < s.n(); ++i)
        s.windowPayoff[i] += s.payoff[i];
    if (l.rule == scenario::LearningRule::None || (s.round + 1) % std::max(1, l.interval) != 0)
        return;
    if (l.rule == scenario::LearningRule::AxelrodTraits)
    {
        evolveNormTraits(s);
        std::fill(s.windowPayoff.begin(), s.windowPayoff.end(), 0.0);
        return;
    }
    if (l.update == scenario::LearningUpdate::Asynchronous)
    {
        learnAsynchronously(s);
        std::fill(s.windowPayoff.begin(), s.windowPayoff.end(), 0.0);
        return;
    }
    auto& next = s.nextDoctrine;
    next.assign(s.doctrine.begin(), s.doctrine.end());
    switch (l.rule)
    {
    case scenario::LearningRule::None:
    case scenario::LearningRule::AxelrodTraits:
        break;
    case scenario::LearningRule::Imitation:
        for (std::size_t i = 0; i < s.n(); ++i)
            if (s.active[i])
                next[i] = imitate(s, i);
        break;
    case scenario::LearningRule::ImitateBest:
        for (std::size_t i = 0; i < s.n(); ++i)
            if (s.active[i])
                next[i] = imitateBest(s, i);
        break;
    case scenario::LearningRule::Reinforcement:
    {
        double scale = 1e-9;
        for (std::size_t i = 0; i < s.n(); ++i)
            scale = std::max(scale, std::abs(s.windowPayoff[i]) /
                                        (double(std::max<std::uint32_t>(1, s.end(i) - s.begin(i))) * l.interval));
        for (std::size_t i = 0; i < s.n(); ++i)
            if (s.active[i])
                next[i] = reinforce(s, i, scale);
        break;
    }
    case scenario::LearningRule::BestResponse:
    {
        for (std::size_t i = 0; i < s.n(); ++i)
            if (s.active[i])
                next[i] = bestResponse(s, i, s.memoryScratch, s.actScratch, s.act);
        break;
    }
    case scenario::LearningRule::Moran:
    {
        // Birth-death Moran process on the network (Lieberman, Hauert and Nowak 2005): n events per learning
        // step; the reproducer is chosen with probability proportional to exp(w * payoff), and a random partner
        // takes its doctrine.
        auto& fitness = s.fitness;
        fitness.assign(s.n(), 0.0);
        double total = moranFitness(s, fitness);
        for (std::size_t event = 0; event < s.n() && total > 0.0; ++event)
        {
            const auto pair = moranEvent(s, fitness, total, event);
            if (!pair)
                continue;
            const auto [j, i] = *pair;
            if (s.active[i])
            {
                // The offspring replaces i outright, fitness included, so the next event sees the new population.
                next[i] = next[j];
                total += fitness[j] - fitness[i];
                fitness[i] = fitness[j];
            }
        }
        break;
    }
    }
    for (std::size_t i = 0; i < s.n(); ++i)
    {
        if (!s.active[i])
            continue;
        const auto chosen = mutate(s, i, next[i]);
        if (chosen != s.doctrine[i])
        {
            s.log(EventType::DoctrineChange, static_cast<std::int32_t>(i), chosen, 0.0,
                  s.world.states[i].name + " adopts " + s.world.doctrines[std::size_t(chosen)]);
            s.setDoctrine(i, chosen);
        }
    }
    std::fill(s.windowPayoff.begin(), s.windowPayoff.end(), 0.0);
}

} // namespace cybersim::engine
