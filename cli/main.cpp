// SPDX-License-Identifier: MIT
// The cybersim command line: parses arguments (the only file that includes CLI11) and dispatches to a command.
#include "commands.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

using namespace cybersim::cli;

int main(int argc, char** argv)
{
    CLI::App app{"cybersim: a multi-agent simulator of international cyber relations.\n"
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
    runCmd->add_flag("-q,--quiet", run.quiet, "Print nothing but errors");

    app.add_subcommand("list", "List shipped scenarios, strategies, doctrines, learning rules and networks");

    DescribeOptions describe;
    auto* describeCmd =
        app.add_subcommand("describe", "Print the fully resolved scenario (every default filled in) as TOML");
    describeCmd->add_option("scenario", describe.scenario, "Scenario file or shipped name; default: the default");
    describeCmd->add_option("--set", describe.overrides, "Override a parameter: key.path=value (repeatable)");

    app.add_subcommand("schema", "Print the reference of every scenario key (docs/scenarios.md)");

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
    if (describeCmd->parsed())
        return describeCommand(describe);
    if (app.got_subcommand("schema"))
        return schemaCommand();
    return kExitBadInput;
}
