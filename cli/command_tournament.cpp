// SPDX-License-Identifier: MIT
// `cybersim tournament`: an Axelrod-style round robin of named strategies, its ranking and optional CSV outputs.
#include "commands.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/agents/tournament.hpp"
#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/records/run_record.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace cybersim::cli
{

namespace
{

std::vector<std::string> splitPlayers(const std::vector<std::string>& raw)
{
    std::vector<std::string> players;
    for (const auto& item : raw)
    {
        std::stringstream ss(item);
        for (std::string name; std::getline(ss, name, ',');)
        {
            const auto first = name.find_first_not_of(" \t");
            const auto last = name.find_last_not_of(" \t");
            if (first != std::string::npos)
                players.push_back(name.substr(first, last - first + 1));
        }
    }
    return players;
}

// Shortest exact decimal text of a score: totals are sums of small payoffs, so integers print without a fraction.
std::string number(double value)
{
    std::ostringstream out;
    out.precision(17);
    out << value;
    return out.str();
}

std::string matchesCsv(const agents::TournamentResult& r)
{
    std::ostringstream out;
    out << "player,opponent,repetition,player_score,opponent_score,player_cooperations,opponent_cooperations\n";
    for (std::size_t p = 0; p < r.players.size(); ++p)
        for (std::size_t o = 0; o < r.players.size(); ++o)
            for (std::size_t rep = 0; rep < r.repetitions; ++rep)
            {
                const auto pi = r.index(p, o, rep);
                const auto oi = r.index(o, p, rep);
                // Self-play: the opponent is the second seat, whose figures are kept apart from the first seat's.
                const auto twin = p * r.repetitions + rep;
                const double opponentScore = p == o ? r.twinScores[twin] : r.scores[oi];
                const auto opponentCooperations = p == o ? r.twinCooperations[twin] : r.cooperations[oi];
                out << r.players[p] << ',' << r.players[o] << ',' << rep << ',' << number(r.scores[pi]) << ','
                    << number(opponentScore) << ',' << r.cooperations[pi] << ',' << opponentCooperations << '\n';
            }
    return out.str();
}

std::string rankingCsv(const agents::TournamentResult& r)
{
    std::ostringstream out;
    out << "rank,player,mean_score_per_turn,cooperation_rate\n";
    for (std::size_t place = 0; place < r.ranking.size(); ++place)
    {
        const auto& e = r.ranking[place];
        out << place + 1 << ',' << e.name << ',' << number(e.meanScorePerTurn) << ',' << number(e.cooperationRate)
            << '\n';
    }
    return out.str();
}

} // namespace

int tournamentCommand(const TournamentOptions& options)
{
    const auto& catalogue = agents::builtinCatalogue();
    agents::TournamentDef def;
    def.players = splitPlayers(options.players);
    if (def.players.empty())
    {
        std::cerr << "error: --players is empty, expected a comma-separated list of strategy names\n";
        return kExitBadInput;
    }
    std::vector<std::string> known;
    for (const auto* s : catalogue.strategies())
        known.push_back(s->name);
    bool bad = false;
    for (const auto& name : def.players)
        if (catalogue.strategy(name) == nullptr)
        {
            std::cerr << "error: --players: unknown strategy '" << name << "'";
            if (const auto guess = core::suggestNearest(name, known))
                std::cerr << "; did you mean '" << *guess << "'?";
            std::cerr << '\n';
            bad = true;
        }
    if (bad)
    {
        std::cerr << "(see `cybersim list` for every strategy)\n";
        return kExitBadInput;
    }
    def.turns = options.turns;
    def.repetitions = options.repetitions;
    def.noise = options.noise;
    def.seed = options.seed;
    def.countSelfPlay = !options.excludeSelfPlay;

    agents::TournamentResult result;
    const auto start = std::chrono::steady_clock::now();
    try
    {
        result = agents::runTournament(def, catalogue, static_cast<std::size_t>(options.threads));
    }
    catch (const ConfigError& e)
    {
        std::cerr << "error: " << e.what() << '\n';
        return kExitBadInput;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // Turns of play, each match counted once (the twin match included): n (n + 1) / 2 matches per repetition.
    const double n = static_cast<double>(def.players.size());
    const double turns = n * (n + 1.0) / 2.0 * def.repetitions * def.turns;

    if (!options.quiet)
    {
        std::printf("Round robin of %zu players, %u turns, %u repetitions, noise %g, seed %llu, self-play %s\n",
                    def.players.size(), def.turns, def.repetitions, def.noise,
                    static_cast<unsigned long long>(def.seed), def.countSelfPlay ? "counted" : "played, not counted");
        std::printf("%4s  %-30s %14s %12s\n", "rank", "player", "score/turn", "cooperation");
        for (std::size_t place = 0; place < result.ranking.size(); ++place)
        {
            const auto& e = result.ranking[place];
            std::printf("%4zu  %-30s %14.4f %12.3f\n", place + 1, e.name.c_str(), e.meanScorePerTurn,
                        e.cooperationRate);
        }
        std::printf("%.0f turns in %.3f s (%.3g turns/s)\n", turns, seconds, seconds > 0 ? turns / seconds : 0.0);
    }
    if (!options.out.empty())
    {
        try
        {
            std::error_code error;
            std::filesystem::create_directories(options.out, error);
            if (error)
                throw ConfigError("cannot create folder '" + options.out + "': " + error.message());
            records::writeFileAtomically(std::filesystem::path(options.out) / "matches.csv", matchesCsv(result));
            records::writeFileAtomically(std::filesystem::path(options.out) / "ranking.csv", rankingCsv(result));
        }
        catch (const Error& e)
        {
            std::cerr << "error: " << e.what() << '\n';
            return kExitRuntime;
        }
        if (!options.quiet)
            std::printf("wrote %s/matches.csv and ranking.csv\n", options.out.c_str());
    }
    return kExitOk;
}

} // namespace cybersim::cli
