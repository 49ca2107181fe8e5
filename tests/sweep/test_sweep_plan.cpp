// SPDX-License-Identifier: MIT
// Sweep specs and plans: parsing, every bad-spec diagnostic, expansion order, seeds, sampling and statistics.
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/core/rng.hpp"
#include "cybersim/core/shell_quote.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/sweep/sweep_output.hpp"
#include "cybersim/sweep/sweep_plan.hpp"
#include "cybersim/sweep/sweep_run.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

using namespace cybersim;
using namespace cybersim::core;
using namespace cybersim::scenario;
using namespace cybersim::engine;
using namespace cybersim::sweep;

namespace
{

const std::string kMetric = "\n[[metrics]]\nof = \"cooperation_rate\"\n";

SweepPlan planOf(const std::string& text)
{
    const auto& catalogue = agents::builtinCatalogue();
    auto spec = parseSweepSpec(text, "spec.toml");
    auto base = defaultScenario(catalogue);
    return SweepPlan(std::move(spec), std::move(base), catalogue);
}

// The message of the ScenarioError that parsing (or planning) `text` throws; empty when nothing is thrown.
std::string problemsOf(const std::string& text)
{
    try
    {
        (void)planOf(text);
    }
    catch (const ScenarioError& e)
    {
        return e.what();
    }
    return {};
}

// A plan over a shipped scenario (scenarios/<name>.toml).
SweepPlan planOn(const std::string& scenario, const std::string& text)
{
    const auto& catalogue = agents::builtinCatalogue();
    auto spec = parseSweepSpec(text, "spec.toml");
    auto base =
        loadScenarioFile(std::filesystem::path(CYBERSIM_SOURCE_DIR) / "scenarios" / (scenario + ".toml"), catalogue);
    return SweepPlan(std::move(spec), std::move(base), catalogue);
}

std::string problemsOn(const std::string& scenario, const std::string& text)
{
    try
    {
        (void)planOn(scenario, text);
    }
    catch (const ScenarioError& e)
    {
        return e.what();
    }
    return {};
}

// Every run of a plan, as a journal would hold them.
SweepResults runAll(const SweepPlan& plan)
{
    SweepResults results;
    results.metricCount = plan.spec().metrics.size();
    for (std::uint64_t i = 0; i < plan.runCount(); ++i)
    {
        const auto row = runSweepRun(plan, i, agents::builtinCatalogue());
        results.values.insert(results.values.end(), row.begin(), row.end());
        results.done.push_back(true);
    }
    return results;
}

// The three-act matrix game made small and quick: 30 states, 30 rounds.
const std::string kSmallThreeAct = "seed = 4\n[set]\nrun.rounds = 30\ngenerate.count = 30\n";

} // namespace

TEST_CASE("sweep: a grid expands points x replicates in file order with derived seeds")
{
    const auto plan = planOf("seed = 5\nreplicates = 3\n"
                             "[[parameters]]\nkey = \"noise.false_attribution\"\nvalues = [0.0, 0.1]\n"
                             "[[parameters]]\nkey = \"trust.gain_rate\"\nfrom = 0.1\nto = 0.3\nstep = 0.1\n" +
                             kMetric);
    REQUIRE(plan.pointCount() == 6);
    CHECK(plan.runCount() == 18);
    // First parameter slowest; computed range values are tidy (0.3, not 0.30000000000000004).
    CHECK(std::get<double>(plan.points()[0][0]) == 0.0);
    CHECK(std::get<double>(plan.points()[2][1]) == 0.3);
    CHECK(std::get<double>(plan.points()[3][0]) == 0.1);
    CHECK(std::get<double>(plan.points()[3][1]) == 0.1);
    const auto r = plan.run(7);
    CHECK(r.point == 2);
    CHECK(r.replicate == 1);
    CHECK(r.seed == deriveSeed(5, 2, 1));
    CHECK(plan.runScenario(7).run.seed == r.seed);
    CHECK(plan.runScenario(7).trust.gainRate == 0.3);
    const auto overrides = plan.overrides(3);
    REQUIRE(overrides.size() == 2);
    CHECK(overrides[0] == "noise.false_attribution=0.1");
    std::set<std::uint64_t> seeds;
    for (std::uint64_t i = 0; i < plan.runCount(); ++i)
        seeds.insert(plan.run(i).seed);
    CHECK(seeds.size() == plan.runCount());

    SUBCASE("count gives evenly spaced values ending exactly at to")
    {
        const auto p = planOf("[[parameters]]\nkey = \"trust.loss_rate\"\nfrom = 0.0\nto = 1.0\ncount = 3\n" + kMetric);
        REQUIRE(p.pointCount() == 3);
        CHECK(std::get<double>(p.points()[1][0]) == 0.5);
        CHECK(std::get<double>(p.points()[2][0]) == 1.0);
    }
    SUBCASE("the base seed defaults to the scenario's run.seed")
    {
        const auto p = planOf(kMetric);
        CHECK(p.baseSeed() == p.base().run.seed);
        CHECK(p.pointCount() == 1);
    }
    SUBCASE("[set] applies to every point and element wildcards reach every state")
    {
        const auto p = planOf("[set]\nrun.rounds = 120\n[[parameters]]\nkey = \"states[*].capability\"\n"
                              "values = [2.5]\n" +
                              kMetric);
        CHECK(p.base().run.rounds == 120);
        const auto& s = p.pointScenario(0);
        CHECK(std::all_of(s.states.begin(), s.states.end(), [](const StateDef& d) { return d.capability == 2.5; }));
    }
}

TEST_CASE("sweep: runs shorter than the scheduled events leave those events out, with a note")
{
    // The default scenario schedules a disclosure at round 60 and an incident at round 100.
    const auto plan = planOf("[[parameters]]\nkey = \"run.rounds\"\nvalues = [50, 80, 200]\n" + kMetric);
    REQUIRE(plan.pointCount() == 3);
    CHECK(plan.pointScenario(0).events.empty());
    REQUIRE(plan.pointScenario(1).events.size() == 1);
    CHECK(plan.pointScenario(1).events[0].round == 60);
    CHECK(plan.pointScenario(2).events.size() == 2);
    REQUIRE(plan.notes().size() == 2);
    CHECK(plan.notes()[0].find("with swept run.rounds = 50, 2 scheduled events come too late to happen") == 0);
    CHECK(plan.notes()[0].find("round 60 disclosure") != std::string::npos);
    CHECK(plan.notes()[1].find("run.rounds = 80, 1 scheduled event comes too late") != std::string::npos);
    // The runs play: the point scenarios are valid.
    const auto& catalogue = agents::builtinCatalogue();
    CHECK_NOTHROW((void)runSweepRun(plan, 0, catalogue));

    const auto set = planOf("[set]\nrun.rounds = 70\n[[parameters]]\nkey = \"noise.false_attribution\"\n"
                            "values = [0.0, 0.1]\n" +
                            kMetric);
    CHECK(set.base().events.size() == 1);
    REQUIRE(set.notes().size() == 1);
    CHECK(set.notes()[0].find("with [set] run.rounds = 70, 1 scheduled event") == 0);

    // Many run lengths: five notes and a count of the rest.
    const auto many = planOf("[[parameters]]\nkey = \"run.rounds\"\nfrom = 10\nto = 59\nstep = 1\n" + kMetric);
    REQUIRE(many.notes().size() == 6);
    CHECK(many.notes()[5] == "and 45 more run lengths leave out scheduled events");
    // Round 100 is the last event: a run of 101 rounds still plays it.
    CHECK(planOf("[[parameters]]\nkey = \"run.rounds\"\nvalues = [101, 300]\n" + kMetric).notes().empty());
}

TEST_CASE("sweep: the spec hash follows the spec, not the file name")
{
    const auto a = planOf("replicates = 2" + kMetric);
    const auto b = planOf("replicates = 3" + kMetric);
    CHECK(a.specHash() != b.specHash());
    CHECK(a.specHash() == planOf("replicates = 2" + kMetric).specHash());
}

TEST_CASE("sweep: Latin hypercube samples put one point in every stratum")
{
    const std::size_t n = 40;
    const auto u = sampleUnitCube(SweepSampling::LatinHypercube, n, 3, 11);
    REQUIRE(u.size() == n);
    for (std::size_t k = 0; k < 3; ++k)
    {
        std::vector<int> strata(n, 0);
        for (const auto& row : u)
        {
            CHECK(row[k] >= 0.0);
            CHECK(row[k] < 1.0);
            ++strata[static_cast<std::size_t>(row[k] * double(n))];
        }
        CHECK(std::all_of(strata.begin(), strata.end(), [](int c) { return c == 1; }));
    }
    CHECK(u == sampleUnitCube(SweepSampling::LatinHypercube, n, 3, 11));
    CHECK(u != sampleUnitCube(SweepSampling::LatinHypercube, n, 3, 12));

    SUBCASE("uniform samples are deterministic and fill [0, 1)")
    {
        const auto v = sampleUnitCube(SweepSampling::Uniform, 1000, 1, 3);
        double mean = 0;
        for (const auto& row : v)
            mean += row[0] / 1000.0;
        CHECK(mean == doctest::Approx(0.5).epsilon(0.05));
        CHECK(v == sampleUnitCube(SweepSampling::Uniform, 1000, 1, 3));
    }
    SUBCASE("a spec with min/max samples within the range, integers as whole numbers")
    {
        const auto p = planOf("samples = 8\nsampling = \"latin-hypercube\"\n"
                              "[[parameters]]\nkey = \"noise.false_attribution\"\nmin = 0.1\nmax = 0.2\n"
                              "[[parameters]]\nkey = \"governance.interval\"\nmin = 1\nmax = 4\n" +
                              kMetric);
        REQUIRE(p.pointCount() == 8);
        std::vector<int> intervals(5, 0);
        for (const auto& point : p.points())
        {
            const double x = std::get<double>(point[0]);
            CHECK(x >= 0.1);
            CHECK(x <= 0.2);
            const auto i = std::get<std::int64_t>(point[1]);
            REQUIRE(i >= 1);
            REQUIRE(i <= 4);
            ++intervals[static_cast<std::size_t>(i)];
        }
        CHECK(intervals == std::vector<int>{0, 2, 2, 2, 2}); // 8 strata over 4 integers: 2 each
    }
}

TEST_CASE("sweep: statistics are the sample mean, sd and Student-t 95% interval")
{
    CHECK(studentT975(1) == doctest::Approx(12.7062).epsilon(1e-5));
    CHECK(studentT975(4) == doctest::Approx(2.7764).epsilon(1e-4));
    CHECK(studentT975(1000) == doctest::Approx(1.9623).epsilon(1e-4));
    const std::vector<double> values{1.0, 2.0, 3.0, 4.0, 5.0};
    const auto s = summarise(values);
    CHECK(s.n == 5);
    CHECK(s.mean == 3.0);
    CHECK(s.sd == doctest::Approx(std::sqrt(2.5)));
    CHECK(s.ciLow == doctest::Approx(3.0 - 2.7764451 * std::sqrt(2.5) / std::sqrt(5.0)).epsilon(1e-6));
    CHECK(s.ciHigh == doctest::Approx(3.0 + 2.7764451 * std::sqrt(2.5) / std::sqrt(5.0)).epsilon(1e-6));

    SUBCASE("NaN (an event that never happened) is left out")
    {
        const std::vector<double> some{2.0, std::nan(""), 4.0};
        const auto t = summarise(some);
        CHECK(t.n == 2);
        CHECK(t.mean == 3.0);
    }
    SUBCASE("one value has no spread; none has no mean")
    {
        const std::vector<double> one{7.0};
        CHECK(std::isnan(summarise(one).sd));
        CHECK(summarise(one).mean == 7.0);
        const std::vector<double> none{std::nan("")};
        CHECK(std::isnan(summarise(none).mean));
    }
}

TEST_CASE("sweep: every bad spec is reported with its location and what is allowed")
{
    SUBCASE("unknown key path, with a suggestion")
    {
        const auto text = problemsOf("[[parameters]]\nkey = \"noise.false_atribution\"\nvalues = [0.1]\n" + kMetric);
        CHECK(text.find("spec.toml:2:7: error: parameters[0].key: unknown key path") != std::string::npos);
        CHECK(text.find("did you mean \"noise.false_attribution\"") != std::string::npos);
    }
    SUBCASE("empty list of values")
    {
        CHECK(problemsOf("[[parameters]]\nkey = \"trust.initial\"\nvalues = []\n" + kMetric)
                  .find("parameters[0].values: is empty") != std::string::npos);
    }
    SUBCASE("reversed range")
    {
        const auto text =
            problemsOf("[[parameters]]\nkey = \"trust.initial\"\nfrom = 0.5\nto = 0.1\nstep = 0.1\n" + kMetric);
        CHECK(text.find("parameters[0].to: is 0.1, less than from = 0.5") != std::string::npos);
    }
    SUBCASE("reversed sample range")
    {
        CHECK(problemsOf("samples = 4\n[[parameters]]\nkey = \"trust.initial\"\nmin = 0.5\nmax = 0.1\n" + kMetric)
                  .find("expected max >= min") != std::string::npos);
    }
    SUBCASE("zero step")
    {
        CHECK(problemsOf("[[parameters]]\nkey = \"trust.initial\"\nfrom = 0\nto = 1\nstep = 0\n" + kMetric)
                  .find("step: is 0, expected > 0") != std::string::npos);
    }
    SUBCASE("value out of the key's range")
    {
        const auto text =
            problemsOf("[[parameters]]\nkey = \"noise.false_attribution\"\nvalues = [0.5, 1.5]\n" + kMetric);
        CHECK(text.find("spec.toml:3:16: error: parameters[0].values[1]: is 1.5, expected a probability in [0, 1]") !=
              std::string::npos);
    }
    SUBCASE("zero replicates")
    {
        CHECK(problemsOf("replicates = 0" + kMetric)
                  .find("spec.toml:1:14: error: replicates: is 0, expected an integer in [1, ") != std::string::npos);
    }
    SUBCASE("zero samples")
    {
        CHECK(problemsOf("samples = 0\n[[parameters]]\nkey = \"trust.initial\"\nmin = 0.1\nmax = 0.5\n" + kMetric)
                  .find("samples: is 0, expected an integer in [1, ") != std::string::npos);
    }
    SUBCASE("samples missing for min/max parameters")
    {
        CHECK(problemsOf("[[parameters]]\nkey = \"trust.initial\"\nmin = 0.1\nmax = 0.5\n" + kMetric)
                  .find("samples: is missing") != std::string::npos);
    }
    SUBCASE("unknown metric, with a suggestion")
    {
        const auto text = problemsOf("[[metrics]]\nof = \"cooperation_rat\"\n");
        CHECK(text.find("metrics[0].of: unknown metric \"cooperation_rat\"") != std::string::npos);
        CHECK(text.find("did you mean \"cooperation_rate\"") != std::string::npos);
    }
    SUBCASE("unknown metric in a condition, unknown event")
    {
        CHECK(
            problemsOf("[[metrics]]\nstat = \"time-to\"\nwhen = \"trust < 0.2\"\n").find("unknown metric \"trust\"") !=
            std::string::npos);
        CHECK(problemsOf("[[metrics]]\nstat = \"time-to\"\nwhen = \"runway\"\n").find("did you mean \"runaway\"") !=
              std::string::npos);
    }
    SUBCASE("no metrics")
    {
        CHECK(problemsOf("replicates = 2\n").find("metrics: no metrics") != std::string::npos);
    }
    SUBCASE("unknown top-level key")
    {
        CHECK(problemsOf("replicate = 2" + kMetric)
                  .find("unknown key \"replicate\" at the top level (did you mean "
                        "\"replicates\"?)") != std::string::npos);
    }
    SUBCASE("window beyond the run")
    {
        CHECK(problemsOf(
                  "[set]\nrun.rounds = 150\n[[metrics]]\nstat = \"mean\"\nof = \"mean_trust\"\nwindow = [100, 200]\n")
                  .find("metrics[0].window: ends at round 200 but runs have 150 rounds") != std::string::npos);
    }
    SUBCASE("a point the scenario rules reject")
    {
        // The default's small-world network needs fewer neighbours than its 12 states.
        CHECK(problemsOf("[[parameters]]\nkey = \"network.degree\"\nvalues = [4, 20]\n" + kMetric)
                  .find("point 1 (network.degree = 20) is not a valid scenario: network.degree") != std::string::npos);
    }
    SUBCASE("run.seed cannot be swept")
    {
        CHECK(problemsOf("[[parameters]]\nkey = \"run.seed\"\nvalues = [1, 2]\n" + kMetric)
                  .find("run.seed cannot be set") != std::string::npos);
    }
    SUBCASE("an element index past the end")
    {
        CHECK(problemsOf("[[parameters]]\nkey = \"states[40].capability\"\nvalues = [1.0]\n" + kMetric)
                  .find("names element 40 but the scenario has 12") != std::string::npos);
    }
    SUBCASE("series beyond the runs")
    {
        CHECK(problemsOf("series = [3]" + kMetric).find("series: names run 3 but the sweep has 1 runs") !=
              std::string::npos);
    }
    SUBCASE("all problems at once, in file order")
    {
        const auto text =
            problemsOf("replicates = 0\n[[parameters]]\nkey = \"nope\"\nvalues = [1]\n[[metrics]]\nof = \"x\"\n");
        CHECK(text.find("replicates") < text.find("parameters[0].key"));
        CHECK(text.find("parameters[0].key") < text.find("metrics[0].of"));
    }
    SUBCASE("non-ASCII outside strings and comments is refused before toml++ sees it")
    {
        CHECK_THROWS_AS((void)parseSweepSpec("replicates = 2\n\xd0\xa2 = 1\n", "spec.toml"), ScenarioError);
    }
    SUBCASE("invalid TOML")
    {
        CHECK_THROWS_WITH_AS((void)parseSweepSpec("replicates = = 2\n", "spec.toml"), doctest::Contains("spec.toml:1:"),
                             ScenarioError);
    }
}

TEST_CASE("sweep: every shipped spec in scenarios/sweeps loads, plans and runs its first run")
{
    const auto folder = std::filesystem::path(CYBERSIM_SOURCE_DIR) / "scenarios";
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder / "sweeps"))
    {
        if (entry.path().extension() != ".toml")
            continue;
        CAPTURE(entry.path().string());
        ++count;
        const auto& catalogue = agents::builtinCatalogue();
        auto spec = loadSweepSpec(entry.path());
        CHECK(!spec.description.empty());
        auto base = loadSweepBase(spec, catalogue, folder);
        const SweepPlan plan(std::move(spec), std::move(base), catalogue);
        CHECK(plan.runCount() > 0);
        CHECK(runSweepRun(plan, 0, catalogue).size() == plan.spec().metrics.size());
        std::ifstream in(entry.path());
        std::string first;
        std::getline(in, first);
        CHECK(first.rfind("# Question:", 0) == 0); // each opens with the question it answers
    }
    CHECK(count >= 1);
}

TEST_CASE("sweep: a list-valued key takes whole TOML arrays, one per point")
{
    // All restraint, all attack, half restraint and half attack: the start decides the cooperation rate.
    const auto plan = planOn("three-act-cyber-game", kSmallThreeAct + R"(
[[parameters]]
key = "generate.doctrine_shares"
values = [[1, 0, 0], [0.0, 0.0, 1.0], [0.5, 0, 0.5]]
[[metrics]]
stat = "mean"
of = "cooperation_rate"
)");
    REQUIRE(plan.pointCount() == 3);
    CHECK(plan.spec().parameters[0].list);
    // Values are kept as canonical TOML text and set with the loader's reader.
    CHECK(std::get<std::string>(plan.points()[0][0]) == "[1.0, 0.0, 0.0]");
    CHECK(plan.pointScenario(1).generate.doctrineShares == std::vector<double>{0.0, 0.0, 1.0});
    CHECK(plan.base().generate.doctrineShares == std::vector<double>{0.6, 0.2, 0.2});
    const auto results = runAll(plan);
    const double restrained = results.row(0)[0], attacked = results.row(1)[0], mixed = results.row(2)[0];
    CHECK(restrained == doctest::Approx(1.0));
    CHECK(attacked == doctest::Approx(0.0));
    CHECK(mixed > attacked);
    CHECK(mixed < restrained);
    // --set takes the same text, so the re-run command reproduces the point.
    REQUIRE(plan.overrides(1).size() == 3);
    CHECK(plan.overrides(1)[2] == "generate.doctrine_shares=[0.0, 0.0, 1.0]");
    CHECK(shellQuote(plan.overrides(1)[2]) == "'generate.doctrine_shares=[0.0, 0.0, 1.0]'");
    CHECK(shellQuote("run.rounds=30") == "run.rounds=30");
    const auto& catalogue = agents::builtinCatalogue();
    const auto again =
        loadScenarioFile(std::filesystem::path(CYBERSIM_SOURCE_DIR) / "scenarios" / "three-act-cyber-game.toml",
                         catalogue, plan.overrides(1));
    CHECK(scenarioHash(again) == scenarioHash(plan.pointScenario(1)));

    SUBCASE("points.csv and runs.csv hold the array text in one quoted field; sweep.json a JSON array")
    {
        const auto points = pointsCsv(plan, results);
        CHECK(points.rfind("point,generate.doctrine_shares,runs,mean_cooperation_rate_mean,", 0) == 0);
        CHECK(points.find("\n0,\"[1.0, 0.0, 0.0]\",1,") != std::string::npos);
        CHECK(points.find("\n2,\"[0.5, 0.0, 0.5]\",1,") != std::string::npos);
        const auto runs = runsCsv(plan, results);
        CHECK(runs.find(",\"[0.0, 0.0, 1.0]\",") != std::string::npos);
        CHECK(plan.resolvedJson().find("\"[") == std::string::npos); // arrays, not strings
        CHECK(plan.resolvedJson().find("\"generate.doctrine_shares\"") != std::string::npos);
    }
    SUBCASE("names are quoted in the text and doubled quotes keep the CSV field whole")
    {
        const auto names = planOn("three-act-cyber-game", kSmallThreeAct + R"(
[[parameters]]
key = "generate.doctrines"
values = [["pure:restrain", "pure:surveil", "pure:attack"], ["pure:attack", "pure:attack", "pure:attack"]]
)" + kMetric);
        CHECK(std::get<std::string>(names.points()[1][0]) == R"(["pure:attack", "pure:attack", "pure:attack"])");
        const auto csv = pointsCsv(names, runAll(names));
        CHECK(csv.find(R"("[""pure:attack"", ""pure:attack"", ""pure:attack""]")") != std::string::npos);
    }
    SUBCASE("[set] takes a list-valued key too")
    {
        const auto set =
            planOn("three-act-cyber-game", kSmallThreeAct + "generate.doctrine_shares = [0, 1, 0]\n" + kMetric);
        CHECK(set.base().generate.doctrineShares == std::vector<double>{0.0, 1.0, 0.0});
        const auto overrides = set.overrides(0);
        CHECK(std::find(overrides.begin(), overrides.end(), "generate.doctrine_shares=[0.0, 1.0, 0.0]") !=
              overrides.end());
    }
}

TEST_CASE("sweep: game.payoffs of a matrix game varies per point, with the derived 2 x 2 view")
{
    // Strong selection (the Fermi rule) so that 30 rounds show which posture pays: the first table makes restraint
    // dominant, the second attack.
    const auto plan = planOn("three-act-cyber-game", kSmallThreeAct + R"(learning.selection_intensity = 2.0
[[parameters]]
key = "game.payoffs"
values = [
    [[9, 9, 9], [0, 0, 0], [1, 1, 1]],
    [[1, 1, 1], [0, 0, 0], [9, 9, 9]],
]
)" + kMetric);
    REQUIRE(plan.pointCount() == 2);
    CHECK(std::get<std::string>(plan.points()[1][0]) == "[[1.0, 1.0, 1.0], [0.0, 0.0, 0.0], [9.0, 9.0, 9.0]]");
    const auto& game = plan.pointScenario(0).game;
    REQUIRE(game.payoffs.size() == 3);
    CHECK(game.payoffs[2] == std::vector<double>{1.0, 1.0, 1.0});
    // Restrain against the first hostile act (surveil): R = A[0][0], S = A[0][1], T = A[1][0], P = A[1][1].
    CHECK(game.matrix.reward == 9.0);
    CHECK(game.matrix.temptation == 0.0);
    const auto results = runAll(plan);
    CHECK(results.row(0)[0] > 0.8);
    CHECK(results.row(1)[0] < 0.4);
    CHECK(results.row(0)[0] > results.row(1)[0] + 0.4);
    // A classic view for every point: the loader accepts each point written out.
    const auto& catalogue = agents::builtinCatalogue();
    CHECK_NOTHROW((void)parseScenario(writeScenario(plan.pointScenario(1)), "point.toml", catalogue));

    SUBCASE("with game.actions swept, the re-run command keeps the point's cooperative acts")
    {
        const auto renamed =
            planOn("three-act-cyber-game", kSmallThreeAct + R"(generate.doctrines = ["pure:restrain", "pure:attack"]
generate.doctrine_shares = [0.5, 0.5]
[[parameters]]
key = "game.actions"
values = [["restrain", "surveil", "attack"], ["restrain", "probe", "attack"]]
)" + kMetric);
        REQUIRE(renamed.pointCount() == 2);
        CHECK(renamed.pointScenario(1).game.actions[1] == "probe");
        CHECK(renamed.overrides(1).back() == R"(game.cooperative_actions=["restrain"])");
    }
}

TEST_CASE("sweep: bad values of list-valued keys are reported before any run, as the loader reports them")
{
    SUBCASE("a wrong type inside a list")
    {
        const auto text = problemsOn("three-act-cyber-game", R"([[parameters]]
key = "generate.doctrine_shares"
values = [[0.5, 0.3, 0.2], [0.5, "x", 0.2]]
)" + kMetric);
        CHECK(text.find("spec.toml:3:34: error: parameters[0].values[1][1]: is a string, expected a number "
                        "(generate.doctrine_shares[1])") != std::string::npos);
    }
    SUBCASE("a single number where a whole array is expected")
    {
        const auto text = problemsOn("three-act-cyber-game", R"([[parameters]]
key = "generate.doctrine_shares"
values = [0.5, 0.5]
)" + kMetric);
        CHECK(text.find("spec.toml:3:11: error: parameters[0].values[0]: is a float, expected an array of numbers "
                        "(generate.doctrine_shares takes a whole array per value: values = [[...], [...]])") !=
              std::string::npos);
    }
    SUBCASE("a row that is not an array, names that are not strings")
    {
        const auto rows = problemsOn("three-act-cyber-game", "[[parameters]]\nkey = \"game.payoffs\"\n"
                                                             "values = [[[1, 2, 3], 4, [5, 6, 7]]]\n" +
                                                                 kMetric);
        CHECK(rows.find("spec.toml:3:23: error: parameters[0].values[0][1]: is an integer, expected a row (an array "
                        "of numbers) (game.payoffs[1])") != std::string::npos);
        const auto names = problemsOn("three-act-cyber-game", "[[parameters]]\nkey = \"game.actions\"\n"
                                                              "values = [[\"a\", 2, \"c\"]]\n" +
                                                                  kMetric);
        CHECK(names.find("parameters[0].values[0][1]: is an integer, expected a string (game.actions[1])") !=
              std::string::npos);
    }
    SUBCASE("a list of the wrong length for another key: shares against doctrines")
    {
        const auto text = problemsOn("three-act-cyber-game", R"([[parameters]]
key = "generate.doctrine_shares"
values = [[0.6, 0.2, 0.2], [0.5, 0.5]]
)" + kMetric);
        CHECK(text.find("spec.toml:3:28: error: parameters[0].values[1]: has 2 shares for 3 doctrines, expected one "
                        "share per doctrine (generate.doctrine_shares, at point 1)") != std::string::npos);
        CHECK(text.find("values[0]") == std::string::npos); // the good value is not blamed
    }
    SUBCASE("a payoff table of the wrong size for the acts, and a short row")
    {
        const auto text = problemsOn("three-act-cyber-game", R"([[parameters]]
key = "game.payoffs"
values = [[[1, 0], [0, 1]], [[1, 0, 0], [0, 1], [0, 0, 1]]]
[[parameters]]
key = "noise.false_attribution"
values = [0.0, 0.1]
)" + kMetric);
        CHECK(text.find("spec.toml:3:11: error: parameters[0].values[0]: has 2 rows, expected 3 (one per act of "
                        "game.actions) (game.payoffs, at point 0 with noise.false_attribution = 0.0)") !=
              std::string::npos);
        CHECK(text.find("spec.toml:3:29: error: parameters[0].values[1][1]: has 2 values, expected 3 (one per act of "
                        "game.actions) (game.payoffs[1], at point 2") != std::string::npos);
        // Once per value and message, not once per point.
        CHECK(text.find("at point 1") == std::string::npos);
    }
    SUBCASE("values the loader's own rules refuse: a negative share, an unknown doctrine, repeated acts")
    {
        CHECK(problemsOn("three-act-cyber-game",
                         "[[parameters]]\nkey = \"generate.doctrine_shares\"\nvalues = [[-1, 1, 1]]\n" + kMetric)
                  .find("parameters[0].values[0][0]: is -1.0, expected >= 0") != std::string::npos);
        CHECK(problemsOn("three-act-cyber-game", "[[parameters]]\nkey = \"generate.doctrines\"\n"
                                                 "values = [[\"pure:restrain\", \"pure:surveil\", \"pure:atack\"]]\n" +
                                                     kMetric)
                  .find("parameters[0].values[0][2]: is \"pure:atack\", expected pure:<act> with an act of "
                        "game.actions (did you mean \"pure:attack\"?)") != std::string::npos);
        CHECK(problemsOn("three-act-cyber-game", "[[parameters]]\nkey = \"game.actions\"\n"
                                                 "values = [[\"restrain\", \"surveil\", \"surveil\"]]\n" +
                                                     kMetric)
                  .find("parameters[0].values[0][2]: is \"surveil\", already the name of game.actions[1]") !=
              std::string::npos);
    }
    SUBCASE("a range over a list-valued key")
    {
        const auto text = problemsOn("three-act-cyber-game", "[[parameters]]\nkey = \"generate.doctrine_shares\"\n"
                                                             "from = 0.1\nto = 0.5\nstep = 0.1\n" +
                                                                 kMetric);
        CHECK(text.find("spec.toml:1:1: error: parameters[0]: generate.doctrine_shares is a list-valued key (real "
                        "list: >= 0, one per doctrine), expected values = [[...], [...]] listing whole arrays; "
                        "from/to/step and min/max vary single numbers only") != std::string::npos);
    }
    SUBCASE("a sampled list-valued key")
    {
        const auto text = problemsOn("three-act-cyber-game", "samples = 4\n[[parameters]]\nkey = \"game.payoffs\"\n"
                                                             "min = 0\nmax = 1\n" +
                                                                 kMetric);
        CHECK(text.find("parameters[0]: game.payoffs is a list-valued key (real table: m rows of m finite numbers), "
                        "expected values = [[...], [...]] listing whole arrays") != std::string::npos);
    }
    SUBCASE("a matrix game's list on a scenario with another game")
    {
        const auto text = problemsOf("[[parameters]]\nkey = \"game.payoffs\"\nvalues = [[[1, 0], [0, 1]]]\n" + kMetric);
        CHECK(text.find("spec.toml:1:1: error: parameters[0]: game.payoffs is only used by a matrix game, expected "
                        "game.kind = \"matrix\" or no payoffs") != std::string::npos);
    }
    SUBCASE("a bad list in [set]")
    {
        const auto text = problemsOn("three-act-cyber-game", "[set]\ngame.actions = [\"a\", 1, \"c\"]\n" + kMetric);
        CHECK(text.find("spec.toml:2:22: error: set.game.actions[1]: is an integer, expected a string") !=
              std::string::npos);
    }
    SUBCASE("an element of a list is not a key path")
    {
        CHECK(problemsOn("three-act-cyber-game",
                         "[[parameters]]\nkey = \"game.payoffs[1]\"\nvalues = [[1, 2, 3]]\n" + kMetric)
                  .find("parameters[0].key: unknown key path \"game.payoffs[1]\"") != std::string::npos);
    }
}
