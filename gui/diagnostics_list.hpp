// SPDX-License-Identifier: MIT
// The problems list: every diagnostic of a failed load, with file, line, key and message.
#pragma once

#include "adapters/diagnostic_rows.hpp"

#include <QTableWidget>

namespace cybersim::gui
{

/// A table of diagnostics; empty when the last load was clean.
class DiagnosticsList : public QTableWidget
{
    Q_OBJECT
public:
    explicit DiagnosticsList(QWidget* parent = nullptr);

    /// Replaces the rows shown.
    void showDiagnostics(const QVector<DiagnosticRow>& rows);
    /// The messages shown, in order (the CLI's one-line form).
    [[nodiscard]] QStringList formatted() const { return m_formatted; }

private:
    QStringList m_formatted;
};

} // namespace cybersim::gui
