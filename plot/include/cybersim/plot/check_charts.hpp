// SPDX-License-Identifier: MIT
// The chart of a canonical result (validation::CheckChart) rendered with Qt Charts offscreen, as PNG and SVG.
#pragma once

#include "cybersim/plot/chart_image_size.hpp"
#include "cybersim/validation/check_chart.hpp"

#include <filesystem>
#include <vector>

namespace cybersim::plot
{

/// The size of the charts `cybersim validate --out` writes (docs/images/validation/).
inline constexpr ChartImageSize kCheckChartSize{900, 560};

/// Renders `chart` into BASE.png and BASE.svg: lines, dashed lines, dark reference lines, filled and hollow markers
/// with error bars, in the Okabe-Ito palette, the legend below. Uses Qt offscreen when there is no display.
/// @return the files written (the PNG, then the SVG).
/// @throws std::invalid_argument when the chart has no points; std::runtime_error when a file cannot be written.
std::vector<std::filesystem::path> renderCheckChart(const validation::CheckChart& chart,
                                                    const std::filesystem::path& base,
                                                    ChartImageSize size = kCheckChartSize);

} // namespace cybersim::plot
