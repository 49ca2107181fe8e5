// SPDX-License-Identifier: MIT
// Round-robin tournaments: matches in parallel, all repetitions of a match batched into one decide() per turn.
#include "cybersim/agents/tournament.hpp"

#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/core/rng.hpp"
#include "cybersim/core/strategy.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <span>
#include <utility>

namespace cybersim::agents
{
namespace
{

using core::Action;
using core::DyadMemory;

// Plays `memoryA.size()` independent repetitions of one match side by side. Draws are keyed by (turn, seat,
// repetition) under the match's generator, so a repetition's numbers do not depend on how many are batched.
// `trace`, when given, receives the moves of repetition 0.
void playBatch(const core::Strategy& a, const core::Strategy& b, std::uint32_t turns, const core::PayoffMatrix& game,
               double noise, const core::CounterRng& rng, std::span<DyadMemory> memoryA, std::span<DyadMemory> memoryB,
               std::span<std::uint32_t> cooperationsA, std::span<std::uint32_t> cooperationsB, MatchResult* trace)
{
    const std::size_t reps = memoryA.size();
    std::vector<std::uint32_t> repIds(reps);
    std::iota(repIds.begin(), repIds.end(), 0U);
    std::vector<Action> movesA(reps), movesB(reps);

    core::DecisionContext contextA;
    contextA.rng = rng;
    contextA.self = 0;
    contextA.partners = repIds;
    contextA.game = game;
    contextA.matchLength = turns;
    core::DecisionContext contextB = contextA;
    contextB.self = 1;

    for (std::uint32_t turn = 0; turn < turns; ++turn)
    {
        contextA.round = turn;
        contextB.round = turn;
        a.decide(memoryA, movesA, contextA);
        b.decide(memoryB, movesB, contextB);
        for (std::size_t r = 0; r < reps; ++r)
        {
            Action x = movesA[r];
            Action y = movesB[r];
            if (noise > 0.0)
            {
                if (rng.uniform(turn, 0, r, core::Purpose::ImplementNoise) < noise)
                    x = x == Action::Cooperate ? Action::Defect : Action::Cooperate;
                if (rng.uniform(turn, 1, r, core::Purpose::ImplementNoise) < noise)
                    y = y == Action::Cooperate ? Action::Defect : Action::Cooperate;
            }
            const double payoffA = game.payoff(x, y);
            const double payoffB = game.payoff(y, x);
            memoryA[r].record(x, y, payoffA, payoffB);
            memoryB[r].record(y, x, payoffB, payoffA);
            cooperationsA[r] += x == Action::Cooperate ? 1U : 0U;
            cooperationsB[r] += y == Action::Cooperate ? 1U : 0U;
            if (trace != nullptr && r == 0)
            {
                trace->movesA.push_back(core::toChar(x));
                trace->movesB.push_back(core::toChar(y));
            }
        }
    }
}

void checkNoise(double noise)
{
    if (!(noise >= 0.0 && noise <= 1.0))
        throw ConfigError("noise is " + std::to_string(noise) + ", expected in [0, 1]");
}

} // namespace

double TournamentResult::totalScore(std::size_t player, std::size_t repetition, bool includeSelfPlay) const
{
    double total = 0.0;
    for (std::size_t opponent = 0; opponent < players.size(); ++opponent)
        if (includeSelfPlay || opponent != player)
            total += score(player, opponent, repetition);
    return total;
}

MatchResult playMatch(const core::Strategy& a, const core::Strategy& b, std::uint32_t turns,
                      const core::PayoffMatrix& game, double noise, std::uint64_t seed)
{
    checkNoise(noise);
    MatchResult result;
    result.movesA.reserve(turns);
    result.movesB.reserve(turns);
    DyadMemory memoryA, memoryB;
    std::uint32_t cooperationsA = 0, cooperationsB = 0;
    playBatch(a, b, turns, game, noise, core::CounterRng(seed), {&memoryA, 1}, {&memoryB, 1}, {&cooperationsA, 1},
              {&cooperationsB, 1}, &result);
    result.scoreA = memoryA.ownScore;
    result.scoreB = memoryB.ownScore;
    return result;
}

TournamentResult runTournament(const TournamentDef& def, const core::Catalogue& catalogue, std::size_t threads)
{
    if (def.turns == 0)
        throw ConfigError("turns is 0, expected >= 1");
    if (def.repetitions == 0)
        throw ConfigError("repetitions is 0, expected >= 1");
    if (def.playerParams.size() > def.players.size())
        throw ConfigError("playerParams has " + std::to_string(def.playerParams.size()) +
                          " entries, expected at most " + std::to_string(def.players.size()));
    checkNoise(def.noise);

    const std::size_t n = def.players.size();
    std::vector<std::unique_ptr<core::Strategy>> strategies;
    strategies.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
    {
        const std::vector<double> none;
        strategies.push_back(
            catalogue.makeStrategy(def.players[i], i < def.playerParams.size() ? def.playerParams[i] : none));
    }

    TournamentResult result;
    result.players = def.players;
    result.turns = def.turns;
    result.repetitions = def.repetitions;
    result.scores.assign(n * n * def.repetitions, 0.0);
    result.cooperations.assign(n * n * def.repetitions, 0U);
    result.twinScores.assign(n * def.repetitions, 0.0);
    result.twinCooperations.assign(n * def.repetitions, 0U);

    std::vector<std::pair<std::size_t, std::size_t>> matches;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i; j < n; ++j)
            matches.emplace_back(i, j);

    const std::size_t reps = def.repetitions;
    auto playRange = [&](const tbb::blocked_range<std::size_t>& range)
    {
        std::vector<DyadMemory> memoryA(reps), memoryB(reps);
        std::vector<std::uint32_t> cooperationsA(reps), cooperationsB(reps);
        for (std::size_t m = range.begin(); m != range.end(); ++m)
        {
            const auto [i, j] = matches[m];
            std::fill(memoryA.begin(), memoryA.end(), DyadMemory{});
            std::fill(memoryB.begin(), memoryB.end(), DyadMemory{});
            std::fill(cooperationsA.begin(), cooperationsA.end(), 0U);
            std::fill(cooperationsB.begin(), cooperationsB.end(), 0U);
            const core::CounterRng rng(core::deriveSeed(def.seed, i * n + j));
            playBatch(*strategies[i], *strategies[j], def.turns, def.game, def.noise, rng, memoryA, memoryB,
                      cooperationsA, cooperationsB, nullptr);
            for (std::size_t r = 0; r < reps; ++r)
            {
                result.scores[result.index(i, j, r)] = memoryA[r].ownScore;
                result.cooperations[result.index(i, j, r)] = cooperationsA[r];
                if (i != j)
                {
                    result.scores[result.index(j, i, r)] = memoryB[r].ownScore;
                    result.cooperations[result.index(j, i, r)] = cooperationsB[r];
                }
                else
                {
                    result.twinScores[i * reps + r] = memoryB[r].ownScore;
                    result.twinCooperations[i * reps + r] = cooperationsB[r];
                }
            }
        }
    };
    const tbb::blocked_range<std::size_t> all(0, matches.size());
    if (threads > 0)
    {
        tbb::task_arena arena(static_cast<int>(threads));
        arena.execute([&] { tbb::parallel_for(all, playRange); });
    }
    else
    {
        tbb::parallel_for(all, playRange);
    }

    // Combine in index order so the ranking is the same whatever the schedule (STYLE F).
    for (std::size_t p = 0; p < n; ++p)
    {
        double total = 0.0;
        double cooperations = 0.0;
        std::size_t games = 0;
        for (std::size_t o = 0; o < n; ++o)
        {
            if (o == p && !def.countSelfPlay)
                continue;
            for (std::size_t r = 0; r < reps; ++r)
            {
                total += result.scores[result.index(p, o, r)];
                cooperations += result.cooperations[result.index(p, o, r)];
            }
            games += reps;
        }
        const double moves = static_cast<double>(games) * def.turns;
        result.ranking.push_back(
            {p, def.players[p], games > 0 ? total / moves : 0.0, games > 0 ? cooperations / moves : 0.0});
    }
    std::stable_sort(result.ranking.begin(), result.ranking.end(),
                     [](const RankEntry& x, const RankEntry& y) { return x.meanScorePerTurn > y.meanScorePerTurn; });
    return result;
}

} // namespace cybersim::agents
