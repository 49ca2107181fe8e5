// SPDX-License-Identifier: MIT
// The composition of doctrines in one round: the share of active states holding each doctrine.
#pragma once

#include "cybersim/engine/metrics.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace cybersim::engine
{

/// The share of active states (StateMetrics::active) holding each doctrine, indexed like
/// Simulation::doctrineNames(). The shares sum to 1 over the active states; all are 0 when no state is active.
/// States whose doctrine lies outside [0, doctrineCount) are left out of both the counts and the total.
/// @return doctrineCount shares, each in [0,1].
[[nodiscard]] std::vector<double> doctrineShares(std::span<const StateMetrics> states, std::size_t doctrineCount);

} // namespace cybersim::engine
