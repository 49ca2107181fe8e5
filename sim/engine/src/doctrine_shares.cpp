// SPDX-License-Identifier: MIT
// The composition of doctrines in one round: the share of active states holding each doctrine.
#include "cybersim/engine/doctrine_shares.hpp"

namespace cybersim::engine
{

std::vector<double> doctrineShares(std::span<const StateMetrics> states, std::size_t doctrineCount)
{
    std::vector<double> shares(doctrineCount, 0.0);
    std::size_t counted = 0;
    for (const auto& state : states)
    {
        if (!state.active || state.doctrine < 0 || static_cast<std::size_t>(state.doctrine) >= doctrineCount)
            continue;
        shares[static_cast<std::size_t>(state.doctrine)] += 1.0;
        ++counted;
    }
    if (counted > 0)
        for (auto& share : shares)
            share /= static_cast<double>(counted);
    return shares;
}

} // namespace cybersim::engine
