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
    bool quiet = false;
};

/// Options of `cybersim describe`.
struct DescribeOptions
{
    std::string scenario;
    std::vector<std::string> overrides;
};

int runCommand(const RunOptions& options);
int listCommand();
int describeCommand(const DescribeOptions& options);
int schemaCommand();

} // namespace cybersim::cli
