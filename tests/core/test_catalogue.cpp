// SPDX-License-Identifier: MIT
// Tests of the strategy and doctrine catalogue: lookups, parameter validation and typo suggestions.
#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"

#include <doctest/doctest.h>

using namespace cybersim::core;

namespace
{
class AlwaysDefect final : public Strategy
{
public:
    void decide(std::span<DyadMemory>, std::span<Action> out, const DecisionContext&) const override
    {
        for (auto& a : out)
            a = Action::Defect;
    }
};
} // namespace

TEST_CASE("catalogue: strategies are found by exact name and built with checked parameters")
{
    Catalogue catalogue;
    catalogue.addStrategy(
        {"Probe", "always defects", {{"p", "a probability", 0.0, 1.0, 0.25}}, false, [](const std::vector<double>&) {
             return std::make_unique<AlwaysDefect>();
         }});
    CHECK(catalogue.strategy("Probe") != nullptr);
    CHECK(catalogue.strategy("probe") == nullptr);
    CHECK(catalogue.makeStrategy("Probe", {}) != nullptr);
    CHECK(catalogue.makeStrategy("Probe", {0.5}) != nullptr);
    CHECK_THROWS_WITH_AS(catalogue.makeStrategy("Probe", {1.5}), doctest::Contains("expected in [0"),
                         cybersim::ConfigError);
    CHECK_THROWS_WITH_AS(catalogue.makeStrategy("Probe", {0.1, 0.2}), doctest::Contains("takes 1 parameters"),
                         cybersim::ConfigError);
    CHECK_THROWS_WITH_AS(catalogue.makeStrategy("Nope", {}), "unknown strategy 'Nope'", cybersim::ConfigError);
}

TEST_CASE("catalogue: suggestNearest offers close names only")
{
    const std::vector<std::string> names{"TitForTat", "Grudger", "Defector"};
    CHECK(suggestNearest("TitForTatt", names) == std::optional<std::string>("TitForTat"));
    CHECK(suggestNearest("grudger", names) == std::optional<std::string>("Grudger"));
    CHECK_FALSE(suggestNearest("Zebra", names).has_value());
}

TEST_CASE("diagnostic: formats file, line, column and key path")
{
    const cybersim::Diagnostic d{"x.toml", 12, 5, "states[2].budget", "is -3, expected >= 0"};
    CHECK(d.format() == "x.toml:12:5: error: states[2].budget: is -3, expected >= 0");
    const cybersim::ScenarioError e({d, {"", 0, 0, "", "second"}});
    CHECK(std::string(e.what()) == "x.toml:12:5: error: states[2].budget: is -3, expected >= 0\nerror: second");
    CHECK(e.diagnostics().size() == 2);
}
