// SPDX-License-Identifier: MIT
// A scenario set to a new run length, without the scheduled events that fall at or after its end.
#include "cybersim/scenario/scenario_rounds.hpp"

#include "cybersim/core/error.hpp"
#include "cybersim/scenario/scenario_schema.hpp"

#include <algorithm>

namespace cybersim::scenario
{

RoundsChange withRounds(const Scenario& scenario, std::int64_t rounds, std::string_view origin)
{
    const auto* key = findParameter("run.rounds");
    if (const auto problem = key->checkValue(rounds))
        throw ScenarioError({Diagnostic{std::string(origin), 0, 0, key->key, *problem}});
    RoundsChange change;
    change.scenario = scenario;
    key->set(change.scenario, rounds);
    auto& events = change.scenario.events;
    // Stable: the kept and the dropped events each stay in file order.
    const auto late = std::stable_partition(events.begin(), events.end(),
                                            [&](const EventDef& e) { return e.round < change.scenario.run.rounds; });
    change.droppedEvents.assign(late, events.end());
    events.erase(late, events.end());
    return change;
}

std::string eventKindName(EventKind kind)
{
    const auto& choices = findParameter("events[].kind")->choices;
    const auto index = static_cast<std::size_t>(kind);
    return index < choices.size() ? choices[index] : "unknown";
}

std::string describeEvent(const EventDef& event)
{
    std::string text = "round " + std::to_string(event.round) + " " + eventKindName(event.kind);
    if (event.kind == EventKind::Set)
        return text + " (" + event.key + " = " + formatReal(event.value) + ")";
    if (!event.state.empty())
        text += " (" + event.state + (event.target.empty() ? "" : " -> " + event.target) + ")";
    return text;
}

} // namespace cybersim::scenario
