// SPDX-License-Identifier: MIT
// Engine diagnostics (ScenarioError) as rows for the problems list.
#include "adapters/diagnostic_rows.hpp"

#include "adapters/qt_text.hpp"
#include "cybersim/core/error.hpp"

namespace cybersim::gui
{

QVector<DiagnosticRow> diagnosticRows(const std::exception& error)
{
    QVector<DiagnosticRow> rows;
    if (const auto* scenarioError = dynamic_cast<const ScenarioError*>(&error))
    {
        for (const auto& d : scenarioError->diagnostics())
            rows.push_back(
                {toQString(d.file), d.line, toQString(d.keyPath), toQString(d.message), toQString(d.format())});
        if (!rows.isEmpty())
            return rows;
    }
    const QString message = toQString(error.what());
    rows.push_back({QString(), 0, QString(), message, QStringLiteral("error: ") + message});
    return rows;
}

} // namespace cybersim::gui
