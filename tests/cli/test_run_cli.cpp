// SPDX-License-Identifier: MIT
// `cybersim run` as a user runs it: a run cut short before scheduled events, the lattice kernel (--engine), and a run
// into the folder of an earlier one.
#include "cli_process.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace
{
using cybersim::test::runCapturing;

std::string cybersimBinary()
{
    return cybersim::test::cliBinary();
}

fs::path freshFolder(const std::string& name)
{
    const auto folder = fs::temp_directory_path() / ("cybersim-test-run-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

std::vector<std::string> fields(const std::string& line)
{
    std::vector<std::string> out;
    std::istringstream in(line);
    for (std::string field; std::getline(in, field, ',');)
        out.push_back(field);
    return out;
}

// One column of a CSV file, by header name, as text (exact: no parsing of the numbers); the header itself excluded.
std::vector<std::string> column(const fs::path& csv, const std::string& name)
{
    const auto rows = lines(readFile(csv));
    REQUIRE_FALSE(rows.empty());
    const auto header = fields(rows[0]);
    std::size_t at = header.size();
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name)
            at = i;
    REQUIRE(at < header.size());
    std::vector<std::string> out;
    for (std::size_t r = 1; r < rows.size(); ++r)
    {
        const auto row = fields(rows[r]);
        REQUIRE(at < row.size());
        out.push_back(row[at]);
    }
    return out;
}

// A pure lattice spatial game (what the kernel runs) as a scenario file, with `extra` TOML appended to its tables.
fs::path writeLattice(const fs::path& folder, const std::string& name, const std::string& network,
                      const std::string& game, const std::string& learning, int count, int rounds)
{
    const auto path = folder / (name + ".toml");
    std::ofstream(path) << "name = \"" << name << "\"\ndescription = \"a small lattice spatial game\"\n"
                        << "[run]\nseed = 5\nrounds = " << rounds << "\nrecord_states = false\n"
                        << "[network]\nkind = \"lattice\"\n"
                        << network << "\n[generate]\ncount = " << count
                        << "\ndoctrines = [\"strategy:Cooperator\", \"strategy:Defector\"]\n"
                           "doctrine_shares = [0.7, 0.3]\nplacement = \"shuffled\"\n"
                        << "[game]\n"
                        << game << "\n[learning]\nrule = \"imitate-best\"\ninterval = 1\nmutation = 0.0\n"
                        << learning
                        << "\n[arms]\nenabled = false\n[common_security]\nenabled = false\n"
                           "[surveillance]\nenabled = false\n[sovereignty]\nenabled = false\n"
                           "[governance]\napproach = \"none\"\n";
    return path;
}

} // namespace

TEST_CASE("cli run: --rounds before scheduled events leaves them out with a note and runs")
{
    const auto folder = freshFolder("rounds");
    SUBCASE("the default scenario with --rounds 50: both events (rounds 60 and 100) are left out")
    {
        const auto out = folder / "r50";
        const auto o = runCapturing(cybersimBinary() + " run --rounds 50 --out " + out.string());
        CHECK(o.code == 0);
        INFO(o.err);
        CHECK(o.err.find("note: with --rounds 50, 2 scheduled events come too late to happen") != std::string::npos);
        CHECK(o.err.find("round 60 disclosure (Drakmoor)") != std::string::npos);
        CHECK(o.err.find("round 100 incident (Drakmoor -> Elmsworth)") != std::string::npos);
        CHECK(o.err.find("error") == std::string::npos);
        CHECK(o.out.find("After 50 rounds") != std::string::npos);
        CHECK(o.out.find("Re-run exactly: cybersim run --seed 20240601 --rounds 50") != std::string::npos);
        // The outputs are complete: 51 rows (round 0 to 50), and the summary names what was left out.
        CHECK(column(out / "timeseries.csv", "round").size() == 51);
        CHECK(column(out / "timeseries.csv", "round").back() == "50");
        for (const char* file : {"states.csv", "events.csv", "network.graphml"})
            CHECK(fs::exists(out / file));
        const auto summary = readFile(out / "summary.json");
        CHECK(summary.find("\"rounds\": 50") != std::string::npos);
        CHECK(summary.find("\"dropped_events\": [") != std::string::npos);
        CHECK(summary.find("\"round\": 60,\n      \"kind\": \"disclosure\"") != std::string::npos);
        CHECK(summary.find("\"round\": 100,\n      \"kind\": \"incident\"") != std::string::npos);
        CHECK(summary.find("\"target\": \"Elmsworth\"") != std::string::npos);
    }
    SUBCASE("-q prints no note, and the run is the same")
    {
        const auto o = runCapturing(cybersimBinary() + " run --rounds 50 -q --out " + (folder / "quiet").string());
        CHECK(o.code == 0);
        CHECK(o.out.empty());
        CHECK(o.err.empty());
        CHECK(readFile(folder / "quiet" / "summary.json").find("\"round\": 100,") != std::string::npos);
    }
    SUBCASE("--set run.rounds=80 keeps the event at round 60 and leaves out the one at 100")
    {
        const auto out = folder / "r80";
        const auto o = runCapturing(cybersimBinary() + " run --set run.rounds=80 --out " + out.string());
        CHECK(o.code == 0);
        CHECK(
            o.err.find("note: with --set run.rounds=80, 1 scheduled event comes too late to happen and is left out") !=
            std::string::npos);
        CHECK(o.err.find("round 100 incident") != std::string::npos);
        CHECK(o.err.find("round 60") == std::string::npos);
        CHECK(o.out.find("round 60: scheduled: surveillance by Drakmoor disclosed") != std::string::npos);
        const auto types = column(out / "events.csv", "type");
        const auto rounds = column(out / "events.csv", "round");
        bool disclosed = false;
        for (std::size_t i = 0; i < types.size(); ++i)
            disclosed = disclosed || (types[i] == "disclosure" && rounds[i] == "60");
        CHECK(disclosed);
        const auto summary = readFile(out / "summary.json");
        CHECK(summary.find("\"round\": 100,") != std::string::npos);
        CHECK(summary.find("\"round\": 60,") == std::string::npos);
    }
    SUBCASE("a run long enough for every event leaves nothing out")
    {
        const auto out = folder / "r150";
        const auto o = runCapturing(cybersimBinary() + " run --rounds 150 --out " + out.string());
        CHECK(o.code == 0);
        CHECK(o.err.empty());
        CHECK(readFile(out / "summary.json").find("\"dropped_events\": []") != std::string::npos);
    }
    SUBCASE("a bad length or another bad value is still refused, naming only what must change")
    {
        auto o = runCapturing(cybersimBinary() + " run --rounds 0 -q --out " + (folder / "bad").string());
        CHECK(o.code == 2);
        CHECK(o.err.find("run.rounds: is 0, expected in [1, 10000000]") != std::string::npos);
        o = runCapturing(cybersimBinary() + " run --rounds 50 --set trust.loss_rate=3 -q --out " +
                         (folder / "bad").string());
        CHECK(o.code == 2);
        CHECK(o.err.find("trust.loss_rate: is 3, expected in [0, 1]") != std::string::npos);
        CHECK(o.err.find("events[") == std::string::npos);
        CHECK(o.err.find("1 problem found") != std::string::npos);
        CHECK_FALSE(fs::exists(folder / "bad" / "summary.json"));
    }
    fs::remove_all(folder);
}

TEST_CASE("cli run: the lattice kernel gives the general engine's cooperation rates exactly")
{
    struct Case
    {
        const char* name;
        std::string network, game, learning;
        int count;
    };
    // A Nowak-May torus, a prisoner's dilemma on fixed edges (border cells act less often) and asynchronous updating.
    const std::vector<Case> cases{
        {"torus", "neighbourhood = \"moore\"\nperiodic = true\nself_interaction = true\nwidth = 21",
         "kind = \"custom\"\nreward = 1.0\nsucker = 0.0\ntemptation = 1.9\npunishment = 0.0", "", 21 * 17},
        {"fixed", "neighbourhood = \"von-neumann\"\nperiodic = false\nself_interaction = false\nwidth = 13",
         "kind = \"custom\"\nreward = 3.0\nsucker = 0.0\ntemptation = 5.0\npunishment = 1.0", "", 13 * 9},
        {"async", "neighbourhood = \"moore\"\nperiodic = true\nself_interaction = true\nwidth = 12",
         "kind = \"custom\"\nreward = 1.0\nsucker = 0.0\ntemptation = 1.65\npunishment = 0.0",
         "update = \"asynchronous\"", 12 * 12},
    };
    const auto folder = freshFolder("engines");
    for (const auto& c : cases)
    {
        CAPTURE(c.name);
        const auto scenario = writeLattice(folder, c.name, c.network, c.game, c.learning, c.count, 30);
        const auto spatial = folder / (std::string(c.name) + "-spatial");
        const auto general = folder / (std::string(c.name) + "-general");
        const auto s = runCapturing(cybersimBinary() + " run " + scenario.string() + " --engine spatial --out " +
                                    spatial.string());
        const auto g = runCapturing(cybersimBinary() + " run " + scenario.string() + " --engine general -q --out " +
                                    general.string());
        REQUIRE(s.code == 0);
        REQUIRE(g.code == 0);
        CHECK(s.out.find("engine: spatial, the lattice kernel") != std::string::npos);
        const auto rates = column(spatial / "timeseries.csv", "cooperation_rate");
        CHECK(rates.size() == 31);
        CHECK(rates == column(general / "timeseries.csv", "cooperation_rate"));
        for (const char* name : {"seed", "scenario_hash", "round", "attacks", "intrusions", "active_states"})
        {
            CAPTURE(name);
            CHECK(column(spatial / "timeseries.csv", name) == column(general / "timeseries.csv", name));
        }
        // The rates change over the run: the comparison is not of two constant columns.
        CHECK(rates[1] != rates[30]);
        CHECK(readFile(spatial / "summary.json").find("\"engine\": \"spatial\"") != std::string::npos);
        CHECK(readFile(general / "summary.json").find("\"engine\": \"general\"") != std::string::npos);
        CHECK(fs::exists(spatial / "lattice.pbm"));
        CHECK_FALSE(fs::exists(spatial / "states.csv"));
        CHECK_FALSE(fs::exists(spatial / "events.csv"));
    }
    fs::remove_all(folder);
}

TEST_CASE("cli run: --engine auto picks the lattice kernel only for a lattice spatial game")
{
    const auto folder = freshFolder("auto");
    const auto scenario =
        writeLattice(folder, "lattice", "neighbourhood = \"moore\"\nperiodic = true\nself_interaction = true",
                     "kind = \"custom\"\nreward = 1.0\nsucker = 0.0\ntemptation = 1.9\npunishment = 0.0", "", 100, 5);
    SUBCASE("a lattice spatial game runs on the kernel, and summary.json says so")
    {
        const auto o =
            runCapturing(cybersimBinary() + " run " + scenario.string() + " -q --out " + (folder / "a").string());
        CHECK(o.code == 0);
        const auto summary = readFile(folder / "a" / "summary.json");
        CHECK(summary.find("\"engine\": \"spatial\"") != std::string::npos);
        CHECK(summary.find("\"engine_note\": \"--engine auto: a lattice spatial game") != std::string::npos);
        CHECK(summary.find("\"width\": 10") != std::string::npos);
        const auto csv = lines(readFile(folder / "a" / "timeseries.csv"));
        REQUIRE(csv.size() == 7);
        CHECK(csv[0] == "seed,scenario_hash,round,cooperation_rate,attacks,intrusions,active_states");
    }
    SUBCASE("the shipped large Nowak-May lattice runs on the kernel")
    {
        const auto o = runCapturing(cybersimBinary() + " run classic/nowak-may-large --rounds 20 --out " +
                                    (folder / "large").string());
        CHECK(o.code == 0);
        CHECK(o.out.find("316 x 316 torus") != std::string::npos);
        CHECK(readFile(folder / "large" / "summary.json").find("\"engine\": \"spatial\"") != std::string::npos);
    }
    SUBCASE("anything else runs on the general engine, which says why when the world is a lattice")
    {
        auto o = runCapturing(cybersimBinary() + " run --rounds 5 -q --out " + (folder / "d").string());
        CHECK(o.code == 0);
        const auto summary = readFile(folder / "d" / "summary.json");
        CHECK(summary.find("\"engine\": \"general\"") != std::string::npos);
        CHECK(summary.find("\"engine_note\": \"--engine auto: network.kind is \\\"watts-strogatz\\\"") !=
              std::string::npos);
        o = runCapturing(cybersimBinary() + " run " + scenario.string() + " --set learning.mutation=0.01 --out " +
                         (folder / "m").string());
        CHECK(o.code == 0);
        CHECK(o.out.find("engine: general (--engine auto: learning.mutation is 0.01, expected 0") != std::string::npos);
    }
    fs::remove_all(folder);
}

TEST_CASE("cli run: --engine spatial on a scenario the kernel cannot run exits 2 with the reason")
{
    const auto folder = freshFolder("refused");
    auto o = runCapturing(cybersimBinary() + " run --engine spatial -q --out " + (folder / "d").string());
    CHECK(o.code == 2);
    CHECK(o.err.find("error: --engine spatial: the lattice kernel cannot run scenario 'default': network.kind is "
                     "\"watts-strogatz\", expected \"lattice\"") != std::string::npos);
    CHECK_FALSE(fs::exists(folder / "d" / "summary.json"));
    const auto scenario =
        writeLattice(folder, "lattice", "neighbourhood = \"moore\"\nperiodic = true\nself_interaction = true",
                     "kind = \"custom\"\nreward = 1.0\nsucker = 0.0\ntemptation = 1.9\npunishment = 0.0", "", 100, 5);
    o = runCapturing(cybersimBinary() + " run " + scenario.string() +
                     " --engine spatial --set noise.execution=0.05 -q");
    CHECK(o.code == 2);
    CHECK(o.err.find("noise.execution is 0.05, expected 0 (the kernel has no noise)") != std::string::npos);
    o = runCapturing(cybersimBinary() + " run " + scenario.string() + " --engine spatial --record " +
                     (folder / "r.json").string() + " -q");
    CHECK(o.code == 2);
    CHECK(o.err.find("--record") != std::string::npos);
    o = runCapturing(cybersimBinary() + " run " + scenario.string() + " --engine fast -q");
    CHECK(o.code == 2);
    fs::remove_all(folder);
}

TEST_CASE("cli run: a run into a folder of an earlier run removes the earlier run's files it does not write")
{
    const auto folder = freshFolder("stale");
    const auto out = folder / "out";
    auto o = runCapturing(cybersimBinary() + " run --rounds 5 -q --set run.record_states=true --out " + out.string());
    REQUIRE(o.code == 0);
    REQUIRE(fs::exists(out / "states.csv"));
    // Files that are not a run's outputs stay, whatever their names.
    for (const char* other : {"notes.txt", "states.csv.bak", "lattice.png"})
        std::ofstream(out / other) << "mine\n";

    SUBCASE("record_states off: states.csv is gone, the other files are this run's, and the CLI says so")
    {
        o = runCapturing(cybersimBinary() + " run --rounds 7 --set run.record_states=false --out " + out.string());
        REQUIRE(o.code == 0);
        CHECK_FALSE(fs::exists(out / "states.csv"));
        CHECK(o.out.find("Removed states.csv from " + out.string() + ": an earlier run wrote it, this one does not") !=
              std::string::npos);
        CHECK(column(out / "timeseries.csv", "round").back() == "7");
        for (const char* file : {"events.csv", "network.graphml", "summary.json"})
            CHECK(fs::exists(out / file));
    }
    SUBCASE("the lattice kernel writes no states.csv, events.csv or network.graphml: they are gone too")
    {
        const auto scenario = writeLattice(
            folder, "lattice", "neighbourhood = \"moore\"\nperiodic = true\nself_interaction = true",
            "kind = \"custom\"\nreward = 1.0\nsucker = 0.0\ntemptation = 1.9\npunishment = 0.0", "", 100, 5);
        o = runCapturing(cybersimBinary() + " run " + scenario.string() + " -q --out " + out.string());
        REQUIRE(o.code == 0);
        for (const char* file : {"states.csv", "events.csv", "network.graphml"})
            CHECK_FALSE(fs::exists(out / file));
        for (const char* file : {"timeseries.csv", "lattice.pbm", "summary.json"})
            CHECK(fs::exists(out / file));
        // And back to the general engine: lattice.pbm goes.
        o = runCapturing(cybersimBinary() + " run --rounds 3 -q --out " + out.string());
        REQUIRE(o.code == 0);
        CHECK_FALSE(fs::exists(out / "lattice.pbm"));
        CHECK(fs::exists(out / "states.csv"));
    }
    for (const char* other : {"notes.txt", "states.csv.bak", "lattice.png"})
        CHECK(readFile(out / other) == "mine\n");
    fs::remove_all(folder);
}
