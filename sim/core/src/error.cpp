// SPDX-License-Identifier: MIT
// Formatting of diagnostics and construction of the error hierarchy.
#include "cybersim/core/error.hpp"

namespace cybersim
{

std::string Diagnostic::format() const
{
    std::string out;
    if (!file.empty())
    {
        out += file;
        if (line > 0)
        {
            out += ':' + std::to_string(line);
            if (column > 0)
                out += ':' + std::to_string(column);
        }
        out += ": ";
    }
    out += "error: ";
    if (!keyPath.empty())
        out += keyPath + ": ";
    out += message;
    return out;
}

namespace
{
std::string joinDiagnostics(const std::vector<Diagnostic>& diagnostics)
{
    std::string text;
    for (const auto& d : diagnostics)
    {
        if (!text.empty())
            text += '\n';
        text += d.format();
    }
    return text.empty() ? std::string("invalid input") : text;
}
} // namespace

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics)
    : Error(joinDiagnostics(diagnostics)), m_diagnostics(std::move(diagnostics))
{
}

} // namespace cybersim
