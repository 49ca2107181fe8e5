// SPDX-License-Identifier: MIT
// Checks run by the engine itself from scenario files: Richardson's arms race (5) and Nowak and May's spatial
// chaos (3). No code path here is specific to a paper: the scenarios set the engine's general mechanics.
#include "checks.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/engine/simulation.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/theory/collective_risk.hpp"
#include "cybersim/theory/fixation.hpp"
#include "cybersim/theory/group_game.hpp"
#include "cybersim/theory/richardson.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>

namespace cybersim::validation::detail
{

namespace
{

double relativeError(double ours, double reference)
{
    return std::abs(ours - reference) / std::max(std::abs(reference), 1e-12);
}

} // namespace

CheckReport checkRichardson(const ValidationOptions& options)
{
    CheckReport report;
    report.title = "Richardson's arms race: the engine's N-state dynamics reduce to the two-state closed form";
    report.citation = "Richardson 1960, Arms and Insecurity";
    report.method = "engine run of scenarios/classic/richardson.toml (two states, trust 0, other mechanics off) vs "
                    "closed form and sim::theory::richardsonEquilibrium";
    const auto file = scenariosDir(options) / "classic" / "richardson.toml";
    if (!std::filesystem::exists(file))
    {
        report.rows.push_back({"engine equilibrium", "-", "-", "1e-9", Status::Skip, "missing " + file.string()});
        return report;
    }
    const auto& catalogue = agents::builtinCatalogue();
    // Chart: both states' arms over the first rounds, converging to the closed-form equilibrium when k = 0.3 and
    // running away (off the top) when k = 0.7.
    constexpr int kChartRounds = 100;
    auto& chart = report.chart;
    chart.title = "Richardson's arms race in the engine: convergence to (x*, y*) when a b > k l, runaway otherwise";
    chart.xTitle = "round (dt = 0.5 years)";
    chart.yTitle = "arms";
    chart.yMin = 0.0;
    std::vector<CheckChartSeries> trajectories, equilibria;
    for (const double reactivity : {0.3, 0.7})
    {
        const bool stable = reactivity < 0.5;
        const auto scenario = scenario::loadScenarioFile(
            file, catalogue,
            stable ? std::vector<std::string>{}
                   : std::vector<std::string>{"arms.reactivity=" + fmt(reactivity, 17), "run.rounds=60"});
        if (scenario.states.size() != 2)
            throw ConfigError(file.string() + " must list exactly two states");
        engine::Simulation simulation(scenario, catalogue, {false});
        const auto& arms = scenario.arms;
        // Each state's grievance under full distrust: the doctrine's offence share shifted by its threat response.
        double grievance[2];
        for (int i = 0; i < 2; ++i)
        {
            const auto* d = catalogue.doctrine(scenario.states[std::size_t(i)].doctrine);
            if (d == nullptr)
                throw ConfigError("unknown doctrine " + scenario.states[std::size_t(i)].doctrine);
            grievance[i] = arms.grievance + arms.budgetDrive *
                                                (d->offenceShare + d->threatResponse * d->contributionShare) *
                                                scenario.states[std::size_t(i)].budget;
        }
        const double k = arms.reactivity, a = arms.fatigue, g = grievance[0], h = grievance[1];
        const double xStar = (a * g + k * h) / (a * a - k * k);
        const double yStar = (a * h + k * g) / (a * a - k * k);
        const auto theory = cybersim::theory::richardsonEquilibrium({k, k, a, a, g, h});
        Eigen::MatrixXd jacobian(2, 2);
        jacobian << -a, k, k, -a;
        const double jacobianEigen = theory::largestRealEigenvalue(jacobian);
        const std::string label = "k=" + fmt(k) + ", a=" + fmt(a) + ", g=" + fmt(g) + ", h=" + fmt(h);

        const std::string caseLabel = "k = " + fmt(k) + (stable ? "" : ", runaway");
        CheckChartSeries armsX{"X, " + caseLabel, ChartStyle::Line, {}, stable ? 0 : 2};
        CheckChartSeries armsY{"Y, " + caseLabel, ChartStyle::Line, {}, stable ? 1 : 3};
        const auto record = [&]
        {
            const auto states = simulation.stateMetrics();
            armsX.points.push_back({double(simulation.round()), states[0].arms, 0.0});
            armsY.points.push_back({double(simulation.round()), states[1].arms, 0.0});
        };
        record();
        for (int round = 1; round <= scenario.run.rounds && !simulation.finished(); ++round)
        {
            simulation.step();
            if (round <= kChartRounds)
                record();
        }
        trajectories.push_back(std::move(armsX));
        trajectories.push_back(std::move(armsY));
        if (stable)
        {
            equilibria.push_back(horizontalLine("x* = " + fmt(xStar, 4) + " (closed form)", xStar, 0.0, kChartRounds,
                                                ChartStyle::Dashed, 0));
            equilibria.push_back(horizontalLine("y* = " + fmt(yStar, 4) + " (closed form)", yStar, 0.0, kChartRounds,
                                                ChartStyle::Dashed, 1));
            chart.yMax = 1.5 * std::max(xStar, yStar);
        }
        const double engineEigen = simulation.convergedStabilityEigenvalue();
        report.rows.push_back({"stability eigenvalue, engine vs Jacobian [[-a,k],[l,-b]] (" + label + ")",
                               fmt(jacobianEigen, 12), fmt(engineEigen, 12), "1e-9 abs",
                               passIf(std::abs(engineEigen - jacobianEigen) <= 1e-9 &&
                                      std::abs(theory.eigenvalue - jacobianEigen) <= 1e-12),
                               "theory layer: " + fmt(theory.eigenvalue, 12)});
        const auto states = simulation.stateMetrics();
        if (stable)
        {
            const double ex = relativeError(states[0].arms, xStar), ey = relativeError(states[1].arms, yStar);
            report.rows.push_back({"equilibrium x* = (b g + k h)/(a b - k l), engine after " +
                                       std::to_string(scenario.run.rounds) + " rounds",
                                   fmt(xStar, 12), fmt(states[0].arms, 12), "1e-9 rel",
                                   passIf(ex <= 1e-9 && relativeError(theory.x, xStar) <= 1e-12),
                                   "theory layer x* " + fmt(theory.x, 12)});
            report.rows.push_back({"equilibrium y* = (a h + l g)/(a b - k l), engine", fmt(yStar, 12),
                                   fmt(states[1].arms, 12), "1e-9 rel",
                                   passIf(ey <= 1e-9 && relativeError(theory.y, yStar) <= 1e-12),
                                   "theory layer y* " + fmt(theory.y, 12)});
        }
        else
        {
            // a b < k l: a runaway race from any start above the (negative) equilibrium.
            const double total = states[0].arms + states[1].arms;
            report.rows.push_back({"a b < k l: runaway race (arms after 60 rounds, k=0.7 > a=0.5)",
                                   "grows without bound", fmt(total, 6), "> 100x the start",
                                   passIf(!theory.isStable && total > 100.0),
                                   "the equilibrium " + fmt(theory.x, 4) + " is negative and unstable"});
        }
    }
    for (auto* list : {&equilibria, &trajectories})
        for (auto& series : *list)
            chart.series.push_back(std::move(series));
    return report;
}

namespace
{

// Number of states currently holding `doctrine`.
int countDoctrine(const engine::Simulation& simulation, const std::string& doctrine)
{
    const auto& names = simulation.doctrineNames();
    const auto it = std::find(names.begin(), names.end(), doctrine);
    if (it == names.end())
        return 0;
    const auto index = static_cast<std::int32_t>(it - names.begin());
    int count = 0;
    for (const auto& m : simulation.stateMetrics())
        count += m.doctrine == index ? 1 : 0;
    return count;
}

} // namespace

CheckReport checkNowakMay(const ValidationOptions& options)
{
    CheckReport report;
    report.title = "spatial chaos: block growth thresholds and the cooperator share 12 ln 2 - 8";
    report.citation = "Nowak and May 1992, Nature 359:826";
    report.method = "engine runs of scenarios/classic/nowak-may*.toml: lattice, Moore neighbourhood with "
                    "self-interaction, synchronous imitate-best every round, R=1 T=b S=P=0";
    const auto& catalogue = agents::builtinCatalogue();
    const auto dir = scenariosDir(options) / "classic";
    for (const auto* name : {"nowak-may.toml", "nowak-may-block.toml", "nowak-may-cooperator-block.toml"})
        if (!std::filesystem::exists(dir / name))
        {
            report.rows.push_back(
                {"Nowak-May scenarios", "-", "-", "-", Status::Skip, "missing " + (dir / name).string()});
            return report;
        }
    // Block growth: deterministic, the same in both variants. "Grows" = more than 4 sites of the block's strategy
    // after 10 generations.
    struct Block
    {
        const char* file;
        const char* doctrine;
        std::vector<double> bs;
        const char* rule;
        bool (*expected)(double);
    };
    const std::vector<Block> blocks = {{"nowak-may-block.toml",
                                        "strategy:Defector",
                                        {1.75, 1.79, 1.81, 1.85, 1.95},
                                        "D block in C grows iff b > 1.8",
                                        [](double b) { return b > 1.8; }},
                                       {"nowak-may-cooperator-block.toml",
                                        "strategy:Cooperator",
                                        {1.6, 1.9, 1.99, 2.01, 2.1},
                                        "C block in D grows iff b < 2",
                                        [](double b) { return b < 2.0; }}};
    for (const auto& block : blocks)
    {
        std::string ours, expected;
        bool all = true;
        for (const double b : block.bs)
        {
            const auto scenario = scenario::loadScenarioFile(dir / block.file, catalogue,
                                                             {"game.temptation=" + fmt(b, 17), "run.rounds=10"});
            engine::Simulation simulation(scenario, catalogue);
            const int before = countDoctrine(simulation, block.doctrine);
            simulation.advance(10);
            const int after = countDoctrine(simulation, block.doctrine);
            const bool grew = after > before;
            all = all && before == 4 && grew == block.expected(b);
            ours += (ours.empty() ? "" : ", ") + fmt(b, 3) + (grew ? ": grows" : ": not");
            expected += (expected.empty() ? "" : ", ") + fmt(b, 3) + (block.expected(b) ? ": grows" : ": not");
        }
        report.rows.push_back({std::string(block.rule) + " (20x20 torus, 10 generations)", expected, ours, "exact",
                               passIf(all), "deterministic"});
    }
    // Chaos: the cooperator share averaged over late generations, from random starts with 10-40% defectors.
    const double target = 12.0 * std::log(2.0) - 8.0;
    const int side = options.quick ? 100 : 200;
    const int rounds = options.quick ? 200 : 300;
    const int from = options.quick ? 101 : 201;
    const std::vector<double> defectorShares =
        options.quick ? std::vector<double>{0.1} : std::vector<double>{0.1, 0.25, 0.4};
    // Chart: the cooperator share of each run over the generations, against the published 12 ln 2 - 8.
    auto& chart = report.chart;
    chart.title = "Spatial chaos (b = 1.9, " + std::to_string(side) + " x " + std::to_string(side) +
                  " torus): the cooperator share settles near 12 ln 2 - 8";
    chart.xTitle = "generation";
    chart.yTitle = "share of cooperators";
    chart.yMin = 0.0;
    chart.yMax = 1.0;
    chart.series.push_back(horizontalLine("12 ln 2 - 8 = " + fmt(target, 4) + ", published", target, 0.0, rounds));
    chart.series.push_back(verticalLine("averaged from here", from, 0.0, 1.0));
    for (std::size_t k = 0; k < defectorShares.size(); ++k)
    {
        const double d = defectorShares[k];
        const auto scenario = scenario::loadScenarioFile(
            dir / "nowak-may.toml", catalogue,
            {"generate.count=" + std::to_string(side * side), "run.rounds=" + std::to_string(rounds),
             "run.seed=" + std::to_string(core::deriveSeed(options.seed, 3, k) >> 1),
             "generate.doctrine_shares=[" + fmt(1.0 - d, 17) + ", " + fmt(d, 17) + "]"});
        engine::Simulation simulation(scenario, catalogue);
        double sum = 0.0, sumSq = 0.0;
        int samples = 0;
        CheckChartSeries trajectory{fmt(100 * d, 3) + "% defectors at start", ChartStyle::Line, {}, int(k)};
        trajectory.points.push_back({0.0, countDoctrine(simulation, "strategy:Cooperator") / double(side * side), 0.0});
        for (int generation = 1; generation <= rounds; ++generation)
        {
            simulation.step();
            const double share = countDoctrine(simulation, "strategy:Cooperator") / double(side * side);
            trajectory.points.push_back({double(generation), share, 0.0});
            if (generation < from)
                continue;
            sum += share;
            sumSq += share * share;
            ++samples;
        }
        const double mean = sum / samples;
        const double sd = std::sqrt(std::max(0.0, sumSq / samples - mean * mean));
        chart.series.push_back(std::move(trajectory));
        report.rows.push_back({"cooperator share, " + std::to_string(side) + "x" + std::to_string(side) +
                                   " torus, b=1.9, " + fmt(100 * d, 3) + "% D at start, mean of generations " +
                                   std::to_string(from) + "-" + std::to_string(rounds),
                               fmt(target, 4) + " (12 ln 2 - 8)", fmt(mean, 4), "0.01",
                               passIf(std::abs(mean - target) <= 0.01),
                               "generation-to-generation SD " + fmt(sd, 2) + "; one run per start"});
    }
    return report;
}

void appendEngineCollectiveRisk(CheckReport& report, const ValidationOptions& options)
{
    // The engine's group game (group_game.kind = collective-risk) against the theory layer, from
    // scenarios/classic/collective-risk.toml with overrides: fixation under the asynchronous Moran rule (exact:
    // T-/T+ = exp(-w (f_C - f_D)), as for the pairwise comparison), sampled payoffs against the finite-population
    // fitness, and the shipped run's cooperator share against the pairwise-comparison chain with mutation.
    namespace th = theory;
    const auto file = scenariosDir(options) / "classic" / "collective-risk.toml";
    if (!std::filesystem::exists(file))
    {
        report.rows.push_back(
            {"engine: collective-risk group game", "-", "-", "3 SE", Status::Skip, "missing " + file.string()});
        return;
    }
    const auto& catalogue = agents::builtinCatalogue();
    const auto cooperatorsIn = [](const engine::Simulation& simulation)
    { return countDoctrine(simulation, "strategy:Cooperator"); };

    // Fixation of one cooperator among Z = 10: n = 4, M = 2, c = 0.1, r = 0.9, w = 5.
    {
        const int population = 10, runs = options.quick ? 2000 : 20000;
        const double w = 5.0;
        th::CollectiveRiskDef def{4, 2, 1.0, 0.1, 0.9};
        const double expected =
            th::groupPairwiseFixation(th::collectiveRiskGame(def), th::kCrdCooperator, population, w);
        auto scenario = scenario::loadScenarioFile(
            file, catalogue,
            {"generate.count=10", "generate.doctrine_shares=[9, 1]", "group_game.size=4", "group_game.threshold=2",
             "learning.rule=moran", "learning.mutation=0", "learning.selection_intensity=5", "run.rounds=100000"});
        int fixed = 0;
        for (int run = 0; run < runs; ++run)
        {
            scenario.run.seed = core::deriveSeed(options.seed, 0x63726400ULL + std::uint64_t(run));
            engine::Simulation simulation(scenario, catalogue);
            int cooperators = cooperatorsIn(simulation);
            while (cooperators > 0 && cooperators < population && !simulation.finished())
            {
                simulation.step();
                cooperators = cooperatorsIn(simulation);
            }
            fixed += cooperators == population ? 1 : 0;
        }
        const double share = double(fixed) / runs;
        const double se = std::sqrt(expected * (1.0 - expected) / runs);
        const double z = (share - expected) / se;
        report.rows.push_back(
            {"engine: fixation of one cooperator, Z=10, n=4, M=2, r=0.9 (asynchronous Moran, w=5)", fmt(expected, 6),
             fmt(share, 4) + " (" + std::to_string(runs) + " runs, SE " + fmt(se, 2) + ", z = " + fmt(z, 2) + ")",
             "3 SE", passIf(std::abs(z) <= 3.0),
             "theory::groupPairwiseFixation, beta = w; all-groups payoffs; neutral would be 0.1"});
    }

    // Sampled well-mixed groups: each state's payoff is an independent draw whose mean is the finite-population
    // fitness of its strategy (Santos and Pacheco 2011). Z = 30, 12 cooperators, n = 6, M = 3, r = 0.9.
    {
        const int rounds = options.quick ? 100 : 1000;
        auto scenario = scenario::loadScenarioFile(file, catalogue,
                                                   {"generate.count=30", "generate.doctrine_shares=[18, 12]",
                                                    "group_game.formation=well-mixed", "learning.rule=none",
                                                    "run.rounds=" + std::to_string(rounds)});
        scenario.run.seed = options.seed;
        engine::Simulation simulation(scenario, catalogue);
        const int cooperators = cooperatorsIn(simulation);
        const auto game = th::collectiveRiskGame({6, 3, 1.0, 0.1, 0.9});
        const auto& names = simulation.doctrineNames();
        double sum[2] = {}, squares[2] = {};
        int count[2] = {};
        while (!simulation.finished())
        {
            simulation.step();
            for (const auto& m : simulation.stateMetrics())
            {
                const int c = names[std::size_t(m.doctrine)] == "strategy:Cooperator" ? 1 : 0;
                sum[c] += m.payoff;
                squares[c] += m.payoff * m.payoff;
                ++count[c];
            }
        }
        for (const int c : {1, 0})
        {
            const double expected = th::groupFitnessFinite(game, c, 30, cooperators);
            const double mean = sum[c] / count[c];
            const double se = std::sqrt((squares[c] - count[c] * mean * mean) / (count[c] - 1) / count[c]);
            const double z = (mean - expected) / se;
            report.rows.push_back({std::string("engine: mean payoff of a ") + (c ? "cooperator" : "defector") +
                                       ", sampled groups of 6 among Z=30 with " + std::to_string(cooperators) +
                                       " cooperators",
                                   fmt(expected, 6),
                                   fmt(mean, 6) + " (" + std::to_string(count[c]) + " payoffs, SE " + fmt(se, 2) +
                                       ", z = " + fmt(z, 2) + ")",
                                   "3 SE", passIf(std::abs(z) <= 3.0),
                                   "theory::groupFitnessFinite; group_game.formation = well-mixed, " +
                                       std::to_string(rounds) + " rounds"});
        }
    }

    // The shipped scenario: time-mean cooperator share vs the stationary mean of the pairwise-comparison chain with
    // mutation (a random doctrine of two with probability mu, so each flip has mu / 2), Z = 50, beta = 5.
    {
        const int rounds = options.quick ? 600 : 3000, from = 100;
        auto scenario = scenario::loadScenarioFile(file, catalogue, {"run.rounds=" + std::to_string(rounds)});
        scenario.run.seed = options.seed;
        engine::Simulation simulation(scenario, catalogue);
        const int z = static_cast<int>(simulation.stateMetrics().size());
        double total = 0.0;
        int samples = 0;
        while (!simulation.finished())
        {
            simulation.step();
            if (simulation.round() > from)
            {
                total += double(cooperatorsIn(simulation)) / z;
                ++samples;
            }
        }
        const auto& g = scenario.groupGame;
        const auto game = th::collectiveRiskGame({g.size, g.threshold, g.endowment, g.costFraction, g.risk});
        const double beta = scenario.learning.selectionIntensity, mu = scenario.learning.mutation / 2.0;
        std::vector<double> weight(std::size_t(z) + 1, 1.0);
        for (int k = 1; k <= z; ++k)
        {
            const auto transition = [&](int count, bool up)
            {
                const double fC = count > 0 ? th::groupFitnessFinite(game, 1, z, count) : 0.0;
                const double fD = count < z ? th::groupFitnessFinite(game, 0, z, count) : 0.0;
                const double meet = double(count) * (z - count) / (double(z) * (z - 1));
                const double imitate = 1.0 / (1.0 + std::exp((up ? -beta : beta) * (fC - fD)));
                return (1.0 - mu) * meet * imitate + mu * (up ? double(z - count) : double(count)) / z;
            };
            weight[std::size_t(k)] = weight[std::size_t(k) - 1] * transition(k - 1, true) / transition(k, false);
        }
        double norm = 0.0, mean = 0.0;
        for (int k = 0; k <= z; ++k)
        {
            norm += weight[std::size_t(k)];
            mean += weight[std::size_t(k)] * k / z;
        }
        report.rows.push_back({"engine: cooperator share of scenarios/classic/collective-risk.toml (r=0.9), rounds " +
                                   std::to_string(from + 1) + "-" + std::to_string(rounds),
                               fmt(mean / norm, 3), fmt(total / samples, 3), "-", Status::Info,
                               "stationary mean of the pairwise-comparison chain with mutation; the engine's "
                               "asynchronous sweep visits every state once a round, an approximation of that chain"});
    }
}

} // namespace cybersim::validation::detail
