// SPDX-License-Identifier: MIT
// Plays a lesson step by step, headless, recording every round (the CLI's handouts and the GUI's presentation mode).
#pragma once

#include "cybersim/engine/simulation.hpp"
#include "cybersim/lesson/lesson.hpp"
#include "cybersim/records/replay.hpp"

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace cybersim::core
{
class Catalogue;
} // namespace cybersim::core

namespace cybersim::lesson
{

/// Where a played step's rounds are in the recordings: rows [firstRow, lastRow] of replays()[segment].
struct StepSpan
{
    std::size_t segment = 0;  // index into LessonRunner::replays(); a new one for each step that starts a run
    std::size_t firstRow = 0; // the row shown before the step ran (the round it started from)
    std::size_t lastRow = 0;  // the row after its last round
};

/// Plays a lesson: a step that names a scenario starts a new Simulation from it; a step without one continues the
/// current run after applying its changes with Simulation::setParameter. Every round is captured into a Replay per
/// run, so any played round can be shown again. Not thread-safe; the GUI drives it from its worker thread.
class LessonRunner
{
public:
    /// Keeps a reference to `lesson` and `catalogue`; both must outlive the runner.
    LessonRunner(const Lesson& lesson, const core::Catalogue& catalogue, engine::SimulationOptions options = {});
    ~LessonRunner();
    LessonRunner(LessonRunner&&) noexcept;
    LessonRunner& operator=(LessonRunner&&) = delete;
    LessonRunner(const LessonRunner&) = delete;
    LessonRunner& operator=(const LessonRunner&) = delete;

    /// The lesson being played.
    [[nodiscard]] const Lesson& lesson() const noexcept { return m_lesson; }
    /// Index of the current step; -1 before the first beginStep().
    [[nodiscard]] int currentStep() const noexcept { return m_step; }
    /// True while there is a step after the current one.
    [[nodiscard]] bool hasNextStep() const noexcept;
    /// Moves to the next step: starts its scenario or applies its changes to the current run. Rounds are not played.
    /// @throws ConfigError when there is no next step; ScenarioError if a change is rejected (a validated lesson's
    /// changes never are).
    void beginStep();
    /// Rounds of the current step still to play.
    [[nodiscard]] int roundsLeftInStep() const noexcept;
    /// Plays one round of the current step and records it. Does nothing when the step's rounds are done.
    void stepRound();
    /// beginStep() and then all of its rounds.
    void playStep();
    /// Plays every remaining step to the end.
    void playToEnd();

    /// Changes a numeric parameter of the current run between rounds (the teacher's live "what if"), recorded as a
    /// parameter-set event. @throws ScenarioError naming the key when it is unknown, not numeric or out of range;
    /// ConfigError before the first step.
    void setParameter(std::string_view keyPath, double value);

    /// The current run. @throws ConfigError before the first step.
    [[nodiscard]] const engine::Simulation& simulation() const;
    /// One recording per run started so far, in order.
    [[nodiscard]] const std::vector<records::Replay>& replays() const noexcept { return m_replays; }
    /// Where each step begun so far is recorded (a step still running ends at the latest row).
    [[nodiscard]] const std::vector<StepSpan>& spans() const noexcept { return m_spans; }

private:
    const Lesson& m_lesson;
    const core::Catalogue& m_catalogue;
    engine::SimulationOptions m_options;
    std::unique_ptr<engine::Simulation> m_simulation;
    std::vector<records::Replay> m_replays;
    std::vector<StepSpan> m_spans;
    int m_step = -1;
    int m_roundsLeft = 0;
};

} // namespace cybersim::lesson
