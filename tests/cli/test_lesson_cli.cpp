// SPDX-License-Identifier: MIT
// `cybersim lesson`, `cybersim run --record` and the lessons heading of `cybersim list`, run as the user runs them.
#include "cli_process.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace
{
using cybersim::test::capture;
using cybersim::test::run;

fs::path binary()
{
    return cybersim::test::cliBinary();
}

fs::path folder(const std::string& name)
{
    const auto path = fs::temp_directory_path() / ("cybersim-test-lesson-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(path);
    return path;
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_CASE("cli lesson: the handout command writes the charts and the HTML")
{
    const auto out = folder("handout");
    const auto record = folder("handout-record");
    REQUIRE(run(binary().string() + " lesson zero-sum-or-common-security -q --out " + out.string() + " --record " +
                record.string()) == 0);
    const auto html = readFile(out / "handout.html");
    CHECK(html.find("<h1>Zero-sum or common security</h1>") != std::string::npos);
    CHECK(html.find("Predict:") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("discard the zero-sum mentality") != std::string::npos);
    for (const auto* png : {"step-01-cooperation-trust.png", "step-01-arms.png", "step-02-welfare.png"})
    {
        CAPTURE(png);
        CHECK(fs::file_size(out / png) > 1000);
        CHECK(html.find(std::string("src=\"") + png + "\"") != std::string::npos);
    }
    CHECK(fs::exists(record / "01-zero-sum-or-common-security-run1.replay.json"));
    CHECK(fs::exists(record / "01-zero-sum-or-common-security-run2.replay.json"));
    fs::remove_all(out);
    fs::remove_all(record);
}

TEST_CASE("cli lesson: a bad lesson exits 2 with located diagnostics")
{
    const auto dir = folder("bad");
    fs::create_directories(dir);
    std::ofstream(dir / "bad.toml") << "title = \"t\"\nsummary = \"s\"\n[[steps]]\ntext = \"a\"\nrounds = 1\n";
    CHECK(run(binary().string() + " lesson " + (dir / "bad.toml").string()) == 2);
    const auto text = capture(binary().string() + " lesson " + (dir / "bad.toml").string());
    CHECK(text.find("bad.toml:3:1: error: steps[0].scenario: is missing") != std::string::npos);
    CHECK(text.find("nothing was run") != std::string::npos);
    CHECK(run(binary().string() + " lesson no-such-lesson") == 2);
    fs::remove_all(dir);
}

TEST_CASE("cli run --record: writes a replay file")
{
    const auto dir = folder("record");
    REQUIRE(run(binary().string() + " run attribution-noise --rounds 20 -q --out " + dir.string() + " --record " +
                (dir / "run.replay.json").string()) == 0);
    const auto json = readFile(dir / "run.replay.json");
    CHECK(json.find("\"format\":\"cybersim-replay\"") != std::string::npos);
    CHECK(json.find("\"trust\":") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("cli list: shipped lessons under their own heading, name first")
{
    const auto text = capture(binary().string() + " list");
    const auto heading = text.find("\nLessons (");
    REQUIRE(heading != std::string::npos);
    CHECK(text.find("\n  01-zero-sum-or-common-security ", heading) != std::string::npos);
    CHECK(text.find("\n  06-cyber-crime-common-threat ", heading) != std::string::npos);
    CHECK(text.find("does not load") == std::string::npos);
}
