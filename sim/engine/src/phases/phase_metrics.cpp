// SPDX-License-Identifier: MIT
// The round's outcomes: per-state figures (in parallel) and world metrics reduced in state order, so every figure
// is bit-identical at any thread count (STYLE F).
#include "kernels/edge_kernels.hpp"
#include "phases/payoff_ranking.hpp"
#include "simulation_state.hpp"

#include <algorithm>
#include <cmath>

namespace cybersim::engine
{

namespace
{

// The Gini coefficient of `values`, sorted in ascending order.
double gini(std::vector<double>& values)
{
    if (values.size() < 2)
        return 0.0;
    const double low = values.front();
    for (auto& v : values)
        v -= std::min(0.0, low); // the Gini coefficient needs non-negative values: shift losses up (order kept)
    double weighted = 0.0, total = 0.0;
    for (std::size_t k = 0; k < values.size(); ++k)
    {
        weighted += double(k + 1) * values[k];
        total += values[k];
    }
    if (total <= 0.0)
        return 0.0;
    const double n = double(values.size());
    return (2.0 * weighted) / (n * total) - (n + 1.0) / n;
}

// State i's share of the round's figures: trust statistics (summed here, in edge order; the trust received comes in
// `received` when the column kernel summed it), game classes and the distrust weights of the stability matrix (in the
// classify kernel), and its StateMetrics.
void statePartials(SimulationState& s, std::size_t i, const double* received)
{
    const std::uint32_t* const partner = s.world.partner.data();
    const double* const trust = s.trust.data();
    const std::int32_t* const active = s.active.data();
    const bool selfActive = active[i] != 0;
    const auto b = s.begin(i), e = s.end(i);
    const auto sums = kernel::trustSums(b, e, received ? nullptr : s.world.reverse.data(), s.partnerActive.data(),
                                        s.blocRelation.data(), trust);
    const double given = sums.given, receivedSum = received ? *received : sums.received;
    const int related = s.activePartners[i];
    TrustPartials part;
    part.squares = sums.squares;
    part.within = sums.within;
    part.between = sums.between;
    part.withinCount = s.sameBlocPartners[i];
    part.betweenCount = s.otherBlocPartners[i];
    part.sum = given;
    part.count = related;
    // The expected cyber stage game of the pair (i -> j) this round, as i faces it: R = b w, S = -l p_ji V_i,
    // T = R + g p_ij V_j, P = g p_ij V_j - l p_ji V_i. The schema keeps g, l, V E >= 0, so T >= R and P >= S
    // (rounding is monotone): stag hunt, chicken and harmony cannot occur, and the pair is a prisoner's dilemma
    // exactly when PayoffMatrix::classify() says so, T > R > P > S; otherwise it is "other".
    const auto& game = s.params.game;
    kernel::ClassifyRow row{};
    row.i = static_cast<std::uint32_t>(i);
    row.b = b;
    row.e = e;
    row.higher = static_cast<std::uint32_t>(std::upper_bound(partner + b, partner + e, std::uint32_t(i)) - partner);
    row.partner = partner;
    row.runs = &s.partnerRuns[i];
    row.live = s.liveEdge.data();
    row.weight = s.world.weight.data();
    row.trust = trust;
    row.chance = s.intrusionChance.data();
    row.partnerExposure = s.partnerExposure.data();
    row.attackFactor = s.attackFactor.data();
    row.defenceFactor = s.defenceFactor.empty() ? 0.0 : s.defenceFactor[i];
    row.distrustWeight = s.distrustWeight.data();
    row.benefit = game.benefit;
    row.gain = game.gain;
    row.loss = game.loss;
    row.vi = s.exposure[i];
    row.related = selfActive ? related : 0;
    row.classify = game.kind == scenario::GameKind::Cyber && selfActive;
    part.dilemmas = kernel::classifyAndWeigh(row);
    s.trustPartials[i] = part;
    s.trustGiven[i] = related ? given / related : 0.0;
    s.trustReceived[i] = related ? receivedSum / related : 0.0;
    auto& sm = s.stateMetrics[i];
    sm.payoff = s.payoff[i];
    sm.trustReceived = s.trustReceived[i];
    sm.trustGiven = s.trustGiven[i];
    sm.arms = s.arms[i];
    sm.defence = s.defence[i];
    sm.legitimacy = s.legitimacy[i];
    sm.cooperation = s.acts[i] ? double(s.coopActs[i]) / s.acts[i] : 0.0;
    sm.doctrine = s.doctrine[i];
    sm.surveilling = s.surveilling[i] != 0;
    sm.active = selfActive;
}

} // namespace

void computeMetrics(SimulationState& s)
{
    const std::size_t n = s.n();
    // Per-state partial sums in parallel; the world totals below add them in state order (STYLE F).
    s.forEachChunk(
        [&](std::size_t lo, std::size_t hi)
        {
            s.forColumnBlocks(
                lo, hi,
                [&](std::size_t x0)
                {
                    double* const received = &s.columnSums[x0];
                    kernel::receivedTrustColumns(s.columns(x0), s.active.data(), s.trust.data(), received);
                    for (std::size_t q = 0; q < kernel::kColumns; ++q)
                        statePartials(s, x0 + q, &received[q]);
                },
                [&](std::size_t i) { statePartials(s, i, nullptr); });
            // The stability eigenvalue's first power step: it reads row i's distrust weights, just written.
            stabilitySteps(s, s.perron, lo, hi);
        });

    WorldMetrics m;
    m.round = s.round; // rounds played: 0 describes the initial world
    long long coop = 0, acts = 0;
    double trustSum = 0.0, trustSquares = 0.0, within = 0.0, between = 0.0;
    long long trustCount = 0, withinCount = 0, betweenCount = 0;
    auto& cumulative = s.scratch;
    for (std::size_t i = 0; i < n; ++i)
    {
        if (!s.active[i])
            continue;
        ++m.activeStates;
        s.cumulativePayoff[i] += s.stateMetrics[i].payoff;
        s.stateMetrics[i].cumulativePayoff = s.cumulativePayoff[i];
        coop += s.coopActs[i];
        acts += s.acts[i];
        m.attacks += s.attacksMade[i];
        m.intrusions += s.intrusionsMade[i];
        m.accusations += s.accusationsMade[i];
        m.groundlessAccusations += s.groundlessMade[i];
        m.surveillanceActive += s.surveilling[i];
        m.totalArms += s.arms[i];
        m.totalDefence += s.defence[i];
        m.welfare += s.stateMetrics[i].payoff;
        m.meanLegitimacy += s.legitimacy[i];
        m.meanBoldness += s.boldness[i];
        m.meanVengefulness += s.vengefulness[i];
        const auto& part = s.trustPartials[i];
        trustSum += part.sum;
        trustSquares += part.squares;
        trustCount += part.count;
        within += part.within;
        between += part.between;
        withinCount += part.withinCount;
        betweenCount += part.betweenCount;
        m.dilemmaDyads += part.dilemmas; // the other classes cannot occur in the cyber game (statePartials)
    }
    if (s.params.game.kind != scenario::GameKind::Cyber)
    {
        const long long pairs = trustCount / 2;
        switch (s.params.game.matrix.classify())
        {
        case core::GameClass::PrisonersDilemma:
            m.dilemmaDyads = int(pairs);
            break;
        case core::GameClass::StagHunt:
            m.stagHuntDyads = int(pairs);
            break;
        case core::GameClass::Chicken:
            m.chickenDyads = int(pairs);
            break;
        case core::GameClass::Harmony:
            m.harmonyDyads = int(pairs);
            break;
        case core::GameClass::Other:
            break;
        }
    }
    m.cooperationRate = acts ? double(coop) / double(acts) : 0.0;
    m.meanTrust = trustCount ? trustSum / double(trustCount) : 0.0;
    m.trustSpread =
        trustCount ? std::sqrt(std::max(0.0, trustSquares / double(trustCount) - m.meanTrust * m.meanTrust)) : 0.0;
    m.polarisation = withinCount && betweenCount ? within / double(withinCount) - between / double(betweenCount) : 0.0;
    m.escalationIndex = m.totalArms / s.initialArms;
    // Of the trust in force at the end of the round, so it matches what edges() shows.
    s.stability = armsStabilityEigenvalue(s, s.perron, s.round == 0 ? kStabilityStepsInitial : kStabilityStepsPerRound,
                                          /*firstStepDone=*/true);
    m.stabilityEigenvalue = s.stability;
    m.disclosures = s.roundDisclosures;
    m.threatStock = s.threat;
    m.contributions = s.roundContributions;
    m.contributionRatio = s.roundNeeded > 0.0 ? s.roundContributions / s.roundNeeded : 0.0;
    m.commonSecurityIndex = 1.0 / (1.0 + s.threat);
    m.statesHit = s.roundStatesHit;
    m.normsAdopted = s.adoptedCount;
    m.normViolations = s.roundNormViolations;
    m.punishments = s.roundPunishments;
    (void)rankActiveValues(s.cumulativePayoff, s.active, s.payoffOrder, s.payoffRanked, cumulative);
    m.welfareGini = gini(cumulative);
    m.meanLegitimacy = m.activeStates ? m.meanLegitimacy / m.activeStates : 0.0;
    m.meanBoldness = m.activeStates ? m.meanBoldness / m.activeStates : 0.0;
    m.meanVengefulness = m.activeStates ? m.meanVengefulness / m.activeStates : 0.0;
    m.groupCooperation = s.group.cooperationShare;
    m.groupSuccess = s.group.successShare;
    s.metrics = m;
}

} // namespace cybersim::engine
