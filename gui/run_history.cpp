// SPDX-License-Identifier: MIT
// The GUI's copy of the run so far: every round's snapshot, the world, the latest relations.
#include "run_history.hpp"

namespace cybersim::gui
{

void RunHistory::reset(WorldInfoPtr world, SnapshotBatchPtr initial)
{
    m_world = std::move(world);
    m_batches.clear();
    m_rounds.clear();
    m_relations = {};
    m_finished = false;
    if (initial)
    {
        m_batches.push_back(initial);
        for (const auto& r : initial->rounds)
            m_rounds.push_back(&r);
        m_relations = initial->relations;
        m_finished = initial->finished;
    }
    emit worldChanged();
}

void RunHistory::append(SnapshotBatchPtr batch)
{
    if (!batch || !m_world)
        return;
    const int first = roundCount();
    for (const auto& r : batch->rounds)
        m_rounds.push_back(&r);
    m_batches.push_back(batch);
    if (batch->relations.round >= 0 && !batch->relations.trustAB.empty())
        m_relations = batch->relations;
    m_finished = batch->finished;
    emit roundsAppended(first);
}

} // namespace cybersim::gui
