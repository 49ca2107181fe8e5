// SPDX-License-Identifier: MIT
// Sweep results: per-point statistics (mean, sd, Student-t 95% interval) and the files runs.csv, points.csv,
// sweep.json.
#pragma once

#include "cybersim/sweep/sweep_journal.hpp"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

namespace cybersim::core
{
class Catalogue;
} // namespace cybersim::core

namespace cybersim::sweep
{

class SweepPlan;

/// Summary statistics of one metric at one point.
struct MetricSummary
{
    std::uint64_t n = 0; // values that are not NaN (a time-to event that never happened is NaN)
    double mean = 0.0;   // NaN when n = 0
    double sd = 0.0;     // sample standard deviation (n - 1); NaN when n < 2
    double ciLow = 0.0;  // mean - t(0.975, n-1) sd / sqrt(n); NaN when n < 2
    double ciHigh = 0.0; // mean + t(0.975, n-1) sd / sqrt(n); NaN when n < 2
};

/// Summarises `values` in order (deterministic sums), skipping NaN.
[[nodiscard]] MetricSummary summarise(std::span<const double> values);

/// The 0.975 quantile of Student's t with `df` degrees of freedom (df >= 1).
[[nodiscard]] double studentT975(std::uint64_t df);

/// How long the sweep took; recorded in sweep.json's "timing" (the only part that differs between repeats).
struct SweepTiming
{
    double wallSeconds = 0.0;          // this session, start to finish
    std::uint64_t runsThisSession = 0; // runs computed now (the rest came from the journal)
    int threads = 0;                   // worker threads per process
    int processes = 1;                 // MPI ranks (1 without MPI)
};

/// runs.csv: one row per run in run order (run, point, replicate, seed, parameters, metrics).
[[nodiscard]] std::string runsCsv(const SweepPlan& plan, const SweepResults& results);
/// points.csv: one row per point (parameters, runs, then mean, sd, ci_low, ci_high, n of each metric).
[[nodiscard]] std::string pointsCsv(const SweepPlan& plan, const SweepResults& results);
/// sweep.json: the resolved spec, version, build, scenario provenance, counts and timing.
[[nodiscard]] std::string sweepJson(const SweepPlan& plan, const SweepResults& results, const SweepTiming& timing);

/// Writes runs.csv, points.csv, the selected runs' series (series/run-N/) and, last, sweep.json into `folder`, each
/// atomically. Every run must be done. @throws ConfigError when a file cannot be written or a run is missing.
void writeSweepOutputs(const std::filesystem::path& folder, const SweepPlan& plan, const SweepResults& results,
                       const core::Catalogue& catalogue, const SweepTiming& timing);

} // namespace cybersim::sweep
