// SPDX-License-Identifier: MIT
// Checking a scenario's claims ([[claims]]): each claim becomes a one-point sweep over its seeds (and, with `versus`,
// a paired contrast sweep), whose values are judged as docs/claims.md describes.
#pragma once

#include "cybersim/scenario/scenario.hpp"
#include "cybersim/sweep/sweep_plan.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cybersim::core
{
class Catalogue;
} // namespace cybersim::core

namespace cybersim::claims
{

/// The verdict on one claim.
enum class ClaimStatus : std::uint8_t
{
    Pass,           // the claim holds
    Fail,           // the claim does not hold (an error)
    KnownFailure,   // the claim does not hold and says so in known_failure (not an error)
    UnexpectedPass, // the claim holds although known_failure says it does not (an error: update the claim)
};

/// "PASS", "FAIL", "KNOWN FAIL" or "UNEXPECTED PASS".
[[nodiscard]] std::string_view statusText(ClaimStatus status) noexcept;

/// True for the statuses that make a check fail: FAIL and UNEXPECTED PASS.
[[nodiscard]] bool isFailure(ClaimStatus status) noexcept;

/// What checking one claim found. Without versus the figures are share and mean; with versus they are the mean paired
/// difference and its 95% interval. A figure that does not apply, or has no defined value, is NaN.
struct ClaimResult
{
    /// The value of a figure that does not apply or is undefined.
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    std::string scenarioName;            // the scenario's name
    std::string scenarioFile;            // the file it was loaded from ("<default>" for the embedded default)
    std::string scenarioHash;            // scenarioHash() of the scenario (claims are not part of it)
    scenario::ClaimDef claim;            // the claim as written
    int seeds = 0;                       // seeds checked: claim.seeds, or the count every claim was given
    int windowTo = 0;                    // mean: the window's last round, claim.to resolved (0 = run.rounds)
    std::uint64_t baseSeed = 0;          // the scenario's run.seed, from which the run seeds derive
    std::vector<std::uint64_t> runSeeds; // run.seed of replicate r (of this scenario and of the contrast alike)
    std::vector<double> values;          // the claim's figure in each run, replicate order; NaN where undefined
    std::vector<double> contrastValues;  // with versus: the contrast's figure per replicate; empty without
    int undefined = 0;                   // replicates whose figure (with versus: either figure) is NaN
    double mean = kNaN;                  // mean of the defined values
    double contrastMean = kNaN;          // with versus: mean of the contrast's defined values
    double share = kNaN;                 // without versus: share of all seeds whose value satisfies the comparison
    double meanDifference = kNaN;        // with versus: mean of values[r] - contrastValues[r]
    double ciLow = kNaN;                 // with versus: meanDifference - t(0.975, n-1) sd / sqrt(n)
    double ciHigh = kNaN;                // with versus: meanDifference + t(0.975, n-1) sd / sqrt(n)
    bool holds = false;                  // the claim holds (before known_failure is taken into account)
    ClaimStatus status = ClaimStatus::Fail;
};

/// Judges `result` from its claim, values and contrast values (as run() does): fills undefined, mean, share or the
/// mean difference and its interval, holds and status. Without versus the claim holds when the share of all seeds
/// whose value satisfies `value <compare> claim.value` is at least claim.share (an undefined value does not satisfy
/// it); with versus, when the 95% interval of the paired differences lies wholly on the claimed side of claim.value
/// and no difference is undefined.
void judge(ClaimResult& result);

/// How many claims ended in each status.
struct ClaimTally
{
    int passed = 0;           // PASS
    int failed = 0;           // FAIL
    int knownFailures = 0;    // KNOWN FAIL
    int unexpectedPasses = 0; // UNEXPECTED PASS

    /// FAIL plus UNEXPECTED PASS: the claims that make a check fail.
    [[nodiscard]] int errors() const noexcept { return failed + unexpectedPasses; }
};

/// Counts the statuses of `results`.
[[nodiscard]] ClaimTally tally(std::span<const ClaimResult> results) noexcept;

/// The checks a scenario's claims need, planned and validated: one sweep plan without the claims' contrasts and one
/// per distinct `versus`, each a single point whose replicate r runs seed deriveSeed(run.seed, 0, r), so a claim and
/// its contrast are paired seed by seed. Claims that share a contrast share its runs (a run's figures do not depend on
/// which are recorded). Immutable once built.
class ClaimCheck
{
public:
    /// Checks every claim of `scenario` and plans its runs; nothing runs yet.
    /// @param seeds when given, every claim is checked over this many seeds instead of its own count, [2, 10000]
    /// @throws ScenarioError with every problem, each located at the claim's line in the scenario file under its key
    /// (claims[i].metric, claims[i].versus, claims[i].from, ...): unknown metrics, unknown or read-only contrast keys,
    /// contrast values out of range or making the scenario invalid, windows beyond run.rounds, seeds and shares out
    /// of range.
    ClaimCheck(const scenario::Scenario& scenario, const core::Catalogue& catalogue, std::optional<int> seeds = {});

    /// The scenario's name.
    [[nodiscard]] const std::string& scenarioName() const noexcept { return m_name; }
    /// Number of claims checked (the scenario's, in file order).
    [[nodiscard]] std::size_t claimCount() const noexcept { return m_claims.size(); }
    /// Runs that run() plays: the longest seed count without a contrast plus that of each distinct contrast.
    [[nodiscard]] std::uint64_t runCount() const noexcept;

    /// Plays every planned run on up to `threads` threads (0 = all cores) and judges each claim. Values are stored by
    /// run index, so the results are identical at any thread count. `progress` (may be empty) is called after each
    /// run with the number finished so far; calls are serialised but come from worker threads.
    /// @return one result per claim, in the scenario's order.
    /// @throws ConfigError if the scenario names a strategy or doctrine `catalogue` lacks.
    [[nodiscard]] std::vector<ClaimResult> run(const core::Catalogue& catalogue, int threads = 0,
                                               const std::function<void(std::uint64_t done)>& progress = {}) const;

private:
    struct PlannedClaim
    {
        scenario::ClaimDef def;
        int seeds = 0;                  // replicates this claim uses (a prefix of its plans' replicates)
        int windowTo = 0;               // resolved last round of a mean window
        std::size_t contrast = 0;       // index into m_contrasts + 1; 0 = no contrast
        std::size_t metric = 0;         // the claim's column in the main plan
        std::size_t contrastMetric = 0; // the claim's column in its contrast plan
    };

    std::string m_name;
    std::string m_file;
    std::string m_hash;
    std::uint64_t m_baseSeed = 0;
    std::vector<PlannedClaim> m_claims;
    std::vector<sweep::SweepPlan> m_plans; // [0]: without contrast (when there are claims); then one per contrast
};

/// Plans and runs the claims of `scenario` in one call: ClaimCheck(scenario, catalogue, seeds).run(catalogue, threads).
/// @throws ScenarioError for bad claims (nothing runs), ConfigError as ClaimCheck::run.
[[nodiscard]] std::vector<ClaimResult> checkClaims(const scenario::Scenario& scenario, const core::Catalogue& catalogue,
                                                   int threads = 0, std::optional<int> seeds = {});

/// The claim's figure in words: "mean_trust, mean of rounds 1-200" or "cooperation_rate, final".
[[nodiscard]] std::string metricText(const ClaimResult& result);

/// What the claim expects, e.g. "< 0.2 in >= 90% of 20 seeds" or "below versus arms.reactivity=0, 95% CI" (with a
/// margin: "difference > 0.1 versus noise.execution=0.3, 95% CI").
[[nodiscard]] std::string expectedText(const ClaimResult& result);

/// What was measured, e.g. "95% (19 of 20), mean 0.134" or "difference -3.1, 95% CI [-4.02, -2.18]"; undefined runs
/// are counted at the end ("; 2 undefined").
[[nodiscard]] std::string measuredText(const ClaimResult& result);

/// The results as CSV, one row per claim (claims.csv; columns in docs/claims.md), each row with the scenario's hash,
/// the base seed and the version.
[[nodiscard]] std::string claimsCsv(std::span<const ClaimResult> results);

/// The results as JSON (claims.json): the version and build, the tally, and per claim the claim, its figures, run
/// seeds and per-seed values (NaN as null).
[[nodiscard]] std::string claimsJson(std::span<const ClaimResult> results);

} // namespace cybersim::claims
