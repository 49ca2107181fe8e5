// SPDX-License-Identifier: MIT
// Tests of Richardson's arms race: the two-state closed form, its N-state generalisation and the stability eigenvalue.
#include "cybersim/theory/richardson.hpp"

#include "cybersim/core/error.hpp"

#include <doctest/doctest.h>

#include <Eigen/Eigenvalues>

#include <cmath>

namespace theory = cybersim::theory;
using cybersim::ConfigError;

namespace
{

// Jacobian of x -> M x + g by central differences, built without reading M's entries.
Eigen::MatrixXd numericJacobian(const Eigen::MatrixXd& m, const Eigen::VectorXd& g, const Eigen::VectorXd& at)
{
    const Eigen::Index n = at.size();
    Eigen::MatrixXd jac(n, n);
    const double h = 1e-3;
    for (Eigen::Index j = 0; j < n; ++j)
    {
        Eigen::VectorXd up = at, down = at;
        up(j) += h;
        down(j) -= h;
        jac.col(j) = ((m * up + g) - (m * down + g)) / (2 * h);
    }
    return jac;
}

} // namespace

TEST_CASE("richardson: two-state closed form")
{
    const theory::RichardsonDef def{0.5, 0.8, 1.2, 0.9, 0.3, 0.7};
    const auto eq = theory::richardsonEquilibrium(def);
    // At rest both derivatives vanish.
    CHECK(def.k * eq.y - def.a * eq.x + def.g == doctest::Approx(0.0).epsilon(1e-14));
    CHECK(def.l * eq.x - def.b * eq.y + def.h == doctest::Approx(0.0).epsilon(1e-14));
    CHECK(eq.isStable == (def.a * def.b > def.k * def.l));
    CHECK(eq.isStable);

    SUBCASE("runaway race when k l > a b")
    {
        const auto race = theory::richardsonEquilibrium({1.5, 1.0, 1.0, 1.0, 0.1, 0.1});
        CHECK_FALSE(race.isStable);
        CHECK(race.eigenvalue > 0.0);
        CHECK(race.x < 0.0); // the only rest point is a negative armament level
    }
    SUBCASE("stability follows a b > k l across positive parameters")
    {
        for (const double k : {0.2, 0.9, 1.1, 3.0})
            for (const double l : {0.3, 1.0, 2.0})
            {
                const theory::RichardsonDef d{k, l, 1.0, 1.3, 1.0, 1.0};
                if (std::abs(d.a * d.b - k * l) < 1e-12)
                    continue;
                CHECK(theory::richardsonEquilibrium(d).isStable == (d.a * d.b > k * l));
            }
    }
}

TEST_CASE("richardson: N-state system with full distrust reduces to the two-state form")
{
    const double k = 0.6;
    Eigen::MatrixXd w(2, 2);
    w << 0.0, 1.5, 0.7, 0.0;
    const Eigen::MatrixXd trust = Eigen::MatrixXd::Zero(2, 2); // full distrust
    const Eigen::VectorXd fatigue = Eigen::Vector2d(1.1, 0.8);
    const Eigen::VectorXd grievance = Eigen::Vector2d(0.4, 0.2);

    const Eigen::MatrixXd c = theory::distrustWeights(w, trust);
    CHECK(c == w);
    const Eigen::MatrixXd m = theory::armsRaceSystemMatrix(Eigen::MatrixXd::Constant(2, 2, k), c, fatigue);
    const Eigen::VectorXd x = theory::armsRaceEquilibrium(m, grievance);

    const theory::RichardsonDef def{k * w(0, 1), k * w(1, 0), fatigue(0), fatigue(1), grievance(0), grievance(1)};
    const auto closed = theory::richardsonEquilibrium(def);
    CHECK(x(0) == doctest::Approx(closed.x).epsilon(1e-13));
    CHECK(x(1) == doctest::Approx(closed.y).epsilon(1e-13));

    const double lambda = theory::armsRaceStabilityEigenvalue(2, k, fatigue, c);
    CHECK(std::abs(lambda - closed.eigenvalue) < 1e-12);
    CHECK(std::abs(lambda - theory::largestRealEigenvalue(m)) < 1e-12);

    SUBCASE("trust damps the race")
    {
        const Eigen::MatrixXd halfTrust = Eigen::MatrixXd::Constant(2, 2, 0.5);
        CHECK(theory::armsRaceStabilityEigenvalue(2, k, fatigue, theory::distrustWeights(w, halfTrust)) < lambda);
    }
}

TEST_CASE("richardson: the stability eigenvalue matches the Jacobian to 1e-9")
{
    Eigen::MatrixXd w(4, 4);
    w << 0.0, 0.8, 0.1, 0.4, //
        0.9, 0.0, 0.3, 0.2,  //
        0.2, 0.5, 0.0, 0.7,  //
        0.6, 0.1, 0.4, 0.0;
    Eigen::MatrixXd trust(4, 4);
    trust << 0.0, 0.2, 0.9, 0.5, //
        0.3, 0.0, 0.1, 0.8,      //
        0.7, 0.4, 0.0, 0.2,      //
        0.1, 0.6, 0.3, 0.0;
    const Eigen::VectorXd fatigue = Eigen::Vector4d(0.9, 1.2, 0.7, 1.0);
    const Eigen::VectorXd grievance = Eigen::Vector4d(0.1, 0.3, 0.2, 0.5);
    const double k = 1.3;
    const Eigen::MatrixXd c = theory::distrustWeights(w, trust);
    const double lambda = theory::armsRaceStabilityEigenvalue(4, k, fatigue, c);

    const Eigen::MatrixXd m = theory::armsRaceSystemMatrix(Eigen::MatrixXd::Constant(4, 4, k), c, fatigue);
    const Eigen::VectorXd x = theory::armsRaceEquilibrium(m, grievance);
    CHECK((m * x + grievance).norm() < 1e-12);
    const Eigen::MatrixXd jac = numericJacobian(m, grievance, x);
    const double fromJacobian = Eigen::EigenSolver<Eigen::MatrixXd>(jac).eigenvalues().real().maxCoeff();
    CHECK(std::abs(lambda - fromJacobian) < 1e-9);

    SUBCASE("symmetric weights: the self-adjoint solver agrees")
    {
        const Eigen::MatrixXd sym = 0.5 * (c + c.transpose());
        const double viaSelfAdjoint =
            Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(k * sym - Eigen::MatrixXd(fatigue.asDiagonal()))
                .eigenvalues()
                .maxCoeff();
        CHECK(std::abs(theory::armsRaceStabilityEigenvalue(4, k, fatigue, sym) - viaSelfAdjoint) < 1e-12);
    }
}

TEST_CASE("richardson: invalid arguments throw ConfigError")
{
    CHECK_THROWS_WITH_AS((void)theory::richardsonEquilibrium({1.0, 1.0, 1.0, 1.0, 0.0, 0.0}),
                         doctest::Contains("a b - k l is 0"), ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::richardsonEquilibrium({std::nan(""), 1.0, 1.0, 1.0, 0.0, 0.0}),
                         "k is nan, expected a finite number", ConfigError);
    const Eigen::VectorXd fatigue = Eigen::Vector2d(1.0, 1.0);
    CHECK_THROWS_WITH_AS((void)theory::armsRaceStabilityEigenvalue(3, 1.0, fatigue, Eigen::MatrixXd::Zero(2, 2)),
                         "fatigue has 2 entries, expected 3", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::armsRaceStabilityEigenvalue(2, 1.0, fatigue, Eigen::MatrixXd::Zero(2, 3)),
                         "weights is 2x3, expected 2x2", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::largestRealEigenvalue(Eigen::MatrixXd::Zero(2, 3)),
                         "matrix is 2x3, expected a square matrix", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::armsRaceEquilibrium(Eigen::MatrixXd::Zero(2, 2), fatigue),
                         "system matrix is singular, expected an isolated equilibrium", ConfigError);
    CHECK_THROWS_WITH_AS(
        (void)theory::distrustWeights(Eigen::MatrixXd::Zero(2, 2), Eigen::MatrixXd::Constant(2, 2, 1.5)),
        "trust(0, 0) is 1.5, expected a probability in [0, 1]", ConfigError);
}
