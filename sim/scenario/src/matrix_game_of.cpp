// SPDX-License-Identifier: MIT
// Building the engine's fixed-size matrix game from a scenario's game.actions, game.payoffs and cooperative acts.
#include "cybersim/scenario/matrix_game_of.hpp"

#include "cybersim/core/error.hpp"
#include "cybersim/scenario/scenario.hpp"

#include <algorithm>
#include <cmath>

namespace cybersim::scenario
{

core::MatrixGame matrixGameOf(const GameDef& game)
{
    const std::size_t m = game.actions.size();
    if (m < 2 || m > core::kMaxActs)
        throw ConfigError("a matrix game needs 2 to " + std::to_string(core::kMaxActs) + " acts, got " +
                          std::to_string(m));
    if (game.payoffs.size() != m)
        throw ConfigError("a matrix game of " + std::to_string(m) + " acts needs " + std::to_string(m) +
                          " rows of payoffs, got " + std::to_string(game.payoffs.size()));
    core::MatrixGame g;
    g.actCount = m;
    g.payoffs.fill(0.0);
    for (std::size_t r = 0; r < m; ++r)
    {
        if (game.payoffs[r].size() != m)
            throw ConfigError("row " + std::to_string(r) + " of the payoffs has " +
                              std::to_string(game.payoffs[r].size()) + " values, expected " + std::to_string(m));
        for (std::size_t c = 0; c < m; ++c)
        {
            if (!std::isfinite(game.payoffs[r][c]))
                throw ConfigError("the payoffs must be finite numbers");
            g.payoffs[r * core::kMaxActs + c] = game.payoffs[r][c];
        }
    }
    g.cooperativeMask = 0;
    if (game.cooperativeActions.empty())
        g.cooperativeMask = 1; // the default: the first act
    for (const auto& name : game.cooperativeActions)
    {
        const auto it = std::find(game.actions.begin(), game.actions.end(), name);
        if (it == game.actions.end())
            throw ConfigError("cooperative act '" + name + "' is not an act of the game");
        g.cooperativeMask |= 1U << static_cast<unsigned>(it - game.actions.begin());
    }
    if (g.cooperativeMask == (1U << m) - 1)
        throw ConfigError("a matrix game needs at least one hostile act");
    std::size_t first = 0, hostile = 0;
    while (!g.isCooperative(core::actAt(first)))
        ++first;
    while (g.isCooperative(core::actAt(hostile)))
        ++hostile;
    g.cooperateAct = core::actAt(first);
    g.defectAct = core::actAt(hostile);
    return g;
}

} // namespace cybersim::scenario
