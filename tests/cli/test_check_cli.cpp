// SPDX-License-Identifier: MIT
// `cybersim check` as a user and CI run it: exit codes, the summary line, --out files, and every shipped scenario
// found from the data folder.
#include "cli_process.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace
{
using cybersim::test::run;
using cybersim::test::runCapturing;

const fs::path kSource = CYBERSIM_SOURCE_DIR;

std::string bin()
{
    return cybersim::test::cliBinary();
}

fs::path goodClaims()
{
    return kSource / "tests" / "data" / "good" / "claims_check.toml";
}

fs::path freshFolder(const std::string& name)
{
    const auto folder = fs::temp_directory_path() / ("cybersim-test-check-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The good claims file with `extra` appended (more [[claims]] tables), written to `folder`.
fs::path withClaims(const fs::path& folder, const std::string& name, const std::string& extra)
{
    const auto path = folder / name;
    std::ofstream(path) << readFile(goodClaims()) << '\n' << extra;
    return path;
}

bool hasLine(const std::string& text, const std::string& line)
{
    return text.starts_with(line + "\n") || text.find("\n" + line + "\n") != std::string::npos;
}

} // namespace

TEST_CASE("cli check: exit codes and the summary line")
{
    REQUIRE(fs::exists(bin()));
    const auto dir = freshFolder("codes");
    const auto good = goodClaims().string();

    SUBCASE("claims that pass and a known failure: exit 0")
    {
        const auto o = runCapturing(bin() + " check " + good);
        CHECK(o.code == 0);
        CHECK(hasLine(o.out, "2 passed, 0 failed, 1 known failures"));
        CHECK(o.out.find("noise-hurts") != std::string::npos);
        CHECK(o.out.find("above versus noise.execution=0.3, 95% CI, 20 seeds") != std::string::npos);
        CHECK(o.out.find("KNOWN FAIL") != std::string::npos);
        // Quiet: nothing but the summary when no claim fails the check.
        const auto quiet = runCapturing(bin() + " check -q " + good);
        CHECK(quiet.code == 0);
        CHECK(quiet.out == "2 passed, 0 failed, 1 known failures\n");
        CHECK(quiet.err.empty());
    }
    SUBCASE("a claim that fails: exit 1")
    {
        const auto file = withClaims(dir, "failing.toml",
                                     "[[claims]]\nname = \"defect\"\nmetric = \"cooperation_rate\"\n"
                                     "compare = \"below\"\nvalue = 0.2\n");
        const auto o = runCapturing(bin() + " check " + file.string() + " --seeds 5");
        CHECK(o.code == 1);
        CHECK(hasLine(o.out, "2 passed, 1 failed, 1 known failures"));
        CHECK(o.out.find("< 0.2 in >= 90% of 5 seeds") != std::string::npos);
        const auto quiet = runCapturing(bin() + " check -q " + file.string());
        CHECK(quiet.code == 1);
        CHECK(quiet.out.find("defect") != std::string::npos);
        CHECK(quiet.out.find("noise-hurts") == std::string::npos);
    }
    SUBCASE("a known failure that holds: exit 1")
    {
        const auto file = withClaims(dir, "unexpected.toml",
                                     "[[claims]]\nname = \"fixed\"\nmetric = \"cooperation_rate\"\n"
                                     "compare = \"above\"\nvalue = 0.2\nknown_failure = \"thought broken\"\n");
        const auto o = runCapturing(bin() + " check " + file.string());
        CHECK(o.code == 1);
        CHECK(hasLine(o.out, "2 passed, 1 failed, 1 known failures (1 of the failed is an unexpected pass)"));
        CHECK(o.out.find("UNEXPECTED PASS") != std::string::npos);
    }
    SUBCASE("bad input: exit 2 and nothing runs")
    {
        const auto file = withClaims(dir, "bad.toml", "[[claims]]\nname = \"typo\"\nmetric = \"trustt\"\n");
        const auto o = runCapturing(bin() + " check " + file.string() + " --out " + (dir / "out").string());
        CHECK(o.code == 2);
        CHECK(o.err.find("bad.toml:") != std::string::npos);
        CHECK(o.err.find("error: claims[3].metric: is \"trustt\", expected a world metric (did you mean "
                         "\"mean_trust\"?)") != std::string::npos);
        CHECK(o.out.find("passed") == std::string::npos);
        CHECK(!fs::exists(dir / "out"));
        CHECK(run(bin() + " check " + (dir / "missing.toml").string()) == 2);
        CHECK(run(bin() + " check " + good + " --seeds 1") == 2);
        std::ofstream(dir / "file") << "x";
        CHECK(run(bin() + " check " + good + " --out " + (dir / "file").string()) == 2);
    }
    fs::remove_all(dir);
}

TEST_CASE("cli check: --out writes claims.csv and claims.json, the same at 1 and 2 threads")
{
    const auto dir = freshFolder("out");
    const auto good = goodClaims().string();
    REQUIRE(run(bin() + " check -q " + good + " --threads 1 --out " + (dir / "one").string()) == 0);
    REQUIRE(run(bin() + " check -q " + good + " --threads 2 --out " + (dir / "two").string()) == 0);
    const auto csv = readFile(dir / "one" / "claims.csv");
    const auto json = readFile(dir / "one" / "claims.json");
    CHECK(csv == readFile(dir / "two" / "claims.csv"));
    CHECK(json == readFile(dir / "two" / "claims.json"));
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 4); // the header and three claims
    CHECK(csv.find("claims-check,") != std::string::npos);
    CHECK(csv.find(",KNOWN FAIL,") != std::string::npos);
    CHECK(json.find("\"known_failures\": 1") != std::string::npos);
    CHECK(json.find("\"contrast_values\"") != std::string::npos);
    // No temporary files are left beside them.
    CHECK(std::distance(fs::directory_iterator(dir / "one"), fs::directory_iterator()) == 2);
    fs::remove_all(dir);
}

TEST_CASE("cli check: with no scenario, every shipped scenario with claims is checked and lessons are skipped")
{
    // A data folder of its own: a scenario with claims, one without, one in classic/, and a lesson in lessons/.
    const auto data = freshFolder("data");
    const auto scenarios = data / "scenarios";
    fs::create_directories(scenarios / "classic");
    fs::create_directories(scenarios / "lessons");
    const auto withoutClaims = [](const fs::path& file)
    {
        const auto text = readFile(file);
        return text.substr(0, text.find("\n[[claims]]"));
    };
    fs::copy_file(goodClaims(), scenarios / "with-claims.toml");
    std::ofstream(scenarios / "classic" / "plain.toml") << withoutClaims(goodClaims());
    // The lesson plays zero-sum-spiral, which must be there for the lesson to load.
    std::ofstream(scenarios / "zero-sum-spiral.toml") << withoutClaims(kSource / "scenarios" / "zero-sum-spiral.toml");
    fs::copy_file(kSource / "scenarios" / "lessons" / "02-security-dilemma.toml",
                  scenarios / "lessons" / "02-security-dilemma.toml");

    const auto env = "CYBERSIM_DATA_DIR=" + data.string() + " ";
    const auto o = runCapturing(env + bin() + " check --seeds 5");
    CHECK(o.out.find("No claims in") != std::string::npos);
    CHECK(o.out.find("classic/plain") != std::string::npos);
    CHECK(o.out.find("Lessons are not scenarios and were skipped: lessons/02-security-dilemma") != std::string::npos);
    CHECK(o.out.find("with-claims") == std::string::npos); // the table names scenarios, not files
    CHECK(o.out.find("claims-check  cooperative") != std::string::npos);
    CHECK(o.out.find("zero-sum-spiral") != std::string::npos); // among those without claims
    CHECK(hasLine(o.out, "2 passed, 0 failed, 1 known failures"));
    CHECK(o.code == 0);

    // A file in the folder that is neither a scenario nor a lesson is bad input.
    std::ofstream(scenarios / "broken.toml") << "name = 3\n";
    CHECK(run(env + bin() + " check --seeds 5") == 2);
    fs::remove_all(data);
}
