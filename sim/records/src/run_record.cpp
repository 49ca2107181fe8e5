// SPDX-License-Identifier: MIT
// Recording a run round by round, and the table of world-metric names shared by every writer and front end.
#include "cybersim/records/run_record.hpp"

#include "cybersim/engine/spatial_game.hpp"

#include <cmath>
#include <type_traits>
#include <utility>
#include <variant>

namespace cybersim::records
{

namespace
{
// One entry per column of timeseries.csv; the sweep, the GUI, replays and lesson handouts look metrics up by these
// names. Counts are int members, everything else double.
using Member = std::variant<double engine::WorldMetrics::*, int engine::WorldMetrics::*>;
const std::vector<std::pair<std::string, Member>>& metricTable()
{
    static const std::vector<std::pair<std::string, Member>> table{
        {"cooperation_rate", &engine::WorldMetrics::cooperationRate},
        {"mean_trust", &engine::WorldMetrics::meanTrust},
        {"trust_spread", &engine::WorldMetrics::trustSpread},
        {"polarisation", &engine::WorldMetrics::polarisation},
        {"total_arms", &engine::WorldMetrics::totalArms},
        {"escalation_index", &engine::WorldMetrics::escalationIndex},
        {"stability_eigenvalue", &engine::WorldMetrics::stabilityEigenvalue},
        {"total_defence", &engine::WorldMetrics::totalDefence},
        {"attacks", &engine::WorldMetrics::attacks},
        {"intrusions", &engine::WorldMetrics::intrusions},
        {"accusations", &engine::WorldMetrics::accusations},
        {"groundless_accusations", &engine::WorldMetrics::groundlessAccusations},
        {"surveillance_active", &engine::WorldMetrics::surveillanceActive},
        {"disclosures", &engine::WorldMetrics::disclosures},
        {"threat_stock", &engine::WorldMetrics::threatStock},
        {"contributions", &engine::WorldMetrics::contributions},
        {"contribution_ratio", &engine::WorldMetrics::contributionRatio},
        {"common_security_index", &engine::WorldMetrics::commonSecurityIndex},
        {"states_hit", &engine::WorldMetrics::statesHit},
        {"norms_adopted", &engine::WorldMetrics::normsAdopted},
        {"norm_violations", &engine::WorldMetrics::normViolations},
        {"punishments", &engine::WorldMetrics::punishments},
        {"welfare", &engine::WorldMetrics::welfare},
        {"welfare_gini", &engine::WorldMetrics::welfareGini},
        {"mean_legitimacy", &engine::WorldMetrics::meanLegitimacy},
        {"dilemma_dyads", &engine::WorldMetrics::dilemmaDyads},
        {"stag_hunt_dyads", &engine::WorldMetrics::stagHuntDyads},
        {"chicken_dyads", &engine::WorldMetrics::chickenDyads},
        {"harmony_dyads", &engine::WorldMetrics::harmonyDyads},
        {"active_states", &engine::WorldMetrics::activeStates},
        {"mean_boldness", &engine::WorldMetrics::meanBoldness},
        {"mean_vengefulness", &engine::WorldMetrics::meanVengefulness},
        {"group_cooperation", &engine::WorldMetrics::groupCooperation},
        {"group_success", &engine::WorldMetrics::groupSuccess},
    };
    return table;
}
} // namespace

const std::vector<std::string>& worldMetricNames()
{
    static const std::vector<std::string> names = []
    {
        std::vector<std::string> out;
        for (const auto& [name, member] : metricTable())
            out.push_back(name);
        return out;
    }();
    return names;
}

double worldMetricValue(const engine::WorldMetrics& m, std::string_view name)
{
    for (const auto& [key, member] : metricTable())
        if (key == name)
            return std::visit([&](auto pointer) { return double(m.*pointer); }, member);
    return std::nan("");
}

bool setWorldMetricValue(engine::WorldMetrics& m, std::string_view name, double value)
{
    for (const auto& [key, member] : metricTable())
        if (key == name)
        {
            std::visit([&](auto pointer)
                       { m.*pointer = static_cast<std::remove_reference_t<decltype(m.*pointer)>>(value); },
                       member);
            return true;
        }
    return false;
}

const std::vector<std::string>& spatialMetricNames()
{
    static const std::vector<std::string> names{"cooperation_rate", "attacks", "intrusions", "active_states"};
    return names;
}

engine::WorldMetrics spatialRoundMetrics(const engine::SpatialGame& game, int round)
{
    engine::WorldMetrics m;
    m.round = round;
    m.activeStates = game.def().width * game.def().height;
    if (round == 0)
        return m; // the initial world: no round played yet, so no acts (as sim::Simulation reports it)
    // As phase_metrics.cpp: cooperative acts over all acts, as integers converted once; in a matrix game every
    // defection is an attack and an intrusion (phase_play.cpp).
    const auto acts = game.acts();
    m.cooperationRate = acts.total ? double(acts.cooperative) / double(acts.total) : 0.0;
    m.attacks = static_cast<int>(acts.total - acts.cooperative);
    m.intrusions = m.attacks;
    return m;
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

void RunRecord::begin(const engine::Simulation& simulation)
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

void RunRecord::capture(const engine::Simulation& simulation)
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

} // namespace cybersim::records
