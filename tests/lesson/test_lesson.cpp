// SPDX-License-Identifier: MIT
// Lessons: every shipped lesson loads, is tied to the source document and plays to the end; every bad input is named.
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/lesson/lesson.hpp"
#include "cybersim/lesson/lesson_runner.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace
{

using namespace cybersim;
namespace fs = std::filesystem;

const fs::path kSource = CYBERSIM_SOURCE_DIR;

std::string collapseSpaces(const std::string& text)
{
    std::string out;
    for (const char c : text)
        if (!std::isspace(static_cast<unsigned char>(c)))
            out += c;
    return out;
}

lesson::Lesson parse(const std::string& text)
{
    return lesson::parseLesson(text, "bad.toml", agents::builtinCatalogue(), kSource / "scenarios");
}

// All diagnostics of a lesson that must not load, one per line.
doctest::String problems(const std::string& text)
{
    try
    {
        (void)parse(text);
    }
    catch (const ScenarioError& e)
    {
        std::string out;
        for (const auto& d : e.diagnostics())
            out += d.format() + "\n";
        return out.c_str();
    }
    return "(loaded)";
}

const std::string kHead = "title = \"t\"\nsummary = \"s\"\n[source]\ndocument = \"d\"\nprinciple = \"peace\"\n"
                          "quote = \"q\"\n";

} // namespace

TEST_CASE("lesson: every shipped lesson loads, quotes the source document and plays to the end")
{
    std::ifstream in(kSource / "seeds" / "000_e5ae1bf4d8c70917.txt", std::ios::binary);
    const std::string seed{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    REQUIRE(!seed.empty());
    const auto files = lesson::lessonFiles(kSource / "scenarios" / "lessons");
    REQUIRE(files.size() >= 6);
    for (const auto& file : files)
    {
        CAPTURE(file.string());
        const auto lesson = lesson::loadLessonFile(file, agents::builtinCatalogue(), kSource / "scenarios");
        CHECK(!lesson.title.empty());
        CHECK(lesson.source.document == "seeds/000_e5ae1bf4d8c70917.txt");
        // The quote is the document's own words (spacing aside: the document runs some sentences together).
        CHECK(collapseSpaces(seed).find(collapseSpaces(lesson.source.quote)) != std::string::npos);
        REQUIRE(!lesson.steps.empty());
        CHECK(lesson.steps.front().startsRun());
        lesson::LessonRunner runner(lesson, agents::builtinCatalogue());
        runner.playToEnd();
        CHECK(!runner.hasNextStep());
        REQUIRE(runner.spans().size() == lesson.steps.size());
        for (std::size_t i = 0; i < lesson.steps.size(); ++i)
            CHECK(runner.spans()[i].lastRow - runner.spans()[i].firstRow ==
                  static_cast<std::size_t>(lesson.steps[i].rounds));
        for (const auto& replay : runner.replays())
            CHECK(replay.trust.size() == replay.rowCount() * replay.relations.size() * 2);
    }
}

TEST_CASE("lesson: a continued step changes parameters and is recorded as an event")
{
    const auto lesson = parse(kHead + "[[steps]]\ntext = \"a\"\nscenario = \"attribution-noise\"\nrounds = 5\n"
                                      "[[steps]]\ntext = \"b\"\nset = { \"noise.false_attribution\" = 0 }\n"
                                      "rounds = 3\ncharts = [\"accusations\", \"trust-matrix\"]\n");
    REQUIRE(lesson.steps.size() == 2);
    CHECK(lesson.steps[0].scenario->run.rounds == 300); // the scenario's own length covers the steps' 8 rounds
    CHECK(lesson.steps[0].charts == std::vector{lesson::LessonChart::CooperationTrust});
    CHECK(lesson.steps[1].charts == std::vector{lesson::LessonChart::Accusations, lesson::LessonChart::TrustMatrix});
    lesson::LessonRunner runner(lesson, agents::builtinCatalogue());
    runner.playStep();
    CHECK(runner.simulation().scenario().noise.falseAttribution == doctest::Approx(0.05));
    runner.beginStep();
    CHECK(runner.simulation().scenario().noise.falseAttribution == 0.0);
    CHECK(runner.roundsLeftInStep() == 3);
    runner.stepRound();
    runner.setParameter("noise.false_attribution", 0.5); // the teacher's live "what if"
    runner.playToEnd();
    CHECK(runner.replays().size() == 1);
    CHECK(runner.replays()[0].rowCount() == 9);
    const auto& events = runner.replays()[0].record.events;
    CHECK(std::count_if(events.begin(), events.end(),
                        [](const engine::EventRecord& e) { return e.type == engine::EventType::ParameterSet; }) == 2);
    CHECK_THROWS_AS(runner.beginStep(), ConfigError);
    CHECK_THROWS_WITH_AS(runner.setParameter("noise.false_attribution", 2.0),
                         doctest::Contains("expected a probability in [0, 1]"), ScenarioError);
}

TEST_CASE("lesson: bad lessons are reported with file, line, key and what is allowed")
{
    const std::string step = "[[steps]]\ntext = \"a\"\nscenario = \"attribution-noise\"\nrounds = 5\n";
    SUBCASE("invalid TOML")
    {
        CHECK(problems("title = \n") == doctest::Contains("bad.toml:1:"));
        CHECK(problems("title = \n") == doctest::Contains("invalid TOML"));
    }
    SUBCASE("missing title, summary, source and steps")
    {
        const auto p = problems("");
        CHECK(p == doctest::Contains("title: is missing, expected a string"));
        CHECK(p == doctest::Contains("summary: is missing"));
        CHECK(p == doctest::Contains("source: is missing"));
        CHECK(p == doctest::Contains("steps: is missing, expected at least one [[steps]]"));
    }
    SUBCASE("unknown keys")
    {
        const auto p = problems("colour = 1\n" + kHead + step + "speed = 2\n");
        CHECK(p == doctest::Contains("bad.toml:1:10: error: colour: is not a lesson key, expected one of: title"));
        CHECK(p == doctest::Contains("steps[0].speed: is not a lesson key, expected one of: title, text"));
    }
    SUBCASE("rounds out of range or missing")
    {
        CHECK(problems(kHead + "[[steps]]\ntext = \"a\"\nscenario = \"default\"\nrounds = -1\n") ==
              doctest::Contains("bad.toml:10:10: error: steps[0].rounds: is -1, expected an integer in [0, 100000]"));
        CHECK(problems(kHead + "[[steps]]\ntext = \"a\"\nscenario = \"default\"\n") ==
              doctest::Contains("steps[0].rounds: is missing"));
    }
    SUBCASE("unknown chart")
    {
        CHECK(problems(kHead + step + "charts = [\"pie\"]\n") ==
              doctest::Contains("steps[0].charts[0]: is \"pie\", expected one of: cooperation-trust, arms"));
    }
    SUBCASE("the first step has no scenario, or names one that does not exist")
    {
        CHECK(problems(kHead + "[[steps]]\ntext = \"a\"\nrounds = 5\n") ==
              doctest::Contains("steps[0].scenario: is missing, expected the scenario the first step starts from"));
        CHECK(problems(kHead + "[[steps]]\ntext = \"a\"\nscenario = \"no-such\"\nrounds = 5\n") ==
              doctest::Contains("steps[0].scenario: is \"no-such\", which is neither a file next to the lesson"));
    }
    SUBCASE("a scenario override out of range is located in the lesson")
    {
        CHECK(problems(kHead + step + "set = { \"noise.false_attribution\" = 2.0 }\n") ==
              doctest::Contains(
                  "bad.toml:11:37: error: steps[0].set.noise.false_attribution: is 2.0, expected a probability"));
        CHECK(problems(kHead + step + "set = { \"noise.false_attribution\" = 2.0 }\n") == doctest::Contains("[0, 1]"));
        CHECK(problems(kHead + step + "set = { \"run.rounds\" = 9 }\n") ==
              doctest::Contains("steps[0].set.run.rounds: is set by the lesson"));
    }
    SUBCASE("live changes: unknown, not numeric, out of range")
    {
        const auto live = [&](const std::string& set)
        { return problems(kHead + step + "[[steps]]\ntext = \"b\"\nrounds = 2\nset = { " + set + " }\n"); };
        CHECK(live("\"noise.nothing\" = 1") ==
              doctest::Contains("steps[1].set.noise.nothing: is not a scenario parameter"));
        CHECK(live("\"governance.approach\" = \"gradual\"") ==
              doctest::Contains("steps[1].set.governance.approach: cannot change during a run"));
        CHECK(live("\"trust.loss_rate\" = 1.5") ==
              doctest::Contains("bad.toml:14:29: error: steps[1].set.trust.loss_rate: is 1.5, expected in [0, 1]"));
        CHECK(live("trust = { loss_rate = 0.1 }") == "(loaded)"); // nested tables work too
    }
    SUBCASE("steps longer than the scenario extend the run; a shorter lesson keeps its scheduled events valid")
    {
        const auto lesson = parse(kHead + "[[steps]]\ntext = \"a\"\nscenario = \"surveillance-shock\"\nrounds = 10\n"
                                          "[[steps]]\ntext = \"b\"\nrounds = 300\n");
        CHECK(lesson.steps[0].scenario->run.rounds == 310);
        const auto shorter = parse(kHead + "[[steps]]\ntext = \"a\"\nscenario = \"surveillance-shock\"\nrounds = 10\n");
        CHECK(shorter.steps[0].scenario->run.rounds == 200);
    }
    SUBCASE("highlight names no state")
    {
        CHECK(problems(kHead + step + "highlight = \"Atlantis\"\n") ==
              doctest::Contains("steps[0].highlight: is \"Atlantis\", not a state of scenario attribution-noise"));
    }
    SUBCASE("unreadable file")
    {
        CHECK_THROWS_WITH_AS((void)lesson::loadLessonFile(kSource / "no-such-lesson.toml", agents::builtinCatalogue(),
                                                          kSource / "scenarios"),
                             doctest::Contains("no-such-lesson.toml"), ScenarioError);
    }
}

TEST_CASE("lesson: chart names round-trip and charts take their data from the replay")
{
    for (const auto chart : lesson::lessonCharts())
        CHECK(lesson::findLessonChart(lesson::lessonChartName(chart)) == chart);
    CHECK(!lesson::findLessonChart("pie"));
    const auto lesson = parse(kHead + "[[steps]]\ntext = \"a\"\nscenario = \"surveillance-shock\"\nrounds = 90\n"
                                      "highlight = \"Orlanth\"\n");
    lesson::LessonRunner runner(lesson, agents::builtinCatalogue());
    runner.playToEnd();
    const auto& replay = runner.replays().front();
    for (const auto chart : lesson::lessonCharts())
    {
        CAPTURE(lesson::lessonChartName(chart));
        if (!lesson::isTimeSeriesChart(chart))
        {
            CHECK_THROWS_AS((void)lesson::timeSeriesChart(chart, replay, 10), ConfigError);
            continue;
        }
        const auto data = lesson::timeSeriesChart(chart, replay, 90, "Orlanth");
        CHECK(data.rounds.size() == 91);
        REQUIRE(!data.series.empty());
        for (const auto& s : data.series)
            CHECK(s.values.size() == 91);
    }
    const auto legitimacy = lesson::timeSeriesChart(lesson::LessonChart::Legitimacy, replay, 90, "Orlanth");
    REQUIRE(legitimacy.series.size() == 2);
    CHECK(legitimacy.series[1].emphasised);
    CHECK(legitimacy.series[1].values.back() < legitimacy.series[1].values[79]); // the disclosure costs legitimacy
    CHECK(!legitimacy.markers.empty());
    const auto matrix = lesson::trustMatrixAt(replay, 90);
    CHECK(matrix.size() == replay.record.stateNames.size() * replay.record.stateNames.size());
    CHECK_THROWS_AS((void)lesson::timeSeriesChart(lesson::LessonChart::Arms, replay, 91), ConfigError);
}
