// SPDX-License-Identifier: MIT
// Phases 1-4 of a round (MODEL.md): decide, resolve the stage games, perceive with attribution noise, update trust,
// accuse, and the reputation effect of accusations. The hot loop: no allocation, no lock, one virtual call per state.
// Two-act games and m-act matrix games share the loop; the matrix path is a separate instantiation.
#include "simulation_state.hpp"

#include <algorithm>
#include <cmath>

namespace cybersim::sim
{

namespace
{

void decide(SimulationState& s, std::size_t i)
{
    const auto b = s.begin(i), e = s.end(i);
    const auto& doctrine = *s.doctrineDefs[static_cast<std::size_t>(s.doctrine[i])];
    const auto memories = std::span<DyadMemory>(s.memory.data() + b, e - b);
    const auto acts = std::span<Action>(s.act.data() + b, e - b);

    // Raw pointers: stores to one-byte acts may alias anything, and would otherwise make the compiler reload every
    // vector's data pointer after each store.
    const std::uint32_t* const partner = s.world.partner.data();
    const double* const trust = s.trust.data();
    const std::uint8_t* const active = s.active.data();
    Action* const act = s.act.data();
    const auto draws = s.rng.stream(static_cast<std::uint64_t>(s.round), i);

    if (s.matrix)
    {
        // An m-act game: act indices, the classic strategies' C and D mapped onto the game's acts.
        decideActs(*s.strategy[i], memories, acts, s.decisionContext(i, s.seenAct));
        restrainAndTremble(s, i, act);
    }
    else
    {
        DecisionContext context;
        context.rng = s.rng;
        context.round = static_cast<std::uint64_t>(s.round);
        context.self = static_cast<std::uint32_t>(i);
        context.partners = std::span<const std::uint32_t>(s.world.partner.data() + b, e - b);
        context.game = s.params.game.matrix;
        s.strategy[i]->decide(memories, acts, context);

        // Adopted norms restrain intrusions, less so for bold states (Axelrod 1986 boldness).
        const double restraint = s.params.governance.restraint * s.adoptedShare() * (1.0 - s.boldness[i]);
        const double execution = s.params.noise.execution;
        if (restraint > 0.0 || execution > 0.0)
            for (auto k = b; k < e; ++k)
            {
                const auto j = partner[k];
                if (restraint > 0.0 && act[k] == Action::Defect && draws.uniform(j, Purpose::Norms) < restraint)
                    act[k] = Action::Cooperate;
                if (execution > 0.0 && draws.uniform(j, Purpose::ImplementNoise) < execution)
                    act[k] = act[k] == Action::Cooperate ? Action::Defect : Action::Cooperate;
            }
    }

    // Budget: distrust of neighbours shifts money from common security to offence (security dilemma).
    double trustSum = 0.0;
    int related = 0;
    for (auto k = b; k < e; ++k)
        if (active[partner[k]])
        {
            trustSum += trust[k];
            ++related;
        }
    const double distrust = related > 0 ? 1.0 - trustSum / related : 0.0;
    const double shift = doctrine.threatResponse * distrust;
    s.offenceShare[i] = doctrine.offenceShare + shift * doctrine.contributionShare;
    s.contributionShare[i] = doctrine.contributionShare * (1.0 - shift);
    s.defenceShare[i] = doctrine.defenceShare;
    s.surveilling[i] = s.params.surveillance.enabled && doctrine.surveillance > 0.0 &&
                       draws.uniform(0, Purpose::Surveillance) < doctrine.surveillance;
}

// Intrusion success for every act of state i: p_ij = logistic((K_i - D_j) / s) (MODEL.md "A starting point for the
// cyber stage game"), drawn with the key (round, i, j). Kept per edge, so resolve() reads both directions without
// drawing twice, and the metrics classify the game that was actually played. Reads only i's own acts, so it runs in
// the same pass as decide().
void attemptIntrusions(SimulationState& s, std::size_t i)
{
    const auto b = s.begin(i), e = s.end(i);
    const std::uint32_t* const partner = s.world.partner.data();
    const double* const defence = s.defence.data();
    const std::uint8_t* const active = s.active.data();
    const Action* const act = s.act.data();
    double* const chance = s.intrusionChance.data();
    std::uint8_t* const succeeded = s.intrusionSucceeded.data();
    const double scale = s.params.game.intrusionScale;
    const double arms = s.arms[i];
    // The chances first, in a loop without draws or branches, then the draws for the acts that are intrusions.
    for (auto k = b; k < e; ++k)
        chance[k] = logistic((arms - defence[partner[k]]) / scale);
    const auto draws = s.rng.stream(static_cast<std::uint64_t>(s.round), i);
    const bool attackerActive = active[i] != 0;
    for (auto k = b; k < e; ++k)
    {
        const auto j = partner[k];
        succeeded[k] =
            act[k] == Action::Defect && attackerActive && active[j] && draws.uniform(j, Purpose::Intrusion) < chance[k];
    }
}

// Stage payoffs, perception, trust and accusations for state i's relations. Matrix = true plays the m-act game
// (act indices, cooperative acts from the game); false the two-act games, unchanged.
template <bool Matrix> void resolve(SimulationState& s, std::size_t i)
{
    const auto b = s.begin(i), e = s.end(i);
    const auto draws = s.rng.stream(static_cast<std::uint64_t>(s.round), i);
    const auto& p = s.params;
    const auto& doctrine = *s.doctrineDefs[static_cast<std::size_t>(s.doctrine[i])];
    const bool cyber = p.game.kind == GameKind::Cyber;
    const double vi = s.exposure[i];
    const std::uint32_t* const partner = s.world.partner.data();
    const std::uint32_t* const reverse = s.world.reverse.data();
    const double* const weight = s.world.weight.data();
    const double* const exposure = s.exposure.data();
    const std::uint8_t* const active = s.active.data();
    const std::uint8_t* const succeeded = s.intrusionSucceeded.data();
    const Action* const act = s.act.data();
    const MatrixGame& game = s.matrixGame;
    Action* const seenAct = s.seenActBefore.data(); // becomes seenAct when the round's resolve is done
    const Action* const lastSeen = s.seenAct.data();
    DyadMemory* const memory = s.memory.data();
    double* const trust = s.trust.data();
    double* const edgePayoff = s.edgePayoff.data();
    std::uint8_t* const accused = s.accused.data();
    std::uint8_t* const intruded = s.intruded.data();
    const double benefit = p.game.benefit, gain = p.game.gain, loss = p.game.loss;
    const bool surveilling = s.surveilling[i] != 0;
    const double surveillanceGain = p.surveillance.gain;
    const double falseAttribution = p.noise.falseAttribution, missedAttack = p.noise.missedAttack;
    const double gainRate = p.trust.gainRate, lossRate = p.trust.lossRate;
    const bool accuses = p.sovereignty.enabled;
    const bool hypocrite = doctrine.hypocrite;
    const double accusationThreshold = p.sovereignty.accusationThreshold;
    const bool selfActive = active[i] != 0;
    double payoff = 0.0;
    int coop = 0, acts = 0, attacks = 0, intrusions = 0, accusations = 0, groundless = 0;
    for (auto k = b; k < e; ++k)
    {
        const auto j = partner[k];
        accused[k] = 0;
        intruded[k] = 0;
        if (!selfActive || !active[j])
        {
            edgePayoff[k] = 0.0;
            if constexpr (Matrix)
                seenAct[k] = lastSeen[k]; // nothing was seen: the last perception stands
            continue;
        }
        const auto r = reverse[k];
        const Action mine = act[k], theirs = act[r];
        const double w = weight[k];
        double own = 0.0, other = 0.0;
        bool inSucceeded = false, outSucceeded = false;
        if constexpr (Matrix)
        {
            own = w * game.payoff(mine, theirs);
            other = w * game.payoff(theirs, mine);
            outSucceeded = !game.isCooperative(mine);
            inSucceeded = !game.isCooperative(theirs);
        }
        else if (cyber)
        {
            const double vj = exposure[j];
            const double reward = benefit * w;
            outSucceeded = succeeded[k] != 0;
            inSucceeded = succeeded[r] != 0;
            own = (theirs == Action::Cooperate ? reward : 0.0) + (outSucceeded ? gain * vj : 0.0) -
                  (inSucceeded ? loss * vi : 0.0);
            other = (mine == Action::Cooperate ? reward : 0.0) + (inSucceeded ? gain * vi : 0.0) -
                    (outSucceeded ? loss * vj : 0.0);
            if (surveilling)
                own += surveillanceGain * w * vj;
        }
        else
        {
            own = w * p.game.matrix.payoff(mine, theirs);
            other = w * p.game.matrix.payoff(theirs, mine);
            outSucceeded = mine == Action::Defect;
            inSucceeded = theirs == Action::Defect;
        }
        intruded[k] = outSucceeded ? 1 : 0;

        // Attribution noise: restraint seen as an attack (e1), an attack missed (e2) (seeds/000 §2). In a matrix game
        // restraint is seen as the first hostile act and a missed attack as the first cooperative act.
        bool theirsCooperative = theirs == Action::Cooperate;
        bool seenCooperative = false;
        if constexpr (Matrix)
        {
            theirsCooperative = game.isCooperative(theirs);
            Action seenAs = theirs;
            if (theirsCooperative)
            {
                if (falseAttribution > 0.0 && draws.uniform(j, Purpose::PerceiveNoise) < falseAttribution)
                    seenAs = game.defectAct;
            }
            else if (missedAttack > 0.0 && draws.uniform(j, Purpose::PerceiveNoise) < missedAttack)
                seenAs = game.cooperateAct;
            seenAct[k] = seenAs;
            seenCooperative = game.isCooperative(seenAs);
            memory[k].record(game.stance(mine), game.stance(seenAs), own, other);
        }
        else
        {
            Action seen = theirs;
            if (theirs == Action::Cooperate)
            {
                if (falseAttribution > 0.0 && draws.uniform(j, Purpose::PerceiveNoise) < falseAttribution)
                    seen = Action::Defect;
            }
            else if (missedAttack > 0.0 && draws.uniform(j, Purpose::PerceiveNoise) < missedAttack)
                seen = Action::Cooperate;
            seenCooperative = seen == Action::Cooperate;
            memory[k].record(mine, seen, own, other);
        }

        // Trust is lost faster than it is gained (Slovic 1993, trust asymmetry).
        double t = trust[k];
        if (seenCooperative)
            t += gainRate * (1.0 - t);
        else
        {
            t -= lossRate * t;
            if (accuses && (hypocrite || t < accusationThreshold))
            {
                accused[k] = 1;
                ++accusations;
                groundless += theirsCooperative ? 1 : 0;
            }
        }
        trust[k] = t;
        edgePayoff[k] = own;
        payoff += own;
        ++acts;
        if constexpr (Matrix)
        {
            const bool restrained = game.isCooperative(mine);
            coop += restrained ? 1 : 0;
            attacks += restrained ? 0 : 1;
        }
        else
        {
            coop += mine == Action::Cooperate ? 1 : 0;
            attacks += mine == Action::Defect ? 1 : 0;
        }
        intrusions += outSucceeded ? 1 : 0;
    }
    // Self-interaction (Nowak and May 1992): the state also meets its own twin, playing its act toward its first
    // partner (exact for the unconditional strategies of spatial games).
    if (p.network.selfInteraction && selfActive && e > b)
    {
        if constexpr (Matrix)
            payoff += game.payoff(act[b], act[b]);
        else
            payoff += cyber ? (act[b] == Action::Cooperate ? benefit : 0.0) : p.game.matrix.payoff(act[b], act[b]);
    }
    s.payoff[i] = payoff + s.payoffAdjustment[i];
    s.payoffAdjustment[i] = 0.0;
    s.coopActs[i] = coop;
    s.acts[i] = acts;
    s.attacksMade[i] = attacks;
    s.intrusionsMade[i] = intrusions;
    s.accusationsMade[i] = accusations;
    s.groundlessMade[i] = groundless;
}

} // namespace

void playDyads(SimulationState& s)
{
    const bool cyber = s.params.game.kind == GameKind::Cyber;
    s.forEachState(
        [&](std::size_t i)
        {
            if (s.active[i])
                decide(s, i);
            if (cyber)
                attemptIntrusions(s, i);
        });
    if (s.matrix)
    {
        s.forEachState([&](std::size_t i) { resolve<true>(s, i); });
        std::swap(s.seenAct, s.seenActBefore); // the round's perceptions are now the last ones
    }
    else
        s.forEachState([&](std::size_t i) { resolve<false>(s, i); });
}

void computePressure(SimulationState& s)
{
    // Pressure on j: the share of j's neighbours accusing it, each weighted by its legitimacy, so accusations by
    // states that are seen to do the same carry less weight (seeds/000 §2, double standards).
    const std::uint32_t* const partner = s.world.partner.data();
    const std::uint32_t* const reverse = s.world.reverse.data();
    const std::uint8_t* const accused = s.accused.data();
    const double* const legitimacy = s.legitimacy.data();
    s.forEachState(
        [&](std::size_t j)
        {
            double weighted = 0.0;
            const auto b = s.begin(j), e = s.end(j);
            for (auto k = b; k < e; ++k)
                if (accused[reverse[k]])
                    weighted += legitimacy[partner[k]];
            s.pressure[j] = e > b ? weighted / double(e - b) : 0.0;
        });
}

void applyReputation(SimulationState& s, std::size_t i)
{
    const auto& p = s.params;
    if (!s.active[i])
        return;
    const std::uint32_t* const partner = s.world.partner.data();
    const std::uint32_t* const reverse = s.world.reverse.data();
    const std::uint8_t* const accused = s.accused.data();
    const Action* const act = s.act.data();
    const double* const pressure = s.pressure.data();
    double* const trust = s.trust.data();
    const double reputationWeight = p.trust.reputationWeight, observerPenalty = p.sovereignty.observerPenalty;
    const bool matrix = s.matrix;
    const MatrixGame& game = s.matrixGame;
    for (auto k = s.begin(i); k < s.end(i); ++k)
    {
        double t = trust[k];
        t -= reputationWeight * pressure[partner[k]] * t;
        // A groundless accusation costs the accuser the trust of the accused, who knows it did nothing.
        if (accused[reverse[k]] && (matrix ? game.isCooperative(act[k]) : act[k] == Action::Cooperate))
            t -= observerPenalty * t;
        trust[k] = t;
    }
    // Legitimacy: punishing in public what one does in secret is a double standard.
    double& legit = s.legitimacy[i];
    if (s.accusationsMade[i] > 0 && (s.intrusionsMade[i] > 0 || s.surveilling[i]))
        legit -= p.sovereignty.hypocrisyPenalty;
    else
        legit += p.sovereignty.legitimacyRecovery;
    legit = std::clamp(legit, 0.0, 1.0);
}

} // namespace cybersim::sim
