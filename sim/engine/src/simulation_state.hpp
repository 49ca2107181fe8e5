// SPDX-License-Identifier: MIT
// Private: the mutable state of a Simulation and the phase functions that advance it (docs/model.md "A round").
#pragma once

#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/matrix_game.hpp"
#include "cybersim/core/rng.hpp"
#include "cybersim/engine/metrics.hpp"
#include "cybersim/engine/simulation.hpp"
#include "cybersim/engine/world.hpp"
#include "cybersim/scenario/scenario.hpp"
#include "cybersim/scenario/scenario_schema.hpp"

#include "kernels/edge_kernels.hpp"
#include "phases/async_learning.hpp"
#include "phases/phase_group_game.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

namespace cybersim::engine
{

/// e^x with the exponent clamped to [-298, 298], so that a product of two such factors stays a normal double. A fast
/// exponential (relative error below 2e-7), our own code so that results do not depend on the C library's exp
/// (STYLE F).
[[nodiscard]] inline double boundedExp(double x) noexcept
{
    // e^x = 2^(x log2 e) = 2^k 2^f with k integer and f in [-1/2, 1/2]; 2^f by a degree-7 Taylor polynomial, 2^k by
    // writing the exponent bits. Adding and subtracting 1.5 * 2^52 rounds to the nearest integer, ties to even,
    // exactly as nearbyint does in the default rounding mode, for |y| <= 430.
    constexpr double roundingConstant = 0x1.8p52;
    const double z = x * 1.4426950408889634;
    const double y = z < -430.0 ? -430.0 : (430.0 < z ? 430.0 : z);
    const double k = (y + roundingConstant) - roundingConstant;
    const double f = (y - k) * 0.6931471805599453;
    const double p =
        1.0 + f * (1.0 + f * (0.5 + f * (1.0 / 6 + f * (1.0 / 24 + f * (1.0 / 120 + f * (1.0 / 720 + f / 5040))))));
    const auto exponent = static_cast<std::uint64_t>(static_cast<std::int64_t>(k) + 1023) << 52;
    return p * std::bit_cast<double>(exponent);
}

/// One state's share of the round's trust statistics, summed in state order afterwards.
struct TrustPartials
{
    double sum = 0.0, squares = 0.0, within = 0.0, between = 0.0;
    int count = 0, withinCount = 0, betweenCount = 0;
    int dilemmas = 0; // relations (i, j), i < j, whose expected cyber stage game is a prisoner's dilemma
};

/// The shifted power iteration for the arms-stability eigenvalue (armsStabilityEigenvalue). The round's estimate is
/// carried from round to round as the next round's warm start; a query iterates on a copy.
struct PerronIteration
{
    std::vector<double> vector; // eigenvector estimate, scaled to a largest element of 1
    std::vector<double> next;   // next iterate of the power iteration
    double root = 1.0;          // spectral radius estimate of the distrust matrix C
};

/// Everything that changes during a run. Arrays are indexed by state (size n) or by directed edge (size 2m), so
/// parallel phases write only to their own slots (STYLE F).
struct SimulationState
{
    scenario::Scenario params; // the scenario in force; `set` events change it
    const core::Catalogue* catalogue = nullptr;
    SimulationOptions options;
    World world;
    core::CounterRng rng;
    int round = 0; // rounds played

    // Strategies: one object per distinct (name, parameters), shared by the states that use it.
    std::map<std::pair<std::string, std::vector<double>>, std::unique_ptr<core::Strategy>> strategyPool;
    std::vector<core::DoctrineDef> doctrineStore;       // the doctrines in use, resolved (pure:<act> included)
    std::vector<const core::DoctrineDef*> doctrineDefs; // by doctrine index, into doctrineStore
    std::vector<const core::Strategy*>
        doctrineStrategies; // by doctrine index, looked up on first use (doctrineStrategy)

    // The m-act stage game (game.kind = matrix). `act` then holds act indices; see action.hpp.
    bool matrix = false;         // true for game.kind = matrix
    core::MatrixGame matrixGame; // the game's table and cooperative acts (a 2 x 2 default when `matrix` is false)

    // Per state. Hot attributes are copied out of World::states into flat arrays, so the per-edge loops stream
    // through contiguous memory.
    std::vector<double> exposure;   // V * E: what a state has online
    std::vector<std::int32_t> bloc; // bloc index, -1 = none
    std::vector<double> arms, defence, legitimacy;
    std::vector<double> boldness, vengefulness; // norms-game traits (Axelrod 1986), from the doctrine or evolved
    std::vector<double> nextArms, nextDefence;  // double buffer for the Richardson step
    std::vector<std::int32_t> doctrine;
    std::vector<const core::Strategy*> strategy;
    std::vector<std::int32_t> active; // 32-bit, like the per-edge flags that kernels gather (see edge_kernels.hpp)
    std::vector<std::uint8_t> surveilling;
    std::vector<double> payoff, cumulativePayoff, windowPayoff;
    std::vector<double> payoffAdjustment; // payoff changes from events before the play phase; cleared each round
    std::vector<double> offenceShare, defenceShare, contributionShare;
    std::vector<double> budgetTrust; // decide's scratch: the trust a state gives its active partners, summed in order
    std::vector<std::int32_t> coopActs, acts, attacksMade, intrusionsMade, accusationsMade, groundlessMade;
    std::vector<double> trustGiven, trustReceived, pressure;
    std::vector<TrustPartials> trustPartials;
    std::vector<std::int32_t> punishedBy, nonPunishments;
    PerronIteration perron;      // the stability eigenvalue's iteration, advanced once a round (computeMetrics)
    std::vector<double> scratch; // per-state scratch for reductions (Gini); no allocation per round
    std::vector<std::uint32_t> payoffOrder, payoffRanked; // states by cumulative payoff (Gini; rankActiveValues)
    // Scratch of the governance and learning phases, sized on first use and kept: a round allocates nothing.
    std::vector<std::uint8_t> support;           // governance: the states that support the issue on the table
    std::vector<std::size_t> table, members;     // governance: issues on the table; norms game: active states
    std::vector<std::int32_t> nextDoctrine;      // learning: each state's doctrine after this step
    std::vector<double> fitness;                 // learning (Moran): each state's fitness
    std::vector<core::DyadMemory> memoryScratch; // learning (best response): a state's memories, replayed
    std::vector<core::Action> actScratch;        // learning (best response): the acts a doctrine would play
    std::vector<std::pair<int, int>> genes;      // norms game: (boldness, vengefulness) offspring, in sevenths

    // Per directed edge.
    std::vector<double> intrusionChance; // p_ij of the cyber game this round
    // Per-edge flags that kernels read at the reverse edge are 32-bit: vector gathers load 32- or 64-bit elements.
    std::vector<std::int32_t> actOut;           // act as 32-bit integers (two-act games), for the partner's gather
    std::vector<std::int32_t> intrusionOutcome; // i's act toward j: 0 restraint, 1 failed intrusion, 2 success
    std::vector<double> distrustWeight; // w_ij (1 - T_ij) / deg_i at the end of the last round (stability matrix)
    std::vector<core::DyadMemory> memory;
    std::vector<double> trust;
    std::vector<core::Action> act;
    std::vector<std::int32_t> accused, punished;
    std::vector<std::int32_t> metaPunished;       // metanorms: m punished partner k for letting a violation pass
    std::vector<double> violationSeen, lapseSeen; // per state: chance a partner sees its violations / its lapses
    std::vector<double> edgePayoff;
    // Per-edge copies of per-state facts that change only with events, so kernels read them in edge order instead of
    // gathering them by partner: both ends active, and the partner's exposure V_j E_j. refreshEdgeCaches() after a
    // change (construction, a join).
    std::vector<std::int32_t> liveEdge;
    std::vector<std::int32_t> partnerActive; // the partner is active
    std::vector<std::int32_t> blocRelation;  // 1: both in the same bloc, 2: in different blocs, 0: one has no bloc
    std::vector<double> partnerExposure;
    std::vector<kernel::PartnerRuns> partnerRuns; // per state: its partners as runs of consecutive states, if they are
    bool completeNetwork =
        false; // every state related to every other: sums into states read by columns (kernel::Columns)
    std::vector<double> columnSums; // per state scratch of the column sums (metrics, pressure)
    // Per state, with the caches above: active partners, and those in the same and in another bloc.
    std::vector<std::int32_t> activePartners, sameBlocPartners, otherBlocPartners;
    // The intrusion chance p_ij = logistic((K_i - D_j) / s) = 1 / (1 + e^(-K_i / s) e^(D_j / s)), from two factors per
    // state instead of an exponential per relation; refreshIntrusionFactors() whenever K, D or s may have changed.
    std::vector<double> attackFactor, defenceFactor;
    // Two-act games: scratch of the play kernel, read back in edge order to record the dyads' memories.
    std::vector<double> edgeOtherPayoff; // the partner's stage payoff as the edge's owner reckons it
    std::vector<std::int32_t> perceived; // the partner's act as perceived (after attribution noise)
    // Two-act games record a round in the dyads' memories at the start of the next round's decide, state by state, just
    // before the strategy reads them, so the 64-byte records are walked once a round instead of twice. True from the
    // end of resolve until then; flushPendingRecords() first where anything else reads the memories (the learning
    // rules that replay them, a join that changes which relations were live, the state hash).
    bool recordPending = false;
    // Matrix games only (empty otherwise): the partner's act as the edge's owner perceived it, in the last round played
    // (`seenAct`, what the next decision reads) and in the round before (`seenActBefore`, what a counterfactual
    // decision of this round reads). Resolve writes the round's perceptions into seenActBefore, then the two swap.
    std::vector<core::Action> seenAct, seenActBefore;

    // Common security, governance, arms.
    double threat = 0.0;
    bool inShortfall = false;
    bool runawayReported = false;
    double initialArms = 1.0;
    double stability = 0.0;
    std::vector<scenario::NormIssueDef> agenda; // sorted by difficulty
    std::vector<std::uint8_t> adopted;
    int adoptedCount = 0;
    std::size_t nextEvent = 0; // index into params.events (sorted by round)

    // Outputs of the last round.
    WorldMetrics metrics;
    std::vector<StateMetrics> stateMetrics;
    std::vector<EventRecord> events;
    int roundNormViolations = 0, roundPunishments = 0, roundDisclosures = 0, roundStatesHit = 0;
    double roundContributions = 0.0, roundNeeded = 0.0;

    // The group game and asynchronous learning (sized on first use; empty when the scenario uses neither).
    GroupGameScratch group;
    AsyncLearningScratch async;

    [[nodiscard]] std::size_t n() const noexcept { return world.stateCount(); }
    [[nodiscard]] std::uint32_t begin(std::size_t i) const noexcept { return world.offsets[i]; }
    [[nodiscard]] std::uint32_t end(std::size_t i) const noexcept { return world.offsets[i + 1]; }
    [[nodiscard]] double adoptedShare() const noexcept
    {
        return agenda.empty() ? 0.0 : double(adoptedCount) / double(agenda.size());
    }

    /// Runs f(i) for every state, in parallel when allowed; f must write only to slots of state i.
    template <class F> void forEachState(F&& f) const
    {
        forEachChunk(
            [&](std::size_t lo, std::size_t hi)
            {
                for (std::size_t i = lo; i < hi; ++i)
                    f(i);
            });
    }

    /// Runs f(lo, hi) on consecutive ranges of states that together cover all, in parallel when allowed; f must write
    /// only to slots of states in [lo, hi).
    template <class F> void forEachChunk(F&& f) const
    {
        const std::size_t count = n();
        if (options.parallel && count >= 32)
        {
            // One chunk per thread, each with about the same number of relations (the work of most phases), with a
            // static partitioner: a round has a dozen parallel phases of tens of microseconds, where finer tasks cost
            // more in scheduling than they gain in balance, and the same thread then takes the same states in every
            // phase, so their per-relation data stays in its cache (measured: docs/performance.md).
            const auto& bounds = chunkBounds();
            tbb::parallel_for(
                tbb::blocked_range<std::size_t>(0, bounds.size() - 1, 1),
                [&](const tbb::blocked_range<std::size_t>& r)
                {
                    for (std::size_t c = r.begin(); c != r.end(); ++c)
                        f(bounds[c], bounds[c + 1]);
                },
                tbb::static_partitioner());
        }
        else
            f(std::size_t(0), count);
    }

    /// Runs block(x0) on each run of kernel::kColumns states [x0, x0 + kColumns) within [lo, hi) when the network is
    /// complete, and single(i) on every other state of [lo, hi). The column and the row-wise kernels give the same
    /// bits, so which states a chunk's blocks cover (it depends on the thread count) changes no result.
    template <class Block, class Single>
    void forColumnBlocks(std::size_t lo, std::size_t hi, Block block, Single single) const
    {
        std::size_t i = lo;
        if (completeNetwork)
            for (; i + kernel::kColumns <= hi; i += kernel::kColumns)
                block(i);
        for (; i < hi; ++i)
            single(i);
    }
    [[nodiscard]] kernel::Columns columns(std::size_t x0) const noexcept { return {world.offsets.data(), n(), x0}; }

    /// State boundaries of forEachState's chunks: one per thread of the current arena, split at equal relation counts
    /// (a state counts one more). Cached per thread count.
    const std::vector<std::size_t>& chunkBounds() const
    {
        const int threads = tbb::this_task_arena::max_concurrency();
        if (threads != m_chunkThreads || m_chunkBounds.empty())
        {
            const std::size_t count = n(), chunks = std::min<std::size_t>(count, std::size_t(std::max(1, threads)));
            const double total = double(world.offsets[count]) + double(count);
            m_chunkBounds.assign(1, 0);
            for (std::size_t i = 0; i < count; ++i)
            {
                const double done = double(world.offsets[i + 1]) + double(i + 1);
                if (done >= total * double(m_chunkBounds.size()) / double(chunks) && m_chunkBounds.size() < chunks)
                    m_chunkBounds.push_back(i + 1);
            }
            if (m_chunkBounds.back() != count)
                m_chunkBounds.push_back(count);
            m_chunkThreads = threads;
        }
        return m_chunkBounds;
    }

    /// The decision context of state i toward its partners in this round: partners, the stage game and, in a matrix
    /// game, the acts last perceived (`seen`: seenAct, or seenActBefore for a counterfactual of the round just played).
    [[nodiscard]] core::DecisionContext decisionContext(std::size_t i, const std::vector<core::Action>& seen) const
    {
        const auto b = begin(i), e = end(i);
        core::DecisionContext context;
        context.rng = rng;
        context.round = static_cast<std::uint64_t>(round);
        context.self = static_cast<std::uint32_t>(i);
        context.partners = std::span<const std::uint32_t>(world.partner.data() + b, e - b);
        context.game = params.game.matrix;
        if (matrix)
        {
            context.matrix = &matrixGame;
            context.seen = std::span<const core::Action>(seen.data() + b, e - b);
        }
        return context;
    }

    void refreshEdgeCaches()
    {
        const std::size_t m = world.partner.size();
        liveEdge.resize(m);
        partnerActive.resize(m);
        blocRelation.resize(m);
        partnerExposure.resize(m);
        activePartners.assign(n(), 0);
        sameBlocPartners.assign(n(), 0);
        otherBlocPartners.assign(n(), 0);
        for (std::size_t i = 0; i < n(); ++i)
            for (auto k = begin(i); k < end(i); ++k)
            {
                const auto j = world.partner[k];
                partnerActive[k] = active[j] != 0 ? 1 : 0;
                liveEdge[k] = active[i] != 0 && active[j] != 0 ? 1 : 0;
                blocRelation[k] = bloc[i] < 0 || bloc[j] < 0 ? 0 : (bloc[i] == bloc[j] ? 1 : 2);
                partnerExposure[k] = exposure[j];
                activePartners[i] += partnerActive[k];
                sameBlocPartners[i] += partnerActive[k] != 0 && blocRelation[k] == 1 ? 1 : 0;
                otherBlocPartners[i] += partnerActive[k] != 0 && blocRelation[k] == 2 ? 1 : 0;
            }
    }

    void refreshIntrusionFactors()
    {
        const double scale = params.game.intrusionScale;
        attackFactor.resize(n());
        defenceFactor.resize(n());
        for (std::size_t i = 0; i < n(); ++i)
        {
            attackFactor[i] = boundedExp(-arms[i] / scale);
            defenceFactor[i] = boundedExp(defence[i] / scale);
        }
    }

    void setDoctrine(std::size_t i, std::int32_t doctrineIndex);
    /// Doctrine d's strategy, looked up in the pool once (a lookup builds a key: an allocation, not for every round).
    const core::Strategy* doctrineStrategy(std::size_t d);

    mutable std::vector<std::size_t> m_chunkBounds; // forEachState's chunks (chunkBounds)
    mutable int m_chunkThreads = 0;
    const core::Strategy* strategyFor(const std::string& name, const std::vector<double>& params);
    void log(EventType type, std::int32_t actor, std::int32_t target, double value, std::string detail);
};

/// Two-act games: appends the round last resolved to state i's dyad memories, s.memory or a copy (see recordPending).
void recordPendingRound(const SimulationState& s, std::size_t i, core::DyadMemory* memory);
/// Appends the pending round to every state's memories, if one is pending.
void flushPendingRecords(SimulationState& s);
/// The stage payoff of a state that meets its own twin (network.self_interaction, Nowak and May 1992), both playing
/// `act`: the game's own payoff with weight 1; in the cyber game there is no intrusion between twins.
[[nodiscard]] double twinPayoff(const SimulationState& s, core::Action act);

/// Matrix games: state i's intended acts toward its partners (`act`, edges [begin(i), end(i))) after adopted norms
/// restrain hostile acts (one becomes the first cooperative act with probability `restraint`) and execution noise
/// replaces an act, with probability noise.execution, by one of the other m - 1 acts drawn uniformly (the same draw
/// decides both; for m = 2 it is the two-act flip). Draws are keyed by (round, i, partner).
inline void restrainAndTremble(const SimulationState& s, std::size_t i, core::Action* act)
{
    const auto& g = s.matrixGame;
    const double restraint = s.params.governance.restraint * s.adoptedShare() * (1.0 - s.boldness[i]);
    const double execution = s.params.noise.execution;
    if (!(restraint > 0.0) && !(execution > 0.0))
        return;
    const auto draws = s.rng.stream(static_cast<std::uint64_t>(s.round), i);
    const std::size_t others = g.actCount - 1;
    for (auto k = s.begin(i); k < s.end(i); ++k)
    {
        const auto j = s.world.partner[k];
        if (restraint > 0.0 && !g.isCooperative(act[k]) && draws.uniform(j, core::Purpose::Norms) < restraint)
            act[k] = g.cooperateAct;
        if (execution > 0.0)
            if (const double u = draws.uniform(j, core::Purpose::ImplementNoise); u < execution)
            {
                // u / execution is uniform in [0, 1) given u < execution: it picks the replacement.
                const auto pick = std::min(others - 1, static_cast<std::size_t>(u / execution * double(others)));
                act[k] = core::actAt(pick >= core::actIndex(act[k]) ? pick + 1 : pick);
            }
    }
}

/// A number converted to the type of a numeric or bool key (integers rounded, bools non-zero).
[[nodiscard]] scenario::ParamValue numericParamValue(const scenario::ParameterInfo& info, double value);

void applyScheduledEvents(SimulationState& s);
void playDyads(SimulationState& s);
/// Phase 4 (reputation) and 4b (arms) in one pass over the states: computePressure over all states first, then for
/// each chunk of states applyReputation, their threat sums and planArms, then commitArms.
void updateReputationAndArms(SimulationState& s);
void computePressure(SimulationState& s);
void applyReputation(SimulationState& s, std::size_t i);
/// State i's next arms and defence, from its perceived threat `threatSum` (kernel::threatSum of its row).
void planArms(SimulationState& s, std::size_t i, double threatSum);
void commitArms(SimulationState& s);
void updateCommonSecurity(SimulationState& s);
void runGovernance(SimulationState& s, bool summit);
void enforceNorms(SimulationState& s);
void playNormsGame(SimulationState& s);
void evolveNormTraits(SimulationState& s);
void runLearning(SimulationState& s);
void computeMetrics(SimulationState& s);

/// The largest real eigenvalue of k C - diag(a), C_ij = w_ij (1 - T_ij) / deg_i over active related pairs, with uniform
/// fatigue a. C is non-negative, so this is k times its Perron root minus a; found by shifted power iteration,
/// warm-started from the previous round's eigenvector, for at most `maxIterations` steps (or to convergence).
/// Advances `perron`: s.perron in the round's metrics, a copy of it for a query (which must not change later rounds).
[[nodiscard]] double armsStabilityEigenvalue(const SimulationState& s, PerronIteration& perron, int maxIterations,
                                             bool firstStepDone = false);
/// The power iteration's shift, and its step for states [lo, hi) (perron.next from perron.vector and the rows'
/// distrust weights); the metrics pass takes the first step of a round as it writes the weights (firstStepDone).
[[nodiscard]] double stabilityShift(const PerronIteration& perron);
void stabilitySteps(const SimulationState& s, PerronIteration& perron, std::size_t lo, std::size_t hi);

/// Power-iteration steps per round for the stability eigenvalue: the eigenvector is carried over from the previous
/// round, so a few steps track it; at round 0 it is solved to convergence.
inline constexpr int kStabilityStepsPerRound = 4;
inline constexpr int kStabilityStepsInitial = 2000;

} // namespace cybersim::engine
