// SPDX-License-Identifier: MIT
// The cyber doctrines: composite policies over dyadic acts, budget, surveillance and norms (docs/model.md).
#pragma once

#include "cybersim/core/catalogue.hpp"

namespace cybersim::agents
{

/// Adds the built-in cyber doctrines (common-security-builder, realist-hedger, zero-sum-hegemon, free-rider,
/// isolationist, norm-entrepreneur, hypocrite) and one plain doctrine per classic strategy ("strategy:Name").
void registerDoctrines(core::Catalogue& catalogue);

} // namespace cybersim::agents
