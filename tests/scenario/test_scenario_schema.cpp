// SPDX-License-Identifier: MIT
// Tests of the scenario schema: one row per key, defaults and accessors agree with the structs, and
// docs/scenarios.md is exactly what the schema renders.
#include "cybersim/core/error.hpp"
#include "cybersim/scenario/scenario_schema.hpp"

#include "scenario_test_support.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>

using namespace cybersim::scenario;

TEST_CASE("scenario schema: keys are unique, snake_case and documented")
{
    std::set<std::string> keys;
    for (const auto& p : parameters())
    {
        INFO(p.key);
        CHECK(keys.insert(p.key).second);
        CHECK_FALSE(p.meaning.empty());
        CHECK(p.key.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ-") == std::string::npos);
        CHECK(static_cast<bool>(p.getter));
        CHECK(static_cast<bool>(p.setter));
        if (p.type == ValueType::Choice)
            CHECK_FALSE(p.choices.empty());
        // Defaults are valid values of their own key.
        CHECK_FALSE(p.checkValue(p.defaultValue).has_value());
    }
    CHECK(keys.count("trust.loss_rate") == 1);
    CHECK(keys.count("states[].capability") == 1);
}

TEST_CASE("scenario schema: defaults come from a default-constructed Scenario and setters reach the fields")
{
    const Scenario defaults;
    CHECK(findParameter("trust.loss_rate")->defaultValue == ParamValue(0.2));
    CHECK(findParameter("run.rounds")->defaultValue == ParamValue(std::int64_t{200}));
    CHECK(findParameter("network.kind")->defaultValue == ParamValue(std::string("watts-strogatz")));
    CHECK(findParameter("states[].ict_dependence")->defaultValue == ParamValue(0.5));
    for (const auto& p : parameters())
        if (!p.isElementKey())
        {
            INFO(p.key);
            CHECK(p.get(defaults) == p.defaultValue);
        }

    Scenario s;
    s.states.resize(3);
    findParameter("trust.loss_rate")->set(s, 0.4);
    findParameter("network.neighbourhood")->set(s, std::string("von-neumann"));
    findParameter("run.rounds")->set(s, std::int64_t{12});
    findParameter("arms.dt")->set(s, std::int64_t{1}); // an integer is accepted for a real
    const auto ref = resolveParameter("states[2].capability");
    REQUIRE(ref.info != nullptr);
    CHECK(ref.index == 2);
    ref.info->set(s, 7.5, ref.index);
    CHECK(s.trust.lossRate == 0.4);
    CHECK(s.network.neighbourhood == Neighbourhood::VonNeumann);
    CHECK(s.run.rounds == 12);
    CHECK(s.arms.dt == 1.0);
    CHECK(s.states[2].capability == 7.5);
    CHECK_THROWS_AS(findParameter("network.kind")->set(s, std::string("star")), cybersim::ConfigError);
    CHECK_THROWS_AS(findParameter("run.rounds")->set(s, std::string("x")), cybersim::ConfigError);
    CHECK_THROWS_AS(ref.info->set(s, 1.0, 9), cybersim::ConfigError);
    CHECK(findParameter("nope.key") == nullptr);
    CHECK(resolveParameter("states[x].capability").info == nullptr);
}

TEST_CASE("scenario schema: value checks in house style")
{
    const auto* loss = findParameter("trust.loss_rate");
    CHECK(loss->checkValue(1.5) == std::optional<std::string>("is 1.5, expected in [0, 1]"));
    CHECK(findParameter("noise.execution")->checkValue(-0.1) ==
          std::optional<std::string>("is -0.1, expected a probability in [0, 1]"));
    CHECK(findParameter("states[].budget")->checkValue(std::int64_t{-3}) ==
          std::optional<std::string>("is -3, expected >= 0"));
    CHECK(findParameter("governance.quorum")->checkValue(0.0) ==
          std::optional<std::string>("is 0.0, expected in (0, 1]"));
    CHECK(findParameter("run.rounds")->checkValue(2.0) == std::optional<std::string>("is 2.0, expected an integer"));
    CHECK(findParameter("game.benefit")->checkValue(std::nan("")) ==
          std::optional<std::string>("is nan, expected a finite number"));
    CHECK(findParameter("learning.rule")->checkValue(std::string("moran")) == std::nullopt);
    CHECK(findParameter("learning.rule")->checkValue(std::string("moron"))->find("(did you mean \"moran\"?)") !=
          std::string::npos);
    CHECK(findParameter("arms.enabled")->checkValue(std::int64_t{1}) ==
          std::optional<std::string>("is 1, expected true or false"));
    CHECK(findParameter("governance.quorum")->rangeText() == "(0, 1]");
    CHECK(findParameter("arms.grievance")->rangeText() == "any");
    CHECK(findParameter("network.neighbourhood")->rangeText() == "von-neumann | moore");
}

TEST_CASE("scenario schema: reals format in shortest round-trip form")
{
    CHECK(formatValue(0.1) == "0.1");
    CHECK(formatValue(3.0) == "3.0");
    CHECK(formatValue(1e22) == "1e+22");
    CHECK(formatValue(std::string("a\"b")) == "\"a\\\"b\"");
    CHECK(formatReal(0.30000000000000004) == "0.30000000000000004");
}

TEST_CASE("scenario docs: docs/scenarios.md matches the schema")
{
    const auto path = cybersim::test::sourceDir() / "docs" / "scenarios.md";
    const auto expected = schemaMarkdown();
    const char* update = std::getenv("CYBERSIM_UPDATE_DOCS");
    if (update != nullptr && std::string(update) == "1")
    {
        std::ofstream out(path, std::ios::binary);
        out << expected;
        MESSAGE("rewrote " << path.string());
    }
    std::ifstream in(path, std::ios::binary);
    const std::string actual((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    INFO("docs/scenarios.md is out of date; regenerate it with: CYBERSIM_UPDATE_DOCS=1 build/tests/cybersim_tests "
         "-tc=\"scenario docs*\"");
    CHECK(actual == expected);
}

TEST_CASE("scenario schema: an integer bound beyond the int64 range prints without overflow (found by the fuzzer)")
{
    const auto* seed = cybersim::scenario::findParameter("run.seed");
    REQUIRE(seed != nullptr);
    CHECK_FALSE(seed->rangeText().empty());
    CHECK(seed->checkValue(cybersim::scenario::ParamValue{-1.5}).has_value());
}
