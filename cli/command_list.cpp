// SPDX-License-Identifier: MIT
// `cybersim list`, `cybersim describe` and `cybersim schema`: what there is to run, and every parameter.
#include "commands.hpp"
#include "scenario_lookup.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/lesson/lesson.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/scenario/scenario_schema.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace cybersim::cli
{

namespace
{

void listScenarios(const std::filesystem::path& folder)
{
    std::printf("Scenarios (cybersim run NAME; folder %s):\n", folder.string().c_str());
    std::printf("  %-34s %s\n", "default", "(embedded) the built-in default world; see scenarios/default.toml");
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (auto it = std::filesystem::recursive_directory_iterator(folder, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error))
        if (it->path().extension() == ".toml" && it->path().parent_path().filename() != "sweeps" &&
            it->path().parent_path().filename() != "lessons")
            files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files)
    {
        auto name = std::filesystem::relative(file, folder).replace_extension().generic_string();
        if (name == "default")
            continue;
        try
        {
            const auto scenario = scenario::loadScenarioFile(file, agents::builtinCatalogue());
            std::printf("  %-34s %s\n", name.c_str(), scenario.description.c_str());
        }
        catch (const Error& e)
        {
            std::printf("  %-34s (does not load: %s)\n", name.c_str(), e.what());
        }
    }
}

// Lessons get their own heading: name first, then the title (`cybersim lesson NAME`).
void listLessons(const std::filesystem::path& scenarios)
{
    const auto folder = scenarios / "lessons";
    std::printf("\nLessons (cybersim lesson NAME --out DIR; folder %s):\n", folder.string().c_str());
    for (const auto& file : lesson::lessonFiles(folder))
    {
        const auto name = file.stem().string();
        try
        {
            const auto lesson = lesson::loadLessonFile(file, agents::builtinCatalogue(), scenarios);
            std::printf("  %-34s %s\n", name.c_str(), lesson.title.c_str());
        }
        catch (const Error& e)
        {
            std::printf("  %-34s (does not load: %s)\n", name.c_str(), e.what());
        }
    }
}

} // namespace

int listCommand()
{
    const auto& catalogue = agents::builtinCatalogue();
    // Without the data folder there are no shipped scenarios or lessons to list, but the built-ins still are.
    int status = kExitOk;
    try
    {
        const auto folder = scenariosFolder();
        listScenarios(folder);
        listLessons(folder);
    }
    catch (const ConfigError& missing)
    {
        std::cerr << "error: " << missing.what() << '\n';
        status = kExitRuntime;
    }
    std::printf("\nStrategies (states[].strategy; tournament --players):\n");
    for (const auto* s : catalogue.strategies())
    {
        std::string params;
        for (const auto& p : s->params)
            params += (params.empty() ? " [" : ", ") + p.name;
        if (!params.empty())
            params += "]";
        std::printf("  %-28s %s%s\n", s->name.c_str(), s->description.c_str(), params.c_str());
    }
    std::printf("\nDoctrines (states[].doctrine; also strategy:NAME for any strategy above, and pure:ACT for each act "
                "of a matrix game's game.actions):\n");
    for (const auto* d : catalogue.doctrines())
        if (d->name.rfind("strategy:", 0) != 0)
            std::printf("  %-28s %s (plays %s)\n", d->name.c_str(), d->description.c_str(), d->strategy.c_str());
    const auto choices = [](const char* key)
    {
        std::string out;
        if (const auto* info = scenario::findParameter(key))
            for (const auto& c : info->choices)
                out += "  " + c;
        return out;
    };
    std::printf("\nLearning rules (learning.rule):\n %s\n", choices("learning.rule").c_str());
    std::printf("\nNetwork generators (network.kind):\n %s\n", choices("network.kind").c_str());
    std::printf("\nGovernance approaches (governance.approach):\n %s\n", choices("governance.approach").c_str());
    std::printf("\nStage games (game.kind):\n %s\n", choices("game.kind").c_str());
    return status;
}

int describeCommand(const DescribeOptions& options)
{
    try
    {
        const auto scenario = loadScenarioByName(options.scenario, options.overrides);
        std::cout << scenario::writeScenario(scenario);
        return kExitOk;
    }
    catch (const Error& error)
    {
        printDiagnostics(error);
        return kExitBadInput;
    }
}

int schemaCommand()
{
    std::cout << scenario::schemaMarkdown();
    return kExitOk;
}

} // namespace cybersim::cli
