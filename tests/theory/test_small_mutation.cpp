// SPDX-License-Identifier: MIT
// Tests of the small-mutation embedded chain (Fudenberg and Imhof 2006).
#include "cybersim/theory/fixation.hpp"
#include "cybersim/theory/small_mutation.hpp"

#include "cybersim/core/error.hpp"

#include <doctest/doctest.h>

#include <cmath>

namespace theory = cybersim::theory;
using cybersim::ConfigError;

TEST_CASE("small mutation: two strategies balance the flows")
{
    Eigen::MatrixXd a(2, 2);
    a << 3.0, 0.0, 5.0, 1.0;
    const Eigen::MatrixXd fixation = theory::pairwiseFixationMatrix(a, 30, 0.5);
    CHECK(fixation(0, 1) == doctest::Approx(theory::pairwiseFixation(a, 1, 0, 30, 0.5)));
    CHECK(fixation(1, 0) == doctest::Approx(theory::pairwiseFixation(a, 0, 1, 30, 0.5)));
    CHECK(fixation(0, 0) == 0.0);
    const auto chain = theory::smallMutationChain(fixation);
    CHECK(chain.stationary.sum() == doctest::Approx(1.0).epsilon(1e-15));
    // pi_0 rho(0 -> 1) = pi_1 rho(1 -> 0).
    const double expected0 = fixation(1, 0) / (fixation(0, 1) + fixation(1, 0));
    CHECK(chain.stationary(0) == doctest::Approx(expected0).epsilon(1e-12));
    CHECK(chain.stationary(1) > 0.99); // defection dominates
}

TEST_CASE("small mutation: stationary vector agrees with power iteration")
{
    Eigen::MatrixXd rps(3, 3);
    rps << 1.0, 0.5, 2.5, 2.0, 1.0, 0.2, 0.4, 3.0, 1.0;
    for (const bool moran : {false, true})
    {
        CAPTURE(moran);
        const Eigen::MatrixXd fixation =
            moran ? theory::moranFixationMatrix(rps, 20, 0.2) : theory::pairwiseFixationMatrix(rps, 20, 1.0);
        const auto chain = theory::smallMutationChain(fixation);
        for (Eigen::Index i = 0; i < 3; ++i)
            CHECK(chain.transition.row(i).sum() == doctest::Approx(1.0).epsilon(1e-15));
        CHECK(chain.stationary.sum() == doctest::Approx(1.0).epsilon(1e-15));
        CHECK((chain.stationary.array() >= 0.0).all());

        Eigen::RowVectorXd pi = Eigen::RowVectorXd::Constant(3, 1.0 / 3);
        for (int step = 0; step < 200000; ++step)
            pi = pi * chain.transition;
        CHECK((pi.transpose() - chain.stationary).norm() < 1e-10);
    }
    SUBCASE("neutral selection gives the uniform distribution")
    {
        const auto chain = theory::smallMutationChain(theory::pairwiseFixationMatrix(rps, 20, 0.0));
        CHECK((chain.stationary - Eigen::VectorXd::Constant(3, 1.0 / 3)).norm() < 1e-14);
    }
}

TEST_CASE("small mutation: stationary distribution of a general chain")
{
    SUBCASE("a nearly reducible two-state chain keeps full relative precision")
    {
        // pi = (b, a) / (a + b) exactly for P = [[1-a, a], [b, 1-b]].
        const double a = 1e-13, b = 3e-14;
        Eigen::MatrixXd p(2, 2);
        p << 1.0 - a, a, b, 1.0 - b;
        const Eigen::VectorXd pi = theory::stationaryDistribution(p);
        CHECK(pi(0) == doctest::Approx(b / (a + b)).epsilon(1e-14));
        CHECK(pi(1) == doctest::Approx(a / (a + b)).epsilon(1e-14));
    }
    SUBCASE("transient states get zero weight")
    {
        Eigen::MatrixXd p(3, 3);
        p << 0.0, 0.5, 0.5, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0;
        const Eigen::VectorXd pi = theory::stationaryDistribution(p);
        CHECK((pi - Eigen::Vector3d(0.0, 0.0, 1.0)).norm() < 1e-15);
    }
    SUBCASE("two closed classes are rejected")
    {
        CHECK_THROWS_WITH_AS((void)theory::stationaryDistribution(Eigen::MatrixXd::Identity(2, 2)),
                             doctest::Contains("no unique stationary distribution"), ConfigError);
    }
    SUBCASE("a row that does not sum to one is rejected")
    {
        Eigen::MatrixXd p(2, 2);
        p << 0.5, 0.4, 0.5, 0.5;
        CHECK_THROWS_WITH_AS((void)theory::stationaryDistribution(p), "transition row 0 sums to 0.9, expected 1",
                             ConfigError);
    }
}

TEST_CASE("small mutation: invalid arguments throw ConfigError")
{
    CHECK_THROWS_WITH_AS((void)theory::smallMutationChain(Eigen::MatrixXd::Zero(2, 3)),
                         "fixation matrix is 2x3, expected a square matrix of at least 2x2", ConfigError);
    Eigen::MatrixXd bad = Eigen::MatrixXd::Constant(2, 2, 0.1);
    bad(0, 1) = 1.5;
    CHECK_THROWS_WITH_AS((void)theory::smallMutationChain(bad),
                         "fixation(0, 1) is 1.5, expected a probability in [0, 1]", ConfigError);
    bad(0, 1) = std::nan("");
    CHECK_THROWS_WITH_AS((void)theory::smallMutationChain(bad),
                         "fixation(0, 1) is nan, expected a probability in [0, 1]", ConfigError);
    // Two strategies that can never replace each other leave the chain without a unique stationary vector.
    CHECK_THROWS_WITH_AS((void)theory::smallMutationChain(Eigen::MatrixXd::Zero(2, 2)),
                         doctest::Contains("no unique stationary distribution"), ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::pairwiseFixationMatrix(Eigen::MatrixXd::Ones(3, 2), 10, 1.0),
                         "payoff matrix is 3x2, expected a square matrix", ConfigError);
}
