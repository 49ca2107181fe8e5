// SPDX-License-Identifier: MIT
// Immutable snapshot values that the simulation worker hands to the widgets by queued signal (STYLE G).
#pragma once

#include "cybersim/engine/metrics.hpp"

#include <QPointF>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <vector>

namespace cybersim::gui
{

/// What does not change while a world runs: names, blocs, relations and the network layout.
struct WorldInfo
{
    QString scenarioName;
    QString roundLabel;     // what one round stands for, e.g. "quarter"
    int rounds = 0;         // rounds the run lasts
    quint64 seed = 0;       // the run's master seed
    QStringList stateNames; // indexed by state
    QVector<int> stateBloc; // index into blocNames, -1 = none
    QStringList blocNames;
    QStringList doctrineNames;          // indexable by StateMetrics::doctrine
    QVector<QPointF> layout;            // per state, in [0,1]^2
    QVector<QPair<int, int>> relations; // undirected related pairs (a < b), in EdgeView order
    QVector<double> relationWeight;     // interdependence per relation, (0,1]
    QStringList normNames;              // the norm agenda's issues
    bool doctrinesCanChange = true;     // learning, joins or `set` events can change the doctrines' shares
};

/// The figures of one round, copied out of the engine.
struct RoundSnapshot
{
    engine::WorldMetrics world;
    std::vector<engine::StateMetrics> states; // empty for rounds of big worlds, except the last round of each batch
    std::vector<engine::EventRecord> events;  // events of this round
};

/// Trust on every relation and the norm agenda's state at one round (only the last round of a batch is sent).
struct RelationsSnapshot
{
    int round = 0;
    std::vector<double> trustAB;   // per relation of WorldInfo::relations: how far a trusts b, [0,1]
    std::vector<double> trustBA;   // how far b trusts a
    std::vector<bool> normAdopted; // per WorldInfo::normNames
};

/// Rounds played since the last batch, plus the relations at the last of them.
struct SnapshotBatch
{
    std::vector<RoundSnapshot> rounds;
    RelationsSnapshot relations;
    bool finished = false; // the run has played all its rounds
};

using WorldInfoPtr = std::shared_ptr<const WorldInfo>;
using SnapshotBatchPtr = std::shared_ptr<const SnapshotBatch>;

} // namespace cybersim::gui
