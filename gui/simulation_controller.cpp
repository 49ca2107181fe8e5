// SPDX-License-Identifier: MIT
// The GUI thread's handle on the engine: owns the worker thread and forwards commands and snapshots (STYLE G).
#include "simulation_controller.hpp"

#include "simulation_worker.hpp"

namespace cybersim::gui
{

SimulationController::SimulationController(QObject* parent) : QObject(parent), m_worker(new SimulationWorker)
{
    qRegisterMetaType<cybersim::gui::WorldInfoPtr>("cybersim::gui::WorldInfoPtr");
    qRegisterMetaType<cybersim::gui::SnapshotBatchPtr>("cybersim::gui::SnapshotBatchPtr");
    qRegisterMetaType<std::shared_ptr<const cybersim::records::Replay>>(
        "std::shared_ptr<const cybersim::records::Replay>");
    m_thread.setObjectName(QStringLiteral("cybersim-engine"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SimulationWorker::worldReset, this,
            [this](WorldInfoPtr world, SnapshotBatchPtr initial)
            {
                m_finished = initial->finished;
                emit finishedChanged(m_finished);
                emit worldReset(std::move(world), std::move(initial));
            });
    connect(m_worker, &SimulationWorker::roundsReady, this,
            [this](SnapshotBatchPtr batch)
            {
                const bool finished = batch->finished;
                emit roundsReady(std::move(batch));
                m_worker->batchDelivered();
                if (finished != m_finished)
                {
                    m_finished = finished;
                    emit finishedChanged(finished);
                }
            });
    connect(m_worker, &SimulationWorker::runningChanged, this,
            [this](bool running)
            {
                m_running = running;
                emit runningChanged(running);
            });
    connect(m_worker, &SimulationWorker::engineError, this, &SimulationController::engineError);
    connect(m_worker, &SimulationWorker::exportFinished, this, &SimulationController::exportFinished);
    connect(m_worker, &SimulationWorker::replayReady, this, &SimulationController::replayReady);
    m_thread.start();
}

SimulationController::~SimulationController()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->pause(); }, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void SimulationController::load(const scenario::Scenario& scenario)
{
    m_scenario = scenario;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, scenario] { worker->load(scenario); }, Qt::QueuedConnection);
}

void SimulationController::play()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->play(); }, Qt::QueuedConnection);
}

void SimulationController::playUntil(int round)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, round] { worker->play(round); }, Qt::QueuedConnection);
}

void SimulationController::pause()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->pause(); }, Qt::QueuedConnection);
}

void SimulationController::togglePlay()
{
    if (m_running)
        pause();
    else
        play();
}

void SimulationController::stepOnce()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->stepOnce(); }, Qt::QueuedConnection);
}

void SimulationController::reset()
{
    load(m_scenario);
}

void SimulationController::setRoundsPerSecond(int roundsPerSecond)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, roundsPerSecond] { worker->setRoundsPerSecond(roundsPerSecond); },
        Qt::QueuedConnection);
}

void SimulationController::exportRun(const QString& folder)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, folder] { worker->exportRun(folder); }, Qt::QueuedConnection);
}

} // namespace cybersim::gui
