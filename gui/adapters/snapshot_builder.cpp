// SPDX-License-Identifier: MIT
// Copies engine state into snapshot values; called on the worker thread between steps only.
#include "adapters/snapshot_builder.hpp"

#include "adapters/qt_text.hpp"
#include "cybersim/engine/simulation.hpp"
#include "layout/network_layout.hpp"

#include <algorithm>

namespace cybersim::gui
{

WorldInfoPtr makeWorldInfo(const engine::Simulation& simulation)
{
    auto info = std::make_shared<WorldInfo>();
    const auto& scenario = simulation.scenario();
    const auto& world = simulation.world();
    info->scenarioName = toQString(scenario.name);
    info->roundLabel = toQString(scenario.run.roundLabel);
    info->rounds = scenario.run.rounds;
    info->seed = scenario.run.seed;
    for (const auto& state : world.states)
    {
        info->stateNames << toQString(state.name);
        info->stateBloc << state.bloc;
    }
    for (const auto& bloc : world.blocNames)
        info->blocNames << toQString(bloc);
    for (const auto& doctrine : simulation.doctrineNames())
        info->doctrineNames << toQString(doctrine);
    // Without learning, joins or `set` events (which may switch learning on) the composition never changes.
    info->doctrinesCanChange =
        scenario.learning.rule != scenario::LearningRule::None ||
        std::any_of(scenario.events.begin(), scenario.events.end(),
                    [](const scenario::EventDef& e)
                    { return e.kind == scenario::EventKind::Join || e.kind == scenario::EventKind::Set; });
    // A fixed layout seed: the picture depends on the network only, not on the run's seed.
    for (const auto& p : gui::layoutNetwork(world, 1))
        info->layout << QPointF(p.x, p.y);
    for (const auto& edge : simulation.edges())
    {
        info->relations << qMakePair(static_cast<int>(edge.a), static_cast<int>(edge.b));
        info->relationWeight << edge.weight;
    }
    for (const auto& [name, adopted] : simulation.norms())
        info->normNames << toQString(name);
    return info;
}

RoundSnapshot makeRoundSnapshot(const engine::Simulation& simulation, SnapshotContents contents)
{
    RoundSnapshot snapshot;
    snapshot.world = simulation.metrics();
    if (contents.states)
    {
        const auto states = simulation.stateMetrics();
        snapshot.states.assign(states.begin(), states.end());
    }
    for (const auto& event : simulation.newEvents())
        if (contents.learningEvents || event.type != engine::EventType::DoctrineChange)
            snapshot.events.push_back(event);
    return snapshot;
}

RelationsSnapshot makeRelationsSnapshot(const engine::Simulation& simulation)
{
    RelationsSnapshot relations;
    relations.round = simulation.round();
    const auto edges = simulation.edges();
    relations.trustAB.reserve(edges.size());
    relations.trustBA.reserve(edges.size());
    for (const auto& edge : edges)
    {
        relations.trustAB.push_back(edge.trustAB);
        relations.trustBA.push_back(edge.trustBA);
    }
    for (const auto& [name, adopted] : simulation.norms())
        relations.normAdopted.push_back(adopted);
    return relations;
}

} // namespace cybersim::gui
