// SPDX-License-Identifier: MIT
// Quoting a word for a POSIX shell.
#include "cybersim/core/shell_quote.hpp"

#include <algorithm>

namespace cybersim::core
{

std::string shellQuote(std::string_view word)
{
    // ASCII only, whatever the locale: a shell reads bytes, and std::isalnum would follow the C++ locale.
    const auto safe = [](char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view("-_.,:/=+@%").find(c) != std::string_view::npos;
    };
    if (!word.empty() && std::all_of(word.begin(), word.end(), safe))
        return std::string(word);
    std::string out = "'";
    for (const char c : word)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

} // namespace cybersim::core
