// SPDX-License-Identifier: MIT
// Tests of shellQuote: plain words stay as they are; anything else comes back as one word that a POSIX shell reads
// back to the same bytes.
#include "cybersim/core/shell_quote.hpp"

#include "cli_process.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using cybersim::core::shellQuote;

TEST_CASE("shell quote: plain words are left as they are")
{
    for (const std::string word :
         {"run.rounds=30", "scenarios/classic/nowak-may.toml", "a-b_c.d,e:f/g=h+i@j%k", "ABCxyz0123456789"})
        CHECK(shellQuote(word) == word);
}

TEST_CASE("shell quote: anything else is one quoted word")
{
    SUBCASE("the quoted forms")
    {
        CHECK(shellQuote("") == "''");
        CHECK(shellQuote("my scenario.toml") == "'my scenario.toml'");
        CHECK(shellQuote("game.actions=[\"a\", \"b\"]") == "'game.actions=[\"a\", \"b\"]'");
        CHECK(shellQuote("it's") == "'it'\\''s'");
        CHECK(shellQuote("$HOME") == "'$HOME'");
        CHECK(shellQuote("a\nb") == "'a\nb'");
        CHECK(shellQuote("Zürich.toml") == "'Zürich.toml'");
        CHECK(shellQuote("~") == "'~'");
        CHECK(shellQuote("*") == "'*'");
    }
    SUBCASE("a shell (/bin/sh, through popen) reads each back to the same bytes")
    {
        const std::vector<std::string> words{"",
                                             "two words",
                                             "it's",
                                             "''",
                                             "'\\''",
                                             "\"double\" quotes",
                                             "$HOME and $(echo no) and `echo no`",
                                             "back\\slash",
                                             "line one\nline two",
                                             "tab\there",
                                             "Zürich – 東京",
                                             "!history #comment ;& | > < * ? [x] {a,b} ~",
                                             "game.actions=[\"restrain\", \"attack\"]"};
        for (const auto& word : words)
        {
            CAPTURE(word);
            CHECK(cybersim::test::capture("printf '%s' " + shellQuote(word)) == word);
        }
    }
}
