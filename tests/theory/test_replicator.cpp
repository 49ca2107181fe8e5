// SPDX-License-Identifier: MIT
// Tests of matrix-game replicator dynamics: rest points and stability of textbook games, RK4 trajectories.
#include "cybersim/theory/replicator.hpp"

#include "cybersim/core/error.hpp"

#include <doctest/doctest.h>

#include <cmath>

namespace theory = cybersim::theory;
using cybersim::ConfigError;

namespace
{

Eigen::MatrixXd game2(double a, double b, double c, double d)
{
    Eigen::MatrixXd m(2, 2);
    m << a, b, c, d;
    return m;
}

Eigen::VectorXd point(std::initializer_list<double> values)
{
    Eigen::VectorXd v(static_cast<Eigen::Index>(values.size()));
    Eigen::Index i = 0;
    for (const double x : values)
        v(i++) = x;
    return v;
}

int stableCount(const std::vector<theory::ReplicatorFixedPoint>& points)
{
    int count = 0;
    for (const auto& p : points)
        count += p.isStable ? 1 : 0;
    return count;
}

} // namespace

TEST_CASE("replicator: derivative and Jacobian")
{
    const Eigen::MatrixXd a = game2(-0.5, 2.0, 0.0, 0.0);
    const Eigen::VectorXd x = point({0.4, 0.6});
    const Eigen::VectorXd f = a * x;
    const Eigen::VectorXd expected = x.cwiseProduct((f.array() - x.dot(f)).matrix());
    CHECK((theory::replicatorDerivative(a, x) - expected).norm() < 1e-15);

    SUBCASE("Jacobian matches central differences")
    {
        Eigen::MatrixXd rps(3, 3);
        rps << 0.0, -1.0, 2.0, 1.5, 0.0, -1.0, -1.0, 1.0, 0.3;
        const Eigen::VectorXd y = point({0.2, 0.5, 0.3});
        const Eigen::MatrixXd jac = theory::replicatorJacobian(rps, y);
        // The vector field is a polynomial defined off the simplex too; difference it in the ambient space.
        const auto field = [&](const Eigen::VectorXd& z)
        {
            const Eigen::VectorXd fz = rps * z;
            return Eigen::VectorXd(z.cwiseProduct((fz.array() - z.dot(fz)).matrix()));
        };
        const double h = 1e-6;
        for (Eigen::Index j = 0; j < 3; ++j)
        {
            Eigen::VectorXd up = y, down = y;
            up(j) += h;
            down(j) -= h;
            const Eigen::VectorXd column = (field(up) - field(down)) / (2 * h);
            CHECK((column - jac.col(j)).norm() < 1e-8);
        }
    }
}

TEST_CASE("replicator: rest points of the textbook 2x2 games")
{
    SUBCASE("prisoner's dilemma: all-D is the only stable point")
    {
        const auto points = theory::replicatorFixedPoints(game2(3, 0, 5, 1)); // C = 0, D = 1
        REQUIRE(points.size() == 2);
        CHECK(points[0].support == std::vector<int>{0});
        CHECK_FALSE(points[0].isStable);
        CHECK(points[0].maxRealPart == doctest::Approx(2.0)); // T - R
        CHECK(points[1].support == std::vector<int>{1});
        CHECK(points[1].isStable);
        CHECK(points[1].maxRealPart == doctest::Approx(-1.0)); // S - P
    }
    SUBCASE("hawk-dove: the interior point V/C is stable")
    {
        const double v = 2.0, c = 3.0;
        const auto points = theory::replicatorFixedPoints(game2((v - c) / 2, v, 0.0, v / 2));
        REQUIRE(points.size() == 3);
        CHECK_FALSE(points[0].isStable);
        CHECK_FALSE(points[1].isStable);
        CHECK(points[2].support == std::vector<int>{0, 1});
        CHECK(points[2].x(0) == doctest::Approx(v / c).epsilon(1e-14));
        CHECK(points[2].isStable);
        // d/dx of x(1-x)((A x)_0 - (A x)_1) at x = V/C is -x(1-x)C/2.
        CHECK(points[2].maxRealPart == doctest::Approx(-(v / c) * (1 - v / c) * c / 2).epsilon(1e-12));
    }
    SUBCASE("stag hunt: bistable with an unstable interior point")
    {
        const auto points = theory::replicatorFixedPoints(game2(4, 0, 3, 3));
        REQUIRE(points.size() == 3);
        CHECK(points[0].isStable);
        CHECK(points[1].isStable);
        CHECK(points[2].x(0) == doctest::Approx(0.75));
        CHECK_FALSE(points[2].isStable);
        CHECK(stableCount(points) == 2);
    }
}

TEST_CASE("replicator: rock-paper-scissors has a neutral centre")
{
    Eigen::MatrixXd rps(3, 3);
    rps << 0, -1, 1, 1, 0, -1, -1, 1, 0;
    const auto points = theory::replicatorFixedPoints(rps);
    REQUIRE(points.size() == 4); // three vertices and the centre; edges have no rest points
    const auto& centre = points.back();
    CHECK(centre.support.size() == 3);
    CHECK((centre.x - Eigen::VectorXd::Constant(3, 1.0 / 3)).norm() < 1e-14);
    REQUIRE(centre.eigenvalues.size() == 2);
    CHECK(std::abs(centre.maxRealPart) < 1e-12);
    CHECK(std::abs(centre.eigenvalues(0).imag()) == doctest::Approx(1.0 / std::sqrt(3.0)));
    CHECK_FALSE(centre.isStable);
    CHECK(stableCount(points) == 0);
}

TEST_CASE("replicator: RK4 trajectory")
{
    const double v = 2.0, c = 3.0;
    const Eigen::MatrixXd a = game2((v - c) / 2, v, 0.0, v / 2);
    const Eigen::MatrixXd path = theory::replicatorTrajectory(a, point({0.05, 0.95}), 0.05, 2000);
    REQUIRE(path.rows() == 2001);
    REQUIRE(path.cols() == 2);
    CHECK(path(0, 0) == 0.05);
    for (Eigen::Index t = 0; t < path.rows(); ++t)
        CHECK(std::abs(path.row(t).sum() - 1.0) < 1e-14);
    CHECK(path(2000, 0) == doctest::Approx(v / c).epsilon(1e-9));

    SUBCASE("one step agrees with the exact logistic solution of a constant-advantage game")
    {
        // A = [[1, 1], [0, 0]]: dx/dt = x (1 - x), so x(t) = x0 e^t / (1 - x0 + x0 e^t).
        const Eigen::MatrixXd logistic = game2(1, 1, 0, 0);
        const Eigen::MatrixXd p = theory::replicatorTrajectory(logistic, point({0.1, 0.9}), 0.01, 100);
        const double exact = 0.1 * std::exp(1.0) / (0.9 + 0.1 * std::exp(1.0));
        CHECK(p(100, 0) == doctest::Approx(exact).epsilon(1e-9));
    }
}

TEST_CASE("replicator: invalid arguments throw ConfigError")
{
    const Eigen::MatrixXd a = game2(1, 0, 0, 1);
    CHECK_THROWS_WITH_AS((void)theory::replicatorDerivative(Eigen::MatrixXd::Ones(2, 3), point({0.5, 0.5})),
                         "payoff matrix is 2x3, expected a square matrix", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::replicatorDerivative(Eigen::MatrixXd::Ones(1, 1), point({1.0})),
                         "payoff matrix is 1x1, expected at least 2x2", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::replicatorDerivative(a, point({0.5, 0.75})),
                         "x sums to 1.25, expected 1 (a point of the simplex)", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::replicatorDerivative(a, point({1.5, -0.5})),
                         "x[1] is -0.5, expected a share >= 0", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::replicatorDerivative(a, point({0.5, 0.25, 0.25})), "x has 3 entries, expected 2",
                         ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::replicatorDerivative(a, point({std::nan(""), 0.5})),
                         "x[0] is nan, expected a share >= 0", ConfigError);
    Eigen::MatrixXd withInf = a;
    withInf(0, 1) = INFINITY;
    CHECK_THROWS_WITH_AS((void)theory::replicatorFixedPoints(withInf),
                         "payoff matrix(0, 1) is inf, expected a finite number", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::replicatorTrajectory(a, point({0.5, 0.5}), 0.0, 10),
                         "dt is 0, expected a finite number > 0", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::replicatorTrajectory(a, point({0.5, 0.5}), 0.1, -1),
                         "steps is -1, expected >= 0", ConfigError);
    CHECK_THROWS_WITH_AS((void)theory::replicatorFixedPoints(Eigen::MatrixXd::Zero(21, 21)),
                         doctest::Contains("expected at most 20"), ConfigError);
}
