// SPDX-License-Identifier: MIT
// Exact moves and scores of Axelrod-Python's strategy tests and two of its small tournaments (CANONICAL.md §2).
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/agents/tournament.hpp"
#include "cybersim/scenario/data_locator.hpp"

#include "mock_player.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace cybersim;

namespace
{

std::vector<std::vector<std::string>> readTsv(const std::string& path)
{
    std::ifstream in(path);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line))
    {
        if (line.empty())
            continue;
        std::vector<std::string> fields;
        std::stringstream ss(line);
        std::string field;
        while (std::getline(ss, field, '\t'))
            fields.push_back(field);
        rows.push_back(std::move(fields));
    }
    return rows;
}

// A reference table of validation/data, found as `cybersim validate` finds it.
std::string referenceTable(const char* name)
{
    return (scenario::DataLocator::forThisProgram().validationDir() / name).string();
}

std::unique_ptr<core::Strategy> makePlayer(const std::string& name)
{
    constexpr std::string_view kMock = "MockPlayer:";
    if (name.starts_with(kMock))
        return std::make_unique<test::MockPlayer>(name.substr(kMock.size()));
    return agents::builtinCatalogue().makeStrategy(name, {});
}

} // namespace

TEST_CASE("axelrod peer vectors: every match of axelrod_peer_vectors.tsv is reproduced exactly")
{
    const auto rows = readTsv(referenceTable("axelrod_peer_vectors.tsv"));
    REQUIRE(rows.size() == 48);
    int matched = 0;
    for (const auto& row : rows)
    {
        REQUIRE(row.size() >= 8);
        INFO(row[0] << " " << row[1] << " vs " << row[2]);
        const auto player = makePlayer(row[1]);
        const auto opponent = makePlayer(row[2]);
        const auto turns = static_cast<std::uint32_t>(std::stoul(row[3]));
        const auto result = agents::playMatch(*player, *opponent, turns);
        CHECK(result.movesA == row[4]);
        CHECK(result.movesB == row[5]);
        CHECK(result.scoreA == std::stod(row[6]));
        CHECK(result.scoreB == std::stod(row[7]));
        if (result.movesA == row[4] && result.movesB == row[5] && result.scoreA == std::stod(row[6]) &&
            result.scoreB == std::stod(row[7]))
            ++matched;
    }
    MESSAGE("peer vectors matched: " << matched << " / " << rows.size());
    CHECK(matched == 48);
}

TEST_CASE("axelrod peer vectors: the small tournaments give Axelrod-Python's totals, self-play excluded")
{
    const auto rows = readTsv(referenceTable("axelrod_peer_small_tournaments.tsv"));
    REQUIRE(rows.size() == 8);
    for (const auto& row : rows)
    {
        REQUIRE(row.size() >= 4);
        INFO(row[0] << " : " << row[2]);
        agents::TournamentDef def;
        std::stringstream ss(row[0]);
        for (std::string name; std::getline(ss, name, ',');)
            def.players.push_back(name);
        def.turns = static_cast<std::uint32_t>(std::stoul(row[1]));
        def.repetitions = 3;
        def.seed = 1;
        const auto result = agents::runTournament(def, agents::builtinCatalogue());
        std::size_t player = def.players.size();
        for (std::size_t i = 0; i < def.players.size(); ++i)
            if (def.players[i] == row[2])
                player = i;
        REQUIRE(player < def.players.size());
        for (std::size_t r = 0; r < def.repetitions; ++r)
            CHECK(result.totalScore(player, r, false) == std::stod(row[3]));
    }
}
