// SPDX-License-Identifier: MIT
// Conversion of sim::TheoryPrediction values into Qt points and display text (the theory overlay's adapter).
#pragma once

#include "cybersim/theory/theory_prediction.hpp"

#include <QList>
#include <QPointF>
#include <QString>

namespace cybersim::gui
{

/// The replicator trajectory as chart points (x = round, y = cooperator share); empty for other kinds.
[[nodiscard]] QList<QPointF> trajectoryPoints(const theory::TheoryPrediction& prediction);

/// The replicator rest points of one stability, drawn at round `atRound` (y = cooperator share).
[[nodiscard]] QList<QPointF> restPointMarkers(const theory::TheoryPrediction& prediction, bool stable, double atRound);

/// A horizontal line at the equilibrium total arms over [0, lastRound]; empty when the race runs away.
[[nodiscard]] QList<QPointF> equilibriumLine(const theory::TheoryPrediction& prediction, double lastRound);

/// The predicted value as shown beside its label: a share, a total or a probability, with its kind's unit.
[[nodiscard]] QString predictionValueText(const theory::TheoryPrediction& prediction);

/// The runaway label drawn over the arms chart, e.g. "runaway: λ = 0.2 > 0"; empty when the race is stable.
[[nodiscard]] QString runawayText(const theory::TheoryPrediction& prediction);

/// The replicator prediction's share at a (fractional) round, interpolated linearly between trajectory points.
[[nodiscard]] double shareAtRound(const theory::TheoryPrediction& prediction, double round);

} // namespace cybersim::gui
