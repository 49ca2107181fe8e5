// SPDX-License-Identifier: MIT
// Private: the N-player group game played each round besides the dyadic stage games (public goods, collective risk).
#pragma once

#include "phases/async_learning.hpp"

#include "cybersim/core/action.hpp"
#include "cybersim/scenario/scenario.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cybersim::engine
{

struct SimulationState;

/// The group game's state for the current round. Sized on first use, so a run without a group game holds nothing;
/// kept between rounds, so the phase allocates nothing once running (unless a `set` event enlarges the groups).
struct GroupGameScratch
{
    std::vector<std::uint8_t> cooperates;       // per state: 1 = cooperates in this round's group game
    std::vector<double> payoff;                 // per state: its group-game payoff this round
    std::vector<std::uint32_t> active;          // the active states, ascending
    std::vector<std::uint32_t> activeSlot;      // per state: its position in `active`
    std::vector<std::uint32_t> coPlayers;       // well-mixed, asynchronous learning only: per state, samples x (N-1)
    std::vector<std::int32_t> groupCooperators; // neighbourhood: per centre, cooperators in its closed neighbourhood
    std::vector<std::int32_t> groupMembers;     // neighbourhood: per centre, its active closed neighbourhood's size
    std::vector<double> hits;                   // all-groups: hypergeometric probabilities, N entries
    TouchedStates recomputed;                   // asynchronous learning: states whose group payoff was recomputed
    std::vector<double> successes;              // per state: its groups that reached the threshold (well-mixed:
                                                // of its samples; neighbourhood: the group it centres, 0 or 1)
    double cooperationShare = 0.0;              // this round: share of active states cooperating
    double successShare = 0.0;                  // this round: share of groups with at least M cooperators
    int groupSize = 0;                          // N in force this round (0: no group game was played)
    int samples = 0;                            // well-mixed samples in force this round
    bool storeCoPlayers = false;                // keep the well-mixed co-players (asynchronous learning reads them)
};

/// A group member's payoff: public goods r c k / n (minus c for a cooperator), or collective risk b (or b (1 - r)
/// below M cooperators, the expected loss) minus c b for a cooperator; k counts the cooperators including the focal.
[[nodiscard]] double groupPayoff(const scenario::GroupGameDef& game, bool cooperates, int cooperatingOthers,
                                 int members) noexcept;

/// A state's move in the group game: the first move its strategy makes toward a stranger (a fresh dyad memory),
/// flipped with probability noise.execution. In a matrix game: the stance (C or D) of its opening act, after execution
/// noise replaced it by another act with that probability.
[[nodiscard]] core::Action groupMove(const SimulationState& s, std::size_t i);

/// Plays this round's group game and adds each state's group payoff to its round payoff. Does nothing for kind none.
void playGroupGames(SimulationState& s);

/// Asynchronous learning: writes the well-mixed reverse index, the focal groups each state is a co-player in
/// (state i's focal states are of[offsets[i] .. offsets[i + 1])). Called once per asynchronous learning step.
void indexCoPlayers(const SimulationState& s, std::vector<std::uint32_t>& offsets, std::vector<std::uint32_t>& of);

/// Asynchronous learning: state `changed` has a new doctrine. Updates its group move and recomputes the group payoffs
/// that move alters; the states recomputed are left in s.group.recomputed. Does nothing (an empty set) without a group
/// game or when the move stays the same.
void refreshGroupPayoffs(SimulationState& s, std::size_t changed, const std::vector<std::uint32_t>& offsets,
                         const std::vector<std::uint32_t>& of);

} // namespace cybersim::engine
