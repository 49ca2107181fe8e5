// SPDX-License-Identifier: MIT
// The m-act symmetric stage game (game.kind = "matrix") as the engine and the m-act strategies read it.
#pragma once

#include "cybersim/core/action.hpp"
#include "cybersim/core/payoff_matrix.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

namespace cybersim::core
{

/// Most acts a matrix game may have: game.actions names 2 to kMaxActs acts.
inline constexpr std::size_t kMaxActs = 8;

/// A symmetric m x m stage game with named acts, some of which count as restraint (cooperative). Plain data of fixed
/// size, built once per run, so the engine's hot loop reads it without allocation. Acts are Action values holding
/// their index (see actAt()).
struct MatrixGame
{
    std::size_t actCount = 2; // m, the number of acts, [2, kMaxActs]; default 2
    // Payoff to the row player: payoffs[own * kMaxActs + partner]; entries outside m x m are 0. Default: the
    // prisoner's dilemma R=3, S=0, T=5, P=1 in the top-left 2 x 2 block.
    std::array<double, kMaxActs * kMaxActs> payoffs{3.0, 0.0, 0, 0, 0, 0, 0, 0, 5.0, 1.0};
    std::uint32_t cooperativeMask = 1;       // bit a set: act a counts as restraint; at least one act, never all m
    Action cooperateAct = Action::Cooperate; // the first cooperative act: a classic strategy's C, a missed attack
    Action defectAct = Action::Defect;       // the first hostile act: a classic strategy's D, a false attribution

    /// Payoff to a player who played `own` against `partner`.
    [[nodiscard]] constexpr double payoff(Action own, Action partner) const noexcept
    {
        return payoffs[actIndex(own) * kMaxActs + actIndex(partner)];
    }
    /// True when act `a` counts as restraint (for trust, attribution noise, accusations and cooperation metrics).
    [[nodiscard]] constexpr bool isCooperative(Action a) const noexcept
    {
        return ((cooperativeMask >> actIndex(a)) & 1U) != 0;
    }
    /// The act as the two-act world sees it: Cooperate for restraint, Defect for every hostile act.
    [[nodiscard]] constexpr Action stance(Action a) const noexcept
    {
        return isCooperative(a) ? Action::Cooperate : Action::Defect;
    }
    /// The classic strategies' view of the game: the 2 x 2 game of cooperateAct against defectAct
    /// (R = A[c][c], S = A[c][d], T = A[d][c], P = A[d][d]).
    [[nodiscard]] constexpr PayoffMatrix restriction() const noexcept
    {
        return {payoff(cooperateAct, cooperateAct), payoff(cooperateAct, defectAct), payoff(defectAct, cooperateAct),
                payoff(defectAct, defectAct)};
    }
};

/// A two-act game as a 2 x 2 matrix game: act 0 is C (cooperative), act 1 is D.
[[nodiscard]] constexpr MatrixGame matrixGameOf(const PayoffMatrix& game) noexcept
{
    MatrixGame g;
    g.payoffs[0] = game.reward;
    g.payoffs[1] = game.sucker;
    g.payoffs[kMaxActs] = game.temptation;
    g.payoffs[kMaxActs + 1] = game.punishment;
    return g;
}

} // namespace cybersim::core
