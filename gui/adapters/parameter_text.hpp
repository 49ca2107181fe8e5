// SPDX-License-Identifier: MIT
// Scenario parameter values as editable text, with the same checks and messages the loader (and so the CLI) gives.
#pragma once

#include "cybersim/sim/scenario_schema.hpp"

#include <QString>

#include <optional>

namespace cybersim::gui
{

/// A value written for an edit field: reals in shortest round-trip form, text unquoted.
[[nodiscard]] QString parameterText(const sim::ParamValue& value);

/// The outcome of reading an edit field: a value of the key's type, or the problem in house style.
struct ParsedParameter
{
    std::optional<sim::ParamValue> value; // set when the text is acceptable
    QString problem;                      // "trust.loss_rate is 1.5, expected ..." when it is not
};

/// Reads `text` as a value of `info`'s type and checks it with ParameterInfo::checkValue.
[[nodiscard]] ParsedParameter parseParameterText(const sim::ParameterInfo& info, const QString& text,
                                                 const QString& keyPath);

/// A tooltip: the meaning, the unit and the valid range (or the choices) and the default.
[[nodiscard]] QString parameterTooltip(const sim::ParameterInfo& info);

} // namespace cybersim::gui
