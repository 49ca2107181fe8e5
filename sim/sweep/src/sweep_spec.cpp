// SPDX-License-Identifier: MIT
// Reading sweep specs: the TOML guard, toml++ parsing and a check of every key, gathering all problems at once.
// The only sweep translation unit that includes toml++.
#include "cybersim/scenario/detail/toml_support.hpp"
#include "cybersim/sweep/sweep_plan.hpp"

#include "cybersim/scenario/detail/scenario_load_context.hpp"
#include "cybersim/scenario/detail/toml_guard.hpp"
#include "cybersim/scenario/nearest_key.hpp"

#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/records/run_record.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>

namespace cybersim::sweep
{

namespace
{

constexpr std::size_t kMaxSpecBytes = 16u * 1024u * 1024u;
constexpr std::int64_t kMaxReplicates = 1000000;
constexpr std::int64_t kMaxSamples = 10000000;
constexpr std::size_t kMaxGridValues = 1000000;

std::string inQuotes(std::string_view s)
{
    return scenario::formatValue(std::string(s));
}

std::optional<double> numberOf(const toml::node& node)
{
    if (const auto* v = node.as_floating_point())
        return v->get();
    if (const auto* v = node.as_integer())
        return static_cast<double>(v->get());
    return std::nullopt;
}

// Gathers diagnostics located in the spec file.
class Diagnostics
{
public:
    explicit Diagnostics(std::string file) : m_file(std::move(file)) {}

    void error(const toml::source_region& at, const std::string& key, std::string message)
    {
        m_list.push_back(Diagnostic{m_file, static_cast<int>(at.begin.line), static_cast<int>(at.begin.column), key,
                                    std::move(message)});
    }
    void errorAt(int line, int column, const std::string& key, std::string message)
    {
        m_list.push_back(Diagnostic{m_file, line, column, key, std::move(message)});
    }
    void throwIfAny()
    {
        if (m_list.empty())
            return;
        std::stable_sort(m_list.begin(), m_list.end(),
                         [](const Diagnostic& a, const Diagnostic& b)
                         { return std::tie(a.line, a.column) < std::tie(b.line, b.column); });
        throw ScenarioError(std::move(m_list));
    }

private:
    std::string m_file;
    std::vector<Diagnostic> m_list;
};

// The list-valued key (game.payoffs, generate.doctrine_shares...) a path names exactly, or nullptr.
const scenario::ListParameterInfo* listKeyInfo(std::string_view path)
{
    for (const auto& p : scenario::listParameters())
        if (p.key == path)
            return &p;
    return nullptr;
}

std::string stemOf(std::string_view fileName)
{
    return std::filesystem::path(std::string(fileName)).stem().string();
}

// Rounds a computed grid value to 12 significant digits, so 0.1 * 3 is written as 0.3 and not 0.30000000000000004.
double tidy(double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.12g", value);
    return std::strtod(buffer, nullptr);
}

class SpecReader
{
public:
    SpecReader(Diagnostics& diagnostics, SweepSpec& spec) : m_d(diagnostics), m_spec(spec) {}

    void readRoot(const toml::table& root)
    {
        static const std::vector<std::string> known{"name",       "description", "scenario", "seed",
                                                    "replicates", "sampling",    "samples",  "series",
                                                    "set",        "parameters",  "metrics"};
        for (auto&& [k, node] : root)
        {
            const std::string key(k.str());
            const auto& at = k.source();
            if (key == "name")
                readString(node, key, m_spec.name);
            else if (key == "description")
                readString(node, key, m_spec.description);
            else if (key == "scenario")
            {
                readString(node, key, m_spec.scenario);
                if (m_spec.scenario.empty())
                    m_d.error(node.source(), key, "is empty, expected \"default\", a shipped scenario name or a path");
            }
            else if (key == "seed")
            {
                const auto* v = node.as_integer();
                if (v == nullptr || v->get() < 0)
                    m_d.error(node.source(), key,
                              "is " + describe(node) + ", expected an integer >= 0 (the base seed of every run)");
                else
                    m_spec.seed = static_cast<std::uint64_t>(v->get());
            }
            else if (key == "replicates")
                m_spec.replicates = readCount(node, key, kMaxReplicates, "runs per point");
            else if (key == "samples")
            {
                m_samplesAt = node.source();
                m_spec.samples = readCount(node, key, kMaxSamples, "points to draw");
            }
            else if (key == "sampling")
                readSampling(node);
            else if (key == "series")
                readSeries(node);
            else if (key == "set")
                readSet(node);
            else if (key == "parameters")
                readArrayOfTables(node, key,
                                  [this](const toml::table& t, const std::string& path) { readParameter(t, path); });
            else if (key == "metrics")
                readArrayOfTables(node, key,
                                  [this](const toml::table& t, const std::string& path) { readMetric(t, path); });
            else
                unknownKey(at, key, key, known, "at the top level");
        }
        if (root.get("replicates") == nullptr)
            m_spec.replicates = 1;
        if (m_spec.metrics.empty() && root.get("metrics") == nullptr)
            m_d.errorAt(1, 1, "metrics",
                        "no metrics, expected at least one [[metrics]] table such as { of = \"cooperation_rate\" }");
        checkSampling(root);
        checkNames();
    }

private:
    static std::string describe(const toml::node& node)
    {
        if (const auto v = scenario::detail::tomlScalar(node))
            return scenario::formatValue(*v);
        return scenario::detail::tomlKindText(node);
    }

    void unknownKey(const toml::source_region& at, const std::string& path, const std::string& key,
                    const std::vector<std::string>& known, const std::string& where)
    {
        const auto near = core::suggestNearest(key, known);
        m_d.error(
            at, path,
            "unknown key " + inQuotes(key) + " " + where +
                (near ? " (did you mean " + inQuotes(*near) + "?)" : std::string(", expected one of ") + join(known)));
    }

    static std::string join(const std::vector<std::string>& words)
    {
        std::string out;
        for (const auto& w : words)
            out += (out.empty() ? "" : ", ") + w;
        return out;
    }

    void readString(const toml::node& node, const std::string& path, std::string& out)
    {
        if (const auto* v = node.as_string())
            out = v->get();
        else
            m_d.error(node.source(), path, "is " + describe(node) + ", expected a string");
    }

    int readCount(const toml::node& node, const std::string& path, std::int64_t max, const std::string& what)
    {
        const auto* v = node.as_integer();
        if (v == nullptr || v->get() < 1 || v->get() > max)
        {
            m_d.error(node.source(), path,
                      "is " + describe(node) + ", expected an integer in [1, " + std::to_string(max) + "] (" + what +
                          ")");
            return 0;
        }
        return static_cast<int>(v->get());
    }

    void readSampling(const toml::node& node)
    {
        static const std::vector<std::string> methods{"grid", "uniform", "latin-hypercube"};
        const auto* v = node.as_string();
        if (v == nullptr)
        {
            m_d.error(node.source(), "sampling",
                      "is " + describe(node) + ", expected one of grid | uniform | latin-hypercube");
            return;
        }
        const std::string text = v->get();
        if (text == "grid")
            m_spec.sampling = SweepSampling::Grid;
        else if (text == "uniform")
            m_spec.sampling = SweepSampling::Uniform;
        else if (text == "latin-hypercube")
            m_spec.sampling = SweepSampling::LatinHypercube;
        else
        {
            const auto near = core::suggestNearest(text, methods);
            m_d.error(node.source(), "sampling",
                      "is " + inQuotes(text) + ", expected one of grid | uniform | latin-hypercube" +
                          (near ? " (did you mean " + inQuotes(*near) + "?)" : std::string()));
        }
        m_samplingGiven = true;
    }

    void readSeries(const toml::node& node)
    {
        const auto* a = node.as_array();
        if (a == nullptr)
        {
            m_d.error(node.source(), "series",
                      "is " + describe(node) + ", expected an array of run indices such as [0, 1]");
            return;
        }
        for (std::size_t i = 0; i < a->size(); ++i)
        {
            const auto& element = *a->get(i);
            const auto* v = element.as_integer();
            if (v == nullptr || v->get() < 0)
                m_d.error(element.source(), "series[" + std::to_string(i) + "]",
                          "is " + describe(element) + ", expected a run index >= 0");
            else
                m_spec.seriesRuns.push_back(static_cast<std::uint64_t>(v->get()));
        }
    }

    // [set] may use dotted keys (noise.false_attribution = 0.1) or nested tables ([set.noise]); both flatten to paths.
    void readSet(const toml::node& node)
    {
        const auto* t = node.as_table();
        if (t == nullptr)
        {
            m_d.error(node.source(), "set", "is " + describe(node) + ", expected a table of key paths and values");
            return;
        }
        flattenSet(*t, "");
    }

    void flattenSet(const toml::table& table, const std::string& prefix)
    {
        for (auto&& [k, node] : table)
        {
            const auto path = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
            if (const auto* inner = node.as_table())
            {
                flattenSet(*inner, path);
                continue;
            }
            if (listKeyInfo(path) != nullptr)
            {
                if (auto text = readList(node, path, "set." + path, ""))
                    m_spec.set.emplace_back(path, std::move(*text));
                continue;
            }
            const auto value = scenario::detail::tomlScalar(node);
            if (!value)
            {
                m_d.error(node.source(), "set." + path,
                          "is " + scenario::detail::tomlKindText(node) + ", expected a single value");
                continue;
            }
            if (const auto problem = checkKey(path))
            {
                m_d.error(k.source(), "set." + path, *problem);
                continue;
            }
            if (const auto problem = infoOf(path)->checkValue(*value))
            {
                m_d.error(node.source(), "set." + path, *problem);
                continue;
            }
            m_spec.set.emplace_back(path, *value);
        }
    }

    template <typename PerElement>
    void readArrayOfTables(const toml::node& node, const std::string& path, PerElement&& perElement)
    {
        const auto* a = node.as_array();
        if (a == nullptr)
        {
            m_d.error(node.source(), path,
                      "is " + scenario::detail::tomlKindText(node) + ", expected an array of tables ([[" + path +
                          "]])");
            return;
        }
        if (a->empty())
            m_d.error(node.source(), path, "is empty, expected at least one [[" + path + "]] table");
        for (std::size_t i = 0; i < a->size(); ++i)
        {
            const auto& element = *a->get(i);
            const auto at = path + "[" + std::to_string(i) + "]";
            if (const auto* t = element.as_table())
                perElement(*t, at);
            else
                m_d.error(element.source(), at, "is " + scenario::detail::tomlKindText(element) + ", expected a table");
        }
    }

public:
    // Checks that a key path names a scalar scenario key; "arr[*].field" is accepted for every element.
    static std::optional<std::string> checkKey(const std::string& path)
    {
        std::string lookup = path;
        if (const auto star = lookup.find("[*]"); star != std::string::npos)
            lookup.replace(star, 3, "[]");
        const auto ref = scenario::resolveParameter(lookup);
        const auto* info = ref.info != nullptr ? ref.info : scenario::findParameter(lookup);
        if (info == nullptr && listKeyInfo(path) != nullptr)
            return std::nullopt;
        if (info == nullptr)
        {
            const auto near = scenario::nearestKey(lookup);
            return "unknown key path " + inQuotes(path) + " (see `cybersim schema`)" +
                   (near ? ", did you mean " + inQuotes(*near) + "?" : std::string());
        }
        if (info->key == "run.seed")
            return std::string("run.seed cannot be set or swept: each run's seed is derived from the sweep's seed, "
                               "point and replicate");
        if (info->isElementKey() && path.find('[') != std::string::npos && path.find("[]") != std::string::npos)
            return "names no element, expected " +
                   inQuotes(info->key.substr(0, info->key.find("[]")) + "[2]." + std::string(info->field())) + " or " +
                   inQuotes(info->key.substr(0, info->key.find("[]")) + "[*]." + std::string(info->field()));
        return std::nullopt;
    }

    static const scenario::ParameterInfo* infoOf(const std::string& path)
    {
        std::string lookup = path;
        if (const auto star = lookup.find("[*]"); star != std::string::npos)
            lookup.replace(star, 3, "[]");
        const auto ref = scenario::resolveParameter(lookup);
        return ref.info != nullptr ? ref.info : scenario::findParameter(lookup);
    }

private:
    void readParameter(const toml::table& t, const std::string& path)
    {
        static const std::vector<std::string> known{"key", "values", "from", "to", "step", "count", "min", "max"};
        SweepParameter p;
        p.line = static_cast<int>(t.source().begin.line);
        const scenario::ParameterInfo* info = nullptr;
        bool keyOk = false;
        for (auto&& [k, node] : t)
        {
            const std::string key(k.str());
            if (std::find(known.begin(), known.end(), key) == known.end())
                unknownKey(k.source(), path + "." + key, key, known, "in [[parameters]]");
        }
        if (const auto* node = t.get("key"))
        {
            if (const auto* s = node->as_string())
            {
                p.key = s->get();
                if (const auto problem = checkKey(p.key))
                    m_d.error(node->source(), path + ".key", *problem);
                else
                {
                    info = infoOf(p.key);
                    keyOk = true;
                    for (const auto& other : m_spec.parameters)
                        if (other.key == p.key)
                        {
                            m_d.error(node->source(), path + ".key",
                                      inQuotes(p.key) + " is swept twice (also at line " + std::to_string(other.line) +
                                          "), expected each key once");
                            keyOk = false;
                        }
                }
            }
            else
                m_d.error(node->source(), path + ".key", "is " + describe(*node) + ", expected a key path string");
        }
        else
            m_d.error(t.source(), path, "has no key, expected key = \"group.name\" (see `cybersim schema`)");

        const bool hasValues = t.contains("values");
        const bool hasRange = t.contains("from") || t.contains("to") || t.contains("step") || t.contains("count");
        const bool hasSample = t.contains("min") || t.contains("max");
        if (int(hasValues) + int(hasRange) + int(hasSample) != 1)
        {
            m_d.error(t.source(), path,
                      std::string(hasValues || hasRange || hasSample ? "mixes" : "has none of") +
                          " values = [...], from/to/step (or count), and min/max (sampled); expected exactly one");
            if (keyOk)
                m_spec.parameters.push_back(std::move(p));
            return;
        }
        if (info != nullptr)
            p.integer = info->type == scenario::ValueType::Integer;
        if (const auto* list = keyOk ? listKeyInfo(p.key) : nullptr)
        {
            // A list-valued key takes whole arrays, one per point; there is no order to range over or sample from.
            p.list = true;
            if (hasValues)
                readListValues(t, path, p);
            else
                m_d.error(t.source(), path,
                          p.key + " is a list-valued key (" + list->type + ": " + list->range +
                              "), expected values = [[...], [...]] listing whole arrays; from/to/step and min/max "
                              "vary single numbers only");
            m_spec.parameters.push_back(std::move(p));
            return;
        }
        if (hasValues)
            readValues(t, path, p, info);
        else if (hasRange)
            readRange(t, path, p, info);
        else
            readSampleRange(t, path, p, info);
        m_spec.parameters.push_back(std::move(p));
    }

    void checkValue(const scenario::ParameterInfo* info, const scenario::ParamValue& value,
                    const toml::source_region& at, const std::string& path)
    {
        if (info == nullptr)
            return;
        if (const auto problem = info->checkValue(value))
            m_d.error(at, path, *problem + " (" + info->key + ")");
    }

    // The `values` array of a parameter, or nullptr after reporting that it is not a non-empty array (`expected` says
    // what the array should hold).
    const toml::array* valuesOf(const toml::table& t, const std::string& path, const std::string& expected)
    {
        const auto& node = *t.get("values");
        const auto* a = node.as_array();
        if (a == nullptr)
            m_d.error(node.source(), path + ".values", "is " + describe(node) + ", expected " + expected);
        else if (a->empty())
            m_d.error(node.source(), path + ".values", "is empty, expected at least one value");
        return a != nullptr && !a->empty() ? a : nullptr;
    }

    void readValues(const toml::table& t, const std::string& path, SweepParameter& p,
                    const scenario::ParameterInfo* info)
    {
        const auto* a = valuesOf(t, path, "an array of values");
        if (a == nullptr)
            return;
        for (std::size_t i = 0; i < a->size(); ++i)
        {
            const auto& element = *a->get(i);
            const auto at = path + ".values[" + std::to_string(i) + "]";
            const auto value = scenario::detail::tomlScalar(element);
            if (!value)
            {
                m_d.error(element.source(), at,
                          "is " + scenario::detail::tomlKindText(element) + ", expected a single value");
                continue;
            }
            checkValue(info, *value, element.source(), at);
            p.values.push_back(*value);
        }
    }

    // Reads a whole array given for the list-valued key `key` with the scenario loader's own reader, so that element
    // types are checked with its messages; reports each problem at `path` (the spec's key path standing for `key`)
    // and returns the value as canonical TOML text. Lengths and names are checked per point (SweepPlan). `hint` is
    // added to the message when the node is not an array at all.
    std::optional<std::string> readList(const toml::node& node, const std::string& key, const std::string& path,
                                        const std::string& hint)
    {
        scenario::Scenario scratch;
        scenario::detail::LoadContext context(m_spec.file);
        (void)scenario::detail::readListValue(key, node, scratch, context);
        if (!context.hasErrors())
            return scenario::detail::listValueText(scratch, key);
        for (const auto& d : context.diagnostics())
        {
            const auto suffix = d.keyPath.substr(std::min(d.keyPath.size(), key.size()));
            // "parameters[0].values[1]" names the scenario key in parentheses; "set.game.payoffs" already holds it.
            const bool named = path.ends_with(key);
            const bool whole = !node.is_array() && !hint.empty();
            m_d.errorAt(d.line, d.column, path + suffix,
                        d.message + (named ? std::string()
                                           : " (" + d.keyPath +
                                                 (whole ? " takes a whole array per value: " + hint : "") + ")"));
        }
        return std::nullopt;
    }

    void readListValues(const toml::table& t, const std::string& path, SweepParameter& p)
    {
        const auto* a =
            valuesOf(t, path, "an array of whole arrays such as [[...], [...]] (" + p.key + " is list-valued)");
        if (a == nullptr)
            return;
        for (std::size_t i = 0; i < a->size(); ++i)
        {
            const auto& element = *a->get(i);
            const auto at = path + ".values[" + std::to_string(i) + "]";
            if (auto text = readList(element, p.key, at, "values = [[...], [...]]"))
            {
                p.values.emplace_back(std::move(*text));
                p.valuePositions.emplace_back(static_cast<int>(element.source().begin.line),
                                              static_cast<int>(element.source().begin.column));
            }
        }
    }

    std::optional<double> number(const toml::table& t, const std::string& key, const std::string& path)
    {
        const auto* node = t.get(key);
        if (node == nullptr)
            return std::nullopt;
        const auto v = numberOf(*node);
        if (!v || !std::isfinite(*v))
        {
            m_d.error(node->source(), path + "." + key, "is " + describe(*node) + ", expected a finite number");
            return std::nullopt;
        }
        return v;
    }

    bool requireNumeric(const scenario::ParameterInfo* info, const toml::table& t, const std::string& path)
    {
        if (info != nullptr && !info->isNumeric())
        {
            m_d.error(t.source(), path,
                      info->key + " is not numeric (" + info->rangeText() +
                          "), expected values = [...] instead of a range");
            return false;
        }
        return true;
    }

    void readRange(const toml::table& t, const std::string& path, SweepParameter& p,
                   const scenario::ParameterInfo* info)
    {
        const auto from = number(t, "from", path);
        const auto to = number(t, "to", path);
        const auto step = number(t, "step", path);
        const auto count = number(t, "count", path);
        if (!requireNumeric(info, t, path))
            return;
        if (!t.contains("from") || !t.contains("to") || t.contains("step") == t.contains("count"))
        {
            m_d.error(t.source(), path, "a range needs from, to and exactly one of step or count");
            return;
        }
        if (!from || !to || (!step && !count))
            return;
        if (*to < *from)
        {
            m_d.error(t.get("to")->source(), path + ".to",
                      "is " + scenario::formatReal(*to) + ", less than from = " + scenario::formatReal(*from) +
                          "; expected to >= from");
            return;
        }
        std::size_t n = 0;
        double delta = 0.0;
        if (step)
        {
            if (*step <= 0)
            {
                m_d.error(t.get("step")->source(), path + ".step",
                          "is " + scenario::formatReal(*step) + ", expected > 0");
                return;
            }
            const double span = (*to - *from) / *step;
            if (span + 1 > double(kMaxGridValues))
            {
                m_d.error(t.get("step")->source(), path + ".step",
                          "gives more than " + std::to_string(kMaxGridValues) + " values, expected a larger step");
                return;
            }
            n = static_cast<std::size_t>(std::floor(span + 1e-9)) + 1;
            delta = *step;
        }
        else
        {
            if (*count < 1 || *count != std::floor(*count) || *count > double(kMaxGridValues))
            {
                m_d.error(t.get("count")->source(), path + ".count",
                          "is " + scenario::formatReal(*count) + ", expected an integer in [1, " +
                              std::to_string(kMaxGridValues) + "]");
                return;
            }
            n = static_cast<std::size_t>(*count);
            if (n > 1 && *to == *from)
            {
                m_d.error(t.get("to")->source(), path + ".to", "equals from, so count values would all be the same");
                return;
            }
            delta = n > 1 ? (*to - *from) / double(n - 1) : 0.0;
        }
        for (std::size_t k = 0; k < n; ++k)
        {
            const double v = (step || k + 1 < n) ? tidy(*from + double(k) * delta) : *to;
            scenario::ParamValue value =
                p.integer ? scenario::ParamValue(static_cast<std::int64_t>(std::llround(v))) : scenario::ParamValue(v);
            if (p.integer && v != std::floor(v))
            {
                m_d.error(t.source(), path,
                          "gives " + scenario::formatReal(v) + " for the integer key " + p.key +
                              ", expected whole-number from and step");
                return;
            }
            if (info != nullptr)
                if (const auto problem = info->checkValue(value))
                {
                    m_d.error(t.source(), path, "has a value that " + *problem + " (" + info->key + ")");
                    return;
                }
            p.values.push_back(value);
        }
    }

    void readSampleRange(const toml::table& t, const std::string& path, SweepParameter& p,
                         const scenario::ParameterInfo* info)
    {
        const auto min = number(t, "min", path);
        const auto max = number(t, "max", path);
        if (!requireNumeric(info, t, path))
            return;
        if (!t.contains("min") || !t.contains("max"))
        {
            m_d.error(t.source(), path, "a sampled parameter needs both min and max");
            return;
        }
        if (!min || !max)
            return;
        if (*max < *min)
        {
            m_d.error(t.get("max")->source(), path + ".max",
                      "is " + scenario::formatReal(*max) + ", less than min = " + scenario::formatReal(*min) +
                          "; expected max >= min");
            return;
        }
        if (p.integer && (*min != std::floor(*min) || *max != std::floor(*max)))
            m_d.error(t.source(), path, p.key + " takes integers, expected whole-number min and max");
        p.sampled = true;
        p.min = *min;
        p.max = *max;
        const auto asValue = [&](double v)
        { return p.integer ? scenario::ParamValue(std::int64_t(std::llround(v))) : scenario::ParamValue(v); };
        checkValue(info, asValue(*min), t.get("min")->source(), path + ".min");
        checkValue(info, asValue(*max), t.get("max")->source(), path + ".max");
    }

    void readMetric(const toml::table& t, const std::string& path)
    {
        static const std::vector<std::string> known{"name", "stat", "of", "window", "when"};
        static const std::vector<std::string> stats{"final", "mean", "time-to"};
        SweepMetric m;
        m.line = static_cast<int>(t.source().begin.line);
        for (auto&& [k, node] : t)
        {
            const std::string key(k.str());
            if (std::find(known.begin(), known.end(), key) == known.end())
                unknownKey(k.source(), path + "." + key, key, known, "in [[metrics]]");
        }
        std::string stat = "final";
        if (const auto* node = t.get("stat"))
        {
            readString(*node, path + ".stat", stat);
            if (std::find(stats.begin(), stats.end(), stat) == stats.end())
            {
                const auto near = core::suggestNearest(stat, stats);
                m_d.error(node->source(), path + ".stat",
                          "is " + inQuotes(stat) + ", expected one of final | mean | time-to" +
                              (near ? " (did you mean " + inQuotes(*near) + "?)" : std::string()));
                return;
            }
        }
        m.stat = stat == "final" ? SweepStat::Final : stat == "mean" ? SweepStat::Mean : SweepStat::TimeTo;
        if (const auto* node = t.get("of"))
        {
            readString(*node, path + ".of", m.of);
            if (!m.of.empty() && !isMetric(m.of))
                m_d.error(node->source(), path + ".of", unknownMetric(m.of));
        }
        if (m.stat == SweepStat::TimeTo)
        {
            if (t.contains("of"))
                m_d.error(t.get("of")->source(), path + ".of",
                          "is not used by time-to, expected when = \"metric < value\" or an event name");
            if (const auto* node = t.get("when"))
                readCondition(*node, path + ".when", m);
            else
                m_d.error(t.source(), path,
                          "stat = \"time-to\" needs when = \"mean_trust < 0.2\" or an event name "
                          "such as \"runaway\"");
        }
        else
        {
            if (t.contains("when"))
                m_d.error(t.get("when")->source(), path + ".when", "is only used by stat = \"time-to\"");
            if (!t.contains("of"))
                m_d.error(t.source(), path, "has no of, expected of = \"<world metric>\" such as \"cooperation_rate\"");
        }
        if (const auto* node = t.get("window"))
        {
            if (m.stat != SweepStat::Mean)
                m_d.error(node->source(), path + ".window", "is only used by stat = \"mean\"");
            else
                readWindow(*node, path + ".window", m);
        }
        if (const auto* node = t.get("name"))
            readString(*node, path + ".name", m.name);
        else
            m.name = defaultName(m);
        if (!m.name.empty() && m.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
            m_d.error(t.contains("name") ? t.get("name")->source() : t.source(), path + ".name",
                      "is " + inQuotes(m.name) + ", expected lower-case letters, digits and _ (a CSV column name)");
        m_spec.metrics.push_back(std::move(m));
    }

    static std::string defaultName(const SweepMetric& m)
    {
        switch (m.stat)
        {
        case SweepStat::Final:
            return m.of;
        case SweepStat::Mean:
            return "mean_" + m.of;
        case SweepStat::TimeTo:
            break;
        }
        std::string out = "time_to_";
        bool gap = false;
        for (const char c : m.when)
        {
            const bool word = std::isalnum(static_cast<unsigned char>(c)) != 0;
            if (word)
            {
                if (gap && out.back() != '_')
                    out += '_';
                out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                gap = false;
            }
            else
                gap = true;
        }
        return out;
    }

    static bool isMetric(const std::string& name)
    {
        const auto& names = records::worldMetricNames();
        return std::find(names.begin(), names.end(), name) != names.end();
    }

    static std::string unknownMetric(const std::string& name)
    {
        const auto near = core::suggestNearest(name, records::worldMetricNames());
        return "unknown metric " + inQuotes(name) +
               (near ? " (did you mean " + inQuotes(*near) + "?)"
                     : std::string(", expected a timeseries.csv column such as cooperation_rate or mean_trust"));
    }

    static const std::vector<std::pair<std::string, engine::EventType>>& events()
    {
        static const std::vector<std::pair<std::string, engine::EventType>> list = []
        {
            std::vector<std::pair<std::string, engine::EventType>> out;
            for (const auto type :
                 {engine::EventType::Disclosure, engine::EventType::Incident, engine::EventType::NormAdopted,
                  engine::EventType::Join, engine::EventType::Alliance, engine::EventType::Summit,
                  engine::EventType::ParameterSet, engine::EventType::Runaway, engine::EventType::Shortfall,
                  engine::EventType::DoctrineChange})
                out.emplace_back(std::string(engine::eventTypeName(type)), type);
            return out;
        }();
        return list;
    }

    void readCondition(const toml::node& node, const std::string& path, SweepMetric& m)
    {
        const auto* s = node.as_string();
        if (s == nullptr)
        {
            m_d.error(node.source(), path, "is " + describe(node) + ", expected a string such as \"mean_trust < 0.2\"");
            return;
        }
        m.when = s->get();
        std::istringstream in(m.when);
        std::string lhs, op, rhs, rest;
        in >> lhs >> op >> rhs >> rest;
        if (op.empty())
        {
            for (const auto& [name, type] : events())
                if (name == lhs)
                {
                    m.event = type;
                    return;
                }
            std::vector<std::string> names;
            for (const auto& e : events())
                names.push_back(e.first);
            const auto near = core::suggestNearest(lhs, names);
            m_d.error(node.source(), path,
                      "is " + inQuotes(m.when) + ", expected \"<metric> <op> <number>\" or an event: " + join(names) +
                          (near ? " (did you mean " + inQuotes(*near) + "?)" : std::string()));
            return;
        }
        if (!isMetric(lhs))
        {
            m_d.error(node.source(), path, unknownMetric(lhs));
            return;
        }
        m.of = lhs;
        if (op == "<")
            m.comparison = SweepComparison::Less;
        else if (op == "<=")
            m.comparison = SweepComparison::LessEqual;
        else if (op == ">")
            m.comparison = SweepComparison::Greater;
        else if (op == ">=")
            m.comparison = SweepComparison::GreaterEqual;
        else
        {
            m_d.error(node.source(), path, "has the operator " + inQuotes(op) + ", expected one of < <= > >=");
            return;
        }
        char* end = nullptr;
        const double value = std::strtod(rhs.c_str(), &end);
        if (rhs.empty() || end != rhs.c_str() + rhs.size() || !std::isfinite(value) || !rest.empty())
        {
            m_d.error(node.source(), path, "is " + inQuotes(m.when) + ", expected \"" + lhs + " " + op + " <number>\"");
            return;
        }
        m.threshold = value;
    }

    void readWindow(const toml::node& node, const std::string& path, SweepMetric& m)
    {
        const auto* a = node.as_array();
        if (a == nullptr || a->size() != 2 || !a->get(0)->is_integer() || !a->get(1)->is_integer())
        {
            m_d.error(node.source(), path, "is " + describe(node) + ", expected [first, last] rounds, e.g. [150, 200]");
            return;
        }
        const auto from = a->get(0)->as_integer()->get();
        const auto to = a->get(1)->as_integer()->get();
        if (from < 0 || to < 1 || to < from || to > 10000000)
        {
            m_d.error(node.source(), path,
                      "is [" + std::to_string(from) + ", " + std::to_string(to) +
                          "], expected 0 <= first <= last with last >= 1 (rounds played)");
            return;
        }
        m.windowFrom = static_cast<int>(from);
        m.windowTo = static_cast<int>(to);
    }

    void checkSampling(const toml::table& root)
    {
        const bool anySampled = std::any_of(m_spec.parameters.begin(), m_spec.parameters.end(),
                                            [](const SweepParameter& p) { return p.sampled; });
        const bool samplesGiven = root.contains("samples");
        if (anySampled)
        {
            if (m_spec.sampling == SweepSampling::Grid)
            {
                if (m_samplingGiven)
                    m_d.error(root.get("sampling")->source(), "sampling",
                              "is \"grid\" but a parameter has min/max, expected uniform or latin-hypercube (or "
                              "values/from/to for every parameter)");
                else
                    m_spec.sampling = SweepSampling::LatinHypercube;
            }
            if (!samplesGiven)
                m_d.errorAt(1, 1, "samples",
                            "is missing, expected samples = N (points to draw for the min/max parameters)");
        }
        else
        {
            if (samplesGiven && m_spec.samples > 0)
                m_d.error(m_samplesAt, "samples",
                          "is set but no parameter has min/max to sample, expected min/max "
                          "parameters or no samples");
            if (m_spec.sampling != SweepSampling::Grid)
                m_d.error(root.get("sampling")->source(), "sampling",
                          "needs parameters with min and max to sample, expected sampling = \"grid\" here");
        }
    }

    void checkNames()
    {
        for (std::size_t i = 0; i < m_spec.metrics.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (m_spec.metrics[i].name == m_spec.metrics[j].name && !m_spec.metrics[i].name.empty())
                    m_d.errorAt(m_spec.metrics[i].line, 1, "metrics[" + std::to_string(i) + "].name",
                                "is " + inQuotes(m_spec.metrics[i].name) + ", already used at line " +
                                    std::to_string(m_spec.metrics[j].line) + ", expected unique metric names");
    }

    Diagnostics& m_d;
    SweepSpec& m_spec;
    bool m_samplingGiven = false;
    toml::source_region m_samplesAt{};
};

} // namespace

SweepSpec parseSweepSpec(std::string_view text, std::string_view fileName)
{
    SweepSpec spec;
    spec.file = std::string(fileName);
    spec.name = stemOf(fileName);
    Diagnostics diagnostics(spec.file);

    if (text.size() > kMaxSpecBytes)
    {
        diagnostics.errorAt(0, 0, "", "is larger than 16 MiB, expected a sweep spec");
        diagnostics.throwIfAny();
    }
    const auto problems = scenario::detail::guardTomlText(text);
    for (const auto& p : problems)
        diagnostics.errorAt(p.line, p.column, "", p.message);
    diagnostics.throwIfAny();

    toml::table root;
    try
    {
        root = toml::parse(text, std::string(fileName));
    }
    catch (const toml::parse_error& error)
    {
        std::string message(error.description());
        if (!message.empty())
            message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
        while (!message.empty() && (message.back() == '.' || message.back() == '\n'))
            message.pop_back();
        diagnostics.error(error.source(), "", "invalid TOML: " + message);
        diagnostics.throwIfAny();
    }
    SpecReader reader(diagnostics, spec);
    reader.readRoot(root);
    diagnostics.throwIfAny();
    return spec;
}

SweepSpec loadSweepSpec(const std::filesystem::path& path)
{
    const auto fail = [&](const std::string& message) {
        throw ScenarioError({Diagnostic{path.string(), 0, 0, "", message}});
    };
    std::error_code error;
    if (!std::filesystem::exists(path, error))
        fail("no such file, expected a sweep spec (.toml)");
    if (std::filesystem::is_directory(path, error))
        fail("is a folder, expected a sweep spec file (.toml)");
    const auto size = std::filesystem::file_size(path, error);
    if (error)
        fail("cannot be read: " + error.message());
    if (size > kMaxSpecBytes)
        fail("is larger than 16 MiB, expected a sweep spec");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail("cannot be opened for reading");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        fail("is empty, expected a sweep spec with [[parameters]] and [[metrics]]");
    if (text.find('\0') != std::string::npos)
        fail("is binary, expected a TOML text file");
    return parseSweepSpec(text, path.string());
}

namespace detail
{
// Shared with sweep_plan.cpp: the schema entry of a sweep key path, "arr[*].field" included.
const scenario::ParameterInfo* sweepKeyInfo(const std::string& path)
{
    return SpecReader::infoOf(path);
}
} // namespace detail

} // namespace cybersim::sweep
