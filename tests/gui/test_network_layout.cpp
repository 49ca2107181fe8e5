// SPDX-License-Identifier: MIT
// Network layout: positions fill the unit square, are deterministic, and related states sit closer than unrelated.
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/engine/world.hpp"
#include "layout/network_layout.hpp"
#include "world_fixtures.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace cybersim;

TEST_CASE("network layout: deterministic positions inside the unit square")
{
    auto scenario = test::mixedWorld(30);
    const auto world = engine::buildWorld(scenario, agents::builtinCatalogue(), scenario.run.seed);
    const auto first = gui::layoutNetwork(world, 3);
    REQUIRE(first.size() == world.stateCount());

    SUBCASE("every point within the margins")
    {
        for (const auto& p : first)
        {
            CHECK(p.x >= 0.05 - 1e-12);
            CHECK(p.x <= 0.95 + 1e-12);
            CHECK(p.y >= 0.05 - 1e-12);
            CHECK(p.y <= 0.95 + 1e-12);
            CHECK(std::isfinite(p.x));
            CHECK(std::isfinite(p.y));
        }
    }
    SUBCASE("same world and seed give the same layout, bit for bit")
    {
        const auto second = gui::layoutNetwork(world, 3);
        for (std::size_t i = 0; i < first.size(); ++i)
        {
            CHECK(first[i].x == second[i].x);
            CHECK(first[i].y == second[i].y);
        }
    }
    SUBCASE("neighbours are on average closer than non-neighbours")
    {
        double near = 0.0, far = 0.0;
        int nearCount = 0, farCount = 0;
        for (std::uint32_t i = 0; i < world.stateCount(); ++i)
            for (std::uint32_t j = i + 1; j < world.stateCount(); ++j)
            {
                const double d = std::hypot(first[i].x - first[j].x, first[i].y - first[j].y);
                if (world.findEdge(i, j) >= 0)
                    near += d, ++nearCount;
                else
                    far += d, ++farCount;
            }
        REQUIRE(nearCount > 0);
        REQUIRE(farCount > 0);
        CHECK(near / nearCount < far / farCount);
    }
}

TEST_CASE("network layout: large worlds are placed on a grid in index order")
{
    engine::World world;
    const std::size_t n = gui::kMaxForceDirectedStates + 1;
    world.states.resize(n);
    world.offsets.assign(n + 1, 0);
    const auto points = gui::layoutNetwork(world);
    REQUIRE(points.size() == n);
    CHECK(points[0].x < points[1].x);
    CHECK(points[0].y == points[1].y);
    CHECK(points[n - 1].y > points[0].y);
}

TEST_CASE("network layout: tiny worlds")
{
    SUBCASE("no states")
    {
        CHECK(gui::layoutNetwork(engine::World{}).empty());
    }
    SUBCASE("one state sits in the middle")
    {
        auto scenario = test::uniformWorld(1, "realist-hedger");
        const auto world = engine::buildWorld(scenario, agents::builtinCatalogue(), 1);
        const auto points = gui::layoutNetwork(world);
        REQUIRE(points.size() == 1);
        CHECK(points[0].x == 0.5);
        CHECK(points[0].y == 0.5);
    }
}
