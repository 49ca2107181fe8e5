// SPDX-License-Identifier: MIT
// Draws the theory predictions that apply beside the run on the live charts (dashed "theory" series, markers, labels).
#pragma once

#include "cybersim/theory/theory_prediction.hpp"

#include <QObject>
#include <QString>

class QGraphicsSimpleTextItem;
class QLineSeries;
class QScatterSeries;

namespace cybersim::gui
{

class ChartsPanel;
class TimeSeriesChart;

/// Owns the theory series on two of the ChartsPanel's charts. It only displays: the values come from
/// sim::predictTheory (STYLE G). Series that do not apply stay hidden, legend entries included.
class TheoryOverlay : public QObject
{
    Q_OBJECT
public:
    /// Adds the (hidden) theory series to `charts`' "Cooperation and trust" and "Arms race" charts.
    explicit TheoryOverlay(ChartsPanel& charts, QObject* parent = nullptr);

    /// Shows the predictions of `report` that have a chart form over a run of `rounds` rounds; hides the others.
    /// The arms equilibrium is drawn only when it holds for the whole run (trust and doctrines static).
    void showReport(const theory::TheoryReport& report, int rounds);

    // Parts, for tests.
    [[nodiscard]] QLineSeries* replicatorSeries() const noexcept { return m_replicator; }
    [[nodiscard]] QScatterSeries* stableMarkers() const noexcept { return m_stable; }
    [[nodiscard]] QScatterSeries* unstableMarkers() const noexcept { return m_unstable; }
    [[nodiscard]] QLineSeries* equilibriumSeries() const noexcept { return m_equilibrium; }
    /// The label over the arms chart ("theory: runaway, λ = ..."), empty when none is shown.
    [[nodiscard]] QString armsLabel() const;

private:
    void setShown(QLineSeries* series, TimeSeriesChart* chart, bool shown);
    void placeLabel();

    TimeSeriesChart* m_cooperation = nullptr;
    TimeSeriesChart* m_arms = nullptr;
    QLineSeries* m_replicator = nullptr;
    QScatterSeries* m_stable = nullptr;
    QScatterSeries* m_unstable = nullptr;
    QLineSeries* m_equilibrium = nullptr;
    QGraphicsSimpleTextItem* m_label = nullptr;
};

} // namespace cybersim::gui
