// SPDX-License-Identifier: MIT
// Reading, validating and writing scenario files (TOML), and the built-in default scenario.
#pragma once

#include "cybersim/scenario/scenario.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cybersim::core
{
class Catalogue;
} // namespace cybersim::core

namespace cybersim::scenario
{

/// Parses and validates a scenario from TOML text. `overrides` are "key.path=value" strings (the CLI's --set), applied
/// on top of the file before validation; their diagnostics name "<--set>" as the file.
/// @throws ScenarioError with every problem found (file, line, column, key, value, what is allowed).
[[nodiscard]] Scenario parseScenario(std::string_view text, std::string_view fileName, const core::Catalogue& catalogue,
                                     const std::vector<std::string>& overrides = {});

/// Reads a scenario file (at most 16 MiB of UTF-8 text) and parses it as parseScenario does. CSV files that the
/// scenario names are resolved relative to the scenario's folder and read here.
/// @throws ScenarioError for a missing, unreadable, empty, binary or oversized file and for every content problem.
[[nodiscard]] Scenario loadScenarioFile(const std::filesystem::path& path, const core::Catalogue& catalogue,
                                        const std::vector<std::string>& overrides = {});

/// The embedded default scenario's TOML text (a copy of scenarios/default.toml, built into the binary).
[[nodiscard]] std::string_view defaultScenarioText();

/// Loads the embedded default scenario.
[[nodiscard]] Scenario defaultScenario(const core::Catalogue& catalogue,
                                       const std::vector<std::string>& overrides = {});

/// Checks a scenario built or edited in code (a sweep point, the GUI's editors) by every rule that loading applies to
/// a file, and resolves it as loading does: a matrix game's R, S, T and P derived from its payoff table, strategy
/// parameters completed with their defaults.
/// @return the resolved scenario, with the given scenario's sourceFile and source lines
/// @throws ScenarioError with every problem found, each with the key path and message that loading the scenario from
/// a file gives, and no file or line (a scenario built in code has none)
[[nodiscard]] Scenario validateScenario(const Scenario& scenario, const core::Catalogue& catalogue);

/// Writes the fully resolved scenario, every default filled in, as TOML that parseScenario accepts unchanged
/// (`cybersim describe`, the GUI's save). parseScenario(writeScenario(s)) == s.
[[nodiscard]] std::string writeScenario(const Scenario& scenario);

/// A stable 64-bit hash (hex) of the resolved scenario, recorded in every output for provenance.
[[nodiscard]] std::string scenarioHash(const Scenario& scenario);

} // namespace cybersim::scenario
