// SPDX-License-Identifier: MIT
// Private: the one text hash used for provenance and checksums (FNV-1a 64, finished by SplitMix64), and hex output.
#pragma once

#include "cybersim/core/rng.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace cybersim::sweep::detail
{

/// FNV-1a over the bytes of `text`, finished with mix64 for avalanche; stable across platforms and builds.
inline std::uint64_t hashText(std::string_view text)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : text)
    {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return core::mix64(h);
}

/// Sixteen lower-case hex digits.
inline std::string hex16(std::uint64_t h)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4)
        out[static_cast<std::size_t>(i)] = kDigits[h & 15u];
    return out;
}

} // namespace cybersim::sweep::detail
