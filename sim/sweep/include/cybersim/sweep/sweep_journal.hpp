// SPDX-License-Identifier: MIT
// The journal of finished sweep runs: append-only, one checksummed line per run, so a killed sweep can resume.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <span>
#include <string>
#include <vector>

namespace cybersim::sweep
{

class SweepPlan;

/// What an output folder already holds.
struct SweepFolderState
{
    bool hasJournal = false;      // DIR/journal.tsv exists with a readable header
    std::string specHash;         // the spec hash in the journal's header
    std::uint64_t journalled = 0; // complete, valid run lines
    std::uint64_t runCount = 0;   // runs the journalled sweep has
    bool finished = false;        // DIR/sweep.json exists (the sweep completed)
};

/// Metric values of every run of a plan that has finished; runs in run order.
struct SweepResults
{
    std::size_t metricCount = 0;
    std::vector<double> values; // runCount x metricCount, row-major; NaN where not done or never happened
    std::vector<bool> done;     // per run

    /// The values of run `index`.
    [[nodiscard]] std::span<const double> row(std::uint64_t index) const
    {
        return {values.data() + index * metricCount, metricCount};
    }
    /// Number of finished runs.
    [[nodiscard]] std::uint64_t doneCount() const noexcept;
};

/// Reads the state of `folder` without changing it.
[[nodiscard]] SweepFolderState inspectSweepFolder(const std::filesystem::path& folder);

/// Append-only journal DIR/journal.tsv. A header line carries the spec hash; each run line is
/// `index<TAB>value...<TAB>checksum`; a torn or corrupt line is ignored on reading (and dropped on resume).
class SweepJournal
{
public:
    /// The journal's file name inside the output folder.
    static constexpr const char* kFileName = "journal.tsv";

    /// Opens the journal of `plan` in `folder` (created if missing). With `resume`, the valid lines of an existing
    /// journal of the same spec are kept (see results()); otherwise any journal is replaced by an empty one.
    /// @throws ConfigError when the folder or the file cannot be written, or when resuming a journal of another spec.
    SweepJournal(const std::filesystem::path& folder, const SweepPlan& plan, bool resume);
    ~SweepJournal();
    SweepJournal(const SweepJournal&) = delete;
    SweepJournal& operator=(const SweepJournal&) = delete;

    /// Runs recorded before this session (resume), with their values.
    [[nodiscard]] const SweepResults& resumed() const noexcept { return m_resumed; }
    /// Appends one finished run: a single write(2) of a complete line. Thread-safe.
    /// @throws ConfigError when the write fails.
    void append(std::uint64_t index, std::span<const double> values);
    /// Flushes the journal to disk (fsync) and closes it.
    void close();

    /// Reads the journal at `path` for `plan`: the values of every valid line (first line wins for a run).
    /// @throws ConfigError when the file exists but its header names another spec.
    [[nodiscard]] static SweepResults read(const std::filesystem::path& path, const SweepPlan& plan);

private:
    std::filesystem::path m_path;
    std::size_t m_metricCount = 0;
    int m_fd = -1;
    std::mutex m_mutex;
    SweepResults m_resumed;
};

/// Formats one journal line for a run (exposed for tests that forge torn journals).
[[nodiscard]] std::string sweepJournalLine(std::uint64_t index, std::span<const double> values);

} // namespace cybersim::sweep
