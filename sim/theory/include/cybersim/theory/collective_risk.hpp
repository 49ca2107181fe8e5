// SPDX-License-Identifier: MIT
// The one-shot collective-risk dilemma of Santos and Pacheco (2011, PNAS 108:10421) as a two-strategy group game.
#pragma once

#include "cybersim/theory/group_game.hpp"

namespace cybersim::theory
{

/// Strategy indices of the collective-risk game (EGTtools' OneShotCRD order; x is the cooperator share).
inline constexpr int kCrdDefector = 0;
inline constexpr int kCrdCooperator = 1;

/// Parameters of the collective-risk dilemma.
struct CollectiveRiskDef
{
    int groupSize = 6;         // n: players per group; >= 2
    int threshold = 3;         // M: cooperators needed in the group to avert the risk; in [1, n]
    double endowment = 1.0;    // b: what each player holds before contributing; finite, > 0
    double costFraction = 0.1; // c: share of the endowment a cooperator contributes; in [0, 1]
    double risk = 0.5;         // r: probability that everything is lost when fewer than M cooperate; in [0, 1]
};

/// The game as payoffs by number of cooperating co-players j: a defector gets b if j >= M and b (1 - r) otherwise;
/// a cooperator gets the defector's payoff for j + 1 cooperators minus c b (Santos and Pacheco 2011, eq. 1).
/// @throws ConfigError if a parameter is outside its range
[[nodiscard]] GroupGame collectiveRiskGame(const CollectiveRiskDef& def);

/// The critical risk r* above which the replicator dynamics has interior rest points. Since
/// f_C - f_D = b (r C(n-1, M-1) x^(M-1) (1-x)^(n-M) - c), r* = c / max_x [C(n-1, M-1) x^(M-1) (1-x)^(n-M)], the
/// maximum being at x = (M-1)/(n-1). May exceed 1, meaning no risk level sustains cooperators. Ignores `risk` and
/// `endowment`.
/// @throws ConfigError if a parameter is outside its range
[[nodiscard]] double collectiveRiskCriticalRisk(const CollectiveRiskDef& def);

} // namespace cybersim::theory
