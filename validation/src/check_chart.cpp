// SPDX-License-Identifier: MIT
// The chart data of a check, and the small builders the checks share for reference lines.
#include "cybersim/validation/check_chart.hpp"

#include "checks.hpp"

#include <algorithm>

namespace cybersim::validation
{

bool CheckChart::isEmpty() const noexcept
{
    return std::all_of(series.begin(), series.end(), [](const CheckChartSeries& s) { return s.points.empty(); });
}

namespace detail
{

CheckChartSeries horizontalLine(std::string name, double y, double x0, double x1, ChartStyle style, int colour)
{
    return {std::move(name), style, {{x0, y, 0.0}, {x1, y, 0.0}}, colour};
}

CheckChartSeries verticalLine(std::string name, double x, double y0, double y1, ChartStyle style, int colour)
{
    return {std::move(name), style, {{x, y0, 0.0}, {x, y1, 0.0}}, colour};
}

} // namespace detail

} // namespace cybersim::validation
