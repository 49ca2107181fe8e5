// SPDX-License-Identifier: MIT
// A run recorded round by round for replay and scrubbing (`cybersim run --record`, lessons, the GUI's timeline).
#pragma once

#include "cybersim/engine/simulation.hpp"
#include "cybersim/records/run_record.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cybersim::records
{

/// One relation of a replay: an undirected pair, a < b, with its interdependence.
struct ReplayRelation
{
    std::uint32_t a = 0; // state index, a < b
    std::uint32_t b = 0; // state index
    double weight = 0.0; // interdependence w, (0,1]
};

/// Everything needed to show any round of a finished run again: world metrics, per-state figures, events, and the
/// trust of every relation in both directions. Row r holds the figures after round r (row 0 = the initial world).
struct Replay
{
    std::string scenarioName;
    std::string scenarioDescription;
    std::string roundLabel; // what one round stands for, e.g. "quarter"
    Provenance provenance;
    RunRecord record;                      // series, states (always recorded) and events
    std::vector<ReplayRelation> relations; // ordered by (a, b), as Simulation::edges()
    std::vector<double> trust;             // rows x relations x 2: trust a->b, then b->a
    std::vector<std::string> allied;       // per row, one '0'/'1' character per relation

    /// Starts recording `simulation` with its current figures (row 0).
    void begin(const engine::Simulation& simulation);
    /// Appends the round just played.
    void capture(const engine::Simulation& simulation);
    /// Rows recorded (rounds played + 1 after begin()).
    [[nodiscard]] std::size_t rowCount() const noexcept { return record.series.size(); }
    /// The relations with their trust as recorded in `row`, as Simulation::edges() returned them then.
    /// @throws ConfigError when `row` is out of range.
    [[nodiscard]] std::vector<engine::EdgeView> edgesAt(std::size_t row) const;
    /// Per-state figures of `row` (empty when the record has none).
    [[nodiscard]] std::span<const engine::StateMetrics> statesAt(std::size_t row) const;
};

/// The replay as JSON text (format "cybersim-replay", version 2; see docs/lessons.md "Replay files").
[[nodiscard]] std::string replayJson(const Replay& replay);

/// Parses replay JSON of version 2, or 1 (which does not record StateMetrics::active: every state reads as active).
/// @throws ScenarioError naming `fileName` and the key for malformed or inconsistent input.
[[nodiscard]] Replay parseReplayJson(std::string_view text, std::string_view fileName);

/// Writes the replay to `path` atomically. @throws ConfigError when the file cannot be written.
void writeReplayFile(const std::filesystem::path& path, const Replay& replay);

/// Reads a replay file. @throws ScenarioError for a missing, unreadable or malformed file.
[[nodiscard]] Replay readReplayFile(const std::filesystem::path& path);

} // namespace cybersim::records
