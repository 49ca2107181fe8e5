// SPDX-License-Identifier: MIT
// Replicator dynamics of an m x m symmetric matrix game: the vector field, RK4 trajectories, fixed points, stability.
#pragma once

#include <Eigen/Core>

#include <vector>

namespace cybersim::theory
{

/// A rest point of the replicator dynamics together with its linear stability on the simplex.
struct ReplicatorFixedPoint
{
    Eigen::VectorXd x;            // strategy shares, size m, non-negative, summing to 1
    std::vector<int> support;     // indices with x_i > 0, ascending
    Eigen::VectorXcd eigenvalues; // m-1 eigenvalues of the Jacobian restricted to the simplex tangent space
    double maxRealPart = 0.0;     // largest real part among `eigenvalues`
    bool isStable = false;        // true iff maxRealPart < -tolerance (asymptotically stable; zero is inconclusive)
};

/// The replicator vector field dx_i/dt = x_i ((A x)_i - x^T A x) (Taylor and Jonker 1978).
/// @param payoff A(i, j) is the payoff to strategy i against strategy j; square, finite, m >= 2
/// @param x a point of the simplex (size m, entries >= 0, summing to 1 within 1e-9)
/// @throws ConfigError if the matrix is not square and finite or x is not a point of the simplex
[[nodiscard]] Eigen::VectorXd replicatorDerivative(const Eigen::MatrixXd& payoff, const Eigen::VectorXd& x);

/// Integrates the replicator dynamics with classic fourth-order Runge-Kutta from `start`.
/// After each step tiny negative shares from round-off are set to 0 and the point is renormalised onto the simplex.
/// @param dt step length in model time units, > 0
/// @param steps number of steps, >= 0
/// @return a (steps + 1) x m matrix whose row t is the state after t steps (row 0 is `start`)
/// @throws ConfigError on a bad matrix, a start off the simplex, dt <= 0 or steps < 0
[[nodiscard]] Eigen::MatrixXd replicatorTrajectory(const Eigen::MatrixXd& payoff, const Eigen::VectorXd& start,
                                                   double dt, int steps);

/// The m x m Jacobian of the replicator vector field at x (x need not be a rest point).
/// @throws ConfigError as replicatorDerivative
[[nodiscard]] Eigen::MatrixXd replicatorJacobian(const Eigen::MatrixXd& payoff, const Eigen::VectorXd& x);

/// The m-1 eigenvalues of the Jacobian restricted to the tangent space {v : sum v = 0} of the simplex, which the
/// Jacobian leaves invariant on the simplex.
/// @throws ConfigError as replicatorDerivative
[[nodiscard]] Eigen::VectorXcd replicatorSimplexEigenvalues(const Eigen::MatrixXd& payoff, const Eigen::VectorXd& x);

/// Every isolated rest point of the replicator dynamics: for each non-empty support S the system
/// (A x)_i = (A x)_j for i, j in S, sum x = 1 is solved, and kept if all x_i, i in S, exceed `tolerance`.
/// Supports whose system is singular (a continuum of rest points, e.g. duplicate strategies) are skipped.
/// Points are ordered by support read as a bit mask (vertices of low index first).
/// @param tolerance positivity threshold for shares and stability margin for eigenvalues, > 0
/// @throws ConfigError on a bad matrix, m > 20 (2^m supports) or a bad tolerance
[[nodiscard]] std::vector<ReplicatorFixedPoint> replicatorFixedPoints(const Eigen::MatrixXd& payoff,
                                                                      double tolerance = 1e-9);

} // namespace cybersim::theory
