// SPDX-License-Identifier: MIT
// Running sweeps: identical bytes at any thread count, journal resume after a torn write, refusal of another spec.
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/sweep/sweep_journal.hpp"
#include "cybersim/sweep/sweep_output.hpp"
#include "cybersim/sweep/sweep_plan.hpp"
#include "cybersim/sweep/sweep_run.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numeric>
#include <unistd.h>

using namespace cybersim;
using namespace cybersim::scenario;
using namespace cybersim::sweep;
namespace fs = std::filesystem;

namespace
{

const char* const kSpec = R"(seed = 3
replicates = 3
series = [1]
[set]
run.rounds = 110
[[parameters]]
key = "noise.false_attribution"
values = [0.0, 0.2]
[[metrics]]
of = "cooperation_rate"
[[metrics]]
stat = "mean"
of = "mean_trust"
window = [10, 110]
[[metrics]]
stat = "time-to"
when = "mean_trust < 0.45"
)";

SweepPlan makePlan(const char* text = kSpec)
{
    const auto& catalogue = agents::builtinCatalogue();
    return SweepPlan(parseSweepSpec(text, "spec.toml"), defaultScenario(catalogue), catalogue);
}

fs::path freshFolder(const std::string& name)
{
    const auto folder = fs::temp_directory_path() / ("cybersim-test-sweep-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(folder);
    return folder;
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs the whole plan (or only `pending`) into `folder` and writes the outputs with fixed timing.
void sweepInto(const SweepPlan& plan, const fs::path& folder, int threads, bool resume)
{
    SweepJournal journal(folder, plan, resume);
    std::vector<std::uint64_t> pending;
    for (std::uint64_t i = 0; i < plan.runCount(); ++i)
        if (!journal.resumed().done[i])
            pending.push_back(i);
    runSweepLocal(plan, agents::builtinCatalogue(), pending, journal, threads);
    journal.close();
    const auto results = SweepJournal::read(folder / SweepJournal::kFileName, plan);
    writeSweepOutputs(folder, plan, results, agents::builtinCatalogue(), SweepTiming{});
}

void checkSameOutputs(const fs::path& a, const fs::path& b)
{
    for (const auto* file :
         {"runs.csv", "points.csv", "sweep.json", "series/run-1/timeseries.csv", "series/run-1/summary.json"})
    {
        CAPTURE(file);
        CHECK(readFile(a / file) == readFile(b / file));
    }
}

} // namespace

TEST_CASE("sweep: one run reproduces alone and its metrics follow their definitions")
{
    const auto plan = makePlan();
    const auto values = runSweepRun(plan, 4, agents::builtinCatalogue());
    REQUIRE(values.size() == 3);
    CHECK(values == runSweepRun(plan, 4, agents::builtinCatalogue()));
    CHECK(values[0] >= 0.0);
    CHECK(values[0] <= 1.0);
    CHECK(values[1] > 0.0);
}

TEST_CASE("sweep: output bytes are identical with 1 and 2 threads")
{
    const auto plan = makePlan();
    const auto one = freshFolder("threads-1");
    const auto two = freshFolder("threads-2");
    sweepInto(plan, one, 1, false);
    sweepInto(plan, two, 2, false);
    checkSameOutputs(one, two);
    const auto runs = readFile(one / "runs.csv");
    CHECK(runs.rfind("run,point,replicate,seed,noise.false_attribution,cooperation_rate,mean_mean_trust,"
                     "time_to_mean_trust_0_45\n",
                     0) == 0);
    CHECK(std::count(runs.begin(), runs.end(), '\n') == 7);
    fs::remove_all(one);
    fs::remove_all(two);
}

TEST_CASE("sweep: resuming after an interruption gives the uninterrupted files")
{
    const auto plan = makePlan();
    const auto whole = freshFolder("whole");
    sweepInto(plan, whole, 2, false);
    const auto journalText = readFile(whole / SweepJournal::kFileName);

    const auto cut = freshFolder("cut");
    fs::create_directories(cut);
    // Keep the header and the first two run lines, then half of the third line: a write torn by kill -9.
    std::size_t at = 0;
    for (int line = 0; line < 3; ++line)
        at = journalText.find('\n', at) + 1;
    const auto torn = journalText.substr(0, at) + journalText.substr(at, 9);
    {
        std::ofstream out(cut / SweepJournal::kFileName, std::ios::binary);
        out << torn;
    }
    const auto state = inspectSweepFolder(cut);
    CHECK(state.hasJournal);
    CHECK(state.journalled == 2);
    CHECK(state.specHash == plan.specHash());
    {
        SweepJournal journal(cut, plan, true);
        CHECK(journal.resumed().doneCount() == 2);
    }
    sweepInto(plan, cut, 1, true);
    checkSameOutputs(whole, cut);

    SUBCASE("a corrupt line is ignored and its run done again")
    {
        auto text = readFile(whole / SweepJournal::kFileName);
        const auto second = text.find('\n') + 1;
        text[second + 3] = text[second + 3] == '1' ? '2' : '1'; // break the first run line's checksum
        const auto bad = freshFolder("corrupt");
        fs::create_directories(bad);
        std::ofstream(bad / SweepJournal::kFileName, std::ios::binary) << text;
        CHECK(inspectSweepFolder(bad).journalled == plan.runCount() - 1);
        sweepInto(plan, bad, 2, true);
        checkSameOutputs(whole, bad);
        fs::remove_all(bad);
    }
    SUBCASE("the journal of another spec is refused")
    {
        auto other = std::string(kSpec);
        other.replace(other.find("replicates = 3"), 14, "replicates = 2");
        const auto otherPlan = makePlan(other.c_str());
        CHECK(otherPlan.specHash() != plan.specHash());
        CHECK_THROWS_WITH_AS(SweepJournal(whole, otherPlan, true), doctest::Contains("belongs to another sweep"),
                             ConfigError);
    }
    SUBCASE("an unfinished sweep cannot be written out")
    {
        const auto partial = SweepJournal::read(cut / SweepJournal::kFileName, plan);
        auto missing = partial;
        missing.done[0] = false;
        CHECK_THROWS_WITH_AS(writeSweepOutputs(freshFolder("partial"), plan, missing, agents::builtinCatalogue(), {}),
                             doctest::Contains("not complete"), ConfigError);
    }
    fs::remove_all(whole);
    fs::remove_all(cut);
}

TEST_CASE("sweep: an output folder that cannot be created is a ConfigError")
{
    const auto plan = makePlan();
    const auto blocker = freshFolder("blocker");
    std::ofstream(blocker) << "a file, not a folder";
    CHECK_THROWS_AS(SweepJournal(blocker / "sub", plan, false), ConfigError);
    fs::remove(blocker);
}
