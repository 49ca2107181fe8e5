// SPDX-License-Identifier: MIT
// Quoting a word for a POSIX shell, for the re-run commands that outputs and front ends print.
#pragma once

#include <string>
#include <string_view>

namespace cybersim::core
{

/// `word` as one word of a POSIX shell command line: unchanged when it is made only of ASCII letters, digits and
/// -_.,:/=+@%, else in single quotes, each ' written as '\'' (e.g. 'game.actions=["a", "b"]'); '' for an empty word.
/// Any other byte, a newline or a non-ASCII one included, is kept as it is inside the quotes.
[[nodiscard]] std::string shellQuote(std::string_view word);

} // namespace cybersim::core
