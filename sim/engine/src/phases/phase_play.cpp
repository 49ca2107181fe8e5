// SPDX-License-Identifier: MIT
// Phases 1-4 of a round (docs/model.md): decide, resolve the stage games, perceive with attribution noise, update
// trust, accuse, and the reputation effect of accusations. The hot loop: no allocation, no lock, one virtual call per
// state. Two-act games run the per-relation kernels of edge_kernels.hpp; m-act matrix games keep their own loops here.
#include "kernels/edge_kernels.hpp"
#include "model_formulas.hpp"
#include "simulation_state.hpp"

#include <algorithm>
#include <cmath>

namespace cybersim::engine
{

namespace
{

void decide(SimulationState& s, std::size_t i)
{
    const auto b = s.begin(i), e = s.end(i);
    const auto& doctrine = *s.doctrineDefs[static_cast<std::size_t>(s.doctrine[i])];
    const auto memories = std::span<core::DyadMemory>(s.memory.data() + b, e - b);
    const auto acts = std::span<core::Action>(s.act.data() + b, e - b);

    // Raw pointers: stores to one-byte acts may alias anything, and would otherwise make the compiler reload every
    // vector's data pointer after each store.
    const std::uint32_t* const partner = s.world.partner.data();
    core::Action* const act = s.act.data();
    const auto draws = s.rng.stream(static_cast<std::uint64_t>(s.round), i);

    if (s.matrix)
    {
        // An m-act game: act indices, the classic strategies' C and D mapped onto the game's acts.
        core::decideActs(*s.strategy[i], memories, acts, s.decisionContext(i, s.seenAct));
        restrainAndTremble(s, i, act);
    }
    else
    {
        core::DecisionContext context;
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
            kernel::restrainAndFlip({b, e, partner, reinterpret_cast<std::uint8_t*>(act), restraint, execution, draws});
    }

    // Budget: distrust of neighbours shifts money from common security to offence (security dilemma).
    const double trustSum = s.budgetTrust[i];
    const int related = s.activePartners[i];
    const double distrust = related > 0 ? 1.0 - trustSum / related : 0.0;
    const double shift = doctrine.threatResponse * distrust;
    s.offenceShare[i] = doctrine.offenceShare + shift * doctrine.contributionShare;
    s.contributionShare[i] = doctrine.contributionShare * (1.0 - shift);
    s.defenceShare[i] = doctrine.defenceShare;
    s.surveilling[i] = s.params.surveillance.enabled && doctrine.surveillance > 0.0 &&
                       draws.uniform(0, core::Purpose::Surveillance) < doctrine.surveillance;
}

// Intrusion success for every act of state i: p_ij = logistic((K_i - D_j) / s) (docs/model.md "A starting point for the
// cyber stage game"), drawn with the key (round, i, j). Kept per edge, so resolve() reads both directions without
// drawing twice, and the metrics classify the game that was actually played. Reads only i's own acts, so it runs in
// the same pass as decide().
void attemptIntrusions(SimulationState& s, std::size_t i)
{
    kernel::intrusions({s.begin(i), s.end(i), s.world.partner.data(), &s.partnerRuns[i], s.defenceFactor.data(),
                        s.liveEdge.data(), s.actOut.data(), s.intrusionChance.data(), s.intrusionOutcome.data(),
                        s.attackFactor[i], s.rng.stream(static_cast<std::uint64_t>(s.round), i)});
}

// Stage payoffs, perception, trust and accusations for state i's relations in an m-act matrix game (act indices,
// cooperative acts from the game).
void resolveMatrix(SimulationState& s, std::size_t i)
{
    const auto b = s.begin(i), e = s.end(i);
    const auto draws = s.rng.stream(static_cast<std::uint64_t>(s.round), i);
    const auto& p = s.params;
    const auto& doctrine = *s.doctrineDefs[static_cast<std::size_t>(s.doctrine[i])];
    const std::uint32_t* const partner = s.world.partner.data();
    const std::uint32_t* const reverse = s.world.reverse.data();
    const double* const weight = s.world.weight.data();
    const std::int32_t* const active = s.active.data();
    const core::Action* const act = s.act.data();
    const core::MatrixGame& game = s.matrixGame;
    core::Action* const seenAct = s.seenActBefore.data(); // becomes seenAct when the round's resolve is done
    const core::Action* const lastSeen = s.seenAct.data();
    core::DyadMemory* const memory = s.memory.data();
    double* const trust = s.trust.data();
    double* const edgePayoff = s.edgePayoff.data();
    std::int32_t* const accused = s.accused.data();
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
        if (!selfActive || !active[j])
        {
            edgePayoff[k] = 0.0;
            seenAct[k] = lastSeen[k]; // nothing was seen: the last perception stands
            continue;
        }
        const core::Action mine = act[k], theirs = act[reverse[k]];
        const double w = weight[k];
        const double own = w * game.payoff(mine, theirs);
        const double other = w * game.payoff(theirs, mine);
        const bool outSucceeded = !game.isCooperative(mine);

        // Attribution noise: restraint is seen as the first hostile act, a missed attack as the first cooperative
        // act (seeds/000 §2).
        const bool theirsCooperative = game.isCooperative(theirs);
        core::Action seenAs = theirs;
        if (theirsCooperative)
        {
            if (falseAttribution > 0.0 && draws.uniform(j, core::Purpose::PerceiveNoise) < falseAttribution)
                seenAs = game.defectAct;
        }
        else if (missedAttack > 0.0 && draws.uniform(j, core::Purpose::PerceiveNoise) < missedAttack)
            seenAs = game.cooperateAct;
        seenAct[k] = seenAs;
        const bool seenCooperative = game.isCooperative(seenAs);
        memory[k].record(game.stance(mine), game.stance(seenAs), own, other);

        const double t = model::perceivedActTrust(trust[k], seenCooperative, gainRate, lossRate);
        if (!seenCooperative && accuses && (hypocrite || t < accusationThreshold))
        {
            accused[k] = 1;
            ++accusations;
            groundless += theirsCooperative ? 1 : 0;
        }
        trust[k] = t;
        edgePayoff[k] = own;
        payoff += own;
        ++acts;
        coop += outSucceeded ? 0 : 1;
        attacks += outSucceeded ? 1 : 0;
        intrusions += outSucceeded ? 1 : 0;
    }
    // Self-interaction (Nowak and May 1992): the state also meets its own twin, playing its act toward its first
    // partner (exact for the unconditional strategies of spatial games).
    if (p.network.selfInteraction && selfActive && e > b)
        payoff += twinPayoff(s, act[b]);
    s.payoff[i] = payoff + s.payoffAdjustment[i];
    s.payoffAdjustment[i] = 0.0;
    s.coopActs[i] = coop;
    s.acts[i] = acts;
    s.attacksMade[i] = attacks;
    s.intrusionsMade[i] = intrusions;
    s.accusationsMade[i] = accusations;
    s.groundlessMade[i] = groundless;
}

// The same for the two-act games (the cyber game and the 2 x 2 family): the per-relation work in the play kernel,
// then the dyads' memories and the payoff sum in edge order.
void resolveTwoAct(SimulationState& s, std::size_t i)
{
    const auto b = s.begin(i), e = s.end(i);
    const auto& p = s.params;
    const auto& doctrine = *s.doctrineDefs[static_cast<std::size_t>(s.doctrine[i])];
    const bool cyber = p.game.kind == scenario::GameKind::Cyber;
    const bool selfActive = s.active[i] != 0;
    const auto* const act = reinterpret_cast<const std::uint8_t*>(s.act.data());
    kernel::PlayRow row{};
    row.b = b;
    row.e = e;
    row.edges = {s.world.partner.data(), s.world.reverse.data()};
    row.live = s.liveEdge.data();
    row.act = s.actOut.data();
    row.outcome = s.intrusionOutcome.data();
    row.weight = s.world.weight.data();
    row.partnerExposure = s.partnerExposure.data();
    row.trust = s.trust.data();
    row.own = s.edgePayoff.data();
    row.other = s.edgeOtherPayoff.data();
    row.seen = s.perceived.data();
    row.accused = s.accused.data();
    row.cyber = cyber;
    row.benefit = p.game.benefit;
    row.gain = p.game.gain;
    row.loss = p.game.loss;
    row.vi = s.exposure[i];
    row.surveillanceGain = s.surveilling[i] ? p.surveillance.gain : 0.0;
    const auto& m = p.game.matrix;
    row.table[0][0] = m.reward;
    row.table[0][1] = m.sucker;
    row.table[1][0] = m.temptation;
    row.table[1][1] = m.punishment;
    row.falseAttribution = p.noise.falseAttribution;
    row.missedAttack = p.noise.missedAttack;
    row.gainRate = p.trust.gainRate;
    row.lossRate = p.trust.lossRate;
    row.accusationThreshold = p.sovereignty.accusationThreshold;
    row.accuses = p.sovereignty.enabled;
    row.hypocrite = doctrine.hypocrite;
    row.draws = s.rng.stream(static_cast<std::uint64_t>(s.round), i);
    const auto counts = kernel::play(row);

    // The memories record this round at the start of the next one (recordPending).
    double payoff = kernel::rowSum(b, e, s.edgePayoff.data());
    // Self-interaction (Nowak and May 1992): the state also meets its own twin, playing its act toward its first
    // partner (exact for the unconditional strategies of spatial games).
    if (p.network.selfInteraction && selfActive && e > b)
        payoff += twinPayoff(s, core::Action{act[b]});
    s.payoff[i] = payoff + s.payoffAdjustment[i];
    s.payoffAdjustment[i] = 0.0;
    s.coopActs[i] = counts.cooperations;
    s.acts[i] = counts.acts;
    s.attacksMade[i] = counts.acts - counts.cooperations;
    s.intrusionsMade[i] = counts.intrusions;
    s.accusationsMade[i] = counts.accusations;
    s.groundlessMade[i] = counts.groundless;
}

} // namespace

void playDyads(SimulationState& s)
{
    const bool cyber = s.params.game.kind == scenario::GameKind::Cyber;
    if (cyber)
        s.refreshIntrusionFactors(); // capabilities changed last round, the scale perhaps by an event
    s.forEachChunk(
        [&](std::size_t lo, std::size_t hi)
        {
            kernel::orderedTrustSums(s.world.offsets.data(), lo, hi, s.partnerActive.data(), s.trust.data(),
                                     s.budgetTrust.data());
            for (std::size_t i = lo; i < hi; ++i)
            {
                if (s.recordPending)
                    recordPendingRound(s, i, s.memory.data());
                if (s.active[i])
                    decide(s, i);
                if (!s.matrix)
                    kernel::widenActs(s.begin(i), s.end(i), reinterpret_cast<const std::uint8_t*>(s.act.data()),
                                      s.actOut.data());
                if (cyber)
                    attemptIntrusions(s, i);
            }
        });
    s.recordPending = false;
    if (s.matrix)
    {
        s.forEachState([&](std::size_t i) { resolveMatrix(s, i); });
        std::swap(s.seenAct, s.seenActBefore); // the round's perceptions are now the last ones
    }
    else
    {
        s.forEachState([&](std::size_t i) { resolveTwoAct(s, i); });
        s.recordPending = true;
    }
}

double twinPayoff(const SimulationState& s, core::Action act)
{
    const auto& game = s.params.game;
    if (s.matrix)
        return s.matrixGame.payoff(act, act);
    if (game.kind == scenario::GameKind::Cyber)
        return model::cyberStagePayoff(act == core::Action::Cooperate, false, false, game.benefit, game.gain, game.loss,
                                       0.0, 0.0);
    return game.matrix.payoff(act, act);
}

void recordPendingRound(const SimulationState& s, std::size_t i, core::DyadMemory* memory)
{
    kernel::recordRound(s.begin(i), s.end(i), s.liveEdge.data(), s.actOut.data(), s.perceived.data(),
                        s.edgePayoff.data(), s.edgeOtherPayoff.data(), memory);
}

void flushPendingRecords(SimulationState& s)
{
    if (!s.recordPending)
        return;
    s.forEachState([&](std::size_t i) { recordPendingRound(s, i, s.memory.data()); });
    s.recordPending = false;
}

void computePressure(SimulationState& s)
{
    // Pressure on j: the share of j's neighbours accusing it, each weighted by its legitimacy, so accusations by
    // states that are seen to do the same carry less weight (seeds/000 §2, double standards).
    const kernel::Edges edges{s.world.partner.data(), s.world.reverse.data()};
    s.forEachChunk(
        [&](std::size_t lo, std::size_t hi)
        {
            double* const weighted = s.columnSums.data();
            s.forColumnBlocks(
                lo, hi,
                [&](std::size_t x0) {
                    kernel::accuserLegitimacyColumns(s.columns(x0), s.accused.data(), s.legitimacy.data(),
                                                     &weighted[x0]);
                },
                [&](std::size_t j)
                {
                    weighted[j] = kernel::accuserLegitimacy(s.begin(j), s.end(j), edges, &s.partnerRuns[j],
                                                            s.accused.data(), s.legitimacy.data());
                });
            for (std::size_t j = lo; j < hi; ++j)
            {
                const auto relations = s.end(j) - s.begin(j);
                s.pressure[j] = relations > 0 ? weighted[j] / double(relations) : 0.0;
            }
        });
}

void applyReputation(SimulationState& s, std::size_t i)
{
    const auto& p = s.params;
    if (!s.active[i])
        return;
    if (s.matrix)
    {
        const std::uint32_t* const partner = s.world.partner.data();
        const std::uint32_t* const reverse = s.world.reverse.data();
        const std::int32_t* const accused = s.accused.data();
        const core::Action* const act = s.act.data();
        const double* const pressure = s.pressure.data();
        double* const trust = s.trust.data();
        const double reputationWeight = p.trust.reputationWeight, observerPenalty = p.sovereignty.observerPenalty;
        const core::MatrixGame& game = s.matrixGame;
        for (auto k = s.begin(i); k < s.end(i); ++k)
        {
            // A groundless accusation: the partner accused this state, which played a cooperative act.
            const bool groundless = accused[reverse[k]] && game.isCooperative(act[k]);
            trust[k] =
                model::reputationTrust(trust[k], pressure[partner[k]], groundless, reputationWeight, observerPenalty);
        }
    }
    else
        kernel::reputation({s.begin(i),
                            s.end(i),
                            {s.world.partner.data(), s.world.reverse.data()},
                            &s.partnerRuns[i],
                            s.accused.data(),
                            s.actOut.data(),
                            s.pressure.data(),
                            s.trust.data(),
                            p.trust.reputationWeight,
                            p.sovereignty.observerPenalty});
    // Legitimacy: punishing in public what one does in secret is a double standard.
    double& legit = s.legitimacy[i];
    if (s.accusationsMade[i] > 0 && (s.intrusionsMade[i] > 0 || s.surveilling[i]))
        legit -= p.sovereignty.hypocrisyPenalty;
    else
        legit += p.sovereignty.legitimacyRecovery;
    legit = std::clamp(legit, 0.0, 1.0);
}

} // namespace cybersim::engine
