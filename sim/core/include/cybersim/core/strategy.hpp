// SPDX-License-Identifier: MIT
// The Strategy interface: how a player picks its next dyadic act from what it remembers.
#pragma once

#include "cybersim/core/action.hpp"
#include "cybersim/core/matrix_game.hpp"
#include "cybersim/core/payoff_matrix.hpp"
#include "cybersim/core/rng.hpp"

#include <cstdint>
#include <span>

namespace cybersim::core
{

/// Everything a strategy may read besides its memories; the same for every partner in one call.
struct DecisionContext
{
    CounterRng rng;                          // draw with Purpose::Decide, keyed by (round, self, partner, stream)
    std::uint64_t round = 0;                 // 0-based round (or turn) number
    std::uint32_t self = 0;                  // id of the deciding player
    std::span<const std::uint32_t> partners; // partners[i] is the player memories[i] refers to
    std::uint64_t stream = 0;                // extra key, e.g. a tournament repetition; 0 in the engine
    PayoffMatrix game;                       // the stage game, for strategies that reason about payoffs; in a
                                             // matrix game its 2 x 2 restriction (MatrixGame::restriction)
    std::uint32_t matchLength = 0;           // known number of turns, or 0 when the horizon is unknown
    const MatrixGame* matrix = nullptr;      // the m-act stage game (game.kind = matrix); nullptr in two-act games
    std::span<const Action> seen; // matrix games: seen[i] is the partner's last act as memories[i]'s owner perceived
                                  // it (meaningful once memories[i].turns > 0); empty: read the memory's C/D bits
};

/// A repeated-game strategy (EGTtools' AbstractNFGStrategy, batched). decide() is called once per player per round
/// for all its partners, never once per interaction, so the engine's hot loop makes no virtual call per dyad.
/// Implementations are stateless: all per-partner state lives in DyadMemory, so one object serves many players and
/// calls may run concurrently.
class Strategy
{
public:
    virtual ~Strategy() = default;

    /// Writes into out[i] the act toward partners[i], given memories[i]. May update memories[i].rule only.
    virtual void decide(std::span<DyadMemory> memories, std::span<Action> out,
                        const DecisionContext& context) const = 0;

    /// True for m-act strategies, whose decide() writes act indices of the context's game (its matrix game, or acts
    /// 0 = C and 1 = D of a two-act game); false for the classic strategies, whose C and D a matrix game maps to its
    /// cooperate and defect acts (decideActs).
    [[nodiscard]] virtual bool choosesActs() const noexcept { return false; }
};

/// The acts toward every partner as the engine plays them: decide(), then, in a matrix game, a classic strategy's C
/// and D become the game's first cooperative and first hostile act. One virtual call per player, none per dyad.
inline void decideActs(const Strategy& strategy, std::span<DyadMemory> memories, std::span<Action> out,
                       const DecisionContext& context)
{
    strategy.decide(memories, out, context);
    if (context.matrix != nullptr && !strategy.choosesActs())
        for (auto& a : out)
            a = a == Action::Cooperate ? context.matrix->cooperateAct : context.matrix->defectAct;
}

/// The partner's last act as perceived, for m-act strategies: context.seen[i] in a matrix game, else the memory's
/// last perceived C/D (act 0 or 1; in a matrix game without `seen`, its cooperate or defect act).
[[nodiscard]] inline Action lastSeenAct(const DyadMemory& memory, const DecisionContext& context, std::size_t i)
{
    if (i < context.seen.size())
        return context.seen[i];
    const Action bit = memory.partnerMove(0);
    if (context.matrix == nullptr)
        return bit;
    return bit == Action::Cooperate ? context.matrix->cooperateAct : context.matrix->defectAct;
}

} // namespace cybersim::core
