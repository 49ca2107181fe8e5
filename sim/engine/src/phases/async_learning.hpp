// SPDX-License-Identifier: MIT
// Private: asynchronous learning (learning.update = asynchronous): states revise one at a time, and the payoffs a
// revision changes are recomputed for the affected neighbourhood before the next state revises (Huberman and Glance
// 1993).
#pragma once

#include "cybersim/core/action.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cybersim::core
{
class Strategy;
} // namespace cybersim::core

namespace cybersim::engine
{

struct SimulationState;

/// A set of states gathered during one revision, without allocation: a stamp per state marks membership.
struct TouchedStates
{
    std::vector<std::uint32_t> stamp; // per state: the epoch in which it was last added
    std::vector<std::uint32_t> list;  // the states added in this epoch, in the order added
    std::uint32_t epoch = 0;

    /// Empties the set (sizing it for n states on first use).
    void clear(std::size_t n);
    /// Adds state i unless it is already in the set.
    void add(std::uint32_t i)
    {
        if (stamp[i] != epoch)
        {
            stamp[i] = epoch;
            list.push_back(i);
        }
    }
};

/// The state of one asynchronous learning step. Sized on first use and kept, so steps allocate nothing.
struct AsyncLearningScratch
{
    std::vector<std::uint32_t> order; // the visiting order: a permutation of the states
    std::vector<core::Action> act;    // per directed edge: the act in force (re-decided after a switch)
    std::vector<double> edgePayoff;   // per directed edge: its owner's stage payoff under `act`
    std::vector<double> rest;         // per state: window payoff besides this round's stage and group payoffs
    std::vector<double> fitness;      // moran: per state, exp(w (payoff - max payoff))
    std::vector<std::uint32_t> coPlayerOffsets, coPlayerOf; // well-mixed group game: reverse index of co-players
    std::vector<core::DyadMemory> memory; // a copy of one state's dyad memories, for its new strategy's decision
    std::vector<core::Action> decided;    // best response: a candidate strategy's acts
    TouchedStates touched;                // states whose payoff a revision changed
};

/// Starts an asynchronous learning step: copies this round's acts and stage payoffs and splits every state's window
/// payoff into this round's stage and group payoffs and the rest (earlier rounds of the window, common-security
/// losses, punishments, events), which a revision leaves as it is.
void beginAsyncLearning(SimulationState& s);

/// State i has just adopted a new doctrine (its strategy was `previous`). When the strategy changed, re-decides i's
/// acts toward its partners with the new one, as it would have played them this round (the dyad memories as they
/// stood before the round, the same draws, restraint and execution noise), and recomputes the stage payoffs of those
/// relations for both sides; then its group move and the group payoffs that alters; then the window payoff of every
/// state affected, so the next revision sees them.
void refreshAfterSwitch(SimulationState& s, std::size_t i, const core::Strategy* previous);

/// The visiting order of an asynchronous step: a Fisher-Yates shuffle of the states keyed by (round, position,
/// Purpose::Order), the same order as SpatialGame's asynchronous generations.
void shuffleOrder(const SimulationState& s, std::vector<std::uint32_t>& order);

} // namespace cybersim::engine
