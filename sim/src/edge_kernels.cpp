// SPDX-License-Identifier: MIT
// The per-relation kernels of a round (see edge_kernels.hpp): straight-line loops that GCC vectorises in the AVX-512
// clone. Measured with `valgrind --tool=callgrind` on the 193-state benchmark, see docs/performance.md.
#include "edge_kernels.hpp"

#include "simulation_state.hpp"

namespace cybersim::sim::kernel
{

// Compiles a kernel for x86-64-v4 (AVX-512) and for the baseline; the dynamic loader picks one (GNU ifunc). Elsewhere
// the kernel is compiled once.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__ELF__)
#define CYBERSIM_KERNEL_CLONES __attribute__((target_clones("arch=x86-64-v4", "default")))
#else
#define CYBERSIM_KERNEL_CLONES
#endif

// Each kernel is a clone that unpacks its row and an always-inlined loop whose arrays are __restrict parameters: the
// arrays never overlap, and only restrict-qualified parameters let the compiler use vector gathers (it cannot check at
// run time whether a gathered element overlaps a stored one).
namespace
{

#define CYBERSIM_INLINE [[gnu::always_inline]] inline

CYBERSIM_INLINE void intrusionsLoop(std::size_t b, std::size_t e, const std::uint32_t* __restrict partner,
                                    const double* __restrict defence, const std::int32_t* __restrict live,
                                    const std::int32_t* __restrict act, double* __restrict chance,
                                    std::int32_t* __restrict succeeded, double arms, double scale,
                                    AgentStream draws) noexcept
{
    for (std::size_t k = b; k < e; ++k)
    {
        const auto j = partner[k];
        const double p = logistic((arms - defence[j]) / scale);
        chance[k] = p;
        const bool attempted = (act[k] != 0) & (live[k] != 0);
        succeeded[k] = attempted & (draws.uniform(j, Purpose::Intrusion) < p) ? 1 : 0;
    }
}

CYBERSIM_INLINE void widenLoop(std::size_t b, std::size_t e, const std::uint8_t* __restrict act,
                               std::int32_t* __restrict wide) noexcept
{
    for (std::size_t k = b; k < e; ++k)
        wide[k] = act[k];
}

// Two loops, each only when its chance is positive: a draw that cannot decide anything is not made.
CYBERSIM_INLINE void restrainLoop(std::size_t b, std::size_t e, const std::uint32_t* __restrict partner,
                                  std::uint8_t* __restrict act, double restraint, double execution,
                                  AgentStream draws) noexcept
{
    if (restraint > 0.0)
        for (std::size_t k = b; k < e; ++k)
            act[k] = (act[k] != 0) & (draws.uniform(partner[k], Purpose::Norms) < restraint) ? 0 : act[k];
    if (execution > 0.0)
        for (std::size_t k = b; k < e; ++k)
            act[k] = draws.uniform(partner[k], Purpose::ImplementNoise) < execution ? act[k] ^ 1 : act[k];
}

template <bool Cyber, bool Noisy>
CYBERSIM_INLINE PlayCounts playLoop(const PlayRow& row, const std::uint32_t* __restrict partner,
                                    const std::uint32_t* __restrict reverse, const std::int32_t* __restrict liveEdge,
                                    const std::int32_t* __restrict act,
                                    const std::int32_t* __restrict succeeded, const double* __restrict weight,
                                    const double* __restrict partnerExposure, double* __restrict trust,
                                    double* __restrict ownOut, double* __restrict otherOut,
                                    std::int32_t* __restrict seenOut, std::int32_t* __restrict accusedOut) noexcept
{
    const std::size_t b = row.b, e = row.e;
    const double benefit = row.benefit, gain = row.gain, loss = row.loss, vi = row.vi;
    const double surveillanceGain = row.surveillanceGain;
    const double cc = row.table[0][0], cd = row.table[0][1], dc = row.table[1][0], dd = row.table[1][1];
    const double falseAttribution = row.falseAttribution, missedAttack = row.missedAttack;
    const double gainRate = row.gainRate, lossRate = row.lossRate, threshold = row.accusationThreshold;
    const bool accuses = row.accuses, hypocrite = row.hypocrite;
    const AgentStream draws = row.draws;
    int cooperations = 0, acts = 0, intrusions = 0, accusations = 0, groundless = 0;
    for (std::size_t k = b; k < e; ++k)
    {
        const auto j = partner[k];
        const auto r = reverse[k];
        const bool live = liveEdge[k] != 0;
        const std::int32_t mine = act[k], theirs = act[r];
        const double w = weight[k];
        double own = 0.0, other = 0.0;
        bool outSucceeded = false;
        if constexpr (Cyber)
        {
            const double vj = partnerExposure[k];
            const double reward = benefit * w;
            outSucceeded = succeeded[k] != 0;
            const bool inSucceeded = succeeded[r] != 0;
            own = (theirs == 0 ? reward : 0.0) + (outSucceeded ? gain * vj : 0.0) - (inSucceeded ? loss * vi : 0.0);
            other = (mine == 0 ? reward : 0.0) + (inSucceeded ? gain * vi : 0.0) - (outSucceeded ? loss * vj : 0.0);
            // Adding +0 leaves own as it is: own is never -0 (a sum of non-negative terms less a non-negative one).
            own += surveillanceGain * w * vj;
        }
        else
        {
            own = w * (mine == 0 ? (theirs == 0 ? cc : cd) : (theirs == 0 ? dc : dd));
            other = w * (theirs == 0 ? (mine == 0 ? cc : cd) : (mine == 0 ? dc : dd));
            outSucceeded = mine != 0;
        }
        // Attribution noise: restraint seen as an attack (e1), an attack missed (e2) (seeds/000 §2).
        std::int32_t seen = theirs;
        if constexpr (Noisy)
        {
            const double rate = theirs == 0 ? falseAttribution : missedAttack;
            seen = draws.uniform(j, Purpose::PerceiveNoise) < rate ? theirs ^ 1 : theirs;
        }
        // Trust is lost faster than it is gained (Slovic 1993, trust asymmetry).
        const double t = trust[k];
        const double updated = seen == 0 ? t + gainRate * (1.0 - t) : t - lossRate * t;
        const bool accused = live & (seen != 0) & accuses & (hypocrite | (updated < threshold));
        trust[k] = live ? updated : t;
        ownOut[k] = live ? own : 0.0;
        otherOut[k] = other;
        seenOut[k] = seen;
        // Counted as integers: a conditional increment is a pattern the vectoriser does not take.
        const int accusedFlag = static_cast<int>(accused), liveFlag = static_cast<int>(live);
        accusedOut[k] = accusedFlag;
        acts += liveFlag;
        cooperations += liveFlag & static_cast<int>(mine == 0);
        intrusions += liveFlag & static_cast<int>(outSucceeded);
        accusations += accusedFlag;
        groundless += accusedFlag & static_cast<int>(theirs == 0);
    }
    return {cooperations, acts, intrusions, accusations, groundless};
}

CYBERSIM_INLINE void reputationLoop(std::size_t b, std::size_t e, const std::uint32_t* __restrict partner,
                                    const std::uint32_t* __restrict reverse, const std::int32_t* __restrict accused,
                                    const std::int32_t* __restrict act, const double* __restrict pressure,
                                    double* __restrict trust, double reputationWeight, double observerPenalty) noexcept
{
    for (std::size_t k = b; k < e; ++k)
    {
        double t = trust[k];
        t -= reputationWeight * pressure[partner[k]] * t;
        // A groundless accusation costs the accuser the trust of the accused, who knows it did nothing.
        const bool groundless = (accused[reverse[k]] != 0) & (act[k] == 0);
        trust[k] = groundless ? t - observerPenalty * t : t;
    }
}

CYBERSIM_INLINE SanctionCounts sanctionLoop(std::size_t b, std::size_t e, const std::uint32_t* __restrict partner,
                                            const double* __restrict seenBy, std::int32_t* __restrict punished,
                                            double vengeful, Purpose purpose, AgentStream draws) noexcept
{
    int punishments = 0, lapses = 0;
    for (std::size_t k = b; k < e; ++k)
    {
        const auto i = partner[k];
        const double seen = seenBy[i];
        const double u = draws.uniform(i, purpose);
        const bool punish = u < seen * vengeful;
        punished[k] = punish ? 1 : 0;
        punishments += punish ? 1 : 0;
        lapses += !punish & (u < seen) ? 1 : 0;
    }
    return {punishments, lapses};
}

CYBERSIM_INLINE int countReverseLoop(std::size_t b, std::size_t e, const std::uint32_t* __restrict reverse,
                                     const std::int32_t* __restrict flag) noexcept
{
    int count = 0;
    for (std::size_t k = b; k < e; ++k)
        count += flag[reverse[k]];
    return count;
}

CYBERSIM_INLINE int classifyLoop(const ClassifyRow& row, const std::uint32_t* __restrict partner,
                                 const std::uint32_t* __restrict reverse, const std::int32_t* __restrict live,
                                 const double* __restrict weight, const double* __restrict trust,
                                 const double* __restrict chance, const double* __restrict partnerExposure,
                                 double* __restrict distrustWeight) noexcept
{
    const std::size_t b = row.b, e = row.e;
    const double benefit = row.benefit, gain = row.gain, loss = row.loss;
    const std::uint32_t i = row.i;
    const double vi = row.vi;
    const int related = row.related;
    int dilemmas = 0;
    if (row.classify)
        for (std::size_t k = b; k < e; ++k)
        {
            const auto j = partner[k];
            const double reward = benefit * weight[k];
            const double gained = gain * chance[k] * partnerExposure[k];
            const double lost = loss * chance[reverse[k]] * vi;
            const double temptation = reward + gained, punishment = gained - lost, sucker = -lost;
            const bool dilemma = (temptation > reward) & (reward > punishment) & (punishment > sucker);
            dilemmas += dilemma & (live[k] != 0) & (i < j) ? 1 : 0;
        }
    const double divisor = related > 0 ? double(related) : 1.0;
    for (std::size_t k = b; k < e; ++k)
    {
        const double w = weight[k] * (1.0 - trust[k]) / divisor;
        distrustWeight[k] = (related > 0) & (live[k] != 0) ? w : 0.0;
    }
    return dilemmas;
}

// Lanes added pairwise, in the order edge_kernels.hpp states.
CYBERSIM_INLINE double combine(const double (&lane)[kLanes]) noexcept
{
    return ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
}

// Sum over [b, e) of term(k), relation b + 8 m + l in lane l. The full blocks of eight are one vector step each; the
// tail continues the same lanes.
template <class Term> CYBERSIM_INLINE double laneSum(std::size_t b, std::size_t e, Term term) noexcept
{
    double lane[kLanes] = {};
    std::size_t k = b;
    for (; k + kLanes <= e; k += kLanes)
        for (int l = 0; l < kLanes; ++l)
            lane[l] += term(k + std::size_t(l));
    for (int l = 0; k < e; ++k, ++l)
        lane[l] += term(k);
    return combine(lane);
}

#undef CYBERSIM_INLINE

} // namespace

CYBERSIM_KERNEL_CLONES void intrusions(const IntrusionRow& row) noexcept
{
    intrusionsLoop(row.b, row.e, row.partner, row.defence, row.live, row.act, row.chance, row.succeeded, row.arms,
                   row.scale, row.draws);
}

CYBERSIM_KERNEL_CLONES void widenActs(std::size_t b, std::size_t e, const std::uint8_t* act,
                                      std::int32_t* wide) noexcept
{
    widenLoop(b, e, act, wide);
}

CYBERSIM_KERNEL_CLONES void restrainAndFlip(const RestraintRow& row) noexcept
{
    restrainLoop(row.b, row.e, row.partner, row.act, row.restraint, row.execution, row.draws);
}

CYBERSIM_KERNEL_CLONES PlayCounts play(const PlayRow& row) noexcept
{
    const bool noisy = row.falseAttribution > 0.0 || row.missedAttack > 0.0;
#define CYBERSIM_PLAY(cyber, noise)                                                                                  \
    playLoop<cyber, noise>(row, row.edges.partner, row.edges.reverse, row.live, row.act, row.succeeded, row.weight, \
                           row.partnerExposure, row.trust, row.own, row.other, row.seen, row.accused)
    if (row.cyber)
        return noisy ? CYBERSIM_PLAY(true, true) : CYBERSIM_PLAY(true, false);
    return noisy ? CYBERSIM_PLAY(false, true) : CYBERSIM_PLAY(false, false);
#undef CYBERSIM_PLAY
}

CYBERSIM_KERNEL_CLONES void reputation(const ReputationRow& row) noexcept
{
    reputationLoop(row.b, row.e, row.edges.partner, row.edges.reverse, row.accused, row.act, row.pressure, row.trust,
                   row.reputationWeight, row.observerPenalty);
}

CYBERSIM_KERNEL_CLONES SanctionCounts sanction(const SanctionRow& row) noexcept
{
    return sanctionLoop(row.b, row.e, row.partner, row.seen, row.punished, row.vengefulness, row.purpose, row.draws);
}

CYBERSIM_KERNEL_CLONES int countReverse(std::size_t b, std::size_t e, const std::uint32_t* reverse,
                                        const std::int32_t* flag) noexcept
{
    return countReverseLoop(b, e, reverse, flag);
}

CYBERSIM_KERNEL_CLONES int classifyAndWeigh(const ClassifyRow& row) noexcept
{
    return classifyLoop(row, row.edges.partner, row.edges.reverse, row.live, row.weight, row.trust, row.chance,
                        row.partnerExposure, row.distrustWeight);
}

CYBERSIM_KERNEL_CLONES double weightedSum(std::size_t b, std::size_t e, const std::uint32_t* partner,
                                          const double* weight, const double* values) noexcept
{
    return laneSum(b, e, [=](std::size_t k) { return weight[k] * values[partner[k]]; });
}

CYBERSIM_KERNEL_CLONES TrustSums trustSums(std::size_t b, std::size_t e, Edges edges, const std::int32_t* active,
                                           const std::int32_t* bloc, std::int32_t ownBloc, const double* trust) noexcept
{
    const std::uint32_t* const partner = edges.partner;
    const std::uint32_t* const reverse = edges.reverse;
    TrustSums sums;
    double given[kLanes] = {}, received[kLanes] = {}, squares[kLanes] = {}, within[kLanes] = {}, between[kLanes] = {};
    int related = 0, withinCount = 0, betweenCount = 0;
    // One pass, five lane sums: the same lane order as laneSum.
    const auto add = [&](std::size_t k, int l)
    {
        const auto j = partner[k];
        const bool partnerActive = active[j] != 0;
        const double t = partnerActive ? trust[k] : 0.0;
        const auto otherBloc = bloc[j];
        const bool grouped = partnerActive & ((ownBloc | otherBloc) >= 0), same = ownBloc == otherBloc;
        given[l] += t;
        received[l] += partnerActive ? trust[reverse[k]] : 0.0;
        squares[l] += t * t;
        within[l] += grouped & same ? t : 0.0;
        between[l] += grouped & !same ? t : 0.0;
    };
    std::size_t k = b;
    for (; k + kLanes <= e; k += kLanes)
        for (int l = 0; l < kLanes; ++l)
            add(k + std::size_t(l), l);
    for (int l = 0; k < e; ++k, ++l)
        add(k, l);
    for (k = b; k < e; ++k)
    {
        const auto j = partner[k];
        const int isRelated = active[j] != 0 ? 1 : 0;
        const int grouped = isRelated & static_cast<int>((ownBloc | bloc[j]) >= 0);
        const int same = static_cast<int>(ownBloc == bloc[j]);
        related += isRelated;
        withinCount += grouped & same;
        betweenCount += grouped & (same ^ 1);
    }
    sums.given = combine(given);
    sums.received = combine(received);
    sums.squares = combine(squares);
    sums.within = combine(within);
    sums.between = combine(between);
    sums.related = related;
    sums.withinCount = withinCount;
    sums.betweenCount = betweenCount;
    return sums;
}

CYBERSIM_KERNEL_CLONES ThreatSum threatSum(std::size_t b, std::size_t e, const std::uint32_t* partner,
                                           const std::int32_t* active, const double* weight, const double* trust,
                                           const double* capability) noexcept
{
    ThreatSum sum;
    sum.threat = laneSum(b, e,
                         [=](std::size_t k)
                         {
                             const auto j = partner[k];
                             return active[j] != 0 ? weight[k] * (1.0 - trust[k]) * capability[j] : 0.0;
                         });
    int related = 0;
    for (std::size_t k = b; k < e; ++k)
        related += active[partner[k]] != 0 ? 1 : 0;
    sum.related = related;
    return sum;
}

CYBERSIM_KERNEL_CLONES double accuserLegitimacy(std::size_t b, std::size_t e, Edges edges,
                                                const std::int32_t* accused, const double* legitimacy) noexcept
{
    const std::uint32_t* const partner = edges.partner;
    const std::uint32_t* const reverse = edges.reverse;
    return laneSum(b, e, [=](std::size_t k) { return accused[reverse[k]] != 0 ? legitimacy[partner[k]] : 0.0; });
}

} // namespace cybersim::sim::kernel
