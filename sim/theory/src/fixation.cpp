// SPDX-License-Identifier: MIT
// Fixation probabilities of birth-death processes (Karlin and Taylor 1975; Nowak et al. 2004; Traulsen et al. 2006).
#include "cybersim/theory/fixation.hpp"

#include "validate.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace cybersim::theory
{
namespace
{

void requireTwoStrategies(const Eigen::MatrixXd& payoff, int invader, int resident)
{
    detail::requireSquare(payoff, "payoff matrix", 2);
    detail::requireIndex(invader, payoff.rows(), "invader");
    detail::requireIndex(resident, payoff.rows(), "resident");
    if (invader == resident)
        detail::fail("invader and resident are both " + std::to_string(invader) + ", expected two strategies");
}

} // namespace

double moranFixation(double relativeFitness, int populationSize)
{
    detail::requirePositive(relativeFitness, "relative fitness");
    detail::requirePopulationSize(populationSize, "population size");
    const double n = populationSize;
    if (relativeFitness == 1.0)
        return 1.0 / n;
    const double s = std::log(relativeFitness);
    if (s > 0.0)
        return std::expm1(-s) / std::expm1(-n * s);
    // Multiplied through by r^N, (r - 1) / (r^N - 1) stays finite for tiny r and r^(N-1) may underflow to 0.
    return std::exp((n - 1.0) * s) * (std::expm1(s) / std::expm1(n * s));
}

double fixationFromLogRatios(std::span<const double> logRatios)
{
    if (logRatios.empty())
        detail::fail("log ratios are empty, expected N-1 >= 1 entries");
    std::vector<double> partialSums(logRatios.size());
    double sum = 0.0;
    double largest = 0.0; // the k = 0 term, log 1
    for (std::size_t j = 0; j < logRatios.size(); ++j)
    {
        if (std::isnan(logRatios[j]))
            detail::fail("log ratio " + std::to_string(j + 1) + " is nan, expected a number");
        sum += logRatios[j];
        partialSums[j] = sum;
        largest = std::max(largest, sum);
    }
    if (std::isinf(largest))
        return 0.0;
    double scaled = std::exp(-largest);
    for (const double partial : partialSums)
        scaled += std::exp(partial - largest);
    return std::exp(-(largest + std::log(scaled)));
}

double moranGameFixation(const Eigen::MatrixXd& payoff, int invader, int resident, int populationSize, double selection)
{
    requireTwoStrategies(payoff, invader, resident);
    detail::requirePopulationSize(populationSize, "population size");
    detail::requireProbability(selection, "selection intensity w");
    const double a = payoff(invader, invader), b = payoff(invader, resident);
    const double c = payoff(resident, invader), d = payoff(resident, resident);
    const double n = populationSize;
    std::vector<double> logRatios(static_cast<std::size_t>(populationSize - 1));
    for (int i = 1; i < populationSize; ++i)
    {
        const double f = 1.0 - selection + selection * (a * (i - 1) + b * (n - i)) / (n - 1.0);
        const double g = 1.0 - selection + selection * (c * i + d * (n - i - 1)) / (n - 1.0);
        if (!(f > 0.0) || !(g > 0.0))
            detail::fail("moran fitness with " + std::to_string(i) + " invaders is " + detail::number(f) +
                         " (invader) and " + detail::number(g) +
                         " (resident), expected both > 0 (lower w or shift the payoffs)");
        logRatios[static_cast<std::size_t>(i - 1)] = std::log(g) - std::log(f);
    }
    return fixationFromLogRatios(logRatios);
}

double pairwiseFixation(const Eigen::MatrixXd& payoff, int invader, int resident, int populationSize, double beta)
{
    requireTwoStrategies(payoff, invader, resident);
    detail::requirePopulationSize(populationSize, "population size");
    detail::requireNonNegative(beta, "beta");
    const double a = payoff(invader, invader), b = payoff(invader, resident);
    const double c = payoff(resident, invader), d = payoff(resident, resident);
    const double n = populationSize;
    std::vector<double> logRatios(static_cast<std::size_t>(populationSize - 1));
    for (int i = 1; i < populationSize; ++i)
    {
        const double fInvader = (a * (i - 1) + b * (n - i)) / (n - 1.0);
        const double fResident = (c * i + d * (n - i - 1)) / (n - 1.0);
        logRatios[static_cast<std::size_t>(i - 1)] = -beta * (fInvader - fResident);
    }
    return fixationFromLogRatios(logRatios);
}

double groupPairwiseFixation(const GroupGame& game, int invader, int populationSize, double beta)
{
    if (invader != 0 && invader != 1)
        detail::fail("invader is " + std::to_string(invader) + ", expected 0 or 1");
    detail::requirePopulationSize(populationSize, "population size");
    detail::requireNonNegative(beta, "beta");
    const int resident = 1 - invader;
    std::vector<double> logRatios(static_cast<std::size_t>(populationSize - 1));
    for (int i = 1; i < populationSize; ++i)
    {
        const int count1 = invader == 1 ? i : populationSize - i;
        const double fInvader = groupFitnessFinite(game, invader, populationSize, count1);
        const double fResident = groupFitnessFinite(game, resident, populationSize, count1);
        logRatios[static_cast<std::size_t>(i - 1)] = -beta * (fInvader - fResident);
    }
    return fixationFromLogRatios(logRatios);
}

} // namespace cybersim::theory
