// SPDX-License-Identifier: MIT
// Round-robin tournaments of repeated-game strategies (Axelrod 1980), deterministic at any thread count.
#pragma once

#include "cybersim/core/payoff_matrix.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cybersim::core
{
class Catalogue;
class Strategy;
} // namespace cybersim::core

namespace cybersim::agents
{

/// A round robin: every player meets every player, its own twin included, `repetitions` times.
struct TournamentDef
{
    std::vector<std::string> players;              // catalogue strategy names, in the order results are indexed
    std::vector<std::vector<double>> playerParams; // parameters per player; empty (or a missing entry) = defaults
    std::uint32_t turns = 200;                     // moves per match, >= 1; known to the strategies; default 200
    std::uint32_t repetitions = 5;                 // times the whole round robin is played, >= 1; default 5
    double noise = 0.0;        // probability each move is flipped after it is chosen (implementation noise), [0,1]
    std::uint64_t seed = 0;    // master seed; the match of players i <= j draws from deriveSeed(seed, i * n + j)
    core::PayoffMatrix game;   // the stage game; Axelrod's R=3, S=0, T=5, P=1 by default
    bool countSelfPlay = true; // rank with the match against the own twin (Axelrod 1980 did; Axelrod-Python does not)
};

/// One player's place in the ranking.
struct RankEntry
{
    std::size_t player = 0;        // index into TournamentDef::players
    std::string name;              // its strategy name
    double meanScorePerTurn = 0.0; // over all its matches and repetitions counted for ranking
    double cooperationRate = 0.0;  // share of its moves (as played, after noise) that were C, same matches
};

/// Every match's outcome, indexed by (player, opponent, repetition).
struct TournamentResult
{
    std::vector<std::string> players;        // as in the definition
    std::uint32_t turns = 0;                 // moves per match
    std::uint32_t repetitions = 0;           // repetitions of the round robin
    std::vector<double> scores;              // total payoff of `player` in its match with `opponent`; see index()
    std::vector<std::uint32_t> cooperations; // moves of `player` that were C in that match, after noise
    // Self-play has two seats but one (player, player) slot: scores and cooperations hold the first seat's figures,
    // these the second seat's, indexed by player * repetitions + repetition.
    std::vector<double> twinScores;
    std::vector<std::uint32_t> twinCooperations;
    std::vector<RankEntry> ranking; // by mean score per turn, best first; ties by player index

    /// Flat index of (player, opponent, repetition) into scores and cooperations.
    [[nodiscard]] std::size_t index(std::size_t player, std::size_t opponent, std::size_t repetition) const noexcept
    {
        return (player * players.size() + opponent) * repetitions + repetition;
    }
    /// Total payoff of `player` against `opponent` in one repetition. Against its own twin: the first seat's score.
    /// @throws std::out_of_range for an index outside the tournament
    [[nodiscard]] double score(std::size_t player, std::size_t opponent, std::size_t repetition) const
    {
        return scores.at(index(player, opponent, repetition));
    }
    /// Sum of `player`'s match scores in one repetition, with or without the match against its own twin.
    /// @throws std::out_of_range for an index outside the tournament
    [[nodiscard]] double totalScore(std::size_t player, std::size_t repetition, bool includeSelfPlay) const;
};

/// The two move strings and scores of one match.
struct MatchResult
{
    std::string movesA;  // 'C'/'D' per turn, as played (after noise)
    std::string movesB;  // the same for seat B
    double scoreA = 0.0; // total payoff of seat A
    double scoreB = 0.0; // total payoff of seat B
};

/// Plays one match of `turns` moves; seat A is player 0 and seat B player 1 for the random draws.
/// @param noise probability that each chosen move is flipped, [0,1]
/// @throws ConfigError when noise is outside [0,1]
[[nodiscard]] MatchResult playMatch(const core::Strategy& a, const core::Strategy& b, std::uint32_t turns,
                                    const core::PayoffMatrix& game = {}, double noise = 0.0, std::uint64_t seed = 0);

/// Runs the round robin. `threads` = 0 uses oneTBB's default; the result is the same for every thread count.
/// @throws ConfigError for an unknown strategy, bad parameters, zero turns or repetitions, or noise outside [0,1].
[[nodiscard]] TournamentResult runTournament(const TournamentDef& def, const core::Catalogue& catalogue,
                                             std::size_t threads = 0);

} // namespace cybersim::agents
