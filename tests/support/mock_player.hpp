// SPDX-License-Identifier: MIT
// Test-only scripted opponent: Axelrod-Python's MockPlayer, which cycles a fixed list of moves.
#pragma once

#include "cybersim/core/strategy.hpp"

#include <stdexcept>
#include <string>
#include <utility>

namespace cybersim::test
{

/// Plays script[t % script.size()] on turn t; the script is a string of 'C' and 'D'.
class MockPlayer final : public core::Strategy
{
public:
    explicit MockPlayer(std::string script) : m_script(std::move(script))
    {
        if (m_script.empty() || m_script.find_first_not_of("CD") != std::string::npos)
            throw std::invalid_argument("mock script must be a non-empty string of C and D: '" + m_script + "'");
    }

    void decide(std::span<core::DyadMemory> memories, std::span<core::Action> out,
                const core::DecisionContext&) const override
    {
        for (std::size_t i = 0; i < memories.size(); ++i)
            out[i] =
                m_script[memories[i].turns % m_script.size()] == 'C' ? core::Action::Cooperate : core::Action::Defect;
    }

private:
    std::string m_script;
};

} // namespace cybersim::test
