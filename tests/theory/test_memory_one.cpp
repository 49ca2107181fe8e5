// SPDX-License-Identifier: MIT
// Tests of memory-one strategies under implementation noise (Nowak and Sigmund 1992, 1993).
#include "cybersim/theory/memory_one.hpp"

#include "cybersim/core/error.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <numeric>

namespace theory = cybersim::theory;
using cybersim::ConfigError;
using cybersim::core::PayoffMatrix;

namespace
{

const theory::MemoryOneStrategy kTft{1.0, 0.0, 1.0, 0.0};
const theory::MemoryOneStrategy kWsls{1.0, 0.0, 0.0, 1.0};
const theory::MemoryOneStrategy kAllD{0.0, 0.0, 0.0, 0.0};
const theory::MemoryOneStrategy kAllC{1.0, 1.0, 1.0, 1.0};

theory::MemoryOneStrategy gtft(double generosity)
{
    return {1.0, generosity, 1.0, generosity};
}

double sum(const theory::OutcomeDistribution& v)
{
    return std::accumulate(v.begin(), v.end(), 0.0);
}

} // namespace

TEST_CASE("memory one: transition matrix and stationary distribution")
{
    const theory::MemoryOneStrategy p{0.9, 0.2, 0.6, 0.3};
    const theory::MemoryOneStrategy q{0.7, 0.1, 0.8, 0.4};
    const auto t = theory::memoryOneTransition(p, q, 0.05);
    for (const auto& row : t)
        CHECK(std::accumulate(row.begin(), row.end(), 0.0) == doctest::Approx(1.0).epsilon(1e-15));
    const auto v = theory::memoryOneStationary(p, q, 0.05);
    CHECK(sum(v) == doctest::Approx(1.0).epsilon(1e-15));
    for (std::size_t u = 0; u < 4; ++u)
    {
        double inflow = 0.0;
        for (std::size_t s = 0; s < 4; ++s)
            inflow += v[s] * t[s][u];
        CHECK(inflow == doctest::Approx(v[u]).epsilon(1e-13));
    }
    SUBCASE("swapping the players mirrors CD and DC")
    {
        const auto w = theory::memoryOneStationary(q, p, 0.05);
        CHECK(w[0] == doctest::Approx(v[0]).epsilon(1e-13));
        CHECK(w[1] == doctest::Approx(v[2]).epsilon(1e-13));
        CHECK(w[2] == doctest::Approx(v[1]).epsilon(1e-13));
        CHECK(w[3] == doctest::Approx(v[3]).epsilon(1e-13));
    }
}

TEST_CASE("memory one: noise and reciprocity")
{
    const PayoffMatrix pd; // R=3, S=0, T=5, P=1
    const double average = (pd.reward + pd.sucker + pd.temptation + pd.punishment) / 4;
    SUBCASE("TFT against itself collapses to (R+S+T+P)/4 for any small noise")
    {
        for (const double eps : {1e-2, 1e-4, 1e-8})
        {
            const auto out = theory::memoryOneOutcome(kTft, kTft, eps, pd);
            CHECK(out.firstPayoff == doctest::Approx(average).epsilon(1e-9));
            CHECK(out.secondPayoff == doctest::Approx(average).epsilon(1e-9));
            CHECK(sum(out.stationary) == doctest::Approx(1.0));
        }
    }
    SUBCASE("WSLS against itself stays near R")
    {
        const auto out = theory::memoryOneOutcome(kWsls, kWsls, 1e-3, pd);
        CHECK(out.firstPayoff > pd.reward - 0.01);
        CHECK(out.cooperation > 0.99);
        CHECK(theory::memoryOneOutcome(kWsls, kWsls, 1e-8, pd).firstPayoff == doctest::Approx(pd.reward));
    }
    SUBCASE("GTFT recovers cooperation that TFT loses")
    {
        const double g = theory::gtftGenerosity(pd);
        const auto generous = theory::memoryOneOutcome(gtft(g), gtft(g), 1e-3, pd);
        CHECK(generous.firstPayoff > pd.reward - 0.02);
        CHECK(generous.firstPayoff > theory::memoryOneOutcome(kTft, kTft, 1e-3, pd).firstPayoff + 0.5);
    }
    SUBCASE("without noise the chain can be reducible")
    {
        CHECK_THROWS_WITH_AS((void)theory::memoryOneStationary(kTft, kTft, 0.0),
                             doctest::Contains("no unique stationary distribution"), ConfigError);
        const auto out = theory::memoryOneOutcome(kAllD, kAllC, 0.0, pd);
        CHECK(out.firstPayoff == doctest::Approx(pd.temptation));
        CHECK(out.secondPayoff == doctest::Approx(pd.sucker));
    }
}

TEST_CASE("memory one: GTFT generosity (Molander 1985)")
{
    CHECK(theory::gtftGenerosity(PayoffMatrix{}) == doctest::Approx(1.0 / 3));
    SUBCASE("at the second bound ALLD earns exactly R against GTFT")
    {
        const PayoffMatrix game{3.0, 0.0, 4.0, 2.0}; // bounds 2/3 and 1/2
        const double g = theory::gtftGenerosity(game);
        CHECK(g == doctest::Approx(0.5));
        const auto out = theory::memoryOneOutcome(kAllD, gtft(g), 0.0, game);
        CHECK(out.firstPayoff == doctest::Approx(game.reward).epsilon(1e-12));
    }
    SUBCASE("a game where no generosity helps gives 0")
    {
        CHECK(theory::gtftGenerosity(PayoffMatrix{3.0, 0.0, 7.0, 1.0}) == 0.0);
    }
}

TEST_CASE("memory one: invalid arguments throw ConfigError")
{
    CHECK_THROWS_WITH_AS((void)theory::memoryOneTransition({1.2, 0.0, 1.0, 0.0}, kTft, 0.1),
                         "first.afterCC is 1.2, expected a probability in [0, 1]", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::memoryOneTransition(kTft, {1.0, 0.0, 1.0, -0.1}, 0.1),
                         "second.afterDD is -0.1, expected a probability in [0, 1]", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::memoryOneStationary(kTft, {std::nan(""), 0.0, 1.0, 0.0}, 0.1),
                         "second.afterCC is nan, expected a probability in [0, 1]", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::memoryOneOutcome(kTft, kTft, 2.0, PayoffMatrix{}),
                         "epsilon is 2, expected a probability in [0, 1]", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::gtftGenerosity(PayoffMatrix{3.0, 0.0, 2.0, 1.0}),
                         doctest::Contains("expected a prisoner's dilemma"), ConfigError);
}
