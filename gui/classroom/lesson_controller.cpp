// SPDX-License-Identifier: MIT
// The GUI thread's handle on a lesson being played: owns the worker thread and forwards commands and progress.
#include "classroom/lesson_controller.hpp"

namespace cybersim::gui
{

LessonController::LessonController(QObject* parent)
    : QObject(parent), m_worker(new LessonWorker), m_progress(std::make_shared<LessonProgress>())
{
    qRegisterMetaType<cybersim::gui::LessonProgressPtr>("cybersim::gui::LessonProgressPtr");
    m_thread.setObjectName(QStringLiteral("cybersim-lesson"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &LessonWorker::progress, this,
            [this](LessonProgressPtr progress)
            {
                m_progress = progress;
                emit progressChanged(std::move(progress));
            });
    connect(m_worker, &LessonWorker::runningChanged, this,
            [this](bool running)
            {
                m_running = running;
                emit runningChanged(running);
            });
    connect(m_worker, &LessonWorker::parameterResult, this, &LessonController::parameterResult);
    connect(m_worker, &LessonWorker::lessonError, this, &LessonController::lessonError);
    m_thread.start();
}

LessonController::~LessonController()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->pause(); }, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void LessonController::open(std::shared_ptr<const lesson::Lesson> lesson)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, lesson] { worker->open(lesson); }, Qt::QueuedConnection);
}

void LessonController::nextStep()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->nextStep(); }, Qt::QueuedConnection);
}

void LessonController::play()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->play(); }, Qt::QueuedConnection);
}

void LessonController::pause()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->pause(); }, Qt::QueuedConnection);
}

void LessonController::togglePlay()
{
    if (m_running)
        pause();
    else
        play();
}

void LessonController::setRoundsPerSecond(int roundsPerSecond)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, roundsPerSecond] { worker->setRoundsPerSecond(roundsPerSecond); },
        Qt::QueuedConnection);
}

void LessonController::setParameter(const QString& key, double value)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, key, value] { worker->setParameter(key, value); }, Qt::QueuedConnection);
}

} // namespace cybersim::gui
