// SPDX-License-Identifier: MIT
// Counter-based random numbers: every draw is a pure function of (seed, round, agent, partner, purpose).
#pragma once

#include <cstdint>

namespace cybersim::core
{

/// What a draw is for; part of the key so that two uses of the same (round, agent, partner) never share a number.
enum class Purpose : std::uint32_t
{
    Decide = 1,
    PerceiveNoise,
    ImplementNoise,
    Intrusion,
    Surveillance,
    Disclosure,
    Loss,
    Norms,
    NormsSee,
    NormsPunish,
    Learn,
    Mutate,
    Network,
    Init,
    Event,
    Tournament,
    Sweep,
    Order, // the random order of an asynchronous update (learning.update, SpatialUpdate::Asynchronous)
    Group, // drawing the co-players of a well-mixed group game
};

/// SplitMix64 finaliser (Steele, Lea and Flood 2014): a bijective 64-bit mix with full avalanche.
[[nodiscard]] constexpr std::uint64_t mix64(std::uint64_t x) noexcept
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/// The draws of one (round, agent): the same numbers as CounterRng with that round and agent, with the first half of
/// the key mixed once, for loops over an agent's partners.
class AgentStream
{
public:
    constexpr AgentStream() noexcept = default;
    constexpr explicit AgentStream(std::uint64_t mixedKey) noexcept : m_key(mixedKey) {}

    /// 64 random bits; equal to CounterRng::bits(round, agent, partner, purpose, extra). One SplitMix64 round for the
    /// (partner, purpose) part of the key, a second one only when `extra` is used: the per-relation draws of a round
    /// (extra = 0) are the engine's hottest arithmetic.
    [[nodiscard]] constexpr std::uint64_t bits(std::uint64_t partner, Purpose purpose,
                                               std::uint64_t extra = 0) const noexcept
    {
        const std::uint64_t h =
            mix64(m_key ^ (partner * 0x8cb92ba72f3d8dd7ULL) ^ (static_cast<std::uint64_t>(purpose) << 56));
        return extra == 0 ? h : mix64(h ^ extra);
    }
    /// Uniform double in [0, 1); equal to CounterRng::uniform with the same key.
    [[nodiscard]] constexpr double uniform(std::uint64_t partner, Purpose purpose,
                                           std::uint64_t extra = 0) const noexcept
    {
        return static_cast<double>(bits(partner, purpose, extra) >> 11) * 0x1.0p-53;
    }

private:
    std::uint64_t m_key = 0;
};

/// Stateless generator keyed by a run seed; scheduling order cannot change a number drawn (STYLE F).
class CounterRng
{
public:
    constexpr CounterRng() noexcept = default;
    explicit constexpr CounterRng(std::uint64_t seed) noexcept : m_seed(mix64(seed)) {}

    /// 64 random bits for the given key.
    [[nodiscard]] constexpr std::uint64_t bits(std::uint64_t round, std::uint64_t agent, std::uint64_t partner,
                                               Purpose purpose, std::uint64_t extra = 0) const noexcept
    {
        return stream(round, agent).bits(partner, purpose, extra);
    }

    /// The draws of one (round, agent), with the shared part of the key mixed once.
    [[nodiscard]] constexpr AgentStream stream(std::uint64_t round, std::uint64_t agent) const noexcept
    {
        return AgentStream(mix64(mix64(m_seed ^ round) ^ (agent * 0xd1b54a32d192ed03ULL)));
    }

    /// Uniform double in [0, 1) with 53 random bits.
    [[nodiscard]] constexpr double uniform(std::uint64_t round, std::uint64_t agent, std::uint64_t partner,
                                           Purpose purpose, std::uint64_t extra = 0) const noexcept
    {
        return static_cast<double>(bits(round, agent, partner, purpose, extra) >> 11) * 0x1.0p-53;
    }

    /// Uniform integer in [0, n); n > 0. Lemire's multiply-shift, bias below 2^-32 for the n used here.
    [[nodiscard]] constexpr std::uint64_t below(std::uint64_t n, std::uint64_t round, std::uint64_t agent,
                                                std::uint64_t partner, Purpose purpose,
                                                std::uint64_t extra = 0) const noexcept
    {
        const auto r = bits(round, agent, partner, purpose, extra) >> 32;
        return (r * n) >> 32;
    }

    /// The mixed seed; two generators are equal when they draw the same numbers.
    [[nodiscard]] constexpr std::uint64_t key() const noexcept { return m_seed; }

private:
    std::uint64_t m_seed = mix64(0);
};

/// Derives a child seed, e.g. a sweep run's seed from (base seed, point, replicate) (STYLE F, FLAME GPU RunPlan).
[[nodiscard]] constexpr std::uint64_t deriveSeed(std::uint64_t base, std::uint64_t a, std::uint64_t b = 0) noexcept
{
    return mix64(mix64(base ^ 0x5851f42d4c957f2dULL) + a * 0x9e3779b97f4a7c15ULL + mix64(b + 1));
}

} // namespace cybersim::core
