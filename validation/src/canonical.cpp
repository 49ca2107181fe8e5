// SPDX-License-Identifier: MIT
// The registry of canonical checks, their verdicts and where they find their inputs.
#include "cybersim/validation/canonical.hpp"

#include "checks.hpp"

#include "cybersim/core/error.hpp"

#include <chrono>
#include <cstdio>
#include <functional>

namespace cybersim::validation
{

namespace
{

struct Entry
{
    CheckInfo info;
    std::function<CheckReport(const ValidationOptions&)> run;
};

const std::vector<Entry>& entries()
{
    static const std::vector<Entry> kEntries = {
        {{"axelrod-1980", "Axelrod's first tournament: nice rules on top, RANDOM at the bottom"},
         detail::checkAxelrod1980},
        {{"axelrod-peer", "exact moves and totals of Axelrod-Python's strategy tests and small tournaments"},
         detail::checkAxelrodPeer},
        {{"nowak-may", "spatial chaos on a lattice: block growth thresholds and the 12 ln 2 - 8 cooperator share"},
         detail::checkNowakMay},
        {{"fixation", "fixation in finite populations: closed forms, EGTtools' values and simulated frequencies"},
         detail::checkFixation},
        {{"richardson", "Richardson's arms race: engine equilibrium and stability eigenvalue vs the closed form"},
         detail::checkRichardson},
        {{"generosity", "generosity under noise: TFT collapses, GTFT and WSLS recover cooperation"},
         detail::checkGenerosity},
        {{"norms", "Axelrod's norms and metanorms games"}, detail::checkNorms},
        {{"collective-risk", "the collective-risk dilemma: critical risk, risk and group size"},
         detail::checkCollectiveRisk},
    };
    return kEntries;
}

} // namespace

const char* statusName(Status status) noexcept
{
    switch (status)
    {
    case Status::Pass:
        return "PASS";
    case Status::Fail:
        return "FAIL";
    case Status::Skip:
        return "SKIP";
    case Status::NotImplemented:
        return "NOT IMPLEMENTED";
    case Status::Info:
        return "INFO";
    }
    return "?";
}

Status CheckReport::status() const noexcept
{
    bool anyPass = false, anySkip = false, anyMissing = false;
    for (const auto& row : rows)
    {
        switch (row.status)
        {
        case Status::Fail:
            return Status::Fail;
        case Status::Pass:
            anyPass = true;
            break;
        case Status::Skip:
            anySkip = true;
            break;
        case Status::NotImplemented:
            anyMissing = true;
            break;
        case Status::Info:
            break;
        }
    }
    // A check with a skipped or missing part is not reported as a pass, even if the rest passed.
    if (anySkip)
        return Status::Skip;
    if (anyMissing)
        return Status::NotImplemented;
    return anyPass ? Status::Pass : Status::Info;
}

const std::vector<CheckInfo>& canonicalChecks()
{
    static const std::vector<CheckInfo> kInfos = []
    {
        std::vector<CheckInfo> infos;
        for (const auto& e : entries())
            infos.push_back(e.info);
        return infos;
    }();
    return kInfos;
}

CheckReport runCheck(const std::string& name, const ValidationOptions& options)
{
    for (const auto& e : entries())
        if (e.info.name == name)
        {
            const auto start = std::chrono::steady_clock::now();
            CheckReport report;
            try
            {
                report = e.run(options);
            }
            catch (const std::exception& error)
            {
                // An error inside a check is a failure of that check, reported with its message.
                report.rows.push_back({"the check ran to completion", "", "", "", Status::Fail, error.what()});
            }
            report.name = e.info.name;
            if (report.title.empty())
                report.title = e.info.title;
            report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            return report;
        }
    throw ConfigError("unknown check '" + name + "'");
}

namespace detail
{

std::string fmt(double value, int digits)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    return buffer;
}

// An empty folder would silently mean the working directory: refuse it (runCheck turns this into a FAIL row).
std::filesystem::path referenceDir(const ValidationOptions& options)
{
    if (options.referenceDir.empty())
        throw ConfigError("no folder of reference tables given (ValidationOptions::referenceDir is empty)");
    return options.referenceDir;
}

std::filesystem::path scenariosDir(const ValidationOptions& options)
{
    if (options.scenariosDir.empty())
        throw ConfigError("no scenarios folder given (ValidationOptions::scenariosDir is empty)");
    return options.scenariosDir;
}

} // namespace detail

} // namespace cybersim::validation
