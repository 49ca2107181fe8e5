// SPDX-License-Identifier: MIT
// `cybersim check`: the claims of scenarios (or of every shipped scenario) checked over many seeds, as a table with a
// summary line; exit 1 on any FAIL or UNEXPECTED PASS.
#include "commands.hpp"
#include "progress.hpp"
#include "scenario_lookup.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/claims/claim_check.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/lesson/lesson.hpp"
#include "cybersim/records/run_record.hpp"
#include "cybersim/scenario/scenario_io.hpp"

#include <tbb/task_arena.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace cybersim::cli
{

namespace
{

namespace fs = std::filesystem;

// The shipped scenario files, folder by folder (the top folder, classic/, lessons/), each sorted by name.
std::vector<fs::path> shippedScenarioFiles(const fs::path& folder)
{
    std::vector<fs::path> all;
    for (const auto& sub : {fs::path(), fs::path("classic"), fs::path("lessons")})
    {
        std::vector<fs::path> files;
        std::error_code error;
        for (auto it = fs::directory_iterator(folder / sub, error); !error && it != fs::directory_iterator();
             it.increment(error))
            if (it->path().extension() == ".toml" && it->is_regular_file(error))
                files.push_back(it->path());
        std::sort(files.begin(), files.end());
        all.insert(all.end(), files.begin(), files.end());
    }
    return all;
}

// True when `file` in the lessons folder is a lesson (lessons share the folder with scenarios but hold no claims).
bool isLessonFile(const fs::path& file, const fs::path& scenarios)
{
    if (file.parent_path().filename() != "lessons")
        return false;
    try
    {
        (void)lesson::loadLessonFile(file, agents::builtinCatalogue(), scenarios);
        return true;
    }
    catch (const Error&)
    {
        return false;
    }
}

struct Loaded
{
    std::string shown; // name as the user gave it, or relative to the shipped folder
    scenario::Scenario scenario;
};

// Loads the scenarios to check, printing every problem. @return false when any could not be loaded.
bool loadTargets(const CheckOptions& options, std::vector<Loaded>& loaded, std::vector<std::string>& lessons)
{
    bool ok = true;
    if (!options.scenarios.empty())
    {
        for (const auto& name : options.scenarios)
            try
            {
                loaded.push_back({name, loadScenarioByName(name, {})});
            }
            catch (const std::exception& error)
            {
                printDiagnostics(error);
                ok = false;
            }
        return ok;
    }
    const auto folder = scenariosFolder(); // throws ConfigError when there is no data folder
    for (const auto& file : shippedScenarioFiles(folder))
    {
        const auto shown = fs::relative(file, folder).replace_extension().generic_string();
        try
        {
            loaded.push_back({shown, scenario::loadScenarioFile(file, agents::builtinCatalogue())});
        }
        catch (const std::exception& error)
        {
            if (isLessonFile(file, folder))
            {
                lessons.push_back(shown);
                continue;
            }
            printDiagnostics(error);
            ok = false;
        }
    }
    return ok;
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

void printTable(const std::vector<claims::ClaimResult>& results, bool quiet)
{
    const std::vector<std::string> header{"scenario", "claim", "metric", "expected", "measured", "status"};
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : results)
        if (!quiet || claims::isFailure(r.status))
            rows.push_back({r.scenarioName, r.claim.name, claims::metricText(r), claims::expectedText(r),
                            claims::measuredText(r), std::string(claims::statusText(r.status))});
    if (rows.empty())
        return;
    std::vector<std::size_t> widths(header.size());
    for (std::size_t k = 0; k < header.size(); ++k)
    {
        widths[k] = header[k].size();
        for (const auto& row : rows)
            widths[k] = std::max(widths[k], row[k].size());
    }
    const auto print = [&](const std::vector<std::string>& row)
    {
        std::string line;
        for (std::size_t k = 0; k < row.size(); ++k)
            line += k + 1 < row.size() ? row[k] + std::string(widths[k] - row[k].size() + 2, ' ') : row[k];
        std::printf("%s\n", line.c_str());
    };
    print(header);
    for (const auto& row : rows)
        print(row);
    // What the claims that did not pass say, and why the known failures fail.
    bool first = true;
    for (const auto& r : results)
    {
        if (r.status == claims::ClaimStatus::Pass || (quiet && !claims::isFailure(r.status)))
            continue;
        if (first)
            std::printf("\n");
        first = false;
        std::printf("%s: %s %s", std::string(claims::statusText(r.status)).c_str(), r.scenarioName.c_str(),
                    r.claim.name.c_str());
        if (!r.claim.text.empty())
            std::printf(": %s", r.claim.text.c_str());
        if (!r.claim.knownFailure.empty())
            std::printf(" (known failure: %s)", r.claim.knownFailure.c_str());
        std::printf("\n");
    }
}

int writeOutputs(const std::string& out, const std::vector<claims::ClaimResult>& results)
{
    try
    {
        std::error_code error;
        fs::create_directories(out, error);
        if (error)
            throw ConfigError("cannot create " + out + ": " + error.message());
        records::writeFileAtomically(fs::path(out) / "claims.csv", claims::claimsCsv(results));
        records::writeFileAtomically(fs::path(out) / "claims.json", claims::claimsJson(results));
    }
    catch (const std::exception& error)
    {
        std::cerr << "error: --out: " << error.what() << '\n';
        return kExitRuntime;
    }
    return kExitOk;
}

} // namespace

int checkCommand(const CheckOptions& options)
{
    const auto& catalogue = agents::builtinCatalogue();
    if (!options.out.empty())
    {
        std::error_code error;
        if (fs::exists(options.out, error) && !fs::is_directory(options.out, error))
        {
            std::cerr << "error: --out: " << options.out << " is a file, expected a folder\n";
            return kExitBadInput;
        }
    }

    // Load and check every claim before anything runs, so that bad input costs no runs.
    std::vector<Loaded> loaded;
    std::vector<std::string> lessons;
    bool ok = true;
    try
    {
        ok = loadTargets(options, loaded, lessons);
    }
    catch (const ConfigError& error)
    {
        std::cerr << "error: " << error.what() << '\n';
        return kExitRuntime;
    }
    std::vector<std::unique_ptr<claims::ClaimCheck>> checks;
    std::vector<std::string> without;
    std::uint64_t runs = 0;
    std::size_t claimCount = 0;
    for (const auto& l : loaded)
    {
        if (l.scenario.claims.empty())
        {
            without.push_back(l.shown);
            continue;
        }
        try
        {
            checks.push_back(std::make_unique<claims::ClaimCheck>(l.scenario, catalogue, options.seeds));
            runs += checks.back()->runCount();
            claimCount += checks.back()->claimCount();
        }
        catch (const std::exception& error)
        {
            printDiagnostics(error);
            ok = false;
        }
    }
    if (!ok)
        return kExitBadInput;

    const int threads = options.threads > 0 ? options.threads : tbb::this_task_arena::max_concurrency();
    if (!options.quiet)
    {
        std::printf("cybersim %s: checking %zu claim%s of %zu scenario%s: %llu runs, %d thread%s\n", CYBERSIM_VERSION,
                    claimCount, claimCount == 1 ? "" : "s", checks.size(), checks.size() == 1 ? "" : "s",
                    static_cast<unsigned long long>(runs), threads, threads == 1 ? "" : "s");
        if (!without.empty())
            std::printf("No claims in %zu scenario%s: %s\n", without.size(), without.size() == 1 ? "" : "s",
                        joined(without).c_str());
        if (!lessons.empty())
            std::printf("Lessons are not scenarios and were skipped: %s\n", joined(lessons).c_str());
        std::printf("\n");
        std::fflush(stdout);
    }

    std::vector<claims::ClaimResult> results;
    try
    {
        Progress progress("runs", runs, !options.quiet);
        std::uint64_t before = 0;
        for (const auto& check : checks)
        {
            auto some = check->run(catalogue, threads, [&](std::uint64_t done) { progress.update(before + done); });
            before += check->runCount();
            results.insert(results.end(), std::make_move_iterator(some.begin()), std::make_move_iterator(some.end()));
        }
        progress.finish();
    }
    catch (const std::exception& error)
    {
        std::cerr << "error: " << error.what() << '\n';
        return kExitRuntime;
    }

    printTable(results, options.quiet);
    const auto t = claims::tally(results);
    if (!results.empty() && (!options.quiet || t.errors() > 0))
        std::printf("\n");
    // CI reads the line's start, "N passed, N failed": failed counts every claim that fails the check.
    std::printf("%d passed, %d failed, %d known failures", t.passed, t.errors(), t.knownFailures);
    if (t.unexpectedPasses > 0)
        std::printf(" (%d of the failed %s an unexpected pass)", t.unexpectedPasses,
                    t.unexpectedPasses == 1 ? "is" : "are");
    std::printf("\n");
    std::fflush(stdout);

    if (!options.out.empty())
    {
        if (const int code = writeOutputs(options.out, results); code != kExitOk)
            return code;
        if (!options.quiet)
            std::printf("Wrote %s/{claims.csv,claims.json}\n", options.out.c_str());
    }
    return t.errors() > 0 ? kExitRuntime : kExitOk;
}

} // namespace cybersim::cli
