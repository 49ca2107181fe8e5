// SPDX-License-Identifier: MIT
// `cybersim sweep` as a user runs it: exit codes, kill -9 then --resume, and the same sweep under mpirun (2 ranks).
#include "cli_process.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace
{
using cybersim::test::capture;
using cybersim::test::run;

fs::path cybersimBinary()
{
    return cybersim::test::cliBinary();
}

fs::path freshFolder(const std::string& name)
{
    const auto folder = fs::temp_directory_path() / ("cybersim-test-cli-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(folder);
    return folder;
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// sweep.json without its "timing" member, the only part that differs between sessions.
std::string withoutTiming(const std::string& json)
{
    return json.substr(0, json.find("\"timing\""));
}

fs::path writeSpec(const fs::path& folder, const std::string& name, int replicates, int rounds)
{
    fs::create_directories(folder);
    const auto path = folder / name;
    std::ofstream(path) << "# test sweep\nseed = 9\nreplicates = " << replicates
                        << "\nseries = [2]\n[set]\nrun.rounds = " << rounds
                        << "\n[[parameters]]\nkey = \"noise.false_attribution\"\nvalues = [0.0, 0.05, 0.1, 0.2]\n"
                           "[[metrics]]\nof = \"cooperation_rate\"\n[[metrics]]\nstat = \"time-to\"\n"
                           "when = \"mean_trust < 0.3\"\n";
    return path;
}

void checkSame(const fs::path& a, const fs::path& b)
{
    for (const auto* file : {"runs.csv", "points.csv", "series/run-2/timeseries.csv", "series/run-2/events.csv"})
    {
        CAPTURE(file);
        CHECK(readFile(a / file) == readFile(b / file));
    }
    CHECK(withoutTiming(readFile(a / "sweep.json")) == withoutTiming(readFile(b / "sweep.json")));
    CHECK(!withoutTiming(readFile(a / "sweep.json")).empty());
}

std::size_t journalLines(const fs::path& folder)
{
    const auto text = readFile(folder / "journal.tsv");
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

} // namespace

TEST_CASE("cli sweep: exit codes for bad input and refused folders")
{
    const auto bin = cybersimBinary().string();
    REQUIRE(fs::exists(bin));
    const auto dir = freshFolder("codes");
    const auto spec = writeSpec(dir, "a.toml", 2, 110).string();
    const auto other = writeSpec(dir, "b.toml", 3, 110).string();
    std::ofstream(dir / "bad.toml") << "replicates = 0\n[[metrics]]\nof = \"nope\"\n";
    std::ofstream(dir / "file") << "x";

    CHECK(run(bin + " sweep " + (dir / "bad.toml").string() + " --out " + (dir / "o").string()) == 2);
    CHECK(run(bin + " sweep " + (dir / "missing.toml").string() + " --out " + (dir / "o").string()) == 2);
    CHECK(run(bin + " sweep " + spec + " --out " + (dir / "file").string()) == 2);
    CHECK(run(bin + " sweep " + spec + " --out " + (dir / "file" / "sub").string()) == 2);
    CHECK(run(bin + " sweep " + spec + " --out " + (dir / "o").string()) == 0);
    CHECK(run(bin + " sweep " + spec + " --out " + (dir / "o").string()) == 0);  // the same sweep again
    CHECK(run(bin + " sweep " + other + " --out " + (dir / "o").string()) == 2); // another spec: refused
    CHECK(run(bin + " sweep " + other + " --out " + (dir / "o").string() + " --resume") == 2);
    CHECK(run(bin + " sweep " + other + " --out " + (dir / "o").string() + " --force") == 0);
    const auto message = capture(bin + " sweep " + (dir / "bad.toml").string() + " --out " + (dir / "o").string());
    CHECK(message.find("bad.toml:1:14: error: replicates: is 0") != std::string::npos);
    CHECK(message.find("metrics[0].of: unknown metric \"nope\"") != std::string::npos);
    // A list value that the scenario's rules refuse (the default scenario generates no states, so no doctrines):
    // reported at the value before anything runs.
    std::ofstream(dir / "bad-list.toml") << "[[parameters]]\nkey = \"generate.doctrine_shares\"\n"
                                            "values = [[0.5, 0.5]]\n[[metrics]]\nof = \"cooperation_rate\"\n";
    const auto badList = (dir / "bad-list.toml").string() + " --out " + (dir / "list").string();
    CHECK(run(bin + " sweep " + badList) == 2);
    CHECK(capture(bin + " sweep " + badList)
              .find("bad-list.toml:3:11: error: parameters[0].values[0]: has 2 shares for 0 doctrines") !=
          std::string::npos);
    CHECK(!fs::exists(dir / "list" / "journal.tsv"));
    fs::remove_all(dir);
}

TEST_CASE("cli sweep: kill -9 in the middle, then --resume, gives the uninterrupted files")
{
    const auto bin = cybersimBinary();
    REQUIRE(fs::exists(bin));
    const auto dir = freshFolder("kill");
    const auto spec = writeSpec(dir, "spec.toml", 60, 200);
    const auto whole = dir / "whole";
    const auto killed = dir / "killed";
    REQUIRE(run(bin.string() + " sweep " + spec.string() + " --out " + whole.string() + " -q") == 0);

    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0)
    {
        std::freopen("/dev/null", "w", stdout);
        std::freopen("/dev/null", "w", stderr);
        execl(bin.c_str(), bin.c_str(), "sweep", spec.c_str(), "--out", killed.c_str(), "--threads", "2", "-q",
              static_cast<char*>(nullptr));
        _exit(127);
    }
    // Kill it once some, but not all, runs are journalled.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (journalLines(killed) < 20 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    const auto journalled = journalLines(killed);
    CHECK(journalled > 1);
    CHECK(journalled < 241);
    CHECK(!fs::exists(killed / "sweep.json"));

    // Without --resume the interrupted sweep is protected; with it, the sweep finishes.
    CHECK(run(bin.string() + " sweep " + spec.string() + " --out " + killed.string()) == 2);
    const auto output = capture(bin.string() + " sweep " + spec.string() + " --out " + killed.string() + " --resume");
    CHECK(output.find("resuming:") != std::string::npos);
    checkSame(whole, killed);
    fs::remove_all(dir);
}

TEST_CASE("cli sweep: mpirun with 2 ranks gives the single-process files")
{
    const auto bin = cybersimBinary().string();
    REQUIRE(fs::exists(bin));
    if (capture(bin + " sweep --help").find("MPI: yes") == std::string::npos || run("command -v mpirun") != 0)
    {
        MESSAGE("skipped: built without MPI or mpirun not found");
        return;
    }
    const auto dir = freshFolder("mpi");
    const auto spec = writeSpec(dir, "spec.toml", 5, 110);
    REQUIRE(run(bin + " sweep " + spec.string() + " --out " + (dir / "single").string() + " --threads 2") == 0);
    // Open MPI's own leaks would fail a sanitizer build (scripts/lsan.supp lists them): suppress them for this command
    // only.
    std::ofstream(dir / "lsan.supp") << "leak:libmpi.so\nleak:libopen-pal.so\nleak:libopen-rte.so\nleak:libpmix.so\n"
                                        "leak:libhwloc.so\nleak:libevent\nleak:libboost_mpi\n";
    const auto mpirun = "LSAN_OPTIONS=suppressions=" + (dir / "lsan.supp").string() +
                        " ASAN_OPTIONS=fast_unwind_on_malloc=0 "
                        "OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_rmaps_base_oversubscribe=1 "
                        "timeout 300 mpirun --allow-run-as-root --oversubscribe -np 2 " +
                        bin + " sweep " + spec.string() + " --out " + (dir / "mpi").string();
    const auto output = capture(mpirun);
    INFO(output);
    CHECK(output.find("2 MPI ranks") != std::string::npos);
    checkSame(dir / "single", dir / "mpi");
    CHECK(readFile(dir / "mpi" / "sweep.json").find("\"processes\": 2") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("cli plot: charts of a sweep as PNG and SVG, when built with Qt")
{
    const auto bin = cybersimBinary().string();
    const auto dir = freshFolder("plot");
    const auto spec = writeSpec(dir, "spec.toml", 3, 110);
    REQUIRE(run(bin + " sweep " + spec.string() + " --out " + (dir / "o").string()) == 0);
    const auto output = capture("QT_QPA_PLATFORM=offscreen " + bin + " plot " + (dir / "o").string());
    if (output.find("built without Qt") != std::string::npos)
    {
        MESSAGE("skipped: built without Qt");
        return;
    }
    INFO(output);
    for (const auto* file : {"cooperation_rate.png", "cooperation_rate.svg", "time_to_mean_trust_0_3.png"})
    {
        CAPTURE(file);
        CHECK(fs::file_size(dir / "o" / "plots" / file) > 1000);
    }
    CHECK(run(bin + " plot " + (dir / "nothing").string()) == 2);
    fs::remove_all(dir);
}
