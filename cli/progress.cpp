// SPDX-License-Identifier: MIT
// Progress bar with rate and ETA on a terminal; plain lines every 10 s when stderr is a file or pipe.
#include "progress.hpp"

#include <cstdio>
#include <unistd.h>

namespace cybersim::cli
{

Progress::Progress(std::string label, std::uint64_t total, bool enabled)
    : m_label(std::move(label)), m_total(total), m_enabled(enabled), m_terminal(isatty(fileno(stderr)) != 0),
      m_start(std::chrono::steady_clock::now()), m_last(m_start)
{
}

Progress::~Progress()
{
    finish();
}

void Progress::update(std::uint64_t done)
{
    if (!m_enabled || m_total == 0)
        return;
    const auto now = std::chrono::steady_clock::now();
    const double elapsed = std::chrono::duration<double>(now - m_start).count();
    const double sinceLast = std::chrono::duration<double>(now - m_last).count();
    // Quiet for the first second (short work needs no bar), then 5 redraws a second on a terminal or a line
    // every 10 s in a log.
    if (elapsed < 1.0 || sinceLast < (m_terminal ? 0.2 : 10.0))
        return;
    m_last = now;
    const double fraction = double(done) / double(m_total);
    const double rate = elapsed > 0 ? double(done) / elapsed : 0.0;
    const double eta = rate > 0 ? double(m_total - done) / rate : 0.0;
    if (m_terminal)
    {
        constexpr int kWidth = 30;
        const int filled = static_cast<int>(fraction * kWidth);
        std::fprintf(stderr, "\r%s [%.*s%*s] %llu/%llu  %.0f/s  ETA %.0fs  ", m_label.c_str(), filled,
                     "##############################", kWidth - filled, "", static_cast<unsigned long long>(done),
                     static_cast<unsigned long long>(m_total), rate, eta);
        m_drawn = true;
    }
    else
        std::fprintf(stderr, "%s: %llu/%llu (%.0f%%), %.0f/s, ETA %.0fs\n", m_label.c_str(),
                     static_cast<unsigned long long>(done), static_cast<unsigned long long>(m_total), 100.0 * fraction,
                     rate, eta);
    std::fflush(stderr);
}

void Progress::finish()
{
    if (m_drawn)
        std::fprintf(stderr, "\r%*s\r", 100, "");
    m_drawn = false;
}

} // namespace cybersim::cli
