// SPDX-License-Identifier: MIT
// Finding scenarios: a path, a shipped scenario by name, or the embedded default; and loading them with diagnostics.
#pragma once

#include "cybersim/scenario/scenario.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace cybersim::cli
{

/// The folder of shipped scenarios: $CYBERSIM_SCENARIOS, else the source tree's scenarios/ this binary was built from.
[[nodiscard]] std::filesystem::path scenariosFolder();

/// Loads `nameOrPath` (a file, or the name of a shipped scenario such as "zero-sum-spiral"), or the embedded default
/// when empty, with the given overrides. @throws ScenarioError.
[[nodiscard]] scenario::Scenario loadScenarioByName(const std::string& nameOrPath,
                                                    const std::vector<std::string>& overrides);

/// Prints every diagnostic of a ScenarioError to stderr, one per line, and a count.
void printDiagnostics(const std::exception& error);

} // namespace cybersim::cli
