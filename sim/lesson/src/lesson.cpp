// SPDX-License-Identifier: MIT
// Reading lesson files: TOML through the same guard and diagnostics as scenarios; every step's scenario is loaded
// with its `set` overrides, and live changes are checked against the schema, so a bad lesson fails before class.
#include "cybersim/lesson/lesson.hpp"
#include "cybersim/scenario/detail/toml_support.hpp"

#include "cybersim/scenario/detail/scenario_load_context.hpp"
#include "cybersim/scenario/detail/toml_guard.hpp"

#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/engine/world.hpp"
#include "cybersim/scenario/scenario_io.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

namespace cybersim::lesson
{

namespace
{

constexpr std::size_t kMaxLessonBytes = 1024u * 1024u;
constexpr int kMaxStepRounds = 100000;

scenario::detail::SourceLocation where(const std::string& file, const toml::node& node)
{
    const auto& begin = node.source().begin;
    return {file, static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

std::string join(const std::vector<std::string>& items, std::string_view separator)
{
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : std::string(separator)) + item;
    return out;
}

std::string nodeText(const toml::node& node)
{
    std::ostringstream out;
    if (const auto* s = node.as_string())
        out << '"' << s->get() << '"';
    else
        node.visit([&](auto&& value) { out << value; });
    return out.str();
}

// Reads one lesson's tree, reporting into a LoadContext (the scenario loader's diagnostics, sorted by line).
class LessonReader
{
public:
    LessonReader(scenario::detail::LoadContext& context, const core::Catalogue& catalogue,
                 std::filesystem::path lessonFolder, std::filesystem::path scenariosFolder)
        : m_context(context), m_catalogue(catalogue), m_lessonFolder(std::move(lessonFolder)),
          m_scenariosFolder(std::move(scenariosFolder))
    {
    }

    void read(const toml::table& root, Lesson& lesson)
    {
        const auto file = m_context.fileName();
        checkKeys(root, "", {"title", "summary", "source", "steps"});
        lesson.title = text(root, "title", "", true);
        lesson.summary = text(root, "summary", "", true);
        if (const auto* source = root.get("source"))
        {
            if (const auto* table = source->as_table())
            {
                checkKeys(*table, "source", {"document", "principle", "quote"});
                lesson.source.document = text(*table, "document", "source", true);
                lesson.source.principle = text(*table, "principle", "source", true);
                lesson.source.quote = text(*table, "quote", "source", true);
            }
            else
                m_context.errorAt(where(file, *source), "source",
                                  "is " + scenario::detail::tomlKindText(*source) +
                                      ", expected a table with document, principle, quote");
        }
        else
            m_context.errorAt({file, 1, 1}, "source",
                              "is missing, expected [source] with document, principle and quote (the lesson's "
                              "principle, quoted from the source document)");

        const auto* steps = root.get("steps");
        const auto* array = steps != nullptr ? steps->as_array() : nullptr;
        if (array == nullptr || !array->is_array_of_tables() || array->empty())
        {
            m_context.errorAt(steps != nullptr ? where(file, *steps) : scenario::detail::SourceLocation{file, 1, 1},
                              "steps",
                              steps == nullptr ? "is missing, expected at least one [[steps]]"
                                               : "is " + scenario::detail::tomlKindText(*steps) +
                                                     ", expected at least one [[steps]] table");
            return;
        }
        std::vector<const toml::table*> tables;
        for (std::size_t i = 0; i < array->size(); ++i)
            tables.push_back(array->get(i)->as_table());
        for (std::size_t i = 0; i < tables.size(); ++i)
            lesson.steps.push_back(readStep(*tables[i], i));
        loadScenarios(lesson, tables);
    }

private:
    void checkKeys(const toml::table& table, const std::string& path, const std::vector<std::string>& allowed)
    {
        for (const auto& [key, node] : table)
        {
            const std::string name(key.str());
            if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
                m_context.errorAt(where(m_context.fileName(), node), path.empty() ? name : path + "." + name,
                                  "is not a lesson key, expected one of: " + join(allowed, ", "));
        }
    }

    std::string text(const toml::table& table, const char* key, const std::string& path, bool required)
    {
        const auto full = path.empty() ? std::string(key) : path + "." + key;
        const auto* node = table.get(key);
        if (node == nullptr)
        {
            if (required)
                m_context.errorAt(where(m_context.fileName(), table), full, "is missing, expected a string");
            return {};
        }
        if (const auto* s = node->as_string())
        {
            if (required && s->get().find_first_not_of(" \t\r\n") == std::string::npos)
                m_context.errorAt(where(m_context.fileName(), *node), full, "is empty, expected some text");
            return s->get();
        }
        m_context.errorAt(where(m_context.fileName(), *node), full,
                          "is " + scenario::detail::tomlKindText(*node) + " " + nodeText(*node) +
                              ", expected a string");
        return {};
    }

    // Flattens `set` (dotted keys, quoted keys with dots, or nested tables) into key paths, in file order.
    void flatten(const toml::table& table, const std::string& prefix, const std::string& path,
                 std::vector<std::pair<std::string, const toml::node*>>& out)
    {
        for (const auto& [key, node] : table)
        {
            const auto name = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
            if (const auto* inner = node.as_table())
                flatten(*inner, name, path, out);
            else
                out.emplace_back(name, &node);
        }
    }

    LessonStep readStep(const toml::table& table, std::size_t i)
    {
        const auto file = m_context.fileName();
        const auto path = "steps[" + std::to_string(i) + "]";
        checkKeys(table, path,
                  {"title", "text", "scenario", "set", "rounds", "question", "reveal", "charts", "highlight"});
        LessonStep step;
        step.title = text(table, "title", path, false);
        if (step.title.empty())
            step.title = "Step " + std::to_string(i + 1);
        step.text = text(table, "text", path, true);
        step.scenarioName = text(table, "scenario", path, false);
        step.question = text(table, "question", path, false);
        step.reveal = text(table, "reveal", path, false);
        step.highlight = text(table, "highlight", path, false);

        if (const auto* rounds = table.get("rounds"))
        {
            const auto* integer = rounds->as_integer();
            if (integer == nullptr || integer->get() < 0 || integer->get() > kMaxStepRounds)
                m_context.errorAt(where(file, *rounds), path + ".rounds",
                                  "is " + nodeText(*rounds) + ", expected an integer in [0, " +
                                      std::to_string(kMaxStepRounds) + "]");
            else
                step.rounds = static_cast<int>(integer->get());
        }
        else
            m_context.errorAt(where(file, table), path + ".rounds",
                              "is missing, expected the rounds this step runs, an integer in [0, " +
                                  std::to_string(kMaxStepRounds) + "]");

        if (const auto* charts = table.get("charts"))
        {
            const auto* array = charts->as_array();
            if (array == nullptr)
                m_context.errorAt(where(file, *charts), path + ".charts",
                                  "is " + scenario::detail::tomlKindText(*charts) +
                                      ", expected an array of chart names");
            else
                for (std::size_t k = 0; k < array->size(); ++k)
                {
                    const auto& node = *array->get(k);
                    const auto* name = node.as_string();
                    const auto chart = name != nullptr ? findLessonChart(name->get()) : std::nullopt;
                    if (!chart)
                    {
                        std::vector<std::string> names;
                        for (const auto c : lessonCharts())
                            names.emplace_back(lessonChartName(c));
                        m_context.errorAt(where(file, node), path + ".charts[" + std::to_string(k) + "]",
                                          "is " + nodeText(node) + ", expected one of: " + join(names, ", "));
                    }
                    else if (std::find(step.charts.begin(), step.charts.end(), *chart) == step.charts.end())
                        step.charts.push_back(*chart);
                }
        }
        if (step.charts.empty())
            step.charts.push_back(LessonChart::CooperationTrust);

        if (const auto* set = table.get("set"))
        {
            if (const auto* setTable = set->as_table())
            {
                std::vector<std::pair<std::string, const toml::node*>> entries;
                flatten(*setTable, "", path + ".set", entries);
                for (const auto& [key, node] : entries)
                {
                    ParameterChange change;
                    change.key = key;
                    if (const auto* s = node->as_string())
                        change.value = s->get();
                    else if (const auto* b = node->as_boolean())
                        change.value = b->get();
                    else if (const auto* n = node->as_integer())
                        change.value = n->get();
                    else if (const auto* f = node->as_floating_point())
                        change.value = f->get();
                    else
                        change.value = nodeText(*node); // an array: kept as its TOML text
                    change.literal = node->is_string() ? scenario::formatValue(change.value) : nodeText(*node);
                    m_changeNodes.emplace(path + ".set." + key, node);
                    step.changes.push_back(std::move(change));
                }
            }
            else
                m_context.errorAt(where(file, *set), path + ".set",
                                  "is " + scenario::detail::tomlKindText(*set) +
                                      ", expected a table of key.path = value");
        }
        if (i == 0 && step.scenarioName.empty())
            m_context.errorAt(where(file, table), path + ".scenario",
                              "is missing, expected the scenario the first step starts from");
        return step;
    }

    std::optional<std::filesystem::path> findScenario(const std::string& name) const
    {
        std::error_code error;
        for (const auto& folder : {m_lessonFolder, m_scenariosFolder})
            for (const auto& candidate : {folder / name, folder / (name + ".toml")})
                if (!folder.empty() && std::filesystem::is_regular_file(candidate, error))
                    return candidate;
        return std::nullopt;
    }

    // Loads every run-starting step's scenario with its overrides, and checks continued steps' changes and highlights.
    void loadScenarios(Lesson& lesson, const std::vector<const toml::table*>& tables)
    {
        const auto file = m_context.fileName();
        std::optional<engine::World> world; // the current segment's world, built only when a step highlights a state
        const scenario::Scenario* current = nullptr;
        for (std::size_t i = 0; i < lesson.steps.size(); ++i)
        {
            auto& step = lesson.steps[i];
            const auto path = "steps[" + std::to_string(i) + "]";
            if (!step.scenarioName.empty())
            {
                int total = step.rounds;
                for (std::size_t k = i + 1; k < lesson.steps.size() && lesson.steps[k].scenarioName.empty(); ++k)
                    total += lesson.steps[k].rounds;
                step.scenario = loadStepScenario(step, path, *tables[i], std::max(1, total));
                current = step.scenario ? &*step.scenario : nullptr;
                world.reset();
            }
            else
                checkLiveChanges(step, path);
            if (!step.highlight.empty() && current != nullptr)
            {
                if (!world)
                    world = engine::buildWorld(*current, m_catalogue, current->run.seed);
                if (world->findState(step.highlight) < 0)
                {
                    std::vector<std::string> names;
                    for (std::size_t k = 0; k < world->states.size() && k < 8; ++k)
                        names.push_back(world->states[k].name);
                    if (world->states.size() > 8)
                        names.emplace_back("...");
                    m_context.errorAt(where(file, *tables[i]->get("highlight")), path + ".highlight",
                                      "is \"" + step.highlight + "\", not a state of scenario " + current->name +
                                          "; its states are " + join(names, ", "));
                }
            }
        }
    }

    std::optional<scenario::Scenario> loadStepScenario(const LessonStep& step, const std::string& path,
                                                       const toml::table& table, int totalRounds)
    {
        const auto file = m_context.fileName();
        std::vector<std::string> overrides;
        bool ok = true;
        for (const auto& change : step.changes)
        {
            if (change.key == "run.rounds")
            {
                m_context.errorAt(where(file, *m_changeNodes.at(path + ".set." + change.key)), path + ".set.run.rounds",
                                  "is set by the lesson: give each step's rounds instead");
                ok = false;
            }
            overrides.push_back(change.key + "=" + change.literal);
        }
        if (!ok)
            return std::nullopt;
        const auto at = where(file, *table.get("scenario"));
        try
        {
            if (step.scenarioName == "default")
            {
                auto scenario = scenario::defaultScenario(m_catalogue, overrides);
                if (scenario.run.rounds >= totalRounds)
                    return scenario;
                overrides.push_back("run.rounds=" + std::to_string(totalRounds));
                return scenario::defaultScenario(m_catalogue, overrides);
            }
            const auto found = findScenario(step.scenarioName);
            if (!found)
            {
                m_context.errorAt(at, path + ".scenario",
                                  "is \"" + step.scenarioName +
                                      "\", which is neither a file next to the lesson nor a "
                                      "scenario in " +
                                      m_scenariosFolder.string());
                return std::nullopt;
            }
            // The scenario keeps its own length (its scheduled events are checked against it) unless the steps need
            // more rounds; then the run is extended.
            auto scenario = scenario::loadScenarioFile(*found, m_catalogue, overrides);
            if (scenario.run.rounds >= totalRounds)
                return scenario;
            overrides.push_back("run.rounds=" + std::to_string(totalRounds));
            return scenario::loadScenarioFile(*found, m_catalogue, overrides);
        }
        catch (const ScenarioError& error)
        {
            // Problems of the overrides belong to the lesson's `set` entries; problems of the scenario file itself
            // keep their own place, and the step that loads it is named too.
            bool inScenario = false;
            for (const auto& d : error.diagnostics())
            {
                if (d.file == scenario::detail::kOverrideFile)
                {
                    auto key = path + ".set." + d.keyPath;
                    const auto node = m_changeNodes.find(key);
                    m_context.errorAt(node != m_changeNodes.end() ? where(file, *node->second) : at, key, d.message);
                }
                else if (d.file == file || d.keyPath.empty() || !isOverridden(step, d.keyPath))
                {
                    m_context.errorAt({d.file, d.line, d.column}, d.keyPath, d.message);
                    inScenario = true;
                }
                else
                {
                    const auto key = path + ".set." + d.keyPath;
                    m_context.errorAt(where(file, *m_changeNodes.at(key)), key, d.message);
                }
            }
            if (inScenario)
                m_context.errorAt(at, path + ".scenario",
                                  "scenario \"" + step.scenarioName + "\" does not load (problems listed)");
            return std::nullopt;
        }
    }

    static bool isOverridden(const LessonStep& step, const std::string& keyPath)
    {
        return std::any_of(step.changes.begin(), step.changes.end(),
                           [&](const ParameterChange& c) { return c.key == keyPath; });
    }

    // A continued run can only change numeric and bool scenario-wide keys (Simulation::setParameter).
    void checkLiveChanges(const LessonStep& step, const std::string& path)
    {
        const auto file = m_context.fileName();
        for (const auto& change : step.changes)
        {
            const auto key = path + ".set." + change.key;
            const auto at = where(file, *m_changeNodes.at(key));
            const auto ref = scenario::resolveParameter(change.key);
            if (ref.info == nullptr)
            {
                m_context.errorAt(at, key, "is not a scenario parameter (see `cybersim schema`)");
                continue;
            }
            const auto& info = *ref.info;
            if (info.isElementKey() || (!info.isNumeric() && info.type != scenario::ValueType::Bool) ||
                change.key == "run.rounds" || change.key == "run.seed")
            {
                m_context.errorAt(at, key,
                                  "cannot change during a run (only numeric and true/false keys of the whole world "
                                  "can); give this step a scenario to start a new run with it");
                continue;
            }
            scenario::ParamValue value = change.value;
            if (info.type == scenario::ValueType::Real)
                if (const auto* integer = std::get_if<std::int64_t>(&value))
                    value = static_cast<double>(*integer);
            if (const auto problem = info.checkValue(value))
                m_context.errorAt(at, key, *problem);
        }
    }

    scenario::detail::LoadContext& m_context;
    const core::Catalogue& m_catalogue;
    std::filesystem::path m_lessonFolder;
    std::filesystem::path m_scenariosFolder;
    std::map<std::string, const toml::node*> m_changeNodes; // "steps[i].set.key" -> its value in the tree
};

std::string stemOf(std::string_view fileName)
{
    if (fileName.empty() || fileName.front() == '<')
        return std::string(fileName);
    return std::filesystem::path(fileName).stem().string();
}

} // namespace

Lesson parseLesson(std::string_view text, std::string_view fileName, const core::Catalogue& catalogue,
                   const std::filesystem::path& scenariosFolder)
{
    scenario::detail::LoadContext context{std::string(fileName)};
    const std::string file(fileName);
    if (text.size() > kMaxLessonBytes)
    {
        context.errorAt({file, 0, 0}, "", "is larger than 1 MiB, expected a smaller lesson");
        context.throwErrors();
    }
    for (const auto& problem : scenario::detail::guardTomlText(text))
        context.errorAt({file, problem.line, problem.column}, "", problem.message);
    if (context.hasErrors())
        context.throwErrors();
    toml::table root;
    try
    {
        root = toml::parse(text, file);
    }
    catch (const toml::parse_error& e)
    {
        const auto& begin = e.source().begin;
        std::string description(e.description());
        if (!description.empty())
            description[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(description[0])));
        context.errorAt({file, static_cast<int>(begin.line), static_cast<int>(begin.column)}, "",
                        "invalid TOML: " + description);
        context.throwErrors();
    }
    Lesson lesson;
    lesson.name = stemOf(fileName);
    lesson.sourceFile = file;
    const auto folder = fileName.empty() || fileName.front() == '<' ? std::filesystem::path()
                                                                    : std::filesystem::path(fileName).parent_path();
    LessonReader(context, catalogue, folder, scenariosFolder).read(root, lesson);
    if (context.hasErrors())
        context.throwErrors();
    return lesson;
}

Lesson loadLessonFile(const std::filesystem::path& path, const core::Catalogue& catalogue,
                      const std::filesystem::path& scenariosFolder)
{
    scenario::detail::LoadContext context(path.string());
    const auto text = scenario::detail::readTextFile(path, context, {path.string(), 0, 0}, "");
    if (!text)
        context.throwErrors();
    return parseLesson(*text, path.string(), catalogue, scenariosFolder);
}

std::vector<std::filesystem::path> lessonFiles(const std::filesystem::path& folder)
{
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (auto it = std::filesystem::directory_iterator(folder, error);
         !error && it != std::filesystem::directory_iterator(); it.increment(error))
        if (it->path().extension() == ".toml" && it->is_regular_file(error))
            files.push_back(it->path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace cybersim::lesson
