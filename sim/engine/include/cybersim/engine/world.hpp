// SPDX-License-Identifier: MIT
// The built world: states with their attributes and the relations network in compressed (CSR) form.
#pragma once

#include "cybersim/scenario/scenario.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cybersim::core
{
class Catalogue;
} // namespace cybersim::core

namespace cybersim::engine
{

/// One state's attributes at round 0, resolved from a StateDef or generated.
struct StateInit
{
    std::string name;
    std::int32_t bloc = -1;      // index into World::blocNames, -1 = none
    double economicWeight = 1.0; // E
    double ictDependence = 0.5;  // V
    double capability = 1.0;     // K
    double defence = 1.0;        // D
    double budget = 1.0;
    std::int32_t doctrine = 0; // index into World::doctrines
    std::string strategy;      // dyadic strategy: the state's override, else its doctrine's
    std::vector<double> strategyParams;
    bool activeAtStart = true; // false for states that join by a scheduled event
};

/// The world a Simulation runs on. Directed edge e = (i -> j) for each related pair in each direction; the edges
/// leaving i are [offsets[i], offsets[i+1]), sorted by partner. reverse[e] is the edge (j -> i).
struct World
{
    std::vector<StateInit> states;
    std::vector<std::string> blocNames;
    std::vector<std::string> doctrines; // doctrine names in use, indexable by StateInit::doctrine
    std::vector<std::uint32_t> offsets; // size n + 1
    std::vector<std::uint32_t> partner; // size 2m: j of edge e
    std::vector<std::uint32_t> reverse; // size 2m
    std::vector<double> weight;         // size 2m: interdependence w_ij in (0,1], symmetric
    std::vector<std::uint8_t> allied;   // size 2m: 1 when i and j are allies
    std::vector<double> initialTrust;   // size 2m: T_ij at round 0

    [[nodiscard]] std::size_t stateCount() const noexcept { return states.size(); }
    [[nodiscard]] std::size_t edgeCount() const noexcept { return partner.size(); }
    /// The directed edge (i -> j), or -1 when i and j are not related.
    [[nodiscard]] std::int64_t findEdge(std::uint32_t i, std::uint32_t j) const noexcept;
    /// Index of the state with this name, or -1.
    [[nodiscard]] std::int32_t findState(std::string_view name) const noexcept;
};

/// Builds the world of a validated scenario: generated states, the network (Boost.Graph generators), CSV matrices,
/// initial trust. Random choices (generated attributes, random graphs) are drawn from `seed`.
/// @throws ConfigError if the scenario names a doctrine the catalogue lacks (a validated scenario never does).
[[nodiscard]] World buildWorld(const scenario::Scenario& scenario, const core::Catalogue& catalogue,
                               std::uint64_t seed);

} // namespace cybersim::engine
