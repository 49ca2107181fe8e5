// SPDX-License-Identifier: MIT
// Conversion of sim::TheoryPrediction values into Qt points and display text (the theory overlay's adapter).
#include "theory/prediction_adapter.hpp"

#include <QObject>

#include <algorithm>

namespace cybersim::gui
{

QList<QPointF> trajectoryPoints(const theory::TheoryPrediction& prediction)
{
    QList<QPointF> points;
    if (prediction.kind != theory::PredictionKind::Replicator)
        return points;
    points.reserve(static_cast<qsizetype>(prediction.trajectory.size()));
    for (const auto& p : prediction.trajectory)
        points.append(QPointF(p.round, p.value));
    return points;
}

QList<QPointF> restPointMarkers(const theory::TheoryPrediction& prediction, bool stable, double atRound)
{
    QList<QPointF> points;
    for (const auto& r : prediction.restPoints)
        if (r.isStable == stable)
            points.append(QPointF(atRound, r.share));
    return points;
}

QList<QPointF> equilibriumLine(const theory::TheoryPrediction& prediction, double lastRound)
{
    if (prediction.kind != theory::PredictionKind::ArmsEquilibrium || prediction.runaway)
        return {};
    return {QPointF(0.0, prediction.value), QPointF(std::max(1.0, lastRound), prediction.value)};
}

QString predictionValueText(const theory::TheoryPrediction& prediction)
{
    switch (prediction.kind)
    {
    case theory::PredictionKind::Replicator:
        return QObject::tr("share %1 → %2").arg(prediction.initialShare, 0, 'g', 4).arg(prediction.value, 0, 'g', 4);
    case theory::PredictionKind::ArmsEquilibrium:
        return prediction.runaway ? runawayText(prediction)
                                  : QObject::tr("total arms %1 (λ = %2)")
                                        .arg(prediction.value, 0, 'g', 6)
                                        .arg(prediction.eigenvalue, 0, 'g', 4);
    case theory::PredictionKind::Fixation:
        return QObject::tr("P(fix) = %1").arg(prediction.value, 0, 'g', 4);
    }
    return {};
}

QString runawayText(const theory::TheoryPrediction& prediction)
{
    if (prediction.kind != theory::PredictionKind::ArmsEquilibrium || !prediction.runaway)
        return {};
    return QObject::tr("theory: runaway, λ = %1 > 0").arg(prediction.eigenvalue, 0, 'g', 4);
}

double shareAtRound(const theory::TheoryPrediction& prediction, double round)
{
    const auto& t = prediction.trajectory;
    if (t.empty())
        return 0.0;
    const auto after = std::lower_bound(t.begin(), t.end(), round,
                                        [](const theory::PredictionPoint& p, double r) { return p.round < r; });
    if (after == t.begin())
        return t.front().value;
    if (after == t.end())
        return t.back().value;
    const auto before = after - 1;
    const double span = after->round - before->round;
    const double f = span > 0.0 ? (round - before->round) / span : 0.0;
    return before->value + f * (after->value - before->value);
}

} // namespace cybersim::gui
