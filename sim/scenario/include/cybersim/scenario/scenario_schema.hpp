// SPDX-License-Identifier: MIT
// The scenario schema: one table describing every scalar scenario key (the single source of truth for the loader's
// checks, the writer, docs/scenarios.md, the GUI's editor, sweep key paths and `set` events).
#pragma once

#include "cybersim/scenario/scenario.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cybersim::scenario
{

/// The value of one scalar key: a real, an integer, a bool, or text (also the kebab-case name of a choice).
using ParamValue = std::variant<double, std::int64_t, bool, std::string>;

/// The TOML type a key takes.
enum class ValueType : std::uint8_t
{
    Real,    // a TOML float or integer; never NaN or infinite
    Integer, // a TOML integer (a float is rejected)
    Bool,    // true or false
    Text,    // a string
    Choice,  // a string out of `choices`
};

/// One end of a numeric range.
struct Bound
{
    double value = 0.0;     // the bound itself
    bool exclusive = false; // true: the bound itself is not allowed
};

/// One scalar key of a scenario: documentation, type, range, default and accessors.
struct ParameterInfo
{
    std::string key;                  // full key path, e.g. "trust.loss_rate"; element keys: "states[].capability"
    std::string group;                // table it belongs to: "" (top level), "trust", "states", "network.edges"...
    std::string meaning;              // one line, for docs and tooltips
    std::string unit;                 // e.g. "rounds", "probability"; empty when dimensionless
    ValueType type = ValueType::Real; // what the key accepts
    std::vector<std::string> choices; // allowed strings (kebab-case) when type is Choice
    std::optional<Bound> min;         // lower bound, when there is one
    std::optional<Bound> max;         // upper bound, when there is one
    ParamValue defaultValue;          // the value of a default-constructed Scenario (or array element)
    ParamValue (*getter)(const Scenario&, std::size_t) = nullptr;        // reads the value (index: array element)
    void (*setter)(Scenario&, std::size_t, const ParamValue&) = nullptr; // writes a value already converted

    /// True for keys of array-table elements ("states[].capability"), which take an element index.
    [[nodiscard]] bool isElementKey() const noexcept { return key.find("[]") != std::string::npos; }
    /// The last segment of the key, e.g. "loss_rate".
    [[nodiscard]] std::string_view field() const noexcept;
    /// True for Real and Integer keys.
    [[nodiscard]] bool isNumeric() const noexcept { return type == ValueType::Real || type == ValueType::Integer; }

    /// The current value in `scenario` (`index` selects the array element for element keys).
    [[nodiscard]] ParamValue get(const Scenario& scenario, std::size_t index = 0) const;
    /// Converts `value` to this key's type and stores it; ranges are not checked here (see checkValue).
    /// @throws ConfigError when the value has the wrong type, is not one of the choices, or the element is missing.
    void set(Scenario& scenario, const ParamValue& value, std::size_t index = 0) const;
    /// Checks type, finiteness, integrality, choices and range. @return the problem in house style (e.g.
    /// "is 1.5, expected a probability in [0, 1]"), or nothing when the value is acceptable.
    [[nodiscard]] std::optional<std::string> checkValue(const ParamValue& value) const;
    /// The range in words for docs: "[0, 1]", "(0, 1]", ">= 0", "any"; choices joined by " | ".
    [[nodiscard]] std::string rangeText() const;
};

/// A key whose value is an array (a list or a table of numbers), which a ParamValue cannot hold: documented here beside
/// the scalar keys, so the reference, the loader's key suggestions and the writer share one description. The loader
/// reads and checks these keys itself (sim/scenario/src/scenario_io.cpp, scenario_validate.cpp).
struct ListParameterInfo
{
    std::string key;         // full key path, e.g. "game.actions"
    std::string group;       // table it belongs to, e.g. "game"
    std::string type;        // what the array holds, in words: "text list", "real list", "real table"
    std::string range;       // the values allowed, in words, e.g. "2 to 8 unique non-empty names"
    std::string defaultText; // the default, e.g. "[]"
    std::string meaning;     // one line, for docs and tooltips

    /// The last segment of the key, e.g. "actions".
    [[nodiscard]] std::string_view field() const noexcept;
};

/// Every array-valued key, grouped by table in document order.
[[nodiscard]] const std::vector<ListParameterInfo>& listParameters();

/// Every key, grouped by table in document order (top level, run, network, ..., then the array tables).
[[nodiscard]] const std::vector<ParameterInfo>& parameters();

/// The key with this path, or nullptr. Accepts "trust.loss_rate", "states[].capability" and "states[2].capability".
[[nodiscard]] const ParameterInfo* findParameter(std::string_view keyPath);

/// A key path resolved to its schema entry and array index ("states[2].capability": index 2).
struct ParameterRef
{
    const ParameterInfo* info = nullptr; // nullptr when the path names no key
    std::size_t index = 0;               // element index for element keys, else 0
};

/// Resolves "group.key" or "array[i].key" to its schema entry and index.
[[nodiscard]] ParameterRef resolveParameter(std::string_view keyPath);

/// Formats a value as a TOML literal: reals in shortest round-trip form (always with '.' or 'e'), strings quoted.
[[nodiscard]] std::string formatValue(const ParamValue& value);

/// Formats a real in shortest round-trip form (std::to_chars), e.g. "0.1", "3", "1e-07".
[[nodiscard]] std::string formatReal(double value);

/// The reference documentation of the scenario format (the contents of docs/scenarios.md).
[[nodiscard]] std::string schemaMarkdown();

} // namespace cybersim::scenario
