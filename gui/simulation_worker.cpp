// SPDX-License-Identifier: MIT
// Runs the engine on its own thread and sends plain snapshot batches back (the Qt mandelbrot pattern, STYLE G).
#include "simulation_worker.hpp"

#include "adapters/qt_text.hpp"
#include "adapters/snapshot_builder.hpp"
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/engine/simulation.hpp"
#include "cybersim/scenario/scenario_io.hpp"

#include <QTimer>

#include <algorithm>
#include <exception>
#include <limits>

namespace cybersim::gui
{

namespace
{
// At full speed a batch is cut after this long, so the GUI gets a fresh picture about 30 times a second and
// pause requests queued behind the batch wait at most this long.
constexpr qint64 kBatchMilliseconds = 30;
// Paced ticks: often enough to look smooth, rare enough to stay cheap.
constexpr int kPacedTickMilliseconds = 40;
// Per-state figures are kept for every round only while states x rounds stays below this (about 150 MB); beyond, only
// each batch's last round has them (the network and inspector show the present, the charts lose per-state history).
constexpr double kMaxStateHistoryEntries = 2.0e6;
// Above this many states, doctrine changes by learning (one event per switching state) are not sent to the log.
constexpr std::size_t kMaxStatesWithLearningEvents = 2000;
} // namespace

SimulationWorker::SimulationWorker(QObject* parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SimulationWorker::tick);
}

SimulationWorker::~SimulationWorker() = default;

void SimulationWorker::load(const scenario::Scenario& scenario)
{
    stop();
    m_stopAtRound = -1;
    try
    {
        auto simulation = std::make_unique<engine::Simulation>(scenario, agents::builtinCatalogue());
        m_record = records::RunRecord{};
        m_record.recordStates = scenario.run.recordStates;
        m_record.begin(*simulation);
        const auto stateCount = simulation->world().stateCount();
        m_contents.states = static_cast<double>(stateCount) * (scenario.run.rounds + 1.0) <= kMaxStateHistoryEntries;
        m_contents.learningEvents = stateCount <= kMaxStatesWithLearningEvents;
        auto initial = std::make_shared<SnapshotBatch>();
        initial->rounds.push_back(makeRoundSnapshot(*simulation));
        initial->relations = makeRelationsSnapshot(*simulation);
        initial->finished = simulation->finished();
        auto world = makeWorldInfo(*simulation);
        m_replay = records::Replay{};
        m_recordReplay = m_contents.states;
        if (m_recordReplay)
            m_replay.begin(*simulation);
        m_simulation = std::move(simulation);
        m_scenario = scenario;
        emit worldReset(std::move(world), std::move(initial));
        emitReplay();
    }
    catch (const std::exception& error)
    {
        emit engineError(QStringLiteral("cannot start the run: ") + toQString(error.what()));
    }
}

void SimulationWorker::play(int stopAtRound)
{
    m_stopAtRound = stopAtRound;
    if (!m_simulation || m_simulation->finished() || m_running)
        return;
    if (m_stopAtRound >= 0 && m_simulation->round() >= m_stopAtRound)
        return;
    m_running = true;
    m_roundsOwed = 0.0;
    emit runningChanged(true);
    m_clock.start();
    scheduleNext();
}

void SimulationWorker::pause()
{
    stop();
}

void SimulationWorker::stop()
{
    m_timer->stop();
    if (m_pending && !m_pending->rounds.empty())
        flushPending();
    if (m_running)
    {
        m_running = false;
        emitReplay();
        emit runningChanged(false);
    }
}

void SimulationWorker::emitReplay()
{
    if (m_recordReplay)
        emit replayReady(std::make_shared<const records::Replay>(m_replay));
}

void SimulationWorker::stepOnce()
{
    stop();
    m_stopAtRound = -1;
    if (m_simulation && !m_simulation->finished() && runBatch(1, -1))
        emitReplay();
}

void SimulationWorker::setRoundsPerSecond(int roundsPerSecond)
{
    m_roundsPerSecond = std::max(0, roundsPerSecond);
    m_roundsOwed = 0.0;
    m_clock.start();
}

void SimulationWorker::scheduleNext()
{
    m_timer->start(m_roundsPerSecond == 0 ? 0 : kPacedTickMilliseconds);
}

void SimulationWorker::tick()
{
    if (!m_running || !m_simulation)
        return;
    bool ok = true;
    if (m_roundsPerSecond == 0)
        ok = runBatch(std::numeric_limits<int>::max(), kBatchMilliseconds);
    else
    {
        // After a stall (a busy machine), catch up at most half a second's worth rather than jump.
        m_roundsOwed = std::min(m_roundsOwed + static_cast<double>(m_clock.restart()) / 1000.0 * m_roundsPerSecond,
                                1.0 + 0.5 * m_roundsPerSecond);
        const int rounds = static_cast<int>(m_roundsOwed);
        m_roundsOwed -= rounds;
        ok = rounds == 0 || runBatch(rounds, -1);
    }
    const bool atStop = m_stopAtRound >= 0 && m_simulation->round() >= m_stopAtRound;
    if (!ok || m_simulation->finished() || atStop)
        stop();
    else if (m_running)
        scheduleNext();
}

bool SimulationWorker::runBatch(int maxRounds, qint64 timeLimitMilliseconds)
{
    if (m_stopAtRound >= 0)
        maxRounds = std::min(maxRounds, std::max(0, m_stopAtRound - m_simulation->round()));
    if (!m_pending)
        m_pending = std::make_shared<SnapshotBatch>();
    QElapsedTimer batchClock;
    batchClock.start();
    try
    {
        for (int played = 0; played < maxRounds && !m_simulation->finished(); ++played)
        {
            if (timeLimitMilliseconds >= 0 && batchClock.elapsed() >= timeLimitMilliseconds)
                break;
            m_simulation->step();
            m_record.capture(*m_simulation);
            if (m_recordReplay)
                m_replay.capture(*m_simulation);
            m_pending->rounds.push_back(makeRoundSnapshot(*m_simulation, m_contents));
        }
        m_pending->finished = m_simulation->finished();
        // Back-pressure: while the GUI still digests the last batch, keep stepping and grow this one instead, so
        // queued batches never pile up in front of the GUI's timers and paint events.
        if (m_batchesInFlight.load() <= 0 || m_pending->finished || !m_running)
            flushPending();
    }
    catch (const std::exception& error)
    {
        // Rounds already played are still shown; the run stops where the engine failed.
        if (m_pending && !m_pending->rounds.empty())
            m_pending->relations.round = -1; // relations were not captured: keep the last ones shown
        flushPending();
        stop();
        emit engineError(
            QStringLiteral("the run stopped at round %1: %2").arg(m_simulation->round()).arg(toQString(error.what())));
        return false;
    }
    return true;
}

void SimulationWorker::flushPending()
{
    if (!m_pending || !m_simulation)
        return;
    if (m_pending->relations.round >= 0)
    {
        m_pending->relations = makeRelationsSnapshot(*m_simulation);
        // The views always need the present state of every state.
        if (!m_pending->rounds.empty() && m_pending->rounds.back().states.empty())
        {
            const auto states = m_simulation->stateMetrics();
            m_pending->rounds.back().states.assign(states.begin(), states.end());
        }
    }
    m_pending->finished = m_simulation->finished();
    ++m_batchesInFlight;
    emit roundsReady(std::move(m_pending));
    m_pending.reset();
}

void SimulationWorker::batchDelivered()
{
    --m_batchesInFlight;
}

void SimulationWorker::exportRun(const QString& folder)
{
    if (!m_simulation)
    {
        emit exportFinished(folder, QStringLiteral("no run to export"));
        return;
    }
    try
    {
        const records::Provenance provenance{m_scenario.run.seed, scenario::scenarioHash(m_scenario), CYBERSIM_VERSION,
                                             records::buildDescription()};
        records::writeRunOutputs(toStdString(folder), m_record, *m_simulation, provenance);
        emit exportFinished(folder, QString());
    }
    catch (const std::exception& error)
    {
        emit exportFinished(folder, toQString(error.what()));
    }
}

} // namespace cybersim::gui
