// SPDX-License-Identifier: MIT
// The scenario loader's checks that need more than one key: names, catalogue lookups, world size, network shape,
// edges, CSV matrices, norm issues and events; plus file reading shared by scenarios and CSVs.
#include "cybersim/scenario/detail/scenario_load_context.hpp"

#include "cybersim/scenario/detail/toml_guard.hpp"

#include "cybersim/core/catalogue.hpp"
#include "cybersim/scenario/matrix_game_of.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <system_error>
#include <tuple>

namespace cybersim::scenario::detail
{

namespace
{

std::string quote(std::string_view s)
{
    return formatValue(std::string(s));
}

std::string suggestion(std::string_view word, const std::vector<std::string>& candidates)
{
    const auto near = core::suggestNearest(word, candidates);
    return near ? " (did you mean " + quote(*near) + "?)" : std::string();
}

// The parent of a key path: "a.b[2].c" -> "a.b[2]" -> "a.b" -> "a" -> "".
std::string_view parentPath(std::string_view path)
{
    const auto cut = path.find_last_of(".[");
    return cut == std::string_view::npos ? std::string_view() : path.substr(0, cut);
}

} // namespace

void LoadContext::record(const std::string& keyPath, int line, int column)
{
    m_locations.insert_or_assign(keyPath, SourceLocation{m_fileName, line, column});
}

bool LoadContext::isOverride(std::string_view keyPath) const
{
    const auto startsWith = [](std::string_view text, std::string_view prefix)
    {
        return text.substr(0, prefix.size()) == prefix &&
               (text.size() == prefix.size() || text[prefix.size()] == '.' || text[prefix.size()] == '[');
    };
    return std::any_of(m_overrides.begin(), m_overrides.end(),
                       [&](const std::string& o)
                       { return !keyPath.empty() && (startsWith(o, keyPath) || startsWith(keyPath, o)); });
}

bool LoadContext::isGiven(const std::string& keyPath) const
{
    return m_locations.find(keyPath) != m_locations.end() || isOverride(keyPath);
}

SourceLocation LoadContext::locate(std::string_view keyPath) const
{
    if (isOverride(keyPath))
        return {std::string(kOverrideFile), 0, 0};
    for (auto path = keyPath; !path.empty(); path = parentPath(path))
        if (const auto it = m_locations.find(path); it != m_locations.end())
            return it->second;
    return {m_fileName, 0, 0};
}

bool LoadContext::hasErrorAt(std::string_view keyPath) const
{
    return std::any_of(m_diagnostics.begin(), m_diagnostics.end(),
                       [&](const Diagnostic& d) { return d.keyPath == keyPath; });
}

void LoadContext::error(const std::string& keyPath, std::string message)
{
    errorAt(locate(keyPath), keyPath, std::move(message));
}

void LoadContext::errorAt(const SourceLocation& where, const std::string& keyPath, std::string message)
{
    m_diagnostics.push_back({where.file, where.line, where.column, keyPath, std::move(message)});
}

void LoadContext::throwErrors()
{
    // File order: the scenario first, then CSV files, then overrides; within a file by line and column.
    const auto rank = [this](const Diagnostic& d) {
        return d.file == m_fileName ? 0 : d.file == kOverrideFile ? 2 : 1;
    };
    std::stable_sort(m_diagnostics.begin(), m_diagnostics.end(),
                     [&](const Diagnostic& a, const Diagnostic& b)
                     {
                         const auto la = a.line == 0 ? INT32_MAX : a.line, lb = b.line == 0 ? INT32_MAX : b.line;
                         return std::tuple(rank(a), a.file, la, a.column) < std::tuple(rank(b), b.file, lb, b.column);
                     });
    throw ScenarioError(std::move(m_diagnostics));
}

std::optional<std::string> readTextFile(const std::filesystem::path& path, LoadContext& context,
                                        const SourceLocation& where, const std::string& keyPath)
{
    const auto shown = quote(path.string());
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
    {
        context.errorAt(where, keyPath, "file " + shown + " does not exist");
        return std::nullopt;
    }
    if (std::filesystem::is_directory(status))
    {
        context.errorAt(where, keyPath, shown + " is a directory, expected a file");
        return std::nullopt;
    }
    if (!std::filesystem::is_regular_file(status))
    {
        context.errorAt(where, keyPath, shown + " is not a regular file");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        context.errorAt(where, keyPath, "file " + shown + " cannot be read");
        return std::nullopt;
    }
    std::string text;
    std::array<char, 65536> buffer{};
    while (in && text.size() <= kMaxFileBytes)
    {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        text.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad())
    {
        context.errorAt(where, keyPath, "file " + shown + " cannot be read");
        return std::nullopt;
    }
    if (text.size() > kMaxFileBytes)
    {
        context.errorAt(where, keyPath, "file " + shown + " is larger than 16 MiB, expected a smaller text file");
        return std::nullopt;
    }
    if (text.empty())
    {
        context.errorAt(where, keyPath, "file " + shown + " is empty");
        return std::nullopt;
    }
    if (const auto nul = text.find('\0'); nul != std::string::npos)
    {
        context.errorAt(where, keyPath,
                        "file " + shown + " looks binary (a NUL byte at offset " + std::to_string(nul) +
                            "), expected UTF-8 text");
        return std::nullopt;
    }
    if (const auto bad = findInvalidUtf8(text))
    {
        context.errorAt(where, keyPath,
                        "file " + shown + " is not UTF-8 text (an invalid byte at offset " + std::to_string(*bad) +
                            ")");
        return std::nullopt;
    }
    return text;
}

namespace
{

struct CsvCell
{
    std::string text;
    int column = 1;
};

std::vector<CsvCell> splitCsvLine(std::string_view line)
{
    std::vector<CsvCell> cells;
    std::size_t i = 0;
    while (true)
    {
        CsvCell cell;
        cell.column = static_cast<int>(i) + 1;
        while (i < line.size() && line[i] == ' ')
            ++i;
        if (i < line.size() && line[i] == '"')
        {
            ++i;
            while (i < line.size())
            {
                if (line[i] == '"' && i + 1 < line.size() && line[i + 1] == '"')
                    cell.text += '"', i += 2;
                else if (line[i] == '"')
                {
                    ++i;
                    break;
                }
                else
                    cell.text += line[i++];
            }
            while (i < line.size() && line[i] != ',')
                ++i;
        }
        else
        {
            const auto end = std::min(line.find(',', i), line.size());
            cell.text = std::string(line.substr(i, end - i));
            while (!cell.text.empty() && (cell.text.back() == ' ' || cell.text.back() == '\t'))
                cell.text.pop_back();
            i = end;
        }
        cells.push_back(std::move(cell));
        if (i >= line.size())
            break;
        ++i; // the comma
    }
    return cells;
}

std::optional<double> parseNumber(std::string_view text)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace

bool parseCsvMatrix(std::string_view text, const std::string& shownPath, const std::string& keyPath,
                    LoadContext& context, NamedMatrix& out)
{
    bool ok = true;
    const auto fail = [&](int line, int column, std::string message)
    {
        context.errorAt({shownPath, line, column}, keyPath, std::move(message));
        ok = false;
    };
    std::vector<std::pair<int, std::string_view>> lines;
    int number = 0;
    for (std::size_t start = 0; start <= text.size();)
    {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        ++number;
        if (line.find_first_not_of(" \t") != std::string_view::npos)
            lines.emplace_back(number, line);
        start = end + 1;
    }
    if (lines.empty())
    {
        fail(1, 0, "has no header row, expected name,<state>,<state>...");
        return false;
    }
    const auto header = splitCsvLine(lines[0].second);
    NamedMatrix matrix;
    for (std::size_t c = 1; c < header.size(); ++c)
    {
        if (header[c].text.empty())
            fail(lines[0].first, header[c].column,
                 "header column " + std::to_string(c + 1) + " is empty, expected a state name");
        else if (std::find(matrix.names.begin(), matrix.names.end(), header[c].text) != matrix.names.end())
            fail(lines[0].first, header[c].column, "header names " + quote(header[c].text) + " twice");
        matrix.names.push_back(header[c].text);
    }
    const std::size_t n = matrix.names.size();
    if (n == 0)
        fail(lines[0].first, 1, "header has no state names, expected name,<state>,<state>...");
    if (lines.size() - 1 != n && n > 0)
        fail(lines.back().first, 0,
             "has " + std::to_string(lines.size() - 1) + " rows of values for " + std::to_string(n) +
                 " states, expected a square matrix");
    matrix.values.assign(n * n, 0.0);
    for (std::size_t r = 1; r < lines.size(); ++r)
    {
        const auto [lineNumber, line] = lines[r];
        const auto cells = splitCsvLine(line);
        if (cells.size() != n + 1)
        {
            fail(lineNumber, 1,
                 "row has " + std::to_string(cells.size()) + " cells, expected " + std::to_string(n + 1) +
                     " (a name and one value per state)");
            continue;
        }
        if (r - 1 < n && cells[0].text != matrix.names[r - 1])
            fail(lineNumber, 1,
                 "row " + std::to_string(r) + " is labelled " + quote(cells[0].text) + ", expected " +
                     quote(matrix.names[r - 1]) + " (rows follow the header's order)");
        for (std::size_t c = 1; c < cells.size(); ++c)
        {
            const auto value = parseNumber(cells[c].text);
            if (!value)
                fail(lineNumber, cells[c].column, "value " + quote(cells[c].text) + " is not a finite number");
            else if (r - 1 < n)
                matrix.values[(r - 1) * n + (c - 1)] = *value;
        }
    }
    if (ok)
        out = std::move(matrix);
    return ok;
}

namespace
{

enum class MatrixKind
{
    Interdependence,
    Alliance,
    Trust,
};

// Checks names and values of a matrix; locates problems at `where` (the CSV file or the inline table).
void checkMatrix(const NamedMatrix& m, MatrixKind kind, const std::string& keyPath, const SourceLocation& where,
                 const std::set<std::string>& known, const std::vector<std::string>& knownList, LoadContext& context)
{
    const std::size_t n = m.names.size();
    if (m.values.size() != n * n)
    {
        context.errorAt(where, keyPath,
                        "has " + std::to_string(m.values.size()) + " values for " + std::to_string(n) +
                            " names, expected " + std::to_string(n * n) + " (a square matrix)");
        return;
    }
    for (const auto& name : m.names)
        if (known.count(name) == 0)
            context.errorAt(where, keyPath,
                            "names " + quote(name) + ", which is not a state" + suggestion(name, knownList));
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t c = 0; c < n; ++c)
        {
            const double v = m.values[r * n + c];
            const auto at =
                "value for (" + quote(m.names[r]) + ", " + quote(m.names[c]) + ") is " + formatValue(v) + ", expected ";
            if (!std::isfinite(v))
                context.errorAt(where, keyPath, at + "a finite number");
            else if (kind == MatrixKind::Alliance && v != 0.0 && v != 1.0)
                context.errorAt(where, keyPath, at + "0 or 1");
            else if (kind != MatrixKind::Alliance && (v < 0.0 || v > 1.0))
                context.errorAt(where, keyPath, at + "in [0, 1]");
        }
}

void checkNetwork(const Scenario& s, std::size_t n, LoadContext& context)
{
    const auto& net = s.network;
    const auto count = std::to_string(n);
    if (net.kind == NetworkKind::Ring || net.kind == NetworkKind::WattsStrogatz)
    {
        if (net.degree % 2 != 0)
            context.error("network.degree", "is " + std::to_string(net.degree) + ", expected an even number");
        else if (n >= 2 && static_cast<std::size_t>(net.degree) >= n)
        {
            const auto most = (n - 1) / 2 * 2;
            const bool given = context.isGiven("network.degree");
            context.error("network.degree",
                          "is " + std::to_string(net.degree) + (given ? "" : " (the default)") +
                              ", expected less than the " + count + " states" +
                              (most >= 2 ? " (at most " + std::to_string(most) + ")"
                                         : "; a world this small needs another network.kind, e.g. \"complete\""));
        }
    }
    if (net.kind == NetworkKind::BarabasiAlbert && n >= 2 && static_cast<std::size_t>(net.attach) >= n)
        context.error("network.attach",
                      "is " + std::to_string(net.attach) + ", expected less than the " + count + " states");
    if (net.kind == NetworkKind::Lattice && n >= 2)
    {
        if (net.width == 0)
        {
            const auto root = static_cast<std::size_t>(std::llround(std::sqrt(static_cast<double>(n))));
            if (root * root != n)
                context.error("network.width", "is 0 (the square root of the state count), but " + count +
                                                   " states are not a square; give a width that divides " + count);
        }
        else if (n % static_cast<std::size_t>(net.width) != 0)
            context.error("network.width",
                          "is " + std::to_string(net.width) + ", which does not divide the " + count + " states");
    }
}

// The group game's sizes must fit the world: a group of N needs N states, and a threshold above N is never reached.
void checkGroupGame(const Scenario& s, std::size_t n, LoadContext& context)
{
    const auto& g = s.groupGame;
    if (g.kind == GroupGameKind::None || g.formation == GroupFormation::Neighbourhood)
        return;
    if (n >= 2 && static_cast<std::size_t>(g.size) > n)
        context.error("group_game.size", "is " + std::to_string(g.size) + ", expected at most the " +
                                             std::to_string(n) + " states (groups are drawn from them)");
    if (g.kind == GroupGameKind::CollectiveRisk && g.threshold > g.size)
        context.error("group_game.threshold", "is " + std::to_string(g.threshold) +
                                                  ", expected at most group_game.size (" + std::to_string(g.size) +
                                                  ")");
}

// The classic 2 x 2 keys, which a matrix game derives from its table (MatrixGame::restriction).
bool isDerivedInMatrixGame(std::string_view key)
{
    return key == "game.reward" || key == "game.sucker" || key == "game.temptation" || key == "game.punishment";
}

std::string plural(std::size_t count, const std::string& word)
{
    return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

// A matrix game (game.kind = matrix): act names, the payoff table's shape and values, the cooperative acts. Fills in
// the default cooperative act and, when the game is sound, the derived 2 x 2 view R, S, T, P.
void checkMatrixGame(Scenario& s, LoadContext& context)
{
    auto& g = s.game;
    const char* lists[] = {"game.actions", "game.payoffs", "game.cooperative_actions"};
    if (g.kind != GameKind::Matrix)
    {
        for (const char* key : lists)
            if (context.isGiven(key))
                context.error(key, "is only used by a matrix game, expected game.kind = \"matrix\" or no " +
                                       std::string(std::string_view(key).substr(5)));
        return;
    }
    bool ok = true;
    const auto fail = [&](const std::string& key, std::string message)
    {
        context.error(key, std::move(message));
        ok = false;
    };
    for (const char* key : {"game.reward", "game.sucker", "game.temptation", "game.punishment"})
        if (context.isGiven(key))
            fail(key, "is not used by a matrix game: R, S, T and P are derived from game.payoffs (the first "
                      "cooperative act against the first hostile act)");

    // Acts.
    const std::size_t m = g.actions.size();
    const auto acts = std::to_string(core::kMaxActs);
    if (!context.isGiven("game.actions"))
        fail("game.actions", "is missing, expected 2 to " + acts +
                                 " act names for game.kind = \"matrix\", e.g. actions = [\"restrain\", \"surveil\", "
                                 "\"attack\"]");
    else if (context.hasErrorAt("game.actions"))
        ok = false;
    else if (m < 2 || m > core::kMaxActs)
        fail("game.actions", "has " + plural(m, "name") + ", expected 2 to " + acts + " (one per act)");
    for (std::size_t k = 0; k < m; ++k)
    {
        const auto at = "game.actions[" + std::to_string(k) + "]";
        if (context.hasErrorAt(at))
            ok = false;
        else if (g.actions[k].empty())
            fail(at, "is \"\", expected a non-empty act name");
        else if (const auto first = std::find(g.actions.begin(), g.actions.end(), g.actions[k]);
                 first != g.actions.begin() + static_cast<std::ptrdiff_t>(k))
            fail(at, "is " + quote(g.actions[k]) + ", already the name of game.actions[" +
                         std::to_string(first - g.actions.begin()) + "], expected unique act names");
    }
    const bool sized =
        context.isGiven("game.actions") && !context.hasErrorAt("game.actions") && m >= 2 && m <= core::kMaxActs;

    // The payoff table: one row per act, one finite value per act in each row.
    const auto perAct = sized ? " (one per act of game.actions)" : std::string();
    if (!context.isGiven("game.payoffs"))
        fail("game.payoffs", "is missing, expected " +
                                 (sized ? std::to_string(m) + " x " + std::to_string(m) : "an m x m") +
                                 " table [[...], ...] of payoffs (row = own act, column = the partner's act)");
    else if (context.hasErrorAt("game.payoffs"))
        ok = false;
    else
    {
        if (sized && g.payoffs.size() != m)
            fail("game.payoffs", "has " + plural(g.payoffs.size(), "row") + ", expected " + std::to_string(m) + perAct);
        for (std::size_t r = 0; r < g.payoffs.size(); ++r)
        {
            const auto row = "game.payoffs[" + std::to_string(r) + "]";
            if (context.hasErrorAt(row))
            {
                ok = false;
                continue;
            }
            if (sized && g.payoffs[r].size() != m)
                fail(row, "has " + plural(g.payoffs[r].size(), "value") + ", expected " + std::to_string(m) + perAct);
            for (std::size_t c = 0; c < g.payoffs[r].size(); ++c)
                if (!std::isfinite(g.payoffs[r][c]))
                    fail(row + "[" + std::to_string(c) + "]",
                         "is " + formatValue(g.payoffs[r][c]) + ", expected a finite number");
        }
    }

    // Cooperative acts: default the first; at least one, never every act (a classic strategy's D needs a hostile act).
    if (!context.isGiven("game.cooperative_actions"))
    {
        g.cooperativeActions.clear();
        if (!g.actions.empty())
            g.cooperativeActions.push_back(g.actions.front());
    }
    else if (context.hasErrorAt("game.cooperative_actions"))
        ok = false;
    else if (g.cooperativeActions.empty())
        fail("game.cooperative_actions", "is empty, expected at least one act of game.actions (default: the first)");
    else
    {
        std::set<std::string> named;
        bool namesOk = true;
        for (std::size_t k = 0; k < g.cooperativeActions.size(); ++k)
        {
            const auto at = "game.cooperative_actions[" + std::to_string(k) + "]";
            const auto& name = g.cooperativeActions[k];
            if (context.hasErrorAt(at))
                namesOk = false;
            else if (std::find(g.actions.begin(), g.actions.end(), name) == g.actions.end())
            {
                namesOk = false;
                fail(at, "is " + quote(name) + ", expected an act of game.actions" + suggestion(name, g.actions));
            }
            else if (!named.insert(name).second)
            {
                namesOk = false;
                fail(at, "is " + quote(name) + ", already named earlier in game.cooperative_actions");
            }
        }
        ok = ok && namesOk;
        if (namesOk && sized && named.size() == m)
            fail("game.cooperative_actions",
                 "names all " + std::to_string(m) +
                     " acts, expected at least one hostile act (a classic strategy's D plays the first hostile act)");
    }
    if (ok)
        g.matrix = matrixGameOf(g).restriction();
}

// The claims' own rules. Their metric names and contrast values are checked by the claims library, which knows the
// world metrics and applies the contrast as sweeps do.
void checkClaims(const Scenario& s, LoadContext& context)
{
    std::set<std::string> names;
    for (std::size_t i = 0; i < s.claims.size(); ++i)
    {
        const auto& c = s.claims[i];
        const auto base = "claims[" + std::to_string(i) + "]";
        if (c.name.empty())
            context.error(context.isGiven(base + ".name") ? base + ".name" : base,
                          "has no name, expected name = \"<unique identifier>\"");
        else if (!names.insert(c.name).second)
            context.error(base + ".name", "is " + quote(c.name) +
                                              ", already the name of another claim, expected a "
                                              "unique name");
        // Windows are checked against the run by `cybersim check`: a run shortened by --rounds or a sweep still loads
        // the claims it cannot check.
        if (c.stat == ClaimStat::Mean && c.to != 0 && c.to < c.from)
            context.error(base + ".to", "is " + std::to_string(c.to) + ", expected at least from (" +
                                            std::to_string(c.from) + ") or 0 (the last round)");
        if (c.stat == ClaimStat::Final)
            for (const char* field : {"from", "to"})
                if (context.isGiven(base + "." + field))
                    context.error(base + "." + field, "is not used by a claim with stat = \"final\"");
        if (!c.versus.empty())
        {
            const auto eq = c.versus.find('=');
            auto key = c.versus.substr(0, eq);
            while (!key.empty() && (key.back() == ' ' || key.back() == '\t'))
                key.pop_back();
            key.erase(0, key.find_first_not_of(" \t"));
            if (eq == std::string::npos || eq == 0 || eq + 1 == c.versus.size())
                context.error(base + ".versus", "is " + quote(c.versus) + ", expected \"key=value\"");
            else if (findParameter(key) == nullptr)
                context.error(base + ".versus",
                              "names " + quote(key) + ", expected a scenario key (`cybersim schema`)");
            if (context.isGiven(base + ".share"))
                context.error(base + ".share", "is not used by a claim with versus (a contrast is judged by its "
                                               "confidence interval)");
        }
    }
}

void checkEvents(const Scenario& s, const std::set<std::string>& known, const std::vector<std::string>& knownList,
                 LoadContext& context)
{
    for (std::size_t i = 0; i < s.events.size(); ++i)
    {
        const auto& e = s.events[i];
        const auto base = "events[" + std::to_string(i) + "]";
        if (e.round >= s.run.rounds)
            context.error(base + ".round", "is " + std::to_string(e.round) + ", expected in [0, " +
                                               std::to_string(s.run.rounds) + ") (run.rounds is " +
                                               std::to_string(s.run.rounds) + ")");
        const auto kindName = std::get<std::string>(findParameter("events[].kind")->get(s, i));
        const bool needsState = e.kind != EventKind::Summit && e.kind != EventKind::Set;
        const bool needsTarget = e.kind == EventKind::Incident || e.kind == EventKind::Alliance;
        const auto checkName = [&](const std::string& field, const std::string& value, bool needed)
        {
            const auto path = base + "." + field;
            if (!needed)
            {
                if (context.isGiven(path))
                    context.error(path, "is not used by a " + kindName + " event");
                return;
            }
            if (value.empty())
                context.error(context.isGiven(path) ? path : base,
                              "a " + kindName + " event needs " + field + " = \"<state name>\"");
            else if (known.count(value) == 0)
                context.error(path, "is " + quote(value) + ", expected a state name" + suggestion(value, knownList));
        };
        checkName("state", e.state, needsState);
        checkName("target", e.target, needsTarget);
        if (needsTarget && !e.state.empty() && e.state == e.target)
            context.error(base + ".target", "is " + quote(e.target) + ", the same state as state");
        for (const char* field : {"key", "value"})
            if (e.kind != EventKind::Set && context.isGiven(base + "." + field))
                context.error(base + "." + field, "is not used by a " + kindName + " event");
        if (e.kind != EventKind::Incident && e.kind != EventKind::Disclosure && context.isGiven(base + ".severity"))
            context.error(base + ".severity", "is not used by a " + kindName + " event");
        if (e.kind == EventKind::Set)
        {
            const auto* p = findParameter(e.key);
            if (e.key.empty())
                context.error(base, "a set event needs key = \"<numeric key>\", e.g. \"noise.false_attribution\"");
            else if (p == nullptr || p->isElementKey() || !p->isNumeric())
            {
                std::vector<std::string> numeric;
                for (const auto& q : parameters())
                    if (q.isNumeric() && !q.isElementKey())
                        numeric.push_back(q.key);
                context.error(base + ".key",
                              "is " + quote(e.key) + ", expected a numeric scenario key" + suggestion(e.key, numeric));
            }
            else if (s.game.kind == GameKind::Matrix && isDerivedInMatrixGame(e.key))
                context.error(base + ".key", "is " + quote(e.key) +
                                                 ", which a matrix game derives from game.payoffs, expected another "
                                                 "numeric key");
            else if (!context.isGiven(base + ".value"))
                context.error(base, "a set event needs value = <number>");
            else
            {
                ParamValue v = e.value;
                if (p->type == ValueType::Integer && e.value == std::trunc(e.value) && std::abs(e.value) < 9.0e18)
                    v = static_cast<std::int64_t>(e.value);
                if (const auto problem = p->checkValue(v))
                    context.error(base + ".value", *problem + " for " + p->key);
            }
        }
    }
}

void checkStrategyParams(const Scenario& s, const core::Catalogue& catalogue, LoadContext& context,
                         std::vector<std::vector<double>>& resolved)
{
    resolved.assign(s.states.size(), {});
    const std::size_t actCount = s.game.kind == GameKind::Matrix ? std::max<std::size_t>(2, s.game.actions.size()) : 2;
    for (const auto& raw : context.strategyParams)
    {
        const auto& state = s.states[raw.state];
        const auto base = "states[" + std::to_string(raw.state) + "].strategy_params";
        std::string strategyName = state.strategy;
        if (strategyName.empty())
        {
            const auto doctrine = catalogue.resolveDoctrine(state.doctrine, s.game.actions);
            if (!doctrine)
                continue; // already reported
            strategyName = doctrine->strategy;
        }
        const auto* info = catalogue.strategy(strategyName);
        if (info == nullptr)
            continue;
        const auto& params = info->params;
        std::vector<double> values;
        for (const auto& p : params)
            values.push_back(p.defaultValue);
        const auto check = [&](const std::string& path, const core::ParamInfo& p,
                               const ParamValue& v) -> std::optional<double>
        {
            double x = 0.0;
            if (const auto* d = std::get_if<double>(&v))
                x = *d;
            else if (const auto* i = std::get_if<std::int64_t>(&v))
                x = static_cast<double>(*i);
            else
            {
                context.error(path, "is " + formatValue(v) + ", expected a number");
                return std::nullopt;
            }
            if (!std::isfinite(x) || x < p.min || x > p.max)
            {
                context.error(path, "is " + formatValue(v) + ", expected " +
                                        (std::isfinite(x) ? "" : "a finite number ") + "in [" + formatReal(p.min) +
                                        ", " + formatReal(p.max) + "] (" + p.meaning + ")");
                return std::nullopt;
            }
            if (p.kind == core::ParamKind::ActIndex && (x != std::trunc(x) || x >= double(actCount)))
            {
                context.error(path, "is " + formatValue(v) + ", expected an act index, an integer in [0, " +
                                        std::to_string(actCount - 1) + "] (the game has " + std::to_string(actCount) +
                                        " acts" +
                                        (s.game.kind == GameKind::Matrix ? ", game.actions" : ": 0 = C, 1 = D") + ")");
                return std::nullopt;
            }
            return x;
        };
        // The k-th act weight belongs to act k: giving one for an act the game lacks is a mistake.
        const auto actOf = [&](std::size_t index)
        {
            std::size_t k = 0;
            for (std::size_t q = 0; q < index; ++q)
                k += params[q].kind == core::ParamKind::ActWeight ? 1 : 0;
            return k;
        };
        const auto checkWeightAct = [&](const std::string& path, std::size_t index)
        {
            if (params[index].kind != core::ParamKind::ActWeight || actOf(index) < actCount)
                return true;
            context.error(path, params[index].name + " weights act " + std::to_string(actOf(index)) +
                                    ", but the game has " + std::to_string(actCount) + " acts (0 to " +
                                    std::to_string(actCount - 1) + ")");
            return false;
        };
        if (raw.byName)
        {
            std::vector<std::string> names;
            for (const auto& p : params)
                names.push_back(p.name);
            for (const auto& [name, value] : raw.named)
            {
                const auto it = std::find(names.begin(), names.end(), name);
                const auto path = base + "." + name;
                if (it == names.end())
                {
                    context.error(
                        path, params.empty() ? strategyName + " takes no parameters"
                                             : strategyName + " has no parameter " + quote(name) +
                                                   suggestion(name, names) + "; its parameters are " +
                                                   [&]
                                                   {
                                                       std::string all;
                                                       for (const auto& n : names)
                                                           all += (all.empty() ? "" : ", ") + n;
                                                       return all;
                                                   }());
                    continue;
                }
                const auto k = static_cast<std::size_t>(it - names.begin());
                if (!checkWeightAct(path, k))
                    continue;
                if (const auto x = check(path, params[k], value))
                    values[k] = *x;
            }
        }
        else
        {
            if (raw.listed.size() > params.size())
                context.error(base, "has " + std::to_string(raw.listed.size()) + " values, but " + strategyName +
                                        " takes " + std::to_string(params.size()));
            for (std::size_t k = 0; k < raw.listed.size() && k < params.size(); ++k)
                if (checkWeightAct(base + "[" + std::to_string(k) + "]", k))
                    if (const auto x = check(base + "[" + std::to_string(k) + "]", params[k], raw.listed[k]))
                        values[k] = *x;
        }
        // Weights must leave the game's acts something to draw.
        double weightOfActs = 0.0;
        bool weighted = false;
        for (std::size_t k = 0; k < params.size(); ++k)
            if (params[k].kind == core::ParamKind::ActWeight)
            {
                weighted = true;
                weightOfActs += actOf(k) < actCount ? values[k] : 0.0;
            }
        if (weighted && !(weightOfActs > 0.0))
            context.error(base, "the weights of the game's " + std::to_string(actCount) +
                                    " acts sum to 0, expected a positive total");
        resolved[raw.state] = std::move(values);
    }
}

} // namespace

void applyGameDefaults(Scenario& scenario, const LoadContext& context)
{
    core::PayoffMatrix standard;
    switch (scenario.game.kind)
    {
    case GameKind::PrisonersDilemma:
        standard = {3.0, 0.0, 5.0, 1.0};
        break;
    case GameKind::StagHunt:
        standard = {4.0, 0.0, 3.0, 2.0};
        break;
    case GameKind::HawkDove:
        standard = {1.0, 0.0, 2.0, -0.5}; // V = 2, C = 3: R = V/2, S = 0, T = V, P = (V - C)/2
        break;
    case GameKind::Chicken:
        standard = {3.0, 1.0, 4.0, 0.0};
        break;
    case GameKind::Cyber:
    case GameKind::Custom:
    case GameKind::Matrix: // derived from the payoff table once it is checked (checkMatrixGame)
        return;
    }
    auto& m = scenario.game.matrix;
    if (!context.isGiven("game.reward"))
        m.reward = standard.reward;
    if (!context.isGiven("game.sucker"))
        m.sucker = standard.sucker;
    if (!context.isGiven("game.temptation"))
        m.temptation = standard.temptation;
    if (!context.isGiven("game.punishment"))
        m.punishment = standard.punishment;
}

void validateScenario(Scenario& s, LoadContext& context, const core::Catalogue& catalogue,
                      const std::filesystem::path& baseDir)
{
    // State names: the listed ones, then the generated S001, S002...
    std::set<std::string> known;
    std::vector<std::string> knownList;
    for (std::size_t i = 0; i < s.states.size(); ++i)
    {
        const auto& name = s.states[i].name;
        const auto base = "states[" + std::to_string(i) + "]";
        if (name.empty())
            context.error(context.isGiven(base + ".name") ? base + ".name" : base,
                          context.isGiven(base + ".name") ? "is empty, expected a unique state name"
                                                          : "has no name, expected name = \"<unique name>\"");
        else if (!known.insert(name).second)
        {
            const auto first =
                std::find_if(s.states.begin(), s.states.end(), [&](const StateDef& d) { return d.name == name; }) -
                s.states.begin();
            context.error(base + ".name", "is " + quote(name) + ", already the name of states[" +
                                              std::to_string(first) + "], expected a unique name");
        }
        else
            knownList.push_back(name);
    }
    const std::size_t n = s.states.size() + static_cast<std::size_t>(std::max(0, s.generate.count));
    for (std::size_t i = s.states.size(); i < n; ++i)
    {
        char name[24];
        std::snprintf(name, sizeof name, "S%03zu", i + 1);
        known.insert(name);
    }
    if (n == 0)
        context.error("", "the world is empty: no [[states]] and generate.count is 0, expected at least 2 states");
    else if (n == 1)
        context.error(s.states.empty() ? "generate.count" : "states", "the world needs at least 2 states, found 1");

    // Doctrines and strategies.
    checkMatrixGame(s, context);
    std::vector<std::string> doctrineNames, strategyNames;
    for (const auto* d : catalogue.doctrines())
        doctrineNames.push_back(d->name);
    for (const auto& act : s.game.actions)
        doctrineNames.push_back("pure:" + act);
    for (const auto* st : catalogue.strategies())
        strategyNames.push_back(st->name);
    const auto checkDoctrine = [&](const std::string& path, const std::string& name)
    {
        if (catalogue.resolveDoctrine(name, s.game.actions))
            return;
        if (name.starts_with("pure:") && s.game.kind != GameKind::Matrix)
            context.error(path, "is " + quote(name) +
                                    ", but pure:<act> doctrines play an act of a matrix game, expected game.kind = "
                                    "\"matrix\" or a doctrine name (`cybersim list` shows them)");
        else if (name.starts_with("pure:"))
            context.error(path, "is " + quote(name) + ", expected pure:<act> with an act of game.actions" +
                                    suggestion(name, doctrineNames));
        else
            context.error(path, "is " + quote(name) + ", expected a doctrine name" + suggestion(name, doctrineNames) +
                                    " (`cybersim list` shows them)");
    };
    for (std::size_t i = 0; i < s.states.size(); ++i)
    {
        const auto base = "states[" + std::to_string(i) + "]";
        checkDoctrine(base + ".doctrine", s.states[i].doctrine);
        const auto& strategy = s.states[i].strategy;
        if (!strategy.empty() && catalogue.strategy(strategy) == nullptr)
            context.error(base + ".strategy", "is " + quote(strategy) + ", expected a strategy name" +
                                                  suggestion(strategy, strategyNames) +
                                                  " (`cybersim list` shows them)");
    }
    std::vector<std::vector<double>> params;
    checkStrategyParams(s, catalogue, context, params);
    for (const auto& raw : context.strategyParams)
        s.states[raw.state].strategyParams = params[raw.state];

    // Generated states.
    const auto& gen = s.generate;
    for (std::size_t k = 0; k < gen.doctrines.size(); ++k)
        checkDoctrine("generate.doctrines[" + std::to_string(k) + "]", gen.doctrines[k]);
    if (!gen.doctrineShares.empty() && gen.doctrineShares.size() != gen.doctrines.size())
        context.error("generate.doctrine_shares", "has " + std::to_string(gen.doctrineShares.size()) + " shares for " +
                                                      std::to_string(gen.doctrines.size()) +
                                                      " doctrines, expected one share per doctrine");
    double total = 0.0;
    bool sharesOk = true;
    for (std::size_t k = 0; k < gen.doctrineShares.size(); ++k)
    {
        const double v = gen.doctrineShares[k];
        if (!std::isfinite(v) || v < 0.0)
        {
            sharesOk = false;
            context.error("generate.doctrine_shares[" + std::to_string(k) + "]",
                          "is " + formatValue(v) + ", expected " +
                              (std::isfinite(v) ? ">= 0" : "a finite number >= 0"));
        }
        else
            total += v;
    }
    if (sharesOk && !gen.doctrineShares.empty() && total <= 0.0)
        context.error("generate.doctrine_shares", "sum to 0, expected a positive total");

    if (n >= 2)
        checkNetwork(s, n, context);
    checkGroupGame(s, n, context);

    // Explicit edges.
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < s.network.edges.size(); ++i)
    {
        const auto& e = s.network.edges[i];
        const auto base = "network.edges[" + std::to_string(i) + "]";
        bool ok = true;
        for (const auto& [field, value] : {std::pair{".a", &e.a}, std::pair{".b", &e.b}})
        {
            if (value->empty())
            {
                ok = false;
                context.error(context.isGiven(base + field) ? base + field : base,
                              std::string("needs ") + (field + 1) + " = \"<state name>\"");
            }
            else if (known.count(*value) == 0)
            {
                ok = false;
                context.error(base + field,
                              "is " + quote(*value) + ", expected a state name" + suggestion(*value, knownList));
            }
        }
        if (ok && e.a == e.b)
            context.error(base + ".b",
                          "is " + quote(e.b) + ", the same state as a: an edge cannot join a state to itself");
        else if (ok && !seen.insert(std::minmax(e.a, e.b)).second)
            context.error(base, "joins " + quote(e.a) + " and " + quote(e.b) + ", which an earlier edge already joins");
    }

    // Matrices: CSV files (relative to the scenario's folder) or inline tables.
    struct MatrixSource
    {
        const char* csvKey;
        const char* inlineKey;
        std::string* csv;
        NamedMatrix* matrix;
        MatrixKind kind;
    };
    for (const auto& m :
         {MatrixSource{"network.interdependence_csv", "network.interdependence", &s.network.interdependenceCsv,
                       &s.network.interdependence, MatrixKind::Interdependence},
          MatrixSource{"network.alliance_csv", "network.alliance", &s.network.allianceCsv, &s.network.alliance,
                       MatrixKind::Alliance},
          MatrixSource{"network.trust_csv", "network.trust", &s.network.trustCsv, &s.network.trust, MatrixKind::Trust}})
    {
        if (!m.csv->empty())
        {
            if (context.isGiven(m.inlineKey))
            {
                context.error(m.inlineKey,
                              std::string("is given together with ") + m.csvKey + ", expected one of them");
                continue;
            }
            const std::filesystem::path csvPath(*m.csv);
            const auto full = csvPath.is_absolute() || baseDir.empty() ? csvPath : baseDir / csvPath;
            const auto text = readTextFile(full, context, context.locate(m.csvKey), m.csvKey);
            if (!text)
                continue;
            NamedMatrix parsed;
            if (!parseCsvMatrix(*text, full.string(), m.csvKey, context, parsed))
                continue;
            *m.matrix = std::move(parsed);
            checkMatrix(*m.matrix, m.kind, m.csvKey, {full.string(), 0, 0}, known, knownList, context);
        }
        else if (context.isGiven(m.inlineKey))
            checkMatrix(*m.matrix, m.kind, m.inlineKey, context.locate(m.inlineKey), known, knownList, context);
    }

    // Norm issues.
    std::set<std::string> issueNames;
    for (std::size_t i = 0; i < s.governance.issues.size(); ++i)
    {
        const auto& name = s.governance.issues[i].name;
        const auto base = "governance.issues[" + std::to_string(i) + "]";
        if (name.empty())
            context.error(context.isGiven(base + ".name") ? base + ".name" : base,
                          "has no name, expected name = \"<unique issue name>\"");
        else if (!issueNames.insert(name).second)
            context.error(base + ".name", "is " + quote(name) + ", already the name of an earlier issue");
    }

    checkEvents(s, known, knownList, context);
    checkClaims(s, context);
}

} // namespace cybersim::scenario::detail
