// SPDX-License-Identifier: MIT
// Engine diagnostics (ScenarioError) as rows for the problems list.
#pragma once

#include <QString>
#include <QVector>

#include <exception>

namespace cybersim::gui
{

/// One problem, ready to show: where it is and what is wrong.
struct DiagnosticRow
{
    QString file;
    int line = 0; // 0 when unknown
    QString key;
    QString message;
    QString formatted; // the CLI's one-line form, file:line:col: error: key: message
};

/// Every diagnostic of a ScenarioError, or one row with what() for any other exception.
[[nodiscard]] QVector<DiagnosticRow> diagnosticRows(const std::exception& error);

} // namespace cybersim::gui
