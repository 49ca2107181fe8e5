// SPDX-License-Identifier: MIT
// The "did you mean" of a mistyped scenario key, shared by every reader that names keys (sweeps, claims' contrasts).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cybersim::scenario
{

/// The scenario key (a parameters() or listParameters() entry) nearest to `keyPath`, an element index written as
/// "[]" ("states[3].capabilty" suggests "states[].capability"); claims keys are left out, since no reader that
/// suggests keys can set them. Nothing when no key is near enough.
[[nodiscard]] std::optional<std::string> nearestKey(std::string_view keyPath);

} // namespace cybersim::scenario
