// SPDX-License-Identifier: MIT
// Two-strategy group games: Bernstein-form replicator gradient (Hauert et al. 2006, J. Theor. Biol. 239:195) and
// hypergeometric finite-population fitness (Santos and Pacheco 2011, PNAS 108:10421; Traulsen et al. 2006).
#include "cybersim/theory/group_game.hpp"

#include "validate.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace cybersim::theory
{
namespace
{

void requireGroupGame(const GroupGame& game)
{
    if (game.groupSize < 2)
        detail::fail("group size is " + std::to_string(game.groupSize) + ", expected >= 2");
    const auto n = static_cast<std::size_t>(game.groupSize);
    const auto check = [n](const std::vector<double>& payoff, const char* name)
    {
        if (payoff.size() != n)
            detail::fail(std::string(name) + " has " + std::to_string(payoff.size()) + " entries, expected " +
                         std::to_string(n) + " (one per number of strategy-1 co-players, 0..n-1)");
        for (std::size_t j = 0; j < n; ++j)
            detail::requireFinite(payoff[j], std::string(name) + "[" + std::to_string(j) + "]");
    };
    check(game.payoff0, "payoff0");
    check(game.payoff1, "payoff1");
}

void requireStrategy(int strategy)
{
    if (strategy != 0 && strategy != 1)
        detail::fail("strategy is " + std::to_string(strategy) + ", expected 0 or 1");
}

// Bernstein polynomial sum_j C(d, j) x^j (1-x)^(d-j) c[j] by de Casteljau's algorithm (exact at the ends, stable).
double bernstein(std::vector<double> c, double x)
{
    for (std::size_t level = 1; level < c.size(); ++level)
        for (std::size_t j = 0; j + level < c.size(); ++j)
            c[j] = (1.0 - x) * c[j] + x * c[j + 1];
    return c.empty() ? 0.0 : c.front();
}

std::vector<double> differenceCoefficients(const GroupGame& game)
{
    std::vector<double> d(game.payoff0.size());
    for (std::size_t j = 0; j < d.size(); ++j)
        d[j] = game.payoff1[j] - game.payoff0[j];
    return d;
}

// Coefficients of the derivative of a Bernstein polynomial of degree d: d (c[j+1] - c[j]), degree d-1.
std::vector<double> derivativeCoefficients(const std::vector<double>& c)
{
    if (c.size() < 2)
        return {0.0};
    const auto degree = static_cast<double>(c.size() - 1);
    std::vector<double> result(c.size() - 1);
    for (std::size_t j = 0; j + 1 < c.size(); ++j)
        result[j] = degree * (c[j + 1] - c[j]);
    return result;
}

double bisect(const std::vector<double>& d, double lo, double hi)
{
    double fLo = bernstein(d, lo);
    for (int iteration = 0; iteration < 200; ++iteration)
    {
        const double mid = 0.5 * (lo + hi);
        if (mid <= lo || mid >= hi)
            break;
        const double fMid = bernstein(d, mid);
        if (fMid == 0.0)
            return mid;
        if ((fMid < 0.0) == (fLo < 0.0))
        {
            lo = mid;
            fLo = fMid;
        }
        else
        {
            hi = mid;
        }
    }
    return 0.5 * (lo + hi);
}

// C(n, k) as a double; exact while the value stays below 2^53, since each partial product is an integer.
double binomial(int n, int k)
{
    if (k < 0 || k > n)
        return 0.0;
    k = std::min(k, n - k);
    double result = 1.0;
    for (int i = 1; i <= k; ++i)
        result = result * static_cast<double>(n - k + i) / static_cast<double>(i);
    return result;
}

double logBinomial(int n, int k)
{
    return std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0);
}

double finiteFitness(const GroupGame& game, int strategy, int populationSize, int count1)
{
    const std::vector<double>& payoff = strategy == 0 ? game.payoff0 : game.payoff1;
    const int others = populationSize - 1;
    const int others1 = count1 - (strategy == 1 ? 1 : 0);
    const int draws = game.groupSize - 1;
    double fitness = 0.0;
    for (int j = std::max(0, draws - (others - others1)); j <= std::min(draws, others1); ++j)
        fitness += hypergeometricProbability(j, others, others1, draws) * payoff[static_cast<std::size_t>(j)];
    return fitness;
}

void requireFinitePopulation(const GroupGame& game, int strategy, int populationSize, int count1)
{
    requireGroupGame(game);
    requireStrategy(strategy);
    detail::requirePopulationSize(populationSize, "population size");
    if (populationSize < game.groupSize)
        detail::fail("population size is " + std::to_string(populationSize) + ", expected >= group size " +
                     std::to_string(game.groupSize));
    if (count1 < 0 || count1 > populationSize)
        detail::fail("strategy-1 count is " + std::to_string(count1) + ", expected a count in [0, " +
                     std::to_string(populationSize) + "]");
    if ((strategy == 1 && count1 == 0) || (strategy == 0 && count1 == populationSize))
        detail::fail("strategy-1 count is " + std::to_string(count1) + ", which leaves no strategy-" +
                     std::to_string(strategy) + " player to be the focal");
}

} // namespace

GroupGame groupGameFromCompositions(const std::vector<double>& row0, const std::vector<double>& row1)
{
    if (row0.size() != row1.size())
        detail::fail("composition rows have " + std::to_string(row0.size()) + " and " + std::to_string(row1.size()) +
                     " entries, expected equal lengths");
    if (row0.size() < 3)
        detail::fail("composition rows have " + std::to_string(row0.size()) +
                     " entries, expected n + 1 >= 3 (group size n >= 2)");
    GroupGame game;
    game.groupSize = static_cast<int>(row0.size()) - 1;
    // A strategy-0 focal with j strategy-1 co-players sits in a group with k = j strategy-1 players; a strategy-1
    // focal in one with k = j + 1.
    game.payoff0.assign(row0.begin(), row0.end() - 1);
    game.payoff1.assign(row1.begin() + 1, row1.end());
    requireGroupGame(game);
    return game;
}

double groupFitness(const GroupGame& game, int strategy, double x)
{
    requireGroupGame(game);
    requireStrategy(strategy);
    detail::requireProbability(x, "x");
    return bernstein(strategy == 0 ? game.payoff0 : game.payoff1, x);
}

double groupReplicatorGradient(const GroupGame& game, double x)
{
    requireGroupGame(game);
    detail::requireProbability(x, "x");
    return x * (1.0 - x) * bernstein(differenceCoefficients(game), x);
}

std::vector<GroupFixedPoint> groupReplicatorFixedPoints(const GroupGame& game)
{
    requireGroupGame(game);
    const std::vector<double> d = differenceCoefficients(game);
    const std::vector<double> dPrime = derivativeCoefficients(d);

    // With g(x) = x(1-x) D(x): g'(0) = D(0) = d[0], g'(1) = -D(1) = -d[n-1], g'(x*) = x*(1-x*) D'(x*) inside.
    std::vector<GroupFixedPoint> points;
    points.push_back({0.0, d.front(), d.front() < 0.0});

    const bool identicallyZero = std::all_of(d.begin(), d.end(), [](double v) { return v == 0.0; });
    if (!identicallyZero)
    {
        const int cells = 1000 * game.groupSize;
        const auto gridPoint = [cells](int i) { return static_cast<double>(i) / cells; };
        double previous = bernstein(d, 0.0);
        for (int i = 1; i <= cells; ++i)
        {
            const double current = bernstein(d, gridPoint(i));
            double root = -1.0;
            if (current == 0.0 && i < cells)
                root = gridPoint(i);
            else if (current != 0.0 && previous != 0.0 && (current < 0.0) != (previous < 0.0))
                root = bisect(d, gridPoint(i - 1), gridPoint(i));
            if (root > 0.0 && root < 1.0)
            {
                const double slope = root * (1.0 - root) * bernstein(dPrime, root);
                points.push_back({root, slope, slope < 0.0});
            }
            previous = current;
        }
    }

    points.push_back({1.0, -d.back(), -d.back() < 0.0});
    return points;
}

double hypergeometricProbability(int hits, int population, int successes, int draws)
{
    if (population < 0 || successes < 0 || successes > population || draws < 0 || draws > population)
        detail::fail("hypergeometric arguments (population " + std::to_string(population) + ", successes " +
                     std::to_string(successes) + ", draws " + std::to_string(draws) +
                     ") are invalid, expected 0 <= successes, draws <= population");
    if (hits < 0 || hits > successes || hits > draws || draws - hits > population - successes)
        return 0.0;
    const double numerator = binomial(successes, hits) * binomial(population - successes, draws - hits);
    const double denominator = binomial(population, draws);
    if (std::isfinite(numerator) && std::isfinite(denominator))
        return numerator / denominator;
    return std::exp(logBinomial(successes, hits) + logBinomial(population - successes, draws - hits) -
                    logBinomial(population, draws));
}

double groupFitnessFinite(const GroupGame& game, int strategy, int populationSize, int count1)
{
    requireFinitePopulation(game, strategy, populationSize, count1);
    return finiteFitness(game, strategy, populationSize, count1);
}

double groupGradientOfSelection(const GroupGame& game, int populationSize, int count1, double beta)
{
    requireGroupGame(game);
    if (count1 < 0 || count1 > populationSize)
        detail::fail("strategy-1 count is " + std::to_string(count1) + ", expected a count in [0, " +
                     std::to_string(populationSize) + "]");
    requireFinitePopulation(game, 0, populationSize, std::min(count1, populationSize - 1));
    detail::requireNonNegative(beta, "beta");
    if (count1 <= 0 || count1 >= populationSize)
        return 0.0;
    const double z = populationSize;
    const double k = count1;
    const double difference =
        finiteFitness(game, 1, populationSize, count1) - finiteFitness(game, 0, populationSize, count1);
    return (k / z) * ((z - k) / (z - 1.0)) * std::tanh(0.5 * beta * difference);
}

} // namespace cybersim::theory
