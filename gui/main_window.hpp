// SPDX-License-Identifier: MIT
// The main window: scenario panel, run controls, network, charts, heatmap, event log, inspector, compare, export.
#pragma once

#include "cybersim/scenario/scenario.hpp"

#include <QMainWindow>

class QLabel;
class QTableView;
class QTabWidget;

namespace cybersim::gui
{

class ChartsPanel;
class Classroom;
class ComparePanel;
class DiagnosticsList;
class EventLog;
class MetricsTableModel;
class NetworkPanel;
class RunControls;
class RunHistory;
class ScenarioPanel;
class SimulationController;
class StateInspector;
class StateSelection;
class SweepViewer;
class TheoryOverlay;
class TheoryPanel;
class TrustHeatmap;

/// Wires the panels to one SimulationController and one RunHistory. Opens on the built-in default scenario.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Exports every chart (PNG and SVG) and the run (the CLI's files, in a run/ subfolder) into `folder`.
    /// @return the problems, empty on success. Waits for the worker to write the run files.
    QStringList exportAll(const QString& folder);

    // Parts, for tests and the screenshot script.
    [[nodiscard]] ScenarioPanel* scenarioPanel() const noexcept { return m_scenarioPanel; }
    [[nodiscard]] SimulationController* controller() const noexcept { return m_controller; }
    [[nodiscard]] RunHistory* history() const noexcept { return m_history; }
    [[nodiscard]] StateSelection* selection() const noexcept { return m_selection; }
    [[nodiscard]] ChartsPanel* charts() const noexcept { return m_charts; }
    [[nodiscard]] NetworkPanel* network() const noexcept { return m_network; }
    [[nodiscard]] TrustHeatmap* heatmap() const noexcept { return m_heatmap; }
    [[nodiscard]] EventLog* eventLog() const noexcept { return m_eventLog; }
    [[nodiscard]] StateInspector* inspector() const noexcept { return m_inspector; }
    [[nodiscard]] ComparePanel* compare() const noexcept { return m_compare; }
    [[nodiscard]] DiagnosticsList* diagnostics() const noexcept { return m_diagnostics; }
    [[nodiscard]] RunControls* runControls() const noexcept { return m_runControls; }
    /// Lessons, presentation mode, the timeline and recordings (gui/classroom/).
    [[nodiscard]] Classroom* classroom() const noexcept { return m_classroom; }
    /// The theory series drawn on the charts, and the Theory tab (gui/theory/).
    [[nodiscard]] TheoryOverlay* theoryOverlay() const noexcept { return m_theoryOverlay; }
    [[nodiscard]] TheoryPanel* theoryPanel() const noexcept { return m_theoryPanel; }
    /// The Sweep tab: a sweep's output folder with the charts `cybersim plot` renders.
    [[nodiscard]] SweepViewer* sweepViewer() const noexcept { return m_sweepViewer; }
    /// Shows the central tab titled `title` ("Overview", "Trust matrix", "Compare", "Data"). @return false if none.
    bool showTab(const QString& title);
    /// The last engine or export error shown, for tests.
    [[nodiscard]] QString lastError() const { return m_lastError; }

public slots:
    void togglePlay();
    void stepOnce();
    void reset();
    void openScenario();
    void saveScenario();
    void exportDialog();
    /// Asks for a sweep's output folder and shows it in the Sweep tab.
    void openSweepResults();

private:
    void buildMenus();
    void buildDocks();
    void updateRunnable();
    bool applyPendingEdits();
    void showError(const QString& title, const QString& message);
    void showTheory(const scenario::Scenario& scenario);

    StateSelection* m_selection = nullptr;
    RunHistory* m_history = nullptr;
    SimulationController* m_controller = nullptr;
    MetricsTableModel* m_table = nullptr;
    ScenarioPanel* m_scenarioPanel = nullptr;
    RunControls* m_runControls = nullptr;
    NetworkPanel* m_network = nullptr;
    ChartsPanel* m_charts = nullptr;
    TrustHeatmap* m_heatmap = nullptr;
    EventLog* m_eventLog = nullptr;
    StateInspector* m_inspector = nullptr;
    ComparePanel* m_compare = nullptr;
    DiagnosticsList* m_diagnostics = nullptr;
    QTabWidget* m_tabs = nullptr;
    TheoryOverlay* m_theoryOverlay = nullptr;
    TheoryPanel* m_theoryPanel = nullptr;
    Classroom* m_classroom = nullptr;
    SweepViewer* m_sweepViewer = nullptr;
    QString m_lastError;
};

} // namespace cybersim::gui
