// SPDX-License-Identifier: MIT
// Runs the engine on its own thread and sends plain snapshot batches back (the Qt mandelbrot pattern, STYLE G).
#pragma once

#include "adapters/snapshot_builder.hpp"
#include "adapters/snapshots.hpp"
#include "cybersim/records/replay.hpp"
#include "cybersim/records/run_record.hpp"
#include "cybersim/scenario/scenario.hpp"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <memory>

class QTimer;

namespace cybersim::engine
{
class Simulation;
}

namespace cybersim::gui
{

/// Owns the Simulation and its RunRecord; lives on the worker thread. Its methods are only ever invoked there
/// (queued from SimulationController), so engine state is never touched while a step runs.
class SimulationWorker : public QObject
{
    Q_OBJECT
public:
    explicit SimulationWorker(QObject* parent = nullptr);
    ~SimulationWorker() override;

    /// Builds a fresh simulation of `scenario` and emits worldReset(); on failure emits engineError().
    void load(const scenario::Scenario& scenario);
    /// Starts stepping, paced by the speed; emits batches until paused, finished or at round `stopAtRound` (< 0: no
    /// stop).
    void play(int stopAtRound = -1);
    /// Stops stepping after the current batch.
    void pause();
    /// Plays exactly one round (pausing first).
    void stepOnce();
    /// Rounds per second; 0 = as fast as the engine goes.
    void setRoundsPerSecond(int roundsPerSecond);
    /// Called from the GUI thread once it has handled a roundsReady() batch (thread-safe).
    void batchDelivered();
    /// Writes the run so far as the CLI's output files; emits exportFinished().
    void exportRun(const QString& folder);

signals:
    void worldReset(cybersim::gui::WorldInfoPtr world, cybersim::gui::SnapshotBatchPtr initial);
    void roundsReady(cybersim::gui::SnapshotBatchPtr batch);
    void runningChanged(bool running);
    void engineError(const QString& message);
    void exportFinished(const QString& folder, const QString& error);
    /// The run recorded round by round so far (for scrubbing); sent after load, a single step and each pause.
    void replayReady(std::shared_ptr<const cybersim::records::Replay> replay);

private:
    void tick();
    void stop();
    // Plays up to maxRounds (and for at most timeLimitMilliseconds when >= 0) and emits them as one batch.
    bool runBatch(int maxRounds, qint64 timeLimitMilliseconds);
    // Sends the rounds gathered so far, with the relations now.
    void flushPending();
    void scheduleNext();
    void emitReplay();

    std::unique_ptr<engine::Simulation> m_simulation;
    records::RunRecord m_record;
    records::Replay m_replay;    // the run round by round, for the GUI's timeline
    bool m_recordReplay = false; // false for worlds too big to keep every round's states
    scenario::Scenario m_scenario;
    QTimer* m_timer = nullptr;
    QElapsedTimer m_clock;
    int m_roundsPerSecond = 0;
    int m_stopAtRound = -1;
    double m_roundsOwed = 0.0; // fractional rounds carried between paced ticks
    bool m_running = false;
    SnapshotContents m_contents;              // what each round's snapshot copies, fixed per world
    std::shared_ptr<SnapshotBatch> m_pending; // rounds played but not yet sent
    std::atomic<int> m_batchesInFlight{0};    // sent but not yet handled by the GUI
};

} // namespace cybersim::gui
