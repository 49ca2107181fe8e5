// SPDX-License-Identifier: MIT
// `cybersim run`: one scenario, headless (general engine or lattice kernel), with a summary and the output files.
#include "commands.hpp"
#include "progress.hpp"
#include "scenario_lookup.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/core/shell_quote.hpp"
#include "cybersim/engine/simulation.hpp"
#include "cybersim/engine/spatial_game.hpp"
#include "cybersim/records/replay.hpp"
#include "cybersim/records/run_record.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/scenario/scenario_rounds.hpp"

#include <tbb/global_control.h>

#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string_view>

namespace cybersim::cli
{

namespace
{

void printMilestone(const engine::WorldMetrics& m)
{
    std::printf("%6d  %11.3f  %10.3f  %10.1f  %10.2f  %+9.3f  %8.3f  %5d  %10.1f\n", m.round, m.cooperationRate,
                m.meanTrust, m.totalArms, m.escalationIndex, m.stabilityEigenvalue, m.commonSecurityIndex,
                m.normsAdopted, m.welfare);
}

void printSummary(const engine::Simulation& simulation, const engine::WorldMetrics& m)
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

// The run length the command line asks for: the last run.rounds override (--set run.rounds=N, else --rounds N) when
// its value is a plain integer; otherwise the loader reports it as it reports any override.
struct RoundsRequest
{
    std::int64_t rounds = 0;
    std::string origin; // "--rounds 50" or "--set run.rounds=50", for notes and diagnostics
};

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

std::optional<RoundsRequest> roundsRequest(const RunOptions& options)
{
    for (auto it = options.overrides.rbegin(); it != options.overrides.rend(); ++it)
        if (scenario::setsRounds(*it))
        {
            const auto value = trimmed(std::string_view(*it).substr(it->find('=') + 1));
            std::int64_t rounds = 0;
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), rounds);
            if (error != std::errc() || end != value.data() + value.size())
                return std::nullopt;
            return RoundsRequest{rounds, "--set " + *it};
        }
    if (options.rounds)
        return RoundsRequest{*options.rounds, "--rounds " + std::to_string(*options.rounds)};
    return std::nullopt;
}

// Loads the scenario with the command line's overrides. A run cut short before some scheduled events (--rounds 50 on
// a scenario with events at rounds 60 and 100) leaves them out, as the scenario library's policy says (loadWithRounds),
// instead of refusing the run; the change names them. Any other problem is reported as the loader found it.
// @throws ScenarioError.
scenario::RoundsChange loadForRun(const RunOptions& options)
{
    std::vector<std::string> overrides;
    if (options.seed)
        overrides.push_back("run.seed=" + std::to_string(*options.seed));
    if (options.rounds)
        overrides.push_back("run.rounds=" + std::to_string(*options.rounds));
    overrides.insert(overrides.end(), options.overrides.begin(), options.overrides.end());
    const auto load = [&](const std::vector<std::string>& o) { return loadScenarioByName(options.scenario, o); };
    if (const auto request = roundsRequest(options))
        return scenario::loadWithRounds(load, overrides, request->rounds, request->origin);
    scenario::RoundsChange loaded;
    loaded.scenario = load(overrides);
    return loaded;
}

// The command that repeats this run: the scenario, the seed and every option that changes the result.
std::string rerunCommand(const RunOptions& options, std::uint64_t seed)
{
    std::string command = "cybersim run";
    if (!options.scenario.empty())
        command += " " + core::shellQuote(options.scenario);
    command += " --seed " + std::to_string(seed);
    if (options.rounds)
        command += " --rounds " + std::to_string(*options.rounds);
    for (const auto& o : options.overrides)
        command += " --set " + core::shellQuote(o);
    return command;
}

// Names the files of an earlier run that writing this one removed from the output folder.
void printRemoved(const std::filesystem::path& out, const std::vector<std::string>& removed)
{
    if (removed.empty())
        return;
    std::string names;
    for (const auto& name : removed)
        names += (names.empty() ? "" : ", ") + name;
    std::printf("Removed %s from %s: an earlier run wrote %s, this one does not\n", names.c_str(), out.string().c_str(),
                removed.size() == 1 ? "it" : "them");
}

void printMilestoneSpatial(const engine::WorldMetrics& m, double cooperators)
{
    std::printf("%6d  %11.3f  %11.3f\n", m.round, m.cooperationRate, cooperators);
}

// A lattice spatial game on the kernel: the same rounds and the same cooperation rates as the general engine, bit
// for bit; outputs are the columns the kernel can fill (sim::spatialMetricNames()).
void runSpatial(const RunOptions& options, const scenario::Scenario& scenario, engine::SpatialGame& game,
                const std::filesystem::path& out, const records::RunNotes& notes)
{
    const int rounds = scenario.run.rounds;
    const auto& def = game.def();
    const std::uint64_t cells = std::uint64_t(def.width) * std::uint64_t(def.height);
    if (!options.quiet)
    {
        std::printf("cybersim %s: scenario '%s' (%s), seed %llu\n", CYBERSIM_VERSION, scenario.name.c_str(),
                    scenario.sourceFile.c_str(), static_cast<unsigned long long>(scenario.run.seed));
        if (!scenario.description.empty())
            std::printf("  %s\n", scenario.description.c_str());
        std::printf("  engine: spatial, the lattice kernel (%s)\n", notes.engineNote.c_str());
        std::printf("  %d x %d %s, %s neighbourhood%s, %s imitate-the-best, %d rounds\n\n", def.width, def.height,
                    def.periodic ? "torus" : "lattice with fixed edges",
                    def.neighbourhood == scenario::Neighbourhood::Moore ? "Moore" : "von Neumann",
                    def.selfInteraction ? " with self-interaction" : "",
                    def.update == engine::SpatialUpdate::Synchronous ? "synchronous" : "asynchronous", rounds);
        std::printf(" round  cooperation  cooperators\n");
    }
    std::vector<engine::WorldMetrics> series;
    series.reserve(static_cast<std::size_t>(rounds) + 1);
    series.push_back(records::spatialRoundMetrics(game, 0));
    if (!options.quiet)
        printMilestoneSpatial(series.back(), game.cooperatorShare());
    const int every = std::max(1, rounds / 10);
    Progress progress("rounds", static_cast<std::uint64_t>(rounds), !options.quiet);
    const auto start = std::chrono::steady_clock::now();
    for (int round = 1; round <= rounds; ++round)
    {
        // Round r's acts are played by the grid as it stands before round r's imitation, as in the general engine.
        series.push_back(records::spatialRoundMetrics(game, round));
        game.step();
        if (!options.quiet)
        {
            if (round % every == 0 || round == rounds)
            {
                progress.finish();
                printMilestoneSpatial(series.back(), game.cooperatorShare());
            }
            progress.update(static_cast<std::uint64_t>(round));
        }
    }
    progress.finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const records::Provenance provenance{scenario.run.seed, scenario::scenarioHash(scenario), CYBERSIM_VERSION,
                                         records::buildDescription()};
    const auto removed = records::writeSpatialRunOutputs(out, series, game, scenario, provenance, notes);
    if (options.quiet)
        return;
    const auto& last = series.back();
    std::printf("\nAfter %d rounds (%s each):\n", rounds, scenario.run.roundLabel.c_str());
    std::printf("  cooperation rate        %.3f   (share of cooperative acts in the last round)\n",
                last.cooperationRate);
    std::printf("  cooperators             %.3f   (share of cells cooperating after the last imitation)\n",
                game.cooperatorShare());
    if (seconds >= 0.05) // shorter runs are too short to time
        std::printf("  speed                   %.3g cells a second (%d rounds of %llu cells in %.2f s, metrics "
                    "included)\n",
                    double(cells) * rounds / seconds, rounds, static_cast<unsigned long long>(cells), seconds);
    std::printf("\nWrote %s/{timeseries.csv,lattice.pbm,summary.json}\n", out.string().c_str());
    std::printf("  (the kernel fills timeseries.csv's %zu columns it computes and writes no states.csv, events.csv or "
                "network.graphml; --engine general writes every file)\n",
                records::spatialMetricNames().size());
    printRemoved(out, removed);
    std::printf("Re-run exactly: %s\n", rerunCommand(options, scenario.run.seed).c_str());
}

void runGeneral(const RunOptions& options, const scenario::Scenario& scenario, const std::filesystem::path& out,
                const records::RunNotes& notes, bool sayEngine)
{
    engine::Simulation simulation(scenario, agents::builtinCatalogue());
    records::RunRecord record;
    record.begin(simulation);
    // --record: the whole run round by round, trust of every relation included, for replay and scrubbing.
    std::unique_ptr<records::Replay> replay;
    if (!options.record.empty())
    {
        replay = std::make_unique<records::Replay>();
        replay->begin(simulation);
    }
    const int rounds = scenario.run.rounds;
    if (!options.quiet)
    {
        std::printf("cybersim %s: scenario '%s' (%s), seed %llu\n", CYBERSIM_VERSION, scenario.name.c_str(),
                    scenario.sourceFile.c_str(), static_cast<unsigned long long>(scenario.run.seed));
        if (!scenario.description.empty())
            std::printf("  %s\n", scenario.description.c_str());
        if (sayEngine)
            std::printf("  engine: general (%s)\n", notes.engineNote.c_str());
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
                if (e.type != engine::EventType::DoctrineChange)
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
    const records::Provenance provenance{scenario.run.seed, scenario::scenarioHash(scenario), CYBERSIM_VERSION,
                                         records::buildDescription()};
    const auto removed = records::writeRunOutputs(out, record, simulation, provenance, notes);
    if (replay)
    {
        records::writeReplayFile(options.record, *replay);
        if (!options.quiet)
            std::printf("Wrote replay %s (%zu rounds)\n", options.record.c_str(), replay->rowCount() - 1);
    }
    if (!options.quiet)
    {
        printSummary(simulation, simulation.metrics());
        std::printf("\nWrote %s/{timeseries.csv,%sevents.csv,network.graphml,summary.json}\n", out.string().c_str(),
                    record.recordStates ? "states.csv," : "");
        printRemoved(out, removed);
        std::printf("Re-run exactly: %s\n", rerunCommand(options, scenario.run.seed).c_str());
    }
}

} // namespace

int runCommand(const RunOptions& options)
{
    scenario::Scenario scenario;
    records::RunNotes notes;
    try
    {
        auto loaded = loadForRun(options);
        if (!loaded.droppedEvents.empty() && !options.quiet)
            std::cerr << "note: " << loaded.note() << "; summary.json lists them\n";
        scenario = std::move(loaded.scenario);
        notes.droppedEvents = std::move(loaded.droppedEvents);
    }
    catch (const Error& error)
    {
        printDiagnostics(error);
        return kExitBadInput;
    }
    std::unique_ptr<tbb::global_control> threads;
    if (options.threads > 0)
        threads = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                        static_cast<std::size_t>(options.threads));
    try
    {
        // The engine: the lattice kernel when the scenario is a pure lattice spatial game (fromScenario decides) and
        // no replay is asked for, else the general engine. The kernel is exact to the engine, so only speed differs.
        std::optional<engine::SpatialGame> kernel;
        std::string whyNot = "--engine general";
        if (options.engine != "general")
        {
            if (!options.record.empty())
                whyNot = "--record needs the general engine (the kernel keeps no replay)";
            else
                kernel = engine::SpatialGame::fromScenario(scenario, agents::builtinCatalogue(), whyNot);
        }
        if (options.engine == "spatial" && !kernel)
        {
            std::cerr << "error: --engine spatial: the lattice kernel cannot run scenario '" << scenario.name
                      << "': " << whyNot << '\n';
            return kExitBadInput;
        }
        notes.engine = kernel ? "spatial" : "general";
        if (kernel)
            notes.engineNote = "--engine " + options.engine + ": a lattice spatial game, exact to the general engine";
        else
            notes.engineNote = options.engine == "general" ? whyNot : "--engine auto: " + whyNot;

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
        if (kernel)
            runSpatial(options, scenario, *kernel, out, notes);
        else
            runGeneral(options, scenario, out, notes,
                       options.engine == "general" || scenario.network.kind == scenario::NetworkKind::Lattice);
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
