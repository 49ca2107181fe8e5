// SPDX-License-Identifier: MIT
// One live line chart over rounds: named series on a left and optional right axis, a round marker, export.
#pragma once

#include <QChartView>
#include <QList>
#include <QPointF>

#include <optional>
#include <utility>

class QLineSeries;
class QValueAxis;

namespace cybersim::gui
{

/// A QChartView whose series are replaced in one call per refresh (batched replace(), STYLE G).
class TimeSeriesChart : public QChartView
{
    Q_OBJECT
public:
    enum class Axis
    {
        Left,
        Right
    };

    explicit TimeSeriesChart(const QString& title, const QString& leftLabel, const QString& rightLabel = {},
                             QWidget* parent = nullptr);

    /// Adds a series; @return its index for setPoints().
    int addSeries(const QString& name, const QColor& colour, Axis axis = Axis::Left, qreal width = 2.0);
    /// Removes every series (the round marker stays).
    void clearSeries();
    /// Replaces the points of series `index` in one batch.
    void setPoints(int index, const QList<QPointF>& points);
    /// Sets a series' pen width (e.g. to highlight the selected state).
    void setSeriesWidth(int index, qreal width);
    /// Fits the axes: x over [0, lastRound], y over the data (a fixed range when given).
    void fitAxes(double lastRound, std::optional<std::pair<double, double>> leftRange = {},
                 std::optional<std::pair<double, double>> rightRange = {});
    /// Sets how many labelled ticks the round axis shows (fewer for narrow charts).
    void setRoundTickCount(int count);
    /// Draws a vertical marker at `round` (e.g. the event clicked in the log); negative hides it.
    void markRound(double round);
    [[nodiscard]] double markedRound() const noexcept { return m_markedRound; }

    [[nodiscard]] int seriesCount() const noexcept { return static_cast<int>(m_series.size()); }
    [[nodiscard]] QLineSeries* series(int index) const { return m_series.value(index); }
    /// The series named `name`, or nullptr.
    [[nodiscard]] QLineSeries* series(const QString& name) const;
    [[nodiscard]] QString title() const;

    /// @return an error message, empty on success.
    QString exportPng(const QString& path);
    QString exportSvg(const QString& path);

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void updateMarker();

    QValueAxis* m_x = nullptr;
    QValueAxis* m_left = nullptr;
    QValueAxis* m_right = nullptr;
    QLineSeries* m_marker = nullptr;
    QList<QLineSeries*> m_series;
    QList<Axis> m_axisOf;
    double m_markedRound = -1.0;
};

} // namespace cybersim::gui
