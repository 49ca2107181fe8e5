// SPDX-License-Identifier: MIT
// A deterministic 2-D layout of the relations network, for views that draw it (the GUI's network view).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cybersim::engine
{
struct World;
} // namespace cybersim::engine

namespace cybersim::gui
{

/// Above this many states layoutNetwork() uses a grid: force-directed layout would take seconds.
inline constexpr std::size_t kMaxForceDirectedStates = 2000;

/// A position in the unit square, [0,1] x [0,1]; y grows downwards as on screen.
struct LayoutPoint
{
    double x = 0.5;
    double y = 0.5;
};

/// Lays the world's states out with the Fruchterman-Reingold force-directed algorithm (Boost.Graph), starting from
/// positions drawn from the counter RNG keyed by `seed`, so the same world and seed always give the same picture.
/// Worlds of more than kMaxForceDirectedStates states are placed on a square grid in index order instead (a lattice
/// world is then drawn as its lattice). Positions are scaled to fill [margin, 1 - margin] in both directions.
/// @param iterations cooling steps of the force-directed pass, >= 1
/// @param margin share of the unit square left empty on each side, [0, 0.45]
/// @return one position per state, indexed as World::states
[[nodiscard]] std::vector<LayoutPoint> layoutNetwork(const engine::World& world, std::uint64_t seed = 0,
                                                     int iterations = 150, double margin = 0.05);

} // namespace cybersim::gui
