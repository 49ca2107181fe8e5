// SPDX-License-Identifier: MIT
// Private: small helpers shared by the three readers built on toml++ (scenarios, sweep specs, lessons).
#pragma once

#include "cybersim/scenario/scenario_schema.hpp"

#include <toml++/toml.h>

#include <optional>
#include <string>

namespace cybersim::scenario::detail
{

class LoadContext;

/// What a node holds, in words for diagnostics: "a table", "an integer", "a date or time"...
inline std::string tomlKindText(const toml::node& node)
{
    switch (node.type())
    {
    case toml::node_type::table:
        return "a table";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a float";
    case toml::node_type::boolean:
        return "a boolean";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time:
        return "a date or time";
    case toml::node_type::none:
        break;
    }
    return "nothing";
}

/// The value of a scalar node (float, integer, boolean or string); nothing for tables, arrays and dates.
inline std::optional<ParamValue> tomlScalar(const toml::node& node)
{
    if (const auto* v = node.as_floating_point())
        return v->get();
    if (const auto* v = node.as_integer())
        return v->get();
    if (const auto* v = node.as_boolean())
        return v->get();
    if (const auto* v = node.as_string())
        return v->get();
    return std::nullopt;
}

/// Reads `node`, the array given for the list-valued key `key` (a listParameters() entry, e.g. "game.payoffs"), into
/// `scenario` exactly as the scenario loader reads it from a file: element types are checked and each problem goes to
/// `context` under `key` or an element path ("game.payoffs[1][0]"), located where the node was written. Cross-key
/// rules (lengths, names) are checked later by validateScenario. Defined in scenario_io.cpp.
/// @return false, reading nothing, when `key` is not a list-valued key.
bool readListValue(const std::string& key, const toml::node& node, Scenario& scenario, LoadContext& context);

} // namespace cybersim::scenario::detail
