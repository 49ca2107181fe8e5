// SPDX-License-Identifier: MIT
// Memory-one strategies in the repeated prisoner's dilemma with implementation errors: the four-state Markov chain.
#pragma once

#include "cybersim/core/payoff_matrix.hpp"

#include <array>

namespace cybersim::theory
{

/// A memory-one strategy: the probability of cooperating after each outcome of the previous round, written from the
/// player's own view (own move first). Defaults give tit-for-tat.
struct MemoryOneStrategy
{
    double afterCC = 1.0; // probability of C after (own C, partner C); in [0, 1]; default 1
    double afterCD = 0.0; // probability of C after (own C, partner D); in [0, 1]; default 0
    double afterDC = 1.0; // probability of C after (own D, partner C); in [0, 1]; default 1
    double afterDD = 0.0; // probability of C after (own D, partner D); in [0, 1]; default 0
};

/// Probabilities over the four outcomes CC, CD, DC, DD, written from the first player's view.
using OutcomeDistribution = std::array<double, 4>;

/// Row-stochastic 4 x 4 transition matrix between outcomes, first player's view: entry [s][t] is the probability
/// that outcome s is followed by outcome t.
using OutcomeTransition = std::array<std::array<double, 4>, 4>;

/// Long-run behaviour of two memory-one strategies playing each other.
struct MemoryOneOutcome
{
    OutcomeDistribution stationary{}; // long-run share of rounds ending CC, CD, DC, DD (first player's view)
    double firstPayoff = 0.0;         // long-run mean payoff per round to the first player
    double secondPayoff = 0.0;        // long-run mean payoff per round to the second player
    double cooperation = 0.0;         // long-run share of moves, over both players, that are C
};

/// The transition matrix when each intended move is flipped with probability `epsilon`, so a player cooperates with
/// probability epsilon + (1 - 2 epsilon) p_s (Nowak and Sigmund 1992, Nature 355:250; Nowak and Sigmund 1993).
/// @throws ConfigError if any probability or epsilon is outside [0, 1]
[[nodiscard]] OutcomeTransition memoryOneTransition(const MemoryOneStrategy& first, const MemoryOneStrategy& second,
                                                    double epsilon);

/// The stationary distribution of memoryOneTransition. For epsilon in (0, 1) every outcome is reachable and it is
/// unique; without noise it may not be (tit-for-tat against itself keeps whatever it starts with).
/// @throws ConfigError on bad probabilities or when the stationary distribution is not unique
[[nodiscard]] OutcomeDistribution memoryOneStationary(const MemoryOneStrategy& first, const MemoryOneStrategy& second,
                                                      double epsilon);

/// Stationary distribution, long-run payoffs under `game` and cooperation rate of `first` against `second`.
/// @throws ConfigError as memoryOneStationary, or if a payoff is not finite
[[nodiscard]] MemoryOneOutcome memoryOneOutcome(const MemoryOneStrategy& first, const MemoryOneStrategy& second,
                                                double epsilon, const core::PayoffMatrix& game);

/// Generous tit-for-tat's optimal probability of cooperating after a partner's defection,
/// min(1 - (T - R)/(R - S), (R - P)/(T - P)) (Molander 1985, J. Conflict Resolution 29:611; Nowak and Sigmund 1992);
/// 1/3 for R=3, S=0, T=5, P=1. Clamped at 0 when 2R < T + S, where no generosity helps.
/// @throws ConfigError unless the game is a prisoner's dilemma (T > R > P > S, finite)
[[nodiscard]] double gtftGenerosity(const core::PayoffMatrix& game);

} // namespace cybersim::theory
