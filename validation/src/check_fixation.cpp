// SPDX-License-Identifier: MIT
// Check 4: fixation in finite populations. The theory layer against independently coded closed forms and EGTtools'
// values, and simulated fixation frequencies against the theory layer.
#include "checks.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/rng.hpp"
#include "cybersim/engine/simulation.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/theory/collective_risk.hpp"
#include "cybersim/theory/fixation.hpp"
#include "cybersim/theory/group_game.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

namespace cybersim::validation::detail
{

namespace
{

double relativeError(double ours, double reference)
{
    return std::abs(ours - reference) / std::max(std::abs(reference), 1e-300);
}

// The general birth-death formula rho = 1 / (1 + sum_k prod_{j<=k} T-(j)/T+(j)), with plain products (no log space),
// coded here independently of the theory layer.
template <class Ratio> double productFormula(int n, Ratio ratio)
{
    double sum = 0.0, product = 1.0;
    for (int k = 1; k <= n - 1; ++k)
    {
        product *= ratio(k);
        sum += product;
    }
    return 1.0 / (1.0 + sum);
}

struct Game2
{
    double a, b, c, d; // invader-invader, invader-resident, resident-invader, resident-resident
};

double fInvader(const Game2& g, int i, int n)
{
    return (g.a * (i - 1) + g.b * (n - i)) / (n - 1.0);
}
double fResident(const Game2& g, int i, int n)
{
    return (g.c * i + g.d * (n - i - 1)) / (n - 1.0);
}

Eigen::MatrixXd matrixOf(const Game2& g)
{
    Eigen::MatrixXd m(2, 2);
    m << g.a, g.b, g.c, g.d; // strategy 0 = invader, 1 = resident
    return m;
}

// The chart's population size: the Moran curve is drawn for N = 10, the size of the simulated constant-fitness case.
constexpr int kChartPopulation = 10;

// The Moran fixation probability with constant relative fitness r, (1 - 1/r) / (1 - 1/r^N), 1/N when neutral.
double moranClosedForm(double r, int n)
{
    return r == 1.0 ? 1.0 / n : (1.0 - 1.0 / r) / (1.0 - std::pow(1.0 / r, n));
}

// The engine's own Moran learning rule on a complete network (scenarios/classic/moran.toml): one mutant of constant
// relative fitness r = exp(w (N - 1)), run to absorption from many seeds. Adds its point to the chart when the
// scenario's N is the chart's.
void checkEngineMoran(const ValidationOptions& options, CheckReport& report)
{
    const auto file = scenariosDir(options) / "classic" / "moran.toml";
    if (!std::filesystem::exists(file))
    {
        report.rows.push_back({"engine Moran rule", "-", "-", "3 SE", Status::Skip, "missing " + file.string()});
        return;
    }
    const auto& catalogue = agents::builtinCatalogue();
    auto scenario = scenario::loadScenarioFile(file, catalogue);
    const int n = scenario.generate.count;
    const double payoffGap = (n - 1) * (scenario.game.matrix.sucker - scenario.game.matrix.punishment);
    const double r = std::exp(scenario.learning.selectionIntensity * payoffGap * scenario.learning.interval);
    const double theory = cybersim::theory::moranFixation(r, n);
    const int replicates = options.quick ? 2000 : 20000;
    int fixed = 0, unresolved = 0;
    for (int rep = 0; rep < replicates; ++rep)
    {
        scenario.run.seed = core::deriveSeed(options.seed, 44, static_cast<std::uint64_t>(rep));
        engine::Simulation simulation(scenario, catalogue, {false});
        const auto& names = simulation.doctrineNames();
        const auto mutant = static_cast<std::int32_t>(
            std::find(names.begin(), names.end(), scenario.generate.doctrines.back()) - names.begin());
        int count = 0;
        while (!simulation.finished())
        {
            simulation.step();
            count = 0;
            for (const auto& m : simulation.stateMetrics())
                count += m.doctrine == mutant ? 1 : 0;
            if (count == 0 || count == n)
                break;
        }
        fixed += count == n ? 1 : 0;
        unresolved += count > 0 && count < n ? 1 : 0;
    }
    const double p = double(fixed) / replicates;
    const double se = std::sqrt(theory * (1.0 - theory) / replicates);
    const double z = (p - theory) / se;
    if (n == kChartPopulation)
        report.chart.series.push_back(
            {"the engine's Moran rule (moran.toml)", ChartStyle::OpenPoints, {{r, p, 3.0 * se}}, 2});
    report.rows.push_back(
        {"engine Moran rule (scenarios/classic/moran.toml), r=" + fmt(r, 4) + ", N=" + std::to_string(n),
         fmt(theory, 6), fmt(p, 6), "3 SE", passIf(std::abs(z) <= 3.0 && unresolved == 0),
         std::to_string(replicates) + " seeds, SE " + fmt(se, 2) + ", z = " + fmt(z, 3) +
             (unresolved > 0 ? ", " + std::to_string(unresolved) + " runs unresolved" : "")});
}

} // namespace

CheckReport checkFixation(const ValidationOptions& options)
{
    CheckReport report;
    report.title = "fixation of a single mutant: Moran (constant fitness and games) and pairwise comparison";
    report.citation = "Moran 1958; Nowak, Sasaki, Taylor and Fudenberg 2004, Nature 428:646; Traulsen, Nowak and "
                      "Pacheco 2006, Phys. Rev. E 74:011909";
    report.method = "sim::theory fixation functions vs closed forms coded here; a well-mixed event-by-event simulator "
                    "(validation::simulateFixations) vs the theory layer";

    // Moran with constant relative fitness r: (1 - 1/r) / (1 - 1/r^N), 1/N when neutral.
    double worst = 0.0;
    for (const int n : {2, 10, 100, 1000})
        for (const double r : {0.5, 0.9, 0.999, 1.0, 1.001, 1.1, 2.0, 10.0})
        {
            const double closed = moranClosedForm(r, n);
            worst = std::max(worst, relativeError(theory::moranFixation(r, n), closed));
        }
    report.rows.push_back({"Moran constant fitness, theory layer vs (1-1/r)/(1-1/r^N), 32 (r, N) pairs", "closed form",
                           "max rel. error " + fmt(worst, 3), "1e-12 rel", passIf(worst <= 1e-12),
                           "r in {0.5 .. 10}, N in {2, 10, 100, 1000}"});

    // Frequency-dependent Moran and pairwise comparison for three games, several N and intensities.
    const std::vector<Game2> games = {{3.0, 0.0, 5.0, 1.0},  // prisoner's dilemma, C invades D
                                      {-0.5, 2.0, 0.0, 1.0}, // hawk-dove (V=2, C=3), H invades D
                                      {4.0, 0.0, 3.0, 2.0}}; // stag hunt, stag invades hare
    double worstMoran = 0.0, worstPairwise = 0.0;
    for (const auto& g : games)
        for (const int n : {5, 20, 100})
        {
            for (const double w : {0.01, 0.1, 0.5})
            {
                const double closed = productFormula(
                    n, [&](int i) { return (1.0 - w + w * fResident(g, i, n)) / (1.0 - w + w * fInvader(g, i, n)); });
                worstMoran =
                    std::max(worstMoran, relativeError(theory::moranGameFixation(matrixOf(g), 0, 1, n, w), closed));
            }
            for (const double beta : {0.01, 0.5, 2.0})
            {
                const double closed = productFormula(
                    n, [&](int i) { return std::exp(-beta * (fInvader(g, i, n) - fResident(g, i, n))); });
                worstPairwise = std::max(worstPairwise,
                                         relativeError(theory::pairwiseFixation(matrixOf(g), 0, 1, n, beta), closed));
            }
        }
    report.rows.push_back({"Moran game (Nowak et al. 2004), theory layer vs product formula, 27 cases", "closed form",
                           "max rel. error " + fmt(worstMoran, 3), "1e-12 rel", passIf(worstMoran <= 1e-12),
                           "PD, hawk-dove, stag hunt; N in {5, 20, 100}; w in {0.01, 0.1, 0.5}"});
    report.rows.push_back({"pairwise comparison (Traulsen et al. 2006), theory layer vs product formula, 27 cases",
                           "closed form", "max rel. error " + fmt(worstPairwise, 3), "1e-12 rel",
                           passIf(worstPairwise <= 1e-12), "same games and N; beta in {0.01, 0.5, 2}"});

    // EGTtools' three values (validation/data/egttools_peer_fixation.tsv).
    const auto tsv = referenceDir(options) / "egttools_peer_fixation.tsv";
    std::ifstream in(tsv);
    if (!in.good())
        report.rows.push_back({"EGTtools' exact fixation values", "3 rows", "-", "1e-12 rel", Status::Skip,
                               "cannot open " + tsv.string() + " (set CYBERSIM_DATA_DIR to cybersim's data folder)"});
    else
    {
        std::map<std::string, double> expected;
        std::string line;
        std::getline(in, line);
        while (std::getline(in, line))
        {
            std::stringstream ss(line);
            std::string kind, setup, value;
            if (std::getline(ss, kind, '\t') && std::getline(ss, setup, '\t') && std::getline(ss, value, '\t'))
                expected[kind] = std::stod(value);
        }
        auto row = [&](const std::string& kind, const std::string& what, double ours)
        {
            const auto it = expected.find(kind);
            if (it == expected.end())
            {
                report.rows.push_back({"EGTtools " + kind, "-", fmt(ours, 17), "1e-12 rel", Status::Skip,
                                       "row missing from " + tsv.string()});
                return;
            }
            const double err = relativeError(ours, it->second);
            report.rows.push_back({"EGTtools " + kind + ": " + what, fmt(it->second, 17), fmt(ours, 17), "1e-12 rel",
                                   passIf(err <= 1e-12), "rel. error " + fmt(err, 3)});
        };
        Eigen::MatrixXd hawkDove(2, 2);
        hawkDove << -0.5, 2.0, 0.0, 0.0;
        row("pairwise_fermi_2p", "hawk-dove, H invades D, N=100, beta=1",
            theory::pairwiseFixation(hawkDove, 0, 1, 100, 1.0));
        row("pairwise_fermi_crd", "collective risk n=6 M=3 c=0.1 r=1, D invades C, Z=50, beta=1",
            theory::groupPairwiseFixation(theory::collectiveRiskGame({6, 3, 1.0, 0.1, 1.0}), theory::kCrdDefector, 50,
                                          1.0));
        row("pairwise_fermi_nplayer", "3-player matrix game, 1 invades 0, N=100, beta=1",
            theory::groupPairwiseFixation(
                theory::groupGameFromCompositions({-0.5, 2.0, 1.0, 3.0}, {0.0, 0.0, 1.0, 2.0}), 1, 100, 1.0));
    }

    // Simulated fixation frequencies, each within three standard errors of the theory layer.
    const int replicates = options.quick ? 100000 : 1000000;
    struct Case
    {
        std::string what;
        FixationSimulationDef def;
        double theory;
    };
    std::vector<Case> cases;
    {
        FixationSimulationDef d;
        d.process = FixationSimulationDef::Process::Moran;
        d.populationSize = 10;
        d.a = d.b = 1.5; // constant fitness r = 1.5 against residents of fitness 1
        d.c = d.d = 1.0;
        d.intensity = 1.0;
        cases.push_back({"Moran, constant fitness r=1.5, N=10", d, theory::moranFixation(1.5, 10)});
    }
    {
        FixationSimulationDef d;
        d.process = FixationSimulationDef::Process::Moran;
        d.populationSize = 20;
        d.a = -0.5, d.b = 2.0, d.c = 0.0, d.d = 1.0; // hawk-dove V=2, C=3; hawk invades doves
        d.intensity = 0.5;
        cases.push_back({"Moran game, hawk-dove, H invades D, N=20, w=0.5", d,
                         theory::moranGameFixation(matrixOf({-0.5, 2.0, 0.0, 1.0}), 0, 1, 20, 0.5)});
    }
    {
        FixationSimulationDef d;
        d.process = FixationSimulationDef::Process::Pairwise;
        d.populationSize = 20;
        d.a = 4.0, d.b = 0.0, d.c = 3.0, d.d = 2.0; // stag hunt; stag invades hare
        d.intensity = 0.3;
        cases.push_back({"pairwise comparison, stag hunt, stag invades hare, N=20, beta=0.3", d,
                         theory::pairwiseFixation(matrixOf({4.0, 0.0, 3.0, 2.0}), 0, 1, 20, 0.3)});
    }
    // Chart: the Moran closed form for N = 10 over r, with simulated frequencies (bars: 3 SE, the tolerance).
    auto& chart = report.chart;
    chart.title =
        "Fixation of one mutant of relative fitness r (Moran process, N = " + std::to_string(kChartPopulation) +
        "): closed form and simulation";
    chart.xTitle = "relative fitness of the mutant r";
    chart.yTitle = "fixation probability (bars: 3 SE)";
    chart.yMin = 0.0;
    CheckChartSeries curve{"closed form (1 - 1/r) / (1 - 1/r^N)", ChartStyle::Line, {}, 0};
    for (int i = 0; i <= 100; ++i)
    {
        const double r = 0.5 + 0.025 * i;
        curve.points.push_back({r, moranClosedForm(r, kChartPopulation), 0.0});
    }
    chart.series.push_back(std::move(curve));
    chart.series.push_back(horizontalLine("neutral, 1/N", 1.0 / kChartPopulation, 0.5, 3.0));
    CheckChartSeries simulated{"simulated Moran process", ChartStyle::Points, {}, 1};

    for (std::size_t k = 0; k < cases.size(); ++k)
    {
        auto& c = cases[k];
        c.def.replicates = replicates;
        c.def.seed = core::deriveSeed(options.seed, 4, k);
        const int fixed = simulateFixations(c.def, options.threads);
        const double p = double(fixed) / replicates;
        const double se = std::sqrt(c.theory * (1.0 - c.theory) / replicates);
        const double z = (p - c.theory) / se;
        report.rows.push_back({"simulated: " + c.what, fmt(c.theory, 6), fmt(p, 6), "3 SE", passIf(std::abs(z) <= 3.0),
                               std::to_string(replicates) + " runs, SE " + fmt(se, 2) + ", z = " + fmt(z, 3)});
        if (k == 0) // the constant-fitness case is the chart's r = 1.5
            simulated.points.push_back({c.def.a, p, 3.0 * se});
    }
    // More simulated points along the curve, for the chart only (a tenth of the replicates each).
    const int chartReplicates = replicates / 10;
    for (const double r : {0.5, 0.75, 1.0, 1.25, 2.0, 2.5, 3.0})
    {
        FixationSimulationDef d;
        d.process = FixationSimulationDef::Process::Moran;
        d.populationSize = kChartPopulation;
        d.a = d.b = r;
        d.c = d.d = 1.0;
        d.replicates = chartReplicates;
        d.seed = core::deriveSeed(options.seed, 40, static_cast<std::uint64_t>(r * 1000.0));
        const double theory = moranClosedForm(r, kChartPopulation);
        const double p = double(simulateFixations(d, options.threads)) / chartReplicates;
        simulated.points.push_back({r, p, 3.0 * std::sqrt(theory * (1.0 - theory) / chartReplicates)});
    }
    std::sort(simulated.points.begin(), simulated.points.end(),
              [](const ChartPoint& a, const ChartPoint& b) { return a.x < b.x; });
    chart.series.push_back(std::move(simulated));
    checkEngineMoran(options, report);
    return report;
}

} // namespace cybersim::validation::detail
