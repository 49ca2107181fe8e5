// SPDX-License-Identifier: MIT
// Reading scenarios: the guard, toml++ parsing, command-line overrides, conversion of every key through the schema,
// then the cross-field checks. toml++ is slow to compile: in this library only this file includes it; the other TOML
// readers (sweep specs, lessons) include it too and share detail/toml_support.hpp with it.
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/scenario/detail/toml_support.hpp"

#include "cybersim/scenario/detail/scenario_load_context.hpp"
#include "cybersim/scenario/detail/toml_guard.hpp"

#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/scenario/scenario_schema.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <functional>

namespace cybersim::scenario
{

namespace
{

using detail::LoadContext;

void record(LoadContext& context, const std::string& path, const toml::source_region& region)
{
    context.record(path, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column));
}

std::string expectedText(const ParameterInfo& p)
{
    switch (p.type)
    {
    case ValueType::Real:
        return "a number";
    case ValueType::Integer:
        return "an integer";
    case ValueType::Bool:
        return "true or false";
    case ValueType::Text:
        return "a string";
    case ValueType::Choice:
        break;
    }
    return "one of " + p.rangeText();
}

std::string indexed(const std::string& path, std::size_t i)
{
    return path + "[" + std::to_string(i) + "]";
}

const std::vector<std::string>& tableNames()
{
    static const std::vector<std::string> names{
        "run",          "network",     "generate",   "game",     "noise",     "trust", "arms", "common_security",
        "surveillance", "sovereignty", "governance", "learning", "group_game"};
    return names;
}

// Turns a scenario's TOML tree into a Scenario, reporting unknown keys, wrong types and out-of-range values.
class Reader
{
public:
    Reader(LoadContext& context, Scenario& scenario) : m_context(context), m_s(scenario) {}

    void readRoot(const toml::table& root)
    {
        std::vector<std::string> extra = tableNames();
        extra.insert(extra.end(), {"states", "events", "claims"});
        readTable(root, "", false, "", 0, extra,
                  [this](const std::string& key, const toml::node& node, const std::string& path)
                  {
                      const auto& names = tableNames();
                      if (std::find(names.begin(), names.end(), key) != names.end())
                      {
                          if (const auto* t = node.as_table())
                              readGroup(key, *t);
                          else
                              m_context.error(path, "is " + detail::tomlKindText(node) + ", expected a table ([" + key +
                                                        "])");
                          return true;
                      }
                      if (key == "states")
                      {
                          readStates(node, path);
                          return true;
                      }
                      if (key == "events")
                      {
                          readArrayOfTables(node, path,
                                            [this](const toml::table& t, std::size_t i, const std::string& at)
                                            {
                                                m_s.events.emplace_back();
                                                m_s.events.back().line = static_cast<int>(t.source().begin.line);
                                                readTable(t, "events", true, at, i, {}, nullptr);
                                            });
                          return true;
                      }
                      if (key == "claims")
                      {
                          readArrayOfTables(node, path,
                                            [this](const toml::table& t, std::size_t i, const std::string& at)
                                            {
                                                m_s.claims.emplace_back();
                                                m_s.claims.back().line = static_cast<int>(t.source().begin.line);
                                                readTable(t, "claims", true, at, i, {}, nullptr);
                                            });
                          return true;
                      }
                      return false;
                  });
    }

    // Reads the value of a list-valued key (a listParameters() entry, full path) into the scenario; false for any
    // other key. Shared by the [generate] and [game] tables and by sweep specs (readListValue).
    bool readListKey(const std::string& key, const toml::node& node, const std::string& path)
    {
        if (key == "generate.doctrines")
            readStringList(node, path, m_s.generate.doctrines);
        else if (key == "generate.doctrine_shares")
            readNumberList(node, path, m_s.generate.doctrineShares, false);
        else if (key == "game.actions")
            readStringList(node, path, m_s.game.actions);
        else if (key == "game.cooperative_actions")
            readStringList(node, path, m_s.game.cooperativeActions);
        else if (key == "game.payoffs")
            readRows(node, path, m_s.game.payoffs);
        else
            return false;
        return true;
    }

private:
    using Special = std::function<bool(const std::string& key, const toml::node& node, const std::string& path)>;

    void readScalar(const ParameterInfo& p, std::size_t index, const toml::node& node, const std::string& path)
    {
        const auto value = detail::tomlScalar(node);
        if (!value)
        {
            m_context.error(path, "is " + detail::tomlKindText(node) + ", expected " + expectedText(p));
            return;
        }
        if (const auto problem = p.checkValue(*value))
        {
            m_context.error(path, *problem);
            return;
        }
        p.set(m_s, *value, index);
    }

    static std::vector<std::string> fieldsOf(const std::string& group, bool element)
    {
        std::vector<std::string> fields;
        for (const auto& p : parameters())
            if (p.group == group && p.isElementKey() == element)
                fields.emplace_back(p.field());
        return fields;
    }

    void readTable(const toml::table& table, const std::string& group, bool element, const std::string& prefix,
                   std::size_t index, const std::vector<std::string>& extra, const Special& special)
    {
        for (auto&& [key, node] : table)
        {
            const std::string k(key.str());
            const auto path = prefix.empty() ? k : prefix + "." + k;
            record(m_context, path, key.source());
            const bool plain = k.find_first_of(".[]") == std::string::npos;
            const auto schemaKey = element ? group + "[]." + k : group.empty() ? k : group + "." + k;
            const ParameterInfo* p = plain ? findParameter(schemaKey) : nullptr;
            if (p != nullptr && p->group == group && p->isElementKey() == element)
                readScalar(*p, index, node, path);
            else if (!(plain && special && special(k, node, path)))
            {
                auto candidates = fieldsOf(group, element);
                candidates.insert(candidates.end(), extra.begin(), extra.end());
                const auto near = core::suggestNearest(k, candidates);
                const auto where = group.empty() ? std::string("at the top level")
                                   : element     ? "in [[" + group + "]]"
                                                 : "in [" + group + "]";
                m_context.error(path, "unknown key " + formatValue(k) + " " + where +
                                          (near ? " (did you mean " + formatValue(*near) + "?)" : std::string()));
            }
        }
    }

    template <typename PerElement>
    void readArrayOfTables(const toml::node& node, const std::string& path, PerElement&& perElement)
    {
        const auto* array = node.as_array();
        if (array == nullptr)
        {
            m_context.error(path,
                            "is " + detail::tomlKindText(node) + ", expected an array of tables ([[" + path + "]])");
            return;
        }
        for (std::size_t i = 0; i < array->size(); ++i)
        {
            const auto& element = *array->get(i);
            const auto at = indexed(path, i);
            record(m_context, at, element.source());
            if (const auto* t = element.as_table())
                perElement(*t, i, at);
            else
            {
                m_context.error(at, "is " + detail::tomlKindText(element) + ", expected a table");
                perElement(toml::table{}, i, at); // keeps element indices aligned with the file
            }
        }
    }

    void readStates(const toml::node& node, const std::string& path)
    {
        readArrayOfTables(node, path,
                          [this](const toml::table& t, std::size_t i, const std::string& at)
                          {
                              m_s.states.emplace_back();
                              m_s.states.back().line = static_cast<int>(t.source().begin.line);
                              readTable(
                                  t, "states", true, at, i, {"strategy_params"},
                                  [this, i](const std::string& key, const toml::node& value, const std::string& keyPath)
                                  {
                                      if (key != "strategy_params")
                                          return false;
                                      readStrategyParams(value, keyPath, i);
                                      return true;
                                  });
                          });
    }

    void readStrategyParams(const toml::node& node, const std::string& path, std::size_t state)
    {
        detail::RawStrategyParams raw;
        raw.state = state;
        if (const auto* t = node.as_table())
        {
            for (auto&& [key, value] : *t)
            {
                const std::string name(key.str());
                const auto at = path + "." + name;
                record(m_context, at, key.source());
                if (const auto v = detail::tomlScalar(value))
                    raw.named.emplace_back(name, *v);
                else
                    m_context.error(at, "is " + detail::tomlKindText(value) + ", expected a number");
            }
        }
        else if (const auto* a = node.as_array())
        {
            raw.byName = false;
            for (std::size_t k = 0; k < a->size(); ++k)
            {
                const auto& value = *a->get(k);
                record(m_context, indexed(path, k), value.source());
                if (const auto v = detail::tomlScalar(value))
                    raw.listed.push_back(*v);
                else
                {
                    m_context.error(indexed(path, k), "is " + detail::tomlKindText(value) + ", expected a number");
                    raw.listed.emplace_back(0.0);
                }
            }
        }
        else
        {
            m_context.error(path, "is " + detail::tomlKindText(node) +
                                      ", expected a table of parameters such as { p = 0.3 }");
            return;
        }
        m_context.strategyParams.push_back(std::move(raw));
    }

    void readStringList(const toml::node& node, const std::string& path, std::vector<std::string>& out)
    {
        const auto* a = node.as_array();
        if (a == nullptr)
        {
            m_context.error(path, "is " + detail::tomlKindText(node) + ", expected an array of strings");
            return;
        }
        out.clear();
        for (std::size_t k = 0; k < a->size(); ++k)
        {
            const auto& value = *a->get(k);
            record(m_context, indexed(path, k), value.source());
            if (const auto* v = value.as_string())
                out.push_back(v->get());
            else
            {
                m_context.error(indexed(path, k), "is " + detail::tomlKindText(value) + ", expected a string");
                out.emplace_back();
            }
        }
    }

    // Numbers of an array, flattening one level of nesting (matrix rows). NaN and infinities are kept for the checks.
    void readNumberList(const toml::node& node, const std::string& path, std::vector<double>& out, bool allowRows)
    {
        const auto* a = node.as_array();
        if (a == nullptr)
        {
            m_context.error(path, "is " + detail::tomlKindText(node) + ", expected an array of numbers");
            return;
        }
        out.clear();
        for (std::size_t k = 0; k < a->size(); ++k)
        {
            const auto& value = *a->get(k);
            const auto at = indexed(path, k);
            record(m_context, at, value.source());
            if (allowRows && value.is_array())
            {
                std::vector<double> row;
                readNumberList(value, at, row, false);
                out.insert(out.end(), row.begin(), row.end());
            }
            else if (const auto* f = value.as_floating_point())
                out.push_back(f->get());
            else if (const auto* i = value.as_integer())
                out.push_back(static_cast<double>(i->get()));
            else
            {
                m_context.error(at, "is " + detail::tomlKindText(value) + ", expected a number");
                out.push_back(0.0);
            }
        }
    }

    // A table of numbers written as rows, e.g. [[0, 1], [1, 0]]; row lengths are kept for the checks.
    void readRows(const toml::node& node, const std::string& path, std::vector<std::vector<double>>& out)
    {
        const auto* a = node.as_array();
        if (a == nullptr)
        {
            m_context.error(path, "is " + detail::tomlKindText(node) + ", expected an array of rows [[...], ...]");
            return;
        }
        out.clear();
        for (std::size_t k = 0; k < a->size(); ++k)
        {
            const auto& row = *a->get(k);
            const auto at = indexed(path, k);
            record(m_context, at, row.source());
            out.emplace_back();
            if (row.is_array())
                readNumberList(row, at, out.back(), false);
            else
                m_context.error(at, "is " + detail::tomlKindText(row) + ", expected a row (an array of numbers)");
        }
    }

    static std::vector<std::string> listFieldsOf(const std::string& group)
    {
        std::vector<std::string> fields;
        for (const auto& p : listParameters())
            if (p.group == group)
                fields.emplace_back(p.field());
        return fields;
    }

    void readMatrix(const toml::node& node, const std::string& path, NamedMatrix& out)
    {
        const auto* t = node.as_table();
        if (t == nullptr)
        {
            m_context.error(path, "is " + detail::tomlKindText(node) +
                                      ", expected a table { names = [...], values = [[...], ...] }");
            return;
        }
        for (auto&& [key, value] : *t)
        {
            const std::string k(key.str());
            const auto at = path + "." + k;
            record(m_context, at, key.source());
            if (k == "names")
                readStringList(value, at, out.names);
            else if (k == "values")
                readNumberList(value, at, out.values, true);
            else
                m_context.error(at, "unknown key " + formatValue(k) + " in a matrix, expected names and values");
        }
    }

    void readGroup(const std::string& group, const toml::table& table)
    {
        Special special;
        std::vector<std::string> extra;
        if (group == "network")
        {
            extra = {"edges", "interdependence", "alliance", "trust"};
            special = [this](const std::string& key, const toml::node& node, const std::string& path)
            {
                if (key == "edges")
                    readArrayOfTables(node, path,
                                      [this](const toml::table& t, std::size_t i, const std::string& at)
                                      {
                                          m_s.network.edges.emplace_back();
                                          m_s.network.edges.back().line = static_cast<int>(t.source().begin.line);
                                          readTable(t, "network.edges", true, at, i, {}, nullptr);
                                      });
                else if (key == "interdependence")
                    readMatrix(node, path, m_s.network.interdependence);
                else if (key == "alliance")
                    readMatrix(node, path, m_s.network.alliance);
                else if (key == "trust")
                    readMatrix(node, path, m_s.network.trust);
                else
                    return false;
                return true;
            };
        }
        else if (group == "generate")
        {
            extra = listFieldsOf(group);
            special = [this](const std::string& key, const toml::node& node, const std::string& path)
            { return readListKey("generate." + key, node, path); };
        }
        else if (group == "game")
        {
            extra = listFieldsOf(group);
            special = [this](const std::string& key, const toml::node& node, const std::string& path)
            { return readListKey("game." + key, node, path); };
        }
        else if (group == "governance")
        {
            extra = {"issues"};
            special = [this](const std::string& key, const toml::node& node, const std::string& path)
            {
                if (key != "issues")
                    return false;
                m_s.governance.issues.clear(); // the file's agenda replaces the default one
                readArrayOfTables(node, path,
                                  [this](const toml::table& t, std::size_t i, const std::string& at)
                                  {
                                      m_s.governance.issues.emplace_back();
                                      readTable(t, "governance.issues", true, at, i, {}, nullptr);
                                  });
                return true;
            };
        }
        readTable(table, group, false, group, 0, extra, special);
    }

    LoadContext& m_context;
    Scenario& m_s;
};

std::string lowerFirst(std::string_view text)
{
    std::string out(text);
    if (!out.empty())
        out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    while (!out.empty() && (out.back() == '.' || out.back() == '\n'))
        out.pop_back();
    return out;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

struct Segment
{
    std::string name;
    std::optional<std::size_t> index;
};

std::optional<std::vector<Segment>> splitKeyPath(std::string_view path)
{
    std::vector<Segment> segments;
    std::size_t i = 0;
    while (true)
    {
        Segment segment;
        while (i < path.size() &&
               (std::isalnum(static_cast<unsigned char>(path[i])) || path[i] == '_' || path[i] == '-'))
            segment.name += path[i++];
        if (segment.name.empty())
            return std::nullopt;
        if (i < path.size() && path[i] == '[')
        {
            std::size_t index = 0, digits = 0;
            for (++i; i < path.size() && std::isdigit(static_cast<unsigned char>(path[i])) && digits < 9; ++i, ++digits)
                index = index * 10 + static_cast<std::size_t>(path[i] - '0');
            if (digits == 0 || i >= path.size() || path[i] != ']')
                return std::nullopt;
            ++i;
            segment.index = index;
        }
        segments.push_back(std::move(segment));
        if (i == path.size())
            return segments;
        if (path[i] != '.')
            return std::nullopt;
        ++i;
    }
}

// Applies "key.path=value" overrides to the parsed tree, so that they go through the same checks as the file.
void applyOverrides(LoadContext& context, toml::table& root, const std::vector<std::string>& overrides)
{
    const detail::SourceLocation where{std::string(detail::kOverrideFile), 0, 0};
    for (const auto& text : overrides)
    {
        const auto eq = text.find('=');
        const auto keyText = trim(std::string_view(text).substr(0, eq == std::string::npos ? text.size() : eq));
        if (eq == std::string::npos || keyText.empty())
        {
            context.errorAt(where, "", formatValue(text) + " is not an override, expected key.path=value");
            continue;
        }
        const std::string key(keyText);
        const auto valueText = std::string(trim(std::string_view(text).substr(eq + 1)));
        const auto segments = splitKeyPath(key);
        if (!segments)
        {
            context.errorAt(where, key, "is not a key path, expected e.g. trust.loss_rate or states[2].capability");
            continue;
        }
        if (segments->back().index)
        {
            context.errorAt(where, key, "sets one array element; set the whole array instead, e.g. key=[1, 2]");
            continue;
        }

        std::optional<toml::table> parsed;
        if (valueText.size() <= detail::kMaxFileBytes)
        {
            const auto document = "v = " + valueText;
            if (detail::guardTomlText(document, 1).empty())
            {
                try
                {
                    parsed = toml::parse(document, std::string(detail::kOverrideFile));
                }
                catch (const toml::parse_error& e)
                {
                    const bool bare =
                        !valueText.empty() && valueText.find_first_of("\"'[]{}=#,\n\r") == std::string::npos;
                    if (!bare)
                    {
                        context.errorAt(where, key,
                                        "value " + valueText + " is not a TOML value: " + lowerFirst(e.description()));
                        continue;
                    }
                }
            }
        }
        if (parsed && (parsed->size() != 1 || !parsed->contains("v")))
        {
            context.errorAt(where, key, "value " + valueText + " is not a single TOML value");
            continue;
        }

        // Walk to the table that holds the last segment, creating tables as needed.
        toml::table* table = &root;
        std::string path;
        bool ok = true;
        for (std::size_t k = 0; k + 1 < segments->size() && ok; ++k)
        {
            const auto& segment = (*segments)[k];
            path += (path.empty() ? "" : ".") + segment.name;
            toml::node* child = table->get(segment.name);
            if (segment.index)
            {
                auto* array = child != nullptr ? child->as_array() : nullptr;
                const auto count = array != nullptr ? array->size() : 0;
                auto* element = array != nullptr && *segment.index < count ? array->get(*segment.index) : nullptr;
                if (element == nullptr || !element->is_table())
                {
                    context.errorAt(where, key,
                                    indexed(path, *segment.index) + " does not exist: the scenario has " +
                                        std::to_string(count) + " [[" + path + "]] element" + (count == 1 ? "" : "s"));
                    ok = false;
                    break;
                }
                path = indexed(path, *segment.index);
                table = element->as_table();
            }
            else if (child == nullptr)
                table = table->insert_or_assign(segment.name, toml::table{}).first->second.as_table();
            else if (child->is_table())
                table = child->as_table();
            else
            {
                context.errorAt(where, key, path + " is " + detail::tomlKindText(*child) + ", not a table");
                ok = false;
            }
        }
        if (!ok)
            continue;
        const auto& last = segments->back().name;
        if (parsed)
            parsed->get("v")->visit([&](auto&& value) { table->insert_or_assign(last, std::move(value)); });
        else
            table->insert_or_assign(last, valueText);
        context.addOverride(key);
    }
}

Scenario parseWith(std::string_view text, const std::string& fileName, const core::Catalogue& catalogue,
                   const std::vector<std::string>& overrides, const std::filesystem::path& baseDir)
{
    LoadContext context(fileName);
    if (text.size() > detail::kMaxFileBytes)
    {
        context.errorAt({fileName, 0, 0}, "", "is larger than 16 MiB, expected a smaller scenario");
        context.throwErrors();
    }
    for (const auto& problem : detail::guardTomlText(text))
        context.errorAt({fileName, problem.line, problem.column}, "", problem.message);
    if (context.hasErrors())
        context.throwErrors();

    toml::table root;
    try
    {
        root = toml::parse(text, fileName);
    }
    catch (const toml::parse_error& e)
    {
        const auto& begin = e.source().begin;
        context.errorAt({fileName, static_cast<int>(begin.line), static_cast<int>(begin.column)}, "",
                        "invalid TOML: " + lowerFirst(e.description()));
        context.throwErrors();
    }

    applyOverrides(context, root, overrides);
    Scenario scenario;
    scenario.sourceFile = fileName;
    Reader(context, scenario).readRoot(root);
    detail::applyGameDefaults(scenario, context);
    detail::validateScenario(scenario, context, catalogue, baseDir);
    if (context.hasErrors())
        context.throwErrors();
    return scenario;
}

std::filesystem::path folderOf(std::string_view fileName)
{
    if (fileName.empty() || fileName.front() == '<')
        return {};
    return std::filesystem::path(fileName).parent_path();
}

} // namespace

namespace detail
{

bool readListValue(const std::string& key, const toml::node& node, Scenario& scenario, LoadContext& context)
{
    const auto& lists = listParameters();
    if (std::none_of(lists.begin(), lists.end(), [&](const ListParameterInfo& p) { return p.key == key; }))
        return false;
    record(context, key, node.source());
    return Reader(context, scenario).readListKey(key, node, key);
}

std::string listValueText(const Scenario& scenario, const std::string& key)
{
    const auto reals = [](const std::vector<double>& values)
    {
        std::string out = "[";
        for (std::size_t i = 0; i < values.size(); ++i)
            out += (i == 0 ? "" : ", ") + formatValue(values[i]);
        return out + "]";
    };
    const auto texts = [](const std::vector<std::string>& values)
    {
        std::string out = "[";
        for (std::size_t i = 0; i < values.size(); ++i)
            out += (i == 0 ? "" : ", ") + formatValue(values[i]);
        return out + "]";
    };
    if (key == "generate.doctrines")
        return texts(scenario.generate.doctrines);
    if (key == "generate.doctrine_shares")
        return reals(scenario.generate.doctrineShares);
    if (key == "game.actions")
        return texts(scenario.game.actions);
    if (key == "game.cooperative_actions")
        return texts(scenario.game.cooperativeActions);
    if (key == "game.payoffs")
    {
        std::string out = "[";
        for (std::size_t r = 0; r < scenario.game.payoffs.size(); ++r)
            out += (r == 0 ? "" : ", ") + reals(scenario.game.payoffs[r]);
        return out + "]";
    }
    return {};
}

std::optional<std::string> applyListText(Scenario& scenario, const std::string& key, std::string_view text)
{
    const auto document = "v = " + std::string(text);
    const auto shown = std::string(text.substr(0, 80)) + (text.size() > 80 ? "..." : "");
    if (text.size() > kMaxFileBytes || !guardTomlText(document, 1).empty())
        return "is " + shown + ", expected the TOML text of an array";
    toml::table parsed;
    try
    {
        parsed = toml::parse(document, std::string("<value>"));
    }
    catch (const toml::parse_error& e)
    {
        return "is " + shown + ", not a TOML value: " + lowerFirst(e.description());
    }
    const auto* node = parsed.get("v");
    if (parsed.size() != 1 || node == nullptr)
        return "is " + shown + ", expected a single TOML array";
    LoadContext context("<value>");
    if (!readListValue(key, *node, scenario, context))
        return "names no list-valued key, expected one of the keys listed as lists by `cybersim schema`";
    if (!context.hasErrors())
        return std::nullopt;
    std::string problems;
    for (const auto& d : context.diagnostics())
        problems += (problems.empty() ? "" : "; ") + d.keyPath + " " + d.message;
    return problems;
}

} // namespace detail

Scenario parseScenario(std::string_view text, std::string_view fileName, const core::Catalogue& catalogue,
                       const std::vector<std::string>& overrides)
{
    return parseWith(text, std::string(fileName), catalogue, overrides, folderOf(fileName));
}

Scenario loadScenarioFile(const std::filesystem::path& path, const core::Catalogue& catalogue,
                          const std::vector<std::string>& overrides)
{
    LoadContext context(path.string());
    const auto text = detail::readTextFile(path, context, {path.string(), 0, 0}, "");
    if (!text)
        context.throwErrors();
    return parseWith(*text, path.string(), catalogue, overrides, path.parent_path());
}

Scenario defaultScenario(const core::Catalogue& catalogue, const std::vector<std::string>& overrides)
{
    return parseWith(defaultScenarioText(), "<default>", catalogue, overrides, {});
}

Scenario validateScenario(const Scenario& scenario, const core::Catalogue& catalogue)
{
    // Through the written form: the writer decides which keys a scenario gives and the loader checks them, so a
    // scenario built in code meets exactly the rules and messages of a file, new keys included. Places in that text
    // mean nothing to the caller: problems keep their key paths, scenario parts their own source lines.
    try
    {
        auto resolved = parseWith(writeScenario(scenario), "<scenario>", catalogue, {}, {});
        resolved.sourceFile = scenario.sourceFile;
        for (std::size_t i = 0; i < resolved.states.size() && i < scenario.states.size(); ++i)
            resolved.states[i].line = scenario.states[i].line;
        for (std::size_t i = 0; i < resolved.network.edges.size() && i < scenario.network.edges.size(); ++i)
            resolved.network.edges[i].line = scenario.network.edges[i].line;
        for (std::size_t i = 0; i < resolved.events.size() && i < scenario.events.size(); ++i)
            resolved.events[i].line = scenario.events[i].line;
        return resolved;
    }
    catch (const ScenarioError& error)
    {
        auto diagnostics = error.diagnostics();
        for (auto& d : diagnostics)
        {
            d.file.clear();
            d.line = 0;
            d.column = 0;
        }
        throw ScenarioError(std::move(diagnostics));
    }
}

} // namespace cybersim::scenario
