// SPDX-License-Identifier: MIT
// `cybersim sweep`: a parameter sweep over threads (oneTBB), resumable from its journal; MPI when run under mpirun.
#include "commands.hpp"
#include "progress.hpp"
#include "scenario_lookup.hpp"
#include "sweep_support.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/core/shell_quote.hpp"
#include "cybersim/scenario/scenario_schema.hpp"
#include "cybersim/sweep/sweep_run.hpp"

#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace cybersim::cli
{

bool launchedByMpi()
{
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE", "PMI_RANK"})
        if (const char* value = std::getenv(name); value != nullptr && *value != '\0')
            return true;
    return false;
}

std::unique_ptr<sweep::SweepPlan> loadSweepPlan(const SweepOptions& options, bool report)
{
    try
    {
        auto spec = sweep::loadSweepSpec(options.spec);
        auto base = sweep::loadSweepBase(spec, agents::builtinCatalogue(), scenariosFolder());
        return std::make_unique<sweep::SweepPlan>(std::move(spec), std::move(base), agents::builtinCatalogue());
    }
    catch (const std::exception& error)
    {
        if (report)
            printDiagnostics(error);
        return nullptr;
    }
}

int checkSweepFolder(const SweepOptions& options, const sweep::SweepPlan& plan, bool& resume)
{
    namespace fs = std::filesystem;
    const fs::path out(options.out);
    std::error_code error;
    if (fs::exists(out, error) && !fs::is_directory(out, error))
    {
        std::cerr << "error: --out: " << options.out << " is a file, expected a folder\n";
        return kExitBadInput;
    }
    const auto state = sweep::inspectSweepFolder(out);
    resume = false;
    if (!state.hasJournal)
        return kExitOk;
    const bool sameSpec = state.specHash == plan.specHash();
    if (options.force)
        return kExitOk; // start over
    if (!sameSpec)
    {
        std::cerr << "error: --out: " << options.out << " holds another sweep (spec hash " << state.specHash
                  << ", this spec " << plan.specHash()
                  << "); choose another folder, or pass --force to replace its results\n";
        return kExitBadInput;
    }
    if (options.resume)
    {
        resume = true;
        return kExitOk;
    }
    if (!state.finished && state.journalled > 0)
    {
        std::cerr << "error: --out: " << options.out << " holds an interrupted run of this sweep (" << state.journalled
                  << " of " << plan.runCount() << " runs done); pass --resume to finish it or --force to start over\n";
        return kExitBadInput;
    }
    return kExitOk; // the same sweep, finished: run it again from scratch
}

int finishSweep(const SweepOptions& options, const sweep::SweepPlan& plan, const sweep::SweepTiming& timing)
{
    const std::filesystem::path out(options.out);
    try
    {
        const auto results = sweep::SweepJournal::read(out / sweep::SweepJournal::kFileName, plan);
        sweep::writeSweepOutputs(out, plan, results, agents::builtinCatalogue(), timing);
    }
    catch (const std::exception& error)
    {
        std::cerr << "error: " << error.what() << '\n';
        return kExitRuntime;
    }
    if (options.quiet)
        return kExitOk;
    const double rate = timing.wallSeconds > 0 ? double(timing.runsThisSession) / timing.wallSeconds : 0.0;
    std::printf(
        "%llu runs (%zu points x %d replicates) done; %llu computed now in %.2f s (%.0f runs/s, %d thread%s%s)\n",
        static_cast<unsigned long long>(plan.runCount()), plan.pointCount(), plan.spec().replicates,
        static_cast<unsigned long long>(timing.runsThisSession), timing.wallSeconds, rate, timing.threads,
        timing.threads == 1 ? "" : "s",
        timing.processes > 1 ? (" x " + std::to_string(timing.processes) + " ranks").c_str() : "");
    std::printf("Wrote %s/{runs.csv,points.csv,sweep.json}%s\n", out.string().c_str(),
                plan.spec().seriesRuns.empty() ? "" : " and series/");
    const auto overrides = plan.overrides(0);
    const bool elementKeys =
        std::any_of(overrides.begin(), overrides.end(), [](const std::string& o) { return o.find('[') < o.find('='); });
    if (elementKeys)
        std::printf("Re-run one run: copy the scenario with the point's values (array elements cannot be --set), "
                    "then cybersim run COPY --seed <seed from runs.csv>\n");
    else
    {
        std::printf("Re-run one run: cybersim run %s--seed <seed from runs.csv>",
                    plan.spec().scenario == "default" ? "" : (core::shellQuote(plan.spec().scenario) + " ").c_str());
        for (const auto& o : overrides)
            std::printf(" --set %s", core::shellQuote(o).c_str());
        std::printf("   (the values of point 0)\n");
    }
    return kExitOk;
}

int sweepCommand(const SweepOptions& options)
{
#ifdef CYBERSIM_HAVE_MPI
    if (launchedByMpi())
        return sweepCommandMpi(options);
#endif
    const auto start = std::chrono::steady_clock::now();
    const auto plan = loadSweepPlan(options, true);
    if (!plan)
        return kExitBadInput;
    bool resume = false;
    if (const int code = checkSweepFolder(options, *plan, resume); code != kExitOk)
        return code;

    std::unique_ptr<sweep::SweepJournal> journal;
    try
    {
        journal = std::make_unique<sweep::SweepJournal>(options.out, *plan, resume);
    }
    catch (const std::exception& error)
    {
        std::cerr << "error: --out: " << error.what() << '\n';
        return kExitBadInput;
    }
    std::vector<std::uint64_t> pending;
    for (std::uint64_t i = 0; i < plan->runCount(); ++i)
        if (!journal->resumed().done[i])
            pending.push_back(i);
    const int threads = options.threads > 0 ? options.threads : tbb::this_task_arena::max_concurrency();
    if (!options.quiet)
    {
        std::printf("cybersim %s: sweep '%s' on scenario '%s': %zu points x %d replicates = %llu runs, %d thread%s\n",
                    CYBERSIM_VERSION, plan->spec().name.c_str(), plan->base().name.c_str(), plan->pointCount(),
                    plan->spec().replicates, static_cast<unsigned long long>(plan->runCount()), threads,
                    threads == 1 ? "" : "s");
        if (!plan->spec().description.empty())
            std::printf("  %s\n", plan->spec().description.c_str());
        for (const auto& note : plan->notes())
            std::fprintf(stderr, "note: %s\n", note.c_str());
        if (resume)
            std::printf("  resuming: %llu runs already journalled, %zu to go\n",
                        static_cast<unsigned long long>(plan->runCount() - pending.size()), pending.size());
        std::fflush(stdout);
    }
    try
    {
        Progress progress("runs", pending.size(), !options.quiet);
        sweep::runSweepLocal(*plan, agents::builtinCatalogue(), pending, *journal, threads,
                             [&progress](std::uint64_t done) { progress.update(done); });
        progress.finish();
        journal->close();
    }
    catch (const std::exception& error)
    {
        std::cerr << "error: " << error.what() << " (finished runs are journalled; --resume continues)\n";
        return kExitRuntime;
    }
    const sweep::SweepTiming timing{std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                                    pending.size(), threads, 1};
    return finishSweep(options, *plan, timing);
}

} // namespace cybersim::cli
