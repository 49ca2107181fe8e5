// SPDX-License-Identifier: MIT
// The GUI thread's handle on the engine: owns the worker thread and forwards commands and snapshots (STYLE G).
#pragma once

#include "adapters/snapshots.hpp"
#include "cybersim/records/replay.hpp"
#include "cybersim/scenario/scenario.hpp"

#include <QObject>
#include <QThread>

namespace cybersim::gui
{

class SimulationWorker;

/// Runs one simulation on a worker QThread. Commands are queued to the worker; results come back as immutable
/// snapshot batches through queued signals, so widgets only display values and never touch the engine.
class SimulationController : public QObject
{
    Q_OBJECT
public:
    explicit SimulationController(QObject* parent = nullptr);
    ~SimulationController() override;

    /// Replaces the run with a fresh one of `scenario` (the scenario must be validated).
    void load(const scenario::Scenario& scenario);
    /// The scenario of the current run.
    [[nodiscard]] const scenario::Scenario& scenario() const noexcept { return m_scenario; }
    /// True while the worker is stepping.
    [[nodiscard]] bool isRunning() const noexcept { return m_running; }
    /// True once the run has played all its rounds.
    [[nodiscard]] bool isFinished() const noexcept { return m_finished; }

public slots:
    void play();
    /// Plays until round `round` has been played (or the run ends), then pauses.
    void playUntil(int round);
    void pause();
    void togglePlay();
    void stepOnce();
    /// Restarts the current scenario from round 0.
    void reset();
    /// Rounds per second; 0 = full speed.
    void setRoundsPerSecond(int roundsPerSecond);
    /// Writes the run so far into `folder` as the CLI's CSV/JSON/GraphML files; see exportFinished().
    void exportRun(const QString& folder);

signals:
    void worldReset(cybersim::gui::WorldInfoPtr world, cybersim::gui::SnapshotBatchPtr initial);
    void roundsReady(cybersim::gui::SnapshotBatchPtr batch);
    void runningChanged(bool running);
    void finishedChanged(bool finished);
    void engineError(const QString& message);
    void exportFinished(const QString& folder, const QString& error);
    /// The run so far, round by round (after load, a single step and each pause); not sent for very big worlds.
    void replayReady(std::shared_ptr<const cybersim::records::Replay> replay);

private:
    QThread m_thread;
    SimulationWorker* m_worker = nullptr; // lives on m_thread, deleted when it finishes
    scenario::Scenario m_scenario;
    bool m_running = false;
    bool m_finished = false;
};

} // namespace cybersim::gui
