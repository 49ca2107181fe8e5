// SPDX-License-Identifier: MIT
// The GUI thread's handle on a lesson being played: owns the worker thread and forwards commands and progress.
#pragma once

#include "classroom/lesson_worker.hpp"

#include <QObject>
#include <QThread>

namespace cybersim::gui
{

/// Plays one lesson on a worker QThread (as SimulationController does for a plain run). Progress comes back as
/// immutable LessonProgress values through queued signals.
class LessonController : public QObject
{
    Q_OBJECT
public:
    explicit LessonController(QObject* parent = nullptr);
    ~LessonController() override;

    /// The last progress received; never null.
    [[nodiscard]] const LessonProgressPtr& progress() const noexcept { return m_progress; }
    [[nodiscard]] bool isRunning() const noexcept { return m_running; }

public slots:
    void open(std::shared_ptr<const lesson::Lesson> lesson);
    void nextStep();
    void play();
    void pause();
    void togglePlay();
    void setRoundsPerSecond(int roundsPerSecond);
    void setParameter(const QString& key, double value);

signals:
    void progressChanged(cybersim::gui::LessonProgressPtr progress);
    void runningChanged(bool running);
    void parameterResult(const QString& key, double value, const QString& error);
    void lessonError(const QString& message);

private:
    QThread m_thread;
    LessonWorker* m_worker = nullptr; // lives on m_thread, deleted when it finishes
    LessonProgressPtr m_progress;
    bool m_running = false;
};

} // namespace cybersim::gui
