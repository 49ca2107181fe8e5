// SPDX-License-Identifier: MIT
// The engine's m-act matrix games (game.kind = "matrix"): the loader's messages for every bad input, hand-computed
// payoffs, the acts the m-act strategies play in the engine, determinism at any thread count, and agreement with the
// theory layer's replicator dynamics (exact payoffs at given compositions; long-run shares at the interior rest point).
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/core/matrix_game.hpp"
#include "cybersim/core/rng.hpp"
#include "cybersim/engine/simulation.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/theory/replicator.hpp"
#include "scenario_test_support.hpp"
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

const core::Catalogue& catalogue()
{
    return agents::builtinCatalogue();
}

std::filesystem::path shippedScenario()
{
    return test::sourceDir() / "scenarios" / "three-act-cyber-game.toml";
}

// The shipped game: restrain, surveil, attack (rows: own act; columns: the partner's act).
const std::vector<std::vector<double>> kCyberPayoffs{{6, 4, -1}, {5, 0, 8}, {10, -1, 0}};

Eigen::MatrixXd toEigen(const std::vector<std::vector<double>>& rows)
{
    Eigen::MatrixXd a(Eigen::Index(rows.size()), Eigen::Index(rows.size()));
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows.size(); ++c)
            a(Eigen::Index(r), Eigen::Index(c)) = rows[r][c];
    return a;
}

// A world of listed states with the given doctrines (and strategy overrides), every payoff-changing mechanic off, so a
// state's round payoff is its stage-game payoff alone.
scenario::Scenario matrixWorld(const std::vector<std::string>& doctrines,
                               const std::vector<std::string>& strategies = {})
{
    auto s = test::listedWorld("matrix-test", doctrines);
    for (std::size_t i = 0; i < strategies.size() && i < s.states.size(); ++i)
        s.states[i].strategy = strategies[i];
    s.game.kind = scenario::GameKind::Matrix;
    s.game.actions = {"restrain", "surveil", "attack"};
    s.game.payoffs = kCyberPayoffs;
    s.game.cooperativeActions = {"restrain"};
    s.commonSecurity.enabled = false;
    s.governance.approach = scenario::GovernanceApproach::None;
    return s;
}

// Each state's payoff in each of `rounds` rounds.
std::vector<std::vector<double>> payoffsByRound(scenario::Scenario scenario, int rounds)
{
    scenario.run.rounds = rounds;
    engine::Simulation simulation(scenario, catalogue());
    std::vector<std::vector<double>> out;
    for (int r = 0; r < rounds; ++r)
    {
        simulation.step();
        std::vector<double> row;
        for (const auto& st : simulation.stateMetrics())
            row.push_back(st.payoff);
        out.push_back(row);
    }
    return out;
}

std::string problemsOf(const std::string& text)
{
    try
    {
        (void)scenario::parseScenario(text, "t.toml", catalogue());
    }
    catch (const ScenarioError& e)
    {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("matrix game: bad tables, acts and strategies give the schema's messages")
{
    // Four generated states play pure acts of a three-act game unless a case changes it.
    const auto world = [](const std::string& game, const std::string& extra = "")
    {
        return "[network]\nkind = \"complete\"\n[generate]\ncount = 4\ndoctrines = [\"pure:a\", \"pure:b\"]\n[game]\n" +
               game + extra;
    };
    const std::string kind = "kind = \"matrix\"\n";
    const std::string acts = "actions = [\"a\", \"b\", \"c\"]\n";
    const std::string square = "payoffs = [[0, 1, 2], [1, 0, 2], [2, 1, 0]]\n";
    struct Case
    {
        std::string text;
        const char* message;
    };
    const Case cases[] = {
        // The payoff table: the wrong number of rows, a row of the wrong length, non-finite values, the wrong shapes.
        {world(kind + acts + "payoffs = [[0, 1, 2], [1, 0, 2]]\n"),
         "game.payoffs: has 2 rows, expected 3 (one per act of game.actions)"},
        {world(kind + acts + "payoffs = [[0, 1, 2], [1, 0], [2, 1, 0]]\n"),
         "game.payoffs[1]: has 2 values, expected 3 (one per act of game.actions)"},
        {world(kind + acts + "payoffs = [[0, 1, 2, 3], [1, 0, 2, 3], [2, 1, 0, 3]]\n"),
         "game.payoffs[0]: has 4 values, expected 3 (one per act of game.actions)"},
        {world(kind + acts + "payoffs = [[0, 1, 2], [1, nan, 2], [2, 1, 0]]\n"),
         "game.payoffs[1][1]: is nan, expected a finite number"},
        {world(kind + acts + "payoffs = [[0, 1, -inf], [1, 0, 2], [2, 1, 0]]\n"),
         "game.payoffs[0][2]: is -inf, expected a finite number"},
        {world(kind + acts + "payoffs = [0, 1, 2, 1, 0, 2, 2, 1, 0]\n"),
         "game.payoffs[0]: is an integer, expected a row (an array of numbers)"},
        {world(kind + acts + "payoffs = [[0, 1, 2], [1, \"x\", 2], [2, 1, 0]]\n"),
         "game.payoffs[1][1]: is a string, expected a number"},
        {world(kind + acts + "payoffs = 3\n"), "game.payoffs: is an integer, expected an array of rows [[...], ...]"},
        {world(kind + acts), "game.payoffs: is missing, expected 3 x 3 table"},
        // Acts: duplicate, empty, too few, too many, missing, the wrong type.
        {world(kind + "actions = [\"a\", \"b\", \"a\"]\n" + square),
         "game.actions[2]: is \"a\", already the name of game.actions[0], expected unique act names"},
        {world(kind + "actions = [\"a\", \"\", \"c\"]\n" + square),
         "game.actions[1]: is \"\", expected a non-empty act name"},
        {world(kind + "actions = [\"a\"]\npayoffs = [[1]]\n"),
         "game.actions: has 1 name, expected 2 to 8 (one per act)"},
        {world(kind + "actions = [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\"]\n" + square),
         "game.actions: has 9 names, expected 2 to 8 (one per act)"},
        {world(kind + square), "game.actions: is missing, expected 2 to 8 act names for game.kind = \"matrix\""},
        {world(kind + "actions = \"a, b, c\"\n" + square), "game.actions: is a string, expected an array of strings"},
        {world(kind + "actions = [\"a\", 2, \"c\"]\n" + square), "game.actions[1]: is an integer, expected a string"},
        // Cooperative acts.
        {world(kind + acts + square + "cooperative_actions = [\"aa\"]\n"),
         "game.cooperative_actions[0]: is \"aa\", expected an act of game.actions (did you mean \"a\"?)"},
        {world(kind + acts + square + "cooperative_actions = [\"a\", \"b\", \"c\"]\n"),
         "game.cooperative_actions: names all 3 acts, expected at least one hostile act"},
        {world(kind + acts + square + "cooperative_actions = []\n"),
         "game.cooperative_actions: is empty, expected at least one act of game.actions (default: the first)"},
        {world(kind + acts + square + "cooperative_actions = [\"a\", \"a\"]\n"),
         "game.cooperative_actions[1]: is \"a\", already named earlier in game.cooperative_actions"},
        // Keys of another kind.
        {world("kind = \"prisoners-dilemma\"\n" + acts),
         "game.actions: is only used by a matrix game, expected game.kind = \"matrix\" or no actions"},
        {world(kind + acts + square + "reward = 3\n"),
         "game.reward: is not used by a matrix game: R, S, T and P are derived from game.payoffs"},
        {world("kind = \"matrx\"\n"),
         "game.kind: is \"matrx\", expected one of cyber | prisoners-dilemma | stag-hunt | "
         "hawk-dove | chicken | custom | matrix (did you mean \"matrix\"?)"},
        {world(kind + acts + square + "action = [\"a\"]\n"),
         "unknown key \"action\" in [game] (did you mean \"actions\"?)"},
        // Doctrines and strategies that name acts.
        {world(kind + acts + square, "[[states]]\nname = \"X\"\ndoctrine = \"pure:d\"\n"),
         "states[0].doctrine: is \"pure:d\", expected pure:<act> with an act of game.actions"},
        {world("kind = \"prisoners-dilemma\"\n"),
         "generate.doctrines[0]: is \"pure:a\", but pure:<act> doctrines play an act of a matrix game"},
        {world(kind + acts + square, "[[states]]\nname = \"X\"\nstrategy = \"Pure\"\nstrategy_params = { act = 3 }\n"),
         "states[0].strategy_params.act: is 3, expected an act index, an integer in [0, 2] (the game has 3 acts, "
         "game.actions)"},
        {world(kind + acts + square,
               "[[states]]\nname = \"X\"\nstrategy = \"Pure\"\nstrategy_params = { act = 1.5 }\n"),
         "states[0].strategy_params.act: is 1.5, expected an act index"},
        {"[network]\nkind = \"complete\"\n[[states]]\nname = \"X\"\nstrategy = \"Pure\"\nstrategy_params = [2]\n"
         "[[states]]\nname = \"Y\"\n",
         "states[0].strategy_params[0]: is 2, expected an act index, an integer in [0, 1] (the game has 2 acts: 0 = C, "
         "1 = D)"},
        {world(kind + acts + square,
               "[[states]]\nname = \"X\"\nstrategy = \"Mixed\"\nstrategy_params = { w0 = 0.5, w3 = 0.5 }\n"),
         "states[0].strategy_params.w3: w3 weights act 3, but the game has 3 acts (0 to 2)"},
        {world(kind + acts + square, "[[states]]\nname = \"X\"\nstrategy = \"Mixed\"\nstrategy_params = [0, 0, 0]\n"),
         "states[0].strategy_params: the weights of the game's 3 acts sum to 0, expected a positive total"},
        {world(kind + acts + square, "[[events]]\nround = 1\nkind = \"set\"\nkey = \"game.temptation\"\nvalue = 4\n"),
         "events[0].key: is \"game.temptation\", which a matrix game derives from game.payoffs"},
    };
    for (const auto& c : cases)
    {
        const auto text = problemsOf(c.text);
        CAPTURE(c.text);
        CAPTURE(text);
        CHECK(text.find(c.message) != std::string::npos);
    }

    SUBCASE("each problem is located at its key: file, line and column")
    {
        const std::string text = "[network]\nkind = \"complete\"\n[generate]\ncount = 4\n"
                                 "doctrines = [\"pure:a\"]\n[game]\nkind = \"matrix\"\nactions = [\"a\", \"b\"]\n"
                                 "payoffs = [[0, 1], [1, nan, 3]]\n";
        std::vector<Diagnostic> diagnostics;
        try
        {
            (void)scenario::parseScenario(text, "t.toml", catalogue());
        }
        catch (const ScenarioError& e)
        {
            diagnostics = e.diagnostics();
        }
        REQUIRE(diagnostics.size() == 2);
        CHECK(diagnostics[0].file == "t.toml");
        CHECK(diagnostics[0].line == 9);
        CHECK(diagnostics[0].column == 20);
        CHECK(diagnostics[0].keyPath == "game.payoffs[1]");
        CHECK(diagnostics[0].format() ==
              "t.toml:9:20: error: game.payoffs[1]: has 3 values, expected 2 (one per act of game.actions)");
        CHECK(diagnostics[1].keyPath == "game.payoffs[1][1]");
        CHECK(diagnostics[1].column == 24);
        CHECK(diagnostics[1].message == "is nan, expected a finite number");
    }
    SUBCASE("good tables load, and the cooperative act defaults to the first")
    {
        CHECK(problemsOf(world(kind + acts + square)).empty());
        const auto s = scenario::parseScenario(world(kind + acts + square), "t.toml", catalogue());
        CHECK(s.game.cooperativeActions == std::vector<std::string>{"a"});
        // The classic view: R = A[a][a], S = A[a][b], T = A[b][a], P = A[b][b] (b is the first hostile act).
        CHECK(s.game.matrix.reward == 0.0);
        CHECK(s.game.matrix.sucker == 1.0);
        CHECK(s.game.matrix.temptation == 1.0);
        CHECK(s.game.matrix.punishment == 0.0);
        CHECK(problemsOf(world(kind + "actions = [\"a\", \"b\"]\npayoffs = [[3, 0], [5, 1]]\n")).empty());
    }
}

TEST_CASE("matrix game: the shipped scenario loads, round-trips and its game is the one the theory analyses")
{
    const auto s = scenario::loadScenarioFile(shippedScenario(), catalogue());
    CHECK(s.game.kind == scenario::GameKind::Matrix);
    CHECK(s.game.actions == std::vector<std::string>{"restrain", "surveil", "attack"});
    CHECK(s.game.payoffs == kCyberPayoffs);
    // The 2 x 2 view of restrain (C) against surveil (D): R = 6, S = 4, T = 5, P = 0.
    CHECK(s.game.matrix.reward == 6.0);
    CHECK(s.game.matrix.sucker == 4.0);
    CHECK(s.game.matrix.temptation == 5.0);
    CHECK(s.game.matrix.punishment == 0.0);
    const auto text = scenario::writeScenario(s);
    CHECK(text.find("reward =") == std::string::npos); // derived, so not written
    const auto again = scenario::parseScenario(text, "written.toml", catalogue());
    test::checkSameContent(s, again);
    CHECK(scenario::writeScenario(again) == text);
    // A two-act scenario writes none of the matrix keys.
    CHECK(scenario::writeScenario(scenario::Scenario{}).find("actions") == std::string::npos);
}

TEST_CASE("matrix game: hand-computed payoffs are exact")
{
    SUBCASE("a triangle of pure acts with unequal interdependence")
    {
        // restrain (S0), surveil (S1), attack (S2); w(S0,S1) = 1, w(S1,S2) = 0.5, w(S0,S2) = 0.25.
        // S0: 4 * 1 + (-1) * 0.25 = 3.75; S1: 5 * 1 + 8 * 0.5 = 9; S2: 10 * 0.25 + (-1) * 0.5 = 2.
        auto s = matrixWorld({"pure:restrain", "pure:surveil", "pure:attack"});
        s.trust.reputationWeight = 0.0; // no accusations' echo: trust moves by what each side saw only
        s.network.kind = scenario::NetworkKind::Explicit;
        s.network.edges = {{"S0", "S1", 1.0, 0}, {"S1", "S2", 0.5, 0}, {"S0", "S2", 0.25, 0}};
        engine::Simulation simulation(s, catalogue());
        simulation.step();
        std::vector<double> payoff, cooperation;
        for (const auto& st : simulation.stateMetrics())
        {
            payoff.push_back(st.payoff);
            cooperation.push_back(st.cooperation);
        }
        CHECK(payoff == std::vector<double>{3.75, 9.0, 2.0});
        CHECK(cooperation == std::vector<double>{1.0, 0.0, 0.0});
        // Only restraint counts as cooperative: 2 of the 6 acts; S0 saw two hostile partners, the others one each.
        CHECK(simulation.metrics().cooperationRate == doctest::Approx(2.0 / 6.0).epsilon(1e-15));
        CHECK(simulation.metrics().attacks == 4);
        const auto edges = simulation.edges();
        REQUIRE(edges.size() == 3);
        CHECK(edges[0].trustAB == doctest::Approx(0.5 - 0.2 * 0.5).epsilon(1e-12));  // S0 saw S1 surveil
        CHECK(edges[0].trustBA == doctest::Approx(0.5 + 0.05 * 0.5).epsilon(1e-12)); // S1 saw S0 restrain
    }
    SUBCASE("self-interaction adds the act against itself")
    {
        auto s = matrixWorld({"pure:restrain", "pure:surveil", "pure:attack"});
        s.network.selfInteraction = true;
        // S0: 4 - 1 + 6; S1: 5 + 8 + 0; S2: 10 - 1 + 0.
        CHECK(payoffsByRound(s, 1)[0] == std::vector<double>{9.0, 13.0, 9.0});
    }
    SUBCASE("Reciprocator plays back the act it saw; BestReply answers it")
    {
        auto s = matrixWorld({"strategy:Reciprocator", "pure:attack"});
        // Round 1: restrain against attack (-1, 10); then attack against attack (0, 0).
        CHECK(payoffsByRound(s, 3) == std::vector<std::vector<double>>{{-1, 10}, {0, 0}, {0, 0}});
        s.states[0].doctrine = "strategy:BestReply";
        // Round 1 as above; then surveil, the best reply to attack (8 against -1).
        CHECK(payoffsByRound(s, 3) == std::vector<std::vector<double>>{{-1, 10}, {8, -1}, {8, -1}});
        s.states[1].doctrine = "pure:surveil";
        // Against surveil the best reply is restrain (4 > 0 > -1): it keeps restraining.
        CHECK(payoffsByRound(s, 3) == std::vector<std::vector<double>>{{4, 5}, {4, 5}, {4, 5}});
    }
    SUBCASE("false attribution: restraint is seen as the first hostile act")
    {
        auto s = matrixWorld({"strategy:Reciprocator", "pure:restrain"});
        s.noise.falseAttribution = 1.0;
        // Round 1 restrain/restrain (6, 6); from then on the Reciprocator answers the surveillance it believes it saw.
        CHECK(payoffsByRound(s, 3) == std::vector<std::vector<double>>{{6, 6}, {5, 4}, {5, 4}});
        s.noise.falseAttribution = 0.0;
        s.noise.missedAttack = 1.0;
        s.states[1].doctrine = "pure:attack";
        // Every attack is missed, seen as restraint: the Reciprocator keeps restraining and is exploited.
        CHECK(payoffsByRound(s, 3) == std::vector<std::vector<double>>{{-1, 10}, {-1, 10}, {-1, 10}});
    }
    SUBCASE("classic strategies play the first cooperative act for C and the first hostile act for D")
    {
        auto s = matrixWorld({"strategy:TitForTat", "pure:attack"});
        // TitForTat: C = restrain, then D = surveil (the first hostile act) against attack: 8 and -1.
        CHECK(payoffsByRound(s, 3) == std::vector<std::vector<double>>{{-1, 10}, {8, -1}, {8, -1}});
        s.game.cooperativeActions = {"surveil"};
        // Now C = surveil and D = restrain: TitForTat opens with surveil (8) and answers attack with restrain (-1).
        CHECK(payoffsByRound(s, 3) == std::vector<std::vector<double>>{{8, -1}, {-1, 10}, {-1, 10}});
    }
    SUBCASE("execution noise replaces an act by one of the other acts")
    {
        // With noise.execution = 1 a pure restrainer plays surveil or attack, each half of the time, against a pure
        // attacker that trembles too (into restrain or surveil). S0's payoff names both acts: surveil earns 5 or 0
        // against restrain or surveil, attack earns 10 or -1.
        auto s = matrixWorld({"pure:restrain", "pure:attack"});
        s.noise.execution = 1.0;
        int surveils = 0, attacks = 0;
        const int rounds = 2000;
        for (const auto& row : payoffsByRound(s, rounds))
        {
            surveils += row[0] == 5.0 || row[0] == 0.0 ? 1 : 0;
            attacks += row[0] == 10.0 || row[0] == -1.0 ? 1 : 0;
        }
        CHECK(surveils + attacks == rounds); // never restrain
        const double se = std::sqrt(0.25 / rounds);
        CAPTURE(surveils);
        CHECK(std::abs(double(surveils) / rounds - 0.5) <= 3.0 * se);
    }
}

TEST_CASE("matrix game: best-response learning scores every doctrine in use with the table")
{
    // Three attackers and a restrainer; pure:surveil and strategy:Reciprocator are in use too (named by generate, no
    // state plays them yet). Against three attackers surveil earns 8 + 8 + 8, restrain -3, attack 0, Reciprocator
    // (which answers attack with attack) 0; an attacker facing two attackers and a restrainer earns 8 + 8 + 5 = 21 by
    // surveil, 10 by attack, 4 by restrain. So after the first learning step every state plays pure:surveil.
    auto s = matrixWorld({"pure:attack", "pure:attack", "pure:attack", "pure:restrain"});
    s.generate.doctrines = {"pure:surveil", "strategy:Reciprocator"};
    s.learning.rule = scenario::LearningRule::BestResponse;
    s.learning.interval = 1;
    for (const auto update : {scenario::LearningUpdate::Synchronous, scenario::LearningUpdate::Asynchronous})
    {
        s.learning.update = update;
        engine::Simulation simulation(s, catalogue());
        simulation.step();
        CAPTURE(int(update));
        const auto& names = simulation.doctrineNames();
        if (update == scenario::LearningUpdate::Synchronous)
            for (const auto& st : simulation.stateMetrics())
                CHECK(names[std::size_t(st.doctrine)] == "pure:surveil");
        else
        {
            // One at a time, each seeing the switches before it: the first to revise adopts surveil (every state's
            // best reply to the round as played); later ones may answer the surveillers with restraint.
            int surveillers = 0;
            for (const auto& st : simulation.stateMetrics())
                surveillers += names[std::size_t(st.doctrine)] == "pure:surveil" ? 1 : 0;
            CHECK(surveillers >= 1);
        }
        simulation.step();
        // Round 2 is all surveil: 0 for everyone.
        if (update == scenario::LearningUpdate::Synchronous)
            for (const auto& st : simulation.stateMetrics())
                CHECK(st.payoff == 0.0);
    }
}

TEST_CASE("matrix game: Mixed draws each act with its probability")
{
    // S0 plays Mixed (0.2, 0.3, 0.5) against a pure restrainer: its payoff names its act (6, 5 or 10).
    auto s = matrixWorld({"strategy:Mixed", "pure:restrain"});
    s.states[0].strategy = "Mixed";
    s.states[0].strategyParams = {0.2, 0.3, 0.5};
    const int rounds = 3000;
    int counts[3] = {};
    for (const auto& row : payoffsByRound(s, rounds))
        ++counts[row[0] == 6.0 ? 0 : row[0] == 5.0 ? 1 : 2];
    const double p[3] = {0.2, 0.3, 0.5};
    for (int k = 0; k < 3; ++k)
    {
        const double share = double(counts[k]) / rounds;
        const double se = std::sqrt(p[k] * (1.0 - p[k]) / rounds);
        CAPTURE(k);
        CAPTURE(share);
        CHECK(std::abs(share - p[k]) <= 3.0 * se);
    }
}

TEST_CASE("matrix game: a three-act world equals its pinned state hash")
{
    // Pinned like the two-act world in test_determinism.cpp: update only in a reviewed change that means to alter the
    // results of m-act games (print with `-s`).
    auto s = test::mixedWorld(48, 40, 11);
    s.network.degree = 6;
    const char* doctrines[] = {"pure:restrain", "pure:surveil", "pure:attack", "strategy:Reciprocator",
                               "strategy:Mixed"};
    for (std::size_t i = 0; i < s.states.size(); ++i)
        s.states[i].doctrine = doctrines[i % 5];
    s.game.kind = scenario::GameKind::Matrix;
    s.game.actions = {"restrain", "surveil", "attack"};
    s.game.payoffs = kCyberPayoffs;
    s.noise.missedAttack = 0.05;
    s.noise.execution = 0.02;
    s.learning.rule = scenario::LearningRule::Imitation;
    const auto hash = test::stateHashWithThreads(s, 2);
    MESSAGE("matrix state hash " << hash);
    CHECK(hash == 11514843441322561444ULL);
}

TEST_CASE("matrix game: identical results with 1, 2 and 8 threads")
{
    // 48 states, so the parallel phases split the work (they run serially below 32 states); every mechanic on, noise,
    // scheduled events, m-act and classic strategies and doctrines side by side, each learning rule and update.
    const char* doctrines[] = {"pure:restrain",          "pure:surveil",   "pure:attack",
                               "strategy:Reciprocator",  "strategy:Mixed", "realist-hedger",
                               "common-security-builder"};
    for (const auto rule :
         {scenario::LearningRule::Imitation, scenario::LearningRule::Moran, scenario::LearningRule::BestResponse})
        for (const auto update : {scenario::LearningUpdate::Synchronous, scenario::LearningUpdate::Asynchronous})
        {
            auto s = test::mixedWorld(48, 40, 11);
            s.network.degree = 6;
            for (std::size_t i = 0; i < s.states.size(); ++i)
                s.states[i].doctrine = doctrines[i % 7];
            s.game.kind = scenario::GameKind::Matrix;
            s.game.actions = {"restrain", "surveil", "attack"};
            s.game.payoffs = kCyberPayoffs;
            s.noise.missedAttack = 0.05;
            s.noise.execution = 0.02;
            s.learning.rule = rule;
            s.learning.update = update;
            s.learning.interval = 2;
            s.groupGame.kind = scenario::GroupGameKind::PublicGoods;
            const auto one = test::stateHashWithThreads(s, 1);
            CAPTURE(int(rule));
            CAPTURE(int(update));
            CHECK(test::stateHashWithThreads(s, 2) == one);
            CHECK(test::stateHashWithThreads(s, 8) == one);
            // The seed and the table matter.
            s.run.seed = 12;
            CHECK(test::stateHashWithThreads(s, 2) != one);
            s.run.seed = 11;
            s.game.payoffs[2][0] = 9.0;
            CHECK(test::stateHashWithThreads(s, 2) != one);
        }
}

TEST_CASE("matrix game: engine payoffs are the theory layer's (A x) and replicator field at any composition")
{
    // Complete network with self-interaction: a state of act a earns sum_b n_b A[a][b] = N (A x)_a exactly, so the
    // engine's payoffs give the replicator vector field x_a ((A x)_a - x.A x) of theory::replicatorDerivative.
    const Eigen::MatrixXd a = toEigen(kCyberPayoffs);
    const auto interior = [&]
    {
        for (const auto& p : theory::replicatorFixedPoints(a))
            if (p.support.size() == 3)
                return p;
        FAIL("no interior rest point");
        return theory::ReplicatorFixedPoint{};
    }();
    REQUIRE(interior.isStable);
    // 41/99, 37/99, 21/99: 99 states realise the rest point exactly.
    CHECK(interior.x(0) * 99 == doctest::Approx(41).epsilon(1e-9));
    CHECK(interior.x(1) * 99 == doctest::Approx(37).epsilon(1e-9));
    CHECK(interior.x(2) * 99 == doctest::Approx(21).epsilon(1e-9));
    const char* acts[] = {"pure:restrain", "pure:surveil", "pure:attack"};
    for (const auto& counts : std::vector<std::vector<int>>{{6, 4, 2}, {1, 1, 10}, {41, 37, 21}, {30, 5, 64}})
    {
        std::vector<std::string> doctrines;
        for (std::size_t k = 0; k < 3; ++k)
            doctrines.insert(doctrines.end(), std::size_t(counts[k]), acts[k]);
        auto s = matrixWorld(doctrines);
        s.network.selfInteraction = true;
        const int n = int(doctrines.size());
        Eigen::VectorXd x(3);
        for (int k = 0; k < 3; ++k)
            x(k) = double(counts[std::size_t(k)]) / n;
        const auto payoff = payoffsByRound(s, 1)[0];
        const Eigen::VectorXd expected = double(n) * (a * x);
        Eigen::VectorXd perAct(3);
        for (int k = 0; k < 3; ++k)
        {
            // Every state of act k earns the same; the first of them stands for all.
            const auto first = std::size_t(std::find(doctrines.begin(), doctrines.end(), acts[k]) - doctrines.begin());
            perAct(k) = payoff[first] / n;
            for (std::size_t i = 0; i < payoff.size(); ++i)
                if (doctrines[i] == acts[k])
                    CHECK(payoff[i] == payoff[first]);
            CHECK(payoff[first] == doctest::Approx(expected(k)).epsilon(1e-12));
        }
        const double mean = x.dot(perAct);
        const Eigen::VectorXd field = x.cwiseProduct((perAct.array() - mean).matrix());
        const Eigen::VectorXd theory = theory::replicatorDerivative(a, x);
        CAPTURE(counts[0]);
        CAPTURE(counts[1]);
        CHECK((field - theory).norm() <= 1e-12);
        if (counts == std::vector<int>{41, 37, 21})
        {
            // At the rest point every act earns the same: 41*6 + 37*4 - 21 = 41*5 + 21*8 = 410 - 37 = 373.
            CHECK(payoff[0] == 373.0);
            CHECK(perAct(0) == perAct(1));
            CHECK(perAct(1) == perAct(2));
        }
    }
}

TEST_CASE("matrix game: imitation's long-run shares are the replicator dynamics' interior rest point")
{
    // The shipped scenario: 300 states on a complete network, synchronous imitation (Fermi, beta = 0.0013), the cyclic
    // game restrain / surveil / attack. Its interior rest point x* (theory::replicatorFixedPoints) is asymptotically
    // stable, and the Fermi rule's mean field has the same rest points with the same stability (at equal payoffs
    // tanh(0) = 0; to first order it is the replicator field times beta N^2 / (2 (N - 1)); Traulsen, Pacheco and
    // Nowak 2007). So the shares, time-averaged after a 100-round transient, estimate x*. Replicates: 6 seeds, each
    // averaging rounds 101..500; SE is the standard error of the 6 replicate means. Tolerance: 3 SE plus 1/N, the
    // order of the finite-population bias of a stochastic process around a deterministic rest point.
    const auto base = scenario::loadScenarioFile(shippedScenario(), catalogue());
    const Eigen::MatrixXd a = toEigen(base.game.payoffs);
    Eigen::VectorXd rest;
    for (const auto& p : theory::replicatorFixedPoints(a))
        if (p.support.size() == 3)
        {
            REQUIRE(p.isStable);
            rest = p.x;
        }
    REQUIRE(rest.size() == 3);
    const int replicates = 6, burnIn = 100, rounds = 500;
    const int n = base.generate.count;
    std::vector<Eigen::Vector3d> means;
    int fewest = n;
    for (int r = 0; r < replicates; ++r)
    {
        auto s = base;
        s.run.rounds = rounds;
        s.run.seed = core::deriveSeed(20260301, std::uint64_t(r));
        engine::Simulation simulation(s, catalogue());
        // Doctrine indices follow generate.doctrines: pure:restrain, pure:surveil, pure:attack.
        REQUIRE(simulation.doctrineNames() == std::vector<std::string>{"pure:restrain", "pure:surveil", "pure:attack"});
        Eigen::Vector3d sum = Eigen::Vector3d::Zero();
        int averaged = 0;
        while (!simulation.finished())
        {
            simulation.step();
            Eigen::Vector3d count = Eigen::Vector3d::Zero();
            for (const auto& st : simulation.stateMetrics())
                count(st.doctrine) += 1.0;
            fewest = std::min(fewest, int(count.minCoeff()));
            if (simulation.round() > burnIn)
            {
                sum += count / n;
                ++averaged;
            }
        }
        means.push_back(sum / averaged);
    }
    Eigen::Vector3d mean = Eigen::Vector3d::Zero();
    for (const auto& m : means)
        mean += m / replicates;
    Eigen::Vector3d se;
    for (int k = 0; k < 3; ++k)
    {
        double squares = 0.0;
        for (const auto& m : means)
            squares += (m(k) - mean(k)) * (m(k) - mean(k));
        se(k) = std::sqrt(squares / (replicates - 1) / replicates);
    }
    const double bias = 1.0 / n;
    MESSAGE("long-run shares " << mean.transpose() << " vs rest point " << rest.transpose() << "; SE " << se.transpose()
                               << "; tolerance 3 SE + " << bias << "; fewest states of an act " << fewest);
    CHECK(fewest > 0); // no act died out, so the averages are of the interior dynamics
    for (int k = 0; k < 3; ++k)
    {
        CAPTURE(k);
        CHECK(se(k) > 0.0);
        CHECK(std::abs(mean(k) - rest(k)) <= 3.0 * se(k) + bias);
    }
    // The check can fail: the centre of the simplex, the starting shares, and the rest point of a nearby game (surveil
    // earning 6 instead of 8 against attack moves it to about (0.38, 0.36, 0.26)) are all rejected.
    const auto rejected = [&](const Eigen::Vector3d& other)
    {
        for (int k = 0; k < 3; ++k)
            if (std::abs(mean(k) - other(k)) > 3.0 * se(k) + bias)
                return true;
        return false;
    };
    CHECK(rejected(Eigen::Vector3d::Constant(1.0 / 3.0)));
    CHECK(rejected(Eigen::Vector3d(0.6, 0.2, 0.2)));
    Eigen::MatrixXd nearby = a;
    nearby(1, 2) = 6.0;
    for (const auto& p : theory::replicatorFixedPoints(nearby))
        if (p.support.size() == 3)
            CHECK(rejected(p.x));
}
