// SPDX-License-Identifier: MIT
// The engine's N-player group games (group_game.*): hand-computed payoffs, agreement with the theory layer's
// finite-population fitness and fixation probability, determinism at any thread count, and the schema's messages.
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/engine/simulation.hpp"
#include "cybersim/engine/spatial_game.hpp"
#include "cybersim/records/run_record.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/theory/collective_risk.hpp"
#include "cybersim/theory/fixation.hpp"
#include "cybersim/theory/group_game.hpp"
#include "thread_hash.hpp"
#include "world_fixtures.hpp"

#include <doctest/doctest.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace cybersim;

namespace
{

// Pure cooperators and defectors with every cyber mechanic off and a stage game worth nothing, so a state's round
// payoff is its group-game payoff alone. `cooperates[i]` gives state i's strategy.
scenario::Scenario groupWorld(const std::vector<bool>& cooperates, scenario::GroupGameKind kind,
                              scenario::GroupFormation formation)
{
    std::vector<std::string> doctrines;
    for (const bool c : cooperates)
        doctrines.emplace_back(c ? "strategy:Cooperator" : "strategy:Defector");
    auto s = test::listedWorld("group-test", doctrines);
    s.game.kind = scenario::GameKind::Custom;
    s.game.matrix = {0.0, 0.0, 0.0, 0.0};
    test::switchOffCyberMechanics(s);
    s.trust.gainRate = s.trust.lossRate = s.trust.reputationWeight = 0.0;
    s.groupGame.kind = kind;
    s.groupGame.formation = formation;
    return s;
}

std::vector<bool> composition(int population, int cooperators)
{
    std::vector<bool> c(std::size_t(population), false);
    for (int i = 0; i < cooperators; ++i)
        c[std::size_t(i * population / cooperators)] = true;
    return c;
}

std::vector<double> payoffsAfterOneRound(const scenario::Scenario& scenario)
{
    engine::Simulation simulation(scenario, agents::builtinCatalogue());
    simulation.step();
    std::vector<double> out;
    for (const auto& st : simulation.stateMetrics())
        out.push_back(st.payoff);
    return out;
}

bool isCooperator(const engine::Simulation& simulation, std::size_t i)
{
    return simulation.doctrineNames()[std::size_t(simulation.stateMetrics()[i].doctrine)] == "strategy:Cooperator";
}

// Plays all of `scenario`'s rounds (no learning, so the composition stays) and checks that the mean round payoff
// of defectors and of cooperators is within 3 standard errors of the theory's fitness fD and fC.
void checkMeanPayoffs(const scenario::Scenario& scenario, double fD, double fC)
{
    engine::Simulation simulation(scenario, agents::builtinCatalogue());
    double sum[2] = {}, squares[2] = {};
    int count[2] = {};
    for (int round = 0; round < scenario.run.rounds; ++round)
    {
        simulation.step();
        for (std::size_t i = 0; i < simulation.stateMetrics().size(); ++i)
        {
            const int c = isCooperator(simulation, i) ? 1 : 0;
            const double x = simulation.stateMetrics()[i].payoff;
            sum[c] += x;
            squares[c] += x * x;
            ++count[c];
        }
    }
    for (const int c : {0, 1})
    {
        const double mean = sum[c] / count[c];
        const double variance = (squares[c] - count[c] * mean * mean) / (count[c] - 1);
        const double se = std::sqrt(variance / count[c]);
        const double expected = c == 1 ? fC : fD;
        CAPTURE(c);
        CAPTURE(mean);
        CAPTURE(expected);
        CAPTURE(se);
        CHECK(se > 0.0);
        CHECK(std::abs(mean - expected) <= 3.0 * se);
    }
}

// The theory layer's linear public goods game (payoff0: defector, payoff1: cooperator, by cooperating co-players).
theory::GroupGame publicGoods(int n, double r, double c)
{
    theory::GroupGame game;
    game.groupSize = n;
    for (int j = 0; j < n; ++j)
    {
        game.payoff0.push_back(r * c * j / n);
        game.payoff1.push_back(r * c * (j + 1) / n - c);
    }
    return game;
}

} // namespace

TEST_CASE("group game: hand-computed payoffs are exact")
{
    using scenario::GroupFormation;
    using scenario::GroupGameKind;
    SUBCASE("public goods on neighbourhoods: a path A-B-C-D with B the only defector")
    {
        // Groups (Santos, Santos and Pacheco 2008): centred on A {A,B}, B {A,B,C}, C {B,C,D}, D {C,D}; r = 3, c = 1.
        // A: 3*1/2 - 1 + 3*2/3 - 1 = 1.5; B: 3*2/3 + 3*1/2 + 3*2/3 = 5.5; C: (2 - 1) + (2 - 1) + (3 - 1) = 4;
        // D: (3 - 1) + (2 - 1) = 3.
        auto s = groupWorld({true, false, true, true}, GroupGameKind::PublicGoods, GroupFormation::Neighbourhood);
        s.network.kind = scenario::NetworkKind::Explicit;
        s.network.edges = {{"S0", "S1", 1.0, 0}, {"S1", "S2", 1.0, 0}, {"S2", "S3", 1.0, 0}};
        s.groupGame.multiplicationFactor = 3.0;
        s.groupGame.cost = 1.0;
        CHECK(payoffsAfterOneRound(s) == std::vector<double>{1.5, 5.5, 4.0, 3.0});
    }
    SUBCASE("public goods, well-mixed with N = Z: every group is the whole population")
    {
        // Two cooperators of four, r = 3, c = 1: the pool 3 * 2 is shared by 4.
        auto s = groupWorld({true, false, true, false}, GroupGameKind::PublicGoods, GroupFormation::WellMixed);
        s.groupGame.size = 4;
        s.groupGame.samples = 3;
        CHECK(payoffsAfterOneRound(s) == std::vector<double>{0.5, 1.5, 0.5, 1.5});
    }
    SUBCASE("collective risk, all groups: Z = 4, N = 3, M = 2, two cooperators")
    {
        // A cooperator meets the other cooperator with probability 2/3: 1/3 (0.5 - 0.1) + 2/3 (1 - 0.1) = 0.7333...;
        // a defector meets one cooperator with probability 2/3 and two with 1/3: 2/3 * 0.5 + 1/3 * 1 = 0.6666...
        auto s = groupWorld({true, true, false, false}, GroupGameKind::CollectiveRisk, GroupFormation::AllGroups);
        s.groupGame.size = 3;
        s.groupGame.threshold = 2;
        s.groupGame.endowment = 1.0;
        s.groupGame.costFraction = 0.1;
        s.groupGame.risk = 0.5;
        const auto payoff = payoffsAfterOneRound(s);
        const double fC = 0.4 / 3.0 + 0.9 * 2.0 / 3.0, fD = 0.5 * 2.0 / 3.0 + 1.0 / 3.0;
        for (std::size_t i = 0; i < 4; ++i)
            CHECK(payoff[i] == doctest::Approx(i < 2 ? fC : fD).epsilon(1e-15));
    }
    SUBCASE("the group payoff adds to the stage game's")
    {
        // Complete network of three with the prisoner's dilemma R=3 S=0 T=5 P=1 and a public goods game of all three.
        auto s = groupWorld({true, true, false}, GroupGameKind::PublicGoods, GroupFormation::WellMixed);
        s.game.matrix = {3.0, 0.0, 5.0, 1.0};
        s.groupGame.size = 3;
        s.groupGame.multiplicationFactor = 1.5;
        s.groupGame.cost = 2.0;
        // Pool 1.5 * 2 * 2 = 6 shared by 3: cooperators 2 - 2 = 0, the defector 2.
        CHECK(payoffsAfterOneRound(s) == std::vector<double>{3.0 + 0.0 + 0.0, 3.0 + 0.0 + 0.0, 5.0 + 5.0 + 2.0});
    }
    SUBCASE("off by default: kind none adds nothing")
    {
        auto s = groupWorld({true, false}, GroupGameKind::None, GroupFormation::WellMixed);
        s.game.matrix = {3.0, 0.0, 5.0, 1.0};
        CHECK(payoffsAfterOneRound(s) == std::vector<double>{0.0, 5.0});
    }
}

TEST_CASE("group game: the round's group cooperation and share of groups reaching the threshold are exact")
{
    using scenario::GroupFormation;
    using scenario::GroupGameKind;
    const auto afterOneRound = [](const scenario::Scenario& scenario)
    {
        engine::Simulation simulation(scenario, agents::builtinCatalogue());
        simulation.step();
        return simulation.metrics();
    };
    SUBCASE("all groups: Z = 4, N = 3, M = 2, two cooperators")
    {
        // A group of 3 drawn from 2 cooperators and 2 defectors holds both cooperators with probability
        // C(2,2) C(2,1) / C(4,3) = 1/2.
        auto s = groupWorld({true, true, false, false}, GroupGameKind::CollectiveRisk, GroupFormation::AllGroups);
        s.groupGame.size = 3;
        s.groupGame.threshold = 2;
        const auto m = afterOneRound(s);
        CHECK(m.groupCooperation == 0.5);
        CHECK(m.groupSuccess == doctest::Approx(0.5).epsilon(1e-15));
    }
    SUBCASE("neighbourhoods on the path A-B-C-D with B the only defector, M = 2")
    {
        // Groups {A,B} (1 cooperator), {A,B,C} (2), {B,C,D} (2), {C,D} (2): three of four reach M.
        auto s = groupWorld({true, false, true, true}, GroupGameKind::CollectiveRisk, GroupFormation::Neighbourhood);
        s.network.kind = scenario::NetworkKind::Explicit;
        s.network.edges = {{"S0", "S1", 1.0, 0}, {"S1", "S2", 1.0, 0}, {"S2", "S3", 1.0, 0}};
        s.groupGame.threshold = 2;
        const auto m = afterOneRound(s);
        CHECK(m.groupCooperation == 0.75);
        CHECK(m.groupSuccess == 0.75);
    }
    SUBCASE("well-mixed with N = Z: every group is the whole population")
    {
        auto s = groupWorld({true, false, true, false}, GroupGameKind::CollectiveRisk, GroupFormation::WellMixed);
        s.groupGame.size = 4;
        s.groupGame.samples = 3;
        s.groupGame.threshold = 2;
        CHECK(afterOneRound(s).groupSuccess == 1.0);
        s.groupGame.threshold = 3;
        CHECK(afterOneRound(s).groupSuccess == 0.0);
    }
    SUBCASE("public goods has no threshold, and no group game gives zeros")
    {
        auto s = groupWorld({true, false, true, false}, GroupGameKind::PublicGoods, GroupFormation::WellMixed);
        s.groupGame.size = 4;
        auto m = afterOneRound(s);
        CHECK(m.groupCooperation == 0.5);
        CHECK(m.groupSuccess == 0.0);
        s.groupGame.kind = GroupGameKind::None;
        m = afterOneRound(s);
        CHECK(m.groupCooperation == 0.0);
        CHECK(m.groupSuccess == 0.0);
    }
    SUBCASE("both are columns of timeseries.csv")
    {
        const auto& names = records::worldMetricNames();
        CHECK(std::find(names.begin(), names.end(), "group_cooperation") != names.end());
        CHECK(std::find(names.begin(), names.end(), "group_success") != names.end());
    }
}

TEST_CASE("group game: a state plays the first move its strategy makes toward a stranger")
{
    // TitForTat opens with C, SuspiciousTitForTat with D: in a public goods game of all three with r = 3, c = 1 the
    // pool of 3 * 2 is shared by 3, so the two openers of C earn 1 and the suspicious one 2.
    auto s = groupWorld({true, true, true}, scenario::GroupGameKind::PublicGoods, scenario::GroupFormation::WellMixed);
    s.states[0].doctrine = "strategy:TitForTat";
    s.states[1].doctrine = "strategy:GTFT";
    s.states[2].doctrine = "strategy:SuspiciousTitForTat";
    s.groupGame.size = 3;
    CHECK(payoffsAfterOneRound(s) == std::vector<double>{1.0, 1.0, 2.0});
}

TEST_CASE("group game: engine payoffs agree with the theory layer's finite-population fitness")
{
    // Z = 30 states of which 12 cooperate, groups of N = 5 (Santos and Pacheco 2011's hypergeometric sampling).
    const int population = 30, cooperators = 12, groupSize = 5;
    theory::CollectiveRiskDef crd;
    crd.groupSize = groupSize;
    crd.threshold = 3;
    crd.endowment = 1.0;
    crd.costFraction = 0.1;
    crd.risk = 0.6;
    const auto theoryGame = theory::collectiveRiskGame(crd);
    const double fC = theory::groupFitnessFinite(theoryGame, theory::kCrdCooperator, population, cooperators);
    const double fD = theory::groupFitnessFinite(theoryGame, theory::kCrdDefector, population, cooperators);
    auto s = groupWorld(composition(population, cooperators), scenario::GroupGameKind::CollectiveRisk,
                        scenario::GroupFormation::AllGroups);
    s.groupGame.size = groupSize;
    s.groupGame.threshold = crd.threshold;
    s.groupGame.costFraction = crd.costFraction;
    s.groupGame.risk = crd.risk;
    SUBCASE("all groups: the expected payoffs, to round-off")
    {
        const auto payoff = payoffsAfterOneRound(s);
        const auto c = composition(population, cooperators);
        for (std::size_t i = 0; i < payoff.size(); ++i)
            CHECK(payoff[i] == doctest::Approx(c[i] ? fC : fD).epsilon(1e-12));
    }
    SUBCASE("well-mixed sampling: the mean over 200 rounds of 30 states is within 3 standard errors")
    {
        // Each state's co-players are drawn afresh every round, so its payoffs are independent draws whose mean is
        // the theory's fitness. 200 rounds x 12 cooperators and x 18 defectors; no learning keeps the composition.
        s.groupGame.formation = scenario::GroupFormation::WellMixed;
        s.run.rounds = 200;
        checkMeanPayoffs(s, fD, fC);
    }
    SUBCASE("public goods, well-mixed, two samples per round")
    {
        s.groupGame.kind = scenario::GroupGameKind::PublicGoods;
        s.groupGame.formation = scenario::GroupFormation::WellMixed;
        s.groupGame.samples = 2;
        s.groupGame.multiplicationFactor = 3.5;
        s.groupGame.cost = 1.0;
        const auto game = publicGoods(groupSize, 3.5, 1.0);
        const double gC = theory::groupFitnessFinite(game, 1, population, cooperators);
        const double gD = theory::groupFitnessFinite(game, 0, population, cooperators);
        s.run.rounds = 150;
        checkMeanPayoffs(s, gD, gC);
    }
}

TEST_CASE("group game: the engine's fixation probability of one cooperator matches the theory layer")
{
    // Collective risk, Z = 10, N = 4, M = 2, c = 0.1, r = 0.9; the engine's asynchronous Moran rule with
    // exponential fitness exp(w P) and all-groups payoffs has T-/T+ = exp(-w (f_C - f_D)), the pairwise-comparison
    // chain of theory::groupPairwiseFixation with beta = w (Traulsen, Nowak and Pacheco 2006). Neutral drift would
    // give 1/Z = 0.1.
    const int population = 10, replicates = 2000;
    theory::CollectiveRiskDef crd;
    crd.groupSize = 4;
    crd.threshold = 2;
    crd.costFraction = 0.1;
    crd.risk = 0.9;
    const double w = 5.0;
    const double expected =
        theory::groupPairwiseFixation(theory::collectiveRiskGame(crd), theory::kCrdCooperator, population, w);
    auto s = groupWorld(composition(population, 1), scenario::GroupGameKind::CollectiveRisk,
                        scenario::GroupFormation::AllGroups);
    s.groupGame.size = crd.groupSize;
    s.groupGame.threshold = crd.threshold;
    s.groupGame.costFraction = crd.costFraction;
    s.groupGame.risk = crd.risk;
    s.learning.rule = scenario::LearningRule::Moran;
    s.learning.update = scenario::LearningUpdate::Asynchronous;
    s.learning.interval = 1;
    s.learning.selectionIntensity = w;
    s.run.rounds = 100000;
    int fixed = 0, undecided = 0;
    for (int replicate = 0; replicate < replicates; ++replicate)
    {
        s.run.seed = core::deriveSeed(20260101, std::uint64_t(replicate));
        engine::Simulation simulation(s, agents::builtinCatalogue());
        int cooperators = 1;
        while (cooperators > 0 && cooperators < population && !simulation.finished())
        {
            simulation.step();
            cooperators = 0;
            for (std::size_t i = 0; i < std::size_t(population); ++i)
                cooperators += isCooperator(simulation, i) ? 1 : 0;
        }
        fixed += cooperators == population ? 1 : 0;
        undecided += cooperators > 0 && cooperators < population ? 1 : 0;
    }
    const double share = double(fixed) / replicates;
    const double se = std::sqrt(expected * (1.0 - expected) / replicates);
    MESSAGE("engine fixation " << share << " vs theory " << expected << " (" << replicates << " runs, SE " << se
                               << ", z = " << (share - expected) / se << ")");
    CHECK(undecided == 0);
    CHECK(std::abs(share - expected) <= 3.0 * se);
    CHECK(share - 1.0 / population > 3.0 * se); // selection, not drift
}

TEST_CASE("group game: identical results with 1, 2 and 8 threads for every formation and update")
{
    // 48 states, so the parallel phases split the work (they run serially below 32 states).
    for (const auto formation : {scenario::GroupFormation::WellMixed, scenario::GroupFormation::AllGroups,
                                 scenario::GroupFormation::Neighbourhood})
        for (const auto update : {scenario::LearningUpdate::Synchronous, scenario::LearningUpdate::Asynchronous})
            for (const auto kind : {scenario::GroupGameKind::PublicGoods, scenario::GroupGameKind::CollectiveRisk})
            {
                auto s = test::mixedWorld(48, 40, 11);
                s.network.degree = 6;
                s.learning.interval = 2;
                s.learning.update = update;
                s.groupGame.kind = kind;
                s.groupGame.formation = formation;
                s.groupGame.size = 6;
                s.groupGame.samples = 2;
                s.groupGame.threshold = 3;
                const auto one = test::stateHashWithThreads(s, 1);
                CAPTURE(int(formation));
                CAPTURE(int(update));
                CAPTURE(int(kind));
                CHECK(test::stateHashWithThreads(s, 2) == one);
                CHECK(test::stateHashWithThreads(s, 8) == one);
                // The group game changes the run.
                s.groupGame.kind = scenario::GroupGameKind::None;
                CHECK(test::stateHashWithThreads(s, 2) != one);
            }
}

TEST_CASE("group game: bad values give the schema's message")
{
    const std::string world =
        "[network]\nkind = \"complete\"\n[generate]\ncount = 6\ndoctrines = [\"strategy:Cooperator\"]\n";
    const auto problem = [&](const std::string& table) -> std::string
    {
        try
        {
            // A top-level key must come before the first table.
            const bool topLevel = table.rfind("group_game =", 0) == 0;
            (void)scenario::parseScenario(topLevel ? table + world : world + table, "t.toml",
                                          agents::builtinCatalogue());
        }
        catch (const ScenarioError& e)
        {
            return e.what();
        }
        return "";
    };
    struct Case
    {
        const char* text;
        const char* message;
    };
    const Case cases[] = {
        {"[group_game]\nkind = \"public_goods\"\n",
         "group_game.kind: is \"public_goods\", expected one of none | public-goods | collective-risk (did you mean "
         "\"public-goods\"?)"},
        {"[group_game]\nkind = 1\n", "group_game.kind: is 1, expected one of none | public-goods | collective-risk"},
        {"[group_game]\nformation = \"lattice\"\n",
         "group_game.formation: is \"lattice\", expected one of well-mixed | all-groups | neighbourhood"},
        {"[group_game]\nsize = 1\n", "group_game.size: is 1, expected in [2, 1000]"},
        {"[group_game]\nsize = 2.5\n", "group_game.size: is 2.5, expected an integer"},
        {"[group_game]\nsamples = 0\n", "group_game.samples: is 0, expected in [1, 1000]"},
        {"[group_game]\nmultiplication_factor = -1\n", "group_game.multiplication_factor: is -1, expected >= 0"},
        {"[group_game]\ncost = -0.5\n", "group_game.cost: is -0.5, expected >= 0"},
        {"[group_game]\nendowment = 0\n", "group_game.endowment: is 0, expected > 0"},
        {"[group_game]\ncost_fraction = 1.5\n", "group_game.cost_fraction: is 1.5, expected in [0, 1]"},
        {"[group_game]\nthreshold = 0\n", "group_game.threshold: is 0, expected in [1, 1000]"},
        {"[group_game]\nrisk = 2\n", "group_game.risk: is 2, expected a probability in [0, 1]"},
        {"[group_game]\nrisk = \"high\"\n", "group_game.risk: is \"high\", expected a number"},
        {"[group_game]\nrisc = 0.5\n", "unknown key \"risc\" in [group_game] (did you mean \"risk\"?)"},
        {"group_game = 3\n", "group_game: is an integer, expected a table ([group_game])"},
        {"[group_game]\nkind = \"collective-risk\"\nsize = 4\nthreshold = 5\n",
         "group_game.threshold: is 5, expected at most group_game.size (4)"},
        {"[group_game]\nkind = \"public-goods\"\nsize = 7\n",
         "group_game.size: is 7, expected at most the 6 states (groups are drawn from them)"},
        {"[learning]\nupdate = \"async\"\n",
         "learning.update: is \"async\", expected one of synchronous | asynchronous"},
        {"[learning]\nupdate = true\n", "learning.update: is true, expected one of synchronous | asynchronous"},
    };
    for (const auto& c : cases)
    {
        const std::string text = problem(c.text);
        CAPTURE(text);
        CHECK(text.find(c.message) != std::string::npos);
    }
    // Valid: the neighbourhood formation ignores size, and a threshold above the size is fine when kind is none.
    CHECK(problem("[group_game]\nkind = \"public-goods\"\nformation = \"neighbourhood\"\nsize = 50\n").empty());
    CHECK(problem("[group_game]\nthreshold = 9\nsize = 4\n").empty());
    CHECK(problem("[learning]\nupdate = \"asynchronous\"\n[group_game]\nkind = \"collective-risk\"\nsize = 6\n"
                  "threshold = 6\n")
              .empty());
}

TEST_CASE("group game: the spatial kernel does not take a scenario with a group game")
{
    auto s = groupWorld(composition(16, 12), scenario::GroupGameKind::None, scenario::GroupFormation::WellMixed);
    s.network.kind = scenario::NetworkKind::Lattice;
    s.network.selfInteraction = true;
    s.game.matrix = {1.0, 0.0, 1.9, 0.0};
    s.learning.rule = scenario::LearningRule::ImitateBest;
    s.learning.interval = 1;
    CHECK(engine::SpatialGame::fromScenario(s, agents::builtinCatalogue()).has_value());
    s.groupGame.kind = scenario::GroupGameKind::PublicGoods;
    CHECK_FALSE(engine::SpatialGame::fromScenario(s, agents::builtinCatalogue()).has_value());
}
