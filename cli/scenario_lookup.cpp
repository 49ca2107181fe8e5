// SPDX-License-Identifier: MIT
// Finding and loading scenarios for the command line.
#include "scenario_lookup.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/scenario/data_locator.hpp"
#include "cybersim/scenario/scenario_io.hpp"

#include <iostream>
#include <string>

namespace cybersim::cli
{

std::filesystem::path scenariosFolder()
{
    return scenario::DataLocator::forThisProgram().scenariosDir();
}

scenario::Scenario loadScenarioByName(const std::string& nameOrPath, const std::vector<std::string>& overrides)
{
    const auto& catalogue = agents::builtinCatalogue();
    if (nameOrPath.empty() || nameOrPath == "default")
        return scenario::defaultScenario(catalogue, overrides);
    std::filesystem::path path(nameOrPath);
    std::error_code error;
    if (!std::filesystem::exists(path, error) && path.extension().empty())
    {
        // A shipped scenario by name: "zero-sum-spiral", "classic/axelrod-1980".
        std::filesystem::path folder;
        try
        {
            folder = scenariosFolder();
        }
        catch (const ConfigError& missing)
        {
            // Neither a file nor a name that can be looked up: report it as the loader reports a missing file.
            throw ScenarioError({{nameOrPath, 0, 0, "", std::string("no such file; ") + missing.what()}});
        }
        const auto shipped = folder / (nameOrPath + ".toml");
        if (std::filesystem::exists(shipped, error))
            path = shipped;
    }
    return scenario::loadScenarioFile(path, catalogue, overrides);
}

void printDiagnostics(const std::exception& error)
{
    if (const auto* scenarioError = dynamic_cast<const ScenarioError*>(&error))
    {
        for (const auto& d : scenarioError->diagnostics())
            std::cerr << d.format() << '\n';
        const auto count = scenarioError->diagnostics().size();
        std::cerr << count << (count == 1 ? " problem" : " problems") << " found; nothing was run\n";
        return;
    }
    std::cerr << "error: " << error.what() << '\n';
}

} // namespace cybersim::cli
