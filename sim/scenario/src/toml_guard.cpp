// SPDX-License-Identifier: MIT
// The TOML guard. Why it exists: toml++ 3.3.0 (Debian 12's version) classifies some non-ASCII code points through
// is_non_ascii_horizontal_whitespace(), whose generated lookup reaches __builtin_unreachable() for code points such as
// U+0422 (the bytes d0 a2) -- undefined behaviour; upstream issues #190 and #295, fixed after 3.3.0. The classifier
// runs on characters outside strings and comments and on the text after a line-ending backslash in a multi-line
// string. Comments and single-line strings never reach it, so non-ASCII text is allowed there (names such as
// "Cote d'Ivoire" with accents keep working) and rejected everywhere else with a clear diagnostic.
#include "cybersim/scenario/detail/toml_guard.hpp"

namespace cybersim::scenario::detail
{

namespace
{

// Length of the UTF-8 sequence starting at text[i], or 0 when it is invalid.
std::size_t sequenceLength(std::string_view text, std::size_t i) noexcept
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80)
        return 1;
    std::size_t length = 0;
    unsigned lowest = 0x80, highest = 0xBF; // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF)
        length = 2;
    else if (c == 0xE0)
        length = 3, lowest = 0xA0;
    else if (c == 0xED)
        length = 3, highest = 0x9F; // no surrogates
    else if (c >= 0xE1 && c <= 0xEF)
        length = 3;
    else if (c == 0xF0)
        length = 4, lowest = 0x90;
    else if (c >= 0xF1 && c <= 0xF3)
        length = 4;
    else if (c == 0xF4)
        length = 4, highest = 0x8F; // at most U+10FFFF
    else
        return 0;
    if (i + length > text.size())
        return 0;
    if (byte(i + 1) < lowest || byte(i + 1) > highest)
        return 0;
    for (std::size_t k = 2; k < length; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF)
            return 0;
    return length;
}

enum class Mode
{
    Normal,
    Comment,
    Basic,
    Literal,
    MultiBasic,
    MultiLiteral,
};

} // namespace

std::optional<std::size_t> findInvalidUtf8(std::string_view text) noexcept
{
    for (std::size_t i = 0; i < text.size();)
    {
        const auto n = sequenceLength(text, i);
        if (n == 0)
            return i;
        i += n;
    }
    return std::nullopt;
}

std::vector<GuardProblem> guardTomlText(std::string_view text, std::size_t limit)
{
    std::vector<GuardProblem> problems;
    int line = 1, column = 1;
    const auto report = [&](std::size_t offset, std::string message)
    {
        if (problems.size() < limit)
            problems.push_back({offset, line, column, std::move(message)});
    };
    if (const auto bad = findInvalidUtf8(text))
    {
        for (std::size_t i = 0; i < *bad; ++i)
        {
            if (text[i] == '\n')
                line++, column = 1;
            else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
                ++column;
        }
        report(*bad, "invalid UTF-8 at byte offset " + std::to_string(*bad));
        return problems;
    }

    const auto startsWith = [&](std::size_t i, std::string_view s) { return text.substr(i, s.size()) == s; };
    Mode mode = Mode::Normal;
    // A quote opens a string only where toml++ starts one: at the start of a line, after '[', '{' or ',', or after
    // the '=' (or key '.') that follows a key. Anything else begins a bare token, which toml++'s value scanner reads up
    // to whitespace, ']', '}', ',' or '#', over quotes and brackets alike (`x = 3?a['...'` or `x = .'...'`), so text
    // after such a quote is not a string to it. Being conservative only rejects invalid TOML and the rare valid form
    // `a.'key'` (a quoted key segment straight after a bare one).
    bool canOpenString = true;
    bool inToken = false;
    // A top-level key ends at the first '=' of its line, spaces or not (`s="..."`): toml++ reads the value after it.
    bool sawEquals = false;
    int depth = 0; // open '[' and '{' outside strings
    // A quote that the guard does not take as opening a string makes the rest of its line uncertain: in a key
    // (`a."# "`) toml++ does open one there, so a '#' after it is no comment to toml++. Non-ASCII text on such a line
    // is refused even where the guard would see a comment (a fuzzer found toml++ 3.3.0 failing on `a."# "\uFEDF`).
    bool uncertainLine = false;

    std::size_t i = 0;
    if (startsWith(0, "\xEF\xBB\xBF")) // a byte-order mark, which toml++ skips
        i = 3;
    while (i < text.size())
    {
        const char c = text[i];
        const auto u = static_cast<unsigned char>(c);
        std::size_t advance = 1;
        const Mode before = mode;
        if (u >= 0x80)
        {
            advance = sequenceLength(text, i);
            if (mode == Mode::MultiBasic || mode == Mode::MultiLiteral)
                report(i, "non-ASCII text in a multi-line string is not supported");
            else if (mode == Mode::Normal)
                report(i, "non-ASCII character outside a string or comment");
            else if (uncertainLine)
                report(i, "non-ASCII character after a quote inside a bare key or value on the same line is not "
                          "supported");
        }
        else if (c == '\n')
        {
            // Single-line strings and comments end at a line break (toml++ stops at an unterminated string anyway).
            if (mode == Mode::Comment || mode == Mode::Basic || mode == Mode::Literal)
                mode = Mode::Normal;
            if (mode == Mode::Normal)
                canOpenString = true, inToken = false, sawEquals = false, uncertainLine = false;
        }
        else
        {
            switch (mode)
            {
            case Mode::Normal:
            {
                const bool quote = c == '"' || c == '\'';
                if (c == '#')
                    mode = Mode::Comment;
                else if (quote && canOpenString)
                {
                    if (startsWith(i, std::string(3, c)))
                        mode = c == '"' ? Mode::MultiBasic : Mode::MultiLiteral, advance = 3;
                    else
                        mode = c == '"' ? Mode::Basic : Mode::Literal;
                }
                else if (c == ' ' || c == '\t' || c == '\r')
                    inToken = false;
                else if (c == ']' || c == '}' || c == ',')
                {
                    inToken = false, canOpenString = c == ',';
                    if (c != ',' && depth > 0)
                        --depth;
                }
                else if (!inToken && (c == '[' || c == '{'))
                    canOpenString = true, ++depth; // an array, inline table or table header opens
                else if (c == '=' && !sawEquals && depth == 0)
                    canOpenString = true, inToken = false, sawEquals = true; // the value of a top-level key
                else if (!inToken && !canOpenString && (c == '=' || c == '.'))
                    canOpenString = true; // after a key (or key segment) comes a value (or the next segment)
                else
                {
                    inToken = true, canOpenString = false; // toml++ scans this token over any quote: no string
                    uncertainLine = uncertainLine || quote;
                }
                break;
            }
            case Mode::Comment:
                break;
            case Mode::Basic:
                if (c == '\\' && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0x80 &&
                    text[i + 1] != '\n')
                    advance = 2;
                else if (c == '"')
                    mode = Mode::Normal;
                break;
            case Mode::Literal:
                if (c == '\'')
                    mode = Mode::Normal;
                break;
            case Mode::MultiBasic:
            case Mode::MultiLiteral:
            {
                const char quote = mode == Mode::MultiBasic ? '"' : '\'';
                if (mode == Mode::MultiBasic && c == '\\' && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) < 0x80 && text[i + 1] != '\n')
                    advance = 2;
                else if (c == quote && startsWith(i, std::string(3, quote)))
                {
                    // A closing delimiter may be preceded by up to two quotes that belong to the string: """a"""""
                    std::size_t run = 0;
                    while (i + run < text.size() && text[i + run] == quote)
                        ++run;
                    advance = run;
                    mode = Mode::Normal;
                }
                break;
            }
            }
        }
        if (before != Mode::Normal && before != Mode::Comment && mode == Mode::Normal && c != '\n')
            canOpenString = false, inToken = false; // right after a string only a separator may follow
        for (std::size_t k = 0; k < advance; ++k)
        {
            if (text[i + k] == '\n')
                line++, column = 1;
            else if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
                ++column;
        }
        i += advance;
    }
    return problems;
}

} // namespace cybersim::scenario::detail
