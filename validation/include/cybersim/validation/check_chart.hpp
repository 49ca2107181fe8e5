// SPDX-License-Identifier: MIT
// The data of the chart that shows one canonical result: named series of x/y points, axis titles, reference lines.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cybersim::validation
{

/// How a series of a CheckChart is drawn.
enum class ChartStyle : std::uint8_t
{
    Line,       // solid line through the points in order (a simulated trajectory or a computed curve)
    Dashed,     // dashed line, e.g. a closed form or an equilibrium that belongs to a Line of the same colour
    Reference,  // thin dark dashed line: a published figure, a threshold, zero
    Points,     // filled markers, each with an error bar where ChartPoint::error > 0
    OpenPoints, // hollow markers (e.g. unstable rest points), with error bars as Points
};

/// One point of a chart series.
struct ChartPoint
{
    double x = 0.0;     // x value (an index into CheckChart::xCategories when those are given)
    double y = 0.0;     // y value
    double error = 0.0; // half-length of the error bar, in y units, >= 0; 0 = no bar
};

/// CheckChartSeries::colour for black: published figures and markers that belong to no single coloured series.
inline constexpr int kChartBlack = -2;

/// One named series of points.
struct CheckChartSeries
{
    std::string name; // legend text; empty = not listed in the legend
    ChartStyle style = ChartStyle::Line;
    std::vector<ChartPoint> points; // in drawing order; a line needs >= 2
    int colour = -1; // index into the plot library's categorical palette, so that series sharing one share a colour
                     // (e.g. a trajectory and its equilibrium); -1 = the next colour no series has asked for;
                     // kChartBlack = black. Reference series are always dark grey.
};

/// Everything a chart of one check shows. Plain data: the validation library does not draw (no Qt); the plot library
/// renders it (plot::renderCheckChart).
struct CheckChart
{
    std::string title;  // one line
    std::string xTitle; // x axis title, with units where there are any
    std::string yTitle; // y axis title
    std::vector<CheckChartSeries> series;
    std::vector<std::string> xCategories; // when not empty, x values are indices 0, 1, ... into these tick labels
    bool logX = false;                    // logarithmic x axis (every x must then be > 0)
    bool logY = false;                    // logarithmic y axis (every y must then be > 0)
    std::optional<double> yMin;           // fixed lower end of the y axis; unset = fit the data
    std::optional<double> yMax;           // fixed upper end of the y axis (points above are clipped); unset = fit

    /// True when no series has a point (the check drew nothing, e.g. it was skipped).
    [[nodiscard]] bool isEmpty() const noexcept;
};

} // namespace cybersim::validation
