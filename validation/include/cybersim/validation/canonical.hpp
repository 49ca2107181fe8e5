// SPDX-License-Identifier: MIT
// The canonical results of the field (validation/data/CANONICAL.md) as named checks: published figure, ours, verdict.
#pragma once

#include "cybersim/validation/check_chart.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cybersim::validation
{

/// The verdict on one compared quantity.
enum class Status : std::uint8_t
{
    Pass,           // within tolerance
    Fail,           // outside tolerance
    Skip,           // could not be run here (e.g. the reference data files are missing); never counts as a pass
    NotImplemented, // the engine cannot run this setup yet
    Info,           // reported for comparison, no tolerance applies (e.g. scores of reconstructed programs)
};

/// "PASS", "FAIL", "SKIP", "NOT IMPLEMENTED" or "INFO".
[[nodiscard]] const char* statusName(Status status) noexcept;

/// One compared quantity of a check.
struct ValidationRow
{
    std::string quantity;  // what is compared, one line
    std::string published; // the published (or closed-form) figure, as text
    std::string ours;      // our figure, as text
    std::string tolerance; // the tolerance, as text (e.g. ">= 0.95", "3 SE", "1e-12 rel")
    Status status = Status::Info;
    std::string note; // replicates, standard error, method; may be empty
};

/// The outcome of one named check.
struct CheckReport
{
    std::string name;     // e.g. "axelrod-1980"
    std::string title;    // one line
    std::string citation; // the published source
    std::string method;   // how our figure is produced (engine scenario, theory layer, tournament)
    std::vector<ValidationRow> rows;
    CheckChart chart;     // the chart that shows this result (`cybersim validate --out` renders it); may be empty
    double seconds = 0.0; // wall time of the check

    /// Fail if any row failed; else Skip / NotImplemented if every row is; else Pass (Info rows are neutral).
    [[nodiscard]] Status status() const noexcept;
};

/// Where the checks find their inputs and how hard they work. The front end fills in both folders, normally from
/// scenario::DataLocator; a check whose folder is left empty fails, saying so.
struct ValidationOptions
{
    bool quick = false;                 // small variant: seconds for the whole set (the test suite runs it)
    std::filesystem::path referenceDir; // the reference tables (*.tsv): DataLocator::validationDir(); no default
    std::filesystem::path scenariosDir; // shipped scenarios (classic/*.toml): DataLocator::scenariosDir(); no default
    std::size_t threads = 0;       // worker threads for tournaments; 0 = oneTBB's default; results do not depend on it
    std::uint64_t seed = 20260101; // master seed of every stochastic check
};

/// A check that can be run by name.
struct CheckInfo
{
    std::string name;  // command-line name
    std::string title; // one line
};

/// Every check, in CANONICAL.md order.
[[nodiscard]] const std::vector<CheckInfo>& canonicalChecks();

/// Runs one check by name. Problems inside a check (a missing file, an engine error) become FAIL or SKIP rows; this
/// function throws only for an unknown name.
/// @throws ConfigError for a name not in canonicalChecks()
[[nodiscard]] CheckReport runCheck(const std::string& name, const ValidationOptions& options);

/// The reports as CSV: one line per compared quantity, with its check's name, status and citation.
[[nodiscard]] std::string reportsCsv(const std::vector<CheckReport>& reports);
/// The reports as JSON (one object per check with its rows and its chart's data), with the version, build and variant.
[[nodiscard]] std::string reportsJson(const std::vector<CheckReport>& reports, bool quick);

/// Simulates the fixation of one mutant in a well-mixed finite population of size N until it fixes or dies out.
/// Used to check the closed forms by simulation (a small general simulator, independent of the theory layer).
struct FixationSimulationDef
{
    enum class Process : std::uint8_t
    {
        Moran,    // birth-death: a reproducer chosen with probability proportional to fitness replaces a random other
        Pairwise, // a random individual imitates a random other with probability 1 / (1 + exp(-beta (f_o - f_s)))
    };
    Process process = Process::Moran;
    int populationSize = 10; // N, >= 2
    // Payoffs a (mutant-mutant), b (mutant-resident), c (resident-mutant), d (resident-resident); payoffs against the
    // N-1 others (no self-interaction), as in Nowak et al. 2004 and Traulsen et al. 2006.
    double a = 1.0, b = 1.0, c = 1.0, d = 1.0;
    double intensity = 1.0; // Moran: w (fitness 1 - w + w payoff); Pairwise: beta
    int replicates = 10000; // independent runs, each from a single mutant
    std::uint64_t seed = 1; // master seed; run r draws from deriveSeed(seed, r)
};

/// Count of runs, out of def.replicates, in which the mutant fixed. Deterministic at any thread count.
[[nodiscard]] int simulateFixations(const FixationSimulationDef& def, std::size_t threads = 0);

} // namespace cybersim::validation
