// SPDX-License-Identifier: MIT
// The exception hierarchy: every problem the library reports to a front end derives from cybersim::Error.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace cybersim
{

/// Base of every exception the cybersim libraries throw on purpose.
class Error : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// One problem found in user input, located as precisely as the input allows.
struct Diagnostic
{
    std::string file;    // path as the user gave it; empty for command-line input
    int line = 0;        // 1-based; 0 when unknown
    int column = 0;      // 1-based; 0 when unknown
    std::string keyPath; // dotted key, e.g. "states[2].capability"; empty when the problem is not tied to a key
    std::string message; // lower case, no final period: what was found and what is allowed

    /// Formats as `file:line:col: error: key: message`, leaving out the parts that are unknown.
    [[nodiscard]] std::string format() const;
};

/// Bad user input (a scenario, sweep spec or lesson file, or a command-line override); carries every problem found.
class ScenarioError : public Error
{
public:
    explicit ScenarioError(std::vector<Diagnostic> diagnostics);

    /// All problems, in file order.
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return m_diagnostics; }

private:
    std::vector<Diagnostic> m_diagnostics;
};

/// A configuration that parsed but cannot be run (for example an output folder that cannot be written).
class ConfigError : public Error
{
public:
    using Error::Error;
};

} // namespace cybersim
