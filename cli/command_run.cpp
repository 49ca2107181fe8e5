// SPDX-License-Identifier: MIT
// `cybersim run`: one scenario, headless, with a readable summary and the run's output files.
#include "commands.hpp"
#include "progress.hpp"
#include "scenario_lookup.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/sim/error.hpp"
#include "cybersim/sim/replay.hpp"
#include "cybersim/sim/run_record.hpp"
#include "cybersim/sim/scenario_io.hpp"
#include "cybersim/sim/simulation.hpp"

#include <tbb/global_control.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

namespace cybersim::cli
{

namespace
{

void printMilestone(const sim::WorldMetrics& m)
{
    std::printf("%6d  %11.3f  %10.3f  %10.1f  %10.2f  %+9.3f  %8.3f  %5d  %10.1f\n", m.round, m.cooperationRate,
                m.meanTrust, m.totalArms, m.escalationIndex, m.stabilityEigenvalue, m.commonSecurityIndex,
                m.normsAdopted, m.welfare);
}

void printSummary(const sim::Simulation& simulation, const sim::WorldMetrics& m)
{
    const auto& scenario = simulation.scenario();
    std::printf("\nAfter %d rounds (%s each):\n", simulation.round(), scenario.run.roundLabel.c_str());
    std::printf("  cooperation rate        %.3f   (share of restrained acts)\n", m.cooperationRate);
    std::printf("  mean trust              %.3f   (spread %.3f, polarisation %+.3f)\n", m.meanTrust, m.trustSpread,
                m.polarisation);
    std::printf("  total arms              %.2f   (escalation index %.2f x round 0)\n", m.totalArms, m.escalationIndex);
    std::printf("  arms stability          %+.4f  (%s)\n", m.stabilityEigenvalue,
                m.stabilityEigenvalue > 0 ? "positive: a runaway arms race" : "negative: arms settle");
    std::printf("  common security index   %.3f   (threat stock %.2f, contributions %.0f%% of need)\n",
                m.commonSecurityIndex, m.threatStock, 100.0 * m.contributionRatio);
    int adopted = 0;
    std::string names;
    for (const auto& [name, isAdopted] : simulation.norms())
        if (isAdopted)
        {
            ++adopted;
            names += (names.empty() ? "" : ", ") + name;
        }
    std::printf("  norms adopted           %d of %zu%s%s\n", adopted, simulation.norms().size(),
                names.empty() ? "" : ": ", names.c_str());
    std::printf("  welfare this round      %.1f   (Gini of cumulative payoffs %.3f)\n", m.welfare, m.welfareGini);
    std::printf("  relations by game       %d dilemma, %d stag hunt, %d chicken, %d harmony\n", m.dilemmaDyads,
                m.stagHuntDyads, m.chickenDyads, m.harmonyDyads);
}

} // namespace

int runCommand(const RunOptions& options)
{
    std::vector<std::string> overrides;
    if (options.seed)
        overrides.push_back("run.seed=" + std::to_string(*options.seed));
    if (options.rounds)
        overrides.push_back("run.rounds=" + std::to_string(*options.rounds));
    overrides.insert(overrides.end(), options.overrides.begin(), options.overrides.end());

    sim::Scenario scenario;
    try
    {
        scenario = loadScenarioByName(options.scenario, overrides);
    }
    catch (const Error& error)
    {
        printDiagnostics(error);
        return kExitBadInput;
    }
    const std::filesystem::path out =
        options.out.empty() ? std::filesystem::path("out") / scenario.name : std::filesystem::path(options.out);
    // Find an unwritable output folder now, not after a long run.
    std::error_code folderError;
    std::filesystem::create_directories(out, folderError);
    if (folderError || !std::filesystem::is_directory(out))
    {
        std::cerr << "error: --out: cannot create output folder " << out.string()
                  << (folderError ? ": " + folderError.message() : std::string()) << '\n';
        return kExitBadInput;
    }

    std::unique_ptr<tbb::global_control> threads;
    if (options.threads > 0)
        threads = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                        static_cast<std::size_t>(options.threads));
    try
    {
        sim::Simulation simulation(scenario, agents::builtinCatalogue());
        sim::RunRecord record;
        record.begin(simulation);
        // --record: the whole run round by round, trust of every relation included, for replay and scrubbing.
        std::unique_ptr<sim::Replay> replay;
        if (!options.record.empty())
        {
            replay = std::make_unique<sim::Replay>();
            replay->begin(simulation);
        }
        const int rounds = scenario.run.rounds;
        if (!options.quiet)
        {
            std::printf("cybersim %s: scenario '%s' (%s), seed %llu\n", CYBERSIM_VERSION, scenario.name.c_str(),
                        scenario.sourceFile.c_str(), static_cast<unsigned long long>(scenario.run.seed));
            if (!scenario.description.empty())
                std::printf("  %s\n", scenario.description.c_str());
            std::printf("  %zu states, %zu relations, %d rounds\n\n", simulation.world().stateCount(),
                        simulation.world().edgeCount() / 2, rounds);
            std::printf(
                " round  cooperation  mean trust  total arms  escalation  stability  security  norms     welfare\n");
            printMilestone(simulation.metrics());
        }
        const int every = std::max(1, rounds / 10);
        Progress progress("rounds", static_cast<std::uint64_t>(rounds), !options.quiet);
        while (!simulation.finished())
        {
            simulation.step();
            record.capture(simulation);
            if (replay)
                replay->capture(simulation);
            if (!options.quiet)
            {
                for (const auto& e : simulation.newEvents())
                    if (e.type != sim::EventType::DoctrineChange)
                    {
                        progress.finish();
                        std::printf("        round %d: %s\n", e.round, e.detail.c_str());
                    }
                if (simulation.round() % every == 0 || simulation.finished())
                {
                    progress.finish();
                    printMilestone(simulation.metrics());
                }
                progress.update(static_cast<std::uint64_t>(simulation.round()));
            }
        }
        progress.finish();
        const sim::Provenance provenance{scenario.run.seed, sim::scenarioHash(scenario), CYBERSIM_VERSION,
                                         sim::buildDescription()};
        sim::writeRunOutputs(out, record, simulation, provenance);
        if (replay)
        {
            sim::writeReplayFile(options.record, *replay);
            if (!options.quiet)
                std::printf("Wrote replay %s (%zu rounds)\n", options.record.c_str(), replay->rowCount() - 1);
        }
        if (!options.quiet)
        {
            printSummary(simulation, simulation.metrics());
            std::printf("\nWrote %s/{timeseries.csv,%sevents.csv,network.graphml,summary.json}\n", out.string().c_str(),
                        record.recordStates ? "states.csv," : "");
            std::printf("Re-run exactly: cybersim run%s%s --seed %llu\n", options.scenario.empty() ? "" : " ",
                        options.scenario.c_str(), static_cast<unsigned long long>(scenario.run.seed));
        }
    }
    catch (const ScenarioError& error)
    {
        printDiagnostics(error);
        return kExitBadInput;
    }
    catch (const ConfigError& error)
    {
        std::cerr << "error: " << error.what() << '\n';
        return kExitBadInput;
    }
    catch (const std::exception& error)
    {
        std::cerr << "error: " << error.what() << '\n';
        return kExitRuntime;
    }
    return kExitOk;
}

} // namespace cybersim::cli
