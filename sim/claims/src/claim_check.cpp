// SPDX-License-Identifier: MIT
// Checking claims: every claim is validated against the scenario before anything runs, then the claims' runs (one
// single-point sweep plan without contrast, one per contrast) are played on a oneTBB arena and judged.
#include "cybersim/claims/claim_check.hpp"

#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/records/run_record.hpp"
#include "cybersim/scenario/detail/toml_guard.hpp"
#include "cybersim/scenario/detail/toml_support.hpp"
#include "cybersim/scenario/nearest_key.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/scenario/scenario_schema.hpp"
#include "cybersim/sweep/sweep_output.hpp"
#include "cybersim/sweep/sweep_run.hpp"

#include <nlohmann/json.hpp>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <toml++/toml.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <variant>

namespace cybersim::claims
{

namespace
{

constexpr int kMinSeeds = 2;
constexpr int kMaxSeeds = 10000;

std::string quoted(const std::string& text)
{
    return scenario::formatValue(scenario::ParamValue(text));
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool isListKey(std::string_view key)
{
    const auto& lists = scenario::listParameters();
    return std::any_of(lists.begin(), lists.end(), [&](const scenario::ListParameterInfo& p) { return p.key == key; });
}

bool satisfies(scenario::ClaimComparison compare, double figure, double value)
{
    switch (compare)
    {
    case scenario::ClaimComparison::Below:
        return figure < value;
    case scenario::ClaimComparison::AtMost:
        return figure <= value;
    case scenario::ClaimComparison::Above:
        return figure > value;
    case scenario::ClaimComparison::AtLeast:
        break;
    }
    return figure >= value;
}

std::string_view compareSymbol(scenario::ClaimComparison compare)
{
    switch (compare)
    {
    case scenario::ClaimComparison::Below:
        return "<";
    case scenario::ClaimComparison::AtMost:
        return "<=";
    case scenario::ClaimComparison::Above:
        return ">";
    case scenario::ClaimComparison::AtLeast:
        break;
    }
    return ">=";
}

// The words scenario files use for the comparison (the schema's choices).
std::string_view compareName(scenario::ClaimComparison compare)
{
    switch (compare)
    {
    case scenario::ClaimComparison::Below:
        return "below";
    case scenario::ClaimComparison::AtMost:
        return "at-most";
    case scenario::ClaimComparison::Above:
        return "above";
    case scenario::ClaimComparison::AtLeast:
        break;
    }
    return "at-least";
}

std::string_view statName(scenario::ClaimStat stat)
{
    return stat == scenario::ClaimStat::Mean ? "mean" : "final";
}

// A figure for the table: four significant digits, "n/a" when undefined.
std::string figure(double v)
{
    if (std::isnan(v))
        return "n/a";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", v);
    return buffer;
}

std::string percent(double share)
{
    return std::isnan(share) ? std::string("n/a") : figure(100.0 * share) + "%";
}

std::string csvNumber(double v)
{
    return std::isnan(v) ? std::string() : scenario::formatReal(v);
}

std::string csvText(const std::string& s)
{
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (const char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

nlohmann::ordered_json number(double v)
{
    return std::isnan(v) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v);
}

// Edit distance from `word` to the closest substring of `text` (an edit-distance table whose first row is free, and
// whose last row's minimum is taken), so "trustt" is one edit from "mean_trust".
std::size_t substringDistance(std::string_view word, std::string_view text)
{
    std::vector<std::size_t> row(text.size() + 1, 0), next(text.size() + 1);
    for (std::size_t i = 1; i <= word.size(); ++i)
    {
        next[0] = i;
        for (std::size_t j = 1; j <= text.size(); ++j)
            next[j] = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + (word[i - 1] == text[j - 1] ? 0 : 1)});
        std::swap(row, next);
    }
    return *std::min_element(row.begin(), row.end());
}

// The world metric a mistyped name most likely means: the nearest whole name (core::suggestNearest), else the first
// (in timeseries.csv order) that holds the word with at most one edit, for words of four letters or more.
std::optional<std::string> nearestMetric(const std::string& word)
{
    const auto& metrics = records::worldMetricNames();
    if (auto near = core::suggestNearest(word, metrics))
        return near;
    if (word.size() < 4)
        return std::nullopt;
    for (const auto& m : metrics)
        if (substringDistance(word, m) <= 1)
            return m;
    return std::nullopt;
}

// A contrast as written, split and read: "key=value" with the value read as `--set key=value` reads it.
struct Contrast
{
    std::string key;            // trimmed key path
    scenario::ParamValue value; // the value read as TOML (a bare word is text); a list key keeps its array text
    std::string canonical;      // key=value with the value in canonical form: claims with equal texts share runs
};

// Reads the value text of an override: a TOML value, or a bare word taken as text (as the scenario loader reads
// --set values). @return the value, or the problem.
std::variant<scenario::ParamValue, std::string> readValueText(const std::string& valueText)
{
    const auto document = "v = " + valueText;
    const bool bare = valueText.find_first_of("\"'[]{}=#,\n\r") == std::string::npos;
    if (!scenario::detail::guardTomlText(document, 1).empty())
        return bare ? std::variant<scenario::ParamValue, std::string>(scenario::ParamValue(valueText))
                    : std::variant<scenario::ParamValue, std::string>("value " + valueText + " is not a TOML value");
    try
    {
        const auto table = toml::parse(document, std::string_view("<versus>"));
        const auto* node = table.get("v");
        if (table.size() != 1 || node == nullptr)
            return "value " + valueText + " is not a single TOML value";
        if (const auto scalar = scenario::detail::tomlScalar(*node))
            return *scalar;
        return "value " + valueText + " is " + scenario::detail::tomlKindText(*node) + ", expected a single value";
    }
    catch (const toml::parse_error&)
    {
        if (bare)
            return scenario::ParamValue(valueText);
        return "value " + valueText + " is not a TOML value";
    }
}

// Reads and checks `versus` against `scenario`: the key must name a key that changes a run, and its value must be
// one the key accepts in this scenario. @return the contrast, or the problem in house style.
std::variant<Contrast, std::string> readContrast(const std::string& versus, const scenario::Scenario& scenario)
{
    const auto eq = versus.find('=');
    const auto key = std::string(trimmed(std::string_view(versus).substr(0, eq == std::string::npos ? 0 : eq)));
    const auto valueText =
        eq == std::string::npos ? std::string() : std::string(trimmed(std::string_view(versus).substr(eq + 1)));
    if (eq == std::string::npos || key.empty() || valueText.empty())
        return "is " + quoted(versus) + ", expected \"key=value\" as --set takes it, e.g. \"arms.reactivity=0\"";

    std::string lookup = key;
    if (const auto star = lookup.find("[*]"); star != std::string::npos)
        lookup.replace(star, 3, "[]");
    const auto ref = scenario::resolveParameter(lookup);
    const auto* info = ref.info != nullptr ? ref.info : scenario::findParameter(lookup);
    const bool list = info == nullptr && isListKey(key);
    if (info == nullptr && !list)
    {
        const auto near = scenario::nearestKey(lookup);
        return "names " + quoted(key) + ", expected a scenario key" +
               (near ? " (did you mean " + quoted(*near) + "?)" : std::string(" (see `cybersim schema`)"));
    }
    if (info != nullptr && info->group == "claims")
        return "names " + quoted(key) + ", a key of the claims, which do not change a run; expected a scenario key";
    if (info != nullptr && info->key == "run.seed")
        return std::string("names \"run.seed\", which the check sets for each seed; expected another scenario key");
    if (info != nullptr && info->isElementKey() && lookup.find("[]") != std::string::npos &&
        key.find("[*]") == std::string::npos)
    {
        const auto array = info->key.substr(0, info->key.find("[]"));
        const auto field = std::string(info->field());
        return "names no element, expected " + quoted(array + "[2]." + field) + " or " + quoted(array + "[*]." + field);
    }

    Contrast contrast;
    contrast.key = key;
    if (list)
        contrast.value = valueText;
    else
    {
        auto read = readValueText(valueText);
        if (const auto* problem = std::get_if<std::string>(&read))
            return key + ": " + *problem;
        contrast.value = std::get<scenario::ParamValue>(std::move(read));
    }
    scenario::Scenario copy = scenario;
    if (const auto problem = sweep::applySweepValue(copy, key, contrast.value))
        return key + " " + *problem;
    contrast.canonical = key + "=" + sweep::sweepValueText(key, contrast.value);
    return contrast;
}

// The run length of the contrast (when it sets run.rounds), to check windows against.
int contrastRounds(const scenario::Scenario& scenario, const Contrast& contrast)
{
    scenario::Scenario copy = scenario;
    (void)sweep::applySweepValue(copy, contrast.key, contrast.value);
    return copy.run.rounds;
}

sweep::SweepSpec claimSpec(const scenario::Scenario& scenario, int replicates)
{
    sweep::SweepSpec spec;
    spec.file = scenario.sourceFile;
    spec.name = scenario.name;
    spec.description = "the claims of " + scenario.name;
    spec.scenario = scenario.sourceFile;
    spec.seed = scenario.run.seed;
    spec.replicates = replicates;
    return spec;
}

sweep::SweepMetric claimMetric(const scenario::ClaimDef& claim, std::size_t index)
{
    sweep::SweepMetric m;
    m.name = "claims[" + std::to_string(index) + "]";
    m.stat = claim.stat == scenario::ClaimStat::Mean ? sweep::SweepStat::Mean : sweep::SweepStat::Final;
    m.of = claim.metric;
    m.windowFrom = claim.from;
    m.windowTo = claim.to;
    m.line = claim.line;
    return m;
}

// The rules spanning several keys that the contrast breaks (the loader's own checks, which a sweep plan applies to
// its [set] values), joined with "; ", in the plan's words without its wording about [set]; nothing when it is valid.
std::optional<std::string> contrastProblems(const scenario::Scenario& base, const Contrast& contrast,
                                            const core::Catalogue& catalogue)
{
    auto spec = claimSpec(base, 1);
    sweep::SweepMetric probe;
    probe.name = "probe";
    probe.of = "cooperation_rate";
    spec.metrics.push_back(probe);
    spec.set = {{contrast.key, contrast.value}};
    try
    {
        (void)sweep::SweepPlan(std::move(spec), base, catalogue);
    }
    catch (const ScenarioError& error)
    {
        constexpr std::string_view kPrefix = "makes the base scenario invalid: ";
        std::string text;
        for (const auto& d : error.diagnostics())
        {
            std::string message = d.message;
            if (message.starts_with(kPrefix))
                message.erase(0, kPrefix.size());
            const bool setKey = d.keyPath.empty() || d.keyPath == "set" || d.keyPath.starts_with("set.");
            text += (text.empty() ? "" : "; ") + (setKey ? std::string() : d.keyPath + " ") + message;
        }
        return text;
    }
    return std::nullopt;
}

} // namespace

std::string_view statusText(ClaimStatus status) noexcept
{
    switch (status)
    {
    case ClaimStatus::Pass:
        return "PASS";
    case ClaimStatus::Fail:
        return "FAIL";
    case ClaimStatus::KnownFailure:
        return "KNOWN FAIL";
    case ClaimStatus::UnexpectedPass:
        break;
    }
    return "UNEXPECTED PASS";
}

bool isFailure(ClaimStatus status) noexcept
{
    return status == ClaimStatus::Fail || status == ClaimStatus::UnexpectedPass;
}

void judge(ClaimResult& r)
{
    const auto& c = r.claim;
    r.undefined = 0;
    r.mean = r.contrastMean = r.share = r.meanDifference = r.ciLow = r.ciHigh = ClaimResult::kNaN;
    const auto n = r.values.size();
    if (c.versus.empty())
    {
        std::size_t satisfied = 0;
        for (const double v : r.values)
        {
            if (std::isnan(v))
                ++r.undefined;
            else if (satisfies(c.compare, v, c.value))
                ++satisfied;
        }
        r.mean = sweep::summarise(r.values).mean;
        r.share = n == 0 ? 0.0 : double(satisfied) / double(n);
        r.holds = n > 0 && r.share >= c.share;
    }
    else
    {
        std::vector<double> differences(n);
        for (std::size_t i = 0; i < n; ++i)
        {
            differences[i] = i < r.contrastValues.size() ? r.values[i] - r.contrastValues[i] : ClaimResult::kNaN;
            if (std::isnan(differences[i]))
                ++r.undefined;
        }
        r.mean = sweep::summarise(r.values).mean;
        r.contrastMean = sweep::summarise(r.contrastValues).mean;
        const auto s = sweep::summarise(differences);
        r.meanDifference = s.mean;
        r.ciLow = s.ciLow;
        r.ciHigh = s.ciHigh;
        // An undefined difference leaves the interval undefined: the claim cannot be shown to hold.
        bool inside = false;
        switch (c.compare)
        {
        case scenario::ClaimComparison::Below:
            inside = s.ciHigh < c.value;
            break;
        case scenario::ClaimComparison::AtMost:
            inside = s.ciHigh <= c.value;
            break;
        case scenario::ClaimComparison::Above:
            inside = s.ciLow > c.value;
            break;
        case scenario::ClaimComparison::AtLeast:
            inside = s.ciLow >= c.value;
            break;
        }
        r.holds = r.undefined == 0 && s.n >= 2 && inside;
    }
    const bool known = !c.knownFailure.empty();
    if (r.holds)
        r.status = known ? ClaimStatus::UnexpectedPass : ClaimStatus::Pass;
    else
        r.status = known ? ClaimStatus::KnownFailure : ClaimStatus::Fail;
}

ClaimTally tally(std::span<const ClaimResult> results) noexcept
{
    ClaimTally t;
    for (const auto& r : results)
        switch (r.status)
        {
        case ClaimStatus::Pass:
            ++t.passed;
            break;
        case ClaimStatus::Fail:
            ++t.failed;
            break;
        case ClaimStatus::KnownFailure:
            ++t.knownFailures;
            break;
        case ClaimStatus::UnexpectedPass:
            ++t.unexpectedPasses;
            break;
        }
    return t;
}

ClaimCheck::ClaimCheck(const scenario::Scenario& scenario, const core::Catalogue& catalogue, std::optional<int> seeds)
    : m_name(scenario.name), m_file(scenario.sourceFile), m_hash(scenario::scenarioHash(scenario)),
      m_baseSeed(scenario.run.seed)
{
    std::vector<Diagnostic> problems;
    if (seeds && (*seeds < kMinSeeds || *seeds > kMaxSeeds))
        throw ScenarioError({Diagnostic{"", 0, 0, "--seeds",
                                        "is " + std::to_string(*seeds) + ", expected an integer in [" +
                                            std::to_string(kMinSeeds) + ", " + std::to_string(kMaxSeeds) + "]"}});

    // The claims do not change a run: the plans run the scenario without them (a contrast that changes run.rounds
    // would otherwise make their windows fail the loader's own checks).
    scenario::Scenario base = scenario;
    base.claims.clear();

    const auto& metrics = records::worldMetricNames();
    std::vector<std::optional<Contrast>> contrasts(scenario.claims.size());
    for (std::size_t i = 0; i < scenario.claims.size(); ++i)
    {
        const auto& c = scenario.claims[i];
        const auto at = "claims[" + std::to_string(i) + "]";
        const auto report = [&](const std::string& field, std::string message)
        {
            problems.push_back(
                Diagnostic{scenario.sourceFile, c.line, c.line > 0 ? 1 : 0, at + "." + field, std::move(message)});
        };
        if (std::find(metrics.begin(), metrics.end(), c.metric) == metrics.end())
        {
            const auto near = nearestMetric(c.metric);
            report("metric", "is " + quoted(c.metric) + ", expected a world metric" +
                                 (near ? " (did you mean " + quoted(*near) + "?)"
                                       : std::string(" (a column of timeseries.csv, such as cooperation_rate or "
                                                     "mean_trust)")));
        }
        if (!std::isfinite(c.value))
            report("value", "is " + scenario::formatReal(c.value) + ", expected a finite number");
        if (!seeds && (c.seeds < kMinSeeds || c.seeds > kMaxSeeds))
            report("seeds", "is " + std::to_string(c.seeds) + ", expected an integer in [" + std::to_string(kMinSeeds) +
                                ", " + std::to_string(kMaxSeeds) + "]");
        if (c.versus.empty() && !(c.share > 0.0 && c.share <= 1.0))
            report("share", "is " + scenario::formatReal(c.share) + ", expected a share in (0, 1]");

        std::optional<int> otherRounds; // the contrast's run length, when it differs
        if (!c.versus.empty())
        {
            auto read = readContrast(c.versus, base);
            if (const auto* problem = std::get_if<std::string>(&read))
                report("versus", *problem);
            else if (const auto invalid = contrastProblems(base, std::get<Contrast>(read), catalogue))
                report("versus", "is " + quoted(c.versus) + ", which makes the scenario invalid: " + *invalid);
            else
            {
                contrasts[i] = std::get<Contrast>(std::move(read));
                if (const int rounds = contrastRounds(base, *contrasts[i]); rounds != base.run.rounds)
                    otherRounds = rounds;
            }
        }
        if (c.stat == scenario::ClaimStat::Mean)
        {
            const int rounds = std::min(base.run.rounds, otherRounds.value_or(base.run.rounds));
            const auto limit = "expected at most run.rounds (" + std::to_string(rounds) +
                               (otherRounds && *otherRounds < base.run.rounds ? ", that of the contrast)" : ")");
            if (c.from < 0)
                report("from", "is " + std::to_string(c.from) + ", expected a round >= 0");
            else if (c.from > rounds)
                report("from", "is " + std::to_string(c.from) + ", " + limit);
            if (c.to < 0)
                report("to", "is " + std::to_string(c.to) + ", expected a round >= 0 (0 = the last round)");
            else if (c.to > rounds)
                report("to", "is " + std::to_string(c.to) + ", " + limit);
            else if (c.from >= 0 && c.from <= rounds && (c.to == 0 ? rounds : c.to) < c.from)
                report("to",
                       "is " + std::to_string(c.to) + ", expected at least from (" + std::to_string(c.from) + ")");
        }
    }
    if (!problems.empty())
        throw ScenarioError(std::move(problems));
    if (scenario.claims.empty())
        return;

    // Plan 0 runs the scenario as it is for every claim; then one plan per distinct contrast, in order of first use.
    std::map<std::string, std::size_t> contrastIndex;
    std::vector<std::vector<std::size_t>> contrastClaims;
    int mainReplicates = 0;
    std::vector<sweep::SweepMetric> mainMetrics;
    m_claims.resize(scenario.claims.size());
    for (std::size_t i = 0; i < scenario.claims.size(); ++i)
    {
        const auto& c = scenario.claims[i];
        auto& planned = m_claims[i];
        planned.def = c;
        planned.seeds = seeds.value_or(c.seeds);
        planned.windowTo = c.to == 0 ? base.run.rounds : c.to;
        planned.metric = mainMetrics.size();
        mainMetrics.push_back(claimMetric(c, i));
        mainReplicates = std::max(mainReplicates, planned.seeds);
        if (contrasts[i])
        {
            const auto [it, added] = contrastIndex.try_emplace(contrasts[i]->canonical, contrastClaims.size());
            if (added)
                contrastClaims.emplace_back();
            planned.contrast = it->second + 1;
            planned.contrastMetric = contrastClaims[it->second].size();
            contrastClaims[it->second].push_back(i);
        }
    }
    auto mainSpec = claimSpec(base, mainReplicates);
    mainSpec.metrics = std::move(mainMetrics);
    m_plans.emplace_back(std::move(mainSpec), base, catalogue);
    for (const auto& members : contrastClaims)
    {
        const auto first = members.front();
        const auto& contrast = *contrasts[first];
        int replicates = 0;
        auto spec = claimSpec(base, 0);
        for (const auto i : members)
        {
            replicates = std::max(replicates, m_claims[i].seeds);
            spec.metrics.push_back(claimMetric(scenario.claims[i], i));
        }
        spec.replicates = replicates;
        spec.set = {{contrast.key, contrast.value}};
        m_plans.emplace_back(std::move(spec), base, catalogue);
    }
}

std::uint64_t ClaimCheck::runCount() const noexcept
{
    std::uint64_t total = 0;
    for (const auto& plan : m_plans)
        total += plan.runCount();
    return total;
}

std::vector<ClaimResult> ClaimCheck::run(const core::Catalogue& catalogue, int threads,
                                         const std::function<void(std::uint64_t done)>& progress) const
{
    // Every run of every plan, flattened in plan order; each writes only its own slot.
    std::vector<std::pair<std::size_t, std::uint64_t>> jobs;
    for (std::size_t p = 0; p < m_plans.size(); ++p)
        for (std::uint64_t r = 0; r < m_plans[p].runCount(); ++r)
            jobs.emplace_back(p, r);
    std::vector<std::vector<double>> figures(jobs.size());
    std::atomic<std::uint64_t> done{0};
    std::mutex progressMutex;
    tbb::task_arena arena(threads > 0 ? threads : tbb::task_arena::automatic);
    arena.execute(
        [&]
        {
            tbb::parallel_for(tbb::blocked_range<std::size_t>(0, jobs.size(), 1),
                              [&](const tbb::blocked_range<std::size_t>& range)
                              {
                                  for (auto j = range.begin(); j != range.end(); ++j)
                                  {
                                      figures[j] =
                                          sweep::runSweepRun(m_plans[jobs[j].first], jobs[j].second, catalogue);
                                      const auto finished = done.fetch_add(1) + 1;
                                      if (progress)
                                      {
                                          const std::lock_guard lock(progressMutex);
                                          progress(finished);
                                      }
                                  }
                              });
        });

    std::vector<std::size_t> firstJob(m_plans.size(), 0);
    for (std::size_t p = 1; p < m_plans.size(); ++p)
        firstJob[p] = firstJob[p - 1] + static_cast<std::size_t>(m_plans[p - 1].runCount());
    std::vector<ClaimResult> results;
    results.reserve(m_claims.size());
    for (const auto& planned : m_claims)
    {
        ClaimResult r;
        r.scenarioName = m_name;
        r.scenarioFile = m_file;
        r.scenarioHash = m_hash;
        r.claim = planned.def;
        r.seeds = planned.seeds;
        r.windowTo = planned.windowTo;
        r.baseSeed = m_baseSeed;
        for (int s = 0; s < planned.seeds; ++s)
        {
            const auto replicate = static_cast<std::size_t>(s);
            r.runSeeds.push_back(m_plans[0].run(replicate).seed);
            r.values.push_back(figures[firstJob[0] + replicate][planned.metric]);
            if (planned.contrast > 0)
                r.contrastValues.push_back(figures[firstJob[planned.contrast] + replicate][planned.contrastMetric]);
        }
        judge(r);
        results.push_back(std::move(r));
    }
    return results;
}

std::vector<ClaimResult> checkClaims(const scenario::Scenario& scenario, const core::Catalogue& catalogue, int threads,
                                     std::optional<int> seeds)
{
    return ClaimCheck(scenario, catalogue, seeds).run(catalogue, threads);
}

std::string metricText(const ClaimResult& result)
{
    const auto& c = result.claim;
    if (c.stat == scenario::ClaimStat::Final)
        return c.metric + ", final";
    if (c.from == result.windowTo)
        return c.metric + ", round " + std::to_string(c.from);
    return c.metric + ", mean of rounds " + std::to_string(c.from) + "-" + std::to_string(result.windowTo);
}

std::string expectedText(const ClaimResult& result)
{
    const auto& c = result.claim;
    const auto seeds = std::to_string(result.seeds) + " seeds";
    if (c.versus.empty())
        return std::string(compareSymbol(c.compare)) + " " + scenario::formatReal(c.value) +
               " in >= " + percent(c.share) + " of " + seeds;
    const auto versus = std::string(trimmed(c.versus));
    if (c.value == 0.0)
    {
        std::string word(compareName(c.compare));
        std::replace(word.begin(), word.end(), '-', ' ');
        return word + " versus " + versus + ", 95% CI, " + seeds;
    }
    return "difference " + std::string(compareSymbol(c.compare)) + " " + scenario::formatReal(c.value) + " versus " +
           versus + ", 95% CI, " + seeds;
}

std::string measuredText(const ClaimResult& result)
{
    std::string out;
    if (result.claim.versus.empty())
    {
        const auto satisfied = std::llround(result.share * double(result.seeds));
        out = percent(result.share) + " (" + std::to_string(satisfied) + " of " + std::to_string(result.seeds) +
              "), mean " + figure(result.mean);
    }
    else
        out = "difference " + figure(result.meanDifference) + ", 95% CI [" + figure(result.ciLow) + ", " +
              figure(result.ciHigh) + "]";
    if (result.undefined > 0)
        out += "; " + std::to_string(result.undefined) + " undefined";
    return out;
}

std::string claimsCsv(std::span<const ClaimResult> results)
{
    std::string out = "scenario,file,scenario_hash,seed,claim,metric,stat,from,to,compare,value,versus,share_required,"
                      "seeds,undefined,share,mean,contrast_mean,mean_difference,ci_low,ci_high,status,known_failure,"
                      "text,version\n";
    for (const auto& r : results)
    {
        const auto& c = r.claim;
        const bool mean = c.stat == scenario::ClaimStat::Mean;
        out += csvText(r.scenarioName) + ',' + csvText(r.scenarioFile) + ',' + r.scenarioHash + ',' +
               std::to_string(r.baseSeed) + ',' + csvText(c.name) + ',' + csvText(c.metric) + ',' +
               std::string(statName(c.stat)) + ',' + (mean ? std::to_string(c.from) : std::string()) + ',' +
               (mean ? std::to_string(r.windowTo) : std::string()) + ',' + std::string(compareName(c.compare)) + ',' +
               csvNumber(c.value) + ',' + csvText(c.versus) + ',' +
               (c.versus.empty() ? csvNumber(c.share) : std::string()) + ',' + std::to_string(r.seeds) + ',' +
               std::to_string(r.undefined) + ',' + csvNumber(r.share) + ',' + csvNumber(r.mean) + ',' +
               csvNumber(r.contrastMean) + ',' + csvNumber(r.meanDifference) + ',' + csvNumber(r.ciLow) + ',' +
               csvNumber(r.ciHigh) + ',' + std::string(statusText(r.status)) + ',' + csvText(c.knownFailure) + ',' +
               csvText(c.text) + ',' + CYBERSIM_VERSION + '\n';
    }
    return out;
}

std::string claimsJson(std::span<const ClaimResult> results)
{
    nlohmann::ordered_json j;
    j["version"] = CYBERSIM_VERSION;
    j["build"] = records::buildDescription();
    const auto t = tally(results);
    j["tally"] = {{"passed", t.passed},
                  {"failed", t.failed},
                  {"known_failures", t.knownFailures},
                  {"unexpected_passes", t.unexpectedPasses},
                  {"errors", t.errors()}};
    auto claims = nlohmann::ordered_json::array();
    for (const auto& r : results)
    {
        const auto& c = r.claim;
        nlohmann::ordered_json claim;
        claim["name"] = c.name;
        claim["text"] = c.text;
        claim["metric"] = c.metric;
        claim["stat"] = statName(c.stat);
        if (c.stat == scenario::ClaimStat::Mean)
        {
            claim["from"] = c.from;
            claim["to"] = r.windowTo;
        }
        claim["compare"] = compareName(c.compare);
        claim["value"] = c.value;
        if (c.versus.empty())
            claim["share"] = c.share;
        else
            claim["versus"] = c.versus;
        claim["seeds"] = c.seeds;
        if (!c.knownFailure.empty())
            claim["known_failure"] = c.knownFailure;
        claim["line"] = c.line;

        nlohmann::ordered_json o;
        o["scenario"] = r.scenarioName;
        o["file"] = r.scenarioFile;
        o["scenario_hash"] = r.scenarioHash;
        o["seed"] = r.baseSeed;
        o["claim"] = claim;
        o["seeds"] = r.seeds;
        o["run_seeds"] = r.runSeeds;
        auto values = nlohmann::ordered_json::array();
        for (const double v : r.values)
            values.push_back(number(v));
        o["values"] = values;
        if (!c.versus.empty())
        {
            auto contrast = nlohmann::ordered_json::array();
            for (const double v : r.contrastValues)
                contrast.push_back(number(v));
            o["contrast_values"] = contrast;
        }
        o["undefined"] = r.undefined;
        o["mean"] = number(r.mean);
        if (c.versus.empty())
            o["share"] = number(r.share);
        else
        {
            o["contrast_mean"] = number(r.contrastMean);
            o["mean_difference"] = number(r.meanDifference);
            o["ci"] = {number(r.ciLow), number(r.ciHigh)};
        }
        o["holds"] = r.holds;
        o["status"] = statusText(r.status);
        claims.push_back(o);
    }
    j["claims"] = claims;
    return j.dump(2) + "\n";
}

} // namespace cybersim::claims
