// SPDX-License-Identifier: MIT
// Sweep statistics and files: per-point mean, sd and Student-t 95% interval; runs.csv, points.csv, sweep.json and the
// selected runs' series, all built from the journalled values in run order so any session order gives the same bytes.
#include "cybersim/sweep/sweep_output.hpp"

#include "cybersim/core/error.hpp"
#include "cybersim/core/shell_quote.hpp"
#include "cybersim/records/run_record.hpp"
#include "cybersim/scenario/scenario_schema.hpp"
#include "cybersim/sweep/sweep_plan.hpp"
#include "cybersim/sweep/sweep_run.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <limits>

namespace cybersim::sweep
{

namespace
{

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string csvNumber(double v)
{
    return std::isnan(v) ? std::string() : scenario::formatReal(v);
}

std::string csvText(const std::string& s)
{
    if (s.find_first_of(",\"\n\r") == std::string::npos && !s.empty())
        return s;
    std::string out = "\"";
    for (const char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string csvValue(const scenario::ParamValue& v)
{
    if (const auto* d = std::get_if<double>(&v))
        return scenario::formatReal(*d);
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return std::to_string(*i);
    if (const auto* b = std::get_if<bool>(&v))
        return *b ? "true" : "false";
    return csvText(std::get<std::string>(v));
}

std::string parameterHeader(const SweepPlan& plan)
{
    std::string out;
    for (const auto& p : plan.spec().parameters)
        out += "," + csvText(p.key);
    return out;
}

std::string parameterCells(const SweepPlan& plan, std::size_t point)
{
    std::string out;
    for (const auto& v : plan.points()[point])
        out += "," + csvValue(v);
    return out;
}

void requireComplete(const SweepPlan& plan, const SweepResults& results)
{
    if (results.done.size() != plan.runCount() || results.doneCount() != plan.runCount())
        throw ConfigError("the sweep is not complete: " + std::to_string(results.doneCount()) + " of " +
                          std::to_string(plan.runCount()) + " runs are done");
}

} // namespace

double studentT975(std::uint64_t df)
{
    const boost::math::students_t_distribution<double> t(static_cast<double>(df == 0 ? 1 : df));
    return boost::math::quantile(t, 0.975);
}

MetricSummary summarise(std::span<const double> values)
{
    MetricSummary s;
    double sum = 0.0;
    for (const double v : values)
        if (!std::isnan(v))
        {
            sum += v;
            ++s.n;
        }
    if (s.n == 0)
    {
        s.mean = s.sd = s.ciLow = s.ciHigh = kNaN;
        return s;
    }
    s.mean = sum / double(s.n);
    if (s.n < 2)
    {
        s.sd = s.ciLow = s.ciHigh = kNaN;
        return s;
    }
    double squares = 0.0;
    for (const double v : values)
        if (!std::isnan(v))
            squares += (v - s.mean) * (v - s.mean);
    s.sd = std::sqrt(squares / double(s.n - 1));
    const double half = studentT975(s.n - 1) * s.sd / std::sqrt(double(s.n));
    s.ciLow = s.mean - half;
    s.ciHigh = s.mean + half;
    return s;
}

std::string runsCsv(const SweepPlan& plan, const SweepResults& results)
{
    std::string out = "run,point,replicate,seed" + parameterHeader(plan);
    for (const auto& m : plan.spec().metrics)
        out += "," + m.name;
    out += '\n';
    for (std::uint64_t i = 0; i < plan.runCount(); ++i)
    {
        const auto r = plan.run(i);
        out += std::to_string(i) + ',' + std::to_string(r.point) + ',' + std::to_string(r.replicate) + ',' +
               std::to_string(r.seed) + parameterCells(plan, r.point);
        for (const double v : results.row(i))
            out += "," + csvNumber(v);
        out += '\n';
    }
    return out;
}

std::string pointsCsv(const SweepPlan& plan, const SweepResults& results)
{
    std::string out = "point" + parameterHeader(plan) + ",runs";
    for (const auto& m : plan.spec().metrics)
        out += "," + m.name + "_mean," + m.name + "_sd," + m.name + "_ci_low," + m.name + "_ci_high," + m.name + "_n";
    out += '\n';
    const auto replicates = static_cast<std::uint64_t>(plan.spec().replicates);
    const auto metrics = plan.spec().metrics.size();
    std::vector<double> column(replicates);
    for (std::size_t p = 0; p < plan.pointCount(); ++p)
    {
        out += std::to_string(p) + parameterCells(plan, p) + "," + std::to_string(replicates);
        for (std::size_t m = 0; m < metrics; ++m)
        {
            for (std::uint64_t r = 0; r < replicates; ++r)
                column[r] = results.row(p * replicates + r)[m];
            const auto s = summarise(column);
            out += "," + csvNumber(s.mean) + "," + csvNumber(s.sd) + "," + csvNumber(s.ciLow) + "," +
                   csvNumber(s.ciHigh) + "," + std::to_string(s.n);
        }
        out += '\n';
    }
    return out;
}

std::string sweepJson(const SweepPlan& plan, const SweepResults& results, const SweepTiming& timing)
{
    nlohmann::ordered_json j;
    j["format"] = "cybersim-sweep 1";
    j["version"] = CYBERSIM_VERSION;
    j["build"] = records::buildDescription();
    j["spec_file"] = plan.spec().file;
    j["spec_hash"] = plan.specHash();
    j["spec"] = nlohmann::ordered_json::parse(plan.resolvedJson());
    j["scenario"] = {{"name", plan.base().name}, {"source", plan.base().sourceFile}, {"hash", plan.baseHash()}};
    j["points"] = plan.pointCount();
    j["runs"] = plan.runCount();
    j["runs_done"] = results.doneCount();
    j["seed_rule"] = "run seed = deriveSeed(spec.seed, point, replicate), see runs.csv";
    j["notes"] = plan.notes();
    if (plan.runCount() > 0)
    {
        std::string rerun =
            "cybersim run " +
            (plan.spec().scenario == "default" ? std::string() : core::shellQuote(plan.spec().scenario) + " ") +
            "--seed " + std::to_string(plan.run(0).seed);
        bool elementKeys = false;
        for (const auto& o : plan.overrides(0))
        {
            rerun += " --set " + core::shellQuote(o);
            elementKeys = elementKeys || o.find('[') < o.find('=');
        }
        // --set cannot reach array elements; such points are re-run from a copy of the scenario file.
        j["rerun_run_0"] = elementKeys ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(rerun);
    }
    auto files = nlohmann::ordered_json::array({"runs.csv", "points.csv"});
    for (const auto r : plan.spec().seriesRuns)
        files.push_back("series/run-" + std::to_string(r));
    j["files"] = files;
    const double rate = timing.wallSeconds > 0 ? double(timing.runsThisSession) / timing.wallSeconds : 0.0;
    j["timing"] = {{"wall_seconds", std::round(timing.wallSeconds * 1000.0) / 1000.0},
                   {"runs_this_session", timing.runsThisSession},
                   {"runs_per_second", std::round(rate * 10.0) / 10.0},
                   {"threads", timing.threads},
                   {"processes", timing.processes}};
    return j.dump(2) + "\n";
}

void writeSweepOutputs(const std::filesystem::path& folder, const SweepPlan& plan, const SweepResults& results,
                       const core::Catalogue& catalogue, const SweepTiming& timing)
{
    requireComplete(plan, results);
    records::writeFileAtomically(folder / "runs.csv", runsCsv(plan, results));
    records::writeFileAtomically(folder / "points.csv", pointsCsv(plan, results));
    for (const auto r : plan.spec().seriesRuns)
        writeSweepSeries(plan, r, catalogue, folder / "series" / ("run-" + std::to_string(r)));
    // sweep.json last: its presence marks a finished sweep.
    records::writeFileAtomically(folder / "sweep.json", sweepJson(plan, results, timing));
}

} // namespace cybersim::sweep
