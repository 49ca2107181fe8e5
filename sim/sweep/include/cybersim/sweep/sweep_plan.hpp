// SPDX-License-Identifier: MIT
// Parameter sweeps: the spec a modeller writes (TOML), and the plan it expands to (points x replicates -> runs).
#pragma once

#include "cybersim/engine/metrics.hpp"
#include "cybersim/scenario/scenario.hpp"
#include "cybersim/scenario/scenario_schema.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cybersim::core
{
class Catalogue;
} // namespace cybersim::core

namespace cybersim::sweep
{

/// How the points of a sweep are chosen.
enum class SweepSampling : std::uint8_t
{
    Grid,           // the cartesian product of every parameter's list of values
    Uniform,        // `samples` independent uniform draws in each sampled parameter's [min, max]
    LatinHypercube, // `samples` points, one in each of `samples` equal strata of every sampled parameter (McKay 1979)
};

/// One scenario key the sweep varies.
struct SweepParameter
{
    std::string key; // key path as written: "noise.false_attribution", "states[2].capability" or
                     // "states[*].capability" (every element)
    std::vector<scenario::ParamValue>
        values;           // grid values in the order given (a list, or from/to/step expanded); empty when
                          // sampled. For a list-valued key, each is the canonical TOML text of a whole
                          // array (a std::string such as "[0.5, 0.5]"), as --set and points.csv write it
    bool list = false;    // the key is list-valued (listParameters(): game.payoffs, generate.doctrines...);
                          // only values = [[...], ...] can vary it
    bool sampled = false; // true: drawn in [min, max] by the spec's sampling method
    double min = 0.0;     // sampled lower bound, inclusive
    double max = 0.0;     // sampled upper bound, inclusive (>= min)
    bool integer = false; // the key takes integers; samples are whole numbers in [min, max]
    int line = 0;         // where the parameter is written in the spec, for diagnostics
    // List-valued keys: line and column of each values[] element in the spec, for diagnostics about a point; empty
    // otherwise.
    std::vector<std::pair<int, int>> valuePositions;
};

/// What a metric reduces a run to.
enum class SweepStat : std::uint8_t
{
    Final,  // the world metric's value after the last round
    Mean,   // the mean of the world metric over rounds [windowFrom, windowTo]
    TimeTo, // the first round at which a condition holds or an event happens; empty (NaN) if it never does
};

/// Comparisons a time-to condition may use.
enum class SweepComparison : std::uint8_t
{
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
};

/// One column the sweep records per run.
struct SweepMetric
{
    std::string name;                  // column name in runs.csv and points.csv, unique
    SweepStat stat = SweepStat::Final; // how the run is reduced
    std::string of;                    // world metric (a worldMetricNames() entry); empty for an event
    int windowFrom = 1;                // Mean: first round of the window (rounds played, 0 = initial world), >= 0
    int windowTo = 0;                  // Mean: last round of the window, inclusive; 0 = the run's last round
    std::string when;                  // TimeTo: the condition as written ("mean_trust < 0.2", "runaway")
    SweepComparison comparison = SweepComparison::Less; // TimeTo condition on `of`
    double threshold = 0.0;                             // TimeTo condition's right-hand side
    std::optional<engine::EventType> event;             // TimeTo an engine event instead of a condition
    int line = 0;                                       // where the metric is written in the spec
};

/// A sweep as the modeller wrote it, fully checked (see docs/sweeps.md for the file format).
struct SweepSpec
{
    std::string file;                  // spec path as given (diagnostics, provenance)
    std::string name;                  // short identifier; default: the file's stem
    std::string description;           // one line: the question the sweep answers
    std::string scenario = "default";  // base scenario: "default", a shipped name or a path relative to the
                                       // spec's folder
    std::optional<std::uint64_t> seed; // base seed for run seeds and sampling; default: the scenario's run.seed
    int replicates = 1;                // runs per point, [1, 1000000]
    SweepSampling sampling = SweepSampling::Grid; // how sampled parameters are drawn
    int samples = 0;                              // points drawn for sampled parameters, [1, 10000000] when any
    std::vector<std::pair<std::string, scenario::ParamValue>>
        set;                                // fixed values applied to every run ([set] table); a
                                            // list-valued key's value is its TOML text, as in values
    std::vector<SweepParameter> parameters; // varied keys, in file order
    std::vector<SweepMetric> metrics;       // recorded columns, in file order; at least one
    std::vector<std::uint64_t> seriesRuns;  // run indices whose per-round series are written (series/run-N/)
};

/// Parses and checks a sweep spec. Scenario-dependent checks (key ranges, windows) happen in makeSweepPlan.
/// @throws ScenarioError with every problem found (file, line, column, key, value, what is allowed).
[[nodiscard]] SweepSpec parseSweepSpec(std::string_view text, std::string_view fileName);

/// Reads a spec file (UTF-8 text, at most 16 MiB) and parses it as parseSweepSpec does.
/// @throws ScenarioError for a missing, unreadable or empty file and for every content problem.
[[nodiscard]] SweepSpec loadSweepSpec(const std::filesystem::path& path);

/// Loads the spec's base scenario: "default" (or empty) is the embedded default; otherwise a path relative to the
/// spec's folder, an absolute path, or the name of a scenario in `shippedFolder` (without ".toml").
/// @throws ScenarioError naming the spec's `scenario` key when it cannot be found, and every scenario problem.
[[nodiscard]] scenario::Scenario loadSweepBase(const SweepSpec& spec, const core::Catalogue& catalogue,
                                               const std::filesystem::path& shippedFolder);

/// One run of a sweep: which point, which replicate, which seed (FLAME GPU RunPlan style).
struct SweepRun
{
    std::uint64_t index = 0; // position in run order: point * replicates + replicate
    std::uint32_t point = 0; // index into SweepPlan::points()
    std::uint32_t replicate = 0;
    std::uint64_t seed = 0; // deriveSeed(baseSeed, point, replicate); becomes the run's run.seed
};

/// The expanded sweep: the base scenario, every point's parameter values and scenario, and the runs. Immutable.
class SweepPlan
{
public:
    /// Expands `spec` over `base` (already loaded, parsed once): applies [set], builds every point's values with the
    /// schema setters, and validates each distinct point's scenario before anything runs.
    /// @throws ScenarioError locating every problem in the spec (unknown keys, values out of range, windows beyond the
    /// run, points the scenario rules reject).
    SweepPlan(SweepSpec spec, scenario::Scenario base, const core::Catalogue& catalogue);

    [[nodiscard]] const SweepSpec& spec() const noexcept { return m_spec; }
    /// The base scenario with the spec's [set] values applied.
    [[nodiscard]] const scenario::Scenario& base() const noexcept { return m_base; }
    /// The base seed run seeds are derived from.
    [[nodiscard]] std::uint64_t baseSeed() const noexcept { return m_baseSeed; }
    /// Parameter values of every point; values()[p][k] belongs to spec().parameters[k].
    [[nodiscard]] const std::vector<std::vector<scenario::ParamValue>>& points() const noexcept { return m_points; }
    [[nodiscard]] std::size_t pointCount() const noexcept { return m_points.size(); }
    [[nodiscard]] std::uint64_t runCount() const noexcept;
    /// The run at `index` (< runCount()).
    [[nodiscard]] SweepRun run(std::uint64_t index) const;
    /// The scenario a point runs (base plus the point's values); its run.seed is the base's.
    [[nodiscard]] const scenario::Scenario& pointScenario(std::size_t point) const
    {
        return m_pointScenarios.at(point);
    }
    /// The scenario of one run: the point's scenario with the run's seed.
    [[nodiscard]] scenario::Scenario runScenario(std::uint64_t index) const;
    /// "key=value" overrides that reproduce a point with `cybersim run SCENARIO --seed S --set ...`, [set] included.
    [[nodiscard]] std::vector<std::string> overrides(std::size_t point) const;
    /// The resolved spec as canonical JSON (what sweep.json records under "spec").
    [[nodiscard]] const std::string& resolvedJson() const noexcept { return m_resolvedJson; }
    /// A hash (16 hex digits) of the resolved spec, the base scenario and the version: equal hashes, equal results.
    [[nodiscard]] const std::string& specHash() const noexcept { return m_specHash; }
    /// scenarioHash() of the base scenario with [set] applied.
    [[nodiscard]] const std::string& baseHash() const noexcept { return m_baseHash; }
    /// What the plan changed besides the spec's values: scheduled events left out of runs whose run.rounds ([set] or
    /// a swept value) ends before them, as `cybersim run --rounds` does; one line per run length.
    [[nodiscard]] const std::vector<std::string>& notes() const noexcept { return m_notes; }

private:
    static constexpr std::size_t kMaxNotes = 5;

    SweepSpec m_spec;
    scenario::Scenario m_base;
    std::uint64_t m_baseSeed = 0;
    std::vector<std::vector<scenario::ParamValue>> m_points;
    std::vector<scenario::Scenario> m_pointScenarios;
    std::string m_resolvedJson;
    std::string m_specHash;
    std::string m_baseHash;
    std::vector<std::string> m_notes;
};

/// Sets `keyPath` ("a.b", "arr[i].b" or "arr[*].b") in `scenario` to `value`, checking the schema's type and range.
/// A list-valued key ("game.payoffs") takes the TOML text of a whole array as a std::string ("[[3, 0], [5, 1]]"),
/// read as the scenario loader reads it; the rules that span several keys are checked when a plan validates points.
/// @return the problem in house style, or nothing when the value was applied.
[[nodiscard]] std::optional<std::string> applySweepValue(scenario::Scenario& scenario, std::string_view keyPath,
                                                         const scenario::ParamValue& value);

/// The text of `value` for `keyPath` as `--set keyPath=TEXT` takes it: formatValue(value), or for a list-valued key
/// its TOML array text unquoted.
[[nodiscard]] std::string sweepValueText(std::string_view keyPath, const scenario::ParamValue& value);

/// The sampled parameters' unit-cube coordinates for `samples` points: u[i][k] in [0, 1). Latin hypercube puts
/// exactly one point in each of `samples` strata per dimension. Deterministic in `seed`.
[[nodiscard]] std::vector<std::vector<double>> sampleUnitCube(SweepSampling method, std::size_t samples,
                                                              std::size_t dimensions, std::uint64_t seed);

} // namespace cybersim::sweep
