// SPDX-License-Identifier: MIT
// Plays a lesson on the engine thread with sim::LessonRunner and sends plain progress values back (STYLE G).
#include "classroom/lesson_worker.hpp"

#include "adapters/diagnostic_rows.hpp"
#include "adapters/qt_text.hpp"
#include "adapters/snapshot_builder.hpp"
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/error.hpp"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>

namespace cybersim::gui
{

namespace
{
// At full speed a tick plays for about this long before it reports, so the GUI sees progress and stays live.
constexpr qint64 kBatchMilliseconds = 30;

QString joinedDiagnostics(const std::exception& error)
{
    QStringList lines;
    for (const auto& row : diagnosticRows(error))
        lines << row.formatted;
    return lines.join(QLatin1Char('\n'));
}
} // namespace

LessonWorker::LessonWorker(QObject* parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &LessonWorker::tick);
}

LessonWorker::~LessonWorker() = default;

void LessonWorker::open(std::shared_ptr<const lesson::Lesson> lesson)
{
    stop();
    m_runner.reset();
    m_lesson = std::move(lesson);
    m_world.reset();
    m_roundsPlayed = 0;
    if (m_lesson)
        m_runner = std::make_unique<lesson::LessonRunner>(*m_lesson, agents::builtinCatalogue());
    emitProgress();
}

void LessonWorker::nextStep()
{
    if (!m_runner || !m_runner->hasNextStep())
        return;
    stop();
    try
    {
        if (m_runner->currentStep() >= 0)
            playRounds(m_runner->roundsLeftInStep());
        const auto runsBefore = m_runner->replays().size();
        m_runner->beginStep();
        if (m_runner->replays().size() != runsBefore)
            m_world = makeWorldInfo(m_runner->simulation());
    }
    catch (const std::exception& error)
    {
        emit lessonError(joinedDiagnostics(error));
    }
    emitProgress();
}

void LessonWorker::play()
{
    if (!m_runner || m_runner->currentStep() < 0 || m_runner->roundsLeftInStep() == 0 || m_running)
        return;
    m_running = true;
    emit runningChanged(true);
    m_timer->start(0);
}

void LessonWorker::pause()
{
    stop();
}

void LessonWorker::stop()
{
    m_timer->stop();
    if (m_running)
    {
        m_running = false;
        emit runningChanged(false);
    }
}

void LessonWorker::setRoundsPerSecond(int roundsPerSecond)
{
    m_roundsPerSecond = std::max(0, roundsPerSecond);
}

void LessonWorker::setParameter(const QString& key, double value)
{
    stop();
    try
    {
        if (!m_runner || m_runner->currentStep() < 0)
            throw ConfigError("begin a step before changing a parameter");
        m_runner->setParameter(toStdString(key), value);
        emit parameterResult(key, value, QString());
        emitProgress();
    }
    catch (const std::exception& error)
    {
        emit parameterResult(key, value, joinedDiagnostics(error));
    }
}

void LessonWorker::tick()
{
    if (!m_running || !m_runner)
        return;
    try
    {
        if (m_roundsPerSecond == 0)
        {
            QElapsedTimer clock;
            clock.start();
            while (m_runner->roundsLeftInStep() > 0 && clock.elapsed() < kBatchMilliseconds)
                playRounds(1);
        }
        else
            playRounds(1);
    }
    catch (const std::exception& error)
    {
        stop();
        emit lessonError(joinedDiagnostics(error));
    }
    emitProgress();
    if (m_runner->roundsLeftInStep() == 0)
        stop();
    else if (m_running)
        m_timer->start(m_roundsPerSecond == 0 ? 0 : 1000 / m_roundsPerSecond);
}

void LessonWorker::playRounds(int rounds)
{
    for (int i = 0; i < rounds && m_runner->roundsLeftInStep() > 0; ++i)
    {
        m_runner->stepRound();
        ++m_roundsPlayed;
    }
}

void LessonWorker::emitProgress()
{
    auto progress = std::make_shared<LessonProgress>();
    if (m_runner)
    {
        progress->step = m_runner->currentStep();
        progress->roundsLeft = m_runner->roundsLeftInStep();
        progress->spans = m_runner->spans();
        if (!m_runner->replays().empty())
        {
            progress->segment = m_runner->replays().size() - 1;
            progress->replay = std::make_shared<const records::Replay>(m_runner->replays().back());
        }
    }
    progress->roundsPlayed = m_roundsPlayed;
    progress->world = m_world;
    emit this->progress(std::move(progress));
}

} // namespace cybersim::gui
