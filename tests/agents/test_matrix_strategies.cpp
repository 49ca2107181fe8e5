// SPDX-License-Identifier: MIT
// Exact acts of the m-act strategies (Pure, Mixed, Reciprocator, BestReply) in a matrix game, their two-act readings
// (Cooperator, Defector, TitForTat), and how a matrix game maps a classic strategy's C and D (decideActs).
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/agents/tournament.hpp"
#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/matrix_game.hpp"
#include "cybersim/core/strategy.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

using namespace cybersim;
using core::actAt;
using core::Action;

namespace
{

const core::Catalogue& catalogue()
{
    return agents::builtinCatalogue();
}

// Rock, paper, scissors with the win 1, loss -1, tie 0; rock is the (only) cooperative act.
core::MatrixGame rockPaperScissors()
{
    core::MatrixGame g;
    g.actCount = 3;
    g.payoffs.fill(0.0);
    const double a[3][3] = {{0, -1, 1}, {1, 0, -1}, {-1, 1, 0}};
    for (std::size_t r = 0; r < 3; ++r)
        for (std::size_t c = 0; c < 3; ++c)
            g.payoffs[r * core::kMaxActs + c] = a[r][c];
    g.cooperativeMask = 1;
    g.cooperateAct = actAt(0);
    g.defectAct = actAt(1);
    return g;
}

// The acts (as digits) that `player` plays over `turns` turns against a partner playing `script` (digits, cycled), the
// engine's protocol: decideActs, then the memory records each act's stance and `seen` holds the partner's last act.
std::string actsAgainst(const std::string& player, const std::vector<double>& params, const std::string& script,
                        std::size_t turns, const core::MatrixGame& game)
{
    const auto strategy = catalogue().makeStrategy(player, params);
    core::DyadMemory memory;
    Action seen = game.cooperateAct;
    std::string out;
    for (std::size_t t = 0; t < turns; ++t)
    {
        const std::uint32_t partner = 1;
        core::DecisionContext context;
        context.round = t;
        context.self = 0;
        context.partners = std::span<const std::uint32_t>(&partner, 1);
        context.game = game.restriction();
        context.matrix = &game;
        context.seen = std::span<const Action>(&seen, 1);
        Action mine = Action::Cooperate;
        core::decideActs(*strategy, std::span<core::DyadMemory>(&memory, 1), std::span<Action>(&mine, 1), context);
        const Action theirs = actAt(std::size_t(script[t % script.size()] - '0'));
        memory.record(game.stance(mine), game.stance(theirs), game.payoff(mine, theirs), game.payoff(theirs, mine));
        seen = theirs;
        out += char('0' + core::actIndex(mine));
    }
    return out;
}

std::string movesOf(const std::string& player, const std::vector<double>& params, const std::string& opponent,
                    std::uint32_t turns)
{
    return agents::playMatch(*catalogue().makeStrategy(player, params), *catalogue().makeStrategy(opponent, {}), turns)
        .movesA;
}

} // namespace

TEST_CASE("matrix strategies: exact acts in rock-paper-scissors")
{
    const auto rps = rockPaperScissors();
    SUBCASE("Pure plays its act every turn")
    {
        CHECK(actsAgainst("Pure", {0}, "012", 6, rps) == "000000");
        CHECK(actsAgainst("Pure", {2}, "012", 6, rps) == "222222");
    }
    SUBCASE("Reciprocator opens with the cooperative act, then plays the partner's last act")
    {
        CHECK(actsAgainst("Reciprocator", {}, "012", 7, rps) == "0012012");
        CHECK(actsAgainst("Reciprocator", {}, "2", 4, rps) == "0222");
        CHECK(actsAgainst("Reciprocator", {}, "1201", 6, rps) == "012011");
    }
    SUBCASE("BestReply opens with the cooperative act, then beats the partner's last act")
    {
        // Rock (0) is beaten by paper (1), paper by scissors (2), scissors by rock.
        CHECK(actsAgainst("BestReply", {}, "012", 7, rps) == "0120120");
        CHECK(actsAgainst("BestReply", {}, "2", 4, rps) == "0000");
    }
    SUBCASE("BestReply takes the lowest index on a tie")
    {
        auto flat = rps;
        flat.payoffs.fill(0.0);
        CHECK(actsAgainst("BestReply", {}, "21", 4, flat) == "0000");
    }
    SUBCASE("classic strategies: C is the first cooperative act, D the first hostile act")
    {
        // TitForTat answers any hostile act (paper or scissors) with paper, and rock with rock.
        CHECK(actsAgainst("TitForTat", {}, "0120", 8, rps) == "00110011");
        CHECK(actsAgainst("Defector", {}, "0", 3, rps) == "111");
        auto g = rps;
        g.cooperativeMask = 0b110; // paper and scissors are restraint; rock is the only hostile act
        g.cooperateAct = actAt(1);
        g.defectAct = actAt(0);
        CHECK(actsAgainst("TitForTat", {}, "0120", 8, g) == "10110011");
        CHECK(actsAgainst("Cooperator", {}, "0", 3, g) == "111");
    }
    SUBCASE("Mixed with all weight on one act plays it; its draws are keyed by (round, self, partner)")
    {
        CHECK(actsAgainst("Mixed", {0, 0, 1}, "0", 5, rps) == "22222");
        CHECK(actsAgainst("Mixed", {0, 1, 0, 1, 1, 1, 1, 1}, "0", 5, rps) == "11111"); // weights of acts 3..7 unused
        const auto first = actsAgainst("Mixed", {}, "0", 300, rps);
        CHECK(actsAgainst("Mixed", {}, "1", 300, rps) == first); // the partner's acts do not matter
        for (const char act : {'0', '1', '2'})
        {
            const double share = double(std::count(first.begin(), first.end(), act)) / 300.0;
            CAPTURE(act);
            CHECK(std::abs(share - 1.0 / 3.0) <= 3.0 * std::sqrt(2.0 / 9.0 / 300.0));
        }
    }
}

TEST_CASE("matrix strategies: in a two-act game they are Cooperator, Defector, TitForTat and Random")
{
    for (const char* opponent : {"Cooperator", "Defector", "Alternator", "TitForTat", "Grudger", "Random"})
    {
        CAPTURE(opponent);
        CHECK(movesOf("Pure", {0}, opponent, 30) == movesOf("Cooperator", {}, opponent, 30));
        CHECK(movesOf("Pure", {1}, opponent, 30) == movesOf("Defector", {}, opponent, 30));
        CHECK(movesOf("Reciprocator", {}, opponent, 30) == movesOf("TitForTat", {}, opponent, 30));
    }
    // BestReply in the prisoner's dilemma: D is the best reply to anything.
    CHECK(movesOf("BestReply", {}, "Cooperator", 6) == "CDDDDD");
    const auto mixed = movesOf("Mixed", {}, "Cooperator", 2000);
    const double share = double(std::count(mixed.begin(), mixed.end(), 'C')) / 2000.0;
    CHECK(std::abs(share - 0.5) <= 3.0 * std::sqrt(0.25 / 2000.0));
}

TEST_CASE("matrix strategies: catalogue entries, act parameters and pure doctrines")
{
    const auto* pure = catalogue().strategy("Pure");
    REQUIRE(pure != nullptr);
    REQUIRE(pure->params.size() == 1);
    CHECK(pure->params[0].kind == core::ParamKind::ActIndex);
    const auto* mixed = catalogue().strategy("Mixed");
    REQUIRE(mixed != nullptr);
    CHECK(mixed->stochastic);
    REQUIRE(mixed->params.size() == core::kMaxActs);
    CHECK(mixed->params[7].name == "w7");
    CHECK(mixed->params[7].kind == core::ParamKind::ActWeight);
    for (const char* name : {"Pure", "Mixed", "Reciprocator", "BestReply"})
    {
        CAPTURE(name);
        CHECK(catalogue().makeStrategy(name, {})->choosesActs());
        CHECK(catalogue().doctrine(std::string("strategy:") + name) != nullptr);
    }
    CHECK_FALSE(catalogue().makeStrategy("TitForTat", {})->choosesActs());

    const std::vector<std::string> acts{"restrain", "surveil", "attack"};
    const auto doctrine = catalogue().resolveDoctrine("pure:attack", acts);
    REQUIRE(doctrine.has_value());
    CHECK(doctrine->strategy == "Pure");
    CHECK(doctrine->strategyParams == std::vector<double>{2.0});
    CHECK(doctrine->surveillance == 0.0);
    CHECK_FALSE(catalogue().resolveDoctrine("pure:defend", acts).has_value());
    CHECK_FALSE(catalogue().resolveDoctrine("pure:attack", {}).has_value());
    CHECK(catalogue().resolveDoctrine("realist-hedger", acts)->strategy == "TitForTat");
}
