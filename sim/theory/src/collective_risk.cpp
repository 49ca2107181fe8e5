// SPDX-License-Identifier: MIT
// The collective-risk dilemma (Santos and Pacheco 2011, PNAS 108:10421; Milinski et al. 2008, PNAS 105:2291).
#include "cybersim/theory/collective_risk.hpp"

#include "validate.hpp"

#include <cmath>
#include <string>

namespace cybersim::theory
{
namespace
{

void requireDef(const CollectiveRiskDef& def)
{
    if (def.groupSize < 2)
        detail::fail("group size is " + std::to_string(def.groupSize) + ", expected >= 2");
    if (def.threshold < 1 || def.threshold > def.groupSize)
        detail::fail("threshold is " + std::to_string(def.threshold) + ", expected in [1, " +
                     std::to_string(def.groupSize) + "]");
    detail::requirePositive(def.endowment, "endowment");
    detail::requireProbability(def.costFraction, "cost fraction");
    detail::requireProbability(def.risk, "risk");
}

} // namespace

GroupGame collectiveRiskGame(const CollectiveRiskDef& def)
{
    requireDef(def);
    const double b = def.endowment;
    const auto defectorPayoff = [&](int cooperators)
    { return cooperators >= def.threshold ? b : b * (1.0 - def.risk); };

    GroupGame game;
    game.groupSize = def.groupSize;
    for (int j = 0; j < def.groupSize; ++j)
    {
        game.payoff0.push_back(defectorPayoff(j));
        game.payoff1.push_back(defectorPayoff(j + 1) - def.costFraction * b);
    }
    return game;
}

double collectiveRiskCriticalRisk(const CollectiveRiskDef& def)
{
    requireDef(def);
    const int n = def.groupSize;
    const int m = def.threshold;
    const double x = static_cast<double>(m - 1) / (n - 1);
    // C(n-1, M-1) x^(M-1) (1-x)^(n-M), with 0^0 = 1 at the ends M = 1 and M = n.
    double peak = std::pow(x, m - 1) * std::pow(1.0 - x, n - m);
    for (int i = 1; i <= m - 1; ++i)
        peak = peak * static_cast<double>(n - m + i) / static_cast<double>(i);
    return def.costFraction / peak;
}

} // namespace cybersim::theory
