// SPDX-License-Identifier: MIT
// Running a sweep's runs: one run reduced to its metric values, and the whole plan spread over threads with oneTBB.
#pragma once

#include "cybersim/sweep/sweep_plan.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <vector>

namespace cybersim::core
{
class Catalogue;
} // namespace cybersim::core

namespace cybersim::sweep
{

class SweepJournal;

/// Plays run `index` of `plan` to the end (serially: the sweep parallelises over runs) and returns its metric
/// values in spec().metrics order; NaN where a time-to event never happened.
/// @throws ConfigError if the scenario names a strategy or doctrine the catalogue lacks.
[[nodiscard]] std::vector<double> runSweepRun(const SweepPlan& plan, std::uint64_t index,
                                              const core::Catalogue& catalogue);

/// Plays run `index` again with a full round-by-round record and writes its files (timeseries.csv, events.csv,
/// summary.json, ...) into `folder`. @throws ConfigError when the folder cannot be written.
void writeSweepSeries(const SweepPlan& plan, std::uint64_t index, const core::Catalogue& catalogue,
                      const std::filesystem::path& folder);

/// Runs `pending` (run indices) on up to `threads` threads (0 = all cores), journalling each run as it finishes.
/// `progress` (may be empty) is called after each run with the number finished so far in this call; calls are
/// serialised but come from worker threads.
/// @throws whatever a run throws (the first such exception, after the other threads stop).
void runSweepLocal(const SweepPlan& plan, const core::Catalogue& catalogue, std::span<const std::uint64_t> pending,
                   SweepJournal& journal, int threads, const std::function<void(std::uint64_t done)>& progress = {});

} // namespace cybersim::sweep
