// SPDX-License-Identifier: MIT
// Checks 6, 7 and 8: generosity under noise (long noisy matches vs the memory-one chain), norms and metanorms (engine),
// and the collective-risk dilemma (theory layer: critical risk, fixed points, finite-population group achievement).
#include "checks.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/agents/tournament.hpp"
#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/core/rng.hpp"
#include "cybersim/engine/simulation.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/theory/collective_risk.hpp"
#include "cybersim/theory/group_game.hpp"
#include "cybersim/theory/memory_one.hpp"

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
MatchStatistics noisySelfPlay(const std::string& name, const std::vector<double>& params, int matches,
                              std::uint32_t turns, std::uint32_t burnIn, double noise, std::uint64_t seed,
                              std::size_t threads)
{
    const auto strategy = agents::builtinCatalogue().makeStrategy(name, params);
    const core::PayoffMatrix game;
    std::vector<double> means(static_cast<std::size_t>(matches), 0.0);
    auto body = [&]
    {
        tbb::parallel_for(
            std::size_t{0}, means.size(),
            [&](std::size_t m)
            {
                const auto r = agents::playMatch(*strategy, *strategy, turns, game, noise, core::deriveSeed(seed, m));
                double total = 0.0;
                for (std::size_t t = burnIn; t < r.movesA.size(); ++t)
                    total += game.payoff(r.movesA[t] == 'C' ? core::Action::Cooperate : core::Action::Defect,
                                         r.movesB[t] == 'C' ? core::Action::Cooperate : core::Action::Defect);
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
double groupAchievement(const theory::CollectiveRiskDef& def, int z, double beta, double mu)
{
    namespace th = theory;
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
    namespace th = theory;
    CheckReport report;
    report.title = "generosity under noise: TFT against itself collapses, GTFT and WSLS recover cooperation";
    report.citation = "Nowak and Sigmund 1992, Nature 355:250; Nowak and Sigmund 1993, Nature 364:56; Molander 1985";
    report.method = "agents::playMatch (TitForTat, GTFT, WinStayLoseShift against themselves, noise 0.05) vs "
                    "theory::memoryOneOutcome";
    const core::PayoffMatrix game;
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
        const auto s = noisySelfPlay(p.name, {}, matches, turns, burnIn, noise, core::deriveSeed(options.seed, 6, k),
                                     options.threads);
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

    // Chart: the chain's payoff of (1, g, 1, g) against itself over the generosity g, with simulated matches at TFT
    // (g = 0), GTFT (g = 1/3) and a few more g (chart only), and WSLS's payoff as a line.
    auto& chart = report.chart;
    chart.title = "Generosity under noise (5% of moves flipped): payoff of each rule against itself";
    chart.xTitle = "generosity g: probability of cooperating after the partner's defection";
    chart.yTitle = "long-run payoff per turn (bars: 3 SE)";
    chart.yMin = collapse - 0.05;
    chart.yMax = game.reward + 0.05;
    CheckChartSeries chain{"chain, (1, g, 1, g) vs itself", ChartStyle::Line, {}, 0};
    for (int i = 0; i <= 200; ++i)
    {
        const double g = i / 200.0;
        chain.points.push_back(
            {g, th::memoryOneOutcome({1.0, g, 1.0, g}, {1.0, g, 1.0, g}, noise, game).firstPayoff, 0.0});
    }
    CheckChartSeries played{"simulated", ChartStyle::Points, {}, 1};
    played.points.push_back({0.0, simulated[0].mean, 3.0 * simulated[0].se});
    played.points.push_back({generosity, simulated[1].mean, 3.0 * simulated[1].se});
    std::uint64_t extra = pairs.size();
    for (const double g : {0.1, 0.2, 0.5, 0.75, 1.0})
    {
        const auto s = noisySelfPlay("GTFT", {g}, matches, turns, burnIn, noise,
                                     core::deriveSeed(options.seed, 6, extra++), options.threads);
        played.points.push_back({g, s.mean, 3.0 * s.se});
    }
    std::sort(played.points.begin(), played.points.end(),
              [](const ChartPoint& a, const ChartPoint& b) { return a.x < b.x; });
    chart.series.push_back(verticalLine("GTFT, g = 1/3", generosity, *chart.yMin, *chart.yMax));
    chart.series.push_back(horizontalLine("TFT's collapse (R+S+T+P)/4", collapse, 0.0, 1.0));
    chart.series.push_back(horizontalLine("WSLS vs itself (chain)", theory[2], 0.0, 1.0, ChartStyle::Dashed, 2));
    chart.series.push_back(std::move(chain));
    chart.series.push_back(std::move(played));
    return report;
}

CheckReport checkNorms(const ValidationOptions& options)
{
    CheckReport report;
    report.title = "Axelrod's norms and metanorms games (20 agents, boldness and vengefulness in sevenths)";
    report.citation = "Axelrod 1986, APSR 80(4):1095; Galan and Izquierdo 2005, JASSS 8(3):2";
    report.method = "engine: scenarios/classic/norms.toml and metanorms.toml (governance.enforcement = axelrod, "
                    "learning.rule = axelrod-traits), 100 runs each from derived seeds";
    const auto dir = scenariosDir(options);
    const auto& catalogue = agents::builtinCatalogue();
    constexpr int kRuns = 100;
    auto& chart = report.chart;
    chart.title = "Norms collapse, metanorms establish them: mean over " + std::to_string(kRuns) + " runs of each";
    chart.xTitle = "generation (log scale)";
    chart.yTitle = "mean boldness / vengefulness over the 20 states";
    chart.logX = true;
    chart.yMin = 0.0;
    chart.yMax = 1.0;
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
        const auto base = scenario::loadScenarioFile(file, catalogue);
        const auto generations = static_cast<std::size_t>(std::max(0, base.run.rounds));
        std::vector<std::uint8_t> hit(kRuns, 0);
        // Each run's mean boldness and vengefulness after every generation, averaged over runs in run order below.
        std::vector<std::vector<double>> boldness(kRuns, std::vector<double>(generations, NAN));
        std::vector<std::vector<double>> vengefulness = boldness;
        tbb::task_arena arena(options.threads > 0 ? int(options.threads) : tbb::task_arena::automatic);
        arena.execute(
            [&]
            {
                tbb::parallel_for(0, kRuns,
                                  [&](int run)
                                  {
                                      auto scenario = base;
                                      scenario.run.seed = core::deriveSeed(options.seed, 7, std::uint64_t(run));
                                      engine::Simulation simulation(scenario, catalogue, {false});
                                      for (std::size_t g = 0; g < generations && !simulation.finished(); ++g)
                                      {
                                          simulation.step();
                                          boldness[std::size_t(run)][g] = simulation.metrics().meanBoldness;
                                          vengefulness[std::size_t(run)][g] = simulation.metrics().meanVengefulness;
                                      }
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
        const std::string game = c.collapse ? "norms game" : "metanorms game";
        const auto style = c.collapse ? ChartStyle::Line : ChartStyle::Dashed;
        CheckChartSeries meanB{"boldness, " + game, style, {}, 0};
        CheckChartSeries meanV{"vengefulness, " + game, style, {}, 1};
        for (std::size_t g = 0; g < generations; ++g)
        {
            double b = 0.0, v = 0.0;
            for (int run = 0; run < kRuns; ++run)
            {
                b += boldness[std::size_t(run)][g] / kRuns;
                v += vengefulness[std::size_t(run)][g] / kRuns;
            }
            meanB.points.push_back({double(g + 1), b, 0.0});
            meanV.points.push_back({double(g + 1), v, 0.0});
        }
        chart.series.push_back(std::move(meanB));
        chart.series.push_back(std::move(meanV));
        report.rows.push_back({std::string(c.quantity) + ", share of " + std::to_string(kRuns) + " runs",
                               ">= " + fmt(c.target, 2), fmt(share, 3), ">= " + fmt(c.target, 2),
                               passIf(share >= c.target),
                               "mean boldness and vengefulness over the 20 states at the last generation; refill rule: "
                               "see sim/engine/src/phases/phase_norms_game.cpp"});
    }
    return report;
}

CheckReport checkCollectiveRisk(const ValidationOptions& options)
{
    namespace th = theory;
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
    appendEngineCollectiveRisk(report, options); // check_engine.cpp: the engine's group game against these formulas

    // Chart: the replicator gradient over the cooperator share for risks below and above r*, rest points marked.
    auto& chart = report.chart;
    chart.title =
        "Collective-risk dilemma (n = 6, M = 3, c = 0.1): interior rest points appear above r* = " + fmt(rStar, 3);
    chart.xTitle = "share of cooperators x";
    chart.yTitle = "gradient dx/dt = x (1 - x) (f_C - f_D)";
    chart.series.push_back(horizontalLine("", 0.0, 0.0, 1.0));
    CheckChartSeries stablePoints{"stable rest point", ChartStyle::Points, {}, kChartBlack};
    CheckChartSeries unstablePoints{"unstable rest point", ChartStyle::OpenPoints, {}, kChartBlack};
    int colour = 0;
    for (const double r : {0.2, 0.95 * rStar, 1.05 * rStar, 0.5, 0.9})
    {
        auto d = def;
        d.risk = r;
        const auto crd = th::collectiveRiskGame(d);
        const bool nearCritical = std::abs(r / rStar - 1.0) < 0.1;
        CheckChartSeries curve{"r = " + fmt(r, 3) + (nearCritical ? (r < rStar ? " (0.95 r*)" : " (1.05 r*)") : ""),
                               ChartStyle::Line,
                               {},
                               colour++};
        for (int i = 0; i <= 200; ++i)
            curve.points.push_back({i / 200.0, th::groupReplicatorGradient(crd, i / 200.0), 0.0});
        chart.series.push_back(std::move(curve));
        for (const auto& p : th::groupReplicatorFixedPoints(crd))
            (p.isStable ? stablePoints : unstablePoints).points.push_back({p.x, 0.0, 0.0});
    }
    chart.series.push_back(std::move(unstablePoints));
    chart.series.push_back(std::move(stablePoints));
    return report;
}

} // namespace cybersim::validation::detail
