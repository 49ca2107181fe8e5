// SPDX-License-Identifier: MIT
// Private: the per-relation loops of a round, written so that a compiler can run them eight relations at a time.
//
// Each kernel walks one state's relations [b, e) of the CSR arrays and does the same arithmetic for every relation,
// without branches: a random number is drawn for every relation even where it decides nothing (the draws are
// counter-based, so drawing one more changes no other number), and outcomes are chosen by selects. Sums over a row
// are kept in eight lanes in a fixed order (kLanes below), so they too run eight relations at a time and give the same
// bits at any thread count and on any processor.
//
// edge_kernels.cpp compiles each kernel body for AVX-512 (x86-64-v4), for the baseline and for short rows, and a call
// on a long row goes to the first when the processor has AVX-512. All give the same bits: the kernels use only IEEE
// add, multiply, divide and compare (no contraction into fused multiply-adds: -ffp-contract=off; no reassociation),
// integer hashing and exact conversions, so a vector lane computes exactly what the scalar code does. A test runs the
// engine both ways and compares every output; CYBERSIM_KERNELS=portable in the environment forces the baseline kernels.
#pragma once

#include "cybersim/core/action.hpp"
#include "cybersim/core/rng.hpp"

#include <cstddef>
#include <cstdint>

namespace cybersim::engine::kernel
{

/// True when calls go to the AVX-512 kernels (the processor has them and CYBERSIM_KERNELS is not "portable").
[[nodiscard]] bool useWideKernels() noexcept;
/// Chooses the AVX-512 kernels (when the processor has them) or the baseline ones; returns the previous choice. For
/// tests that check both give the same results; not to be called while a simulation is stepping.
bool setWideKernels(bool wide) noexcept;

/// A state's partners as two runs of consecutive states, where they are: in a complete network state i's partners are
/// [0, i) and (i, n). Then relation k has partner k + first for the first `split` relations and k + first + 1 for the
/// rest (modulo 2^64), and the kernels read per-state arrays by partner with contiguous loads instead of gathers (the
/// same elements in the same order, so the same bits). Small, as it is passed with every row.
struct PartnerRuns
{
    std::uint64_t first = 0;
    std::uint32_t split = 0;
    bool consecutive = false; // false: read partner[k]
};
/// The runs of partner[b, e) (sorted, as the world builder leaves them), or consecutive = false.
[[nodiscard]] PartnerRuns findPartnerRuns(const std::uint32_t* partner, std::size_t b, std::size_t e) noexcept;

/// The CSR arrays of the network: partner[k] and reverse[k] (the index of the edge j -> i for k = i -> j).
struct Edges
{
    const std::uint32_t* partner;
    const std::uint32_t* reverse;
};

/// Intrusion chances p_ij = 1 / (1 + attackFactor x defenceFactor_j) for i's relations (the logistic of
/// (K_i - D_j) / s, see SimulationState::attackFactor), and each relation's outcome: 0 restraint, 1 an intrusion that
/// failed, 2 one that succeeded (i attacked, both are active and the draw (round, i, j, Intrusion) fell below p_ij).
/// The play kernel reads the partner's act and success from the one word, with one gather.
struct IntrusionRow
{
    std::uint32_t b, e;
    const std::uint32_t* partner;
    const PartnerRuns* runs;     // the row's runs (findPartnerRuns)
    const double* defenceFactor; // by state
    const std::int32_t* live;    // by edge: both states active (SimulationState::liveEdge)
    const std::int32_t* act;     // by edge: 0 = restrain, 1 = intrude
    double* chance;
    std::int32_t* outcome;
    double attackFactor;
    core::AgentStream draws;
};
void intrusions(const IntrusionRow& row) noexcept;

/// The acts of relations [b, e) as 32-bit integers, for the partners' gathers.
void widenActs(std::size_t b, std::size_t e, const std::uint8_t* act, std::int32_t* wide) noexcept;

/// Adopted norms restrain intrusions (act 1 becomes 0 when the draw (round, i, j, Norms) is below `restraint`), then
/// execution noise flips an act when the draw (round, i, j, ImplementNoise) is below `execution`.
struct RestraintRow
{
    std::uint32_t b, e;
    const std::uint32_t* partner;
    std::uint8_t* act;
    double restraint, execution;
    core::AgentStream draws;
};
void restrainAndFlip(const RestraintRow& row) noexcept;

/// The two-act stage games of i's relations (the cyber game when `cyber`, else the 2 x 2 table), attribution noise
/// and the trust update with accusations. Writes, per live relation (both states active): i's payoff `own`, the
/// partner's payoff as i reckons it `other`, the partner's act as i perceived it `seen`, trust and `accused`; dead
/// relations (a state inactive) get zeros and keep their trust. The counts are summed over live relations.
struct PlayRow
{
    std::uint32_t b, e;
    Edges edges;
    const std::int32_t* live;    // by edge: both states active (SimulationState::liveEdge)
    const std::int32_t* act;     // acts by edge, as 32-bit integers (widenActs)
    const std::int32_t* outcome; // cyber game: 0 restraint, 1 failed intrusion, 2 success, by edge (IntrusionRow)
    const double* weight;
    const double* partnerExposure; // by edge: V_j E_j
    double* trust;
    double* own;
    double* other;
    std::int32_t* seen;
    std::int32_t* accused;
    // The stage game.
    bool cyber;
    double benefit, gain, loss, vi, surveillanceGain; // cyber game; surveillanceGain is 0 when i does not surveil
    double table[2][2];                               // 2 x 2 game: table[mine][theirs]
    // Perception, trust and accusations.
    double falseAttribution, missedAttack; // both 0: nothing is drawn
    double gainRate, lossRate, accusationThreshold;
    bool accuses, hypocrite;
    core::AgentStream draws;
};
struct PlayCounts
{
    int cooperations = 0, acts = 0, intrusions = 0, accusations = 0, groundless = 0;
};
PlayCounts play(const PlayRow& row) noexcept;

/// Appends a round to the dyads' memories of i's live relations: DyadMemory::record with i's act, the perceived act
/// and both stage payoffs. Leaves the strategies' own counters (DyadMemory::rule) as they are.
void recordRound(std::size_t b, std::size_t e, const std::int32_t* live, const std::int32_t* act,
                 const std::int32_t* seen, const double* own, const double* other, core::DyadMemory* memory) noexcept;

/// i's payoff of the round: the sum of `own` over [b, e) (eight lanes; `own` is 0 on dead relations).
double rowSum(std::size_t b, std::size_t e, const double* own) noexcept;

/// Reputation: trust in each partner falls with the pressure of accusations on it, and by `observerPenalty` more when
/// the partner accused i although i restrained (a groundless accusation).
struct ReputationRow
{
    std::uint32_t b, e;
    Edges edges;
    const PartnerRuns* runs; // the row's runs (findPartnerRuns)
    const std::int32_t* accused;
    const std::int32_t* act; // as 32-bit integers (widenActs)
    const double* pressure;
    double* trust;
    double reputationWeight, observerPenalty;
};
void reputation(const ReputationRow& row) noexcept;

/// Norms (Axelrod 1986): k sees a violation of partner i with probability seen_i and punishes with its vengefulness;
/// one draw (round, k, i, Purpose) decides both. Writes `punished` per relation; returns punishments and lapses (seen
/// and let pass).
struct SanctionRow
{
    std::uint32_t b, e;
    const std::uint32_t* partner;
    const PartnerRuns* runs; // the row's runs (findPartnerRuns)
    const double* seen;      // by state: the chance that a partner sees it do what is punished
    std::int32_t* punished;
    double vengefulness;
    core::Purpose purpose;
    core::AgentStream draws;
};
struct SanctionCounts
{
    int punishments = 0, lapses = 0;
};
SanctionCounts sanction(const SanctionRow& row) noexcept;

/// The number of relations k in [b, e) whose reverse relation has flag[reverse[k]] set.
int countReverse(std::size_t b, std::size_t e, const std::uint32_t* reverse, const std::int32_t* flag) noexcept;

/// For each state i in [lo, hi): the sum of trust[k] over its relations to active partners, added one relation after
/// another in row order (not in lanes: the budget's figure predates them, and this keeps its bits). Eight states' sums
/// are interleaved, so their additions overlap instead of waiting on each other.
void orderedTrustSums(const std::uint32_t* offsets, std::size_t lo, std::size_t hi, const std::int32_t* partnerActive,
                      const double* trust, double* out) noexcept;

/// Sums over a state's relations are kept in eight lanes, relation b + l, b + 8 + l, ... in lane l, and the lanes are
/// added pairwise at the end: ((0 + 1) + (2 + 3)) + ((4 + 5) + (6 + 7)). A fixed order, the same in the vector and
/// the scalar clone and at any thread count, that lets a sum run eight relations at a time.
inline constexpr int kLanes = 8;

/// Trust statistics of state i's relations to active partners: sums of trust given, received (at the reverse edge;
/// 0 when `reverse` is null, for a caller that sums it by columns) and squared, and trust within and between blocs
/// (eight lanes each).
struct TrustSums
{
    double given = 0.0, received = 0.0, squares = 0.0, within = 0.0, between = 0.0;
};
TrustSums trustSums(std::size_t b, std::size_t e, const std::uint32_t* reverse, const std::int32_t* partnerActive,
                    const std::int32_t* blocRelation, const double* trust) noexcept;

/// Complete networks, where every state is related to every other and relation x -> y sits at
/// offsets[x] + y - [y > x]: sums over the relations *into* kColumns consecutive states x0, x0 + 1, ..., read from the
/// partners' rows with one contiguous load per partner instead of a gather per relation. Each result has the bits of
/// the row-wise kernel named (the same terms in the same lanes and order).
inline constexpr std::size_t kColumns = 8;
struct Columns
{
    const std::uint32_t* offsets;
    std::size_t n;  // states; n - 1 relations each
    std::size_t x0; // the first of the kColumns states, x0 + kColumns <= n
};
/// trustSums' received trust of each state x0 + q (with partnerActive[k] = active[partner]).
void receivedTrustColumns(const Columns& columns, const std::int32_t* active, const double* trust,
                          double* received) noexcept;
/// accuserLegitimacy of each state x0 + q.
void accuserLegitimacyColumns(const Columns& columns, const std::int32_t* accused, const double* legitimacy,
                              double* weighted) noexcept;
/// countReverse of each state x0 + q.
void countReverseColumns(const Columns& columns, const std::int32_t* flag, int* count) noexcept;

/// For each row i in [lo, hi): the sum over its relations k of weight[k] x values[partner[k]], a row of a sparse matrix
/// times a vector (eight lanes), into out[i]; runs are by state. Rows are taken four at a time where they can be.
void weightedSums(const std::uint32_t* offsets, std::size_t lo, std::size_t hi, const std::uint32_t* partner,
                  const PartnerRuns* runs, const double* weight, const double* values, double* out) noexcept;

/// Richardson's perceived threat of each state i in [lo, hi): the sum over active partners j of w_ij (1 - T_ij) K_j
/// (eight lanes), into out[i]; runs are by state. Rows are taken four at a time where they can be.
void threatSums(const std::uint32_t* offsets, std::size_t lo, std::size_t hi, const std::uint32_t* partner,
                const PartnerRuns* runs, const std::int32_t* partnerActive, const double* weight, const double* trust,
                const double* capability, double* out) noexcept;

/// Accusation pressure on state j: the sum of the accusers' legitimacy over relations whose reverse edge accused j
/// (eight lanes).
double accuserLegitimacy(std::size_t b, std::size_t e, Edges edges, const PartnerRuns* runs,
                         const std::int32_t* accused, const double* legitimacy) noexcept;

/// Metrics: the number of i's live relations (i -> j, i < j) whose expected cyber stage game is a prisoner's dilemma
/// (see phase_metrics.cpp), and the distrust weights w_ij (1 - T_ij) / related of the stability matrix.
struct ClassifyRow
{
    std::uint32_t i, b, e;
    std::uint32_t higher; // the first relation to a partner above i (partners are sorted)
    const std::uint32_t* partner;
    const PartnerRuns* runs;  // the row's runs (findPartnerRuns)
    const std::int32_t* live; // by edge: both states active
    const double* weight;
    const double* trust;
    const double* chance;
    const double* partnerExposure; // by edge: V_j E_j
    const double* attackFactor;    // by state (SimulationState::attackFactor)
    double* distrustWeight;
    double benefit, gain, loss, vi;
    double defenceFactor; // i's (SimulationState::defenceFactor)
    int related;          // i's active partners; 0 when i is inactive
    bool classify;
};
int classifyAndWeigh(const ClassifyRow& row) noexcept;

} // namespace cybersim::engine::kernel
