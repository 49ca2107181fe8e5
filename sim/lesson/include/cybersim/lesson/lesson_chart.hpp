// SPDX-License-Identifier: MIT
// The fixed list of views a lesson step can name, and the data each one shows, taken from a Replay.
#pragma once

#include "cybersim/records/replay.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cybersim::lesson
{

/// A view a lesson step can ask for. Time-series views plot rounds on x; Network and TrustMatrix show one round.
enum class LessonChart : std::uint8_t
{
    CooperationTrust, // cooperation rate and mean trust, [0,1]
    Arms,             // total offensive arms and total defence
    ArmsStability,    // the arms-stability eigenvalue (> 0 = runaway race)
    CommonSecurity,   // common security index and contribution ratio
    Threat,           // the non-state threat stock H
    Norms,            // norms adopted so far, and norm violations per round
    Welfare,          // welfare (sum of payoffs) per round
    Accusations,      // accusations, groundless accusations and intrusions per round
    Surveillance,     // states surveilling and disclosures per round
    Legitimacy,       // mean legitimacy, and the highlighted state's
    StateTrust,       // trust each state receives; the highlighted state drawn thick
    DoctrinePayoffs,  // mean cumulative payoff of the states holding each doctrine
    Network,          // the relations at the step's last round, coloured by trust
    TrustMatrix,      // the trust matrix at the step's last round
};

/// Every chart, in the order the documentation lists them.
[[nodiscard]] const std::vector<LessonChart>& lessonCharts();
/// The chart's name as written in lesson files, kebab-case (e.g. "cooperation-trust").
[[nodiscard]] std::string_view lessonChartName(LessonChart chart) noexcept;
/// A title for the chart, for captions and handouts.
[[nodiscard]] std::string_view lessonChartTitle(LessonChart chart) noexcept;
/// The chart with this name, or nothing.
[[nodiscard]] std::optional<LessonChart> findLessonChart(std::string_view name) noexcept;
/// True for charts that plot rounds on x (all but Network and TrustMatrix).
[[nodiscard]] bool isTimeSeriesChart(LessonChart chart) noexcept;

/// One line of a time-series chart.
struct ChartSeries
{
    std::string name;           // legend text
    std::vector<double> values; // one per round in ChartData::rounds
    bool emphasised = false;    // the highlighted state: draw thicker
    bool muted = false;         // background lines (other states): draw thin and grey
};

/// A mark on the time axis: an event worth pointing at, or where a step began.
struct ChartMarker
{
    int round = 0;
    std::string label;
};

/// What a time-series chart shows: x = rounds, one or more lines, optional fixed y range.
struct ChartData
{
    std::string title;
    std::string yLabel;
    std::string xLabel;      // e.g. "round (quarter)"
    std::vector<int> rounds; // x values
    std::vector<ChartSeries> series;
    std::optional<double> yMin; // fixed lower bound (e.g. 0 for shares)
    std::optional<double> yMax; // fixed upper bound (e.g. 1 for shares)
    bool zeroLine = false;      // draw y = 0 (the stability eigenvalue's sign matters)
    std::vector<ChartMarker> markers;
};

/// The data of time-series `chart` over rows [0, lastRow] of `replay`, with the state named `highlight` (may be empty)
/// emphasised where the chart has per-state lines. Events worth a marker (disclosures, runaway, norms adopted, first
/// shortfall, parameter changes) become markers. @throws ConfigError for a non-time-series chart or a bad row.
[[nodiscard]] ChartData timeSeriesChart(LessonChart chart, const records::Replay& replay, std::size_t lastRow,
                                        std::string_view highlight = {});

/// The trust matrix at `row`: n x n, row-major, entry (i, j) = how far i trusts j; NaN where i and j are not related.
/// @throws ConfigError for a bad row.
[[nodiscard]] std::vector<double> trustMatrixAt(const records::Replay& replay, std::size_t row);

} // namespace cybersim::lesson
