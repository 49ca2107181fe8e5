// SPDX-License-Identifier: MIT
// The round's outcomes: per-state figures (in parallel) and world metrics reduced in state order, so every figure
// is bit-identical at any thread count (STYLE F).
#include "simulation_state.hpp"

#include <algorithm>
#include <cmath>

namespace cybersim::sim
{

namespace
{

double gini(std::vector<double> values)
{
    if (values.size() < 2)
        return 0.0;
    const double low = *std::min_element(values.begin(), values.end());
    for (auto& v : values)
        v -= std::min(0.0, low); // the Gini coefficient needs non-negative values: shift losses up
    std::sort(values.begin(), values.end());
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

// The expected cyber stage game of the pair (i -> j), as i faces it, classified by payoff order.
GameClass classifyDyad(const SimulationState& s, std::uint32_t k)
{
    const auto& g = s.params.game;
    const auto j = s.world.partner[k], i = s.world.partner[s.world.reverse[k]];
    const auto& si = s.world.states[i];
    const auto& sj = s.world.states[j];
    const double pOut = 1.0 / (1.0 + std::exp(-(s.arms[i] - s.defence[j]) / g.intrusionScale));
    const double pIn = 1.0 / (1.0 + std::exp(-(s.arms[j] - s.defence[i]) / g.intrusionScale));
    const double reward = g.benefit * s.world.weight[k];
    const double gain = g.gain * pOut * sj.ictDependence * sj.economicWeight;
    const double loss = g.loss * pIn * si.ictDependence * si.economicWeight;
    return PayoffMatrix{reward, -loss, reward + gain, gain - loss}.classify();
}

} // namespace

void computeMetrics(SimulationState& s)
{
    const std::size_t n = s.n();
    s.forEachState([&](std::size_t i) {
        double given = 0.0, received = 0.0;
        int related = 0;
        for (auto k = s.begin(i); k < s.end(i); ++k)
            if (s.active[s.world.partner[k]])
            {
                given += s.trust[k];
                received += s.trust[s.world.reverse[k]];
                ++related;
            }
        s.trustGiven[i] = related ? given / related : 0.0;
        s.trustReceived[i] = related ? received / related : 0.0;
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
    });

    WorldMetrics m;
    m.round = s.round; // rounds played: 0 describes the initial world
    long long coop = 0, acts = 0;
    double trustSum = 0.0, trustSquares = 0.0, within = 0.0, between = 0.0;
    long long trustCount = 0, withinCount = 0, betweenCount = 0;
    std::vector<double> cumulative;
    cumulative.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
    {
        if (!s.active[i])
            continue;
        ++m.activeStates;
        s.cumulativePayoff[i] += s.stateMetrics[i].payoff;
        s.stateMetrics[i].cumulativePayoff = s.cumulativePayoff[i];
        cumulative.push_back(s.cumulativePayoff[i]);
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
        const auto bi = s.world.states[i].bloc;
        for (auto k = s.begin(i); k < s.end(i); ++k)
        {
            const auto j = s.world.partner[k];
            if (!s.active[j])
                continue;
            const double t = s.trust[k];
            trustSum += t;
            trustSquares += t * t;
            ++trustCount;
            if (bi >= 0 && s.world.states[j].bloc >= 0)
            {
                if (bi == s.world.states[j].bloc)
                {
                    within += t;
                    ++withinCount;
                }
                else
                {
                    between += t;
                    ++betweenCount;
                }
            }
            if (s.params.game.kind == GameKind::Cyber && i < j)
            {
                switch (classifyDyad(s, k))
                {
                case GameClass::PrisonersDilemma: ++m.dilemmaDyads; break;
                case GameClass::StagHunt: ++m.stagHuntDyads; break;
                case GameClass::Chicken: ++m.chickenDyads; break;
                case GameClass::Harmony: ++m.harmonyDyads; break;
                case GameClass::Other: break;
                }
            }
        }
    }
    if (s.params.game.kind != GameKind::Cyber)
    {
        const long long pairs = trustCount / 2;
        switch (s.params.game.matrix.classify())
        {
        case GameClass::PrisonersDilemma: m.dilemmaDyads = int(pairs); break;
        case GameClass::StagHunt: m.stagHuntDyads = int(pairs); break;
        case GameClass::Chicken: m.chickenDyads = int(pairs); break;
        case GameClass::Harmony: m.harmonyDyads = int(pairs); break;
        case GameClass::Other: break;
        }
    }
    m.cooperationRate = acts ? double(coop) / double(acts) : 0.0;
    m.meanTrust = trustCount ? trustSum / double(trustCount) : 0.0;
    m.trustSpread = trustCount ? std::sqrt(std::max(0.0, trustSquares / double(trustCount) - m.meanTrust * m.meanTrust))
                               : 0.0;
    m.polarisation = withinCount && betweenCount ? within / double(withinCount) - between / double(betweenCount) : 0.0;
    m.escalationIndex = m.totalArms / s.initialArms;
    // Of the trust in force at the end of the round, so it matches what edges() shows.
    s.stability = armsStabilityEigenvalue(s, s.perronVector);
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
    m.welfareGini = gini(std::move(cumulative));
    m.meanLegitimacy = m.activeStates ? m.meanLegitimacy / m.activeStates : 0.0;
    s.metrics = m;
}

} // namespace cybersim::sim
