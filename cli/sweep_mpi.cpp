// SPDX-License-Identifier: MIT
// `cybersim sweep` under mpirun: the front end of sweep::MpiSweepSession (loading, folder checks, messages, the
// files written at the end); the distribution itself lives in the sweep library.
#include "commands.hpp"
#include "progress.hpp"
#include "sweep_support.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/sweep/sweep_mpi.hpp"

#include <chrono>
#include <cstdio>
#include <exception>
#include <iostream>

namespace cybersim::cli
{

namespace
{

int runAsRoot(const sweep::MpiSweepSession& session, const SweepOptions& options, const sweep::SweepPlan& plan,
              sweep::SweepJournal& journal, int threads, std::chrono::steady_clock::time_point start)
{
    std::uint64_t pending = 0;
    for (std::uint64_t i = 0; i < plan.runCount(); ++i)
        pending += journal.resumed().done[i] ? 0 : 1;
    if (!options.quiet)
    {
        std::printf("cybersim %s: sweep '%s' on scenario '%s': %zu points x %d replicates = %llu runs, %d MPI ranks x "
                    "%d thread%s\n",
                    CYBERSIM_VERSION, plan.spec().name.c_str(), plan.base().name.c_str(), plan.pointCount(),
                    plan.spec().replicates, static_cast<unsigned long long>(plan.runCount()), session.size(), threads,
                    threads == 1 ? "" : "s");
        if (pending < plan.runCount())
            std::printf("  resuming: %llu runs already journalled, %llu to go\n",
                        static_cast<unsigned long long>(plan.runCount() - pending),
                        static_cast<unsigned long long>(pending));
        std::fflush(stdout);
    }
    Progress progress("runs", pending, !options.quiet);
    std::string failure;
    try
    {
        (void)session.run(plan, agents::builtinCatalogue(), &journal, threads,
                          [&](std::uint64_t done) { progress.update(done); });
    }
    catch (const std::exception& error)
    {
        failure = error.what();
    }
    progress.finish();
    journal.close();
    if (!failure.empty())
    {
        std::cerr << "error: " << failure << " (finished runs are journalled; --resume continues)\n";
        return kExitRuntime;
    }
    const sweep::SweepTiming timing{std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                                    pending, threads, session.size()};
    return finishSweep(options, plan, timing);
}

} // namespace

int sweepCommandMpi(const SweepOptions& options)
{
    const auto start = std::chrono::steady_clock::now();
    // Only here, and only under mpirun, is MPI initialised: other commands start without it.
    const sweep::MpiSweepSession session;
    const bool root = session.rank() == 0;
    const int threads = options.threads > 0 ? options.threads : 1;

    const auto plan = loadSweepPlan(options, root);
    // Every rank must have the same plan (a spec missing on one node is bad input for all).
    int code = session.agree(plan ? kExitOk : kExitBadInput);
    if (code != kExitOk)
        return code;

    std::unique_ptr<sweep::SweepJournal> journal;
    if (root)
    {
        bool resume = false;
        code = checkSweepFolder(options, *plan, resume);
        if (code == kExitOk)
            try
            {
                journal = std::make_unique<sweep::SweepJournal>(options.out, *plan, resume);
            }
            catch (const std::exception& error)
            {
                std::cerr << "error: --out: " << error.what() << '\n';
                code = kExitBadInput;
            }
    }
    code = session.broadcast(code);
    if (code != kExitOk)
        return code;

    if (root)
        code = runAsRoot(session, options, *plan, *journal, threads, start);
    else
        (void)session.run(*plan, agents::builtinCatalogue(), nullptr, threads);
    return session.broadcast(code);
}

} // namespace cybersim::cli
