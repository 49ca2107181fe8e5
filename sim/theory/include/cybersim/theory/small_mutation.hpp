// SPDX-License-Identifier: MIT
// The small-mutation limit: an embedded Markov chain over monomorphic populations (Fudenberg and Imhof 2006).
#pragma once

#include <Eigen/Core>

namespace cybersim::theory
{

/// The embedded chain over the k monomorphic states and its stationary distribution.
struct SmallMutationChain
{
    Eigen::MatrixXd transition; // k x k, row-stochastic: transition(i, j) = fixation(i, j) / (k - 1) for i != j
    Eigen::VectorXd stationary; // size k, non-negative, sums to 1: long-run share of time spent in each state
};

/// The stationary distribution pi' P = pi', sum pi = 1, of a row-stochastic matrix. Irreducible chains use the
/// Grassmann-Taksar-Heyman elimination (Grassmann et al. 1985, Oper. Res. 33:1107), which subtracts nothing and so
/// stays accurate for nearly reducible chains (rare mutations, tiny noise); otherwise a pivoted LU solve is used,
/// which succeeds when there is a single closed class.
/// @throws ConfigError if P is not square, has an entry outside [0, 1], a row not summing to 1 within 1e-9, or the
///         stationary distribution is not unique
[[nodiscard]] Eigen::VectorXd stationaryDistribution(const Eigen::MatrixXd& transition);

/// Fixation matrix of a symmetric matrix game under the pairwise-comparison process: entry (i, j), i != j, is the
/// probability that one j mutant takes over a population of i (see pairwiseFixation); the diagonal is 0.
/// @throws ConfigError as pairwiseFixation
[[nodiscard]] Eigen::MatrixXd pairwiseFixationMatrix(const Eigen::MatrixXd& payoff, int populationSize, double beta);

/// Fixation matrix of a symmetric matrix game under the Moran process with selection intensity w (see
/// moranGameFixation); entry (i, j) is the fixation probability of one j mutant among i residents; the diagonal is 0.
/// @throws ConfigError as moranGameFixation
[[nodiscard]] Eigen::MatrixXd moranFixationMatrix(const Eigen::MatrixXd& payoff, int populationSize, double selection);

/// The chain in which a mutant of each other strategy is equally likely (EGTtools' convention) and fixes or dies out
/// before the next mutation arises; the stationary vector solves pi' T = pi', sum pi = 1.
/// @param fixation k x k, k >= 2, off-diagonal entries probabilities; the diagonal is ignored
/// @throws ConfigError if the matrix is not square, has k < 2, an off-diagonal entry outside [0, 1], or the chain has
///         no unique stationary distribution (fixation probabilities of 0 can split it)
[[nodiscard]] SmallMutationChain smallMutationChain(const Eigen::MatrixXd& fixation);

} // namespace cybersim::theory
