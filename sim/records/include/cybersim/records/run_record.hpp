// SPDX-License-Identifier: MIT
// A run recorded round by round, and the plain files (CSV, JSON, GraphML) it is written to.
#pragma once

#include "cybersim/engine/metrics.hpp"
#include "cybersim/engine/simulation.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cybersim::engine
{
class SpatialGame;
} // namespace cybersim::engine

namespace cybersim::records
{

/// Where a result came from; written into every output file.
struct Provenance
{
    std::uint64_t seed = 0;
    std::string scenarioHash; // scenarioHash() of the resolved scenario
    std::string version = CYBERSIM_VERSION;
    std::string build; // compiler, build type and flags (buildDescription())
};

/// How a run was made, beyond its provenance: the engine that ran it and the scheduled events left out of it.
/// Written into summary.json.
struct RunNotes
{
    std::string engine = "general"; // "general" (sim::Simulation) or "spatial" (the lattice kernel, sim::SpatialGame)
    std::string engineNote;         // why that engine, e.g. "--engine auto: a lattice spatial game"; empty = not said
    std::vector<scenario::EventDef>
        droppedEvents; // scheduled events left out because the run was cut short before them
};

/// The compiler, build type and options this library was built with.
[[nodiscard]] std::string buildDescription();

/// World metrics for every round (row 0 = the initial world), per-state figures when asked, and the event log.
struct RunRecord
{
    std::vector<std::string> stateNames;
    std::vector<std::string> doctrineNames;
    std::vector<engine::WorldMetrics> series;
    std::vector<engine::StateMetrics> states; // series.size() x stateNames.size(), round-major; empty when not recorded
    std::vector<engine::EventRecord> events;
    bool recordStates = true;

    /// Starts a record of `simulation` with its current (usually initial) figures.
    void begin(const engine::Simulation& simulation);
    /// Appends the figures and events of the round just played.
    void capture(const engine::Simulation& simulation);
};

/// Names of the world-metric columns, in the order writeTimeseriesCsv writes them.
[[nodiscard]] const std::vector<std::string>& worldMetricNames();
/// The value of world metric `name` (a worldMetricNames() entry) in `m`; NaN for an unknown name.
[[nodiscard]] double worldMetricValue(const engine::WorldMetrics& m, std::string_view name);
/// Sets world metric `name` in `m` (counts are rounded toward zero); false for an unknown name.
bool setWorldMetricValue(engine::WorldMetrics& m, std::string_view name, double value);

/// Writes `contents` to `path` atomically: a temporary file in the same folder, flushed, then renamed over `path`,
/// so an interrupted run never leaves a half file that looks whole.
/// @throws ConfigError when the file cannot be written.
void writeFileAtomically(const std::filesystem::path& path, const std::string& contents);

/// Writes timeseries.csv, states.csv (when recorded), events.csv, network.graphml and summary.json into `folder`
/// (created if missing). Each CSV row starts with the seed and scenario hash; JSON and GraphML carry the full
/// provenance. The other files a run can write there (states.csv when not recorded, lattice.pbm), left by an earlier
/// run, are removed before summary.json is written; no other file is touched.
/// @return the names of the files removed. @throws ConfigError when the folder or a file cannot be written or removed.
std::vector<std::string> writeRunOutputs(const std::filesystem::path& folder, const RunRecord& record,
                                         const engine::Simulation& finalState, const Provenance& provenance,
                                         const RunNotes& notes = {});

/// The final metrics, provenance and notes as JSON text (summary.json).
[[nodiscard]] std::string summaryJson(const RunRecord& record, const engine::Simulation& finalState,
                                      const Provenance& provenance, const RunNotes& notes = {});

/// The world-metric columns a lattice-kernel run fills, in timeseries.csv order (a subset of worldMetricNames()):
/// cooperation_rate, attacks, intrusions and active_states. The others (trust, arms, welfare...) are not computed by
/// the kernel and are left out of its files rather than written as zeros.
[[nodiscard]] const std::vector<std::string>& spatialMetricNames();

/// The world metrics sim::Simulation reports for round `round` of a lattice spatial game whose grid at the start of
/// that round is `game`'s current grid (round 0, the initial world, has no acts). Fills the spatialMetricNames()
/// fields, bit for bit as the engine does; the other fields stay at their defaults.
[[nodiscard]] engine::WorldMetrics spatialRoundMetrics(const engine::SpatialGame& game, int round);

/// Writes a lattice-kernel run into `folder` (created if missing): timeseries.csv (seed, scenario hash, round and
/// the spatialMetricNames() columns), lattice.pbm (the final grid as a black-and-white image: black = defector) and
/// summary.json, last. states.csv, events.csv and network.graphml are not written (a million cells make them
/// millions of rows a round, and the kernel keeps no trust network); those, left by an earlier run, are removed before
/// summary.json is written, as writeRunOutputs does.
/// @return the names of the files removed. @throws ConfigError when a file cannot be written or removed.
std::vector<std::string> writeSpatialRunOutputs(const std::filesystem::path& folder,
                                                const std::vector<engine::WorldMetrics>& series,
                                                const engine::SpatialGame& finalGrid,
                                                const scenario::Scenario& scenario, const Provenance& provenance,
                                                const RunNotes& notes);

} // namespace cybersim::records
