// SPDX-License-Identifier: MIT
// Tests of sim::predictTheory: which predictions apply to a scenario, their values against closed forms, and the
// engine.
#include "cybersim/theory/theory_prediction.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/engine/simulation.hpp"
#include "cybersim/scenario/scenario_io.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace cybersim;
using theory::PredictionKind;

namespace
{

std::filesystem::path classic(const char* name)
{
    return std::filesystem::path(CYBERSIM_SOURCE_DIR) / "scenarios" / "classic" / name;
}

// A well-mixed population of pure cooperators and defectors learning by imitation; every cyber mechanic off.
std::string wellMixedToml(int count, int cooperators, const std::string& game, double beta)
{
    return "name = \"test/well-mixed\"\n"
           "[run]\nseed = 3\nrounds = 60\n"
           "[network]\nkind = \"complete\"\n"
           "[generate]\ncount = " +
           std::to_string(count) +
           "\ndoctrines = [\"strategy:Cooperator\", \"strategy:Defector\"]\ndoctrine_shares = [" +
           std::to_string(cooperators) + ", " + std::to_string(count - cooperators) +
           "]\n"
           "[game]\nkind = \"" +
           game +
           "\"\n"
           "[learning]\nrule = \"imitation\"\ninterval = 1\nselection_intensity = " +
           std::to_string(beta) +
           "\n"
           "[trust]\ngain_rate = 0.0\nloss_rate = 0.0\nreputation_weight = 0.0\n"
           "[arms]\nenabled = false\n[common_security]\nenabled = false\n[surveillance]\nenabled = false\n"
           "[sovereignty]\nenabled = false\n[governance]\napproach = \"none\"\n";
}

} // namespace

TEST_CASE("theory prediction: Richardson equilibrium of classic/richardson.toml")
{
    const auto& catalogue = agents::builtinCatalogue();
    SUBCASE("stable: the two-state closed form under full distrust")
    {
        const auto scenario = scenario::loadScenarioFile(classic("richardson.toml"), catalogue);
        const auto report = theory::predictTheory(scenario, catalogue);
        const auto* arms = report.find(PredictionKind::ArmsEquilibrium);
        REQUIRE(arms != nullptr);
        // k = 0.3, a = 0.5, g = 0.325, h = 0.55: x* = (a g + k h) / (a^2 - k^2), y* = (a h + k g) / (a^2 - k^2).
        const double k = 0.3, a = 0.5, g = 0.325, h = 0.55;
        const double x = (a * g + k * h) / (a * a - k * k), y = (a * h + k * g) / (a * a - k * k);
        REQUIRE(arms->armsPerState.size() == 2);
        CHECK(arms->armsPerState[0] == doctest::Approx(x).epsilon(1e-12));
        CHECK(arms->armsPerState[1] == doctest::Approx(y).epsilon(1e-12));
        CHECK(arms->value == doctest::Approx(x + y).epsilon(1e-12));
        CHECK(arms->eigenvalue == doctest::Approx(k - a).epsilon(1e-12));
        CHECK_FALSE(arms->runaway);
        CHECK(arms->trustIsStatic);
        CHECK(arms->exact);
        // No learning: neither the replicator nor the fixation family applies.
        CHECK(report.find(PredictionKind::Replicator) == nullptr);
        CHECK(report.find(PredictionKind::Fixation) == nullptr);
        CHECK_FALSE(report.notApplicable.empty());

        // The engine converges to it.
        engine::Simulation simulation(scenario, catalogue, {false});
        simulation.advance(scenario.run.rounds);
        CHECK(simulation.metrics().totalArms == doctest::Approx(arms->value).epsilon(1e-9));
        // With the run's own trust the prediction is the same.
        const auto later = theory::predictTheory(scenario, catalogue, &simulation);
        REQUIRE(later.find(PredictionKind::ArmsEquilibrium) != nullptr);
        CHECK(later.find(PredictionKind::ArmsEquilibrium)->value == doctest::Approx(arms->value).epsilon(1e-12));
    }
    SUBCASE("unstable: k > a is a runaway race with eigenvalue k - a")
    {
        const auto scenario =
            scenario::loadScenarioFile(classic("richardson.toml"), catalogue, {"arms.reactivity=0.7"});
        const auto report = theory::predictTheory(scenario, catalogue);
        const auto* arms = report.find(PredictionKind::ArmsEquilibrium);
        REQUIRE(arms != nullptr);
        CHECK(arms->runaway);
        CHECK(arms->eigenvalue == doctest::Approx(0.2).epsilon(1e-12));
        CHECK(arms->armsPerState.empty());
        CHECK_FALSE(arms->exact);
    }
}

TEST_CASE("theory prediction: replicator trajectory of a well-mixed prisoner's dilemma")
{
    const auto& catalogue = agents::builtinCatalogue();
    SUBCASE("the cooperator share decreases to 0; x = 0 stable, x = 1 unstable")
    {
        const auto scenario =
            scenario::parseScenario(wellMixedToml(20, 10, "prisoners-dilemma", 1.0), "pd.toml", catalogue);
        const auto report = theory::predictTheory(scenario, catalogue);
        const auto* rep = report.find(PredictionKind::Replicator);
        REQUIRE(rep != nullptr);
        CHECK(rep->initialShare == doctest::Approx(0.5));
        REQUIRE(rep->trajectory.size() >= 2);
        CHECK(rep->trajectory.front().round == 0.0);
        CHECK(rep->trajectory.back().round == doctest::Approx(scenario.run.rounds));
        for (std::size_t i = 1; i < rep->trajectory.size(); ++i)
            CHECK(rep->trajectory[i].value <= rep->trajectory[i - 1].value);
        CHECK(rep->value < 1e-3);
        // beta interval w (N-1) / 2 = 9.5 replicator time units per round.
        CHECK(rep->replicatorTimePerRound == doctest::Approx(9.5));
        REQUIRE(rep->restPoints.size() == 2);
        CHECK(rep->restPoints[0].share == doctest::Approx(0.0));
        CHECK(rep->restPoints[0].isStable);
        CHECK(rep->restPoints[1].share == doctest::Approx(1.0));
        CHECK_FALSE(rep->restPoints[1].isStable);
        // Ten mutants are no single mutant, and arms are off.
        CHECK(report.find(PredictionKind::Fixation) == nullptr);
        CHECK(report.find(PredictionKind::ArmsEquilibrium) == nullptr);
    }
    SUBCASE("hawk-dove has a stable interior rest point at V/C")
    {
        const auto scenario = scenario::parseScenario(wellMixedToml(10, 5, "hawk-dove", 0.1), "hd.toml", catalogue);
        const auto report = theory::predictTheory(scenario, catalogue);
        const auto* rep = report.find(PredictionKind::Replicator);
        REQUIRE(rep != nullptr);
        REQUIRE(rep->restPoints.size() == 3);
        // Cooperator = dove; hawks at share V/C = 2/3, so doves at 1/3.
        CHECK(rep->restPoints[1].share == doctest::Approx(1.0 / 3.0));
        CHECK(rep->restPoints[1].isStable);
    }
    SUBCASE("under weak selection the engine follows the curve")
    {
        const auto scenario =
            scenario::parseScenario(wellMixedToml(200, 100, "prisoners-dilemma", 0.002), "weak.toml", catalogue);
        const auto report = theory::predictTheory(scenario, catalogue);
        const auto* rep = report.find(PredictionKind::Replicator);
        REQUIRE(rep != nullptr);
        engine::Simulation simulation(scenario, catalogue, {false});
        for (const int round : {20, 40, 60})
        {
            simulation.advance(round - simulation.round());
            // metrics() describes the last round played, whose doctrines were set by round - 1 learning steps.
            const double predicted = rep->trajectory[std::size_t(round - 1)].value;
            INFO("round " << round << ": engine " << simulation.metrics().cooperationRate << ", theory " << predicted);
            CHECK(std::abs(simulation.metrics().cooperationRate - predicted) <= 0.05);
        }
    }
}

TEST_CASE("theory prediction: fixation of the single mutant of classic/moran.toml")
{
    const auto& catalogue = agents::builtinCatalogue();
    const auto scenario = scenario::loadScenarioFile(classic("moran.toml"), catalogue);
    const auto report = theory::predictTheory(scenario, catalogue);
    const auto* fix = report.find(PredictionKind::Fixation);
    REQUIRE(fix != nullptr);
    const double r = 1.5, n = 10;
    CHECK(fix->value == doctest::Approx((1 - 1 / r) / (1 - std::pow(1 / r, n))).epsilon(1e-9));
    CHECK(fix->populationSize == 10);
    CHECK(fix->mutantDoctrine == "strategy:Cooperator");
    CHECK(fix->exact);
    // A constant advantage: the replicator share grows to 1 from 1/10.
    const auto* rep = report.find(PredictionKind::Replicator);
    REQUIRE(rep != nullptr);
    CHECK(rep->initialShare == doctest::Approx(0.1));
    CHECK(rep->value > 0.99);

    SUBCASE("engine replicates agree within 3 standard errors")
    {
        const int replicates = 1000;
        const auto tally = theory::simulateFixation(scenario, catalogue, replicates, 7);
        CHECK(tally.replicates == replicates);
        CHECK(tally.unresolved == 0);
        const double se = std::sqrt(fix->value * (1 - fix->value) / replicates);
        CHECK(std::abs(tally.frequency - fix->value) <= 3 * se);
        // The tally is a pure function of the master seed.
        CHECK(theory::simulateFixation(scenario, catalogue, 50, 7).fixed ==
              theory::simulateFixation(scenario, catalogue, 50, 7).fixed);
    }
    SUBCASE("a scenario without a single mutant is refused")
    {
        const auto ten = scenario::parseScenario(wellMixedToml(10, 5, "prisoners-dilemma", 1.0), "x.toml", catalogue);
        CHECK_THROWS_AS((void)theory::simulateFixation(ten, catalogue, 10, 1), ConfigError);
        CHECK_THROWS_AS((void)theory::simulateFixation(scenario, catalogue, 0, 1), ConfigError);
    }
}

TEST_CASE("theory prediction: the default scenario has no replicator or fixation prediction")
{
    const auto& catalogue = agents::builtinCatalogue();
    const auto scenario = scenario::defaultScenario(catalogue);
    const auto report = theory::predictTheory(scenario, catalogue);
    CHECK(report.find(PredictionKind::Replicator) == nullptr);
    CHECK(report.find(PredictionKind::Fixation) == nullptr);
    // Arms are on, so their equilibrium is computed, but trust moves during the run: it is not exact.
    const auto* arms = report.find(PredictionKind::ArmsEquilibrium);
    REQUIRE(arms != nullptr);
    CHECK_FALSE(arms->trustIsStatic);
    CHECK_FALSE(arms->exact);
    CHECK_FALSE(report.notApplicable.empty());
}
