// SPDX-License-Identifier: MIT
// The engine's fixed-size matrix game built from a scenario's game section (game.kind = "matrix").
#pragma once

#include "cybersim/core/matrix_game.hpp"
#include "cybersim/scenario/scenario.hpp"

namespace cybersim::scenario
{

/// The matrix game of a validated scenario game with kind = matrix: game.actions, game.payoffs (rows = own act) and
/// game.cooperative_actions (empty: the first act).
/// @throws ConfigError when the definition is not a valid matrix game (a validated scenario's never is)
[[nodiscard]] core::MatrixGame matrixGameOf(const GameDef& game);

} // namespace cybersim::scenario
