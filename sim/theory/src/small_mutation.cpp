// SPDX-License-Identifier: MIT
// The small-mutation embedded chain (Fudenberg and Imhof 2006, J. Econ. Theory 131:251; Imhof et al. 2005, PNAS
// 102:10797).
#include "cybersim/theory/small_mutation.hpp"

#include "cybersim/theory/fixation.hpp"

#include "validate.hpp"

#include <Eigen/LU>

#include <cmath>
#include <string>

namespace cybersim::theory
{
namespace
{

// GTH elimination; returns false (leaving `out` unspecified) when some censored state cannot reach a lower one, i.e.
// the chain is reducible.
bool stationaryGth(Eigen::MatrixXd a, Eigen::VectorXd& out)
{
    const Eigen::Index n = a.rows();
    for (Eigen::Index k = n - 1; k > 0; --k)
    {
        const double leave = a.row(k).head(k).sum();
        if (!(leave > 0.0))
            return false;
        a.col(k).head(k) /= leave;
        a.topLeftCorner(k, k) += a.col(k).head(k) * a.row(k).head(k);
    }
    out = Eigen::VectorXd::Zero(n);
    out(0) = 1.0;
    for (Eigen::Index k = 1; k < n; ++k)
        out(k) = out.head(k).dot(a.col(k).head(k));
    out /= out.sum();
    return true;
}

} // namespace

Eigen::VectorXd stationaryDistribution(const Eigen::MatrixXd& transition)
{
    if (transition.rows() != transition.cols() || transition.rows() < 1)
        detail::fail("transition matrix is " + std::to_string(transition.rows()) + "x" +
                     std::to_string(transition.cols()) + ", expected a non-empty square matrix");
    const Eigen::Index k = transition.rows();
    for (Eigen::Index i = 0; i < k; ++i)
    {
        for (Eigen::Index j = 0; j < k; ++j)
            detail::requireProbability(transition(i, j),
                                       "transition(" + std::to_string(i) + ", " + std::to_string(j) + ")");
        const double rowSum = transition.row(i).sum();
        if (std::abs(rowSum - 1.0) > 1e-9)
            detail::fail("transition row " + std::to_string(i) + " sums to " + detail::number(rowSum) + ", expected 1");
    }
    Eigen::VectorXd pi;
    if (stationaryGth(transition, pi))
        return pi;

    // (P' - I) pi = 0 has rank k-1 when the stationary vector is unique; one equation is replaced by sum pi = 1.
    Eigen::MatrixXd system = transition.transpose() - Eigen::MatrixXd::Identity(k, k);
    system.row(k - 1).setOnes();
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(k);
    rhs(k - 1) = 1.0;
    const Eigen::FullPivLU<Eigen::MatrixXd> lu(system);
    if (!lu.isInvertible())
        detail::fail("the chain has no unique stationary distribution, expected a single closed class of states");
    pi = lu.solve(rhs).cwiseMax(0.0);
    return pi / pi.sum();
}

namespace
{
// rho_ij: the probability that one j mutant takes over a population of i, for every ordered pair of strategies.
template <class Fixation> Eigen::MatrixXd fixationMatrix(const Eigen::MatrixXd& payoff, Fixation fixation)
{
    detail::requireSquare(payoff, "payoff matrix", 2);
    const Eigen::Index k = payoff.rows();
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(k, k);
    for (Eigen::Index i = 0; i < k; ++i)
        for (Eigen::Index j = 0; j < k; ++j)
            if (i != j)
                out(i, j) = fixation(static_cast<int>(j), static_cast<int>(i));
    return out;
}
} // namespace

Eigen::MatrixXd pairwiseFixationMatrix(const Eigen::MatrixXd& payoff, int populationSize, double beta)
{
    return fixationMatrix(payoff, [&](int invader, int resident)
                          { return pairwiseFixation(payoff, invader, resident, populationSize, beta); });
}

Eigen::MatrixXd moranFixationMatrix(const Eigen::MatrixXd& payoff, int populationSize, double selection)
{
    return fixationMatrix(payoff, [&](int invader, int resident)
                          { return moranGameFixation(payoff, invader, resident, populationSize, selection); });
}

SmallMutationChain smallMutationChain(const Eigen::MatrixXd& fixation)
{
    if (fixation.rows() != fixation.cols() || fixation.rows() < 2)
        detail::fail("fixation matrix is " + std::to_string(fixation.rows()) + "x" + std::to_string(fixation.cols()) +
                     ", expected a square matrix of at least 2x2");
    const Eigen::Index k = fixation.rows();
    SmallMutationChain chain;
    chain.transition = Eigen::MatrixXd::Zero(k, k);
    for (Eigen::Index i = 0; i < k; ++i)
    {
        double leave = 0.0;
        for (Eigen::Index j = 0; j < k; ++j)
        {
            if (i == j)
                continue;
            detail::requireProbability(fixation(i, j),
                                       "fixation(" + std::to_string(i) + ", " + std::to_string(j) + ")");
            chain.transition(i, j) = fixation(i, j) / static_cast<double>(k - 1);
            leave += chain.transition(i, j);
        }
        chain.transition(i, i) = 1.0 - leave;
    }
    chain.stationary = stationaryDistribution(chain.transition);
    return chain;
}

} // namespace cybersim::theory
