// SPDX-License-Identifier: MIT
// The 2x2 symmetric stage game in the R, S, T, P notation of Rapoport and Chammah (1965).
#pragma once

#include "cybersim/core/action.hpp"

namespace cybersim::core
{

/// How a symmetric 2x2 game is classified by the order of its payoffs.
enum class GameClass : std::uint8_t
{
    PrisonersDilemma, // T > R > P > S
    StagHunt,         // R > T >= P > S
    Chicken,          // T > R > S > P (hawk-dove is the same order)
    Harmony,          // R > T and S > P
    Other,
};

/// Payoffs to the row player of a symmetric 2x2 game; defaults are Axelrod's (R=3, S=0, T=5, P=1).
struct PayoffMatrix
{
    double reward = 3.0;     // R: both cooperate
    double sucker = 0.0;     // S: I cooperate, the partner defects
    double temptation = 5.0; // T: I defect, the partner cooperates
    double punishment = 1.0; // P: both defect

    /// Payoff to a player who played `own` against `partner`.
    [[nodiscard]] constexpr double payoff(Action own, Action partner) const noexcept
    {
        if (own == Action::Cooperate)
            return partner == Action::Cooperate ? reward : sucker;
        return partner == Action::Cooperate ? temptation : punishment;
    }

    /// The class of this game by payoff order.
    [[nodiscard]] constexpr GameClass classify() const noexcept
    {
        const double r = reward, s = sucker, t = temptation, p = punishment;
        if (t > r && r > p && p > s)
            return GameClass::PrisonersDilemma;
        if (r > t && t >= p && p > s)
            return GameClass::StagHunt;
        if (t > r && r > s && s > p)
            return GameClass::Chicken;
        if (r > t && s > p)
            return GameClass::Harmony;
        return GameClass::Other;
    }
};

} // namespace cybersim::core
