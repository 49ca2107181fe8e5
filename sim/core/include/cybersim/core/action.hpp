// SPDX-License-Identifier: MIT
// The two acts of a dyadic stage game and the per-dyad memory that repeated-game strategies read.
#pragma once

#include <cstddef>
#include <cstdint>

namespace cybersim::core
{

/// A dyadic act: cooperate (restraint, information sharing) or defect (intrusion, zero-sum play).
enum class Action : std::uint8_t
{
    Cooperate = 0,
    Defect = 1,
};

/// In an m-act matrix game (game.kind = "matrix") an Action holds the index of an act of game.actions, 0..m-1, so the
/// engine's per-relation act array stays one byte per relation whatever the game; in the two-act games act 0 is
/// Cooperate and act 1 is Defect. Strategies written for two acts (the classic ones) only ever see C and D (see
/// MatrixGame::stance and decideActs in strategy.hpp).
[[nodiscard]] constexpr Action actAt(std::size_t index) noexcept
{
    return static_cast<Action>(index);
}

/// The index of an act: 0 for Cooperate, 1 for Defect, or its place in game.actions in a matrix game.
[[nodiscard]] constexpr std::size_t actIndex(Action a) noexcept
{
    return static_cast<std::size_t>(a);
}

/// 'C' or 'D', as the literature writes moves.
[[nodiscard]] constexpr char toChar(Action a) noexcept
{
    return a == Action::Cooperate ? 'C' : 'D';
}

/// What one player remembers of a repeated game with one partner. In a matrix game the move bits and counts record each
/// act's stance (1 = hostile, MatrixGame::stance), so the classic strategies read an m-act history as C and D; the
/// exact act last perceived is passed to m-act strategies in DecisionContext::seen. Plain data, 64 bytes, so a world of
/// dyads is one flat array. The engine updates the common fields after each round; `rule` is private to the strategy.
struct DyadMemory
{
    std::uint64_t ownMoves = 0;          // bit k = own move k+1 rounds ago, 1 = defect (so bit 0 is the last move)
    std::uint64_t partnerMoves = 0;      // partner's moves as perceived (after attribution noise), same layout
    std::uint32_t turns = 0;             // rounds played with this partner so far
    std::uint32_t ownDefections = 0;     // count of own defections so far
    std::uint32_t partnerDefections = 0; // count of perceived partner defections so far
    std::int32_t rule[5] = {};           // strategy-private counters; zero at the start of a match
    double ownScore = 0.0;               // cumulative stage-game payoff of this player in this dyad
    double partnerScore = 0.0;           // cumulative payoff of the partner, as this player reckons it

    /// Own move k+1 rounds ago (k = 0 is the last move); Cooperate before the first move.
    [[nodiscard]] constexpr Action ownMove(unsigned k = 0) const noexcept
    {
        return static_cast<Action>((ownMoves >> k) & 1U);
    }
    /// Perceived partner move k+1 rounds ago; Cooperate before the first move.
    [[nodiscard]] constexpr Action partnerMove(unsigned k = 0) const noexcept
    {
        return static_cast<Action>((partnerMoves >> k) & 1U);
    }

    /// Appends a round: own move, perceived partner move and the payoffs it brought.
    constexpr void record(Action own, Action partner, double ownPayoff, double partnerPayoff) noexcept
    {
        ownMoves = (ownMoves << 1) | static_cast<std::uint64_t>(own);
        partnerMoves = (partnerMoves << 1) | static_cast<std::uint64_t>(partner);
        ++turns;
        ownDefections += static_cast<std::uint32_t>(own);
        partnerDefections += static_cast<std::uint32_t>(partner);
        ownScore += ownPayoff;
        partnerScore += partnerPayoff;
    }
};

static_assert(sizeof(DyadMemory) == 64, "DyadMemory is meant to fill one cache line");

} // namespace cybersim::core
