// SPDX-License-Identifier: MIT
// The Strategy interface: how a player picks its next dyadic act from what it remembers.
#pragma once

#include "cybersim/sim/action.hpp"
#include "cybersim/sim/payoff_matrix.hpp"
#include "cybersim/sim/rng.hpp"

#include <cstdint>
#include <span>

namespace cybersim::sim
{

/// Everything a strategy may read besides its memories; the same for every partner in one call.
struct DecisionContext
{
    CounterRng rng;                          // draw with Purpose::Decide, keyed by (round, self, partner, stream)
    std::uint64_t round = 0;                 // 0-based round (or turn) number
    std::uint32_t self = 0;                  // id of the deciding player
    std::span<const std::uint32_t> partners; // partners[i] is the player memories[i] refers to
    std::uint64_t stream = 0;                // extra key, e.g. a tournament repetition; 0 in the engine
    PayoffMatrix game;                       // the stage game, for strategies that reason about payoffs
    std::uint32_t matchLength = 0;           // known number of turns, or 0 when the horizon is unknown
};

/// A repeated-game strategy (EGTtools' AbstractNFGStrategy, batched). decide() is called once per player per round
/// for all its partners, never once per interaction, so the engine's hot loop makes no virtual call per dyad.
/// Implementations are stateless: all per-partner state lives in DyadMemory, so one object serves many players and
/// calls may run concurrently.
class Strategy
{
public:
    virtual ~Strategy() = default;

    /// Writes into out[i] the act toward partners[i], given memories[i]. May update memories[i].rule only.
    virtual void decide(std::span<DyadMemory> memories, std::span<Action> out,
                        const DecisionContext& context) const = 0;
};

} // namespace cybersim::sim
