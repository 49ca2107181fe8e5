// SPDX-License-Identifier: MIT
// Private: the active states ranked by a value (cumulative payoff, for the welfare Gini), kept from round to round.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cybersim::engine
{

/// Sorts the active states' `values` in ascending order into `sorted`, their states into `ranked`, starting from
/// `order` (the last call's ranking of all states, or empty) and leaving in it the ranking for the next call: the
/// active states as ranked, then the inactive ones. Ranks change little from round to round, so the states are
/// insertion-sorted in last round's order while that stays cheap (a few moves per state); once it does not, they are
/// sorted from scratch (n log n), so a reshuffled order never costs n^2. The sorted values are the same either way
/// (NaN last). The vectors keep their capacity: no allocation once they have grown to the number of states.
/// @return the element moves the insertion sort made (at most 9 n + 64: a budget of 8 n + 64, checked between
/// insertions, plus the last insertion; for tests of that bound)
std::size_t rankActiveValues(std::span<const double> values, std::span<const std::int32_t> active,
                             std::vector<std::uint32_t>& order, std::vector<std::uint32_t>& ranked,
                             std::vector<double>& sorted);

} // namespace cybersim::engine
