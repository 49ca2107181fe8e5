// SPDX-License-Identifier: MIT
// Explicit registration of every built-in strategy and doctrine (STYLE B: no self-registering statics).
#pragma once

#include "cybersim/sim/catalogue.hpp"

namespace cybersim::agents
{

/// Adds every built-in strategy and cyber doctrine to `catalogue`.
void registerBuiltins(sim::Catalogue& catalogue);

/// A catalogue holding the built-ins, built once and shared (read-only) by every caller.
[[nodiscard]] const sim::Catalogue& builtinCatalogue();

} // namespace cybersim::agents
