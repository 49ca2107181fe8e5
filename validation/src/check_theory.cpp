// SPDX-License-Identifier: MIT
// Checks 6, 7 and 8: generosity under noise (long noisy matches vs the memory-one chain), norms and metanorms (engine),
// and the collective-risk dilemma (theory layer: critical risk, fixed points, finite-population group achievement).
#include "checks.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/agents/tournament.hpp"
#include "cybersim/sim/catalogue.hpp"
#include "cybersim/sim/error.hpp"
#include "cybersim/sim/rng.hpp"
#include "cybersim/sim/scenario_io.hpp"
#include "cybersim/sim/simulation.hpp"
#include "cybersim/sim/theory/collective_risk.hpp"
#include "cybersim/sim/theory/group_game.hpp"
#include "cybersim/sim/theory/memory_one.hpp"

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace cybersim::validation::detail
{

namespace
{

struct MatchStatistics
{
    double mean = 0.0; // mean payoff per turn to the first seat, over matches
    double se = 0.0;   // standard error of that mean (between-match spread)
};

// Plays `matches` independent noisy matches of `name` against itself and averages the first seat's payoff per turn
// after `burnIn` turns (the chain starts from CC; the burn-in removes the start from a stationary comparison).
MatchStatistics noisySelfPlay(const std::string& name, int matches, std::uint32_t turns, std::uint32_t burnIn,
                              double noise, std::uint64_t seed, std::size_t threads)
{
    const auto strategy = agents::builtinCatalogue().makeStrategy(name, {});
    const sim::PayoffMatrix game;
    std::vector<double> means(static_cast<std::size_t>(matches), 0.0);
    auto body = [&]
    {
        tbb::parallel_for(std::size_t{0}, means.size(),
                          [&](std::size_t m)
                          {
                              const auto r =
                                  agents::playMatch(*strategy, *strategy, turns, game, noise, sim::deriveSeed(seed, m));
                              double total = 0.0;
                              for (std::size_t t = burnIn; t < r.movesA.size(); ++t)
                                  total +=
                                      game.payoff(r.movesA[t] == 'C' ? sim::Action::Cooperate : sim::Action::Defect,
                                                  r.movesB[t] == 'C' ? sim::Action::Cooperate : sim::Action::Defect);
                              means[m] = total / double(turns - burnIn);
                          });
    };
    if (threads > 0)
    {
        tbb::task_arena arena(static_cast<int>(threads));
        arena.execute(body);
    }
    else
        body();
    MatchStatistics s;
    for (const double x : means)
        s.mean += x / matches;
    double ss = 0.0;
    for (const double x : means)
        ss += (x - s.mean) * (x - s.mean);
    s.se = std::sqrt(ss / (matches - 1.0) / matches);
    return s;
}

double binomial(int n, int k)
{
    double c = 1.0;
    for (int i = 1; i <= k; ++i)
        c = c * (n - k + i) / i;
    return c;
}

// Santos and Pacheco 2011: group achievement eta_G, the stationary probability that a random group of n reaches M
// cooperators, under the pairwise-comparison process with mutation mu in a population of Z (a birth-death chain on
// the number k of cooperators, solved exactly by detailed balance).
double groupAchievement(const sim::theory::CollectiveRiskDef& def, int z, double beta, double mu)
{
    namespace th = sim::theory;
    const auto game = th::collectiveRiskGame(def);
    const auto fermi = [beta](double x) { return 1.0 / (1.0 + std::exp(-beta * x)); };
    std::vector<double> logP(static_cast<std::size_t>(z) + 1, 0.0);
    for (int k = 0; k < z; ++k)
    {
        // T+(k): a defector imitates a cooperator (or mutates); T-(k+1): a cooperator imitates a defector (or mutates).
        double up = mu, down = mu;
        if (k > 0)
            up += (1.0 - mu) * k / (z - 1.0) *
                  fermi(th::groupFitnessFinite(game, th::kCrdCooperator, z, k) -
                        th::groupFitnessFinite(game, th::kCrdDefector, z, k));
        const int k1 = k + 1;
        if (k1 < z)
            down += (1.0 - mu) * (z - k1) / (z - 1.0) *
                    fermi(th::groupFitnessFinite(game, th::kCrdDefector, z, k1) -
                          th::groupFitnessFinite(game, th::kCrdCooperator, z, k1));
        up *= (z - k) / double(z);
        down *= k1 / double(z);
        logP[std::size_t(k1)] = logP[std::size_t(k)] + std::log(up) - std::log(down);
    }
    const double top = *std::max_element(logP.begin(), logP.end());
    double norm = 0.0, eta = 0.0;
    for (int k = 0; k <= z; ++k)
    {
        const double p = std::exp(logP[std::size_t(k)] - top);
        double reach = 0.0;
        for (int j = def.threshold; j <= def.groupSize; ++j)
            reach += th::hypergeometricProbability(j, z, k, def.groupSize);
        norm += p;
        eta += p * reach;
    }
    return eta / norm;
}

} // namespace

CheckReport checkGenerosity(const ValidationOptions& options)
{
    namespace th = sim::theory;
    CheckReport report;
    report.title = "generosity under noise: TFT against itself collapses, GTFT and WSLS recover cooperation";
    report.citation = "Nowak and Sigmund 1992, Nature 355:250; Nowak and Sigmund 1993, Nature 364:56; Molander 1985";
    report.method = "agents::playMatch (TitForTat, GTFT, WinStayLoseShift against themselves, noise 0.05) vs "
                    "theory::memoryOneOutcome";
    const sim::PayoffMatrix game;
    const double generosity = th::gtftGenerosity(game);
    report.rows.push_back({"GTFT generosity min(1-(T-R)/(R-S), (R-P)/(T-P))", "1/3", fmt(generosity, 17), "1e-15",
                           passIf(std::abs(generosity - 1.0 / 3.0) <= 1e-15), ""});
    const double noise = 0.05;
    const int matches = options.quick ? 24 : 200;
    const std::uint32_t turns = options.quick ? 4000 : 20000;
    const std::uint32_t burnIn = 200;
    struct Pair
    {
        std::string name;
        th::MemoryOneStrategy rule;
    };
    const std::vector<Pair> pairs = {{"TitForTat", {1.0, 0.0, 1.0, 0.0}},
                                     {"GTFT", {1.0, generosity, 1.0, generosity}},
                                     {"WinStayLoseShift", {1.0, 0.0, 0.0, 1.0}}};
    std::vector<MatchStatistics> simulated;
    std::vector<double> theory;
    for (std::size_t k = 0; k < pairs.size(); ++k)
    {
        const auto& p = pairs[k];
        const double expected = th::memoryOneOutcome(p.rule, p.rule, noise, game).firstPayoff;
        const auto s =
            noisySelfPlay(p.name, matches, turns, burnIn, noise, sim::deriveSeed(options.seed, 6, k), options.threads);
        simulated.push_back(s);
        theory.push_back(expected);
        const double z = (s.mean - expected) / s.se;
        report.rows.push_back({p.name + " vs itself, payoff per turn at noise 0.05 (stationary chain)",
                               fmt(expected, 6), fmt(s.mean, 6), "3 SE", passIf(std::abs(z) <= 3.0),
                               std::to_string(matches) + " matches of " + std::to_string(turns) + " turns (first " +
                                   std::to_string(burnIn) + " dropped), SE " + fmt(s.se, 2) + ", z = " + fmt(z, 3)});
    }
    const double collapse = (game.reward + game.sucker + game.temptation + game.punishment) / 4.0;
    report.rows.push_back({"TFT vs itself collapses to (R+S+T+P)/4", fmt(collapse, 6), fmt(simulated[0].mean, 6),
                           "3 SE", passIf(std::abs(simulated[0].mean - collapse) <= 3.0 * simulated[0].se),
                           "published figure for any small noise"});
    for (std::size_t k = 1; k < pairs.size(); ++k)
    {
        const double gap = simulated[k].mean - simulated[0].mean;
        const double se = std::hypot(simulated[k].se, simulated[0].se);
        report.rows.push_back({pairs[k].name + " recovers cooperation: payoff minus TFT's",
                               "> 0 (theory " + fmt(theory[k] - theory[0], 4) + ")", fmt(gap, 4), "> 3 SE",
                               passIf(gap > 3.0 * se), "SE " + fmt(se, 2)});
    }
    return report;
}

CheckReport checkNorms(const ValidationOptions& options)
{
    CheckReport report;
    report.title = "Axelrod's norms and metanorms games (20 agents, boldness and vengefulness in sevenths)";
    report.citation = "Axelrod 1986, APSR 80(4):1095; Galan and Izquierdo 2005, JASSS 8(3):2";
    report.method = "engine: scenarios/classic/norms.toml and metanorms.toml (governance.enforcement = axelrod, "
                    "learning.rule = axelrod-traits), 100 runs each from derived seeds";
    const auto dir = options.scenariosDir.empty() ? defaultScenariosDir() : options.scenariosDir;
    const auto& catalogue = agents::builtinCatalogue();
    constexpr int kRuns = 100;
    struct Case
    {
        const char* file;
        const char* quantity;
        double target;
        bool collapse; // collapse (B >= 6/7, V <= 1/7) or establishment (B <= 2/7, V >= 5/7)
    };
    for (const Case& c :
         {Case{"classic/norms.toml", "norms collapse by generation 1000 (B >= 6/7, V <= 1/7)", 0.93, true},
          Case{"classic/metanorms.toml", "metanorms established at generation 100 (B <= 2/7, V >= 5/7)", 0.82, false}})
    {
        const auto file = dir / c.file;
        if (!std::filesystem::exists(file))
        {
            report.rows.push_back({c.quantity, ">= " + fmt(c.target, 2), "-", ">= " + fmt(c.target, 2), Status::Skip,
                                   "missing " + file.string()});
            continue;
        }
        const auto base = sim::loadScenarioFile(file, catalogue);
        std::vector<std::uint8_t> hit(kRuns, 0);
        tbb::task_arena arena(options.threads > 0 ? int(options.threads) : tbb::task_arena::automatic);
        arena.execute(
            [&]
            {
                tbb::parallel_for(0, kRuns,
                                  [&](int run)
                                  {
                                      auto scenario = base;
                                      scenario.run.seed = sim::deriveSeed(options.seed, 7, std::uint64_t(run));
                                      sim::Simulation simulation(scenario, catalogue, {false});
                                      simulation.advance(scenario.run.rounds);
                                      const auto& m = simulation.metrics();
                                      const bool reached = c.collapse ? m.meanBoldness >= 6.0 / 7.0 - 1e-9 &&
                                                                            m.meanVengefulness <= 1.0 / 7.0 + 1e-9
                                                                      : m.meanBoldness <= 2.0 / 7.0 + 1e-9 &&
                                                                            m.meanVengefulness >= 5.0 / 7.0 - 1e-9;
                                      hit[std::size_t(run)] = reached ? 1 : 0;
                                  });
            });
        int count = 0;
        for (auto h : hit)
            count += h;
        const double share = double(count) / kRuns;
        report.rows.push_back({std::string(c.quantity) + ", share of " + std::to_string(kRuns) + " runs",
                               ">= " + fmt(c.target, 2), fmt(share, 3), ">= " + fmt(c.target, 2),
                               passIf(share >= c.target),
                               "mean boldness and vengefulness over the 20 states at the last generation; refill rule: "
                               "see sim/src/phase_norms_game.cpp"});
    }
    return report;
}

CheckReport checkCollectiveRisk(const ValidationOptions& options)
{
    namespace th = sim::theory;
    CheckReport report;
    report.title = "collective-risk dilemma: interior rest points only above r*; risk and small groups help";
    report.citation = "Santos and Pacheco 2011, PNAS 108:10421";
    report.method = "sim::theory collective_risk and group_game (replicator in infinite populations; exact "
                    "stationary distribution of the pairwise-comparison chain with mutation, Z=50)";
    th::CollectiveRiskDef def{6, 3, 1.0, 0.1, 0.5};
    // r* = c / (C(n-1, M-1) x^(M-1) (1-x)^(n-M)) at x = (M-1)/(n-1), coded here independently.
    const double x = 2.0 / 5.0;
    const double closed = 0.1 / (binomial(5, 2) * x * x * std::pow(1.0 - x, 3));
    const double rStar = th::collectiveRiskCriticalRisk(def);
    report.rows.push_back({"critical risk r*, n=6, M=3, c=0.1", fmt(closed, 12), fmt(rStar, 12), "1e-12 rel",
                           passIf(std::abs(rStar - closed) <= 1e-12 * closed), "closed form coded in the check"});
    auto interior = [&](double r)
    {
        auto d = def;
        d.risk = r;
        int count = 0, stable = 0;
        for (const auto& p : th::groupReplicatorFixedPoints(th::collectiveRiskGame(d)))
            if (p.x > 0.0 && p.x < 1.0)
            {
                ++count;
                stable += p.isStable ? 1 : 0;
            }
        return std::pair{count, stable};
    };
    const auto below = interior(0.95 * rStar);
    const auto above = interior(1.05 * rStar);
    report.rows.push_back({"interior rest points at r = 0.95 r*", "0", std::to_string(below.first), "exact",
                           passIf(below.first == 0), ""});
    report.rows.push_back({"interior rest points at r = 1.05 r* (one unstable, one stable)", "2 (1 stable)",
                           std::to_string(above.first) + " (" + std::to_string(above.second) + " stable)", "exact",
                           passIf(above.first == 2 && above.second == 1), ""});
    // Smaller groups need less risk: r* grows with n at M/n = 1/2.
    std::string rStars;
    bool increasing = true;
    double previous = 0.0;
    for (const int n : {4, 6, 8, 10})
    {
        const double r = th::collectiveRiskCriticalRisk({n, n / 2, 1.0, 0.1, 0.5});
        rStars += (rStars.empty() ? "" : ", ") + fmt(r, 4);
        increasing = increasing && r > previous;
        previous = r;
    }
    report.rows.push_back({"r* for n = 4, 6, 8, 10 (M = n/2): smaller groups need less risk", "increasing in n", rStars,
                           "strictly increasing", passIf(increasing), ""});
    // Finite population: group achievement rises with risk and falls with group size.
    const int z = 50;
    const double beta = 5.0, mu = 0.01;
    std::string etas;
    bool rising = true;
    double first = 0.0, last = 0.0;
    previous = -1.0;
    const std::vector<double> risks = options.quick
                                          ? std::vector<double>{0.0, 0.25, 0.5, 0.75, 1.0}
                                          : std::vector<double>{0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    for (const double r : risks)
    {
        auto d = def;
        d.risk = r;
        const double eta = groupAchievement(d, z, beta, mu);
        etas += (etas.empty() ? "" : ", ") + fmt(eta, 3);
        rising = rising && eta > previous;
        if (previous < 0.0)
            first = eta;
        previous = last = eta;
    }
    report.rows.push_back({"group achievement eta_G at r = " +
                               std::string(options.quick ? "0, .25, .5, .75, 1" : "0, 0.1, ..., 1") + " (n=6, M=3)",
                           "rises steeply with r", etas, "increasing, eta(1) - eta(0) > 0.5",
                           passIf(rising && last - first > 0.5), "Z=50, beta=5, mu=0.01, c=0.1, b=1"});
    std::string bySize;
    bool falling = true;
    previous = 2.0;
    for (const int n : {4, 6, 8, 10})
    {
        const double eta = groupAchievement({n, n / 2, 1.0, 0.1, 0.5}, z, beta, mu);
        bySize += (bySize.empty() ? "" : ", ") + fmt(eta, 3);
        falling = falling && eta < previous;
        previous = eta;
    }
    report.rows.push_back({"eta_G at r = 0.5 for n = 4, 6, 8, 10 (M = n/2)", "smaller groups cooperate more", bySize,
                           "decreasing in n", passIf(falling), "Z=50, beta=5, mu=0.01"});
    return report;
}

} // namespace cybersim::validation::detail
