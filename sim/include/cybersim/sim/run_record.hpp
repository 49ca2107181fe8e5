// SPDX-License-Identifier: MIT
// A run recorded round by round, and the plain files (CSV, JSON, GraphML) it is written to.
#pragma once

#include "cybersim/sim/metrics.hpp"
#include "cybersim/sim/simulation.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cybersim::sim
{

/// Where a result came from; written into every output file.
struct Provenance
{
    std::uint64_t seed = 0;
    std::string scenarioHash; // scenarioHash() of the resolved scenario
    std::string version = CYBERSIM_VERSION;
    std::string build; // compiler, build type and flags (buildDescription())
};

/// The compiler, build type and options this library was built with.
[[nodiscard]] std::string buildDescription();

/// World metrics for every round (row 0 = the initial world), per-state figures when asked, and the event log.
struct RunRecord
{
    std::vector<std::string> stateNames;
    std::vector<std::string> doctrineNames;
    std::vector<WorldMetrics> series;
    std::vector<StateMetrics> states; // series.size() x stateNames.size(), round-major; empty when not recorded
    std::vector<EventRecord> events;
    bool recordStates = true;

    /// Starts a record of `simulation` with its current (usually initial) figures.
    void begin(const Simulation& simulation);
    /// Appends the figures and events of the round just played.
    void capture(const Simulation& simulation);
};

/// Names of the world-metric columns, in the order writeTimeseriesCsv writes them.
[[nodiscard]] const std::vector<std::string>& worldMetricNames();
/// The value of world metric `name` (a worldMetricNames() entry) in `m`; NaN for an unknown name.
[[nodiscard]] double worldMetricValue(const WorldMetrics& m, std::string_view name);
/// Sets world metric `name` in `m` (counts are rounded toward zero); false for an unknown name.
bool setWorldMetricValue(WorldMetrics& m, std::string_view name, double value);

/// Writes `contents` to `path` atomically: a temporary file in the same folder, flushed, then renamed over `path`,
/// so an interrupted run never leaves a half file that looks whole.
/// @throws ConfigError when the file cannot be written.
void writeFileAtomically(const std::filesystem::path& path, const std::string& contents);

/// Writes timeseries.csv, states.csv (when recorded), events.csv, network.graphml and summary.json into `folder`
/// (created if missing). Each CSV row starts with the seed and scenario hash; JSON and GraphML carry the full
/// provenance. @throws ConfigError when the folder or a file cannot be written.
void writeRunOutputs(const std::filesystem::path& folder, const RunRecord& record, const Simulation& finalState,
                     const Provenance& provenance);

/// The final metrics and provenance as JSON text (summary.json).
[[nodiscard]] std::string summaryJson(const RunRecord& record, const Simulation& finalState,
                                      const Provenance& provenance);

} // namespace cybersim::sim
