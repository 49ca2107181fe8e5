// SPDX-License-Identifier: MIT
// Expanding a sweep spec into points and runs: grid products, uniform and Latin hypercube samples, per-point
// scenarios built with the schema setters (never re-parsed per run), and their validation before anything runs.
#include "cybersim/sweep/sweep_plan.hpp"

#include "cybersim/scenario/scenario_rounds.hpp"

#include "cybersim/scenario/detail/scenario_load_context.hpp"
#include "text_hash.hpp"

#include "cybersim/core/error.hpp"
#include "cybersim/core/matrix_game.hpp"
#include "cybersim/core/rng.hpp"
#include "cybersim/scenario/matrix_game_of.hpp"
#include "cybersim/scenario/scenario_io.hpp"

#include <nlohmann/json.hpp>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <numeric>
#include <optional>
#include <set>

namespace cybersim::sweep
{

namespace detail
{
const scenario::ParameterInfo* sweepKeyInfo(const std::string& path);
} // namespace detail

namespace
{

// Number of elements of the array table an element key belongs to.
std::size_t elementCount(const scenario::Scenario& s, const scenario::ParameterInfo& info)
{
    if (info.group == "states")
        return s.states.size();
    if (info.group == "events")
        return s.events.size();
    if (info.group == "network.edges")
        return s.network.edges.size();
    if (info.group == "governance.issues")
        return s.governance.issues.size();
    return 0;
}

bool isListKey(std::string_view path)
{
    const auto& lists = scenario::listParameters();
    return std::any_of(lists.begin(), lists.end(), [&](const scenario::ListParameterInfo& p) { return p.key == path; });
}

// True when `keyPath` is `key` or one of its elements ("game.payoffs[1][0]" belongs to "game.payoffs").
bool belongsTo(std::string_view keyPath, std::string_view key)
{
    return keyPath.starts_with(key) && (keyPath.size() == key.size() || keyPath[key.size()] == '[');
}

nlohmann::ordered_json toJson(const scenario::ParamValue& v)
{
    if (const auto* d = std::get_if<double>(&v))
        return *d;
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return *i;
    if (const auto* b = std::get_if<bool>(&v))
        return *b;
    return std::get<std::string>(v);
}

std::string samplingName(SweepSampling s)
{
    switch (s)
    {
    case SweepSampling::Grid:
        return "grid";
    case SweepSampling::Uniform:
        return "uniform";
    case SweepSampling::LatinHypercube:
        break;
    }
    return "latin-hypercube";
}

std::string statName(SweepStat s)
{
    switch (s)
    {
    case SweepStat::Final:
        return "final";
    case SweepStat::Mean:
        return "mean";
    case SweepStat::TimeTo:
        break;
    }
    return "time-to";
}

// A list value as a JSON array (its canonical TOML text is JSON too when every real is finite), else as toJson.
nlohmann::ordered_json valueJson(std::string_view key, const scenario::ParamValue& v)
{
    if (const auto* text = std::get_if<std::string>(&v); text != nullptr && isListKey(key))
        if (auto parsed = nlohmann::ordered_json::parse(*text, nullptr, false); !parsed.is_discarded())
            return parsed;
    return toJson(v);
}

// "key = value, ..." for a point's parameters, leaving out parameter `skip` (pass values.size() to keep all).
std::string describePoint(const SweepSpec& spec, const std::vector<scenario::ParamValue>& values, std::size_t skip)
{
    std::string out;
    for (std::size_t k = 0; k < values.size(); ++k)
        if (k != skip)
            out += (out.empty() ? "" : ", ") + spec.parameters[k].key + " = " +
                   sweepValueText(spec.parameters[k].key, values[k]);
    return out;
}

std::string describePoint(const SweepSpec& spec, const std::vector<scenario::ParamValue>& values)
{
    return describePoint(spec, values, values.size());
}

// What the loader does with a matrix game's lists besides reading them (checkMatrixGame), for a scenario whose list
// keys `listKeys` were set after loading: it refuses them for the other kinds, and fills in the default cooperative
// act (the first) when none is given. @return (key, message) for each list refused.
std::vector<std::pair<std::string, std::string>> settleGameLists(scenario::Scenario& scenario,
                                                                 const std::vector<std::string>& listKeys)
{
    std::vector<std::pair<std::string, std::string>> problems;
    auto& g = scenario.game;
    for (const auto& key : listKeys)
        if (key.starts_with("game.") && g.kind != scenario::GameKind::Matrix)
            problems.emplace_back(key, "is only used by a matrix game, expected game.kind = \"matrix\" or no " +
                                           key.substr(5));
    const bool cooperativeGiven =
        std::find(listKeys.begin(), listKeys.end(), "game.cooperative_actions") != listKeys.end();
    if (g.kind == scenario::GameKind::Matrix && g.cooperativeActions.empty() && !g.actions.empty() && !cooperativeGiven)
        g.cooperativeActions.push_back(g.actions.front());
    return problems;
}

// The classic 2 x 2 view R, S, T, P that a matrix game derives from its table (as checkMatrixGame does), for a
// validated scenario whose game lists were set after loading.
void deriveMatrixView(scenario::Scenario& scenario, const std::vector<std::string>& listKeys)
{
    if (scenario.game.kind == scenario::GameKind::Matrix &&
        std::any_of(listKeys.begin(), listKeys.end(), [](const std::string& k) { return k.starts_with("game."); }))
        scenario.game.matrix = matrixGameOf(scenario.game).restriction();
}

double asReal(const scenario::ParamValue& v)
{
    if (const auto* d = std::get_if<double>(&v))
        return *d;
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return static_cast<double>(*i);
    return 0.0;
}

// Checks a scenario built with setters by the loader's own rules. @return the loader's diagnostics (key paths and
// messages; a scenario built in code has no lines).
std::vector<Diagnostic> scenarioDiagnostics(const scenario::Scenario& scenario, const core::Catalogue& catalogue)
{
    try
    {
        (void)scenario::validateScenario(scenario, catalogue);
    }
    catch (const ScenarioError& e)
    {
        return e.diagnostics();
    }
    return {};
}

std::string joinDiagnostics(const std::vector<Diagnostic>& diagnostics)
{
    std::string text;
    for (const auto& d : diagnostics)
        text += (text.empty() ? "" : "; ") + (d.keyPath.empty() ? "" : d.keyPath + " ") + d.message;
    return text;
}

std::optional<std::string> scenarioProblem(const scenario::Scenario& scenario, const core::Catalogue& catalogue)
{
    auto diagnostics = scenarioDiagnostics(scenario, catalogue);
    if (diagnostics.empty())
        return std::nullopt;
    return joinDiagnostics(diagnostics);
}

// Reports the points the loader rejects (`bad`: point index and the loader's diagnostics, in point order).
void reportBadPoints(const SweepSpec& spec, const std::vector<std::vector<scenario::ParamValue>>& points,
                     const std::vector<std::pair<std::size_t, std::vector<Diagnostic>>>& bad,
                     std::vector<Diagnostic>& problems)
{
    // A problem with a swept list's own value (its length, its names, its size against another key) is reported at
    // that value in the spec, once per value and message; any other problem names the point, for the first five.
    std::set<std::pair<std::string, std::string>> seen;
    std::size_t whole = 0;
    for (const auto& [point, diagnostics] : bad)
    {
        std::vector<Diagnostic> rest;
        for (const auto& d : diagnostics)
        {
            std::size_t k = 0;
            while (k < spec.parameters.size() &&
                   !(spec.parameters[k].list && belongsTo(d.keyPath, spec.parameters[k].key)))
                ++k;
            if (k == spec.parameters.size())
            {
                rest.push_back(d);
                continue;
            }
            const auto& parameter = spec.parameters[k];
            const auto found = std::find(parameter.values.begin(), parameter.values.end(), points[point][k]);
            const auto j = static_cast<std::size_t>(found - parameter.values.begin());
            const auto at =
                j < parameter.valuePositions.size() ? parameter.valuePositions[j] : std::pair{parameter.line, 1};
            auto path = "parameters[" + std::to_string(k) + "].values[" + std::to_string(j) + "]" +
                        d.keyPath.substr(parameter.key.size());
            if (!seen.emplace(path, d.message).second)
                continue;
            const auto others = describePoint(spec, points[point], k);
            problems.push_back(Diagnostic{spec.file, at.first, at.second, path,
                                          d.message + " (" + d.keyPath + ", at point " + std::to_string(point) +
                                              (others.empty() ? "" : " with " + others) + ")"});
        }
        if (rest.empty())
            continue;
        if (whole < 5)
            problems.push_back(Diagnostic{spec.file, 0, 0, "parameters",
                                          "point " + std::to_string(point) + " (" + describePoint(spec, points[point]) +
                                              ") is not a valid scenario: " + joinDiagnostics(rest)});
        ++whole;
    }
    if (whole > 5)
        problems.push_back(Diagnostic{spec.file, 0, 0, "parameters",
                                      std::to_string(whole - 5) + " more points are not valid scenarios"});
}

// Leaves out the scheduled events at or after the scenario's run.rounds, which could no longer happen (the scenario
// library's policy, as `cybersim run --rounds` applies it), and says which in a note; nothing when all events fit.
// `origin` names where the length was set, e.g. "[set] run.rounds".
std::optional<std::string> dropLateEvents(scenario::Scenario& scenario, std::string_view origin)
{
    const int rounds = scenario.run.rounds;
    if (std::none_of(scenario.events.begin(), scenario.events.end(),
                     [rounds](const scenario::EventDef& e) { return e.round >= rounds; }))
        return std::nullopt;
    auto change = scenario::withRounds(scenario, rounds, std::string(origin) + " = " + std::to_string(rounds));
    scenario = std::move(change.scenario);
    return change.note();
}

} // namespace

std::optional<std::string> applySweepValue(scenario::Scenario& scenario, std::string_view keyPath,
                                           const scenario::ParamValue& value)
{
    const std::string path(keyPath);
    const bool all = path.find("[*]") != std::string::npos;
    const scenario::ParameterInfo* info = nullptr;
    std::size_t index = 0;
    if (all)
        info = detail::sweepKeyInfo(path);
    else
    {
        const auto ref = scenario::resolveParameter(path);
        info = ref.info;
        index = ref.index;
    }
    if (info == nullptr && isListKey(path))
    {
        const auto* text = std::get_if<std::string>(&value);
        if (text == nullptr)
            return "is " + scenario::formatValue(value) + ", expected a whole array for the list-valued key " + path;
        return scenario::detail::applyListText(scenario, path, *text);
    }
    if (info == nullptr)
        return "unknown key path " + scenario::formatValue(path);
    if (const auto problem = info->checkValue(value))
        return *problem;
    try
    {
        if (!info->isElementKey())
            info->set(scenario, value, 0);
        else if (all)
            for (std::size_t i = 0; i < elementCount(scenario, *info); ++i)
                info->set(scenario, value, i);
        else
        {
            const auto count = elementCount(scenario, *info);
            if (index >= count)
                return "names element " + std::to_string(index) + " but the scenario has " + std::to_string(count) +
                       ", expected an index in [0, " + std::to_string(count == 0 ? 0 : count - 1) + "]";
            info->set(scenario, value, index);
        }
    }
    catch (const ConfigError& e)
    {
        return std::string(e.what());
    }
    return std::nullopt;
}

std::string sweepValueText(std::string_view keyPath, const scenario::ParamValue& value)
{
    if (const auto* text = std::get_if<std::string>(&value); text != nullptr && isListKey(keyPath))
        return *text;
    return scenario::formatValue(value);
}

std::vector<std::vector<double>> sampleUnitCube(SweepSampling method, std::size_t samples, std::size_t dimensions,
                                                std::uint64_t seed)
{
    const core::CounterRng rng(seed);
    std::vector<std::vector<double>> u(samples, std::vector<double>(dimensions, 0.0));
    for (std::size_t k = 0; k < dimensions; ++k)
    {
        if (method == SweepSampling::LatinHypercube)
        {
            // A random permutation of the strata per dimension (Fisher-Yates), then a uniform position in each stratum.
            std::vector<std::uint64_t> perm(samples);
            std::iota(perm.begin(), perm.end(), 0);
            for (std::size_t i = samples; i > 1; --i)
            {
                const auto j = rng.below(i, k, i - 1, 0, core::Purpose::Sweep, 1);
                std::swap(perm[i - 1], perm[j]);
            }
            for (std::size_t i = 0; i < samples; ++i)
                u[i][k] = (double(perm[i]) + rng.uniform(k, i, 0, core::Purpose::Sweep, 2)) / double(samples);
        }
        else
            for (std::size_t i = 0; i < samples; ++i)
                u[i][k] = rng.uniform(k, i, 0, core::Purpose::Sweep, 3);
    }
    return u;
}

SweepPlan::SweepPlan(SweepSpec spec, scenario::Scenario base, const core::Catalogue& catalogue)
    : m_spec(std::move(spec)), m_base(std::move(base))
{
    std::vector<Diagnostic> problems;
    const auto& file = m_spec.file;
    const auto report = [&](int line, const std::string& key, std::string message) {
        problems.push_back(Diagnostic{file, line, line > 0 ? 1 : 0, key, std::move(message)});
    };

    for (const auto& [key, value] : m_spec.set)
        if (const auto problem = applySweepValue(m_base, key, value))
            report(0, "set." + key, *problem);
    // List-valued keys in [set] and among the parameters: the loader's matrix-game rules follow them.
    std::vector<std::string> setLists, allLists;
    for (const auto& [key, value] : m_spec.set)
        if (isListKey(key))
            setLists.push_back(key);
    allLists = setLists;
    for (const auto& p : m_spec.parameters)
        if (p.list)
            allLists.push_back(p.key);
    if (problems.empty())
        for (const auto& [key, message] : settleGameLists(m_base, setLists))
            report(0, "set." + key, message);
    // One note per run length that leaves events out, however many points share it.
    std::map<int, std::string> droppedByLength;
    const auto dropEvents = [&](scenario::Scenario& scenario, std::string_view origin)
    {
        if (auto note = dropLateEvents(scenario, origin))
            droppedByLength.try_emplace(scenario.run.rounds, std::move(*note));
    };
    if (problems.empty())
        dropEvents(m_base, "[set] run.rounds");
    if (problems.empty() && !m_spec.set.empty())
        if (const auto problem = scenarioProblem(m_base, catalogue))
            report(0, "set", "makes the base scenario invalid: " + *problem);
    if (!problems.empty())
        throw ScenarioError(std::move(problems));
    deriveMatrixView(m_base, setLists);
    m_baseSeed = m_spec.seed.value_or(m_base.run.seed);

    // Points: the grid parameters' product (first parameter slowest), times the samples of the sampled ones.
    std::vector<std::size_t> grid, sampled;
    for (std::size_t k = 0; k < m_spec.parameters.size(); ++k)
        (m_spec.parameters[k].sampled ? sampled : grid).push_back(k);
    std::uint64_t gridCount = 1;
    for (const auto k : grid)
        gridCount *= std::max<std::size_t>(1, m_spec.parameters[k].values.size());
    const std::uint64_t sampleCount = sampled.empty() ? 1 : std::uint64_t(m_spec.samples);
    if (gridCount * sampleCount > 100000000ULL)
        report(0, "parameters",
               "expand to " + std::to_string(gridCount * sampleCount) + " points, expected at most 100000000");
    if (gridCount * sampleCount * std::uint64_t(m_spec.replicates) > (1ULL << 40))
        report(0, "replicates", "give too many runs, expected at most 2^40");
    if (!problems.empty())
        throw ScenarioError(std::move(problems));

    const auto cube = sampleUnitCube(m_spec.sampling, sampled.empty() ? 0 : sampleCount, sampled.size(), m_baseSeed);
    m_points.reserve(gridCount * sampleCount);
    for (std::uint64_t g = 0; g < gridCount; ++g)
        for (std::uint64_t s = 0; s < sampleCount; ++s)
        {
            std::vector<scenario::ParamValue> values(m_spec.parameters.size());
            std::uint64_t rest = g;
            for (auto it = grid.rbegin(); it != grid.rend(); ++it)
            {
                const auto& p = m_spec.parameters[*it];
                values[*it] = p.values[rest % p.values.size()];
                rest /= p.values.size();
            }
            for (std::size_t d = 0; d < sampled.size(); ++d)
            {
                const auto& p = m_spec.parameters[sampled[d]];
                const double u = cube[s][d];
                if (p.integer)
                {
                    const double span = p.max - p.min + 1.0;
                    values[sampled[d]] = static_cast<std::int64_t>(std::min(p.max, p.min + std::floor(u * span)));
                }
                else
                    values[sampled[d]] = p.min + u * (p.max - p.min);
            }
            m_points.push_back(std::move(values));
        }

    // Each point's scenario, built with the schema setters from the once-parsed base.
    m_pointScenarios.assign(m_points.size(), m_base);
    std::vector<bool> reported(m_spec.parameters.size(), false);
    std::set<std::string> refused; // list keys a point's game kind refuses, reported once each
    for (std::size_t p = 0; p < m_points.size(); ++p)
    {
        for (std::size_t k = 0; k < m_spec.parameters.size(); ++k)
            if (const auto problem = applySweepValue(m_pointScenarios[p], m_spec.parameters[k].key, m_points[p][k]);
                problem && !reported[k])
            {
                reported[k] = true;
                report(m_spec.parameters[k].line, m_spec.parameters[k].key, *problem);
            }
        for (const auto& [key, message] : settleGameLists(m_pointScenarios[p], allLists))
        {
            const std::string& listKey = key; // clang 14 cannot capture a structured binding
            const auto k = static_cast<std::size_t>(std::find_if(m_spec.parameters.begin(), m_spec.parameters.end(),
                                                                 [&listKey](const SweepParameter& parameter)
                                                                 { return parameter.key == listKey; }) -
                                                    m_spec.parameters.begin());
            if (!refused.insert(key).second)
                continue;
            const auto where = " (point " + std::to_string(p) + ": " + describePoint(m_spec, m_points[p]) + ")";
            if (k < m_spec.parameters.size())
                report(m_spec.parameters[k].line, "parameters[" + std::to_string(k) + "]", key + " " + message + where);
            else
                report(0, "set." + key, message + where); // in [set], refused where game.kind is swept
        }
    }
    if (!problems.empty())
        throw ScenarioError(std::move(problems));
    for (auto& pointScenario : m_pointScenarios)
        dropEvents(pointScenario, "swept run.rounds");
    for (auto& [length, note] : droppedByLength)
        if (m_notes.size() < kMaxNotes)
            m_notes.push_back(std::move(note));
    if (droppedByLength.size() > kMaxNotes)
        m_notes.push_back("and " + std::to_string(droppedByLength.size() - kMaxNotes) +
                          " more run lengths leave out scheduled events");

    // Windows and series must fit every point's run.
    int minRounds = m_base.run.rounds;
    for (const auto& s : m_pointScenarios)
        minRounds = std::min(minRounds, s.run.rounds);
    for (std::size_t i = 0; i < m_spec.metrics.size(); ++i)
    {
        const auto& m = m_spec.metrics[i];
        if (m.stat == SweepStat::Mean && m.windowTo > minRounds)
            report(m.line, "metrics[" + std::to_string(i) + "].window",
                   "ends at round " + std::to_string(m.windowTo) + " but runs have " + std::to_string(minRounds) +
                       " rounds, expected a last round <= " + std::to_string(minRounds));
    }
    for (const auto r : m_spec.seriesRuns)
        if (r >= runCount())
            report(0, "series",
                   "names run " + std::to_string(r) + " but the sweep has " + std::to_string(runCount()) +
                       " runs, expected indices < " + std::to_string(runCount()));

    // Validate the points' scenarios with the loader's own rules (cross-field checks included), in parallel, before
    // any run, so that no run can fail on bad input (STYLE E). Each real value was range-checked above; when every
    // swept key is real, only the points holding some parameter at its smallest or largest value are checked (the
    // cross-field rules on reals are bounds), which keeps a 10,000-sample hypercube from paying a parse per run.
    // Sweeps of integers, booleans or names (counts, kinds, rounds, strategies) check every point.
    if (!m_spec.parameters.empty())
    {
        std::vector<std::size_t> check;
        const bool allReal = std::all_of(m_spec.parameters.begin(), m_spec.parameters.end(),
                                         [](const SweepParameter& p)
                                         {
                                             const auto* info = detail::sweepKeyInfo(p.key);
                                             return info != nullptr && info->type == scenario::ValueType::Real;
                                         });
        if (allReal)
        {
            std::vector<bool> marked(m_points.size(), false);
            for (std::size_t k = 0; k < m_spec.parameters.size(); ++k)
            {
                std::size_t lo = 0, hi = 0;
                for (std::size_t p = 1; p < m_points.size(); ++p)
                {
                    if (asReal(m_points[p][k]) < asReal(m_points[lo][k]))
                        lo = p;
                    if (asReal(m_points[p][k]) > asReal(m_points[hi][k]))
                        hi = p;
                }
                marked[lo] = marked[hi] = true;
            }
            for (std::size_t p = 0; p < m_points.size(); ++p)
                if (marked[p])
                    check.push_back(p);
        }
        else
        {
            check.resize(m_points.size());
            std::iota(check.begin(), check.end(), std::size_t(0));
        }
        std::mutex mutex;
        std::vector<std::pair<std::size_t, std::vector<Diagnostic>>> bad;
        tbb::parallel_for(std::size_t(0), check.size(),
                          [&](std::size_t i)
                          {
                              const auto p = check[i];
                              if (auto diagnostics = scenarioDiagnostics(m_pointScenarios[p], catalogue);
                                  !diagnostics.empty())
                              {
                                  const std::lock_guard lock(mutex);
                                  bad.emplace_back(p, std::move(diagnostics));
                              }
                          });
        std::sort(bad.begin(), bad.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        reportBadPoints(m_spec, m_points, bad, problems);
    }
    if (!problems.empty())
        throw ScenarioError(std::move(problems));
    for (auto& pointScenario : m_pointScenarios)
        deriveMatrixView(pointScenario, allLists);

    m_baseHash = scenario::scenarioHash(m_base);
    nlohmann::ordered_json j;
    j["name"] = m_spec.name;
    j["description"] = m_spec.description;
    j["scenario"] = m_spec.scenario;
    j["scenario_name"] = m_base.name;
    j["scenario_hash"] = m_baseHash;
    j["seed"] = m_baseSeed;
    j["replicates"] = m_spec.replicates;
    j["sampling"] = samplingName(m_spec.sampling);
    j["samples"] = sampled.empty() ? 0 : m_spec.samples;
    auto set = nlohmann::ordered_json::object();
    for (const auto& [key, value] : m_spec.set)
        set[key] = valueJson(key, value);
    j["set"] = set;
    auto params = nlohmann::ordered_json::array();
    for (const auto& p : m_spec.parameters)
    {
        nlohmann::ordered_json o;
        o["key"] = p.key;
        if (p.sampled)
        {
            o["min"] = p.min;
            o["max"] = p.max;
        }
        else
        {
            auto values = nlohmann::ordered_json::array();
            for (const auto& v : p.values)
                values.push_back(valueJson(p.key, v));
            o["values"] = values;
        }
        params.push_back(o);
    }
    j["parameters"] = params;
    auto metrics = nlohmann::ordered_json::array();
    for (const auto& m : m_spec.metrics)
    {
        nlohmann::ordered_json o;
        o["name"] = m.name;
        o["stat"] = statName(m.stat);
        if (m.stat == SweepStat::TimeTo)
            o["when"] = m.when;
        else
            o["of"] = m.of;
        if (m.stat == SweepStat::Mean)
            o["window"] = {m.windowFrom, m.windowTo};
        metrics.push_back(o);
    }
    j["metrics"] = metrics;
    j["series"] = m_spec.seriesRuns;
    j["points"] = m_points.size();
    j["runs"] = runCount();
    m_resolvedJson = j.dump(2);
    m_specHash = detail::hex16(detail::hashText(std::string(CYBERSIM_VERSION) + '\n' + m_resolvedJson));
}

std::uint64_t SweepPlan::runCount() const noexcept
{
    return std::uint64_t(m_points.size()) * std::uint64_t(m_spec.replicates);
}

SweepRun SweepPlan::run(std::uint64_t index) const
{
    const auto replicates = std::uint64_t(m_spec.replicates);
    SweepRun r;
    r.index = index;
    r.point = static_cast<std::uint32_t>(index / replicates);
    r.replicate = static_cast<std::uint32_t>(index % replicates);
    r.seed = core::deriveSeed(m_baseSeed, r.point, r.replicate);
    return r;
}

scenario::Scenario SweepPlan::runScenario(std::uint64_t index) const
{
    const auto r = run(index);
    scenario::Scenario s = m_pointScenarios.at(r.point);
    s.run.seed = r.seed;
    return s;
}

std::vector<std::string> SweepPlan::overrides(std::size_t point) const
{
    std::vector<std::string> out;
    std::set<std::string> keys;
    for (const auto& [key, value] : m_spec.set)
    {
        out.push_back(key + "=" + sweepValueText(key, value));
        keys.insert(key);
    }
    for (std::size_t k = 0; k < m_spec.parameters.size(); ++k)
    {
        out.push_back(m_spec.parameters[k].key + "=" + sweepValueText(m_spec.parameters[k].key, m_points.at(point)[k]));
        keys.insert(m_spec.parameters[k].key);
    }
    // The point keeps the base's resolved cooperative acts when only game.actions changes; a file that left them to
    // the loader's default (the first act) would otherwise take the new first act on re-run.
    if (keys.count("game.actions") != 0 && keys.count("game.cooperative_actions") == 0)
        out.push_back("game.cooperative_actions=" +
                      scenario::detail::listValueText(m_pointScenarios.at(point), "game.cooperative_actions"));
    return out;
}

} // namespace cybersim::sweep

namespace cybersim::sweep
{

scenario::Scenario loadSweepBase(const SweepSpec& spec, const core::Catalogue& catalogue,
                                 const std::filesystem::path& shippedFolder)
{
    if (spec.scenario.empty() || spec.scenario == "default")
        return scenario::defaultScenario(catalogue);
    namespace fs = std::filesystem;
    const fs::path given(spec.scenario);
    std::vector<fs::path> candidates;
    if (given.is_absolute())
        candidates.push_back(given);
    else
    {
        const auto specDir = fs::path(spec.file).parent_path();
        candidates.push_back(specDir / given);
        if (given.extension().empty())
        {
            candidates.push_back(specDir / (spec.scenario + ".toml"));
            if (!shippedFolder.empty())
                candidates.push_back(shippedFolder / (spec.scenario + ".toml"));
        }
    }
    std::error_code error;
    for (const auto& c : candidates)
        if (fs::is_regular_file(c, error))
            return scenario::loadScenarioFile(c, catalogue);
    throw ScenarioError({Diagnostic{spec.file, 0, 0, "scenario",
                                    "is " + scenario::formatValue(spec.scenario) +
                                        ", which is neither a file next to the spec nor a shipped scenario; expected "
                                        "\"default\", a name from `cybersim list` or a path"}});
}

} // namespace cybersim::sweep
