// SPDX-License-Identifier: MIT
// Charts of a sweep's output folder: each metric against the swept parameter with its 95% band, and heatmaps.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace cybersim::plot
{

/// The sweep folder cannot be plotted (missing or malformed points.csv or sweep.json).
class PlotInputError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// One column of points.csv.
struct SweepColumn
{
    std::string name;
    std::vector<std::string> text; // cells as written
    std::vector<double> numbers;   // cells as numbers; NaN where empty or not numeric
    bool numeric = true;           // every non-empty cell is a number
};

/// points.csv and the names sweep.json gives: swept parameters and metrics.
struct SweepTable
{
    std::vector<std::string> parameters; // swept keys, in spec order
    std::vector<std::string> metrics;    // metric names, in spec order
    std::vector<SweepColumn> columns;    // every column of points.csv
    std::string title;                   // the sweep's name and description

    /// The column with this name, or nullptr.
    [[nodiscard]] const SweepColumn* column(const std::string& name) const;
};

/// Reads DIR/points.csv and DIR/sweep.json. @throws PlotInputError naming the file and the problem.
[[nodiscard]] SweepTable readSweepTable(const std::filesystem::path& folder);

/// Renders every chart of the sweep in `folder` into `out` (created if missing), as PNG and SVG: per metric, a line
/// of means against the first swept parameter with a 95% confidence band (one line per value of a second parameter
/// with few values), and a heatmap of the means when two numeric parameters are swept. Uses Qt offscreen when no
/// display is set. @return the files written. @throws PlotInputError for bad input, std::runtime_error otherwise.
std::vector<std::filesystem::path> renderSweepCharts(const std::filesystem::path& folder,
                                                     const std::filesystem::path& out);

} // namespace cybersim::plot
