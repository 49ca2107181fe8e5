// SPDX-License-Identifier: MIT
// Checks run by the engine itself from scenario files: Richardson's arms race (5) and Nowak and May's spatial
// chaos (3). No code path here is specific to a paper: the scenarios set the engine's general mechanics.
#include "checks.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/sim/catalogue.hpp"
#include "cybersim/sim/error.hpp"
#include "cybersim/sim/scenario_io.hpp"
#include "cybersim/sim/simulation.hpp"
#include "cybersim/sim/theory/richardson.hpp"

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
    for (const double reactivity : {0.3, 0.7})
    {
        const bool stable = reactivity < 0.5;
        const auto scenario = loadScenarioFile(
            file, catalogue,
            stable ? std::vector<std::string>{}
                   : std::vector<std::string>{"arms.reactivity=" + fmt(reactivity, 17), "run.rounds=60"});
        if (scenario.states.size() != 2)
            throw ConfigError(file.string() + " must list exactly two states");
        sim::Simulation simulation(scenario, catalogue, {false});
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
        const auto theory = sim::theory::richardsonEquilibrium({k, k, a, a, g, h});
        Eigen::MatrixXd jacobian(2, 2);
        jacobian << -a, k, k, -a;
        const double jacobianEigen = sim::theory::largestRealEigenvalue(jacobian);
        const std::string label = "k=" + fmt(k) + ", a=" + fmt(a) + ", g=" + fmt(g) + ", h=" + fmt(h);

        simulation.advance(scenario.run.rounds);
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
    return report;
}

namespace
{

// Number of states currently holding `doctrine`.
int countDoctrine(const sim::Simulation& simulation, const std::string& doctrine)
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
            const auto scenario =
                sim::loadScenarioFile(dir / block.file, catalogue, {"game.temptation=" + fmt(b, 17), "run.rounds=10"});
            sim::Simulation simulation(scenario, catalogue);
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
    for (std::size_t k = 0; k < defectorShares.size(); ++k)
    {
        const double d = defectorShares[k];
        const auto scenario = sim::loadScenarioFile(
            dir / "nowak-may.toml", catalogue,
            {"generate.count=" + std::to_string(side * side), "run.rounds=" + std::to_string(rounds),
             "run.seed=" + std::to_string(sim::deriveSeed(options.seed, 3, k) >> 1),
             "generate.doctrine_shares=[" + fmt(1.0 - d, 17) + ", " + fmt(d, 17) + "]"});
        sim::Simulation simulation(scenario, catalogue);
        double sum = 0.0, sumSq = 0.0;
        int samples = 0;
        for (int generation = 1; generation <= rounds; ++generation)
        {
            simulation.step();
            if (generation < from)
                continue;
            const double share = countDoctrine(simulation, "strategy:Cooperator") / double(side * side);
            sum += share;
            sumSq += share * share;
            ++samples;
        }
        const double mean = sum / samples;
        const double sd = std::sqrt(std::max(0.0, sumSq / samples - mean * mean));
        report.rows.push_back({"cooperator share, " + std::to_string(side) + "x" + std::to_string(side) +
                                   " torus, b=1.9, " + fmt(100 * d, 3) + "% D at start, mean of generations " +
                                   std::to_string(from) + "-" + std::to_string(rounds),
                               fmt(target, 4) + " (12 ln 2 - 8)", fmt(mean, 4), "0.01",
                               passIf(std::abs(mean - target) <= 0.01),
                               "generation-to-generation SD " + fmt(sd, 2) + "; one run per start"});
    }
    return report;
}

} // namespace cybersim::validation::detail
