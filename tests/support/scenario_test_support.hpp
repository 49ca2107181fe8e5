// SPDX-License-Identifier: MIT
// Shared by the scenario tests: a small catalogue independent of agents/, paths, and a schema-driven comparison.
#pragma once

#include "cybersim/core/catalogue.hpp"
#include "cybersim/scenario/scenario.hpp"
#include "cybersim/scenario/scenario_schema.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

namespace cybersim::test
{

class Cooperator final : public core::Strategy
{
public:
    void decide(std::span<core::DyadMemory>, std::span<core::Action> out, const core::DecisionContext&) const override
    {
        for (auto& a : out)
            a = core::Action::Cooperate;
    }
};

/// TitForTat, GTFT (p in [0, 1]) and the seven doctrine names of the default scenario.
inline const core::Catalogue& scenarioCatalogue()
{
    static const core::Catalogue catalogue = []
    {
        core::Catalogue c;
        const auto make = [](const std::vector<double>&) { return std::make_unique<Cooperator>(); };
        c.addStrategy({"TitForTat", "copies the partner's last act", {}, false, make});
        c.addStrategy({"GTFT",
                       "tit for tat that forgives with probability p",
                       {{"p", "probability of forgiving a defection", 0.0, 1.0, 0.33}},
                       true,
                       make});
        for (const char* name : {"common-security-builder", "realist-hedger", "zero-sum-hegemon", "free-rider",
                                 "isolationist", "norm-entrepreneur", "hypocrite"})
        {
            core::DoctrineDef d;
            d.name = name;
            d.strategy = std::string(name) == "common-security-builder" ? "GTFT" : "TitForTat";
            c.addDoctrine(d);
        }
        return c;
    }();
    return catalogue;
}

inline std::filesystem::path sourceDir()
{
    return CYBERSIM_SOURCE_DIR;
}
inline std::filesystem::path dataDir()
{
    return sourceDir() / "tests" / "data";
}

/// Checks that two scenarios have the same content: every schema key, every array and matrix. Provenance (source
/// file, CSV paths, source lines) is not content.
inline void checkSameContent(const scenario::Scenario& a, const scenario::Scenario& b)
{
    REQUIRE(a.states.size() == b.states.size());
    REQUIRE(a.events.size() == b.events.size());
    REQUIRE(a.network.edges.size() == b.network.edges.size());
    REQUIRE(a.governance.issues.size() == b.governance.issues.size());
    REQUIRE(a.claims.size() == b.claims.size());
    for (const auto& p : scenario::parameters())
    {
        if (p.unit == "path")
            continue;
        std::size_t count = 1;
        if (p.group == "states")
            count = a.states.size();
        else if (p.group == "events")
            count = a.events.size();
        else if (p.group == "network.edges")
            count = a.network.edges.size();
        else if (p.group == "governance.issues")
            count = a.governance.issues.size();
        else if (p.group == "claims")
            count = a.claims.size();
        for (std::size_t i = 0; i < count; ++i)
        {
            INFO(p.key, " [", i, "]");
            CHECK(p.get(a, i) == p.get(b, i));
        }
    }
    for (std::size_t i = 0; i < a.states.size(); ++i)
        CHECK(a.states[i].strategyParams == b.states[i].strategyParams);
    CHECK(a.game.actions == b.game.actions);
    CHECK(a.game.payoffs == b.game.payoffs);
    CHECK(a.game.cooperativeActions == b.game.cooperativeActions);
    CHECK(a.generate.doctrines == b.generate.doctrines);
    CHECK(a.generate.doctrineShares == b.generate.doctrineShares);
    CHECK(a.network.interdependence.names == b.network.interdependence.names);
    CHECK(a.network.interdependence.values == b.network.interdependence.values);
    CHECK(a.network.alliance.names == b.network.alliance.names);
    CHECK(a.network.alliance.values == b.network.alliance.values);
    CHECK(a.network.trust.names == b.network.trust.names);
    CHECK(a.network.trust.values == b.network.trust.values);
}

} // namespace cybersim::test
