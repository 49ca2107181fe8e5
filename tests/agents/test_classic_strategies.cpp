// SPDX-License-Identifier: MIT
// Exact moves of each classic strategy against Cooperator, Defector and Alternator, and per-strategy edge cases.
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/agents/tournament.hpp"
#include "cybersim/core/error.hpp"

#include "mock_player.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

using namespace cybersim;

namespace
{

const core::Catalogue& catalogue()
{
    return agents::builtinCatalogue();
}

std::unique_ptr<core::Strategy> make(const std::string& name, const std::vector<double>& params = {})
{
    if (name.starts_with("MockPlayer:"))
        return std::make_unique<test::MockPlayer>(name.substr(11));
    return catalogue().makeStrategy(name, params);
}

// Moves of `player` (with `params`) against `opponent` over `turns` moves.
std::string movesOf(const std::string& player, const std::string& opponent, std::uint32_t turns,
                    const std::vector<double>& params = {}, const core::PayoffMatrix& game = {})
{
    return agents::playMatch(*make(player, params), *make(opponent), turns, game).movesA;
}

double cooperationRate(const std::string& moves)
{
    double c = 0;
    for (const char m : moves)
        c += m == 'C' ? 1 : 0;
    return c / static_cast<double>(moves.size());
}

struct Expected
{
    const char* player;
    const char* vsCooperator;
    const char* vsDefector;
    const char* vsAlternator;
};

} // namespace

TEST_CASE("classic strategies: exact moves against Cooperator, Defector and Alternator")
{
    const Expected table[] = {
        {"Cooperator", "CCCCCCCC", "CCCCCCCC", "CCCCCCCC"},
        {"Defector", "DDDDDDDD", "DDDDDDDD", "DDDDDDDD"},
        {"TitForTat", "CCCCCCCC", "CDDDDDDD", "CCDCDCDC"},
        {"TitFor2Tats", "CCCCCCCC", "CCDDDDDD", "CCCCCCCC"},
        {"TitForTwoTats", "CCCCCCCC", "CCDDDDDD", "CCCCCCCC"},
        {"TwoTitsForTat", "CCCCCCCC", "CDDDDDDD", "CCDDDDDD"},
        {"HardTitForTat", "CCCCCCCC", "CDDDDDDD", "CCDDDDDD"},
        {"HardTitFor2Tats", "CCCCCCCC", "CCDDDDDD", "CCCCCCCC"},
        {"SuspiciousTitForTat", "DCCCCCCC", "DDDDDDDD", "DCDCDCDC"},
        {"AntiTitForTat", "CDDDDDDD", "CCCCCCCC", "CDCDCDCD"},
        {"Bully", "DDDDDDDD", "DCCCCCCC", "DDCDCDCD"},
        {"SneakyTitForTat", "CCDDDDDD", "CCDDCCDD", "CCDCCCDC"},
        {"Grudger", "CCCCCCCC", "CDDDDDDD", "CCDDDDDD"},
        {"OppositeGrudger", "DCCCCCCC", "DDDDDDDD", "DCCCCCCC"},
        {"Alternator", "CDCDCDCD", "CDCDCDCD", "CDCDCDCD"},
        {"CyclerDC", "DCDCDCDC", "DCDCDCDC", "DCDCDCDC"},
        {"WinStayLoseShift", "CCCCCCCC", "CDCDCDCD", "CCDDCCDD"},
        {"WinShiftLoseStay", "DCDCDCDC", "DDDDDDDD", "DCCDDCCD"},
        {"GoByMajority", "CCCCCCCC", "CDDDDDDD", "CCCCCCCC"},
        {"Prober", "DCCDDDDD", "DCCDDDDD", "DCCCDCDC"},
        {"Gradual", "CCCCCCCC", "CDCCDDDD", "CCDCCCDD"},
        {"GTFT", "CCCCCCCC", nullptr, nullptr}, // stochastic after a D: see the stochastic test case
        {"GenerousTitForTat", "CCCCCCCC", nullptr, nullptr},
        {"MemoryOne", "CCCCCCCC", "CDCDCDCD", "CCDDCCDD"},
        {"FirstByDavis", "CCCCCCCC", "CCCCCCCC", "CCCCCCCC"},
        {"FirstByShubik", "CCCCCCCC", "CDCDDCDD", "CCDCDDCC"},
        {"FirstByNydegger", "CCCCCCCC", "CDDCCCCC", "CCDCDCDC"},
        {"FirstByDowning", "DDCDDDDD", "DDDDDDDD", "DDCDDDDD"},
    };
    for (const auto& row : table)
    {
        INFO(std::string(row.player));
        CHECK(movesOf(row.player, "Cooperator", 8) == row.vsCooperator);
        if (row.vsDefector != nullptr)
            CHECK(movesOf(row.player, "Defector", 8) == row.vsDefector);
        if (row.vsAlternator != nullptr)
            CHECK(movesOf(row.player, "Alternator", 8) == row.vsAlternator);
    }
}

TEST_CASE("classic strategies: edge cases")
{
    SUBCASE("TitFor2Tats needs two consecutive defections")
    {
        CHECK(movesOf("TitFor2Tats", "MockPlayer:DCDCDDCC", 8) == "CCCCCCDC");
    }
    SUBCASE("TwoTitsForTat answers one defection with two")
    {
        CHECK(movesOf("TwoTitsForTat", "MockPlayer:CDCCCC", 6) == "CCDDCC");
    }
    SUBCASE("Gradual: the n-th defection is punished n times, then two calm cooperations")
    {
        // Partner defects on moves 1 and 6: one D then CC; later two Ds then CC.
        CHECK(movesOf("Gradual", "MockPlayer:DCCCCDCCCCCCC", 11) == "CDCCCCDDCCC");
        // Against Defector the n-th punishment block has n defections (1, 4, 9+ counted over the whole match).
        CHECK(movesOf("Gradual", "Defector", 12) == "CDCCDDDDCCDD");
        // A defection during the calm phase is not answered, but it counts toward the next punishment's length.
        CHECK(movesOf("Gradual", "MockPlayer:DCDCCCDCCCCCC", 12) == "CDCCCCCDDDCC");
    }
    SUBCASE("Grudger never forgives")
    {
        CHECK(movesOf("Grudger", "MockPlayer:DCCCCC", 6) == "CDDDDD");
    }
    SUBCASE("GoByMajority cooperates on ties and defects on a strict majority of defections")
    {
        CHECK(movesOf("GoByMajority", "MockPlayer:DCDDCC", 8) == "CDCDDDCD");
    }
    SUBCASE("Prober exploits a partner that did not answer its opening defection")
    {
        CHECK(movesOf("Prober", "TitForTat", 8) == "DCCCCCCC");
        CHECK(movesOf("Prober", "MockPlayer:CCCDCCCC", 8) == "DCCDDDDD");
    }
    SUBCASE("MemoryOne with parameters")
    {
        CHECK(movesOf("MemoryOne", "Alternator", 8, {1, 0, 1, 0, 1}) == "CCDCDCDC"); // tit for tat
        CHECK(movesOf("MemoryOne", "Cooperator", 8, {0, 0, 0, 0, 0}) == "DDDDDDDD");
        CHECK(movesOf("MemoryOne", "Cooperator", 4, {1, 1, 1, 1, 0}) == "DCCC");
    }
    SUBCASE("GTFT with p = 0 is tit for tat and with p = 1 never retaliates")
    {
        CHECK(movesOf("GTFT", "Defector", 6, {0.0}) == "CDDDDD");
        CHECK(movesOf("GTFT", "Defector", 6, {1.0}) == "CCCCCC");
    }
    SUBCASE("FirstByDavis turns Grudger after ten moves")
    {
        CHECK(movesOf("FirstByDavis", "MockPlayer:DCCCCCCCCCCC", 12) == "CCCCCCCCCCDD");
    }
    SUBCASE("FirstByTidemanAndChieruzzi and FirstBySteinAndRapoport defect on the last two moves")
    {
        CHECK(movesOf("FirstByTidemanAndChieruzzi", "Cooperator", 10) == "CCCCCCCCDD");
        CHECK(movesOf("FirstBySteinAndRapoport", "Cooperator", 10) == "CCCCCCCCDD");
    }
    SUBCASE("FirstByTidemanAndChieruzzi lengthens each retaliation by one")
    {
        // Partner defects on moves 1 and 4: retaliation of 1 then of 2.
        CHECK(movesOf("FirstByTidemanAndChieruzzi", "MockPlayer:DCCDCCCCCCCCCCCCCCCC", 20).substr(0, 8) == "CDCCDDCC");
    }
    SUBCASE("FirstByGraaskamp plays tit for tat with a probe on move 51")
    {
        const auto moves = movesOf("FirstByGraaskamp", "TitForTat", 80);
        CHECK(moves.substr(0, 50) == std::string(50, 'C'));
        CHECK(moves[50] == 'D');
        CHECK(moves.substr(51, 1) == "C");
        CHECK(moves[52] == 'D'); // tit for tat answering TitForTat's retaliation
    }
    SUBCASE("FirstByNydegger defects on move 3 after the partner's D, C opening")
    {
        CHECK(movesOf("FirstByNydegger", "MockPlayer:DCC", 3) == "CDD");
    }
}

TEST_CASE("classic strategies: stochastic rules draw with the stated probabilities")
{
    constexpr std::uint32_t kTurns = 100000;
    SUBCASE("Random cooperates with probability p")
    {
        CHECK(cooperationRate(movesOf("Random", "Cooperator", kTurns)) == doctest::Approx(0.5).epsilon(0.01));
        CHECK(cooperationRate(movesOf("Random", "Cooperator", kTurns, {0.2})) == doctest::Approx(0.2).epsilon(0.03));
    }
    SUBCASE("GTFT's default generosity comes from the game: 1/3 for Axelrod's payoffs, 2/3 for T = 4")
    {
        const auto standard = movesOf("GTFT", "Defector", kTurns);
        CHECK(cooperationRate(standard.substr(1)) == doctest::Approx(1.0 / 3.0).epsilon(0.02));
        const core::PayoffMatrix mild{3.0, 0.0, 4.0, 1.0};
        const auto generous = movesOf("GTFT", "Defector", kTurns, {}, mild);
        CHECK(cooperationRate(generous.substr(1)) == doctest::Approx(2.0 / 3.0).epsilon(0.02));
        // It always cooperates after a partner's cooperation: Alternator cooperates on even turns (0-based), so GTFT
        // cooperates on every odd one.
        const auto alternating = movesOf("GTFT", "Alternator", 1000);
        bool answeredEveryC = alternating[0] == 'C';
        for (std::size_t t = 1; t < alternating.size(); t += 2)
            answeredEveryC = answeredEveryC && alternating[t] == 'C';
        CHECK(answeredEveryC);
        CHECK(cooperationRate(alternating) == doctest::Approx(0.5 + 0.5 / 3.0).epsilon(0.05));
    }
    SUBCASE("ZDExtortion enforces own - P = chi (partner - P) (Press and Dyson 2012)")
    {
        for (const char* opponent : {"Cooperator", "Random", "TitForTat", "WinStayLoseShift"})
        {
            INFO(opponent);
            const auto match = agents::playMatch(*make("ZDExtortion"), *make(opponent), 1000000);
            const double own = match.scoreA / 1.0e6, partner = match.scoreB / 1.0e6;
            CHECK(std::abs((own - 1.0) - 10.0 * (partner - 1.0)) < 0.25);
        }
        // Against Cooperator the chain on {CC, DC} gives P(C) = p3 / (1 - p1 + p3) = 0.28 / 0.64.
        const auto match = agents::playMatch(*make("ZDExtortion"), *make("Cooperator"), 200000);
        CHECK(cooperationRate(match.movesA) == doctest::Approx(0.4375).epsilon(0.02));
    }
    SUBCASE("FirstByJoss cooperates 90% after a cooperation")
    {
        CHECK(cooperationRate(movesOf("FirstByJoss", "Cooperator", kTurns)) == doctest::Approx(0.9).epsilon(0.01));
    }
    SUBCASE("FirstByAnonymous cooperates half the time on average")
    {
        CHECK(cooperationRate(movesOf("FirstByAnonymous", "Cooperator", kTurns)) == doctest::Approx(0.5).epsilon(0.02));
    }
}

TEST_CASE("classic strategies: the catalogue holds every name and alias, and checks parameters")
{
    for (const char* name : {"Cooperator",
                             "Defector",
                             "TitForTat",
                             "TitFor2Tats",
                             "TitForTwoTats",
                             "TwoTitsForTat",
                             "HardTitForTat",
                             "SuspiciousTitForTat",
                             "GTFT",
                             "GenerousTitForTat",
                             "Grudger",
                             "WinStayLoseShift",
                             "Alternator",
                             "Random",
                             "MemoryOne",
                             "ZDExtortion",
                             "GoByMajority",
                             "Prober",
                             "Gradual",
                             "FirstByTidemanAndChieruzzi",
                             "FirstByNydegger",
                             "FirstByGrofman",
                             "FirstByShubik",
                             "FirstBySteinAndRapoport",
                             "FirstByDavis",
                             "FirstByGraaskamp",
                             "FirstByDowning",
                             "FirstByFeld",
                             "FirstByJoss",
                             "FirstByTullock",
                             "FirstByAnonymous"})
    {
        INFO(name);
        CHECK(catalogue().strategy(name) != nullptr);
    }
    CHECK_THROWS_WITH_AS((void)catalogue().makeStrategy("Random", {1.5}), doctest::Contains("parameter p is 1.5"),
                         ConfigError);
    CHECK_THROWS_WITH_AS((void)catalogue().makeStrategy("ZDExtortion", {0.5}), doctest::Contains("parameter chi"),
                         ConfigError);
}
