// SPDX-License-Identifier: MIT
// Finding and loading scenarios for the command line.
#include "scenario_lookup.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/scenario/scenario_io.hpp"

#include <cstdlib>
#include <iostream>

namespace cybersim::cli
{

std::filesystem::path scenariosFolder()
{
    if (const char* env = std::getenv("CYBERSIM_SCENARIOS"); env != nullptr && *env != '\0')
        return env;
    return CYBERSIM_SOURCE_SCENARIOS;
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
        const auto shipped = scenariosFolder() / (nameOrPath + ".toml");
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
