// SPDX-License-Identifier: MIT
// The scenario panel: pick a shipped scenario or open a file, edit its parameters, save it as TOML.
#pragma once

#include "adapters/diagnostic_rows.hpp"
#include "cybersim/scenario/scenario.hpp"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace cybersim::gui
{

class ParameterEditor;

/// Loads, edits, validates and saves scenarios. A load or apply that fails reports every diagnostic through
/// problemsFound() and keeps the current scenario; one that succeeds emits scenarioReady().
class ScenarioPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ScenarioPanel(QWidget* parent = nullptr);

    /// Loads the embedded default scenario.
    void loadDefault();
    /// Loads a scenario file. @return false (and emits problemsFound) when it fails.
    bool loadFile(const QString& path);
    /// Validates the edited parameters as a whole (the loader's cross-checks too). @return false on problems.
    bool apply();
    /// Writes the edited scenario as TOML that `cybersim run` accepts. @return an error message, empty on success.
    QString saveFile(const QString& path);

    /// The last scenario loaded or applied successfully.
    [[nodiscard]] const scenario::Scenario& current() const noexcept { return m_current; }
    [[nodiscard]] ParameterEditor* editor() const noexcept { return m_editor; }
    /// True when the editor holds valid edits not yet applied.
    [[nodiscard]] bool hasPendingEdits() const;

signals:
    /// A validated scenario to run.
    void scenarioReady(const cybersim::scenario::Scenario& scenario);
    /// A load, apply or save failed; `rows` lists every problem.
    void problemsFound(const QVector<cybersim::gui::DiagnosticRow>& rows);
    /// A load or apply succeeded: clear old problems.
    void problemsCleared();
    /// An apply succeeded with something the user should know, e.g. the scheduled events a shorter run leaves out.
    void noted(const QString& note);

private:
    void accept(const scenario::Scenario& scenario, const QString& label);
    void chooseShipped(int index);

    scenario::Scenario m_current;
    QComboBox* m_shipped = nullptr;
    QLabel* m_title = nullptr;
    QPushButton* m_apply = nullptr;
    ParameterEditor* m_editor = nullptr;
};

} // namespace cybersim::gui
