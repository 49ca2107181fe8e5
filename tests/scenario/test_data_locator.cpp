// SPDX-License-Identifier: MIT
// Tests of DataLocator: one rule for builds and installs, the $CYBERSIM_DATA_DIR override, errors naming the folder.
#include "cybersim/scenario/data_locator.hpp"

#include "cybersim/core/error.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using cybersim::ConfigError;
using cybersim::scenario::DataLocator;

namespace
{

// A fresh, empty folder for one test case, removed when the case ends.
struct TempFolder
{
    fs::path path;
    explicit TempFolder(const std::string& name)
        : path(fs::temp_directory_path() / ("cybersim-test-locator-" + name + "-" + std::to_string(getpid())))
    {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempFolder() { fs::remove_all(path); }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
};

std::string messageOf(const DataLocator& locator)
{
    try
    {
        (void)locator.scenariosDir();
    }
    catch (const ConfigError& error)
    {
        return error.what();
    }
    return {};
}

} // namespace

TEST_CASE("data locator: the data folder is share/cybersim beside the program's folder, in a build and an install")
{
    CHECK(DataLocator("/usr/bin/cybersim").dataDir() == fs::path("/usr/share/cybersim"));
    CHECK(DataLocator("/home/u/cybersim/build/cli/cybersim").dataDir() ==
          fs::path("/home/u/cybersim/build/share/cybersim"));

    TempFolder prefix("rule");
    fs::create_directories(prefix.path / "bin");
    fs::create_directories(prefix.path / "share" / "cybersim" / "scenarios");
    fs::create_directories(prefix.path / "share" / "cybersim" / "validation");
    const DataLocator locator(prefix.path / "bin" / "cybersim");
    CHECK(locator.scenariosDir() == fs::canonical(prefix.path / "share" / "cybersim" / "scenarios"));
    CHECK(locator.validationDir() == fs::canonical(prefix.path / "share" / "cybersim" / "validation"));
}

TEST_CASE("data locator: an override replaces the rule, and a missing folder is an error naming what was tried")
{
    TempFolder data("override");
    fs::create_directories(data.path / "scenarios");

    SUBCASE("the override is used, not the program's place")
    {
        const DataLocator locator("/nonexistent/bin/cybersim", data.path);
        CHECK(locator.dataDir() == data.path);
        CHECK(locator.scenariosDir() == fs::canonical(data.path / "scenarios"));
        // The override is taken as given: no fallback to the rule when one of its folders is missing.
        CHECK_THROWS_AS((void)locator.validationDir(), ConfigError);
    }
    SUBCASE("without the override, the error names the folder tried and the program it was derived from")
    {
        const auto message = messageOf(DataLocator("/nonexistent/bin/cybersim"));
        CHECK(message.find("cannot find cybersim's shipped scenarios") != std::string::npos);
        CHECK(message.find("tried /nonexistent/share/cybersim/scenarios") != std::string::npos);
        CHECK(message.find("/nonexistent/bin/cybersim") != std::string::npos);
        CHECK(message.find("CYBERSIM_DATA_DIR") != std::string::npos);
    }
    SUBCASE("with the override, the error says the folder came from $CYBERSIM_DATA_DIR")
    {
        const auto message = messageOf(DataLocator("/usr/bin/cybersim", data.path / "missing"));
        CHECK(message.find("tried " + (data.path / "missing" / "scenarios").string()) != std::string::npos);
        CHECK(message.find("from $CYBERSIM_DATA_DIR") != std::string::npos);
    }
    SUBCASE("a file where a folder belongs is not a folder")
    {
        TempFolder file("file");
        fs::create_directories(file.path / "share" / "cybersim");
        std::ofstream(file.path / "share" / "cybersim" / "scenarios") << "not a folder\n";
        CHECK_THROWS_AS((void)DataLocator(file.path / "bin" / "cybersim").scenariosDir(), ConfigError);
    }
}

TEST_CASE("data locator: this test program finds the shipped data of its build tree, as cybersim does")
{
    const auto program = cybersim::scenario::runningExecutable();
    CHECK(program.is_absolute());
    CHECK(fs::is_regular_file(program));
    const auto data = DataLocator::forThisProgram();
    CHECK(fs::is_regular_file(data.scenariosDir() / "default.toml"));
    CHECK(fs::is_directory(data.scenariosDir() / "lessons"));
    CHECK(fs::is_directory(data.scenariosDir() / "sweeps"));
    for (const char* table :
         {"axelrod_peer_vectors.tsv", "axelrod_peer_small_tournaments.tsv", "egttools_peer_fixation.tsv", "README.md"})
    {
        INFO(table);
        CHECK(fs::is_regular_file(data.validationDir() / table));
    }
}
