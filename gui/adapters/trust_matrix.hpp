// SPDX-License-Identifier: MIT
// The trust matrix of a round as an image: pixel (j, i) is how far state i trusts state j.
#pragma once

#include "adapters/snapshots.hpp"

#include <QImage>

namespace cybersim::gui
{

/// Trust values of every related ordered pair; NaN where two states are not related.
[[nodiscard]] std::vector<double> trustMatrix(const WorldInfo& world, const RelationsSnapshot& relations);
/// An n x n image of `matrix` (row i = truster) in the sequential colour scale; unrelated pairs light grey.
[[nodiscard]] QImage trustMatrixImage(const std::vector<double>& matrix, int stateCount);

} // namespace cybersim::gui
