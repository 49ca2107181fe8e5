// SPDX-License-Identifier: MIT
// Finding scenarios: a path, a shipped scenario by name, or the embedded default; and loading them with diagnostics.
#pragma once

#include "cybersim/scenario/scenario.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace cybersim::cli
{

/// The folder of shipped scenarios, found by scenario::DataLocator from this program's place (or $CYBERSIM_DATA_DIR).
/// @throws ConfigError naming the folder tried when there is none
[[nodiscard]] std::filesystem::path scenariosFolder();

/// Loads `nameOrPath` (a file, or the name of a shipped scenario such as "zero-sum-spiral"), or the embedded default
/// when empty, with the given overrides. @throws ScenarioError, also when a name cannot be looked up for want of the
/// scenarios folder.
[[nodiscard]] scenario::Scenario loadScenarioByName(const std::string& nameOrPath,
                                                    const std::vector<std::string>& overrides);

/// Prints every diagnostic of a ScenarioError to stderr, one per line, and a count.
void printDiagnostics(const std::exception& error);

} // namespace cybersim::cli
