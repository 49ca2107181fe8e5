// SPDX-License-Identifier: MIT
// Expanding a sweep spec into points and runs: grid products, uniform and Latin hypercube samples, per-point
// scenarios built with the schema setters (never re-parsed per run), and their validation before anything runs.
#include "cybersim/sim/sweep_plan.hpp"

#include "cybersim/sim/scenario_rounds.hpp"

#include "text_hash.hpp"

#include "cybersim/sim/error.hpp"
#include "cybersim/sim/rng.hpp"
#include "cybersim/sim/scenario_io.hpp"

#include <nlohmann/json.hpp>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <numeric>
#include <optional>

namespace cybersim::sim
{

namespace detail
{
const ParameterInfo* sweepKeyInfo(const std::string& path);
} // namespace detail

namespace
{

// Number of elements of the array table an element key belongs to.
std::size_t elementCount(const Scenario& s, const ParameterInfo& info)
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

nlohmann::ordered_json toJson(const ParamValue& v)
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

std::string describePoint(const SweepSpec& spec, const std::vector<ParamValue>& values)
{
    std::string out;
    for (std::size_t k = 0; k < values.size(); ++k)
        out += (out.empty() ? "" : ", ") + spec.parameters[k].key + " = " + formatValue(values[k]);
    return out;
}

double asReal(const ParamValue& v)
{
    if (const auto* d = std::get_if<double>(&v))
        return *d;
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return static_cast<double>(*i);
    return 0.0;
}

// Checks a scenario built with setters by the loader's own rules: written out and parsed back.
std::optional<std::string> scenarioProblem(const Scenario& scenario, const Catalogue& catalogue)
{
    try
    {
        (void)parseScenario(writeScenario(scenario), scenario.sourceFile, catalogue);
    }
    catch (const ScenarioError& e)
    {
        std::string text;
        for (const auto& d : e.diagnostics())
            text += (text.empty() ? "" : "; ") + (d.keyPath.empty() ? "" : d.keyPath + " ") + d.message;
        return text;
    }
    return std::nullopt;
}

// Leaves out the scheduled events at or after the scenario's run.rounds, which could no longer happen (as
// `cybersim run --rounds` does), and says which in a note; nothing when all events fit.
std::optional<std::string> dropLateEvents(Scenario& scenario, std::string_view origin)
{
    const int rounds = scenario.run.rounds;
    if (std::none_of(scenario.events.begin(), scenario.events.end(),
                     [rounds](const EventDef& e) { return e.round >= rounds; }))
        return std::nullopt;
    auto change = withRounds(scenario, rounds, origin);
    scenario = std::move(change.scenario);
    const auto count = change.droppedEvents.size();
    std::string note = std::string(origin) + " = " + std::to_string(rounds) + " leave out " + std::to_string(count) +
                       (count == 1 ? " scheduled event that comes" : " scheduled events that come") +
                       " too late to happen:";
    for (std::size_t i = 0; i < count; ++i)
        note += (i ? ", " : " ") + describeEvent(change.droppedEvents[i]);
    return note;
}

} // namespace

std::optional<std::string> applySweepValue(Scenario& scenario, std::string_view keyPath, const ParamValue& value)
{
    const std::string path(keyPath);
    const bool all = path.find("[*]") != std::string::npos;
    const ParameterInfo* info = nullptr;
    std::size_t index = 0;
    if (all)
        info = detail::sweepKeyInfo(path);
    else
    {
        const auto ref = resolveParameter(path);
        info = ref.info;
        index = ref.index;
    }
    if (info == nullptr)
        return "unknown key path " + formatValue(path);
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

std::vector<std::vector<double>> sampleUnitCube(SweepSampling method, std::size_t samples, std::size_t dimensions,
                                                std::uint64_t seed)
{
    const CounterRng rng(seed);
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
                const auto j = rng.below(i, k, i - 1, 0, Purpose::Sweep, 1);
                std::swap(perm[i - 1], perm[j]);
            }
            for (std::size_t i = 0; i < samples; ++i)
                u[i][k] = (double(perm[i]) + rng.uniform(k, i, 0, Purpose::Sweep, 2)) / double(samples);
        }
        else
            for (std::size_t i = 0; i < samples; ++i)
                u[i][k] = rng.uniform(k, i, 0, Purpose::Sweep, 3);
    }
    return u;
}

SweepPlan::SweepPlan(SweepSpec spec, Scenario base, const Catalogue& catalogue)
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
    // One note per run length that leaves events out, however many points share it.
    std::map<int, std::string> droppedByLength;
    const auto dropEvents = [&](Scenario& scenario, std::string_view origin)
    {
        if (auto note = dropLateEvents(scenario, origin))
            droppedByLength.try_emplace(scenario.run.rounds, std::move(*note));
    };
    if (problems.empty())
        dropEvents(m_base, "runs with [set] run.rounds");
    if (problems.empty() && !m_spec.set.empty())
        if (const auto problem = scenarioProblem(m_base, catalogue))
            report(0, "set", "makes the base scenario invalid: " + *problem);
    if (!problems.empty())
        throw ScenarioError(std::move(problems));
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
            std::vector<ParamValue> values(m_spec.parameters.size());
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
    for (std::size_t p = 0; p < m_points.size(); ++p)
        for (std::size_t k = 0; k < m_spec.parameters.size(); ++k)
            if (const auto problem = applySweepValue(m_pointScenarios[p], m_spec.parameters[k].key, m_points[p][k]);
                problem && !reported[k])
            {
                reported[k] = true;
                report(m_spec.parameters[k].line, m_spec.parameters[k].key, *problem);
            }
    if (!problems.empty())
        throw ScenarioError(std::move(problems));
    for (auto& pointScenario : m_pointScenarios)
        dropEvents(pointScenario, "points with run.rounds");
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
                                             return info != nullptr && info->type == ValueType::Real;
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
        std::vector<std::pair<std::size_t, std::string>> bad;
        tbb::parallel_for(std::size_t(0), check.size(),
                          [&](std::size_t i)
                          {
                              const auto p = check[i];
                              if (auto problem = scenarioProblem(m_pointScenarios[p], catalogue))
                              {
                                  const std::lock_guard lock(mutex);
                                  bad.emplace_back(p, std::move(*problem));
                              }
                          });
        std::sort(bad.begin(), bad.end());
        for (std::size_t i = 0; i < bad.size() && i < 5; ++i)
            report(0, "parameters",
                   "point " + std::to_string(bad[i].first) + " (" + describePoint(m_spec, m_points[bad[i].first]) +
                       ") is not a valid scenario: " + bad[i].second);
        if (bad.size() > 5)
            report(0, "parameters", std::to_string(bad.size() - 5) + " more points are not valid scenarios");
    }
    if (!problems.empty())
        throw ScenarioError(std::move(problems));

    m_baseHash = scenarioHash(m_base);
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
        set[key] = toJson(value);
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
                values.push_back(toJson(v));
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
    r.seed = deriveSeed(m_baseSeed, r.point, r.replicate);
    return r;
}

Scenario SweepPlan::runScenario(std::uint64_t index) const
{
    const auto r = run(index);
    Scenario s = m_pointScenarios.at(r.point);
    s.run.seed = r.seed;
    return s;
}

std::vector<std::string> SweepPlan::overrides(std::size_t point) const
{
    std::vector<std::string> out;
    for (const auto& [key, value] : m_spec.set)
        out.push_back(key + "=" + formatValue(value));
    for (std::size_t k = 0; k < m_spec.parameters.size(); ++k)
        out.push_back(m_spec.parameters[k].key + "=" + formatValue(m_points.at(point)[k]));
    return out;
}

} // namespace cybersim::sim

namespace cybersim::sim
{

Scenario loadSweepBase(const SweepSpec& spec, const Catalogue& catalogue, const std::filesystem::path& shippedFolder)
{
    if (spec.scenario.empty() || spec.scenario == "default")
        return defaultScenario(catalogue);
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
            return loadScenarioFile(c, catalogue);
    throw ScenarioError({Diagnostic{spec.file, 0, 0, "scenario",
                                    "is " + formatValue(spec.scenario) +
                                        ", which is neither a file next to the spec nor a shipped scenario; expected "
                                        "\"default\", a name from `cybersim list` or a path"}});
}

} // namespace cybersim::sim
