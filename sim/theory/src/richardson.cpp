// SPDX-License-Identifier: MIT
// Richardson's arms race (Richardson 1960, Arms and Insecurity, ch. 2; Intriligator 1964 for the N-state form).
#include "cybersim/theory/richardson.hpp"

#include "validate.hpp"

#include <Eigen/Eigenvalues>
#include <Eigen/LU>

#include <cmath>
#include <string>

namespace cybersim::theory
{
namespace
{

void requireSameShape(const Eigen::MatrixXd& m, Eigen::Index n, const char* name)
{
    if (m.rows() != n || m.cols() != n)
        detail::fail(std::string(name) + " is " + std::to_string(m.rows()) + "x" + std::to_string(m.cols()) +
                     ", expected " + std::to_string(n) + "x" + std::to_string(n));
    detail::requireFiniteEntries(m, name);
}

} // namespace

RichardsonEquilibrium richardsonEquilibrium(const RichardsonDef& def)
{
    detail::requireFinite(def.k, "k");
    detail::requireFinite(def.l, "l");
    detail::requireFinite(def.a, "a");
    detail::requireFinite(def.b, "b");
    detail::requireFinite(def.g, "g");
    detail::requireFinite(def.h, "h");
    const double det = def.a * def.b - def.k * def.l;
    if (det == 0.0)
        detail::fail("a b - k l is 0, expected a non-zero determinant (an isolated equilibrium)");
    RichardsonEquilibrium eq;
    eq.x = (def.b * def.g + def.k * def.h) / det;
    eq.y = (def.a * def.h + def.l * def.g) / det;
    // Eigenvalues of [[-a, k], [l, -b]]: (-(a+b) +- sqrt((a-b)^2 + 4 k l)) / 2.
    const double discriminant = (def.a - def.b) * (def.a - def.b) + 4.0 * def.k * def.l;
    eq.eigenvalue = discriminant >= 0.0 ? 0.5 * (-(def.a + def.b) + std::sqrt(discriminant)) : -0.5 * (def.a + def.b);
    eq.isStable = eq.eigenvalue < 0.0;
    return eq;
}

Eigen::MatrixXd armsRaceSystemMatrix(const Eigen::MatrixXd& reactivity, const Eigen::MatrixXd& weights,
                                     const Eigen::VectorXd& fatigue)
{
    const Eigen::Index n = fatigue.size();
    if (n < 1)
        detail::fail("fatigue is empty, expected one entry per state");
    detail::requireFiniteEntries(fatigue, "fatigue");
    requireSameShape(reactivity, n, "reactivity");
    requireSameShape(weights, n, "weights");
    Eigen::MatrixXd m = reactivity.cwiseProduct(weights);
    m.diagonal() -= fatigue;
    return m;
}

Eigen::VectorXd armsRaceEquilibrium(const Eigen::MatrixXd& system, const Eigen::VectorXd& grievance)
{
    detail::requireSquare(system, "system matrix");
    detail::requireSize(grievance.size(), system.rows(), "grievance");
    detail::requireFiniteEntries(grievance, "grievance");
    const Eigen::FullPivLU<Eigen::MatrixXd> lu(system);
    if (!lu.isInvertible())
        detail::fail("system matrix is singular, expected an isolated equilibrium");
    return lu.solve(-grievance);
}

double largestRealEigenvalue(const Eigen::MatrixXd& matrix)
{
    detail::requireSquare(matrix, "matrix");
    return Eigen::EigenSolver<Eigen::MatrixXd>(matrix, false).eigenvalues().real().maxCoeff();
}

Eigen::MatrixXd distrustWeights(const Eigen::MatrixXd& weights, const Eigen::MatrixXd& trust)
{
    detail::requireSquare(weights, "weights");
    if (trust.rows() != weights.rows() || trust.cols() != weights.cols())
        detail::fail("trust is " + std::to_string(trust.rows()) + "x" + std::to_string(trust.cols()) + ", expected " +
                     std::to_string(weights.rows()) + "x" + std::to_string(weights.cols()));
    for (Eigen::Index i = 0; i < trust.rows(); ++i)
        for (Eigen::Index j = 0; j < trust.cols(); ++j)
            detail::requireProbability(trust(i, j), "trust(" + std::to_string(i) + ", " + std::to_string(j) + ")");
    return weights.cwiseProduct((1.0 - trust.array()).matrix());
}

double armsRaceStabilityEigenvalue(int stateCount, double reactivity, const Eigen::VectorXd& fatigue,
                                   const Eigen::MatrixXd& weights)
{
    if (stateCount < 1)
        detail::fail("state count is " + std::to_string(stateCount) + ", expected >= 1");
    detail::requireFinite(reactivity, "reactivity k");
    detail::requireSize(fatigue.size(), stateCount, "fatigue");
    detail::requireFiniteEntries(fatigue, "fatigue");
    requireSameShape(weights, stateCount, "weights");
    Eigen::MatrixXd jacobian = reactivity * weights;
    jacobian.diagonal() -= fatigue;
    return largestRealEigenvalue(jacobian);
}

} // namespace cybersim::theory
