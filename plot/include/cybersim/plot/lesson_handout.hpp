// SPDX-License-Identifier: MIT
// A lesson's printable handout: the charts each step names as PNG, and one self-contained HTML page.
#pragma once

#include "cybersim/lesson/lesson_runner.hpp"
#include "cybersim/plot/lesson_charts.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace cybersim::plot
{

/// Writes, for every step `runner` has played, the charts the step names (step-NN-CHART.png) into `out` (created if
/// missing), then handout.html: title, summary, the quoted principle, each step's text, question and charts, a small
/// table of key figures at the step's start and end, and the reveals at the end for the debrief. The page uses
/// inline CSS with a print stylesheet and refers to the PNGs by relative path. @return the files written.
/// @throws std::runtime_error (or ConfigError) when a file cannot be written.
std::vector<std::filesystem::path> writeLessonHandout(const lesson::LessonRunner& runner,
                                                      const std::filesystem::path& out, ChartImageSize size = {});

} // namespace cybersim::plot
