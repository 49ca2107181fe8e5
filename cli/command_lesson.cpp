// SPDX-License-Identifier: MIT
// `cybersim lesson`: plays a classroom lesson headless and writes its handout (charts as PNG and handout.html).
#include "commands.hpp"
#include "scenario_lookup.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/lesson/lesson.hpp"
#include "cybersim/lesson/lesson_runner.hpp"
#include "cybersim/records/replay.hpp"

#ifdef CYBERSIM_HAVE_PLOT
#include "cybersim/plot/lesson_handout.hpp"
#endif

#include <tbb/global_control.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

namespace cybersim::cli
{

namespace
{

// A lesson file, or a shipped lesson by its name ("01-zero-sum-or-common-security") or by the name without its
// number ("zero-sum-or-common-security").
std::filesystem::path findLesson(const std::string& nameOrPath, const std::filesystem::path& scenarios)
{
    std::error_code error;
    if (std::filesystem::is_regular_file(nameOrPath, error))
        return nameOrPath;
    const auto folder = scenarios / "lessons";
    for (const auto& file : lesson::lessonFiles(folder))
    {
        const auto stem = file.stem().string();
        const auto dash = stem.find('-');
        if (stem == nameOrPath || (dash != std::string::npos && stem.substr(dash + 1) == nameOrPath))
            return file;
    }
    return folder / (nameOrPath + ".toml"); // does not exist: the loader reports it
}

void printFigures(const engine::WorldMetrics& m)
{
    std::printf("      round %d: cooperation %.2f, trust %.2f, arms %.1f, stability %+.3f, security %.2f, norms %d, "
                "welfare %.1f\n",
                m.round, m.cooperationRate, m.meanTrust, m.totalArms, m.stabilityEigenvalue, m.commonSecurityIndex,
                m.normsAdopted, m.welfare);
}

} // namespace

int lessonCommand(const LessonOptions& options)
{
    // A lesson may name shipped scenarios, so loading any lesson needs the data folder.
    std::filesystem::path scenarios;
    try
    {
        scenarios = scenariosFolder();
    }
    catch (const ConfigError& missing)
    {
        std::cerr << "error: " << missing.what() << '\n';
        return kExitRuntime;
    }
    const auto path = findLesson(options.lesson, scenarios);
    lesson::Lesson lesson;
    try
    {
        lesson = lesson::loadLessonFile(path, agents::builtinCatalogue(), scenarios);
    }
    catch (const Error& error)
    {
        printDiagnostics(error);
        return kExitBadInput;
    }
    const std::filesystem::path out = options.out.empty() ? std::filesystem::path("out") / "lessons" / lesson.name
                                                          : std::filesystem::path(options.out);
    std::unique_ptr<tbb::global_control> threads;
    if (options.threads > 0)
        threads = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                        static_cast<std::size_t>(options.threads));
    try
    {
        lesson::LessonRunner runner(lesson, agents::builtinCatalogue());
        if (!options.quiet)
            std::printf("Lesson %s: %s (%zu steps)\n", lesson.name.c_str(), lesson.title.c_str(), lesson.steps.size());
        while (runner.hasNextStep())
        {
            runner.playStep();
            const auto& step = lesson.steps[static_cast<std::size_t>(runner.currentStep())];
            const auto& span = runner.spans().back();
            const auto& replay = runner.replays()[span.segment];
            if (options.quiet)
                continue;
            std::printf("\n  %d. %s%s%s\n", runner.currentStep() + 1, step.title.c_str(),
                        step.startsRun() ? " - scenario " : "", step.startsRun() ? step.scenarioName.c_str() : "");
            if (!step.question.empty())
                std::printf("      %s\n", step.question.c_str());
            printFigures(replay.record.series[span.firstRow]);
            printFigures(replay.record.series[span.lastRow]);
        }
        if (!options.record.empty())
        {
            std::filesystem::create_directories(options.record);
            for (std::size_t k = 0; k < runner.replays().size(); ++k)
            {
                const auto file = std::filesystem::path(options.record) /
                                  (lesson.name + "-run" + std::to_string(k + 1) + ".replay.json");
                records::writeReplayFile(file, runner.replays()[k]);
                if (!options.quiet)
                    std::printf("Wrote %s\n", file.string().c_str());
            }
        }
#ifdef CYBERSIM_HAVE_PLOT
        const auto written = plot::writeLessonHandout(runner, out);
        if (!options.quiet)
            std::printf("\nWrote %zu charts and %s\n", written.size() - 1, (out / "handout.html").string().c_str());
#else
        std::cerr << "error: this build has no charts (Qt 6 Charts and Svg were not found); the lesson ran but no "
                     "handout was written\n";
        return kExitRuntime;
#endif
    }
    catch (const ScenarioError& error)
    {
        printDiagnostics(error);
        return kExitBadInput;
    }
    catch (const std::exception& error)
    {
        std::cerr << "error: " << error.what() << '\n';
        return kExitRuntime;
    }
    return kExitOk;
}

} // namespace cybersim::cli
