// SPDX-License-Identifier: MIT
// A sweep spread over MPI ranks (Open MPI through Boost.MPI): master-worker, so fast and slow ranks balance themselves.
// Built only when Boost.MPI is found (target cybersim::sweep_mpi); no MPI type appears in this header.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

namespace cybersim::core
{
class Catalogue;
} // namespace cybersim::core

namespace cybersim::sweep
{

class SweepPlan;
class SweepJournal;

/// MPI for the lifetime of this object (initialised with funneled threading: only the main thread calls MPI), and
/// the collective steps of a sweep over every rank of MPI_COMM_WORLD. Create one only in a process started by mpirun.
class MpiSweepSession
{
public:
    MpiSweepSession();
    ~MpiSweepSession();
    MpiSweepSession(const MpiSweepSession&) = delete;
    MpiSweepSession& operator=(const MpiSweepSession&) = delete;

    /// This process's rank; rank 0 owns the journal and writes the outputs.
    [[nodiscard]] int rank() const;
    /// The number of ranks.
    [[nodiscard]] int size() const;
    /// The largest of every rank's `code` (collective: every rank must call it), so that one rank's bad input
    /// stops all of them.
    [[nodiscard]] int agree(int code) const;
    /// Rank 0's `code` on every rank (collective).
    [[nodiscard]] int broadcast(int code) const;

    /// Runs every run the journal does not hold yet (collective). Rank 0 hands out chunks of run indices on request
    /// and computes runs itself while no worker waits; it journals every finished run, so the files written from the
    /// journal afterwards are the single-process sweep's, byte for byte. Each rank uses `threads` threads.
    /// @param journal rank 0's open journal; ignored (may be null) on the other ranks
    /// @param progress called on rank 0 with the number of runs finished in this call (may be empty)
    /// @return on rank 0 the number of runs computed in this call; 0 on the other ranks
    /// @throws on rank 0, the first exception a run or the journal threw, after every worker has stopped (the runs
    /// finished before it stay journalled, so a resumed sweep goes on from there)
    std::uint64_t run(const SweepPlan& plan, const core::Catalogue& catalogue, SweepJournal* journal, int threads,
                      const std::function<void(std::uint64_t done)>& progress = {}) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace cybersim::sweep
