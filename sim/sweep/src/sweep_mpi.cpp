// SPDX-License-Identifier: MIT
// The MPI sweep: rank 0 journals and serves chunks of runs on request, workers compute them with oneTBB.
#include "cybersim/sweep/sweep_mpi.hpp"

#include "cybersim/sweep/sweep_journal.hpp"
#include "cybersim/sweep/sweep_plan.hpp"
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
#include <exception>
#include <span>
#include <stdexcept>
#include <utility>
#include <vector>

namespace cybersim::sweep
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

Finished runChunk(const SweepPlan& plan, const core::Catalogue& catalogue, const Chunk& chunk, tbb::task_arena& arena)
{
    const auto metrics = plan.spec().metrics.size();
    Finished out{chunk, std::vector<double>(chunk.size() * metrics)};
    arena.execute(
        [&]
        {
            tbb::parallel_for(tbb::blocked_range<std::size_t>(0, chunk.size(), 1),
                              [&](const auto& range)
                              {
                                  for (auto i = range.begin(); i != range.end(); ++i)
                                  {
                                      const auto values = runSweepRun(plan, chunk[i], catalogue);
                                      std::copy(values.begin(), values.end(),
                                                out.second.begin() + std::ptrdiff_t(i * metrics));
                                  }
                              });
        });
    return out;
}

std::uint64_t master(const mpi::communicator& world, const SweepPlan& plan, const core::Catalogue& catalogue,
                     SweepJournal& journal, int threads, const std::function<void(std::uint64_t)>& progress)
{
    std::vector<std::uint64_t> pending;
    for (std::uint64_t i = 0; i < plan.runCount(); ++i)
        if (!journal.resumed().done[i])
            pending.push_back(i);
    const auto metrics = plan.spec().metrics.size();
    std::size_t next = 0;
    std::uint64_t done = 0;
    int active = world.size() - 1;
    std::exception_ptr failure;
    // Chunks shrink as the work runs out, so that the ranks finish together.
    const auto chunkSize = [&]
    {
        const auto left = pending.size() - next;
        const auto share = left / (2 * std::size_t(world.size()));
        return std::clamp<std::size_t>(share, 1, std::size_t(threads) * 4);
    };
    const auto report = [&]
    {
        if (progress)
            progress(done);
    };
    while (active > 0 || (next < pending.size() && !failure))
    {
        if (active > 0)
        {
            // Serve every waiting worker first; compute locally only when nobody is waiting.
            auto status = world.iprobe(mpi::any_source, kTagResult);
            if (status || next >= pending.size() || failure)
            {
                Finished finished;
                const auto from = world.recv(mpi::any_source, kTagResult, finished);
                try
                {
                    for (std::size_t i = 0; i < finished.first.size(); ++i)
                        journal.append(finished.first[i],
                                       std::span<const double>(finished.second.data() + i * metrics, metrics));
                }
                catch (...)
                {
                    failure = std::current_exception();
                }
                done += finished.first.size();
                report();
                Chunk chunk;
                if (!failure)
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
            journal.append(index, runSweepRun(plan, index, catalogue));
            ++done;
            report();
        }
        catch (...)
        {
            failure = std::current_exception();
        }
    }
    if (failure)
        std::rethrow_exception(failure);
    return done;
}

void worker(const mpi::communicator& world, const SweepPlan& plan, const core::Catalogue& catalogue, int threads)
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
        finished = runChunk(plan, catalogue, chunk, arena);
    }
}

} // namespace

struct MpiSweepSession::Impl
{
    mpi::environment environment{mpi::threading::funneled};
    mpi::communicator world;
};

MpiSweepSession::MpiSweepSession() : m_impl(std::make_unique<Impl>()) {}

MpiSweepSession::~MpiSweepSession() = default;

int MpiSweepSession::rank() const
{
    return m_impl->world.rank();
}

int MpiSweepSession::size() const
{
    return m_impl->world.size();
}

int MpiSweepSession::agree(int code) const
{
    return mpi::all_reduce(m_impl->world, code, mpi::maximum<int>());
}

int MpiSweepSession::broadcast(int code) const
{
    mpi::broadcast(m_impl->world, code, 0);
    return code;
}

std::uint64_t MpiSweepSession::run(const SweepPlan& plan, const core::Catalogue& catalogue, SweepJournal* journal,
                                   int threads, const std::function<void(std::uint64_t done)>& progress) const
{
    threads = std::max(threads, 1);
    if (m_impl->world.rank() != 0)
    {
        worker(m_impl->world, plan, catalogue, threads);
        return 0;
    }
    if (journal == nullptr)
        throw std::invalid_argument("MpiSweepSession::run: rank 0 needs the journal");
    return master(m_impl->world, plan, catalogue, *journal, threads, progress);
}

} // namespace cybersim::sweep
