// SPDX-License-Identifier: MIT
// A scenario set to a new run length, without the scheduled events that fall at or after its end; loading with such a
// length.
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
    change.origin = origin;
    key->set(change.scenario, rounds);
    auto& events = change.scenario.events;
    // Stable: the kept and the dropped events each stay in file order.
    const auto late = std::stable_partition(events.begin(), events.end(),
                                            [&](const EventDef& e) { return e.round < change.scenario.run.rounds; });
    change.droppedEvents.assign(late, events.end());
    events.erase(late, events.end());
    return change;
}

std::string RoundsChange::note() const
{
    const auto count = droppedEvents.size();
    if (count == 0)
        return {};
    std::string text = "with " + origin + ", " + std::to_string(count) + " scheduled event" +
                       (count == 1 ? " comes too late to happen and is" : "s come too late to happen and are") +
                       " left out:";
    for (std::size_t i = 0; i < count; ++i)
        text += (i == 0 ? " " : ", ") + describeEvent(droppedEvents[i]);
    return text;
}

bool setsRounds(std::string_view override)
{
    const auto blank = [](char c) { return c == ' ' || c == '\t'; };
    const auto eq = override.find('=');
    if (eq == std::string_view::npos)
        return false;
    auto key = override.substr(0, eq);
    while (!key.empty() && blank(key.front()))
        key.remove_prefix(1);
    while (!key.empty() && blank(key.back()))
        key.remove_suffix(1);
    return key == "run.rounds";
}

RoundsChange loadWithRounds(const std::function<Scenario(const std::vector<std::string>&)>& load,
                            const std::vector<std::string>& overrides, std::int64_t rounds, std::string_view origin)
{
    try
    {
        RoundsChange change;
        change.scenario = load(overrides);
        change.origin = origin;
        return change;
    }
    catch (const ScenarioError& error)
    {
        const auto* key = findParameter("run.rounds");
        const auto longest = static_cast<std::int64_t>(key->max->value);
        std::vector<std::string> others;
        for (const auto& o : overrides)
            if (!setsRounds(o))
                others.push_back(o);
        others.push_back("run.rounds=" + std::to_string(longest));
        Scenario atLongest;
        try
        {
            atLongest = load(others);
        }
        catch (const ScenarioError& other)
        {
            if (key->checkValue(rounds))
                throw error; // it names the bad length too
            throw other;
        }
        RoundsChange change;
        try
        {
            change = withRounds(atLongest, rounds, origin);
        }
        catch (const ScenarioError&)
        {
            throw error;
        }
        if (change.droppedEvents.empty())
            throw error;
        return change;
    }
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
