// SPDX-License-Identifier: MIT
// The canonical results (CANONICAL.md): the quick variant of every implemented check passes; missing data is a SKIP.
#include "cybersim/validation/canonical.hpp"

#include "cybersim/core/error.hpp"
#include "cybersim/scenario/data_locator.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace cybersim;
using validation::Status;

namespace
{

validation::ValidationOptions quickOptions()
{
    validation::ValidationOptions options;
    options.quick = true;
    // The folders `cybersim validate` uses: shipped data found from the program's place, as in an install.
    const auto data = scenario::DataLocator::forThisProgram();
    options.referenceDir = data.validationDir();
    options.scenariosDir = data.scenariosDir();
    return options;
}

// Rows that compare the engine's Moran learning rule with the Moran process: a known deviation until the engine
// updates fitness within a learning step (see docs/validation.md); tested separately below.
bool isEngineMoranRow(const validation::ValidationRow& row)
{
    return row.quantity.starts_with("engine Moran rule");
}

void checkAllPass(const std::string& name)
{
    const auto report = validation::runCheck(name, quickOptions());
    REQUIRE_FALSE(report.rows.empty());
    for (const auto& row : report.rows)
    {
        if (isEngineMoranRow(row))
            continue;
        INFO(name << ": " << row.quantity << " | published " << row.published << " | ours " << row.ours << " | "
                  << row.note);
        CHECK((row.status == Status::Pass || row.status == Status::Info));
    }
}

// A chart the plot library can draw and a reader can read: titles, data beyond reference lines, finite values.
void checkChartData(const validation::CheckChart& chart)
{
    using validation::ChartStyle;
    REQUIRE_FALSE(chart.isEmpty());
    CHECK_FALSE(chart.title.empty());
    CHECK_FALSE(chart.xTitle.empty());
    CHECK_FALSE(chart.yTitle.empty());
    if (chart.yMin && chart.yMax)
        CHECK(*chart.yMin < *chart.yMax);
    int data = 0, named = 0;
    for (const auto& s : chart.series)
    {
        CAPTURE(s.name);
        const bool isLine =
            s.style == ChartStyle::Line || s.style == ChartStyle::Dashed || s.style == ChartStyle::Reference;
        CHECK(s.points.size() >= (isLine ? 2U : 1U));
        data += s.style != ChartStyle::Reference ? 1 : 0;
        named += s.name.empty() ? 0 : 1;
        for (const auto& p : s.points)
        {
            INFO("point (" << p.x << ", " << p.y << ") +- " << p.error);
            CHECK(std::isfinite(p.x));
            CHECK(std::isfinite(p.y));
            CHECK(std::isfinite(p.error));
            CHECK(p.error >= 0.0);
            if (chart.logX)
                CHECK(p.x > 0.0);
            if (chart.logY)
                CHECK(p.y > 0.0);
            if (!chart.xCategories.empty())
            {
                CHECK(p.x >= -0.5);
                CHECK(p.x <= double(chart.xCategories.size()) - 0.5);
            }
        }
    }
    CHECK(data > 0);
    CHECK(named > 0);
}

} // namespace

TEST_CASE("validation: every check's quick variant gives chart data with titles and finite values")
{
    for (const auto& info : validation::canonicalChecks())
    {
        CAPTURE(info.name);
        checkChartData(validation::runCheck(info.name, quickOptions()).chart);
    }
}

TEST_CASE("validation: a chart is empty until a series has a point")
{
    validation::CheckChart chart;
    CHECK(chart.isEmpty());
    chart.series.push_back({"a", validation::ChartStyle::Line, {}, -1});
    CHECK(chart.isEmpty());
    chart.series.push_back({"b", validation::ChartStyle::Points, {{0.0, 1.0, 0.0}}, -1});
    CHECK_FALSE(chart.isEmpty());
}

TEST_CASE("validation: the quick variant of each implemented canonical check passes")
{
    SUBCASE("axelrod-1980")
    {
        checkAllPass("axelrod-1980");
    }
    SUBCASE("axelrod-peer")
    {
        checkAllPass("axelrod-peer");
    }
    SUBCASE("nowak-may")
    {
        checkAllPass("nowak-may");
    }
    SUBCASE("fixation")
    {
        checkAllPass("fixation");
    }
    SUBCASE("richardson")
    {
        checkAllPass("richardson");
    }
    SUBCASE("generosity")
    {
        checkAllPass("generosity");
    }
    SUBCASE("collective-risk")
    {
        checkAllPass("collective-risk");
    }
}

TEST_CASE("validation: the engine's Moran rule reproduces the Moran fixation probability")
{
    const auto report = validation::runCheck("fixation", quickOptions());
    bool found = false;
    for (const auto& row : report.rows)
        if (isEngineMoranRow(row))
        {
            found = true;
            INFO(row.quantity << " | published " << row.published << " | ours " << row.ours << " | " << row.note);
            CHECK(row.status == Status::Pass);
        }
    CHECK(found);
}

TEST_CASE("validation: Axelrod's norms collapse and metanorms establish the norm (100 engine runs each)")
{
    const auto report = validation::runCheck("norms", quickOptions());
    REQUIRE(report.rows.size() == 2);
    for (const auto& row : report.rows)
    {
        INFO(row.quantity << " | ours " << row.ours << " | " << row.note);
        CHECK(row.status == Status::Pass);
    }
}

TEST_CASE("validation: missing reference data is reported as SKIP, never PASS")
{
    auto options = quickOptions();
    options.referenceDir = "/nonexistent/cybersim-validation";
    const auto peer = validation::runCheck("axelrod-peer", options);
    CHECK(peer.status() == Status::Skip);
    CHECK(peer.chart.isEmpty()); // nothing computed, nothing to draw: `cybersim validate --out` writes no chart
    for (const auto& row : peer.rows)
    {
        CHECK(row.status == Status::Skip);
        CHECK(row.note.find("cannot open") != std::string::npos);
    }
    options.scenariosDir = "/nonexistent/cybersim-scenarios";
    CHECK(validation::runCheck("richardson", options).status() == Status::Skip);
    CHECK(validation::runCheck("nowak-may", options).status() == Status::Skip);
}

TEST_CASE("validation: a folder the front end left empty is a FAIL that says so, never a look in the working folder")
{
    auto options = quickOptions();
    options.referenceDir.clear();
    const auto peer = validation::runCheck("axelrod-peer", options);
    CHECK(peer.status() == Status::Fail);
    REQUIRE_FALSE(peer.rows.empty());
    CHECK(peer.rows.back().note.find("ValidationOptions::referenceDir is empty") != std::string::npos);
    options = quickOptions();
    options.scenariosDir.clear();
    const auto richardson = validation::runCheck("richardson", options);
    CHECK(richardson.status() == Status::Fail);
    REQUIRE_FALSE(richardson.rows.empty());
    CHECK(richardson.rows.back().note.find("ValidationOptions::scenariosDir is empty") != std::string::npos);
}

TEST_CASE("validation: every listed check runs by name, an unknown name throws")
{
    CHECK(validation::canonicalChecks().size() == 8);
    CHECK_THROWS_WITH_AS((void)validation::runCheck("nope", quickOptions()), "unknown check 'nope'", ConfigError);
}

TEST_CASE("validation: a report's status is FAIL if any row fails, and SKIP or NOT IMPLEMENTED is never PASS")
{
    validation::CheckReport report;
    report.rows.push_back({"a", "", "", "", Status::Pass, ""});
    report.rows.push_back({"b", "", "", "", Status::Info, ""});
    CHECK(report.status() == Status::Pass);
    report.rows.push_back({"c", "", "", "", Status::NotImplemented, ""});
    CHECK(report.status() == Status::NotImplemented);
    report.rows.push_back({"d", "", "", "", Status::Skip, ""});
    CHECK(report.status() == Status::Skip);
    report.rows.push_back({"e", "", "", "", Status::Fail, ""});
    CHECK(report.status() == Status::Fail);
}

TEST_CASE("validation: the fixation simulator is deterministic at any thread count")
{
    validation::FixationSimulationDef def;
    def.process = validation::FixationSimulationDef::Process::Pairwise;
    def.populationSize = 12;
    def.a = 4.0, def.b = 0.0, def.c = 3.0, def.d = 2.0;
    def.intensity = 0.5;
    def.replicates = 4000;
    def.seed = 99;
    const int one = validation::simulateFixations(def, 1);
    CHECK(validation::simulateFixations(def, 2) == one);
    CHECK(validation::simulateFixations(def, 4) == one);
    def.populationSize = 1;
    CHECK_THROWS_AS((void)validation::simulateFixations(def), ConfigError);
}

TEST_CASE("validation: reports are written as CSV and JSON")
{
    validation::CheckReport report;
    report.name = "x";
    report.citation = "A, B";
    report.rows.push_back({"q, with comma", "1", "2", "3", Status::Pass, "note \"quoted\""});
    const auto csv = validation::reportsCsv({report});
    CHECK(csv.starts_with("check,check_status,quantity,published,ours,tolerance,status,note,citation\n"));
    CHECK(csv.find("\"q, with comma\"") != std::string::npos);
    CHECK(csv.find("\"note \"\"quoted\"\"\"") != std::string::npos);
    report.chart.title = "t";
    report.chart.series.push_back({"ours", validation::ChartStyle::OpenPoints, {{1.0, 2.0, 0.5}}, -1});
    const auto json = validation::reportsJson({report}, true);
    CHECK(json.find("\"variant\": \"quick\"") != std::string::npos);
    CHECK(json.find("\"status\": \"PASS\"") != std::string::npos);
    CHECK(json.find("\"style\": \"open-points\"") != std::string::npos);
    CHECK(json.find("\"name\": \"ours\"") != std::string::npos);
}
