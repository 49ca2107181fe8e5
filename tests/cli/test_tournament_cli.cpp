// SPDX-License-Identifier: MIT
// `cybersim tournament` and `cybersim validate` as a user runs them: CSV outputs, charts, exit codes, did-you-mean.
#include "cli_process.hpp"
#include "cybersim/validation/canonical.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace
{

fs::path binary()
{
    return cybersim::test::cliBinary();
}

struct Outcome
{
    int code = -1;
    std::string output; // stdout and stderr
};

// Runs `cybersim ARGUMENTS` with `environment` (e.g. "QT_QPA_PLATFORM=offscreen") prefixed.
Outcome runCli(const std::string& arguments, const std::string& environment = "")
{
    Outcome o;
    const auto command = environment + (environment.empty() ? "" : " ") + binary().string() + " " + arguments;
    if (FILE* pipe = popen((command + " 2>&1").c_str(), "r"))
    {
        char buffer[4096];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
            o.output.append(buffer, n);
        const int status = pclose(pipe);
        o.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    return o;
}

std::string readBytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A big-endian 32-bit number at `offset` of `bytes` (PNG header fields).
std::uint32_t bigEndian32(const std::string& bytes, std::size_t offset)
{
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i)
        v = (v << 8) | static_cast<unsigned char>(bytes[offset + i]);
    return v;
}

std::vector<std::string> lines(const fs::path& path)
{
    std::ifstream in(path);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

} // namespace

TEST_CASE("cli tournament: ranking, matches.csv and ranking.csv")
{
    REQUIRE(fs::exists(binary()));
    const auto folder = fs::temp_directory_path() / ("cybersim-test-tournament-" + std::to_string(getpid()));
    fs::remove_all(folder);
    const auto o = runCli("tournament --players Cooperator,Defector,TitForTat --turns 10 --repetitions 2 --out " +
                          folder.string());
    INFO(o.output);
    REQUIRE(o.code == 0);
    CHECK(o.output.find("Defector") != std::string::npos);
    const auto matches = lines(folder / "matches.csv");
    REQUIRE(matches.size() == 1 + 3 * 3 * 2);
    CHECK(matches[0] ==
          "player,opponent,repetition,player_score,opponent_score,player_cooperations,opponent_cooperations");
    // Rows run player-major, opponent, repetition: Cooperator against Defector is rows 3 and 4.
    CHECK(matches[3] == "Cooperator,Defector,0,0,50,10,0");
    CHECK(matches[1] == "Cooperator,Cooperator,0,30,30,10,10");
    const auto ranking = lines(folder / "ranking.csv");
    REQUIRE(ranking.size() == 4);
    CHECK(ranking[0] == "rank,player,mean_score_per_turn,cooperation_rate");
    // With self-play counted (Axelrod 1980): Defector (50+10+14)/30 first, then TitForTat, then Cooperator.
    CHECK(ranking[1].starts_with("1,Defector,2.46666"));
    REQUIRE(ranking[2].starts_with("2,TitForTat,"));
    CHECK(std::stod(ranking[2].substr(12)) == doctest::Approx(2.3));
    CHECK(ranking[3].starts_with("3,Cooperator,2,"));
    fs::remove_all(folder);
}

TEST_CASE("cli tournament: a self-play row reports the second seat's own score and cooperations")
{
    const auto folder = fs::temp_directory_path() / ("cybersim-test-tournament-twin-" + std::to_string(getpid()));
    fs::remove_all(folder);
    const auto o = runCli("tournament --players Random,Defector --turns 50 --repetitions 4 --out " + folder.string());
    INFO(o.output);
    REQUIRE(o.code == 0);
    const auto matches = lines(folder / "matches.csv");
    REQUIRE(matches.size() == 1 + 2 * 2 * 4);
    // Rows 1-4: Random against its twin. Two coin-flipping seats over 50 turns score alike in every one of four
    // repetitions only by a fluke; a copy of the first seat would make them alike every time.
    int differing = 0;
    for (int row = 1; row <= 4; ++row)
    {
        const auto& line = matches[std::size_t(row)];
        REQUIRE(line.starts_with("Random,Random,"));
        std::vector<std::string> cells;
        std::stringstream in(line);
        for (std::string cell; std::getline(in, cell, ',');)
            cells.push_back(cell);
        REQUIRE(cells.size() == 7);
        differing += (cells[3] != cells[4] || cells[5] != cells[6]) ? 1 : 0;
    }
    CHECK(differing > 0);
    // A deterministic twin scores what the first seat scores.
    CHECK(matches[13] == "Defector,Defector,0,50,50,0,0");
    fs::remove_all(folder);
}

TEST_CASE("cli tournament: unknown players exit 2 with a suggestion, and so do bad numbers")
{
    auto o = runCli("tournament --players TitForTat,Grudgr --turns 5");
    CHECK(o.code == 2);
    CHECK(o.output.find("unknown strategy 'Grudgr'; did you mean 'Grudger'?") != std::string::npos);
    o = runCli("tournament --players TitForTat --turns 0");
    CHECK(o.code == 2);
    o = runCli("tournament --players TitForTat --noise 1.5");
    CHECK(o.code == 2);
    o = runCli("tournament --players , --turns 5");
    CHECK(o.code == 2);
}

TEST_CASE("cli validate: a named quick check prints a table and writes CSV and JSON, unknown names exit 2")
{
    const auto folder = fs::temp_directory_path() / ("cybersim-test-validate-" + std::to_string(getpid()));
    fs::remove_all(folder);
    auto o = runCli("validate richardson --quick --out " + folder.string());
    INFO(o.output);
    CHECK(o.code == 0);
    CHECK(o.output.find("PASS") != std::string::npos);
    CHECK(fs::exists(folder / "validation.csv"));
    CHECK(fs::exists(folder / "validation.json"));
    o = runCli("validate richardsen");
    CHECK(o.code == 2);
    CHECK(o.output.find("did you mean 'richardson'?") != std::string::npos);
    o = runCli("validate norms --quick");
    CHECK(o.code == 0);
    CHECK(o.output.find("norms            PASS") != std::string::npos);
    fs::remove_all(folder);
}

TEST_CASE("cli validate: --out writes a PNG and an SVG chart per check")
{
    const auto folder = fs::temp_directory_path() / ("cybersim-test-validate-charts-" + std::to_string(getpid()));
    fs::remove_all(folder);
    const auto o = runCli("validate --quick --out " + folder.string(), "QT_QPA_PLATFORM=offscreen");
    INFO(o.output);
    REQUIRE(o.code == 0);
#ifdef CYBERSIM_TESTS_HAVE_PLOT
    for (const auto& check : cybersim::validation::canonicalChecks())
    {
        CAPTURE(check.name);
        const auto png = folder / (check.name + ".png");
        CHECK(o.output.find("wrote " + png.string()) != std::string::npos);
        const auto bytes = readBytes(png);
        REQUIRE(bytes.size() > 24);
        CHECK(bytes.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
        CHECK(bytes.substr(12, 4) == "IHDR");
        CHECK(bigEndian32(bytes, 16) == 900); // width, as docs/images/validation/
        CHECK(bigEndian32(bytes, 20) == 560); // height
        CHECK(bytes.size() > 15000);          // a drawn chart, not a blank image (a blank 900x560 PNG is ~3 KB)
        CHECK(bytes.size() < 200000);
        CHECK(readBytes(folder / (check.name + ".svg")).find("<svg") != std::string::npos);
    }
#else
    CHECK(o.output.find("built without Qt") != std::string::npos);
    CHECK_FALSE(fs::exists(folder / "richardson.png"));
#endif
    fs::remove_all(folder);
}
