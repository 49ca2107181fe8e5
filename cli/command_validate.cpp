// SPDX-License-Identifier: MIT
// `cybersim validate`: runs the canonical checks (validation library), prints a table, writes CSV, JSON and charts.
#include "commands.hpp"

#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/records/run_record.hpp"
#include "cybersim/scenario/data_locator.hpp"
#include "cybersim/validation/canonical.hpp"

#ifdef CYBERSIM_HAVE_PLOT
#include "cybersim/plot/check_charts.hpp"
#endif

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace cybersim::cli
{

int validateCommand(const ValidateOptions& options)
{
    const auto& checks = validation::canonicalChecks();
    if (options.list)
    {
        for (const auto& c : checks)
            std::printf("  %-16s %s\n", c.name.c_str(), c.title.c_str());
        return kExitOk;
    }
    std::vector<std::string> names = options.names;
    if (names.empty())
        for (const auto& c : checks)
            names.push_back(c.name);
    bool bad = false;
    for (const auto& name : names)
    {
        bool known = false;
        std::vector<std::string> all;
        for (const auto& c : checks)
        {
            known = known || c.name == name;
            all.push_back(c.name);
        }
        if (!known)
        {
            std::cerr << "error: unknown check '" << name << "'";
            if (const auto guess = core::suggestNearest(name, all))
                std::cerr << "; did you mean '" << *guess << "'?";
            std::cerr << " (see `cybersim validate --list`)\n";
            bad = true;
        }
    }
    if (bad)
        return kExitBadInput;

    validation::ValidationOptions vo;
    vo.quick = options.quick;
    vo.seed = options.seed;
    vo.threads = static_cast<std::size_t>(options.threads);
    std::filesystem::path dataDir;
    try
    {
        const auto data = scenario::DataLocator::forThisProgram();
        vo.scenariosDir = data.scenariosDir();
        vo.referenceDir = data.validationDir();
        dataDir = data.dataDir();
    }
    catch (const ConfigError& missing)
    {
        std::cerr << "error: " << missing.what() << '\n';
        return kExitRuntime;
    }
    std::printf("cybersim validate (%s variant, seed %llu); data: %s\n", options.quick ? "quick" : "full",
                static_cast<unsigned long long>(options.seed), dataDir.string().c_str());
    std::vector<validation::CheckReport> reports;
    int failed = 0;
    for (const auto& name : names)
    {
        auto report = validation::runCheck(name, vo);
        std::printf("\n== %s: %s  [%s, %.1f s]\n   %s\n   method: %s\n", report.name.c_str(), report.title.c_str(),
                    validation::statusName(report.status()), report.seconds, report.citation.c_str(),
                    report.method.c_str());
        std::printf("   %-16s %-22s %-22s %-18s %s\n", "status", "published", "ours", "tolerance", "quantity");
        for (const auto& row : report.rows)
        {
            std::printf("   %-16s %-22s %-22s %-18s %s\n", validation::statusName(row.status), row.published.c_str(),
                        row.ours.c_str(), row.tolerance.c_str(), row.quantity.c_str());
            if (!row.note.empty())
                std::printf("   %-16s %s\n", "", row.note.c_str());
        }
        failed += report.status() == validation::Status::Fail ? 1 : 0;
        reports.push_back(std::move(report));
    }
    std::printf("\nSummary:\n");
    for (const auto& r : reports)
        std::printf("  %-16s %-16s %6.1f s\n", r.name.c_str(), validation::statusName(r.status()), r.seconds);
    if (!options.out.empty())
    {
        try
        {
            std::error_code error;
            std::filesystem::create_directories(options.out, error);
            if (error)
                throw ConfigError("cannot create folder '" + options.out + "': " + error.message());
            records::writeFileAtomically(std::filesystem::path(options.out) / "validation.csv",
                                         validation::reportsCsv(reports));
            records::writeFileAtomically(std::filesystem::path(options.out) / "validation.json",
                                         validation::reportsJson(reports, options.quick));
            std::printf("wrote %s/validation.csv and validation.json\n", options.out.c_str());
        }
        catch (const Error& e)
        {
            std::cerr << "error: " << e.what() << '\n';
            return kExitRuntime;
        }
#ifdef CYBERSIM_HAVE_PLOT
        try
        {
            for (const auto& r : reports)
            {
                if (r.chart.isEmpty())
                {
                    std::printf("no chart for %s (nothing was computed)\n", r.name.c_str());
                    continue;
                }
                const auto files = plot::renderCheckChart(r.chart, std::filesystem::path(options.out) / r.name);
                std::printf("wrote %s (and .svg): %s\n", files.front().string().c_str(), r.chart.title.c_str());
            }
        }
        catch (const std::exception& e)
        {
            std::cerr << "error: " << e.what() << '\n';
            return kExitRuntime;
        }
#else
        std::printf("no charts: this cybersim was built without Qt (validation.json holds each chart's data)\n");
#endif
    }
    return failed > 0 ? kExitRuntime : kExitOk;
}

} // namespace cybersim::cli
