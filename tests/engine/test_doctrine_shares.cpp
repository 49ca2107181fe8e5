// SPDX-License-Identifier: MIT
// Doctrine shares: the composition of doctrines among active states, as the GUI's Doctrines chart draws it.
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/engine/doctrine_shares.hpp"
#include "cybersim/engine/simulation.hpp"
#include "world_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>

using namespace cybersim;

namespace
{
engine::StateMetrics state(std::int32_t doctrine, bool active = true)
{
    engine::StateMetrics s;
    s.doctrine = doctrine;
    s.active = active;
    return s;
}

double sum(const std::vector<double>& shares)
{
    return std::accumulate(shares.begin(), shares.end(), 0.0);
}
} // namespace

TEST_CASE("doctrine shares: hand-computed composition")
{
    SUBCASE("four states over three doctrines")
    {
        const std::vector<engine::StateMetrics> states{state(0), state(2), state(2), state(0)};
        const auto shares = engine::doctrineShares(states, 3);
        REQUIRE(shares.size() == 3);
        CHECK(shares[0] == doctest::Approx(0.5));
        CHECK(shares[1] == 0.0);
        CHECK(shares[2] == doctest::Approx(0.5));
    }
    SUBCASE("one state holds a doctrine of its own")
    {
        const std::vector<engine::StateMetrics> states{state(1), state(1), state(0)};
        const auto shares = engine::doctrineShares(states, 2);
        REQUIRE(shares.size() == 2);
        CHECK(shares[0] == doctest::Approx(1.0 / 3.0));
        CHECK(shares[1] == doctest::Approx(2.0 / 3.0));
        CHECK(sum(shares) == doctest::Approx(1.0));
    }
    SUBCASE("doctrines outside the catalogue are left out")
    {
        const std::vector<engine::StateMetrics> states{state(0), state(5), state(-1), state(1)};
        const auto shares = engine::doctrineShares(states, 2);
        CHECK(shares[0] == doctest::Approx(0.5));
        CHECK(shares[1] == doctest::Approx(0.5));
    }
}

TEST_CASE("doctrine shares: inactive states are excluded")
{
    SUBCASE("only active states count")
    {
        const std::vector<engine::StateMetrics> states{state(0), state(1, false), state(1, false), state(2)};
        const auto shares = engine::doctrineShares(states, 3);
        CHECK(shares[0] == doctest::Approx(0.5));
        CHECK(shares[1] == 0.0);
        CHECK(shares[2] == doctest::Approx(0.5));
        CHECK(sum(shares) == doctest::Approx(1.0));
    }
    SUBCASE("no active state gives all zeros")
    {
        const std::vector<engine::StateMetrics> states{state(0, false), state(1, false)};
        CHECK(engine::doctrineShares(states, 2) == std::vector<double>{0.0, 0.0});
        CHECK(engine::doctrineShares({}, 3) == std::vector<double>{0.0, 0.0, 0.0});
    }
    SUBCASE("a state yet to join is inactive in the simulation's figures")
    {
        auto s = test::uniformWorld(4, "realist-hedger", 20);
        s.states[3].doctrine = "zero-sum-hegemon";
        s.events.push_back({5, scenario::EventKind::Join, "S3", "", "", 0.0, 1.0, 0});
        engine::Simulation simulation(s, agents::builtinCatalogue());
        const auto& names = simulation.doctrineNames();
        const auto hedger = std::size_t(std::find(names.begin(), names.end(), "realist-hedger") - names.begin());
        REQUIRE(hedger < names.size());
        CHECK_FALSE(simulation.stateMetrics()[3].active);
        CHECK(engine::doctrineShares(simulation.stateMetrics(), names.size())[hedger] == doctest::Approx(1.0));
        simulation.advance(6);
        CHECK(simulation.stateMetrics()[3].active);
        const auto shares = engine::doctrineShares(simulation.stateMetrics(), names.size());
        CHECK(shares[hedger] == doctest::Approx(0.75));
        CHECK(sum(shares) == doctest::Approx(1.0));
    }
}

TEST_CASE("doctrine shares: sum to one over a learning run")
{
    engine::Simulation simulation(test::mixedWorld(30, 40), agents::builtinCatalogue());
    const auto count = simulation.doctrineNames().size();
    while (!simulation.finished())
    {
        simulation.step();
        const auto shares = engine::doctrineShares(simulation.stateMetrics(), count);
        REQUIRE(shares.size() == count);
        CHECK(sum(shares) == doctest::Approx(1.0));
        for (const double share : shares)
            CHECK((share >= 0.0 && share <= 1.0));
    }
}
