// SPDX-License-Identifier: MIT
// Turns rows of a recorded run (sim::Replay) into the snapshot values the views show, so any round can be shown again.
#include "classroom/replay_adapter.hpp"

#include "adapters/qt_text.hpp"
#include "cybersim/records/replay.hpp"
#include "run_history.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cybersim::gui
{

WorldInfoPtr worldInfoFromReplay(const records::Replay& replay)
{
    auto info = std::make_shared<WorldInfo>();
    info->scenarioName = toQString(replay.scenarioName);
    info->roundLabel = toQString(replay.roundLabel);
    info->rounds = replay.rowCount() > 0 ? static_cast<int>(replay.rowCount()) - 1 : 0;
    info->seed = replay.provenance.seed;
    const auto n = static_cast<int>(replay.record.stateNames.size());
    for (int i = 0; i < n; ++i)
    {
        info->stateNames << toQString(replay.record.stateNames[static_cast<std::size_t>(i)]);
        info->stateBloc << -1;
        const double angle = 2.0 * std::numbers::pi * i / std::max(1, n) - std::numbers::pi / 2.0;
        info->layout << QPointF(0.5 + 0.45 * std::cos(angle), 0.5 + 0.45 * std::sin(angle));
    }
    for (const auto& doctrine : replay.record.doctrineNames)
        info->doctrineNames << toQString(doctrine);
    for (const auto& relation : replay.relations)
    {
        info->relations << qMakePair(static_cast<int>(relation.a), static_cast<int>(relation.b));
        info->relationWeight << relation.weight;
    }
    return info;
}

SnapshotBatchPtr batchFromReplay(const records::Replay& replay, std::size_t firstRow, std::size_t lastRow)
{
    auto batch = std::make_shared<SnapshotBatch>();
    if (replay.rowCount() == 0)
        return batch;
    lastRow = std::min(lastRow, replay.rowCount() - 1);
    const auto& events = replay.record.events;
    for (std::size_t row = firstRow; row <= lastRow; ++row)
    {
        RoundSnapshot snapshot;
        snapshot.world = replay.record.series[row];
        const auto states = replay.statesAt(row);
        snapshot.states.assign(states.begin(), states.end());
        // Row 0 is the world before any round; row r holds round r - 1's events (see RunRecord::capture).
        if (row > 0)
            for (const auto& event : events)
                if (event.round == static_cast<int>(row) - 1)
                    snapshot.events.push_back(event);
        batch->rounds.push_back(std::move(snapshot));
    }
    batch->relations.round = replay.record.series[lastRow].round;
    for (const auto& edge : replay.edgesAt(lastRow))
    {
        batch->relations.trustAB.push_back(edge.trustAB);
        batch->relations.trustBA.push_back(edge.trustBA);
    }
    batch->finished = lastRow + 1 == replay.rowCount();
    return batch;
}

void showReplayRows(RunHistory& history, const WorldInfoPtr& world, const records::Replay& replay, std::size_t lastRow)
{
    if (replay.rowCount() == 0)
        return;
    lastRow = std::min(lastRow, replay.rowCount() - 1);
    auto initial = batchFromReplay(replay, 0, 0);
    if (lastRow == 0)
    {
        history.reset(world, initial);
        return;
    }
    // The views rebuild on reset and take the rest as one appended batch, as they do for a live run.
    auto copy = std::make_shared<SnapshotBatch>(*initial);
    copy->finished = false;
    history.reset(world, copy);
    history.append(batchFromReplay(replay, 1, lastRow));
}

} // namespace cybersim::gui
