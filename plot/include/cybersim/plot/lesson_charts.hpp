// SPDX-License-Identifier: MIT
// Classroom charts as PNG: time series with large fonts and thick lines, the trust matrix and the network.
#pragma once

#include "cybersim/lesson/lesson_chart.hpp"
#include "cybersim/plot/chart_image_size.hpp"
#include "cybersim/records/replay.hpp"

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace cybersim::plot
{

/// Renders a time-series chart (sim::timeSeriesChart) as a PNG: high-contrast palette, thick lines, the emphasised
/// series thicker, markers as labelled vertical lines, and a shaded band for rounds before `stepStartRound` (the
/// part of the run earlier steps showed; none when <= the first round). Uses Qt offscreen when there is no display.
/// @throws std::runtime_error when the file cannot be written.
void renderTimeSeriesPng(const lesson::ChartData& data, const std::filesystem::path& path, int stepStartRound = 0,
                         ChartImageSize size = {});

/// Renders the trust matrix of `row` as a heat map (white = no relation), the highlighted state's row and column
/// outlined. @throws std::runtime_error when the file cannot be written, ConfigError for a bad row.
void renderTrustMatrixPng(const records::Replay& replay, std::size_t row, const std::filesystem::path& path,
                          std::string_view highlight = {}, ChartImageSize size = {});

/// Renders the relations of `row` on a circle, each line coloured by the pair's mean trust (red = none, green =
/// full), the highlighted state's node enlarged. @throws as renderTrustMatrixPng.
void renderNetworkPng(const records::Replay& replay, std::size_t row, const std::filesystem::path& path,
                      std::string_view highlight = {}, ChartImageSize size = {});

} // namespace cybersim::plot
