// SPDX-License-Identifier: MIT
// Test support: run a shell command and get its exit code, or capture its output (stdout and stderr).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/wait.h>

namespace cybersim::test
{

/// Runs `command` with its output discarded; the exit code, or -1 if it did not exit normally.
inline int run(const std::string& command)
{
    const int status = std::system((command + " >/dev/null 2>&1").c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Runs `command` and returns what it printed on stdout and stderr.
inline std::string capture(const std::string& command)
{
    std::string out;
    if (FILE* pipe = popen((command + " 2>&1").c_str(), "r"))
    {
        char buffer[4096];
        while (const auto n = fread(buffer, 1, sizeof buffer, pipe))
            out.append(buffer, n);
        pclose(pipe);
    }
    return out;
}

} // namespace cybersim::test
