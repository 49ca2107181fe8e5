// SPDX-License-Identifier: MIT
// Scenario parameter values as editable text, with the same checks and messages the loader (and so the CLI) gives.
#pragma once

#include "cybersim/scenario/scenario_schema.hpp"

#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace cybersim::gui
{

/// A value written for an edit field: reals in shortest round-trip form, text unquoted.
[[nodiscard]] QString parameterText(const scenario::ParamValue& value);

/// The outcome of reading an edit field: a value of the key's type, or the problem in house style.
struct ParsedParameter
{
    std::optional<scenario::ParamValue> value; // set when the text is acceptable
    QString problem;                           // "trust.loss_rate is 1.5, expected ..." when it is not
};

/// Reads `text` as a value of `info`'s type and checks it with ParameterInfo::checkValue.
[[nodiscard]] ParsedParameter parseParameterText(const scenario::ParameterInfo& info, const QString& text,
                                                 const QString& keyPath);

/// A tooltip: the meaning, the unit and the valid range (or the choices) and the default.
[[nodiscard]] QString parameterTooltip(const scenario::ParameterInfo& info);

/// A list-valued key's entries as one edit field: "restrain, surveil, attack".
[[nodiscard]] QString listText(const std::vector<std::string>& values);
/// Numbers as one edit field, in shortest round-trip form: "0.6, 0.2, 0.2".
[[nodiscard]] QString listText(const std::vector<double>& values);
/// The entries of a list field, split at commas and trimmed; empty entries are kept (the loader reports them), an
/// empty field is an empty list.
[[nodiscard]] QStringList splitListText(const QString& text);

/// The outcome of reading a list of numbers: the values, or the first entry that is not a number.
struct ParsedRealList
{
    std::vector<double> values; // every entry, when all are numbers
    QString problem;            // "generate.doctrine_shares[1] is 'x', expected a number" when one is not
};

/// Reads the entries of a list field of numbers (`keyPath` names them in the problem).
[[nodiscard]] ParsedRealList parseRealList(const QStringList& entries, const QString& keyPath);

/// A tooltip for a list-valued key: the meaning, what it holds, the range and the default.
[[nodiscard]] QString listParameterTooltip(const scenario::ListParameterInfo& info);

} // namespace cybersim::gui
