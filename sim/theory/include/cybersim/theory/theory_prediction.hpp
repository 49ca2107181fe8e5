// SPDX-License-Identifier: MIT
// Which theory-layer predictions apply to a scenario (replicator dynamics, Richardson equilibrium, fixation), as data.
#pragma once

#include "cybersim/scenario/scenario.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cybersim::core
{
class Catalogue;
} // namespace cybersim::core

namespace cybersim::engine
{
class Simulation;
} // namespace cybersim::engine

namespace cybersim::theory
{

/// The families of prediction that the theory layer offers for what a run shows.
enum class PredictionKind : std::uint8_t
{
    Replicator,      // cooperator share over rounds in a well-mixed population (theory::replicatorTrajectory)
    ArmsEquilibrium, // total arms at the Richardson/N-state equilibrium, or a runaway race (theory/richardson.hpp)
    Fixation,        // probability that a single mutant takes over (theory/fixation.hpp)
};

/// One point of a predicted time series, on the run's round axis.
struct PredictionPoint
{
    double round = 0.0; // round of the run (0 = the initial state); may be fractional
    double value = 0.0; // the predicted quantity at that round
};

/// A rest point of the replicator dynamics of the cooperator share x.
struct PredictedRestPoint
{
    double share = 0.0;      // cooperator share x, [0,1]
    double eigenvalue = 0.0; // largest real part of the linearisation on the simplex, per replicator time unit
    bool isStable = false;   // eigenvalue < 0 (asymptotically stable)
};

/// One applicable prediction. Only the fields of its kind are filled; the rest keep their defaults.
struct TheoryPrediction
{
    PredictionKind kind = PredictionKind::Replicator;
    std::string label;         // short title, e.g. "replicator dynamics (well-mixed)"
    std::string formula;       // the formula in plain text, with its citation
    std::string applicability; // why it applies here, how time is scaled, and its caveats
    bool exact = false;        // true when the engine's dynamics is the theory's exactly (not a limit or mean field)
    double value = 0.0; // headline number: final predicted share, equilibrium total arms, or fixation probability

    // Replicator
    std::vector<PredictionPoint> trajectory;    // cooperator share by round, from the initial share
    std::vector<PredictedRestPoint> restPoints; // rest points in [0,1], ascending by share
    double replicatorTimePerRound = 0.0;        // replicator time units that one round stands for
    double initialShare = 0.0;                  // cooperator share at round 0

    // Arms
    double eigenvalue = 0.0;          // largest real eigenvalue of k C - diag(a); > 0 means a runaway race
    bool runaway = false;             // eigenvalue >= 0: no stable equilibrium, arms grow without bound
    std::vector<double> armsPerState; // x*_i by state index (empty when runaway)
    bool trustIsStatic = false;       // nothing in the scenario changes trust or doctrines, so x* holds all run long

    // Fixation
    int populationSize = 0;          // N
    std::string mutantDoctrine;      // the single mutant's doctrine
    std::string residentDoctrine;    // the other N-1 states' doctrine
    double selectionIntensity = 0.0; // effective beta of the birth-death product formula (see formula)
};

/// Every prediction that applies to a scenario, and for each family that does not, the reason why.
struct TheoryReport
{
    std::vector<TheoryPrediction> predictions; // in PredictionKind order; empty when nothing applies
    std::vector<std::string> notApplicable;    // one line per family that does not apply, e.g. "replicator: ..."

    /// The prediction of `kind`, or nullptr.
    [[nodiscard]] const TheoryPrediction* find(PredictionKind kind) const noexcept;
};

/// Largest state count for which the arms prediction is computed (a dense N x N eigen-solve); above it the arms
/// family is reported as not applicable.
inline constexpr std::size_t kMaxArmsPredictionStates = 400;

/// Largest state count for which the replicator and fixation families are checked (they need the built world).
inline constexpr std::size_t kMaxWellMixedPredictionStates = 2000;

/// The theory predictions for a validated scenario.
///
/// Replicator: a non-cyber 2x2 game, learning by imitation (Fermi) or Moran, a complete network of uniform weight
/// without self-interaction, every state a pure Cooperator or Defector, no mutation, execution noise or joins. The
/// replicator trajectory (Taylor and Jonker 1978) starts at the initial cooperator share; one learning step stands for
/// beta x interval x weight x (N-1) / 2 replicator time units under imitation and w x interval x weight x (N-1)
/// under Moran, the
/// weak-selection limits of the engine's rules (Traulsen, Claussen and Hauert 2005).
/// Arms: arms enabled and at most kMaxArmsPredictionStates states; the equilibrium x* = -M^-1 g of
/// M = k C - diag(a), C_ij = w_ij (1 - T_ij) / deg_i, g_i = grievance + budget_drive * offence share_i * budget_i
/// (sim/engine/src/phases/phase_arms.cpp, docs/model.md phase 4), for the current trust.
/// Fixation: the replicator conditions with exactly one mutant: Moran's birth-death product formula with fitness
/// exp(w P) (exact) or the pairwise-comparison one for imitation (approximate: the engine updates all at once).
/// @param current when given, trust and doctrines are taken from the run as it stands (call between steps only);
///        otherwise from the scenario's round 0, whose world is built from scenario.run.seed
/// @throws ConfigError if the scenario names a doctrine the catalogue lacks (a validated scenario never does)
[[nodiscard]] TheoryReport predictTheory(const scenario::Scenario& scenario, const core::Catalogue& catalogue,
                                         const engine::Simulation* current = nullptr);

/// Outcome of simulated fixations: engine runs of the scenario from independent seeds until the mutant fixes or dies.
struct FixationTally
{
    int replicates = 0;         // runs made
    int fixed = 0;              // runs in which the mutant's doctrine took over every state
    int lost = 0;               // runs in which it died out
    int unresolved = 0;         // runs that reached run.rounds with both doctrines present
    double frequency = 0.0;     // fixed / (fixed + lost); 0 when no run resolved
    double standardError = 0.0; // binomial standard error of `frequency`
};

/// Runs the scenario `replicates` times, run r with seed deriveSeed(masterSeed, r), each until one doctrine is left or
/// run.rounds are played, and counts how often the single mutant fixed. Runs are spread over oneTBB's threads; each
/// run is sequential, so the tally does not depend on the thread count.
/// @throws ConfigError if the scenario does not start with exactly one state of one doctrine among states of another
///         (the fixation prediction's condition), or replicates < 1
[[nodiscard]] FixationTally simulateFixation(const scenario::Scenario& scenario, const core::Catalogue& catalogue,
                                             int replicates, std::uint64_t masterSeed);

} // namespace cybersim::theory
