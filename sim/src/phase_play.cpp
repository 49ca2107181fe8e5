// SPDX-License-Identifier: MIT
// Phases 1-4 of a round (MODEL.md): decide, resolve the stage games, perceive with attribution noise, update trust,
// accuse, and the reputation effect of accusations. The hot loop: no allocation, no lock, one virtual call per state.
#include "simulation_state.hpp"

#include <algorithm>
#include <cmath>

namespace cybersim::sim
{

namespace
{

// Probability that an intrusion succeeds: logistic in the attacker's capability over the victim's defence
// (MODEL.md "A starting point for the cyber stage game").
inline double intrusionSuccess(double attackerArms, double victimDefence, double scale) noexcept
{
    return logistic((attackerArms - victimDefence) / scale);
}

void decide(SimulationState& s, std::size_t i)
{
    const auto b = s.begin(i), e = s.end(i);
    const auto& doctrine = *s.doctrineDefs[static_cast<std::size_t>(s.doctrine[i])];
    DecisionContext context;
    context.rng = s.rng;
    context.round = static_cast<std::uint64_t>(s.round);
    context.self = static_cast<std::uint32_t>(i);
    context.partners = std::span<const std::uint32_t>(s.world.partner.data() + b, e - b);
    context.game = s.params.game.matrix;
    s.strategy[i]->decide(std::span<DyadMemory>(s.memory.data() + b, e - b), std::span<Action>(s.act.data() + b, e - b),
                          context);

    // Adopted norms restrain intrusions, less so for bold states (Axelrod 1986 boldness).
    const double restraint = s.params.governance.restraint * s.adoptedShare() * (1.0 - s.boldness[i]);
    const double execution = s.params.noise.execution;
    if (restraint > 0.0 || execution > 0.0)
        for (auto k = b; k < e; ++k)
        {
            const auto j = s.world.partner[k];
            if (restraint > 0.0 && s.act[k] == Action::Defect &&
                s.rng.uniform(context.round, i, j, Purpose::Norms) < restraint)
                s.act[k] = Action::Cooperate;
            if (execution > 0.0 && s.rng.uniform(context.round, i, j, Purpose::ImplementNoise) < execution)
                s.act[k] = s.act[k] == Action::Cooperate ? Action::Defect : Action::Cooperate;
        }

    // Budget: distrust of neighbours shifts money from common security to offence (security dilemma).
    double trustSum = 0.0;
    int related = 0;
    for (auto k = b; k < e; ++k)
        if (s.active[s.world.partner[k]])
        {
            trustSum += s.trust[k];
            ++related;
        }
    const double distrust = related > 0 ? 1.0 - trustSum / related : 0.0;
    const double shift = doctrine.threatResponse * distrust;
    s.offenceShare[i] = doctrine.offenceShare + shift * doctrine.contributionShare;
    s.contributionShare[i] = doctrine.contributionShare * (1.0 - shift);
    s.defenceShare[i] = doctrine.defenceShare;
    s.surveilling[i] = s.params.surveillance.enabled && doctrine.surveillance > 0.0 &&
                       s.rng.uniform(context.round, i, 0, Purpose::Surveillance) < doctrine.surveillance;
}

void resolve(SimulationState& s, std::size_t i)
{
    const auto b = s.begin(i), e = s.end(i);
    const auto draws = s.rng.stream(static_cast<std::uint64_t>(s.round), i);
    const auto& p = s.params;
    const auto& doctrine = *s.doctrineDefs[static_cast<std::size_t>(s.doctrine[i])];
    const bool cyber = p.game.kind == GameKind::Cyber;
    const double vi = s.exposure[i];
    double payoff = 0.0;
    int coop = 0, acts = 0, attacks = 0, intrusions = 0, accusations = 0, groundless = 0;
    for (auto k = b; k < e; ++k)
    {
        const auto j = s.world.partner[k];
        s.accused[k] = 0;
        s.intruded[k] = 0;
        if (!s.active[i] || !s.active[j])
        {
            s.edgePayoff[k] = 0.0;
            continue;
        }
        const auto r = s.world.reverse[k];
        const Action mine = s.act[k], theirs = s.act[r];
        const double w = s.world.weight[k];
        double own = 0.0, other = 0.0;
        bool inSucceeded = false, outSucceeded = false;
        if (cyber)
        {
            const double vj = s.exposure[j];
            const double reward = p.game.benefit * w;
            outSucceeded = s.intrusionSucceeded[k] != 0;
            inSucceeded = s.intrusionSucceeded[r] != 0;
            own = (theirs == Action::Cooperate ? reward : 0.0) + (outSucceeded ? p.game.gain * vj : 0.0) -
                  (inSucceeded ? p.game.loss * vi : 0.0);
            other = (mine == Action::Cooperate ? reward : 0.0) + (inSucceeded ? p.game.gain * vi : 0.0) -
                    (outSucceeded ? p.game.loss * vj : 0.0);
            if (s.surveilling[i])
                own += p.surveillance.gain * w * vj;
        }
        else
        {
            own = w * p.game.matrix.payoff(mine, theirs);
            other = w * p.game.matrix.payoff(theirs, mine);
            outSucceeded = mine == Action::Defect;
            inSucceeded = theirs == Action::Defect;
        }
        s.intruded[k] = outSucceeded ? 1 : 0;

        // Attribution noise: restraint seen as an attack (e1), an attack missed (e2) (seeds/000 §2).
        Action seen = theirs;
        if (theirs == Action::Cooperate)
        {
            if (p.noise.falseAttribution > 0.0 && draws.uniform(j, Purpose::PerceiveNoise) < p.noise.falseAttribution)
                seen = Action::Defect;
        }
        else if (p.noise.missedAttack > 0.0 && draws.uniform(j, Purpose::PerceiveNoise) < p.noise.missedAttack)
            seen = Action::Cooperate;
        s.memory[k].record(mine, seen, own, other);

        // Trust is lost faster than it is gained (Slovic 1993, trust asymmetry).
        double& t = s.trust[k];
        if (seen == Action::Cooperate)
            t += p.trust.gainRate * (1.0 - t);
        else
        {
            t -= p.trust.lossRate * t;
            if (p.sovereignty.enabled && (doctrine.hypocrite || t < p.sovereignty.accusationThreshold))
            {
                s.accused[k] = 1;
                ++accusations;
                groundless += theirs == Action::Cooperate ? 1 : 0;
            }
        }
        s.edgePayoff[k] = own;
        payoff += own;
        ++acts;
        coop += mine == Action::Cooperate ? 1 : 0;
        attacks += mine == Action::Defect ? 1 : 0;
        intrusions += outSucceeded ? 1 : 0;
    }
    // Self-interaction (Nowak and May 1992): the state also meets its own twin, playing its act toward its first
    // partner (exact for the unconditional strategies of spatial games).
    if (p.network.selfInteraction && s.active[i] && e > b)
        payoff +=
            cyber ? (s.act[b] == Action::Cooperate ? p.game.benefit : 0.0) : p.game.matrix.payoff(s.act[b], s.act[b]);
    s.payoff[i] = payoff + s.payoffAdjustment[i];
    s.payoffAdjustment[i] = 0.0;
    s.coopActs[i] = coop;
    s.acts[i] = acts;
    s.attacksMade[i] = attacks;
    s.intrusionsMade[i] = intrusions;
    s.accusationsMade[i] = accusations;
    s.groundlessMade[i] = groundless;
}

// Intrusion success for every act of state i: p_ij = logistic((K_i - D_j) / s), drawn with the key (round, i, j).
// Kept per edge, so resolve() reads both directions without drawing twice, and the metrics classify the game
// that was actually played.
void attemptIntrusions(SimulationState& s, std::size_t i)
{
    const auto draws = s.rng.stream(static_cast<std::uint64_t>(s.round), i);
    const double scale = s.params.game.intrusionScale;
    const double arms = s.arms[i];
    for (auto k = s.begin(i); k < s.end(i); ++k)
    {
        const auto j = s.world.partner[k];
        const double p = intrusionSuccess(arms, s.defence[j], scale);
        s.intrusionChance[k] = p;
        s.intrusionSucceeded[k] =
            s.act[k] == Action::Defect && s.active[i] && s.active[j] && draws.uniform(j, Purpose::Intrusion) < p;
    }
}

} // namespace

void playDyads(SimulationState& s)
{
    s.forEachState(
        [&](std::size_t i)
        {
            if (s.active[i])
                decide(s, i);
        });
    if (s.params.game.kind == GameKind::Cyber)
        s.forEachState([&](std::size_t i) { attemptIntrusions(s, i); });
    s.forEachState([&](std::size_t i) { resolve(s, i); });
}

void updateReputation(SimulationState& s)
{
    const auto& p = s.params;
    if (!p.sovereignty.enabled)
        return;
    // Pressure on j: the share of j's neighbours accusing it, each weighted by its legitimacy, so accusations by
    // states that are seen to do the same carry less weight (seeds/000 §2, double standards).
    s.forEachState(
        [&](std::size_t j)
        {
            double weighted = 0.0;
            const auto degree = s.end(j) - s.begin(j);
            for (auto k = s.begin(j); k < s.end(j); ++k)
            {
                const auto r = s.world.reverse[k];
                if (s.accused[r])
                    weighted += s.legitimacy[s.world.partner[k]];
            }
            s.pressure[j] = degree > 0 ? weighted / double(degree) : 0.0;
        });
    s.forEachState(
        [&](std::size_t i)
        {
            if (!s.active[i])
                return;
            for (auto k = s.begin(i); k < s.end(i); ++k)
            {
                const auto j = s.world.partner[k];
                double& t = s.trust[k];
                t -= p.trust.reputationWeight * s.pressure[j] * t;
                // A groundless accusation costs the accuser the trust of the accused, who knows it did nothing.
                if (s.accused[s.world.reverse[k]] && s.act[k] == Action::Cooperate)
                    t -= p.sovereignty.observerPenalty * t;
            }
            // Legitimacy: punishing in public what one does in secret is a double standard.
            double& legit = s.legitimacy[i];
            if (s.accusationsMade[i] > 0 && (s.intrusionsMade[i] > 0 || s.surveilling[i]))
                legit -= p.sovereignty.hypocrisyPenalty;
            else
                legit += p.sovereignty.legitimacyRecovery;
            legit = std::clamp(legit, 0.0, 1.0);
        });
}

} // namespace cybersim::sim
