// SPDX-License-Identifier: MIT
// Ranking the active states by value: insertion sort from last round's order, with a sort from scratch as the bound.
#include "phases/payoff_ranking.hpp"

#include <algorithm>
#include <cmath>

namespace cybersim::engine
{

namespace
{

// Ascending, NaN last: the order both sorts below produce.
bool precedes(double x, double y)
{
    return x < y || (std::isnan(y) && !std::isnan(x));
}

} // namespace

std::size_t rankActiveValues(std::span<const double> values, std::span<const std::int32_t> active,
                             std::vector<std::uint32_t>& order, std::vector<std::uint32_t>& ranked,
                             std::vector<double>& sorted)
{
    const std::size_t n = values.size();
    if (order.size() != n)
    {
        order.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            order[i] = static_cast<std::uint32_t>(i);
    }
    sorted.clear();
    ranked.clear();
    for (const auto i : order)
        if (active[i])
        {
            sorted.push_back(values[i]);
            ranked.push_back(i);
        }
    // Insertion sort while its moves stay within a few per state; each insertion completes before the budget is
    // checked, so the pairs (sorted[k], ranked[k]) always belong together.
    const std::size_t budget = 8 * sorted.size() + 64;
    std::size_t moves = 0;
    std::size_t k = 1;
    for (; k < sorted.size() && moves <= budget; ++k)
    {
        const double value = sorted[k];
        const auto state = ranked[k];
        std::size_t slot = k;
        for (; slot > 0 && precedes(value, sorted[slot - 1]); --slot)
        {
            sorted[slot] = sorted[slot - 1];
            ranked[slot] = ranked[slot - 1];
            ++moves;
        }
        sorted[slot] = value;
        ranked[slot] = state;
    }
    if (k < sorted.size())
    {
        // Far from last round's order: sort from scratch. A total order (value, NaN last, then state) in place, so
        // nothing is allocated and the result does not depend on the algorithm.
        std::sort(ranked.begin(), ranked.end(),
                  [&](std::uint32_t a, std::uint32_t b)
                  {
                      const double x = values[a], y = values[b];
                      if (precedes(x, y) || precedes(y, x))
                          return precedes(x, y);
                      return a < b;
                  });
        for (std::size_t r = 0; r < ranked.size(); ++r)
            sorted[r] = values[ranked[r]];
    }
    std::copy(ranked.begin(), ranked.end(), order.begin());
    std::size_t next = ranked.size();
    for (std::size_t i = 0; i < n; ++i)
        if (!active[i])
            order[next++] = static_cast<std::uint32_t>(i);
    return moves;
}

} // namespace cybersim::engine
