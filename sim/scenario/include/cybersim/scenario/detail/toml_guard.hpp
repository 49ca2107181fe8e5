// SPDX-License-Identifier: MIT
// A lexical guard run before toml++: checks UTF-8 and keeps non-ASCII text where toml++ 3.3.0 handles it safely.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cybersim::scenario::detail
{

/// One problem the guard found, located in the text.
struct GuardProblem
{
    std::size_t offset = 0; // byte offset
    int line = 1;           // 1-based
    int column = 1;         // 1-based, in code points
    std::string message;    // house style: lower case, no final period
};

/// The byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and code points above U+10FFFF
/// count as invalid), or nothing when `text` is valid UTF-8.
[[nodiscard]] std::optional<std::size_t> findInvalidUtf8(std::string_view text) noexcept;

/// Checks TOML text before toml++ sees it: valid UTF-8, and non-ASCII characters only inside comments and single-line
/// (basic or literal) strings, including quoted keys. Reports at most `limit` problems.
[[nodiscard]] std::vector<GuardProblem> guardTomlText(std::string_view text, std::size_t limit = 20);

} // namespace cybersim::scenario::detail
