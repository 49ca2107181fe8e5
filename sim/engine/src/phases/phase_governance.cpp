// SPDX-License-Identifier: MIT
// Phase 6: co-governance. The norm agenda voted at summits (none / gradual / comprehensive; seeds/000 §3 "a gradual
// approach ... easier issues first"), and enforcement of adopted norms by punishment and meta-punishment
// (Axelrod 1986, "An evolutionary approach to norms", APSR 80(4)).
#include "kernels/edge_kernels.hpp"
#include "model_formulas.hpp"
#include "simulation_state.hpp"

#include <algorithm>
#include <cmath>

namespace cybersim::engine
{

namespace
{

// States support an issue when their trust in their partners, plus their doctrine's leaning, clears its difficulty.
const std::vector<std::uint8_t>& supporters(SimulationState& s, double difficulty, int& count)
{
    auto& support = s.support;
    support.assign(s.n(), 0);
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
                    s.trust[k] = model::gainedTrust(s.trust[k], s.params.trust.gainRate);
}

} // namespace

void runGovernance(SimulationState& s, bool summit)
{
    const auto& g = s.params.governance;
    if (g.approach == scenario::GovernanceApproach::None || s.agenda.empty())
        return;
    if (!summit && (s.round + 1) % std::max(1, g.interval) != 0)
        return;
    int activeCount = 0;
    for (auto a : s.active)
        activeCount += a;
    if (activeCount == 0)
        return;
    auto& table = s.table;
    table.clear();
    for (std::size_t k = 0; k < s.agenda.size(); ++k)
        if (!s.adopted[k])
        {
            table.push_back(k);
            if (g.approach == scenario::GovernanceApproach::Gradual)
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
    const auto& support = supporters(s, difficulty, count);
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

namespace
{

// The chance that a partner sees at least one of `count` acts, each seen with probability 1/2 (Axelrod 1986).
inline double chanceSeen(int count) noexcept
{
    return count > 0 ? 1.0 - 1.0 / double(std::uint64_t{1} << std::min(count, 60)) : 0.0;
}

// Norms: each partner k of a violator i sees at least one of i's v intrusions with probability 1 - (1/2)^v and
// punishes with its vengefulness; it pays E, the violator P (Axelrod 1986: E = 2, P = 9). One draw decides both: seen
// and punished (u < seen x vengefulness), seen and let pass (u < seen). It is drawn for every partner, also for those
// that violated nothing (seen = 0 decides nothing), so the sanction kernel runs without branches.
void punishViolations(SimulationState& s, std::size_t k, std::uint64_t round)
{
    const auto b = s.begin(k), e = s.end(k);
    std::int32_t* const punished = s.punished.data();
    s.nonPunishments[k] = 0;
    s.lapseSeen[k] = 0.0;
    if (!s.active[k])
    {
        std::fill(punished + b, punished + e, 0);
        return;
    }
    const auto counts =
        kernel::sanction({b, e, s.world.partner.data(), &s.partnerRuns[k], s.violationSeen.data(), punished,
                          s.vengefulness[k], core::Purpose::NormsSee, s.rng.stream(round, k)});
    // The punisher pays E for each punishment, subtracted one at a time as the relations are met.
    double payoff = s.payoff[k];
    for (int p = 0; p < counts.punishments; ++p)
        payoff -= s.params.governance.punishmentCost;
    s.payoff[k] = payoff;
    s.nonPunishments[k] = counts.lapses;
    s.lapseSeen[k] = chanceSeen(counts.lapses);
}

// For each state i in [lo, hi): how many partners have flag set on their relation to i.
void countReceived(const SimulationState& s, std::size_t lo, std::size_t hi, const std::int32_t* flag,
                   std::int32_t* out)
{
    s.forColumnBlocks(
        lo, hi, [&](std::size_t x0) { kernel::countReverseColumns(s.columns(x0), flag, &out[x0]); },
        [&](std::size_t i) { out[i] = kernel::countReverse(s.begin(i), s.end(i), s.world.reverse.data(), flag); });
}

// The punishments state m received (s.punishedBy[m], counted before); then, with metanorms, its own punishment of
// partners k that let a violation pass (seen with probability lapseSeen[k], punished with m's vengefulness; drawn for
// every partner, as above).
void receiveAndMetaPunish(SimulationState& s, std::size_t m, std::uint64_t round, bool metanorms)
{
    const auto& g = s.params.governance;
    const auto b = s.begin(m), e = s.end(m);
    const int count = s.punishedBy[m];
    double payoff = s.payoff[m] - g.punishment * count;
    if (metanorms)
    {
        std::int32_t* const metaPunished = s.metaPunished.data();
        if (!s.active[m])
            std::fill(metaPunished + b, metaPunished + e, 0);
        else
        {
            const auto counts =
                kernel::sanction({b, e, s.world.partner.data(), &s.partnerRuns[m], s.lapseSeen.data(), metaPunished,
                                  s.vengefulness[m], core::Purpose::NormsPunish, s.rng.stream(round, m)});
            for (int p = 0; p < counts.punishments; ++p)
                payoff -= g.punishmentCost;
        }
    }
    s.payoff[m] = payoff;
}

} // namespace

void enforceNorms(SimulationState& s)
{
    const auto& g = s.params.governance;
    if (s.adoptedCount == 0)
        return;
    const auto round = static_cast<std::uint64_t>(s.round);
    const std::size_t n = s.n();
    int violations = 0;
    for (std::size_t i = 0; i < n; ++i)
    {
        s.violationSeen[i] = s.active[i] ? chanceSeen(s.intrusionsMade[i]) : 0.0;
        violations += s.intrusionsMade[i];
    }
    s.forEachState([&](std::size_t k) { punishViolations(s, k, round); });
    // Every lapse is known once the pass above is done.
    const bool metanorms = g.metanorms;
    s.forEachChunk(
        [&](std::size_t lo, std::size_t hi)
        {
            countReceived(s, lo, hi, s.punished.data(), s.punishedBy.data());
            for (std::size_t m = lo; m < hi; ++m)
                receiveAndMetaPunish(s, m, round, metanorms);
        });
    int punishments = 0;
    for (std::size_t i = 0; i < n; ++i)
        punishments += s.punishedBy[i];
    if (metanorms)
    {
        s.forEachChunk(
            [&](std::size_t lo, std::size_t hi)
            {
                // nonPunishments is reused: now the meta-punishments each state received.
                countReceived(s, lo, hi, s.metaPunished.data(), s.nonPunishments.data());
                for (std::size_t k = lo; k < hi; ++k)
                    s.payoff[k] -= g.punishment * s.nonPunishments[k];
            });
        for (std::size_t i = 0; i < n; ++i)
            punishments += s.nonPunishments[i];
    }
    s.roundNormViolations = violations;
    s.roundPunishments = punishments;
}

} // namespace cybersim::engine
