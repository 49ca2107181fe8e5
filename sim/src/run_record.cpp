// SPDX-License-Identifier: MIT
// Recording a run round by round, and the table of world-metric names shared by every writer and front end.
#include "cybersim/sim/run_record.hpp"

#include <cmath>
#include <utility>

namespace cybersim::sim
{

namespace
{
using Getter = double (*)(const WorldMetrics&);
// One entry per column of timeseries.csv; the sweep, the GUI and the lesson handouts look metrics up by these names.
const std::vector<std::pair<std::string, Getter>>& metricTable()
{
    static const std::vector<std::pair<std::string, Getter>> table{
        {"cooperation_rate", [](const WorldMetrics& m) { return m.cooperationRate; }},
        {"mean_trust", [](const WorldMetrics& m) { return m.meanTrust; }},
        {"trust_spread", [](const WorldMetrics& m) { return m.trustSpread; }},
        {"polarisation", [](const WorldMetrics& m) { return m.polarisation; }},
        {"total_arms", [](const WorldMetrics& m) { return m.totalArms; }},
        {"escalation_index", [](const WorldMetrics& m) { return m.escalationIndex; }},
        {"stability_eigenvalue", [](const WorldMetrics& m) { return m.stabilityEigenvalue; }},
        {"total_defence", [](const WorldMetrics& m) { return m.totalDefence; }},
        {"attacks", [](const WorldMetrics& m) { return double(m.attacks); }},
        {"intrusions", [](const WorldMetrics& m) { return double(m.intrusions); }},
        {"accusations", [](const WorldMetrics& m) { return double(m.accusations); }},
        {"groundless_accusations", [](const WorldMetrics& m) { return double(m.groundlessAccusations); }},
        {"surveillance_active", [](const WorldMetrics& m) { return double(m.surveillanceActive); }},
        {"disclosures", [](const WorldMetrics& m) { return double(m.disclosures); }},
        {"threat_stock", [](const WorldMetrics& m) { return m.threatStock; }},
        {"contributions", [](const WorldMetrics& m) { return m.contributions; }},
        {"contribution_ratio", [](const WorldMetrics& m) { return m.contributionRatio; }},
        {"common_security_index", [](const WorldMetrics& m) { return m.commonSecurityIndex; }},
        {"states_hit", [](const WorldMetrics& m) { return double(m.statesHit); }},
        {"norms_adopted", [](const WorldMetrics& m) { return double(m.normsAdopted); }},
        {"norm_violations", [](const WorldMetrics& m) { return double(m.normViolations); }},
        {"punishments", [](const WorldMetrics& m) { return double(m.punishments); }},
        {"welfare", [](const WorldMetrics& m) { return m.welfare; }},
        {"welfare_gini", [](const WorldMetrics& m) { return m.welfareGini; }},
        {"mean_legitimacy", [](const WorldMetrics& m) { return m.meanLegitimacy; }},
        {"dilemma_dyads", [](const WorldMetrics& m) { return double(m.dilemmaDyads); }},
        {"stag_hunt_dyads", [](const WorldMetrics& m) { return double(m.stagHuntDyads); }},
        {"chicken_dyads", [](const WorldMetrics& m) { return double(m.chickenDyads); }},
        {"harmony_dyads", [](const WorldMetrics& m) { return double(m.harmonyDyads); }},
        {"active_states", [](const WorldMetrics& m) { return double(m.activeStates); }},
        {"mean_boldness", [](const WorldMetrics& m) { return m.meanBoldness; }},
        {"mean_vengefulness", [](const WorldMetrics& m) { return m.meanVengefulness; }},
    };
    return table;
}
} // namespace

const std::vector<std::string>& worldMetricNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& [name, getter] : metricTable())
            out.push_back(name);
        return out;
    }();
    return names;
}

double worldMetricValue(const WorldMetrics& m, std::string_view name)
{
    for (const auto& [key, getter] : metricTable())
        if (key == name)
            return getter(m);
    return std::nan("");
}

std::string buildDescription()
{
    std::string text;
#if defined(__clang__)
    text = "clang " __clang_version__;
#elif defined(__GNUC__)
    text = "gcc " __VERSION__;
#else
    text = "unknown compiler";
#endif
#ifdef NDEBUG
    text += ", optimised";
#else
    text += ", debug";
#endif
#if defined(__SANITIZE_ADDRESS__)
    text += ", address sanitizer";
#endif
    return text;
}

void RunRecord::begin(const Simulation& simulation)
{
    stateNames.clear();
    for (const auto& s : simulation.world().states)
        stateNames.push_back(s.name);
    doctrineNames = simulation.doctrineNames();
    recordStates = simulation.scenario().run.recordStates;
    series.clear();
    states.clear();
    events.clear();
    capture(simulation);
}

void RunRecord::capture(const Simulation& simulation)
{
    series.push_back(simulation.metrics());
    if (recordStates)
    {
        const auto rows = simulation.stateMetrics();
        states.insert(states.end(), rows.begin(), rows.end());
    }
    // Events logged during round r (0-based) are kept once, after the round that produced them.
    if (series.size() > 1)
        for (const auto& e : simulation.newEvents())
            events.push_back(e);
}

} // namespace cybersim::sim
