// SPDX-License-Identifier: MIT
// The per-relation kernels of a round (see edge_kernels.hpp): straight-line loops that GCC vectorises in the AVX-512
// version. Measured with the 193-state benchmark, see docs/performance.md.
#include "kernels/edge_kernels.hpp"

#include "model_formulas.hpp"
#include "simulation_state.hpp"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <limits>
#include <string_view>
#include <type_traits>

namespace cybersim::engine::kernel
{

// Every kernel body is compiled for x86-64-v4 (AVX-512), for the baseline, and for short rows (see run() below); a call
// on a long row goes to the first when the processor has AVX-512 and the portable kernels were not asked for
// (useWideKernels). Elsewhere than GCC on x86-64 all three are the baseline.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define CYBERSIM_WIDE_TARGET __attribute__((target("arch=x86-64-v4")))
#else
#define CYBERSIM_WIDE_TARGET
#endif
// The short-row version: compiled without vectorisation (GCC), the same arithmetic.
#if defined(__GNUC__) && !defined(__clang__)
#define CYBERSIM_SCALAR __attribute__((optimize("no-tree-vectorize")))
#else
#define CYBERSIM_SCALAR
#endif

// Each kernel's body unpacks its row into an always-inlined loop whose arrays are __restrict parameters: the arrays
// never overlap, and only restrict-qualified parameters let the compiler use vector gathers (it cannot check at run
// time whether a gathered element overlaps a stored one).
namespace
{

#define CYBERSIM_INLINE [[gnu::always_inline]] inline

// Rows shorter than this are summed term by term into the same lanes (the same bits), and their kernels are called
// in a version compiled without vectorisation: on a handful of relations (a small-world network has four to ten per
// state) the vector set-up costs more than it saves.
inline constexpr std::size_t kShortRow = 24;

// A loop over relations [lo, hi) that reads per-state arrays at partnerOf<Consecutive>(partner, offset, k): partner[k]
// in general, k + offset on a run of consecutive partners (a contiguous load instead of a gather).
template <bool Consecutive>
CYBERSIM_INLINE std::size_t partnerOf(const std::uint32_t* __restrict partner, std::size_t offset,
                                      std::size_t k) noexcept
{
    if constexpr (Consecutive)
        return k + offset;
    else
        return partner[k];
}

// Runs loop(consecutive, lo, hi, offset) over the row: on each run of consecutive partners, or once over the whole row
// (also on a short row, where two loops cost more than the gathers they save).
template <class Loop> CYBERSIM_INLINE void overRuns(std::size_t b, std::size_t e, const PartnerRuns* runs, Loop loop)
{
    if (e - b >= kShortRow && runs->consecutive)
    {
        loop(std::true_type{}, b, b + runs->split, std::size_t(runs->first));
        loop(std::true_type{}, b + runs->split, e, std::size_t(runs->first + 1));
    }
    else
        loop(std::false_type{}, b, e, std::size_t(0));
}

template <bool Consecutive>
CYBERSIM_INLINE void intrusionsLoop(std::size_t b, std::size_t e, const std::uint32_t* __restrict partner,
                                    std::size_t offset, const double* __restrict defenceFactor,
                                    const std::int32_t* __restrict live, const std::int32_t* __restrict act,
                                    double* __restrict chance, std::int32_t* __restrict outcome, double attackFactor,
                                    core::AgentStream draws) noexcept
{
    for (std::size_t k = b; k < e; ++k)
    {
        const auto j = partner[k]; // the draw's key: a 32-bit load hashes faster than a 64-bit index
        const double p = 1.0 / (1.0 + attackFactor * defenceFactor[partnerOf<Consecutive>(partner, offset, k)]);
        chance[k] = p;
        const bool attempted = (act[k] != 0) & (live[k] != 0);
        const bool success = attempted & (draws.uniform(j, core::Purpose::Intrusion) < p);
        outcome[k] = act[k] + (success ? 1 : 0);
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
                                  core::AgentStream draws) noexcept
{
    if (restraint > 0.0)
        for (std::size_t k = b; k < e; ++k)
            act[k] = (act[k] != 0) & (draws.uniform(partner[k], core::Purpose::Norms) < restraint) ? 0 : act[k];
    if (execution > 0.0)
        for (std::size_t k = b; k < e; ++k)
            act[k] = draws.uniform(partner[k], core::Purpose::ImplementNoise) < execution ? act[k] ^ 1 : act[k];
}

template <bool Cyber, bool Noisy>
CYBERSIM_INLINE PlayCounts playLoop(const PlayRow& row, const std::uint32_t* __restrict partner,
                                    const std::uint32_t* __restrict reverse, const std::int32_t* __restrict liveEdge,
                                    const std::int32_t* __restrict act, const std::int32_t* __restrict outcome,
                                    const double* __restrict weight, const double* __restrict partnerExposure,
                                    double* __restrict trust, double* __restrict ownOut, double* __restrict otherOut,
                                    std::int32_t* __restrict seenOut, std::int32_t* __restrict accusedOut) noexcept
{
    const std::size_t b = row.b, e = row.e;
    const double benefit = row.benefit, gain = row.gain, loss = row.loss, vi = row.vi;
    const double surveillanceGain = row.surveillanceGain;
    const double cc = row.table[0][0], cd = row.table[0][1], dc = row.table[1][0], dd = row.table[1][1];
    const double falseAttribution = row.falseAttribution, missedAttack = row.missedAttack;
    const double gainRate = row.gainRate, lossRate = row.lossRate, threshold = row.accusationThreshold;
    const bool accuses = row.accuses, hypocrite = row.hypocrite;
    const core::AgentStream draws = row.draws;
    int cooperations = 0, acts = 0, intrusions = 0, accusations = 0, groundless = 0;
    for (std::size_t k = b; k < e; ++k)
    {
        const auto j = partner[k];
        const auto r = reverse[k];
        const bool live = liveEdge[k] != 0;
        // The cyber game reads the partner's act and success in one word (outcome: 0, 1 or 2). The act is computed
        // arithmetically: as a comparison it made GCC select between masks of two widths, which it cannot vectorise.
        const std::int32_t mine = act[k];
        const std::int32_t theirWord = Cyber ? outcome[r] : act[r];
        const std::int32_t theirs = Cyber ? theirWord - (theirWord >> 1) : theirWord;
        const double w = weight[k];
        double own = 0.0, other = 0.0;
        std::int32_t outFlag = 0; // 1: i's intrusion succeeded (the cyber game), i defected (the 2 x 2 game)
        if constexpr (Cyber)
        {
            const double vj = partnerExposure[k];
            const double reward = benefit * w;
            outFlag = outcome[k] >> 1; // an int, not a bool: a conditional count is a pattern GCC does not vectorise
            const bool outSucceeded = outFlag != 0;
            const bool inSucceeded = theirWord > 1;
            own = model::cyberStagePayoff(theirs == 0, outSucceeded, inSucceeded, reward, gain, loss, vi, vj);
            other = model::cyberStagePayoff(mine == 0, inSucceeded, outSucceeded, reward, gain, loss, vj, vi);
            // Adding +0 leaves own as it is: own is never -0 (a sum of non-negative terms less a non-negative one).
            own += model::surveillancePayoff(surveillanceGain, w, vj);
        }
        else
        {
            own = w * (mine == 0 ? (theirs == 0 ? cc : cd) : (theirs == 0 ? dc : dd));
            other = w * (theirs == 0 ? (mine == 0 ? cc : cd) : (mine == 0 ? dc : dd));
            outFlag = mine;
        }
        // Attribution noise: restraint seen as an attack (e1), an attack missed (e2) (seeds/000 §2).
        std::int32_t seen = theirs;
        if constexpr (Noisy)
        {
            const double rate = theirs == 0 ? falseAttribution : missedAttack;
            seen = draws.uniform(j, core::Purpose::PerceiveNoise) < rate ? theirs ^ 1 : theirs;
        }
        const double t = trust[k];
        const double updated = model::perceivedActTrust(t, seen == 0, gainRate, lossRate);
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
        intrusions += liveFlag & outFlag;
        accusations += accusedFlag;
        groundless += accusedFlag & static_cast<int>(theirs == 0);
    }
    return {cooperations, acts, intrusions, accusations, groundless};
}

// DyadMemory::record for the live relations, as selects: a dead relation's memory is written back unchanged.
CYBERSIM_INLINE void recordLoop(std::size_t b, std::size_t e, const std::int32_t* __restrict live,
                                const std::int32_t* __restrict act, const std::int32_t* __restrict seen,
                                const double* __restrict own, const double* __restrict other,
                                core::DyadMemory* __restrict memory) noexcept
{
    for (std::size_t k = b; k < e; ++k)
    {
        core::DyadMemory& d = memory[k];
        const bool played = live[k] != 0;
        const auto mine = static_cast<std::uint64_t>(act[k]), theirs = static_cast<std::uint64_t>(seen[k]);
        const auto step = static_cast<std::uint32_t>(played);
        d.ownMoves = played ? (d.ownMoves << 1) | mine : d.ownMoves;
        d.partnerMoves = played ? (d.partnerMoves << 1) | theirs : d.partnerMoves;
        d.turns += step;
        d.ownDefections += step & static_cast<std::uint32_t>(mine);
        d.partnerDefections += step & static_cast<std::uint32_t>(theirs);
        d.ownScore = played ? d.ownScore + own[k] : d.ownScore;
        d.partnerScore = played ? d.partnerScore + other[k] : d.partnerScore;
    }
}

template <bool Consecutive>
CYBERSIM_INLINE void reputationLoop(std::size_t b, std::size_t e, const std::uint32_t* __restrict partner,
                                    std::size_t offset, const std::uint32_t* __restrict reverse,
                                    const std::int32_t* __restrict accused, const std::int32_t* __restrict act,
                                    const double* __restrict pressure, double* __restrict trust,
                                    double reputationWeight, double observerPenalty) noexcept
{
    for (std::size_t k = b; k < e; ++k)
    {
        // A groundless accusation: the partner accused this state, which did nothing.
        const bool groundless = (accused[reverse[k]] != 0) & (act[k] == 0);
        trust[k] = model::reputationTrust(trust[k], pressure[partnerOf<Consecutive>(partner, offset, k)], groundless,
                                          reputationWeight, observerPenalty);
    }
}

template <bool Consecutive>
CYBERSIM_INLINE SanctionCounts sanctionLoop(std::size_t b, std::size_t e, const std::uint32_t* __restrict partner,
                                            std::size_t offset, const double* __restrict seenBy,
                                            std::int32_t* __restrict punished, double vengeful, core::Purpose purpose,
                                            core::AgentStream draws) noexcept
{
    int punishments = 0, lapses = 0;
    for (std::size_t k = b; k < e; ++k)
    {
        const auto i = partner[k]; // the draw's key, as in intrusionsLoop
        const double seen = seenBy[partnerOf<Consecutive>(partner, offset, k)];
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

template <bool Consecutive>
CYBERSIM_INLINE int classifyLoop(const ClassifyRow& row, std::size_t b, std::size_t e,
                                 const std::uint32_t* __restrict partner, std::size_t offset,
                                 const std::int32_t* __restrict live, const double* __restrict weight,
                                 const double* __restrict chance, const double* __restrict partnerExposure,
                                 const double* __restrict attackFactor) noexcept
{
    const double benefit = row.benefit, gain = row.gain, loss = row.loss;
    const double vi = row.vi, defenceFactor = row.defenceFactor;
    const std::size_t higher = row.higher;
    int dilemmas = 0;
    // Each pair is counted once, by its lower state: partners are sorted, so the relations to higher states are the
    // row's tail from `higher`. The loop still runs over the whole row, which keeps the work of every state alike (a
    // loop over the tail only made the two threads' shares of the round unequal). p_ji is recomputed from j's attack
    // factor, as the intrusion kernel computed it for the reverse relation (the same expression, so the same bits),
    // which reads a small per-state array instead of the reverse relation's chance.
    for (std::size_t k = b; k < e; ++k)
    {
        const double reward = benefit * weight[k];
        const double gained = gain * chance[k] * partnerExposure[k];
        const double reverseChance =
            1.0 / (1.0 + attackFactor[partnerOf<Consecutive>(partner, offset, k)] * defenceFactor);
        const double lost = loss * reverseChance * vi;
        const double temptation = reward + gained, punishment = gained - lost, sucker = -lost;
        const bool dilemma = (temptation > reward) & (reward > punishment) & (punishment > sucker);
        dilemmas += dilemma & (live[k] != 0) & (k >= higher) ? 1 : 0;
    }
    return dilemmas;
}

CYBERSIM_INLINE void weighLoop(std::size_t b, std::size_t e, const std::int32_t* __restrict live,
                               const double* __restrict weight, const double* __restrict trust,
                               double* __restrict distrustWeight, int related) noexcept
{
    const double share = related > 0 ? 1.0 / double(related) : 0.0; // one division per state, not per relation
    for (std::size_t k = b; k < e; ++k)
    {
        const double w = weight[k] * (1.0 - trust[k]) * share;
        distrustWeight[k] = (related > 0) & (live[k] != 0) ? w : 0.0;
    }
}

// Lanes added pairwise, in the order edge_kernels.hpp states.
CYBERSIM_INLINE double combine(const double (&lane)[kLanes]) noexcept
{
    return ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
}

// The terms of a row are worked out a chunk at a time into a local array (a vector loop, gathers included), then
// added into the lanes with contiguous loads (one vector add per eight terms). Chunks are a multiple of eight long, so
// relation b + 8 m + l always lands in lane l.
inline constexpr std::size_t kChunk = 256;

CYBERSIM_INLINE void addToLanes(double (&lane)[kLanes], const double* terms, std::size_t count) noexcept
{
    std::size_t m = 0;
    for (; m + kLanes <= count; m += kLanes)
        for (int l = 0; l < kLanes; ++l)
            lane[l] += terms[m + std::size_t(l)];
    for (int l = 0; m < count; ++m, ++l)
        lane[l] += terms[m];
}

// Sum over [b, e) of term(k) in eight lanes.

template <class Term> CYBERSIM_INLINE double laneSum(std::size_t b, std::size_t e, Term term) noexcept
{
    double lane[kLanes] = {};
    if (e - b < kShortRow)
    {
        for (std::size_t k = b; k < e; ++k)
            lane[(k - b) % kLanes] += term(k);
        return combine(lane);
    }
    alignas(64) double terms[kChunk];
    for (std::size_t start = b; start < e; start += kChunk)
    {
        const std::size_t count = std::min(kChunk, e - start);
        for (std::size_t m = 0; m < count; ++m)
            terms[m] = term(start + m);
        addToLanes(lane, terms, count);
    }
    return combine(lane);
}

// The terms of relations [start, start + count) of the row that begins at b, term(k, j) with j relation k's partner:
// read from the row's runs of consecutive partners where it has them (the chunk's relations up to the split read the
// first run, the rest the second), else gathered.
template <class Term>
CYBERSIM_INLINE void partnerTerms(std::size_t b, std::size_t start, std::size_t count, const std::uint32_t* partner,
                                  const PartnerRuns* runs, Term term, double* __restrict terms) noexcept
{
    if (runs->consecutive)
    {
        const std::size_t first = runs->first;
        const std::size_t split = std::clamp(b + runs->split, start, start + count) - start;
        for (std::size_t m = 0; m < split; ++m)
            terms[m] = term(start + m, start + m + first);
        for (std::size_t m = split; m < count; ++m)
            terms[m] = term(start + m, start + m + first + 1);
    }
    else
        for (std::size_t m = 0; m < count; ++m)
            terms[m] = term(start + m, std::size_t(partner[start + m]));
}

// laneSum of term(k, j) where j is relation k's partner.
template <class Term>
CYBERSIM_INLINE double partnerLaneSum(std::size_t b, std::size_t e, const std::uint32_t* partner,
                                      const PartnerRuns* runs, Term term) noexcept
{
    double lane[kLanes] = {};
    if (e - b < kShortRow)
    {
        for (std::size_t k = b; k < e; ++k)
            lane[(k - b) % kLanes] += term(k, std::size_t(partner[k]));
        return combine(lane);
    }
    alignas(64) double terms[kChunk];
    for (std::size_t start = b; start < e; start += kChunk)
    {
        const std::size_t count = std::min(kChunk, e - start);
        partnerTerms(b, start, count, partner, runs, term, terms);
        addToLanes(lane, terms, count);
    }
    return combine(lane);
}

// partnerLaneSum of each row i in [lo, hi) into out[i]. A lane sum is one chain of additions per lane, each waiting on
// the one before; rows of kShortRow to kChunk relations are taken four at a time with their chains interleaved (the
// same terms in the same lanes and order, so the same bits).
template <class Term>
CYBERSIM_INLINE void partnerLaneSums(const std::uint32_t* offsets, std::size_t lo, std::size_t hi,
                                     const std::uint32_t* partner, const PartnerRuns* runs, Term term,
                                     double* out) noexcept
{
    constexpr std::size_t kRows = 4;
    const auto fits = [&](std::size_t i)
    {
        const std::size_t count = offsets[i + 1] - offsets[i];
        return count >= kShortRow && count <= kChunk;
    };
    std::size_t i = lo;
    while (i < hi)
    {
        if (i + kRows > hi || !(fits(i) && fits(i + 1) && fits(i + 2) && fits(i + 3)))
        {
            out[i] = partnerLaneSum(offsets[i], offsets[i + 1], partner, &runs[i], term);
            ++i;
            continue;
        }
        alignas(64) double terms[kRows][kChunk];
        std::size_t count[kRows], common = kChunk;
        for (std::size_t r = 0; r < kRows; ++r)
        {
            count[r] = offsets[i + r + 1] - offsets[i + r];
            partnerTerms(offsets[i + r], offsets[i + r], count[r], partner, &runs[i + r], term, terms[r]);
            common = std::min(common, count[r] / kLanes * kLanes);
        }
        double lanes[kRows][kLanes] = {};
        for (std::size_t m = 0; m < common; m += kLanes)
            for (std::size_t r = 0; r < kRows; ++r)
                for (int l = 0; l < kLanes; ++l)
                    lanes[r][l] += terms[r][m + std::size_t(l)];
        for (std::size_t r = 0; r < kRows; ++r)
        {
            addToLanes(lanes[r], terms[r] + common, count[r] - common); // common is a multiple of eight
            out[i + r] = combine(lanes[r]);
        }
        i += kRows;
    }
}

// Complete networks: the relations into the states x = x0 + q, q < kColumns, as lanes[l][q] laid out like a row-wise
// laneSum of x, lane l = (position of y in x's row) % 8, terms added in the same order (y ascending). Partner y's
// relations to the block are contiguous in y's row, one load for all q, except where y is in the block itself.
template <class Value, class Term, class Sum>
CYBERSIM_INLINE void columnLanes(const Columns& columns, const Value* __restrict relation, Term term,
                                 Sum (&lanes)[kLanes][kColumns]) noexcept
{
    const std::uint32_t* const offsets = columns.offsets;
    const std::size_t x0 = columns.x0, n = columns.n;
    for (std::size_t y = 0; y < x0; ++y)
    {
        // Every x is above y: x sits at x - 1 in y's row, y at y in x's row.
        const Value* __restrict from = relation + offsets[y] + x0 - 1;
        Sum* __restrict lane = lanes[y % kLanes];
        for (std::size_t q = 0; q < kColumns; ++q)
            lane[q] += term(y, from[q]);
    }
    for (std::size_t y = x0; y < x0 + kColumns; ++y)
        for (std::size_t q = 0; q < kColumns; ++q)
        {
            const std::size_t x = x0 + q;
            if (x != y)
                lanes[(y - (y > x ? 1 : 0)) % kLanes][q] += term(y, relation[offsets[y] + x - (x > y ? 1 : 0)]);
        }
    for (std::size_t y = x0 + kColumns; y < n; ++y)
    {
        // Every x is below y: x sits at x in y's row, y at y - 1 in x's row.
        const Value* __restrict from = relation + offsets[y] + x0;
        Sum* __restrict lane = lanes[(y - 1) % kLanes];
        for (std::size_t q = 0; q < kColumns; ++q)
            lane[q] += term(y, from[q]);
    }
}

CYBERSIM_INLINE void combineColumns(const double (&lanes)[kLanes][kColumns], double* out) noexcept
{
    for (std::size_t q = 0; q < kColumns; ++q)
        out[q] = ((lanes[0][q] + lanes[1][q]) + (lanes[2][q] + lanes[3][q])) +
                 ((lanes[4][q] + lanes[5][q]) + (lanes[6][q] + lanes[7][q]));
}

#undef CYBERSIM_INLINE

} // namespace

void orderedTrustSums(const std::uint32_t* offsets, std::size_t lo, std::size_t hi, const std::int32_t* partnerActive,
                      const double* trust, double* out) noexcept
{
    // Adding +0 for an inactive partner leaves the sum as skipping it would: the sum starts at +0 and trust is never
    // negative, so it is never -0.
    constexpr std::size_t kInterleaved = 8;
    std::size_t i = lo;
    for (; i + kInterleaved <= hi; i += kInterleaved)
    {
        double sum[kInterleaved] = {};
        std::size_t begin[kInterleaved], length[kInterleaved], common = std::numeric_limits<std::size_t>::max();
        for (std::size_t q = 0; q < kInterleaved; ++q)
        {
            begin[q] = offsets[i + q];
            length[q] = offsets[i + q + 1] - begin[q];
            common = std::min(common, length[q]);
        }
        for (std::size_t m = 0; m < common; ++m)
            for (std::size_t q = 0; q < kInterleaved; ++q)
            {
                const std::size_t k = begin[q] + m;
                sum[q] += partnerActive[k] != 0 ? trust[k] : 0.0;
            }
        for (std::size_t q = 0; q < kInterleaved; ++q)
        {
            for (std::size_t k = begin[q] + common; k < begin[q] + length[q]; ++k)
                sum[q] += partnerActive[k] != 0 ? trust[k] : 0.0;
            out[i + q] = sum[q];
        }
    }
    for (; i < hi; ++i)
    {
        double sum = 0.0;
        for (std::size_t k = offsets[i]; k < offsets[i + 1]; ++k)
            sum += partnerActive[k] != 0 ? trust[k] : 0.0;
        out[i] = sum;
    }
}

PartnerRuns findPartnerRuns(const std::uint32_t* partner, std::size_t b, std::size_t e) noexcept
{
    PartnerRuns runs;
    if (e <= b)
        return runs;
    // Sorted and distinct partners spanning count or count + 1 states: one run, or two around one missing state.
    const std::size_t count = e - b, low = partner[b], span = std::size_t(partner[e - 1]) - low;
    if (span != count - 1 && span != count)
        return runs;
    std::size_t split = 0;
    while (split < count && partner[b + split] == low + split)
        ++split;
    runs.split = static_cast<std::uint32_t>(split);
    runs.first = low - b; // modulo 2^64: k + first = low + (k - b); past the missing state, one more
    for (std::size_t k = b + split; k < e; ++k)
        if (partner[k] != k + runs.first + 1)
            return runs;
    runs.consecutive = true;
    return runs;
}

[[gnu::always_inline]] static inline void intrusionsBody(const IntrusionRow& row) noexcept
{
    overRuns(
        row.b, row.e, row.runs,
        [&](auto consecutive, std::size_t lo, std::size_t hi, std::size_t offset) __attribute__((always_inline)) {
            intrusionsLoop<decltype(consecutive)::value>(lo, hi, row.partner, offset, row.defenceFactor, row.live,
                                                         row.act, row.chance, row.outcome, row.attackFactor, row.draws);
        });
}

[[gnu::always_inline]] static inline void widenActsBody(std::size_t b, std::size_t e, const std::uint8_t* act,
                                                        std::int32_t* wide) noexcept
{
    widenLoop(b, e, act, wide);
}

[[gnu::always_inline]] static inline void restrainAndFlipBody(const RestraintRow& row) noexcept
{
    restrainLoop(row.b, row.e, row.partner, row.act, row.restraint, row.execution, row.draws);
}

[[gnu::always_inline]] static inline PlayCounts playBody(const PlayRow& row) noexcept
{
    const bool noisy = row.falseAttribution > 0.0 || row.missedAttack > 0.0;
#define CYBERSIM_PLAY(cyber, noise)                                                                                    \
    playLoop<cyber, noise>(row, row.edges.partner, row.edges.reverse, row.live, row.act, row.outcome, row.weight,      \
                           row.partnerExposure, row.trust, row.own, row.other, row.seen, row.accused)
    if (row.cyber)
        return noisy ? CYBERSIM_PLAY(true, true) : CYBERSIM_PLAY(true, false);
    return noisy ? CYBERSIM_PLAY(false, true) : CYBERSIM_PLAY(false, false);
#undef CYBERSIM_PLAY
}

[[gnu::always_inline]] static inline void reputationBody(const ReputationRow& row) noexcept
{
    overRuns(
        row.b, row.e, row.runs,
        [&](auto consecutive, std::size_t lo, std::size_t hi, std::size_t offset) __attribute__((always_inline)) {
            reputationLoop<decltype(consecutive)::value>(lo, hi, row.edges.partner, offset, row.edges.reverse,
                                                         row.accused, row.act, row.pressure, row.trust,
                                                         row.reputationWeight, row.observerPenalty);
        });
}

[[gnu::always_inline]] static inline SanctionCounts sanctionBody(const SanctionRow& row) noexcept
{
    SanctionCounts counts;
    overRuns(
        row.b, row.e, row.runs,
        [&](auto consecutive, std::size_t lo, std::size_t hi, std::size_t offset) __attribute__((always_inline)) {
            const auto part = sanctionLoop<decltype(consecutive)::value>(
                lo, hi, row.partner, offset, row.seen, row.punished, row.vengefulness, row.purpose, row.draws);
            counts.punishments += part.punishments;
            counts.lapses += part.lapses;
        });
    return counts;
}

[[gnu::always_inline]] static inline int countReverseBody(std::size_t b, std::size_t e, const std::uint32_t* reverse,
                                                          const std::int32_t* flag) noexcept
{
    return countReverseLoop(b, e, reverse, flag);
}

[[gnu::always_inline]] static inline int classifyAndWeighBody(const ClassifyRow& row) noexcept
{
    int dilemmas = 0;
    if (row.classify)
        overRuns(
            row.b, row.e, row.runs,
            [&](auto consecutive, std::size_t lo, std::size_t hi, std::size_t offset) __attribute__((always_inline)) {
                dilemmas +=
                    classifyLoop<decltype(consecutive)::value>(row, lo, hi, row.partner, offset, row.live, row.weight,
                                                               row.chance, row.partnerExposure, row.attackFactor);
            });
    weighLoop(row.b, row.e, row.live, row.weight, row.trust, row.distrustWeight, row.related);
    return dilemmas;
}

[[gnu::always_inline]] static inline void weightedSumsBody(const std::uint32_t* offsets, std::size_t lo, std::size_t hi,
                                                           const std::uint32_t* partner, const PartnerRuns* runs,
                                                           const double* weight, const double* values,
                                                           double* out) noexcept
{
    partnerLaneSums(
        offsets, lo, hi, partner, runs, [=](std::size_t k, std::size_t j) { return weight[k] * values[j]; }, out);
}

[[gnu::always_inline]] static inline void threatSumsBody(const std::uint32_t* offsets, std::size_t lo, std::size_t hi,
                                                         const std::uint32_t* partner, const PartnerRuns* runs,
                                                         const std::int32_t* partnerActive, const double* weight,
                                                         const double* trust, const double* capability,
                                                         double* out) noexcept
{
    partnerLaneSums(
        offsets, lo, hi, partner, runs,
        [=](std::size_t k, std::size_t j)
        {
            const double term = weight[k] * (1.0 - trust[k]) * capability[j];
            return partnerActive[k] != 0 ? term : 0.0;
        },
        out);
}

[[gnu::always_inline]] static inline TrustSums trustSumsBody(std::size_t b, std::size_t e, const std::uint32_t* reverse,
                                                             const std::int32_t* partnerActive,
                                                             const std::int32_t* blocRelation,
                                                             const double* trust) noexcept
{
    double given[kLanes] = {}, received[kLanes] = {}, squares[kLanes] = {}, within[kLanes] = {}, between[kLanes] = {};
    alignas(64) double receivedTerms[kChunk];
    if (e - b < kShortRow)
        for (std::size_t k = b; k < e; ++k)
        {
            const std::size_t l = (k - b) % kLanes;
            const bool related = partnerActive[k] != 0;
            const int relation = blocRelation[k];
            const double t = related ? trust[k] : 0.0;
            given[l] += t;
            if (reverse != nullptr)
                received[l] += related ? trust[reverse[k]] : 0.0;
            within[l] += relation == 1 ? t : 0.0;
            between[l] += relation == 2 ? t : 0.0;
            squares[l] += t * t;
        }
    else
        for (std::size_t start = b; start < e; start += kChunk)
        {
            // Each sum's terms go through a buffer and into the lanes with vector adds (addToLanes), in the lanes and
            // order of the short loop above; only the received trust needs a gather.
            alignas(64) double givenTerms[kChunk], squareTerms[kChunk], withinTerms[kChunk], betweenTerms[kChunk];
            const std::size_t count = std::min(kChunk, e - start);
            if (reverse != nullptr)
            {
                for (std::size_t m = 0; m < count; ++m)
                {
                    const std::size_t k = start + m;
                    const double theirs = trust[reverse[k]]; // loaded first: a load under a condition is control flow
                    receivedTerms[m] = partnerActive[k] != 0 ? theirs : 0.0;
                }
                addToLanes(received, receivedTerms, count);
            }
            for (std::size_t m = 0; m < count; ++m)
            {
                const std::size_t k = start + m;
                const double t = partnerActive[k] != 0 ? trust[k] : 0.0;
                const int relation = blocRelation[k];
                givenTerms[m] = t;
                squareTerms[m] = t * t;
                withinTerms[m] = relation == 1 ? t : 0.0;
                betweenTerms[m] = relation == 2 ? t : 0.0;
            }
            addToLanes(given, givenTerms, count);
            addToLanes(squares, squareTerms, count);
            addToLanes(within, withinTerms, count);
            addToLanes(between, betweenTerms, count);
        }
    TrustSums sums;
    sums.given = combine(given);
    sums.received = combine(received);
    sums.squares = combine(squares);
    sums.within = combine(within);
    sums.between = combine(between);
    return sums;
}

[[gnu::always_inline]] static inline void receivedTrustColumnsBody(const Columns& columns, const std::int32_t* active,
                                                                   const double* trust, double* received) noexcept
{
    double lanes[kLanes][kColumns] = {};
    columnLanes(
        columns, trust, [=](std::size_t y, double t) { return active[y] != 0 ? t : 0.0; }, lanes);
    combineColumns(lanes, received);
}

[[gnu::always_inline]] static inline void accuserLegitimacyColumnsBody(const Columns& columns,
                                                                       const std::int32_t* accused,
                                                                       const double* legitimacy,
                                                                       double* weighted) noexcept
{
    double lanes[kLanes][kColumns] = {};
    columnLanes(
        columns, accused,
        [=](std::size_t y, std::int32_t a)
        {
            const double l = legitimacy[y]; // loaded first: a load under a condition is control flow
            return a != 0 ? l : 0.0;
        },
        lanes);
    combineColumns(lanes, weighted);
}

[[gnu::always_inline]] static inline void countReverseColumnsBody(const Columns& columns, const std::int32_t* flag,
                                                                  int* count) noexcept
{
    int lanes[kLanes][kColumns] = {};
    columnLanes(
        columns, flag, [](std::size_t, std::int32_t f) { return f; }, lanes);
    for (std::size_t q = 0; q < kColumns; ++q)
    {
        int total = 0;
        for (int l = 0; l < kLanes; ++l)
            total += lanes[l][q];
        count[q] = total;
    }
}

[[gnu::always_inline]] static inline void recordRoundBody(std::size_t b, std::size_t e, const std::int32_t* live,
                                                          const std::int32_t* act, const std::int32_t* seen,
                                                          const double* own, const double* other,
                                                          core::DyadMemory* memory) noexcept
{
    recordLoop(b, e, live, act, seen, own, other, memory);
}

[[gnu::always_inline]] static inline double rowSumBody(std::size_t b, std::size_t e, const double* own) noexcept
{
    return laneSum(b, e, [=](std::size_t k) { return own[k]; });
}

[[gnu::always_inline]] static inline double accuserLegitimacyBody(std::size_t b, std::size_t e, Edges edges,
                                                                  const PartnerRuns* runs, const std::int32_t* accused,
                                                                  const double* legitimacy) noexcept
{
    const std::uint32_t* const reverse = edges.reverse;
    return partnerLaneSum(b, e, edges.partner, runs,
                          [=](std::size_t k, std::size_t j)
                          {
                              const double term = legitimacy[j];
                              return accused[reverse[k]] != 0 ? term : 0.0;
                          });
}

namespace
{

bool wideKernelsAvailable() noexcept
{
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
    return __builtin_cpu_supports("x86-64-v4");
#else
    return false;
#endif
}

bool wideKernelsWanted() noexcept
{
    const char* choice = std::getenv("CYBERSIM_KERNELS");
    return wideKernelsAvailable() && !(choice != nullptr && std::string_view(choice) == "portable");
}

std::atomic<bool> g_wide{wideKernelsWanted()};

} // namespace

bool useWideKernels() noexcept
{
    return g_wide.load(std::memory_order_relaxed);
}

bool setWideKernels(bool wide) noexcept
{
    const bool before = useWideKernels();
    g_wide.store(wide && wideKernelsAvailable(), std::memory_order_relaxed);
    return before;
}

// The three compilations of a kernel body: for AVX-512, for the baseline, and for short rows (without vectorisation),
// and the call that picks one by the row's length and the processor.
template <auto Body, class... Args> CYBERSIM_WIDE_TARGET auto runWide(const Args&... args) noexcept
{
    return Body(args...);
}
template <auto Body, class... Args> auto runPortable(const Args&... args) noexcept
{
    return Body(args...);
}
template <auto Body, class... Args> CYBERSIM_SCALAR auto runScalar(const Args&... args) noexcept
{
    return Body(args...);
}
template <auto Body, class... Args> auto run(std::size_t relations, const Args&... args) noexcept
{
    if (relations < kShortRow)
        return runScalar<Body>(args...);
    return useWideKernels() ? runWide<Body>(args...) : runPortable<Body>(args...);
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
// The dyad memories, one 64-byte record per relation, updated as one AVX-512 register each: the two move histories
// (64-bit lanes 0 and 1) shift in the acts, the counters (32-bit lanes 4 to 6: turns, own and partner defections)
// add 1 and the acts, the scores (64-bit lanes 6 and 7) add the payoffs; the strategy's own counters (32-bit lanes 7
// to 11) are left as they are. Integer and IEEE double operations, lane by lane: the same bits as DyadMemory::record.
static_assert(offsetof(core::DyadMemory, ownMoves) == 0 && offsetof(core::DyadMemory, partnerMoves) == 8 &&
              offsetof(core::DyadMemory, turns) == 16 && offsetof(core::DyadMemory, ownDefections) == 20 &&
              offsetof(core::DyadMemory, partnerDefections) == 24 && offsetof(core::DyadMemory, ownScore) == 48 &&
              offsetof(core::DyadMemory, partnerScore) == 56);
static CYBERSIM_WIDE_TARGET void recordRoundWide(std::size_t b, std::size_t e, const std::int32_t* live,
                                                 const std::int32_t* act, const std::int32_t* seen, const double* own,
                                                 const double* other, core::DyadMemory* memory) noexcept
{
    const __m512i one = _mm512_set1_epi32(1);
    for (std::size_t k = b; k < e; ++k)
    {
        if (live[k] == 0)
            continue;
        void* const record = &memory[k];
        const __m512i m = _mm512_loadu_si512(record);
        const auto mine = static_cast<long long>(act[k]), theirs = static_cast<long long>(seen[k]);
        const __m512i moves = _mm512_mask_set1_epi64(_mm512_set1_epi64(mine), 0x02, theirs);
        const __m512i histories = _mm512_or_si512(_mm512_add_epi64(m, m), moves); // x + x = x << 1
        __m512i updated = _mm512_mask_mov_epi64(m, 0x03, histories);
        const __m512i counts = _mm512_mask_set1_epi32(_mm512_mask_set1_epi32(one, 0x0020, static_cast<int>(mine)),
                                                      0x0040, static_cast<int>(theirs));
        updated = _mm512_mask_add_epi32(updated, 0x0070, updated, counts);
        const __m512d payoffs = _mm512_mask_broadcastsd_pd(_mm512_set1_pd(own[k]), 0x80, _mm_set_sd(other[k]));
        const __m512d scores = _mm512_castsi512_pd(updated);
        _mm512_storeu_si512(record, _mm512_castpd_si512(_mm512_mask_add_pd(scores, 0xC0, scores, payoffs)));
    }
}
#endif

void intrusions(const IntrusionRow& row) noexcept
{
    run<intrusionsBody>(row.e - row.b, row);
}

void widenActs(std::size_t b, std::size_t e, const std::uint8_t* act, std::int32_t* wide) noexcept
{
    run<widenActsBody>(e - b, b, e, act, wide);
}

void restrainAndFlip(const RestraintRow& row) noexcept
{
    run<restrainAndFlipBody>(row.e - row.b, row);
}

PlayCounts play(const PlayRow& row) noexcept
{
    return run<playBody>(row.e - row.b, row);
}

void reputation(const ReputationRow& row) noexcept
{
    run<reputationBody>(row.e - row.b, row);
}

SanctionCounts sanction(const SanctionRow& row) noexcept
{
    return run<sanctionBody>(row.e - row.b, row);
}

int countReverse(std::size_t b, std::size_t e, const std::uint32_t* reverse, const std::int32_t* flag) noexcept
{
    return run<countReverseBody>(e - b, b, e, reverse, flag);
}

int classifyAndWeigh(const ClassifyRow& row) noexcept
{
    return run<classifyAndWeighBody>(row.e - row.b, row);
}

void weightedSums(const std::uint32_t* offsets, std::size_t lo, std::size_t hi, const std::uint32_t* partner,
                  const PartnerRuns* runs, const double* weight, const double* values, double* out) noexcept
{
    if (useWideKernels())
        runWide<weightedSumsBody>(offsets, lo, hi, partner, runs, weight, values, out);
    else
        runPortable<weightedSumsBody>(offsets, lo, hi, partner, runs, weight, values, out);
}

void threatSums(const std::uint32_t* offsets, std::size_t lo, std::size_t hi, const std::uint32_t* partner,
                const PartnerRuns* runs, const std::int32_t* partnerActive, const double* weight, const double* trust,
                const double* capability, double* out) noexcept
{
    if (useWideKernels())
        runWide<threatSumsBody>(offsets, lo, hi, partner, runs, partnerActive, weight, trust, capability, out);
    else
        runPortable<threatSumsBody>(offsets, lo, hi, partner, runs, partnerActive, weight, trust, capability, out);
}

TrustSums trustSums(std::size_t b, std::size_t e, const std::uint32_t* reverse, const std::int32_t* partnerActive,
                    const std::int32_t* blocRelation, const double* trust) noexcept
{
    return run<trustSumsBody>(e - b, b, e, reverse, partnerActive, blocRelation, trust);
}

void receivedTrustColumns(const Columns& columns, const std::int32_t* active, const double* trust,
                          double* received) noexcept
{
    run<receivedTrustColumnsBody>(columns.n - 1, columns, active, trust, received);
}

void accuserLegitimacyColumns(const Columns& columns, const std::int32_t* accused, const double* legitimacy,
                              double* weighted) noexcept
{
    run<accuserLegitimacyColumnsBody>(columns.n - 1, columns, accused, legitimacy, weighted);
}

void countReverseColumns(const Columns& columns, const std::int32_t* flag, int* count) noexcept
{
    run<countReverseColumnsBody>(columns.n - 1, columns, flag, count);
}

void recordRound(std::size_t b, std::size_t e, const std::int32_t* live, const std::int32_t* act,
                 const std::int32_t* seen, const double* own, const double* other, core::DyadMemory* memory) noexcept
{
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
    if (e - b >= kShortRow && useWideKernels())
        return recordRoundWide(b, e, live, act, seen, own, other, memory);
#endif
    run<recordRoundBody>(e - b, b, e, live, act, seen, own, other, memory);
}

double rowSum(std::size_t b, std::size_t e, const double* own) noexcept
{
    return run<rowSumBody>(e - b, b, e, own);
}

double accuserLegitimacy(std::size_t b, std::size_t e, Edges edges, const PartnerRuns* runs,
                         const std::int32_t* accused, const double* legitimacy) noexcept
{
    return run<accuserLegitimacyBody>(e - b, b, e, edges, runs, accused, legitimacy);
}

} // namespace cybersim::engine::kernel
