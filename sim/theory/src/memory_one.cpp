// SPDX-License-Identifier: MIT
// Memory-one strategies under implementation noise (Nowak and Sigmund 1990, Acta Appl. Math. 20:247; 1992; 1993).
#include "cybersim/theory/memory_one.hpp"

#include "cybersim/theory/small_mutation.hpp"

#include "validate.hpp"

#include <algorithm>
#include <string>

namespace cybersim::theory
{
namespace
{

void requireStrategy(const MemoryOneStrategy& s, const char* name)
{
    const std::string prefix(name);
    detail::requireProbability(s.afterCC, prefix + ".afterCC");
    detail::requireProbability(s.afterCD, prefix + ".afterCD");
    detail::requireProbability(s.afterDC, prefix + ".afterDC");
    detail::requireProbability(s.afterDD, prefix + ".afterDD");
}

} // namespace

OutcomeTransition memoryOneTransition(const MemoryOneStrategy& first, const MemoryOneStrategy& second, double epsilon)
{
    requireStrategy(first, "first");
    requireStrategy(second, "second");
    detail::requireProbability(epsilon, "epsilon");
    const auto noisy = [epsilon](double p) { return epsilon + (1.0 - 2.0 * epsilon) * p; };
    // Outcome order CC, CD, DC, DD from the first player's view; the second player sees CD and DC swapped.
    const std::array<double, 4> p{noisy(first.afterCC), noisy(first.afterCD), noisy(first.afterDC),
                                  noisy(first.afterDD)};
    const std::array<double, 4> q{noisy(second.afterCC), noisy(second.afterDC), noisy(second.afterCD),
                                  noisy(second.afterDD)};
    OutcomeTransition t{};
    for (std::size_t s = 0; s < 4; ++s)
    {
        t[s][0] = p[s] * q[s];
        t[s][1] = p[s] * (1.0 - q[s]);
        t[s][2] = (1.0 - p[s]) * q[s];
        t[s][3] = (1.0 - p[s]) * (1.0 - q[s]);
    }
    return t;
}

OutcomeDistribution memoryOneStationary(const MemoryOneStrategy& first, const MemoryOneStrategy& second, double epsilon)
{
    const OutcomeTransition t = memoryOneTransition(first, second, epsilon);
    Eigen::MatrixXd p(4, 4);
    for (Eigen::Index s = 0; s < 4; ++s)
        for (Eigen::Index u = 0; u < 4; ++u)
            p(s, u) = t[static_cast<std::size_t>(s)][static_cast<std::size_t>(u)];
    Eigen::VectorXd v;
    try
    {
        v = stationaryDistribution(p);
    }
    catch (const ConfigError&)
    {
        detail::fail("the memory-one chain has no unique stationary distribution (epsilon is " +
                     detail::number(epsilon) + "), expected epsilon > 0 or play that does not depend on the start");
    }
    return {v(0), v(1), v(2), v(3)};
}

MemoryOneOutcome memoryOneOutcome(const MemoryOneStrategy& first, const MemoryOneStrategy& second, double epsilon,
                                  const core::PayoffMatrix& game)
{
    detail::requireFinite(game.reward, "reward R");
    detail::requireFinite(game.sucker, "sucker S");
    detail::requireFinite(game.temptation, "temptation T");
    detail::requireFinite(game.punishment, "punishment P");
    MemoryOneOutcome out;
    out.stationary = memoryOneStationary(first, second, epsilon);
    const auto& v = out.stationary;
    out.firstPayoff = v[0] * game.reward + v[1] * game.sucker + v[2] * game.temptation + v[3] * game.punishment;
    out.secondPayoff = v[0] * game.reward + v[1] * game.temptation + v[2] * game.sucker + v[3] * game.punishment;
    out.cooperation = v[0] + 0.5 * (v[1] + v[2]);
    return out;
}

double gtftGenerosity(const core::PayoffMatrix& game)
{
    const double r = game.reward, s = game.sucker, t = game.temptation, p = game.punishment;
    for (const double v : {r, s, t, p})
        detail::requireFinite(v, "payoff");
    if (!(t > r && r > p && p > s))
        detail::fail("payoffs are R=" + detail::number(r) + " S=" + detail::number(s) + " T=" + detail::number(t) +
                     " P=" + detail::number(p) + ", expected a prisoner's dilemma with T > R > P > S");
    return std::max(0.0, std::min(1.0 - (t - r) / (r - s), (r - p) / (t - p)));
}

} // namespace cybersim::theory
