// SPDX-License-Identifier: MIT
// Test support: run a shell command and get its exit code, its output (stdout and stderr), or both apart.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace cybersim::test
{

/// The cybersim executable of this build (the build makes it before the tests: tests/CMakeLists.txt).
inline const char* cliBinary()
{
    return CYBERSIM_CLI;
}

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

/// How a command ended and what it printed on each stream.
struct Outcome
{
    int code = -1;   // exit code, or -1 if it did not exit normally
    std::string out; // stdout
    std::string err; // stderr
};

/// Runs `command` and captures stdout and stderr apart (stderr goes through a temporary file).
inline Outcome runCapturing(const std::string& command)
{
    Outcome o;
    char errPath[] = "/tmp/cybersim-test-stderr-XXXXXX";
    const int fd = mkstemp(errPath);
    if (fd < 0)
        return o;
    close(fd);
    if (FILE* pipe = popen((command + " 2>" + errPath).c_str(), "r"))
    {
        char buffer[4096];
        while (const auto n = fread(buffer, 1, sizeof buffer, pipe))
            o.out.append(buffer, n);
        const int status = pclose(pipe);
        o.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    if (FILE* file = std::fopen(errPath, "rb"))
    {
        char buffer[4096];
        while (const auto n = fread(buffer, 1, sizeof buffer, file))
            o.err.append(buffer, n);
        std::fclose(file);
    }
    std::remove(errPath);
    return o;
}

} // namespace cybersim::test
