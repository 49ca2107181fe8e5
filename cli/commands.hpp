// SPDX-License-Identifier: MIT
// The command line's subcommands: options parsed by main.cpp (the only file that includes CLI11) and their bodies.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cybersim::cli
{

/// Exit codes shared by every command (STYLE E).
enum ExitCode : int
{
    kExitOk = 0,
    kExitRuntime = 1,
    kExitBadInput = 2,
};

/// Options of `cybersim run`.
struct RunOptions
{
    std::string scenario;               // file or shipped name; empty = the embedded default
    std::optional<std::uint64_t> seed;  // overrides run.seed
    std::optional<int> rounds;          // overrides run.rounds
    int threads = 0;                    // 0 = all cores
    std::vector<std::string> overrides; // --set key.path=value
    std::string out;                    // output folder; empty = out/<scenario name>
    std::string record;                 // replay file to write (JSON, docs/lessons.md); empty = none
    std::string engine = "auto";        // auto, general or spatial (the lattice kernel); auto: kernel if it can
    bool quiet = false;
};

/// Options of `cybersim lesson`.
struct LessonOptions
{
    std::string lesson; // shipped lesson name (see `cybersim list`) or a lesson file
    std::string out;    // folder for the charts and handout.html; empty = out/lessons/<lesson name>
    std::string record; // folder for one replay file per run of the lesson; empty = none
    int threads = 0;    // 0 = all cores
    bool quiet = false;
};

/// Options of `cybersim describe`.
struct DescribeOptions
{
    std::string scenario;
    std::vector<std::string> overrides;
};

/// Options of `cybersim sweep`.
struct SweepOptions
{
    std::string spec;    // sweep spec file (TOML)
    std::string out;     // output folder
    int threads = 0;     // worker threads per process; 0 = all cores (1 per rank under MPI)
    bool resume = false; // keep the runs journalled in `out`
    bool force = false;  // replace another sweep's results in `out`
    bool quiet = false;
};

/// Options of `cybersim plot`.
struct PlotOptions
{
    std::string folder; // a sweep's output folder
    std::string out;    // where the charts go; empty = <folder>/plots
};

/// Options of `cybersim tournament`.
struct TournamentOptions
{
    std::vector<std::string> players; // strategy names, comma-separated or repeated
    std::uint32_t turns = 200;        // moves per match
    std::uint32_t repetitions = 10;   // round robins played
    double noise = 0.0;               // probability each move is flipped, [0,1]
    std::uint64_t seed = 1;           // master seed
    int threads = 0;                  // 0 = all cores
    std::string out;                  // folder for matches.csv and ranking.csv; empty = none
    bool excludeSelfPlay = false;     // rank without the twin match (Axelrod-Python's totals)
    bool quiet = false;
};

/// Options of `cybersim validate`.
struct ValidateOptions
{
    std::vector<std::string> names; // checks to run; empty = all
    bool quick = false;             // the small variant the test suite runs
    std::string out;                // folder for validation.csv, validation.json and the charts; empty = none
    int threads = 0;                // 0 = all cores
    bool list = false;              // list the checks and exit
    std::uint64_t seed = 20260101;  // master seed of the stochastic checks
};

/// Options of `cybersim check`.
struct CheckOptions
{
    std::vector<std::string> scenarios; // files or shipped names; empty = every shipped scenario with claims
    std::optional<int> seeds;           // seeds for every claim instead of its own count, [2, 10000]
    int threads = 0;                    // 0 = all cores
    std::string out;                    // folder for claims.csv and claims.json; empty = none
    bool quiet = false;                 // only the claims that fail the check, and the summary line
};

int runCommand(const RunOptions& options);
int listCommand();
int lessonCommand(const LessonOptions& options);
int describeCommand(const DescribeOptions& options);
int schemaCommand();
int sweepCommand(const SweepOptions& options);
int plotCommand(const PlotOptions& options);
int tournamentCommand(const TournamentOptions& options);
int validateCommand(const ValidateOptions& options);
int checkCommand(const CheckOptions& options);

} // namespace cybersim::cli
