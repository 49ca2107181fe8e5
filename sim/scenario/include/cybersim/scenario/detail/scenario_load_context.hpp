// SPDX-License-Identifier: MIT
// Private to the scenario loader: where each key came from, the diagnostics gathered so far, and the checks that run
// after the TOML has been converted (cross-field rules, names, CSV matrices).
#pragma once

#include "cybersim/core/error.hpp"
#include "cybersim/scenario/scenario.hpp"
#include "cybersim/scenario/scenario_schema.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cybersim::core
{
class Catalogue;
} // namespace cybersim::core

namespace cybersim::scenario::detail
{

/// The file name diagnostics show for command-line overrides.
inline constexpr std::string_view kOverrideFile = "<--set>";
/// The largest scenario or CSV file accepted.
inline constexpr std::size_t kMaxFileBytes = 16u * 1024u * 1024u;

/// A place in an input file.
struct SourceLocation
{
    std::string file; // as the user gave it
    int line = 0;     // 1-based; 0 when unknown
    int column = 0;   // 1-based; 0 when unknown
};

/// strategy_params of one state, kept raw until doctrines and strategies can be resolved.
struct RawStrategyParams
{
    std::size_t state = 0;                                 // index into Scenario::states
    bool byName = true;                                    // a table { p = 0.3 } (true) or an array [0.3] (false)
    std::vector<std::pair<std::string, ParamValue>> named; // table form, in file order
    std::vector<ParamValue> listed;                        // array form
};

/// Collects key locations and diagnostics while one scenario loads.
class LoadContext
{
public:
    explicit LoadContext(std::string fileName) : m_fileName(std::move(fileName)) {}

    /// The scenario's file name as given.
    [[nodiscard]] const std::string& fileName() const noexcept { return m_fileName; }
    /// Remembers where `keyPath` was written in the scenario file.
    void record(const std::string& keyPath, int line, int column);
    /// Remembers that an override (--set) wrote `keyPath`.
    void addOverride(std::string keyPath) { m_overrides.push_back(std::move(keyPath)); }
    /// True when the file or an override gave `keyPath`.
    [[nodiscard]] bool isGiven(const std::string& keyPath) const;
    /// Where `keyPath` (or its closest given parent) was written.
    [[nodiscard]] SourceLocation locate(std::string_view keyPath) const;
    /// Adds a diagnostic located at `keyPath`.
    void error(const std::string& keyPath, std::string message);
    /// Adds a diagnostic at an explicit place.
    void errorAt(const SourceLocation& where, const std::string& keyPath, std::string message);
    /// True when a diagnostic was added for exactly this key path (e.g. a list element of the wrong type).
    [[nodiscard]] bool hasErrorAt(std::string_view keyPath) const;
    /// True once any diagnostic was added.
    [[nodiscard]] bool hasErrors() const noexcept { return !m_diagnostics.empty(); }
    /// The diagnostics added so far, in the order they were added.
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return m_diagnostics; }
    /// Throws every diagnostic, sorted into file order, as one ScenarioError.
    [[noreturn]] void throwErrors();

    std::vector<RawStrategyParams> strategyParams; // filled by the TOML reader, checked by validateScenario

private:
    [[nodiscard]] bool isOverride(std::string_view keyPath) const;

    std::string m_fileName;
    std::map<std::string, SourceLocation, std::less<>> m_locations;
    std::vector<std::string> m_overrides;
    std::vector<Diagnostic> m_diagnostics;
};

/// Reads a whole text file of at most kMaxFileBytes, rejecting missing, unreadable, empty and binary files.
/// Problems are reported at `where` under `keyPath`. @return the text, or nothing after reporting.
[[nodiscard]] std::optional<std::string> readTextFile(const std::filesystem::path& path, LoadContext& context,
                                                      const SourceLocation& where, const std::string& keyPath);

/// Parses a CSV matrix (first row `name,<state>,...`, then `<state>,<v>,...`) into `out`, reporting problems with
/// `shownPath` as the file. @return false when there were problems.
bool parseCsvMatrix(std::string_view text, const std::string& shownPath, const std::string& keyPath,
                    LoadContext& context, NamedMatrix& out);

/// Reads the CSV files the scenario names (relative to `baseDir`), then checks every rule that spans several keys:
/// state names, doctrines and strategies, the world size, network constraints, edges, matrices, issues and events.
void validateScenario(Scenario& scenario, LoadContext& context, const core::Catalogue& catalogue,
                      const std::filesystem::path& baseDir);

/// Sets the game's standard R, S, T, P for every classic kind, except the entries the scenario gives.
void applyGameDefaults(Scenario& scenario, const LoadContext& context);

/// The value of the list-valued key `key` (a listParameters() entry) in `scenario` as canonical TOML text: reals in
/// formatValue form, strings quoted, a table as rows, e.g. "[0.5, 0.5]", "[\"a\", \"b\"]", "[[3.0, 0.0], [5.0, 1.0]]".
/// Empty for any other key. The text is also valid JSON when every real is finite.
[[nodiscard]] std::string listValueText(const Scenario& scenario, const std::string& key);

/// Sets the list-valued key `key` in `scenario` from `text`, a TOML array, reading it as the loader reads that key
/// from a file (sweeps keep list values as such text). Cross-key rules are left to validateScenario.
/// @return the problems in house style, joined with "; " (the list may then be partly set), or nothing when applied.
[[nodiscard]] std::optional<std::string> applyListText(Scenario& scenario, const std::string& key,
                                                       std::string_view text);

} // namespace cybersim::scenario::detail
