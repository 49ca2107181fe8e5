// SPDX-License-Identifier: MIT
// Replicator dynamics of matrix games (Taylor and Jonker 1978; Hofbauer and Sigmund 1998, Evolutionary Games and
// Population Dynamics, ch. 7).
#include "cybersim/theory/replicator.hpp"

#include "validate.hpp"

#include <Eigen/Eigenvalues>
#include <Eigen/LU>
#include <Eigen/QR>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

namespace cybersim::theory
{
namespace
{

constexpr double kSimplexSumTolerance = 1e-9;
constexpr int kMaxStrategiesForSupportEnumeration = 20;

void requireGame(const Eigen::MatrixXd& payoff)
{
    detail::requireSquare(payoff, "payoff matrix", 2);
}

void requireSimplexPoint(const Eigen::VectorXd& x, Eigen::Index size, const char* name)
{
    detail::requireSize(x.size(), size, name);
    for (Eigen::Index i = 0; i < x.size(); ++i)
    {
        if (!std::isfinite(x(i)) || x(i) < 0.0)
            detail::fail(std::string(name) + "[" + std::to_string(i) + "] is " + detail::number(x(i)) +
                         ", expected a share >= 0");
    }
    const double sum = x.sum();
    if (std::abs(sum - 1.0) > kSimplexSumTolerance)
        detail::fail(std::string(name) + " sums to " + detail::number(sum) + ", expected 1 (a point of the simplex)");
}

Eigen::VectorXd derivative(const Eigen::MatrixXd& payoff, const Eigen::VectorXd& x)
{
    const Eigen::VectorXd fitness = payoff * x;
    const double mean = x.dot(fitness);
    return (x.array() * (fitness.array() - mean)).matrix();
}

Eigen::MatrixXd jacobian(const Eigen::MatrixXd& payoff, const Eigen::VectorXd& x)
{
    // d/dx_j of x_i((Ax)_i - x'Ax) = delta_ij((Ax)_i - x'Ax) + x_i(A_ij - (Ax)_j - (A'x)_j).
    const Eigen::VectorXd fitness = payoff * x;
    const double mean = x.dot(fitness);
    const Eigen::RowVectorXd meanGradient = (fitness + payoff.transpose() * x).transpose();
    Eigen::MatrixXd result = x.asDiagonal() * (payoff.rowwise() - meanGradient);
    result.diagonal().array() += fitness.array() - mean;
    return result;
}

Eigen::VectorXcd simplexEigenvalues(const Eigen::MatrixXd& payoff, const Eigen::VectorXd& x)
{
    const Eigen::Index m = payoff.rows();
    // On the simplex 1'J = -(x'Ax) 1', so J maps {v : 1'v = 0} into itself; an orthonormal basis V of that space
    // turns the restriction into the (m-1) x (m-1) matrix V'JV.
    const Eigen::MatrixXd ones = Eigen::MatrixXd::Ones(m, 1);
    const Eigen::MatrixXd q = Eigen::HouseholderQR<Eigen::MatrixXd>(ones).householderQ();
    const Eigen::MatrixXd basis = q.rightCols(m - 1);
    const Eigen::MatrixXd restricted = basis.transpose() * jacobian(payoff, x) * basis;
    return Eigen::EigenSolver<Eigen::MatrixXd>(restricted, false).eigenvalues();
}

} // namespace

Eigen::VectorXd replicatorDerivative(const Eigen::MatrixXd& payoff, const Eigen::VectorXd& x)
{
    requireGame(payoff);
    requireSimplexPoint(x, payoff.rows(), "x");
    return derivative(payoff, x);
}

Eigen::MatrixXd replicatorTrajectory(const Eigen::MatrixXd& payoff, const Eigen::VectorXd& start, double dt, int steps)
{
    requireGame(payoff);
    requireSimplexPoint(start, payoff.rows(), "start");
    detail::requirePositive(dt, "dt");
    if (steps < 0)
        detail::fail("steps is " + std::to_string(steps) + ", expected >= 0");

    Eigen::MatrixXd path(steps + 1, payoff.rows());
    Eigen::VectorXd x = start / start.sum();
    path.row(0) = x.transpose();
    for (int t = 0; t < steps; ++t)
    {
        const Eigen::VectorXd k1 = derivative(payoff, x);
        const Eigen::VectorXd k2 = derivative(payoff, x + 0.5 * dt * k1);
        const Eigen::VectorXd k3 = derivative(payoff, x + 0.5 * dt * k2);
        const Eigen::VectorXd k4 = derivative(payoff, x + dt * k3);
        x += (dt / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4);
        // The simplex is invariant for the exact flow; only round-off (or a too large dt) leaves it.
        x = x.cwiseMax(0.0);
        x /= x.sum();
        path.row(t + 1) = x.transpose();
    }
    return path;
}

Eigen::MatrixXd replicatorJacobian(const Eigen::MatrixXd& payoff, const Eigen::VectorXd& x)
{
    requireGame(payoff);
    requireSimplexPoint(x, payoff.rows(), "x");
    return jacobian(payoff, x);
}

Eigen::VectorXcd replicatorSimplexEigenvalues(const Eigen::MatrixXd& payoff, const Eigen::VectorXd& x)
{
    requireGame(payoff);
    requireSimplexPoint(x, payoff.rows(), "x");
    return simplexEigenvalues(payoff, x);
}

std::vector<ReplicatorFixedPoint> replicatorFixedPoints(const Eigen::MatrixXd& payoff, double tolerance)
{
    requireGame(payoff);
    detail::requirePositive(tolerance, "tolerance");
    const auto m = static_cast<int>(payoff.rows());
    if (m > kMaxStrategiesForSupportEnumeration)
        detail::fail("payoff matrix has " + std::to_string(m) + " strategies, expected at most " +
                     std::to_string(kMaxStrategiesForSupportEnumeration) + " for support enumeration");

    std::vector<ReplicatorFixedPoint> points;
    const std::uint32_t maskEnd = std::uint32_t{1} << m;
    for (std::uint32_t mask = 1; mask < maskEnd; ++mask)
    {
        std::vector<int> support;
        for (int i = 0; i < m; ++i)
            if ((mask >> i) & 1U)
                support.push_back(i);
        const auto s = static_cast<Eigen::Index>(support.size());

        // Unknowns (x_S, v): A_SS x_S - v 1 = 0 and 1'x_S = 1, v being the common payoff on the support.
        Eigen::MatrixXd system = Eigen::MatrixXd::Zero(s + 1, s + 1);
        for (Eigen::Index i = 0; i < s; ++i)
        {
            for (Eigen::Index j = 0; j < s; ++j)
                system(i, j) = payoff(support[static_cast<std::size_t>(i)], support[static_cast<std::size_t>(j)]);
            system(i, s) = -1.0;
            system(s, i) = 1.0;
        }
        Eigen::VectorXd rhs = Eigen::VectorXd::Zero(s + 1);
        rhs(s) = 1.0;
        const Eigen::FullPivLU<Eigen::MatrixXd> lu(system);
        if (!lu.isInvertible())
            continue;
        const Eigen::VectorXd solution = lu.solve(rhs);
        if ((solution.head(s).array() <= tolerance).any())
            continue;

        ReplicatorFixedPoint point;
        point.x = Eigen::VectorXd::Zero(m);
        for (Eigen::Index i = 0; i < s; ++i)
            point.x(support[static_cast<std::size_t>(i)]) = solution(i);
        point.x /= point.x.sum();
        point.support = std::move(support);
        point.eigenvalues = simplexEigenvalues(payoff, point.x);
        point.maxRealPart = point.eigenvalues.real().maxCoeff();
        point.isStable = point.maxRealPart < -tolerance;
        points.push_back(std::move(point));
    }
    return points;
}

} // namespace cybersim::theory
