// SPDX-License-Identifier: MIT
// Fixation probability of a single mutant in a finite population: Moran process and pairwise comparison (Fermi).
#pragma once

#include "cybersim/theory/group_game.hpp"

#include <Eigen/Core>

#include <span>

namespace cybersim::theory
{

/// Fixation probability of one mutant of constant relative fitness r in a Moran process of size N:
/// (1 - 1/r) / (1 - 1/r^N), and 1/N when r = 1 (Moran 1958). Computed with expm1 so r near 1 loses no precision.
/// @throws ConfigError if r is not finite and > 0, or N < 2
[[nodiscard]] double moranFixation(double relativeFitness, int populationSize);

/// The general birth-death formula rho = 1 / (1 + sum_{k=1}^{N-1} prod_{j=1}^{k} T-(j)/T+(j)), given
/// logRatios[j-1] = log(T-(j) / T+(j)) for j = 1..N-1 mutants. Summed in log space (log-sum-exp), so it neither
/// overflows nor underflows for large N or strong selection.
/// @throws ConfigError if logRatios is empty or holds a NaN
[[nodiscard]] double fixationFromLogRatios(std::span<const double> logRatios);

/// Fixation probability of one `invader` among N-1 `resident`s of a symmetric matrix game under the frequency-
/// dependent Moran process with selection intensity w (Nowak et al. 2004, Nature 428:646): with i invaders,
/// f_i = 1 - w + w (a (i-1) + b (N-i)) / (N-1) and g_i = 1 - w + w (c i + d (N-i-1)) / (N-1), where
/// a = A(inv,inv), b = A(inv,res), c = A(res,inv), d = A(res,res), and T-/T+ = g_i / f_i.
/// @param payoff A(i, j) is the payoff to strategy i against strategy j; square and finite
/// @param selection w in [0, 1]
/// @throws ConfigError on a bad matrix or index, N < 2, w outside [0, 1], or a fitness <= 0
[[nodiscard]] double moranGameFixation(const Eigen::MatrixXd& payoff, int invader, int resident, int populationSize,
                                       double selection);

/// Fixation probability of one `invader` among N-1 `resident`s of a symmetric matrix game under the pairwise-
/// comparison process (Traulsen, Nowak and Pacheco 2006, Phys. Rev. E 74:011909): a random individual imitates a
/// random other one with probability 1 / (1 + exp(-beta (f_model - f_self))), so T-/T+ = exp(-beta (f_inv - f_res)).
/// Payoffs exclude self-interaction: f_inv(i) = (a (i-1) + b (N-i)) / (N-1), f_res(i) = (c i + d (N-i-1)) / (N-1)
/// (EGTtools' Matrix2PlayerGameHolder convention).
/// @param beta intensity of selection, finite and >= 0
/// @throws ConfigError on a bad matrix or index, N < 2, or a bad beta
[[nodiscard]] double pairwiseFixation(const Eigen::MatrixXd& payoff, int invader, int resident, int populationSize,
                                      double beta);

/// Pairwise-comparison fixation probability of one `invader` (0 or 1) among N-1 players of the other strategy in a
/// two-strategy group game; co-players are drawn without replacement from the N-1 others (groupFitnessFinite, as in
/// EGTtools' PairwiseComparison with an N-player game).
/// @throws ConfigError on an invalid game, invader not 0 or 1, N below max(2, group size), or a bad beta
[[nodiscard]] double groupPairwiseFixation(const GroupGame& game, int invader, int populationSize, double beta);

} // namespace cybersim::theory
