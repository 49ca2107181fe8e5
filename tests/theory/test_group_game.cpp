// SPDX-License-Identifier: MIT
// Tests of two-strategy group games and the collective-risk dilemma (Santos and Pacheco 2011).
#include "cybersim/theory/collective_risk.hpp"
#include "cybersim/theory/group_game.hpp"

#include "cybersim/core/error.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

namespace theory = cybersim::theory;
using cybersim::ConfigError;

namespace
{

double choose(int n, int k)
{
    double r = 1.0;
    for (int i = 1; i <= k; ++i)
        r = r * (n - k + i) / i;
    return r;
}

// Direct binomial sum, independent of the library's de Casteljau evaluation.
double directFitness(const std::vector<double>& payoff, double x)
{
    const int d = static_cast<int>(payoff.size()) - 1;
    double f = 0.0;
    for (int j = 0; j <= d; ++j)
        f += choose(d, j) * std::pow(x, j) * std::pow(1.0 - x, d - j) * payoff[static_cast<std::size_t>(j)];
    return f;
}

std::vector<double> interiorRoots(const std::vector<theory::GroupFixedPoint>& points)
{
    std::vector<double> roots;
    for (const auto& p : points)
        if (p.x > 0.0 && p.x < 1.0)
            roots.push_back(p.x);
    return roots;
}

} // namespace

TEST_CASE("group game: fitness and gradient")
{
    const theory::GroupGame game{4, {0.0, 1.0, -2.0, 3.0}, {1.0, 0.5, 2.0, -1.0}};
    for (const double x : {0.0, 0.1, 0.37, 0.5, 0.9, 1.0})
    {
        CAPTURE(x);
        CHECK(theory::groupFitness(game, 0, x) == doctest::Approx(directFitness(game.payoff0, x)).epsilon(1e-13));
        CHECK(theory::groupFitness(game, 1, x) == doctest::Approx(directFitness(game.payoff1, x)).epsilon(1e-13));
        const double gradient = x * (1 - x) * (directFitness(game.payoff1, x) - directFitness(game.payoff0, x));
        CHECK(theory::groupReplicatorGradient(game, x) == doctest::Approx(gradient).epsilon(1e-13));
    }
}

TEST_CASE("group game: rest points and their stability")
{
    SUBCASE("n = 2 hawk-dove has the interior point V/C (hawks as strategy 1)")
    {
        // V = 2, C = 3; strategy 0 = dove, strategy 1 = hawk; j counts hawk co-players.
        const double v = 2.0, c = 3.0;
        const theory::GroupGame game{2, {v / 2, 0.0}, {v, (v - c) / 2}};
        const auto points = theory::groupReplicatorFixedPoints(game);
        REQUIRE(points.size() == 3);
        CHECK_FALSE(points[0].isStable);
        CHECK(points[1].x == doctest::Approx(v / c).epsilon(1e-14));
        CHECK(points[1].isStable);
        CHECK_FALSE(points[2].isStable);
    }
    SUBCASE("slopes agree with a finite difference of the gradient")
    {
        const theory::GroupGame game{5, {1.0, -1.0, 0.5, 2.0, -0.5}, {-1.0, 1.0, 0.0, 0.0, 1.0}};
        const auto points = theory::groupReplicatorFixedPoints(game);
        REQUIRE(points.size() >= 3);
        for (const auto& p : points)
        {
            CAPTURE(p.x);
            CHECK(std::abs(theory::groupReplicatorGradient(game, p.x)) < 1e-13);
            const double h = 1e-6;
            const double lo = std::max(0.0, p.x - h), hi = std::min(1.0, p.x + h);
            const double slope =
                (theory::groupReplicatorGradient(game, hi) - theory::groupReplicatorGradient(game, lo)) / (hi - lo);
            CHECK(p.slope == doctest::Approx(slope).epsilon(1e-5));
            CHECK(p.isStable == (p.slope < 0.0));
        }
    }
    SUBCASE("a neutral game reports only the two ends")
    {
        const theory::GroupGame game{3, {1.0, 2.0, 3.0}, {1.0, 2.0, 3.0}};
        CHECK(theory::groupReplicatorFixedPoints(game).size() == 2);
    }
}

TEST_CASE("group game: finite-population fitness and gradient of selection")
{
    SUBCASE("hypergeometric probabilities sum to one and match a direct count")
    {
        double total = 0.0;
        for (int j = 0; j <= 5; ++j)
            total += theory::hypergeometricProbability(j, 30, 12, 5);
        CHECK(total == doctest::Approx(1.0).epsilon(1e-14));
        CHECK(theory::hypergeometricProbability(2, 10, 4, 3) == doctest::Approx(choose(4, 2) * 6 / choose(10, 3)));
        CHECK(theory::hypergeometricProbability(3, 100000, 50000, 6) ==
              doctest::Approx(choose(6, 3) / 64.0).epsilon(1e-4));
    }
    SUBCASE("large populations approach the infinite-population fitness")
    {
        const theory::GroupGame game = theory::collectiveRiskGame({6, 3, 1.0, 0.1, 0.8});
        const int z = 200000;
        const int k = 60000;
        CHECK(theory::groupFitnessFinite(game, 1, z, k) ==
              doctest::Approx(theory::groupFitness(game, 1, 0.3)).epsilon(1e-4));
    }
    SUBCASE("the gradient of selection has the sign of f1 - f0 and vanishes at the ends")
    {
        const theory::GroupGame game = theory::collectiveRiskGame({6, 3, 1.0, 0.1, 0.9});
        const int z = 50;
        CHECK(theory::groupGradientOfSelection(game, z, 0, 1.0) == 0.0);
        CHECK(theory::groupGradientOfSelection(game, z, z, 1.0) == 0.0);
        for (const int k : {5, 20, 45})
        {
            const double diff = theory::groupFitnessFinite(game, 1, z, k) - theory::groupFitnessFinite(game, 0, z, k);
            const double expected = (double(k) / z) * (double(z - k) / (z - 1)) * std::tanh(0.5 * diff);
            CHECK(theory::groupGradientOfSelection(game, z, k, 1.0) == doctest::Approx(expected).epsilon(1e-14));
        }
    }
}

TEST_CASE("collective risk: payoffs follow Santos and Pacheco 2011")
{
    const theory::CollectiveRiskDef def{6, 3, 2.0, 0.1, 0.75};
    const theory::GroupGame game = theory::collectiveRiskGame(def);
    REQUIRE(game.groupSize == 6);
    CHECK(game.payoff0[2] == doctest::Approx(2.0 * 0.25)); // two cooperating co-players: below M
    CHECK(game.payoff0[3] == doctest::Approx(2.0));
    CHECK(game.payoff1[1] == doctest::Approx(2.0 * 0.25 - 0.2)); // focal + 1 = 2 cooperators
    CHECK(game.payoff1[2] == doctest::Approx(2.0 - 0.2));        // focal + 2 = 3 cooperators
}

TEST_CASE("collective risk: interior rest points appear only above the critical risk")
{
    for (const auto& sizes : std::vector<std::pair<int, int>>{{6, 3}, {4, 2}, {10, 5}, {8, 1}, {5, 5}})
    {
        // Plain copies: clang 14 cannot capture structured bindings in CAPTURE's lambda.
        const int n = sizes.first, m = sizes.second;
        CAPTURE(n);
        CAPTURE(m);
        theory::CollectiveRiskDef def{n, m, 1.0, 0.1, 0.0};
        const double critical = theory::collectiveRiskCriticalRisk(def);
        REQUIRE(critical < 0.99);

        // The closed form: f_C - f_D = b (r C(n-1, M-1) x^(M-1) (1-x)^(n-M) - c) is zero at its peak when r = r*.
        const double peakX = double(m - 1) / (n - 1);
        def.risk = critical;
        const auto atCritical = theory::collectiveRiskGame(def);
        CHECK(std::abs(theory::groupFitness(atCritical, 1, peakX) - theory::groupFitness(atCritical, 0, peakX)) <
              1e-13);

        def.risk = critical * 0.98;
        CHECK(interiorRoots(theory::groupReplicatorFixedPoints(theory::collectiveRiskGame(def))).empty());

        def.risk = std::min(1.0, critical * 1.05);
        const auto above = theory::groupReplicatorFixedPoints(theory::collectiveRiskGame(def));
        const auto roots = interiorRoots(above);
        if (m == 1 || m == n)
        {
            CHECK(roots.size() == 1); // the peak sits on the boundary
        }
        else
        {
            REQUIRE(roots.size() == 2);
            CHECK(roots[0] < peakX);
            CHECK(roots[1] > peakX);
            // The lower root is the coordination threshold (unstable), the upper one a stable mixed state.
            for (const auto& p : above)
            {
                if (p.x == doctest::Approx(roots[0]))
                    CHECK_FALSE(p.isStable);
                if (p.x == doctest::Approx(roots[1]))
                    CHECK(p.isStable);
            }
        }
    }
    SUBCASE("larger groups need more risk at the same relative threshold")
    {
        const double small = theory::collectiveRiskCriticalRisk({4, 2, 1.0, 0.1, 0.5});
        const double large = theory::collectiveRiskCriticalRisk({12, 6, 1.0, 0.1, 0.5});
        CHECK(small < large);
    }
}

TEST_CASE("group game: invalid arguments throw ConfigError")
{
    const theory::GroupGame good{3, {0.0, 1.0, 2.0}, {0.5, 1.5, 2.5}};
    CHECK_THROWS_WITH_AS((void)theory::groupFitness({1, {0.0}, {0.0}}, 0, 0.5), "group size is 1, expected >= 2",
                         ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::groupFitness({3, {0.0, 1.0}, {0.0, 1.0, 2.0}}, 0, 0.5),
                         doctest::Contains("payoff0 has 2 entries, expected 3"), ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::groupFitness({2, {0.0, std::nan("")}, {0.0, 1.0}}, 0, 0.5),
                         "payoff0[1] is nan, expected a finite number", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::groupFitness(good, 0, 1.5), "x is 1.5, expected a probability in [0, 1]",
                         ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::groupFitness(good, 2, 0.5), "strategy is 2, expected 0 or 1", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::groupFitnessFinite(good, 1, 10, 0), doctest::Contains("leaves no strategy-1"),
                         ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::groupFitnessFinite(good, 0, 10, 11), doctest::Contains("expected a count in"),
                         ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::groupGradientOfSelection(good, 10, 11, 1.0),
                         doctest::Contains("strategy-1 count is 11"), ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::groupGameFromCompositions({1.0, 2.0}, {1.0, 2.0, 3.0}),
                         doctest::Contains("expected equal lengths"), ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::collectiveRiskGame({6, 7, 1.0, 0.1, 0.5}), "threshold is 7, expected in [1, 6]",
                         ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::collectiveRiskGame({6, 3, 1.0, 0.1, 1.2}),
                         "risk is 1.2, expected a probability in [0, 1]", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::collectiveRiskCriticalRisk({6, 3, 1.0, -0.1, 0.5}),
                         "cost fraction is -0.1, expected a probability in [0, 1]", ConfigError);
}
