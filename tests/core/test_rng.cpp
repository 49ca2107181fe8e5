// SPDX-License-Identifier: MIT
// Tests of the counter-based generator: pure in its key, uniform enough, and keys that differ draw differently.
#include "cybersim/core/rng.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <set>

using cybersim::core::CounterRng;
using cybersim::core::Purpose;

TEST_CASE("rng: a draw is a pure function of its key")
{
    const CounterRng a(42), b(42), c(43);
    CHECK(a.bits(7, 1, 2, Purpose::Decide) == b.bits(7, 1, 2, Purpose::Decide));
    CHECK(a.bits(7, 1, 2, Purpose::Decide) != c.bits(7, 1, 2, Purpose::Decide));
    SUBCASE("every key component matters")
    {
        std::set<std::uint64_t> seen;
        seen.insert(a.bits(7, 1, 2, Purpose::Decide));
        seen.insert(a.bits(8, 1, 2, Purpose::Decide));
        seen.insert(a.bits(7, 2, 2, Purpose::Decide));
        seen.insert(a.bits(7, 1, 3, Purpose::Decide));
        seen.insert(a.bits(7, 1, 2, Purpose::PerceiveNoise));
        seen.insert(a.bits(7, 1, 2, Purpose::Decide, 1));
        seen.insert(a.bits(7, 2, 1, Purpose::Decide));
        CHECK(seen.size() == 7);
    }
}

TEST_CASE("rng: uniform draws have the moments of U(0,1) and below(n) covers its range")
{
    const CounterRng rng(1);
    constexpr int kDraws = 200000;
    double sum = 0.0, sumSquares = 0.0;
    int counts[6] = {};
    for (int i = 0; i < kDraws; ++i)
    {
        const double u = rng.uniform(static_cast<std::uint64_t>(i), 3, 4, Purpose::Init);
        REQUIRE(u >= 0.0);
        REQUIRE(u < 1.0);
        sum += u;
        sumSquares += u * u;
        ++counts[rng.below(6, static_cast<std::uint64_t>(i), 0, 0, Purpose::Init)];
    }
    const double mean = sum / kDraws;
    const double variance = sumSquares / kDraws - mean * mean;
    // Standard error of the mean is sqrt(1/12 / n) = 6.5e-4; 5 standard errors.
    CHECK(mean == doctest::Approx(0.5).epsilon(0.0033 * 2));
    CHECK(variance == doctest::Approx(1.0 / 12.0).epsilon(0.01));
    for (int c : counts)
        CHECK(std::abs(c - kDraws / 6) < 5 * std::sqrt(kDraws * (1.0 / 6) * (5.0 / 6)));
}

TEST_CASE("rng: derived seeds differ for every (point, replicate)")
{
    std::set<std::uint64_t> seeds;
    for (std::uint64_t p = 0; p < 50; ++p)
        for (std::uint64_t r = 0; r < 50; ++r)
            seeds.insert(cybersim::core::deriveSeed(7, p, r));
    CHECK(seeds.size() == 2500);
}

TEST_CASE("rng: an agent stream draws exactly the numbers of the full key")
{
    const CounterRng rng(99);
    const auto stream = rng.stream(5, 17);
    for (std::uint64_t partner = 0; partner < 20; ++partner)
    {
        CHECK(stream.bits(partner, Purpose::Intrusion) == rng.bits(5, 17, partner, Purpose::Intrusion));
        CHECK(stream.uniform(partner, Purpose::Norms, 3) == rng.uniform(5, 17, partner, Purpose::Norms, 3));
    }
}
