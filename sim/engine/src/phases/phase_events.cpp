// SPDX-License-Identifier: MIT
// Phase 8 and surveillance disclosure: scheduled events (docs/model.md phase 8) and the random disclosure of mass
// surveillance (seeds/000 §1: surveillance "infringed on other countries' sovereignty").
#include "model_formulas.hpp"
#include "simulation_state.hpp"

#include <algorithm>
#include <cmath>

namespace cybersim::engine
{

namespace
{

// Victims lose trust in a disclosed surveiller; the surveiller loses legitimacy.
void disclose(SimulationState& s, std::size_t i, double severity, const char* how)
{
    const auto& sv = s.params.surveillance;
    for (auto k = s.begin(i); k < s.end(i); ++k)
    {
        double& t = s.trust[s.world.reverse[k]];
        t = model::lostTrust(t, std::min(1.0, sv.trustPenalty * severity));
    }
    s.legitimacy[i] = std::max(0.0, s.legitimacy[i] - sv.legitimacyPenalty * severity);
    ++s.roundDisclosures;
    s.log(EventType::Disclosure, static_cast<std::int32_t>(i), -1, severity,
          std::string(how) + " surveillance by " + s.world.states[i].name + " disclosed");
}

void incident(SimulationState& s, std::size_t culprit, std::size_t victim, double severity)
{
    const auto& st = s.world.states[victim];
    s.payoffAdjustment[victim] -= severity * st.ictDependence * st.economicWeight;
    // The victim and its partners attribute the incident to the culprit, rightly or not.
    if (const auto e = s.world.findEdge(std::uint32_t(victim), std::uint32_t(culprit)); e >= 0)
    {
        double& t = s.trust[std::size_t(e)];
        t = model::lostTrust(t, std::min(1.0, s.params.trust.lossRate * severity));
    }
    for (auto k = s.begin(victim); k < s.end(victim); ++k)
    {
        const auto observer = s.world.partner[k];
        if (observer == culprit)
            continue;
        if (const auto e = s.world.findEdge(observer, std::uint32_t(culprit)); e >= 0)
        {
            double& t = s.trust[std::size_t(e)];
            t = model::lostTrust(t, std::min(1.0, s.params.trust.reputationWeight * severity));
        }
    }
    s.log(EventType::Incident, static_cast<std::int32_t>(culprit), static_cast<std::int32_t>(victim), severity,
          "major incident against " + st.name + " attributed to " + s.world.states[culprit].name);
}

void ally(SimulationState& s, std::size_t a, std::size_t b)
{
    const auto e = s.world.findEdge(std::uint32_t(a), std::uint32_t(b));
    if (e < 0)
        return;
    const auto r = s.world.reverse[std::size_t(e)];
    s.world.allied[std::size_t(e)] = s.world.allied[r] = 1;
    for (auto k : {std::size_t(e), std::size_t(r)})
        s.trust[k] = std::min(1.0, s.trust[k] + s.params.trust.allianceBonus);
    s.log(EventType::Alliance, static_cast<std::int32_t>(a), static_cast<std::int32_t>(b), 0.0,
          s.world.states[a].name + " and " + s.world.states[b].name + " form an alliance");
}

} // namespace

void applyScheduledEvents(SimulationState& s)
{
    auto& events = s.params.events;
    while (s.nextEvent < events.size() && events[s.nextEvent].round <= s.round)
    {
        const scenario::EventDef ev = events[s.nextEvent++]; // a copy: a `set` event may change params
        const auto actor = s.world.findState(ev.state), target = s.world.findState(ev.target);
        switch (ev.kind)
        {
        case scenario::EventKind::Disclosure:
            if (actor >= 0)
                disclose(s, std::size_t(actor), ev.severity, "scheduled:");
            break;
        case scenario::EventKind::Incident:
            if (actor >= 0 && target >= 0)
                incident(s, std::size_t(actor), std::size_t(target), ev.severity);
            break;
        case scenario::EventKind::Join:
            if (actor >= 0)
            {
                flushPendingRecords(s); // the round recorded with the live relations it was played on
                s.active[std::size_t(actor)] = 1;
                s.refreshEdgeCaches();
                s.log(EventType::Join, actor, -1, 0.0, ev.state + " joins");
            }
            break;
        case scenario::EventKind::Alliance:
            if (actor >= 0 && target >= 0)
                ally(s, std::size_t(actor), std::size_t(target));
            break;
        case scenario::EventKind::Summit:
            s.log(EventType::Summit, -1, -1, 0.0, "norm summit");
            break;
        case scenario::EventKind::Set:
            if (const auto ref = scenario::resolveParameter(ev.key); ref.info != nullptr && !ref.info->isElementKey())
            {
                ref.info->set(s.params, numericParamValue(*ref.info, ev.value), ref.index);
                s.log(EventType::ParameterSet, -1, -1, ev.value, ev.key + " set to " + scenario::formatReal(ev.value));
            }
            break;
        }
    }
    // Random disclosure of surveillance that ran last round.
    const double chance = s.params.surveillance.disclosure;
    if (s.params.surveillance.enabled && chance > 0.0)
        for (std::size_t i = 0; i < s.n(); ++i)
            if (s.surveilling[i] && s.rng.uniform(std::uint64_t(s.round), i, 0, core::Purpose::Disclosure) < chance)
                disclose(s, i, 1.0, "mass");
}

} // namespace cybersim::engine
