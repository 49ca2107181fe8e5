// SPDX-License-Identifier: MIT
// `cybersim sweep` under mpirun: rank 0 owns the journal and hands out chunks of runs on request (master-worker, so
// fast and slow ranks balance themselves) and computes runs itself between requests; the files it writes at the end
// are the single-process sweep's, byte for byte, because they are built from the journal in run order.
#include "commands.hpp"
#include "progress.hpp"
#include "sweep_support.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/sweep/sweep_run.hpp"

#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/serialization/utility.hpp>
#include <boost/serialization/vector.hpp>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

namespace cybersim::cli
{

namespace
{

namespace mpi = boost::mpi;

constexpr int kTagResult = 1; // worker -> master: finished runs (indices, values); also the request for more
constexpr int kTagWork = 2;   // master -> worker: run indices to do, or {kStop}
// "No more work". Never an empty vector: Boost 1.74 dereferences the data pointer of an empty array it sends.
constexpr std::uint64_t kStop = ~std::uint64_t(0);

using Chunk = std::vector<std::uint64_t>;
using Finished = std::pair<std::vector<std::uint64_t>, std::vector<double>>;

Finished runChunk(const sweep::SweepPlan& plan, const Chunk& chunk, tbb::task_arena& arena)
{
    const auto metrics = plan.spec().metrics.size();
    Finished out{chunk, std::vector<double>(chunk.size() * metrics)};
    arena.execute(
        [&]
        {
            tbb::parallel_for(
                tbb::blocked_range<std::size_t>(0, chunk.size(), 1),
                [&](const auto& range)
                {
                    for (auto i = range.begin(); i != range.end(); ++i)
                    {
                        const auto values = sweep::runSweepRun(plan, chunk[i], agents::builtinCatalogue());
                        std::copy(values.begin(), values.end(), out.second.begin() + std::ptrdiff_t(i * metrics));
                    }
                });
        });
    return out;
}

int master(const mpi::communicator& world, const SweepOptions& options, const sweep::SweepPlan& plan,
           sweep::SweepJournal& journal, int threads, std::chrono::steady_clock::time_point start)
{
    std::vector<std::uint64_t> pending;
    for (std::uint64_t i = 0; i < plan.runCount(); ++i)
        if (!journal.resumed().done[i])
            pending.push_back(i);
    const auto metrics = plan.spec().metrics.size();
    const int workers = world.size() - 1;
    if (!options.quiet)
    {
        std::printf("cybersim %s: sweep '%s' on scenario '%s': %zu points x %d replicates = %llu runs, %d MPI ranks x "
                    "%d thread%s\n",
                    CYBERSIM_VERSION, plan.spec().name.c_str(), plan.base().name.c_str(), plan.pointCount(),
                    plan.spec().replicates, static_cast<unsigned long long>(plan.runCount()), world.size(), threads,
                    threads == 1 ? "" : "s");
        if (pending.size() < plan.runCount())
            std::printf("  resuming: %llu runs already journalled, %zu to go\n",
                        static_cast<unsigned long long>(plan.runCount() - pending.size()), pending.size());
        std::fflush(stdout);
    }
    Progress progress("runs", pending.size(), !options.quiet);
    std::size_t next = 0;
    std::uint64_t done = 0;
    int active = workers;
    std::string failure;
    const auto chunkSize = [&]
    {
        const auto left = pending.size() - next;
        const auto share = left / (2 * std::size_t(world.size()));
        return std::clamp<std::size_t>(share, 1, std::size_t(threads) * 4);
    };
    while (active > 0 || (next < pending.size() && failure.empty()))
    {
        if (active > 0)
        {
            // Serve every waiting worker first; compute locally only when nobody is waiting.
            auto status = world.iprobe(mpi::any_source, kTagResult);
            if (status || next >= pending.size() || !failure.empty())
            {
                Finished finished;
                const auto from = world.recv(mpi::any_source, kTagResult, finished);
                try
                {
                    for (std::size_t i = 0; i < finished.first.size(); ++i)
                        journal.append(finished.first[i],
                                       std::span<const double>(finished.second.data() + i * metrics, metrics));
                }
                catch (const std::exception& error)
                {
                    failure = error.what();
                }
                done += finished.first.size();
                progress.update(done);
                Chunk chunk;
                if (failure.empty())
                {
                    const auto n = std::min(chunkSize(), pending.size() - next);
                    chunk.assign(pending.begin() + std::ptrdiff_t(next), pending.begin() + std::ptrdiff_t(next + n));
                    next += n;
                }
                if (chunk.empty())
                {
                    chunk.push_back(kStop);
                    --active;
                }
                world.send(from.source(), kTagWork, chunk);
                continue;
            }
        }
        try
        {
            const auto index = pending[next++];
            journal.append(index, sweep::runSweepRun(plan, index, agents::builtinCatalogue()));
            progress.update(++done);
        }
        catch (const std::exception& error)
        {
            failure = error.what();
        }
    }
    progress.finish();
    journal.close();
    if (!failure.empty())
    {
        std::cerr << "error: " << failure << " (finished runs are journalled; --resume continues)\n";
        return kExitRuntime;
    }
    const sweep::SweepTiming timing{std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                                    pending.size(), threads, world.size()};
    return finishSweep(options, plan, timing);
}

void worker(const mpi::communicator& world, const sweep::SweepPlan& plan, int threads)
{
    tbb::task_arena arena(threads);
    Finished finished; // the first message carries nothing and asks for work
    while (true)
    {
        world.send(0, kTagResult, finished);
        Chunk chunk;
        world.recv(0, kTagWork, chunk);
        if (chunk.empty() || chunk.front() == kStop)
            return;
        finished = runChunk(plan, chunk, arena);
    }
}

} // namespace

int sweepCommandMpi(const SweepOptions& options)
{
    const auto start = std::chrono::steady_clock::now();
    // Only here, and only under mpirun, is MPI initialised: other commands start without it.
    mpi::environment environment(mpi::threading::funneled);
    const mpi::communicator world;
    const bool root = world.rank() == 0;
    const int threads = options.threads > 0 ? options.threads : 1;

    const auto plan = loadSweepPlan(options, root);
    int code = plan ? kExitOk : kExitBadInput;
    // Every rank must have the same plan (a spec missing on one node is bad input for all).
    code = mpi::all_reduce(world, code, mpi::maximum<int>());
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
    mpi::broadcast(world, code, 0);
    if (code != kExitOk)
        return code;

    if (root)
        code = master(world, options, *plan, *journal, threads, start);
    else
        worker(world, *plan, threads);
    mpi::broadcast(world, code, 0);
    return code;
}

} // namespace cybersim::cli
