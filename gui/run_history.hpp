// SPDX-License-Identifier: MIT
// The GUI's copy of the run so far: every round's snapshot, the world, the latest relations.
#pragma once

#include "adapters/snapshots.hpp"

#include <QObject>

namespace cybersim::gui
{

/// Accumulates the snapshot batches of one run. Views read it when they refresh; it never touches the engine.
class RunHistory : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    [[nodiscard]] const WorldInfo* world() const noexcept { return m_world.get(); }
    /// Rounds recorded, round 0 (the initial world) included.
    [[nodiscard]] int roundCount() const noexcept { return static_cast<int>(m_rounds.size()); }
    [[nodiscard]] const RoundSnapshot& round(int index) const { return *m_rounds[static_cast<std::size_t>(index)]; }
    [[nodiscard]] const RoundSnapshot* latest() const noexcept { return m_rounds.empty() ? nullptr : m_rounds.back(); }
    [[nodiscard]] const RelationsSnapshot& relations() const noexcept { return m_relations; }
    [[nodiscard]] int stateCount() const noexcept { return m_world ? static_cast<int>(m_world->stateNames.size()) : 0; }
    /// True once the run has played all its rounds.
    [[nodiscard]] bool isFinished() const noexcept { return m_finished; }

public slots:
    /// Starts a new run's history.
    void reset(cybersim::gui::WorldInfoPtr world, cybersim::gui::SnapshotBatchPtr initial);
    /// Appends a batch of rounds.
    void append(cybersim::gui::SnapshotBatchPtr batch);

signals:
    /// A new world was loaded; views rebuild.
    void worldChanged();
    /// Rounds [firstRound, roundCount()) were added.
    void roundsAppended(int firstRound);

private:
    WorldInfoPtr m_world;
    // The batches are immutable and shared with nobody else once delivered: keep them and point into them rather
    // than copy every round's per-state figures on the GUI thread.
    std::vector<SnapshotBatchPtr> m_batches;
    std::vector<const RoundSnapshot*> m_rounds;
    RelationsSnapshot m_relations;
    bool m_finished = false;
};

} // namespace cybersim::gui
