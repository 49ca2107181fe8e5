// SPDX-License-Identifier: MIT
// Progress reporting for long work: a redrawn bar on a terminal, plain periodic lines otherwise.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace cybersim::cli
{

/// Shows progress of `total` units on stderr, at most a few times a second; silent for work under a second.
class Progress
{
public:
    Progress(std::string label, std::uint64_t total, bool enabled = true);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// Reports that `done` units are complete.
    void update(std::uint64_t done);
    /// Clears the bar (on a terminal) once the work is complete.
    void finish();

private:
    std::string m_label;
    std::uint64_t m_total;
    bool m_enabled;
    bool m_terminal;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_last;
};

} // namespace cybersim::cli
