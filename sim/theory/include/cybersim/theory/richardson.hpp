// SPDX-License-Identifier: MIT
// Richardson's arms-race model (Richardson 1960, Arms and Insecurity): the two-state closed form and its N-state form.
#pragma once

#include <Eigen/Core>

namespace cybersim::theory
{

/// The two-state system dx/dt = k y - a x + g, dy/dt = l x - b y + h.
struct RichardsonDef
{
    double k = 0.9; // x's reactivity to y's arms, per unit time; finite (>= 0 in Richardson's reading)
    double l = 0.9; // y's reactivity to x's arms, per unit time; finite
    double a = 1.0; // x's fatigue (cost of upkeep), per unit time; finite
    double b = 1.0; // y's fatigue, per unit time; finite
    double g = 1.0; // x's standing grievance, arms per unit time; finite
    double h = 1.0; // y's standing grievance, arms per unit time; finite
};

/// Equilibrium of the two-state system and its stability.
struct RichardsonEquilibrium
{
    double x = 0.0;          // x* = (b g + k h) / (a b - k l)
    double y = 0.0;          // y* = (a h + l g) / (a b - k l)
    double eigenvalue = 0.0; // largest real part of the eigenvalues of [[-a, k], [l, -b]]
    bool isStable = false;   // eigenvalue < 0; for positive a, b, k, l the same as a b > k l
};

/// The closed-form equilibrium of the two-state system.
/// @throws ConfigError if a parameter is not finite or a b = k l (no isolated equilibrium)
[[nodiscard]] RichardsonEquilibrium richardsonEquilibrium(const RichardsonDef& def);

/// The N-state system matrix M = K o W - diag(a) of dx/dt = M x + g (o: elementwise product).
/// @param reactivity K, N x N; @param weights W, N x N; @param fatigue a, size N
/// @throws ConfigError on mismatched sizes or non-finite entries
[[nodiscard]] Eigen::MatrixXd armsRaceSystemMatrix(const Eigen::MatrixXd& reactivity, const Eigen::MatrixXd& weights,
                                                   const Eigen::VectorXd& fatigue);

/// The equilibrium x* = -M^{-1} g of dx/dt = M x + g.
/// @throws ConfigError on mismatched sizes, non-finite entries or a singular M
[[nodiscard]] Eigen::VectorXd armsRaceEquilibrium(const Eigen::MatrixXd& system, const Eigen::VectorXd& grievance);

/// The largest real part among the eigenvalues of a square matrix (the Jacobian of a linear system): the
/// equilibrium is stable iff it is negative.
/// @throws ConfigError if the matrix is not square or not finite
[[nodiscard]] double largestRealEigenvalue(const Eigen::MatrixXd& matrix);

/// Distrust-weighted interdependence C = W o (1 - T): C_ij = w_ij (1 - T_ij).
/// @param trust T, entries in [0, 1]; 0 is full distrust
/// @throws ConfigError on mismatched sizes, non-finite weights or trust outside [0, 1]
[[nodiscard]] Eigen::MatrixXd distrustWeights(const Eigen::MatrixXd& weights, const Eigen::MatrixXd& trust);

/// The engine's stability eigenvalue: the largest real part of the eigenvalues of k C - diag(a), the Jacobian of
/// dx/dt = k C x - diag(a) x + g.
/// @param stateCount N, >= 1, checked against the sizes of `fatigue` and `weights`
/// @param reactivity k, finite
/// @throws ConfigError on mismatched sizes or non-finite entries
[[nodiscard]] double armsRaceStabilityEigenvalue(int stateCount, double reactivity, const Eigen::VectorXd& fatigue,
                                                 const Eigen::MatrixXd& weights);

} // namespace cybersim::theory
