// SPDX-License-Identifier: MIT
// The cybersim command line: parses arguments (the only file that includes CLI11) and dispatches to a command.
#include "commands.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

using namespace cybersim::cli;

int main(int argc, char** argv)
{
    CLI::App app{
        "cybersim: a multi-agent simulator of international cyber relations.\n"
        "States on a network play repeated cooperative-or-zero-sum games, with trust, Richardson arms\n"
        "dynamics, norms and a common-security public good. Exit codes: 0 ok, 1 runtime failure, 2 bad input."};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("cybersim ") + CYBERSIM_VERSION);

    RunOptions run;
    auto* runCmd = app.add_subcommand("run", "Run one scenario headless and write its outputs");
    runCmd->add_option("scenario", run.scenario,
                       "Scenario file, or the name of a shipped scenario (see `cybersim list`); default: the "
                       "embedded default world");
    runCmd->add_option("--seed", run.seed, "Master seed (overrides run.seed)");
    runCmd->add_option("--rounds", run.rounds, "Rounds to run (overrides run.rounds)");
    runCmd->add_option("--threads", run.threads, "Worker threads; 0 = all cores (results do not depend on it)")
        ->check(CLI::Range(0, 1024));
    runCmd->add_option("--set", run.overrides, "Override a parameter: key.path=value (repeatable)");
    runCmd->add_option("--out", run.out, "Output folder (default: out/<scenario name>)");
    runCmd->add_option("--record", run.record,
                       "Also write the whole run round by round to this replay file (JSON; the GUI reopens it)");
    runCmd
        ->add_option(
            "--engine", run.engine,
            "auto (default): the lattice kernel for a pure lattice spatial game (Nowak-May), else the general "
            "engine; general: always the general engine; spatial: the lattice kernel or exit 2 with the reason")
        ->check(CLI::IsMember({"auto", "general", "spatial"}));
    runCmd->add_flag("-q,--quiet", run.quiet, "Print nothing but errors");

    app.add_subcommand("list", "List shipped scenarios, lessons, strategies, doctrines, learning rules and networks");

    LessonOptions lesson;
    auto* lessonCmd = app.add_subcommand(
        "lesson", "Play a classroom lesson headless; write its charts (PNG) and a printable handout.html");
    lessonCmd->add_option("lesson", lesson.lesson, "Shipped lesson name (see `cybersim list`) or a lesson file")
        ->required();
    lessonCmd->add_option("--out", lesson.out, "Folder for the charts and handout (default: out/lessons/<name>)");
    lessonCmd->add_option("--record", lesson.record, "Folder for a replay file of each run the lesson starts");
    lessonCmd->add_option("--threads", lesson.threads, "Worker threads; 0 = all cores (results do not depend on it)")
        ->check(CLI::Range(0, 1024));
    lessonCmd->add_flag("-q,--quiet", lesson.quiet, "Print nothing but errors");

    DescribeOptions describe;
    auto* describeCmd =
        app.add_subcommand("describe", "Print the fully resolved scenario (every default filled in) as TOML");
    describeCmd->add_option("scenario", describe.scenario, "Scenario file or shipped name; default: the default");
    describeCmd->add_option("--set", describe.overrides, "Override a parameter: key.path=value (repeatable)");

    app.add_subcommand("schema", "Print the reference of every scenario key (docs/scenarios.md)");

    SweepOptions sweep;
#ifdef CYBERSIM_HAVE_MPI
    constexpr const char* kSweepMpi = " (MPI: yes, run under mpirun to spread runs over ranks)";
#else
    constexpr const char* kSweepMpi = " (MPI: no, this build has no MPI support)";
#endif
    auto* sweepCmd = app.add_subcommand(
        "sweep", std::string("Run a parameter sweep (many runs, threads or MPI ranks) and write runs.csv, points.csv, "
                             "sweep.json") +
                     kSweepMpi);
    sweepCmd->add_option("spec", sweep.spec, "Sweep spec file (TOML, see docs/sweeps.md)")->required();
    sweepCmd->add_option("--out", sweep.out, "Output folder")->required();
    sweepCmd
        ->add_option("--threads", sweep.threads,
                     "Worker threads per process; 0 = all cores, 1 per rank under MPI (results do not depend on it)")
        ->check(CLI::Range(0, 1024));
    sweepCmd->add_flag("--resume", sweep.resume, "Continue an interrupted sweep in --out, skipping journalled runs");
    sweepCmd->add_flag("--force", sweep.force, "Start over even if --out holds another or an unfinished sweep");
    sweepCmd->add_flag("-q,--quiet", sweep.quiet, "Print nothing but errors");

    PlotOptions plot;
    auto* plotCmd = app.add_subcommand("plot", "Render a sweep's metrics as PNG and SVG charts (needs Qt)");
    plotCmd->add_option("folder", plot.folder, "A sweep's output folder (with points.csv and sweep.json)")->required();
    plotCmd->add_option("--out", plot.out, "Folder for the charts (default: <folder>/plots)");

    TournamentOptions tournament;
    auto* tournamentCmd = app.add_subcommand(
        "tournament", "Axelrod-style round robin of named strategies (self-play included); prints the ranking");
    tournamentCmd->add_option("--players", tournament.players, "Strategy names, comma-separated (see `cybersim list`)")
        ->required()
        ->delimiter(',');
    tournamentCmd->add_option("--turns", tournament.turns, "Moves per match")->check(CLI::Range(1U, 100000000U));
    tournamentCmd->add_option("--repetitions", tournament.repetitions, "Times the round robin is played")
        ->check(CLI::Range(1U, 1000000U));
    tournamentCmd->add_option("--noise", tournament.noise, "Probability each move is flipped")
        ->check(CLI::Range(0.0, 1.0));
    tournamentCmd->add_option("--seed", tournament.seed, "Master seed");
    tournamentCmd
        ->add_option("--threads", tournament.threads, "Worker threads; 0 = all cores (results do not depend on it)")
        ->check(CLI::Range(0, 1024));
    tournamentCmd->add_option("--out", tournament.out, "Folder for matches.csv and ranking.csv");
    tournamentCmd->add_flag("--exclude-self-play", tournament.excludeSelfPlay,
                            "Rank without the match against the own twin (Axelrod-Python's totals)");
    tournamentCmd->add_flag("-q,--quiet", tournament.quiet, "Print nothing but errors");

    ValidateOptions validate;
    auto* validateCmd = app.add_subcommand(
        "validate", "Reproduce the canonical results of the field (docs/validation.md); exit 1 on any FAIL");
    validateCmd->add_option("names", validate.names, "Checks to run (default: all; see --list)");
    validateCmd->add_flag("--quick", validate.quick, "The small variant (seconds; what the test suite runs)");
    validateCmd->add_option("--out", validate.out,
                            "Folder for validation.csv, validation.json and a chart per check (NAME.png, NAME.svg)");
    validateCmd->add_option("--threads", validate.threads, "Worker threads; 0 = all cores")->check(CLI::Range(0, 1024));
    validateCmd->add_flag("--list", validate.list, "List the checks and exit");
    validateCmd->add_option("--seed", validate.seed, "Master seed of the stochastic checks (default 20260101)");

    CheckOptions check;
    auto* checkCmd = app.add_subcommand(
        "check", "Check scenarios' claims over many seeds (docs/claims.md); exit 1 on any FAIL or UNEXPECTED PASS");
    checkCmd->add_option("scenarios", check.scenarios,
                         "Scenario files or shipped names (default: every shipped scenario that has claims)");
    checkCmd->add_option("--seeds", check.seeds, "Seeds for every claim instead of its own count")
        ->check(CLI::Range(2, 10000));
    checkCmd->add_option("--threads", check.threads, "Worker threads; 0 = all cores (results do not depend on it)")
        ->check(CLI::Range(0, 1024));
    checkCmd->add_option("--out", check.out, "Folder for claims.csv and claims.json");
    checkCmd->add_flag("-q,--quiet", check.quiet, "Print only the claims that fail the check and the summary line");

    try
    {
        app.parse(argc, argv);
    }
    catch (const CLI::CallForHelp& e)
    {
        return app.exit(e);
    }
    catch (const CLI::CallForAllHelp& e)
    {
        return app.exit(e);
    }
    catch (const CLI::CallForVersion& e)
    {
        return app.exit(e);
    }
    catch (const CLI::ParseError& e)
    {
        app.exit(e);
        return kExitBadInput;
    }

    if (runCmd->parsed())
        return runCommand(run);
    if (app.got_subcommand("list"))
        return listCommand();
    if (lessonCmd->parsed())
        return lessonCommand(lesson);
    if (describeCmd->parsed())
        return describeCommand(describe);
    if (app.got_subcommand("schema"))
        return schemaCommand();
    if (sweepCmd->parsed())
        return sweepCommand(sweep);
    if (plotCmd->parsed())
        return plotCommand(plot);
    if (tournamentCmd->parsed())
        return tournamentCommand(tournament);
    if (validateCmd->parsed())
        return validateCommand(validate);
    if (checkCmd->parsed())
        return checkCommand(check);
    return kExitBadInput;
}
