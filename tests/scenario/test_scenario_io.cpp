// SPDX-License-Identifier: MIT
// Tests of the scenario loader and writer: every bad input gives located diagnostics; round trips are exact.
#include "cybersim/core/error.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/scenario/scenario_schema.hpp"

#include "cybersim/agents/register_builtins.hpp"

#include "scenario_test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

using namespace cybersim;
using namespace cybersim::scenario;
using test::scenarioCatalogue;

namespace
{

std::vector<Diagnostic> diagnosticsOf(const std::function<void()>& load)
{
    try
    {
        load();
    }
    catch (const ScenarioError& e)
    {
        return e.diagnostics();
    }
    return {};
}

std::vector<Diagnostic> parseProblems(std::string_view text, const std::vector<std::string>& overrides = {})
{
    return diagnosticsOf([&] { (void)parseScenario(text, "t.toml", scenarioCatalogue(), overrides); });
}

// Two states on a complete network (the default watts-strogatz network needs more than 4 states).
const std::string kTwoStates = "[network]\nkind = \"complete\"\n[[states]]\nname = \"A\"\n[[states]]\nname = \"B\"\n";

void writeFile(const std::filesystem::path& path, std::string_view bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

struct BadCase
{
    const char* file;     // in tests/data/bad
    const char* diagFile; // file the diagnostic names, relative to tests/data/bad ("" = the scenario)
    int line;
    const char* keyPath;
    const char* message; // a substring of the message
};

// One entry per file in tests/data/bad: the problem it contains and where the loader must locate it.
const BadCase kBadCases[] = {
    {"syntax_error.toml", "", 2, "", "invalid TOML"},
    {"unknown_key.toml", "", 7, "trust.los_rate", "unknown key \"los_rate\" in [trust] (did you mean \"loss_rate\"?)"},
    {"unknown_table.toml", "", 6, "trsut", "unknown key \"trsut\" at the top level (did you mean \"trust\"?)"},
    {"wrong_type.toml", "", 7, "run.rounds", "is \"many\", expected an integer"},
    {"real_for_integer.toml", "", 7, "run.rounds", "is 2.5, expected an integer"},
    {"negative_capability.toml", "", 6, "states[1].capability", "is -3, expected >= 0"},
    {"probability_range.toml", "", 7, "noise.false_attribution", "is 1.5, expected a probability in [0, 1]"},
    {"nan_value.toml", "", 7, "trust.initial", "is nan, expected a finite number"},
    {"infinite_value.toml", "", 7, "game.gain", "is inf, expected a finite number"},
    {"duplicate_state.toml", "", 6, "states[2].name", "is \"A\", already the name of states[0]"},
    {"edge_unknown_state.toml", "", 9, "network.edges[0].b", "is \"C\", expected a state name"},
    {"edge_self.toml", "", 8, "network.edges[0].b", "an edge cannot join a state to itself"},
    {"empty_world.toml", "", 0, "", "the world is empty"},
    {"one_state.toml", "", 1, "states", "needs at least 2 states, found 1"},
    {"unknown_doctrine.toml", "", 3, "states[0].doctrine",
     "is \"realist-hedgr\", expected a doctrine name (did you mean \"realist-hedger\"?)"},
    {"unknown_strategy.toml", "", 3, "states[0].strategy", "(did you mean \"TitForTat\"?)"},
    {"unknown_strategy_param.toml", "", 4, "states[0].strategy_params.q",
     "GTFT has no parameter \"q\" (did you mean \"p\"?)"},
    {"strategy_param_range.toml", "", 4, "states[0].strategy_params.p", "is 1.5, expected in [0, 1]"},
    {"doctrine_shares_mismatch.toml", "", 4, "generate.doctrine_shares", "has 3 shares for 2 doctrines"},
    {"lattice_width.toml", "", 6, "network.width", "is 3, which does not divide the 10 states"},
    {"ring_degree_odd.toml", "", 6, "network.degree", "is 3, expected an even number"},
    {"ws_degree_too_large.toml", "", 6, "network.degree", "is 4, expected less than the 4 states"},
    {"event_unknown_state.toml", "", 10, "events[0].target", "is \"Bee\", expected a state name (did you mean \"B\"?)"},
    {"event_round.toml", "", 10, "events[0].round", "is 300, expected in [0, 200)"},
    {"event_set_key.toml", "", 9, "events[0].key", "is \"network.kind\", expected a numeric scenario key"},
    {"event_unused_key.toml", "", 9, "events[0].state", "is not used by a summit event"},
    {"csv_missing.toml", "", 7, "network.trust_csv", "does not exist"},
    {"csv_malformed.toml", "malformed.csv", 3, "network.interdependence_csv", "row has 2 cells, expected 3"},
    {"csv_unknown_name.toml", "unknown_name.csv", 0, "network.alliance_csv",
     "names \"Bee\", which is not a state (did you mean \"B\"?)"},
    {"csv_out_of_range.toml", "out_of_range.csv", 0, "network.trust_csv",
     "value for (\"A\", \"B\") is 1.5, expected in [0, 1]"},
    {"non_ascii_key.toml", "", 7, "", "non-ASCII character outside a string or comment"},
    {"multiline_non_ascii.toml", "", 2, "", "non-ASCII text in a multi-line string is not supported"},
    {"table_wrong_type.toml", "", 1, "run", "is an integer, expected a table ([run])"},
    {"unknown_choice.toml", "", 7, "network.kind", "is \"ringg\", expected one of complete | ring"},
    {"three_problems.toml", "", 3, "states[0].capability", "is -1, expected >= 0"},
    {"matrix_payoffs_size.toml", "", 11, "game.payoffs[1]", "has 2 values, expected 3 (one per act of game.actions)"},
};

} // namespace

TEST_CASE("scenario io: every bad file gives a located diagnostic")
{
    const auto bad = test::dataDir() / "bad";
    for (const auto& c : kBadCases)
    {
        SUBCASE(c.file)
        {
            const auto path = bad / c.file;
            REQUIRE(std::filesystem::exists(path));
            CHECK_THROWS_WITH_AS((void)loadScenarioFile(path, scenarioCatalogue()), doctest::Contains(c.message),
                                 ScenarioError);
            const auto diagnostics = diagnosticsOf([&] { (void)loadScenarioFile(path, scenarioCatalogue()); });
            const auto expectedFile = std::string(c.diagFile).empty() ? path.string() : (bad / c.diagFile).string();
            bool found = false;
            for (const auto& d : diagnostics)
                if (d.message.find(c.message) != std::string::npos)
                {
                    found = true;
                    CHECK(d.file == expectedFile);
                    CHECK(d.line == c.line);
                    CHECK(d.keyPath == c.keyPath);
                    CHECK(d.message.back() != '.');
                }
            INFO(ScenarioError(diagnostics).what());
            CHECK(found);
        }
    }
}

TEST_CASE("scenario io: all problems are reported at once, in file order")
{
    const auto diagnostics = diagnosticsOf(
        [] { (void)loadScenarioFile(test::dataDir() / "bad" / "three_problems.toml", scenarioCatalogue()); });
    REQUIRE(diagnostics.size() == 3);
    CHECK(diagnostics[0].keyPath == "states[0].capability");
    CHECK(diagnostics[1].keyPath == "states[1].doctrine");
    CHECK(diagnostics[1].message.find("did you mean \"zero-sum-hegemon\"") != std::string::npos);
    CHECK(diagnostics[2].keyPath == "trust.loss_rate");
    CHECK(diagnostics[2].line == 9);
    CHECK(diagnostics[2].message == "is 2, expected in [0, 1]");
}

TEST_CASE("scenario io: the embedded default and every shipped scenario load")
{
    SUBCASE("embedded default equals scenarios/default.toml")
    {
        const auto s = defaultScenario(scenarioCatalogue());
        CHECK(s.sourceFile == "<default>");
        CHECK(s.states.size() == 12);
        CHECK(s.network.kind == NetworkKind::WattsStrogatz);
        CHECK(s.run.rounds == 200);
        CHECK(s.run.roundLabel == "quarter");
        CHECK(s.events.size() >= 2);
        std::ifstream in(test::sourceDir() / "scenarios" / "default.toml", std::ios::binary);
        const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CHECK(file == defaultScenarioText());
    }
    SUBCASE("every scenario in scenarios/ and scenarios/classic/ loads with the built-in catalogue")
    {
        // Shipped scenarios name the real doctrines and strategies, so these use agents' catalogue.
        for (const auto* folder : {"scenarios", "scenarios/classic"})
            for (const auto& entry : std::filesystem::directory_iterator(test::sourceDir() / folder))
                if (entry.path().extension() == ".toml")
                {
                    INFO(entry.path().string());
                    CHECK_NOTHROW((void)loadScenarioFile(entry.path(), agents::builtinCatalogue()));
                }
    }
    SUBCASE("the default agenda fills in when [governance] has no issues")
    {
        const auto s = defaultScenario(scenarioCatalogue());
        REQUIRE(s.governance.issues.size() == 4);
        CHECK(s.governance.issues[0].name == "incident-notification");
        CHECK(s.governance.issues[3].difficulty == 0.75);
    }
}

TEST_CASE("scenario io: writeScenario round-trips exactly")
{
    const auto roundTrip = [](const Scenario& s)
    {
        const auto text = writeScenario(s);
        const auto again = parseScenario(text, "<written>", scenarioCatalogue());
        test::checkSameContent(s, again);
        CHECK(writeScenario(again) == text);
        CHECK(scenarioHash(again) == scenarioHash(s));
    };
    SUBCASE("default")
    {
        roundTrip(defaultScenario(scenarioCatalogue()));
    }
    SUBCASE("rich world")
    {
        const auto s = loadScenarioFile(test::dataDir() / "good" / "rich_world.toml", scenarioCatalogue());
        CHECK(s.game.kind == GameKind::StagHunt);
        CHECK(s.game.matrix.reward == 4.0);
        CHECK(s.game.matrix.temptation == 3.25);
        CHECK(s.states[0].strategyParams == std::vector<double>{0.3});
        CHECK(s.states[1].strategyParams == std::vector<double>{0.1});
        CHECK(s.run.seed == 123456789012u);
        CHECK(s.governance.issues.size() == 2);
        CHECK(s.events.size() == 7);
        roundTrip(s);
    }
    SUBCASE("csv world, written inline")
    {
        const auto s = loadScenarioFile(test::dataDir() / "good" / "csv_world.toml", scenarioCatalogue());
        const auto text = writeScenario(s);
        CHECK(text.find("_csv") == std::string::npos);
        roundTrip(s);
    }
    SUBCASE("awkward reals and strings")
    {
        auto s = defaultScenario(scenarioCatalogue());
        s.trust.gainRate = 0.1 + 0.2;
        s.arms.grievance = -1e-300;
        s.learning.aspiration = 1e300;
        s.game.matrix.punishment = 5e-324;
        s.description = "quotes \" and \\ backslashes\tand tabs, C\xC3\xB4te";
        roundTrip(s);
    }
    SUBCASE("hash is 16 hex digits and changes with content")
    {
        auto s = defaultScenario(scenarioCatalogue());
        const auto h = scenarioHash(s);
        CHECK(h.size() == 16);
        CHECK(h.find_first_not_of("0123456789abcdef") == std::string::npos);
        s.trust.lossRate = 0.21;
        CHECK(scenarioHash(s) != h);
    }
}

TEST_CASE("scenario io: overrides apply before validation")
{
    const auto& cat = scenarioCatalogue();
    SUBCASE("values of every type")
    {
        const auto s = parseScenario(kTwoStates, "t.toml", cat,
                                     {"trust.loss_rate=0.3", "run.rounds = 7", "arms.enabled=false",
                                      "governance.approach=comprehensive", "name=\"x y\"", "states[1].capability=2",
                                      "generate.doctrines=[\"free-rider\"]", "description=plain words"});
        CHECK(s.trust.lossRate == 0.3);
        CHECK(s.run.rounds == 7);
        CHECK_FALSE(s.arms.enabled);
        CHECK(s.governance.approach == GovernanceApproach::Comprehensive);
        CHECK(s.name == "x y");
        CHECK(s.states[1].capability == 2.0);
        CHECK(s.generate.doctrines == std::vector<std::string>{"free-rider"});
        CHECK(s.description == "plain words");
    }
    SUBCASE("an override creates a missing table")
    {
        const auto s = parseScenario(kTwoStates, "t.toml", cat, {"noise.execution=0.01"});
        CHECK(s.noise.execution == 0.01);
    }
    SUBCASE("problems name <--set> and suggest keys")
    {
        const auto d = parseProblems(kTwoStates, {"trust.los_rate=0.3"});
        REQUIRE(d.size() == 1);
        CHECK(d[0].file == "<--set>");
        CHECK(d[0].keyPath == "trust.los_rate");
        CHECK(d[0].message.find("did you mean \"loss_rate\"") != std::string::npos);
    }
    SUBCASE("out of range, wrong type, bad syntax, missing element")
    {
        const auto d = parseProblems(kTwoStates, {"trust.loss_rate=1.5", "run.rounds=ten", "noequals",
                                                  "states[5].capability=1", "trust.initial=[1,", "a..b=1"});
        REQUIRE(d.size() == 6);
        for (const auto& x : d)
            CHECK(x.file == "<--set>");
        const std::string text = ScenarioError(d).what(); // a copy: what() dies with the temporary
        CHECK(std::string(text).find("trust.loss_rate: is 1.5, expected in [0, 1]") != std::string::npos);
        CHECK(std::string(text).find("run.rounds: is \"ten\", expected an integer") != std::string::npos);
        CHECK(std::string(text).find("is not an override, expected key.path=value") != std::string::npos);
        CHECK(std::string(text).find("states[5] does not exist: the scenario has 2 [[states]] elements") !=
              std::string::npos);
        CHECK(std::string(text).find("is not a TOML value") != std::string::npos);
        CHECK(std::string(text).find("is not a key path") != std::string::npos);
    }
    SUBCASE("the file's problems come first, then the overrides'")
    {
        const auto d = parseProblems(kTwoStates + "[trust]\ninitial = 2\n", {"trust.gain_rate=-1"});
        REQUIRE(d.size() == 2);
        CHECK(d[0].file == "t.toml");
        CHECK(d[0].line == 8);
        CHECK(d[1].file == "<--set>");
    }
}

TEST_CASE("scenario io: defaults and standard game matrices")
{
    const auto& cat = scenarioCatalogue();
    SUBCASE("an empty [game] keeps the default-constructed values")
    {
        const auto s = parseScenario(kTwoStates, "t.toml", cat);
        CHECK(s.trust.lossRate == TrustDef{}.lossRate);
        CHECK(s.network.degree == NetworkDef{}.degree);
        CHECK(s.states[0].doctrine == "realist-hedger");
    }
    SUBCASE("classic kinds take their standard matrix unless entries are given")
    {
        const auto pd = parseScenario(kTwoStates + "[game]\nkind = \"prisoners-dilemma\"\n", "t.toml", cat);
        CHECK(pd.game.matrix.temptation == 5.0);
        const auto hd = parseScenario(kTwoStates + "[game]\nkind = \"hawk-dove\"\nreward = 1.5\n", "t.toml", cat);
        CHECK(hd.game.matrix.reward == 1.5);
        CHECK(hd.game.matrix.punishment == -0.5);
        const auto ch = parseScenario(kTwoStates, "t.toml", cat, {"game.kind=chicken"});
        CHECK(ch.game.matrix.sucker == 1.0);
    }
    SUBCASE("issues = [] means no agenda")
    {
        const auto s = parseScenario(kTwoStates + "[governance]\nissues = []\n", "t.toml", cat);
        CHECK(s.governance.issues.empty());
    }
    SUBCASE("generated states count and can be named")
    {
        const auto s = parseScenario("[generate]\ncount = 3\n[network]\nkind = \"ring\"\ndegree = 2\n[[events]]\nround "
                                     "= 1\nkind = \"join\"\nstate = \"S003\"\n",
                                     "t.toml", cat);
        CHECK(s.generate.count == 3);
    }
}

TEST_CASE("scenario io: CSV matrices")
{
    SUBCASE("good files load, with quotes, blank lines and CRLF")
    {
        const auto s = loadScenarioFile(test::dataDir() / "good" / "csv_world.toml", scenarioCatalogue());
        CHECK(s.network.interdependence.names == std::vector<std::string>{"Avalon", "Brigadoon", "Cockaigne"});
        CHECK(s.network.interdependence.values[1] == 0.8);
        CHECK(s.network.alliance.names.size() == 2);
        CHECK(s.network.alliance.values == std::vector<double>{0, 1, 1, 0});
        CHECK(s.network.trust.values[1] == 0.9);
        CHECK(s.network.trust.values[3] == 0.7);
    }
    SUBCASE("inline matrices are checked like CSV files")
    {
        const auto d =
            parseProblems(kTwoStates + "[network.alliance]\nnames = [\"A\", \"B\"]\nvalues = [[0, 2], [1, 0]]\n");
        REQUIRE(d.size() == 1);
        CHECK(d[0].keyPath == "network.alliance");
        CHECK(d[0].message == "value for (\"A\", \"B\") is 2.0, expected 0 or 1");
    }
    SUBCASE("malformed CSVs: header, square, labels, numbers")
    {
        const auto dir = std::filesystem::temp_directory_path() / "cybersim_csv_test";
        std::filesystem::create_directories(dir);
        const std::string scenario = "[[states]]\nname = \"A\"\n[[states]]\nname = \"B\"\n[network]\nkind = "
                                     "\"complete\"\ntrust_csv = \"m.csv\"\n";
        const auto problemsFor = [&](std::string_view csv)
        {
            writeFile(dir / "m.csv", csv);
            writeFile(dir / "s.toml", scenario);
            return diagnosticsOf([&] { (void)loadScenarioFile(dir / "s.toml", scenarioCatalogue()); });
        };
        auto d = problemsFor("name,A,B\nA,0,0.5\n");
        REQUIRE(d.size() == 1);
        CHECK(d[0].message.find("has 1 rows of values for 2 states, expected a square matrix") != std::string::npos);
        d = problemsFor("name,A,B\nB,0,0.5\nA,0.5,0\n");
        REQUIRE(d.size() == 2);
        CHECK(d[0].message.find("row 1 is labelled \"B\", expected \"A\"") != std::string::npos);
        CHECK(d[0].line == 2);
        d = problemsFor("name,A,B\nA,0,x\nB,0.5,0\n");
        REQUIRE(d.size() == 1);
        CHECK(d[0].message == "value \"x\" is not a finite number");
        CHECK(d[0].column == 5);
        d = problemsFor("name,A,A\nA,0,1\nA,1,0\n");
        CHECK_FALSE(d.empty());
        CHECK(d[0].message.find("header names \"A\" twice") != std::string::npos);
        d = problemsFor(std::string("name,A,B\nA,0,1\0\nB,1,0\n", 22));
        REQUIRE(d.size() == 1);
        CHECK(d[0].message.find("looks binary (a NUL byte at offset 14)") != std::string::npos);
        std::filesystem::remove_all(dir);
    }
}

TEST_CASE("scenario io: files that cannot be scenarios")
{
    const auto dir = std::filesystem::temp_directory_path() / "cybersim_file_test";
    std::filesystem::create_directories(dir);
    const auto problem = [&](const std::filesystem::path& path)
    {
        const auto d = diagnosticsOf([&] { (void)loadScenarioFile(path, scenarioCatalogue()); });
        REQUIRE(d.size() == 1);
        CHECK(d[0].file == path.string());
        return d[0].message;
    };
    SUBCASE("missing")
    {
        CHECK(problem(dir / "nope.toml").find("does not exist") != std::string::npos);
    }
    SUBCASE("a directory")
    {
        CHECK(problem(dir).find("is a directory, expected a file") != std::string::npos);
    }
    SUBCASE("empty")
    {
        writeFile(dir / "empty.toml", "");
        CHECK(problem(dir / "empty.toml").find("is empty") != std::string::npos);
    }
    SUBCASE("binary")
    {
        writeFile(dir / "bin.toml", std::string("name = 1\n\0\x01", 11));
        CHECK(problem(dir / "bin.toml").find("NUL byte at offset 9") != std::string::npos);
    }
    SUBCASE("invalid UTF-8")
    {
        writeFile(dir / "latin1.toml", "# caf\xe9\nname = \"x\"\n");
        CHECK(problem(dir / "latin1.toml").find("not UTF-8 text (an invalid byte at offset 5)") != std::string::npos);
    }
    SUBCASE("over 16 MiB")
    {
        writeFile(dir / "big.toml", std::string(16u * 1024u * 1024u + 1u, '#'));
        CHECK(problem(dir / "big.toml").find("larger than 16 MiB") != std::string::npos);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("scenario io: non-ASCII text is accepted in strings and comments only")
{
    SUBCASE("names with accents load")
    {
        const auto s = loadScenarioFile(test::dataDir() / "good" / "unicode_names.toml", scenarioCatalogue());
        CHECK(s.states[0].name == "C\xC3\xB4te d'Ivoire");
        CHECK(s.events[0].target == "S\xC3\xA3o Tom\xC3\xA9");
    }
    SUBCASE("the toml++ 3.3.0 crashers are rejected cleanly")
    {
        auto d = parseProblems("\xd0\xa2");
        REQUIRE(d.size() == 1);
        CHECK(d[0].line == 1);
        CHECK(d[0].column == 1);
        CHECK(d[0].message == "non-ASCII character outside a string or comment");
        d = parseProblems("s = \"\"\"\\\n\xc2\xa7\"\"\"");
        REQUIRE(d.size() == 1);
        CHECK(d[0].line == 2);
        CHECK(d[0].message == "non-ASCII text in a multi-line string is not supported");
    }
}

TEST_CASE("scenario io: validateScenario checks a scenario built in code as loading checks a file")
{
    const auto base = defaultScenario(scenarioCatalogue());
    // Key paths and messages, sorted: the loader places its problems in the file, validateScenario has no file.
    const auto keysAndMessages = [](const std::vector<Diagnostic>& diagnostics)
    {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& d : diagnostics)
            out.emplace_back(d.keyPath, d.message);
        std::sort(out.begin(), out.end());
        return out;
    };
    const auto problemsOf = [&](const Scenario& s)
    { return diagnosticsOf([&] { (void)validateScenario(s, scenarioCatalogue()); }); };

    SUBCASE("a valid scenario passes and comes back as loading resolves it")
    {
        auto s = base;
        s.sourceFile = "edited";
        s.trust.lossRate = 0.3;
        const auto resolved = validateScenario(s, scenarioCatalogue());
        CHECK(resolved.trust.lossRate == 0.3);
        CHECK(resolved.sourceFile == "edited");
        CHECK(resolved.states[0].line == base.states[0].line);
        CHECK(writeScenario(resolved) ==
              writeScenario(parseScenario(writeScenario(s), "edited.toml", scenarioCatalogue())));
    }
    SUBCASE("a matrix game edited in code gets the 2 x 2 view loading derives from its table")
    {
        auto s = base;
        s.game.kind = GameKind::Matrix;
        s.game.actions = {"restrain", "attack"};
        s.game.cooperativeActions = {"restrain"};
        s.game.payoffs = {{4.0, -1.0}, {6.0, 0.5}};
        s.game.matrix = {1.0, 1.0, 1.0, 1.0}; // stale: the table was edited
        const auto resolved = validateScenario(s, scenarioCatalogue());
        CHECK(resolved.game.matrix.reward == 4.0);
        CHECK(resolved.game.matrix.sucker == -1.0);
        CHECK(resolved.game.matrix.temptation == 6.0);
        CHECK(resolved.game.matrix.punishment == 0.5);
    }
    SUBCASE("a bad value gets the loader's message, without a file or line")
    {
        auto s = base;
        s.trust.lossRate = 3.0;
        const auto problems = problemsOf(s);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].keyPath == "trust.loss_rate");
        CHECK(problems[0].message == "is 3.0, expected in [0, 1]");
        CHECK(problems[0].file.empty());
        CHECK(problems[0].line == 0);
        CHECK(keysAndMessages(problems) ==
              keysAndMessages(parseProblems(defaultScenarioText(), {"trust.loss_rate=3.0"})));
        CHECK_THROWS_WITH_AS((void)validateScenario(s, scenarioCatalogue()),
                             "error: trust.loss_rate: is 3.0, expected in [0, 1]", ScenarioError);
    }
    SUBCASE("every problem is reported, cross-key rules and names included, as the loader reports them")
    {
        auto s = base;
        s.trust.lossRate = -1.0;
        s.network.degree = 5;          // a Watts-Strogatz degree must be even
        s.events[0].state = "Drakmor"; // not a state
        s.states[1].doctrine = "realist-hedgr";
        const auto problems = problemsOf(s);
        CHECK(problems.size() == 4);
        CHECK(keysAndMessages(problems) ==
              keysAndMessages(parseProblems(defaultScenarioText(),
                                            {"trust.loss_rate=-1.0", "network.degree=5", "events[0].state=\"Drakmor\"",
                                             "states[1].doctrine=\"realist-hedgr\""})));
    }
}
