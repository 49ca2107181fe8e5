// SPDX-License-Identifier: MIT
// Playing a lesson: one Simulation per run-starting step, continued steps change parameters between rounds.
#include "cybersim/lesson/lesson_runner.hpp"

#include "cybersim/core/error.hpp"
#include "cybersim/scenario/scenario_schema.hpp"

#include <limits>
#include <variant>

namespace cybersim::lesson
{

namespace
{

double numericValue(const scenario::ParamValue& value)
{
    if (const auto* real = std::get_if<double>(&value))
        return *real;
    if (const auto* integer = std::get_if<std::int64_t>(&value))
        return static_cast<double>(*integer);
    if (const auto* flag = std::get_if<bool>(&value))
        return *flag ? 1.0 : 0.0;
    // A validated lesson gives continued steps numbers and bools only; setParameter rejects anything else.
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace

LessonRunner::LessonRunner(const Lesson& lesson, const core::Catalogue& catalogue, engine::SimulationOptions options)
    : m_lesson(lesson), m_catalogue(catalogue), m_options(options)
{
}

LessonRunner::~LessonRunner() = default;
LessonRunner::LessonRunner(LessonRunner&&) noexcept = default;

bool LessonRunner::hasNextStep() const noexcept
{
    return static_cast<std::size_t>(m_step + 1) < m_lesson.steps.size();
}

void LessonRunner::beginStep()
{
    if (!hasNextStep())
        throw ConfigError("lesson " + m_lesson.name + " has no step after step " + std::to_string(m_step + 1));
    const auto& step = m_lesson.steps[static_cast<std::size_t>(m_step + 1)];
    if (step.startsRun())
    {
        m_simulation = std::make_unique<engine::Simulation>(*step.scenario, m_catalogue, m_options);
        m_replays.emplace_back().begin(*m_simulation);
    }
    else
    {
        if (!m_simulation)
            throw ConfigError("lesson " + m_lesson.name + ": the first step does not start a run");
        for (const auto& change : step.changes)
            setParameter(change.key, numericValue(change.value));
    }
    ++m_step;
    m_roundsLeft = step.rounds;
    const auto row = m_replays.back().rowCount() - 1;
    m_spans.push_back({m_replays.size() - 1, row, row});
}

int LessonRunner::roundsLeftInStep() const noexcept
{
    return m_roundsLeft;
}

void LessonRunner::stepRound()
{
    if (m_roundsLeft <= 0 || !m_simulation || m_simulation->finished())
        return;
    m_simulation->step();
    m_replays.back().capture(*m_simulation);
    m_spans.back().lastRow = m_replays.back().rowCount() - 1;
    --m_roundsLeft;
}

void LessonRunner::playStep()
{
    beginStep();
    while (m_roundsLeft > 0 && !m_simulation->finished())
        stepRound();
    m_roundsLeft = 0;
}

void LessonRunner::playToEnd()
{
    while (m_roundsLeft > 0 && m_simulation && !m_simulation->finished())
        stepRound();
    while (hasNextStep())
        playStep();
}

void LessonRunner::setParameter(std::string_view keyPath, double value)
{
    if (!m_simulation)
        throw ConfigError("lesson " + m_lesson.name + ": no run to change before the first step");
    m_simulation->setParameter(keyPath, value);
    // Recorded as an event of the round about to be played, so the timeline shows where the change happened.
    engine::EventRecord event;
    event.round = m_simulation->round();
    event.type = engine::EventType::ParameterSet;
    event.value = value;
    event.detail = std::string(keyPath) + " = " + scenario::formatReal(value);
    m_replays.back().record.events.push_back(std::move(event));
}

const engine::Simulation& LessonRunner::simulation() const
{
    if (!m_simulation)
        throw ConfigError("lesson " + m_lesson.name + ": no run before the first step");
    return *m_simulation;
}

} // namespace cybersim::lesson
