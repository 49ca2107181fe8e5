// SPDX-License-Identifier: MIT
// Plays a lesson on the engine thread with sim::LessonRunner and sends plain progress values back (STYLE G).
#pragma once

#include "adapters/snapshots.hpp"
#include "cybersim/lesson/lesson.hpp"
#include "cybersim/lesson/lesson_runner.hpp"

#include <QObject>

#include <memory>
#include <vector>

class QTimer;

namespace cybersim::gui
{

/// Where a lesson stands: the step begun last, where every begun step is recorded, and the current run's recording.
struct LessonProgress
{
    int step = -1;                                 // the step begun last; -1 before the first
    int roundsLeft = 0;                            // rounds of that step still to play
    int roundsPlayed = 0;                          // rounds played since the lesson was opened (all runs)
    std::vector<lesson::StepSpan> spans;           // per begun step, rows into recordings[segment]
    std::size_t segment = 0;                       // the run `replay` records
    std::shared_ptr<const records::Replay> replay; // a copy of the current run's recording; null before the first step
    WorldInfoPtr world;                            // the current run's world (names, layout)
};
using LessonProgressPtr = std::shared_ptr<const LessonProgress>;

/// Owns the LessonRunner; lives on the worker thread and is only ever invoked there (queued by LessonController).
class LessonWorker : public QObject
{
    Q_OBJECT
public:
    explicit LessonWorker(QObject* parent = nullptr);
    ~LessonWorker() override;

    /// Starts `lesson` afresh (no step begun yet).
    void open(std::shared_ptr<const lesson::Lesson> lesson);
    /// Begins the next step; any rounds the current step still owes are played first, so its recording is whole.
    void nextStep();
    /// Plays the current step's remaining rounds, paced by the speed.
    void play();
    void pause();
    /// Rounds per second; 0 = as fast as the engine goes.
    void setRoundsPerSecond(int roundsPerSecond);
    /// The teacher's live change between rounds; answered by parameterResult().
    void setParameter(const QString& key, double value);

signals:
    void progress(cybersim::gui::LessonProgressPtr progress);
    void runningChanged(bool running);
    /// `error` is empty when the change was applied, else the CLI's diagnostic lines.
    void parameterResult(const QString& key, double value, const QString& error);
    void lessonError(const QString& message);

private:
    void tick();
    void stop();
    void playRounds(int rounds);
    void emitProgress();

    std::shared_ptr<const lesson::Lesson> m_lesson;
    std::unique_ptr<lesson::LessonRunner> m_runner;
    WorldInfoPtr m_world;
    QTimer* m_timer = nullptr;
    int m_roundsPerSecond = 4;
    int m_roundsPlayed = 0;
    bool m_running = false;
};

} // namespace cybersim::gui
