// SPDX-License-Identifier: MIT
// Lessons: a TOML file of steps a teacher plays to a class (docs/lessons.md), parsed and validated completely on load.
#pragma once

#include "cybersim/lesson/lesson_chart.hpp"
#include "cybersim/scenario/scenario.hpp"
#include "cybersim/scenario/scenario_schema.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cybersim::core
{
class Catalogue;
} // namespace cybersim::core

namespace cybersim::lesson
{

/// Where a lesson comes from in the source document: the principle it teaches, quoted.
struct LessonSource
{
    std::string document;  // the source document, e.g. "seeds/000_e5ae1bf4d8c70917.txt"
    std::string principle; // e.g. "peace", "sovereignty", "co-governance"
    std::string quote;     // the sentence(s) of the document the lesson teaches, verbatim
};

/// One parameter change of a step, as written in the lesson file.
struct ParameterChange
{
    std::string key;            // scenario key path, e.g. "noise.false_attribution"
    scenario::ParamValue value; // the value as written (text for arrays, e.g. "[\"strategy:GTFT\"]")
    std::string literal; // the value as a TOML literal, as a --set override takes it: 0.05, "gradual", ["a", "b"]
};

/// One step: text for the class, what to load or change, how long to run, a question and what to look at.
struct LessonStep
{
    std::string title;                    // short heading; default "Step N"
    std::string text;                     // what the teacher tells the class, required
    std::string scenarioName;             // scenario as written: a shipped name or a path; empty = continue the run
    std::vector<ParameterChange> changes; // `set`: overrides of the scenario, or live changes of a continued run
    int rounds = 0;                       // rounds this step plays, [0, 100000]; required
    std::string question;                 // put to the class before running ("predict: ..."); optional
    std::string reveal;                   // what happened, shown after the step has run; optional
    std::vector<LessonChart> charts;      // views to show, default {CooperationTrust}
    std::string highlight;                // a state name to highlight; empty = none
    std::optional<scenario::Scenario>
        scenario; // the loaded scenario (with `set` applied, run.rounds extended when the run's
                  // steps need more) when the step starts a run; nothing when it continues

    /// True when the step starts a new run from a scenario.
    [[nodiscard]] bool startsRun() const noexcept { return scenario.has_value(); }
};

/// A parsed, validated lesson: immutable once loaded.
struct Lesson
{
    std::string name;              // file stem, e.g. "01-zero-sum-or-common-security"
    std::string title;             // required
    std::string summary;           // one paragraph: what the class will learn; required
    std::string sourceFile;        // path the lesson was loaded from
    LessonSource source;           // required: the principle of the source document the lesson teaches
    std::vector<LessonStep> steps; // at least one; the first starts a run
};

/// Parses and validates a lesson from TOML text. Scenario names are looked up as a path relative to the lesson's
/// folder, then in `scenariosFolder` (NAME or NAME.toml, e.g. "zero-sum-spiral"); "default" is the embedded default.
/// Every scenario is loaded with the step's `set` as overrides; live changes are checked against the schema.
/// @throws ScenarioError with every problem found, located in the lesson file (line, column, key, allowed range).
[[nodiscard]] Lesson parseLesson(std::string_view text, std::string_view fileName, const core::Catalogue& catalogue,
                                 const std::filesystem::path& scenariosFolder);

/// Reads and parses a lesson file (at most 1 MiB). @throws ScenarioError as parseLesson, and for unreadable files.
[[nodiscard]] Lesson loadLessonFile(const std::filesystem::path& path, const core::Catalogue& catalogue,
                                    const std::filesystem::path& scenariosFolder);

/// The lesson files in `folder` (*.toml), sorted by name.
[[nodiscard]] std::vector<std::filesystem::path> lessonFiles(const std::filesystem::path& folder);

} // namespace cybersim::lesson
