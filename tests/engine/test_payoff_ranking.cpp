// SPDX-License-Identifier: MIT
// Ranking states by cumulative payoff (the welfare Gini's sort): the same sorted values as a sort from scratch, a
// few moves when ranks barely change, and a bounded number of moves however the order is shuffled.
#include "phases/payoff_ranking.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

using namespace cybersim;

namespace
{

std::vector<double> activeSorted(const std::vector<double>& values, const std::vector<std::int32_t>& active)
{
    std::vector<double> out;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (active[i])
            out.push_back(values[i]);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_CASE("payoff ranking: sorted values, last order kept for the next call, and bounded work")
{
    const std::size_t n = 20000;
    std::vector<double> values(n);
    std::vector<std::int32_t> active(n, 1);
    for (std::size_t i = 0; i < n; ++i)
        values[i] = double((i * 7919) % n) - 0.5 * double(n);
    active[3] = active[77] = 0;
    std::vector<std::uint32_t> order, ranked;
    std::vector<double> sorted;

    SUBCASE("the first call sorts from any order; the next, with ranks unchanged, moves nothing")
    {
        (void)engine::rankActiveValues(values, active, order, ranked, sorted);
        CHECK(sorted == activeSorted(values, active));
        CHECK(ranked.size() == n - 2);
        CHECK(order.size() == n);
        CHECK(order[n - 2] == 3);
        CHECK(order[n - 1] == 77);
        CHECK(engine::rankActiveValues(values, active, order, ranked, sorted) == 0);
        CHECK(sorted == activeSorted(values, active));
    }
    SUBCASE("a reversed ranking costs at most 9 n + 64 moves, not n^2 / 2")
    {
        (void)engine::rankActiveValues(values, active, order, ranked, sorted);
        for (auto& v : values)
            v = -v;
        const auto moves = engine::rankActiveValues(values, active, order, ranked, sorted);
        CHECK(moves <= 9 * n + 64);
        CHECK(sorted == activeSorted(values, active));
        for (std::size_t r = 0; r < ranked.size(); ++r)
            CHECK(values[ranked[r]] == sorted[r]);
    }
    SUBCASE("a state that joins is ranked with the others; NaN sorts last")
    {
        (void)engine::rankActiveValues(values, active, order, ranked, sorted);
        active[3] = 1;
        values[5] = std::numeric_limits<double>::quiet_NaN();
        for (auto& v : values)
            v = -v;
        (void)engine::rankActiveValues(values, active, order, ranked, sorted);
        REQUIRE(sorted.size() == n - 1);
        CHECK(std::isnan(sorted.back()));
        CHECK(ranked.back() == 5);
        sorted.pop_back();
        CHECK(std::is_sorted(sorted.begin(), sorted.end()));
    }
}
