// SPDX-License-Identifier: MIT
// Symmetric two-strategy games played in groups of n: replicator gradient in infinite populations, and fitness
// and gradient of selection in finite populations with hypergeometric sampling of co-players.
#pragma once

#include <vector>

namespace cybersim::theory
{

/// Payoffs of a symmetric two-strategy game played in groups of `groupSize`, indexed by the number of co-players
/// (the n-1 other group members) that use strategy 1. Strategy 1's share is the state variable x everywhere below.
struct GroupGame
{
    int groupSize = 2;           // n: players per group including the focal one; >= 2
    std::vector<double> payoff0; // size n: payoff0[j] is the payoff to a strategy-0 focal with j strategy-1 co-players
    std::vector<double> payoff1; // size n: payoff1[j] is the payoff to a strategy-1 focal with j strategy-1 co-players
};

/// A rest point of the one-dimensional replicator dynamics dx/dt = x (1 - x) (f1(x) - f0(x)).
struct GroupFixedPoint
{
    double x = 0.0;        // share of strategy 1, in [0, 1]
    double slope = 0.0;    // d(dx/dt)/dx at x; negative means attracting
    bool isStable = false; // slope < 0 (a zero slope is reported as not stable)
};

/// Converts EGTtools' composition-indexed payoffs (MatrixNPlayerGameHolder convention for 2 strategies) to a GroupGame:
/// row s, column k is the payoff to strategy s in a group of n that contains k strategy-1 players in total.
/// @param row0 n+1 payoffs of strategy 0 by k = 0..n (k = n is never used)
/// @param row1 n+1 payoffs of strategy 1 by k = 0..n (k = 0 is never used)
/// @throws ConfigError if the rows differ in length or have fewer than 3 entries
[[nodiscard]] GroupGame groupGameFromCompositions(const std::vector<double>& row0, const std::vector<double>& row1);

/// Expected payoff of a strategy-s focal in an infinite, well-mixed population with a share x of strategy 1:
/// sum_j C(n-1, j) x^j (1-x)^(n-1-j) payoff_s[j].
/// @throws ConfigError on an invalid game, strategy not 0 or 1, or x outside [0, 1]
[[nodiscard]] double groupFitness(const GroupGame& game, int strategy, double x);

/// The replicator gradient dx/dt = x (1 - x) (f1(x) - f0(x)) at share x of strategy 1.
/// @throws ConfigError on an invalid game or x outside [0, 1]
[[nodiscard]] double groupReplicatorGradient(const GroupGame& game, double x);

/// All rest points in [0, 1], ascending: x = 0, the interior roots of f1 - f0, and x = 1.
/// Interior roots are located by a sign scan on a grid of 1000 n cells then bisection to round-off, so a root where
/// f1 - f0 touches zero without changing sign (a degenerate, tangent root) is not reported. If f1 - f0 vanishes
/// identically every share is at rest and only the two ends are returned.
/// @throws ConfigError on an invalid game
[[nodiscard]] std::vector<GroupFixedPoint> groupReplicatorFixedPoints(const GroupGame& game);

/// Probability that `draws` individuals sampled without replacement from `population`, of which `successes` are
/// marked, contain exactly `hits` marked ones.
/// @throws ConfigError unless 0 <= successes <= population and 0 <= draws <= population
[[nodiscard]] double hypergeometricProbability(int hits, int population, int successes, int draws);

/// Fitness of a strategy-s focal in a finite population of `populationSize` holding `count1` strategy-1 players
/// (the focal included): its n-1 co-players are drawn without replacement from the other populationSize-1
/// individuals (EGTtools' convention; Santos and Pacheco 2011).
/// @throws ConfigError on an invalid game, populationSize < groupSize, a count outside [0, populationSize], or a count
///         that leaves no strategy-s player to be the focal
[[nodiscard]] double groupFitnessFinite(const GroupGame& game, int strategy, int populationSize, int count1);

/// Gradient of selection of the pairwise-comparison (Fermi) process at `count1` strategy-1 players:
/// T+(k) - T-(k) = (k / Z) ((Z - k) / (Z - 1)) tanh(beta / 2 (f1 - f0)) (Traulsen et al. 2006; Santos and Pacheco
/// 2011), where a random individual imitates a random other one.
/// @throws ConfigError as groupFitnessFinite, or beta negative or not finite
[[nodiscard]] double groupGradientOfSelection(const GroupGame& game, int populationSize, int count1, double beta);

} // namespace cybersim::theory
