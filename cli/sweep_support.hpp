// SPDX-License-Identifier: MIT
// Steps of `cybersim sweep` shared by the single-process and the MPI drivers: loading, folder checks, finishing.
#pragma once

#include "commands.hpp"

#include "cybersim/sweep/sweep_journal.hpp"
#include "cybersim/sweep/sweep_output.hpp"
#include "cybersim/sweep/sweep_plan.hpp"

#include <memory>
#include <optional>

namespace cybersim::cli
{

/// Loads the spec, its base scenario and the plan; prints diagnostics when `report` and returns nothing on bad input.
[[nodiscard]] std::unique_ptr<sweep::SweepPlan> loadSweepPlan(const SweepOptions& options, bool report);

/// Decides whether the output folder may be used and whether to resume. @return kExitOk, or kExitBadInput after
/// printing why the folder is refused; `resume` is set to true when journalled runs should be kept.
[[nodiscard]] int checkSweepFolder(const SweepOptions& options, const sweep::SweepPlan& plan, bool& resume);

/// Reads the journal back, writes every output file and prints a short summary. @return the exit code.
[[nodiscard]] int finishSweep(const SweepOptions& options, const sweep::SweepPlan& plan,
                              const sweep::SweepTiming& timing);

/// True when this process was started by mpirun/srun (Open MPI, PMIx or PMI environment variables are set).
[[nodiscard]] bool launchedByMpi();

#ifdef CYBERSIM_HAVE_MPI
/// `cybersim sweep` across MPI ranks: rank 0 journals and hands out runs on request (master-worker).
[[nodiscard]] int sweepCommandMpi(const SweepOptions& options);
#endif

} // namespace cybersim::cli
