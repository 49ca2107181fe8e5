// SPDX-License-Identifier: MIT
// Explicit registration of every built-in strategy and doctrine (STYLE B: no self-registering statics).
#pragma once

#include "cybersim/core/catalogue.hpp"

namespace cybersim::agents
{

/// Adds every built-in strategy and cyber doctrine to `catalogue`.
void registerBuiltins(core::Catalogue& catalogue);

/// A catalogue holding the built-ins, built once and shared (read-only) by every caller.
[[nodiscard]] const core::Catalogue& builtinCatalogue();

} // namespace cybersim::agents
