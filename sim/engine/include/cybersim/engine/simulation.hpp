// SPDX-License-Identifier: MIT
// The Simulation: owns all mutable state of one run and advances it one round at a time.
#pragma once

#include "cybersim/engine/metrics.hpp"
#include "cybersim/engine/world.hpp"
#include "cybersim/scenario/scenario.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cybersim::core
{
class Catalogue;
} // namespace cybersim::core

namespace cybersim::engine
{

struct SimulationState;

/// How a Simulation uses threads; never what it computes (results are bit-identical either way).
struct SimulationOptions
{
    bool parallel = true; // run the round's phases with oneTBB; false for sweeps that parallelise over runs
};

/// One relation as the GUI and the GraphML writer see it: an undirected pair with both directions' trust.
struct EdgeView
{
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    double weight = 0.0;  // interdependence w
    double trustAB = 0.0; // how far a trusts b
    double trustBA = 0.0; // how far b trusts a
    bool allied = false;
};

/// A run of a scenario from a seed. Built from a validated Scenario; a pure function of (scenario, seed).
/// step() has no callbacks: read metrics(), stateMetrics() and newEvents() after it (STYLE A5).
class Simulation
{
public:
    /// @throws ConfigError if the scenario names a strategy or doctrine the catalogue lacks, or its matrix game
    /// (game.kind = matrix) is not a valid one (a validated scenario's always is).
    Simulation(const scenario::Scenario& scenario, const core::Catalogue& catalogue, SimulationOptions options = {});
    ~Simulation();
    Simulation(Simulation&&) noexcept;
    Simulation& operator=(Simulation&&) noexcept;
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;

    /// Plays one round (all phases). Does nothing once finished().
    void step();
    /// Plays up to `rounds` rounds, stopping early when finished().
    void advance(int rounds);

    /// Rounds played so far.
    [[nodiscard]] int round() const noexcept;
    /// True once the scenario's run.rounds have been played.
    [[nodiscard]] bool finished() const noexcept;

    /// World metrics of the last round played (round 0's initial figures before any step).
    [[nodiscard]] const WorldMetrics& metrics() const noexcept;
    /// Per-state figures of the last round played, indexed by state.
    [[nodiscard]] std::span<const StateMetrics> stateMetrics() const noexcept;
    /// Events of the last round played, in deterministic order; valid until the next step().
    [[nodiscard]] std::span<const EventRecord> newEvents() const noexcept;

    /// The scenario as currently in force (scheduled `set` events and setParameter() change it).
    [[nodiscard]] const scenario::Scenario& scenario() const noexcept;
    /// The static world: names, blocs, network.
    [[nodiscard]] const World& world() const noexcept;
    /// Doctrine names, indexable by StateMetrics::doctrine.
    [[nodiscard]] const std::vector<std::string>& doctrineNames() const noexcept;
    /// Every relation with its current trust in both directions, ordered by (a, b) with a < b.
    [[nodiscard]] std::vector<EdgeView> edges() const;
    /// Names of the norm agenda's issues and whether each is adopted.
    [[nodiscard]] std::vector<std::pair<std::string, bool>> norms() const;
    /// The arms-stability eigenvalue of the current trust, iterated to convergence. metrics() reports a tracked value
    /// (a few warm-started power steps per round) that equals this whenever trust changes slowly. A query: it iterates
    /// on a copy of the tracked estimate, so asking changes no later result.
    [[nodiscard]] double convergedStabilityEigenvalue() const;
    /// A hash of the complete mutable state, for determinism tests.
    [[nodiscard]] std::uint64_t stateHash() const noexcept;

    /// Changes a numeric scenario parameter between rounds (e.g. "noise.false_attribution").
    /// @throws ScenarioError naming the key when it is unknown, not numeric or out of range.
    void setParameter(std::string_view keyPath, double value);

private:
    std::unique_ptr<SimulationState> m_state;
};

} // namespace cybersim::engine
