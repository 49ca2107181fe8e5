// SPDX-License-Identifier: MIT
// Recording a run for replay, and the replay file (JSON): writer and a reader that checks shape and consistency.
#include "cybersim/records/replay.hpp"

#include "cybersim/core/error.hpp"
#include "cybersim/scenario/scenario_io.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <span>
#include <sstream>
#include <utility>

namespace cybersim::records
{

namespace
{

using json = nlohmann::json;

constexpr std::string_view kFormat = "cybersim-replay";
// Version 2 added "active" to state_fields; version 1 files are still read, with every state active.
constexpr int kVersion = 2;
constexpr int kOldestVersion = 1;
constexpr std::size_t kMaxReplayBytes = 1024u * 1024u * 1024u;

// Per-state figures by name, in the order stateRow() writes them.
const std::vector<std::string>& stateFields()
{
    static const std::vector<std::string> fields{"payoff",   "cumulative_payoff", "trust_received", "trust_given",
                                                 "arms",     "defence",           "legitimacy",     "cooperation",
                                                 "doctrine", "surveilling",       "active"};
    return fields;
}

// The fields of a version 1 file: all but the last, "active".
std::span<const std::string> legacyStateFields()
{
    return std::span<const std::string>(stateFields()).first(stateFields().size() - 1);
}

json stateRow(const engine::StateMetrics& s)
{
    return json::array({s.payoff, s.cumulativePayoff, s.trustReceived, s.trustGiven, s.arms, s.defence, s.legitimacy,
                        s.cooperation, s.doctrine, s.surveilling ? 1 : 0, s.active ? 1 : 0});
}

// Gathers problems while reading; each names the file and a JSON key path.
class Reader
{
public:
    explicit Reader(std::string fileName) : m_fileName(std::move(fileName)) {}

    [[noreturn]] void fail(const std::string& key, const std::string& message)
    {
        throw ScenarioError({Diagnostic{m_fileName, 0, 0, key, message}});
    }

    const json& member(const json& object, const char* key, json::value_t type, const std::string& path = {})
    {
        const auto full = path.empty() ? std::string(key) : path + "." + key;
        const auto it = object.find(key);
        if (it == object.end())
            fail(full, "is missing");
        const bool numberOk = type == json::value_t::number_float &&
                              (it->is_number_float() || it->is_number_integer() || it->is_number_unsigned());
        if (it->type() != type && !numberOk && !(type == json::value_t::number_integer && it->is_number_unsigned()))
            fail(full, std::string("is a ") + it->type_name() + ", expected a " + json(type).type_name());
        return *it;
    }

    double number(const json& value, const std::string& key)
    {
        if (!value.is_number())
            fail(key, std::string("is a ") + value.type_name() + ", expected a number");
        return value.get<double>();
    }

private:
    std::string m_fileName;
};

json::value_t arrayType()
{
    return json::value_t::array;
}

} // namespace

void Replay::begin(const engine::Simulation& simulation)
{
    const auto& scenario = simulation.scenario();
    scenarioName = scenario.name;
    scenarioDescription = scenario.description;
    roundLabel = scenario.run.roundLabel;
    provenance = Provenance{scenario.run.seed, scenario::scenarioHash(scenario), CYBERSIM_VERSION, buildDescription()};
    record.begin(simulation);
    // Scrubbing shows per-state figures at any round, so a replay records them even when states.csv is off.
    if (!record.recordStates)
    {
        record.recordStates = true;
        const auto rows = simulation.stateMetrics();
        record.states.assign(rows.begin(), rows.end());
    }
    relations.clear();
    trust.clear();
    allied.clear();
    const auto edges = simulation.edges();
    std::string flags;
    for (const auto& e : edges)
    {
        relations.push_back({e.a, e.b, e.weight});
        trust.push_back(e.trustAB);
        trust.push_back(e.trustBA);
        flags.push_back(e.allied ? '1' : '0');
    }
    allied.push_back(std::move(flags));
}

void Replay::capture(const engine::Simulation& simulation)
{
    record.capture(simulation);
    std::string flags;
    for (const auto& e : simulation.edges())
    {
        trust.push_back(e.trustAB);
        trust.push_back(e.trustBA);
        flags.push_back(e.allied ? '1' : '0');
    }
    allied.push_back(std::move(flags));
}

std::vector<engine::EdgeView> Replay::edgesAt(std::size_t row) const
{
    if (row >= rowCount())
        throw ConfigError("replay row " + std::to_string(row) + " is out of range, the replay has " +
                          std::to_string(rowCount()) + " rows");
    std::vector<engine::EdgeView> out;
    out.reserve(relations.size());
    const std::size_t base = row * relations.size() * 2;
    for (std::size_t k = 0; k < relations.size(); ++k)
        out.push_back(engine::EdgeView{relations[k].a, relations[k].b, relations[k].weight, trust[base + 2 * k],
                                       trust[base + 2 * k + 1], allied[row][k] == '1'});
    return out;
}

std::span<const engine::StateMetrics> Replay::statesAt(std::size_t row) const
{
    const auto n = record.stateNames.size();
    if (record.states.size() < (row + 1) * n)
        return {};
    return std::span<const engine::StateMetrics>(record.states).subspan(row * n, n);
}

std::string replayJson(const Replay& replay)
{
    json doc;
    doc["format"] = kFormat;
    doc["version"] = kVersion;
    doc["provenance"] = {{"seed", replay.provenance.seed},
                         {"scenario_hash", replay.provenance.scenarioHash},
                         {"version", replay.provenance.version},
                         {"build", replay.provenance.build}};
    doc["scenario"] = {
        {"name", replay.scenarioName}, {"description", replay.scenarioDescription}, {"round_label", replay.roundLabel}};
    doc["states"] = replay.record.stateNames;
    doc["doctrines"] = replay.record.doctrineNames;
    auto relations = json::array();
    for (const auto& r : replay.relations)
        relations.push_back(json::array({r.a, r.b, r.weight}));
    doc["relations"] = std::move(relations);

    auto names = json::array({"round"});
    for (const auto& name : worldMetricNames())
        names.push_back(name);
    doc["metric_names"] = names;
    auto world = json::array();
    for (const auto& m : replay.record.series)
    {
        auto row = json::array({m.round});
        for (const auto& name : worldMetricNames())
            row.push_back(worldMetricValue(m, name));
        world.push_back(std::move(row));
    }
    doc["world"] = std::move(world);

    doc["state_fields"] = stateFields();
    auto states = json::array();
    const auto n = replay.record.stateNames.size();
    for (std::size_t row = 0; row < replay.rowCount(); ++row)
    {
        auto rowStates = json::array();
        for (const auto& s : replay.statesAt(row))
            rowStates.push_back(stateRow(s));
        if (n > 0 && rowStates.empty())
            break;
        states.push_back(std::move(rowStates));
    }
    doc["state_rows"] = std::move(states);

    auto trust = json::array();
    const auto m = replay.relations.size();
    for (std::size_t row = 0; row < replay.rowCount(); ++row)
    {
        auto values = json::array();
        for (std::size_t k = 0; k < 2 * m && (row * 2 * m + k) < replay.trust.size(); ++k)
            values.push_back(replay.trust[row * 2 * m + k]);
        trust.push_back(std::move(values));
    }
    doc["trust"] = std::move(trust);
    doc["allied"] = replay.allied;

    auto events = json::array();
    for (const auto& e : replay.record.events)
        events.push_back({{"round", e.round},
                          {"type", engine::eventTypeName(e.type)},
                          {"actor", e.actor},
                          {"target", e.target},
                          {"value", e.value},
                          {"detail", e.detail}});
    doc["events"] = std::move(events);
    return doc.dump() + "\n";
}

Replay parseReplayJson(std::string_view text, std::string_view fileName)
{
    Reader reader{std::string(fileName)};
    json doc;
    try
    {
        doc = json::parse(text.begin(), text.end());
    }
    catch (const json::parse_error& e)
    {
        reader.fail("", std::string("is not JSON: ") + e.what());
    }
    if (!doc.is_object())
        reader.fail("", "is not a JSON object, expected a cybersim replay");
    const auto& format = reader.member(doc, "format", json::value_t::string);
    if (format.get<std::string>() != kFormat)
        reader.fail("format", "is \"" + format.get<std::string>() + "\", expected \"cybersim-replay\"");
    const auto& version = reader.member(doc, "version", json::value_t::number_integer);
    if (version.get<int>() < kOldestVersion || version.get<int>() > kVersion)
        reader.fail("version", "is " + version.dump() + ", expected 1 or 2");

    Replay replay;
    try
    {
        const auto& provenance = reader.member(doc, "provenance", json::value_t::object);
        replay.provenance.seed =
            reader.member(provenance, "seed", json::value_t::number_integer, "provenance").get<std::uint64_t>();
        replay.provenance.scenarioHash =
            reader.member(provenance, "scenario_hash", json::value_t::string, "provenance").get<std::string>();
        replay.provenance.version =
            reader.member(provenance, "version", json::value_t::string, "provenance").get<std::string>();
        replay.provenance.build =
            reader.member(provenance, "build", json::value_t::string, "provenance").get<std::string>();
        const auto& scenario = reader.member(doc, "scenario", json::value_t::object);
        replay.scenarioName = reader.member(scenario, "name", json::value_t::string, "scenario").get<std::string>();
        replay.scenarioDescription =
            reader.member(scenario, "description", json::value_t::string, "scenario").get<std::string>();
        replay.roundLabel =
            reader.member(scenario, "round_label", json::value_t::string, "scenario").get<std::string>();
        replay.record.stateNames = reader.member(doc, "states", arrayType()).get<std::vector<std::string>>();
        replay.record.doctrineNames = reader.member(doc, "doctrines", arrayType()).get<std::vector<std::string>>();
        const auto n = replay.record.stateNames.size();

        const auto& relations = reader.member(doc, "relations", arrayType());
        for (std::size_t k = 0; k < relations.size(); ++k)
        {
            const auto& r = relations[k];
            const auto key = "relations[" + std::to_string(k) + "]";
            if (!r.is_array() || r.size() != 3 || !r[0].is_number_unsigned() || !r[1].is_number_unsigned())
                reader.fail(key, "is " + r.dump() + ", expected [a, b, weight] with state indices a < b");
            ReplayRelation relation{r[0].get<std::uint32_t>(), r[1].get<std::uint32_t>(), reader.number(r[2], key)};
            if (relation.a >= relation.b || relation.b >= n)
                reader.fail(key, "is " + r.dump() + ", expected state indices a < b < " + std::to_string(n));
            replay.relations.push_back(relation);
        }

        // World metrics: columns by name, so a file written with more or fewer metrics still reads.
        const auto names = reader.member(doc, "metric_names", arrayType()).get<std::vector<std::string>>();
        const auto& world = reader.member(doc, "world", arrayType());
        for (std::size_t row = 0; row < world.size(); ++row)
        {
            const auto key = "world[" + std::to_string(row) + "]";
            if (!world[row].is_array() || world[row].size() != names.size())
                reader.fail(key, "has " + std::to_string(world[row].size()) + " values, expected " +
                                     std::to_string(names.size()) + " (one per metric_names entry)");
            engine::WorldMetrics m;
            for (std::size_t c = 0; c < names.size(); ++c)
            {
                const double v = reader.number(world[row][c], key);
                if (names[c] == "round")
                    m.round = static_cast<int>(v);
                else
                    setWorldMetricValue(m, names[c], v);
            }
            replay.record.series.push_back(m);
        }
        const auto rows = replay.record.series.size();

        const auto fields = reader.member(doc, "state_fields", arrayType()).get<std::vector<std::string>>();
        // A file without "active" (version 1) predates joins being recorded: every state reads as active.
        const bool hasActive = std::ranges::equal(fields, stateFields());
        if (!hasActive && !std::ranges::equal(fields, legacyStateFields()))
            reader.fail("state_fields", "is " + json(fields).dump() + ", expected " + json(stateFields()).dump());
        const auto& stateRows = reader.member(doc, "state_rows", arrayType());
        if (stateRows.size() != rows)
            reader.fail("state_rows", "has " + std::to_string(stateRows.size()) + " rows, expected " +
                                          std::to_string(rows) + " (one per world row)");
        for (std::size_t row = 0; row < rows; ++row)
        {
            const auto& states = stateRows[row];
            const auto key = "state_rows[" + std::to_string(row) + "]";
            if (!states.is_array() || states.size() != n)
                reader.fail(key, "has " + std::to_string(states.size()) + " states, expected " + std::to_string(n));
            for (const auto& s : states)
            {
                if (!s.is_array() || s.size() != fields.size())
                    reader.fail(key, "holds " + s.dump() + ", expected " + std::to_string(fields.size()) + " values");
                engine::StateMetrics m;
                m.payoff = reader.number(s[0], key);
                m.cumulativePayoff = reader.number(s[1], key);
                m.trustReceived = reader.number(s[2], key);
                m.trustGiven = reader.number(s[3], key);
                m.arms = reader.number(s[4], key);
                m.defence = reader.number(s[5], key);
                m.legitimacy = reader.number(s[6], key);
                m.cooperation = reader.number(s[7], key);
                m.doctrine = static_cast<std::int32_t>(reader.number(s[8], key));
                m.surveilling = reader.number(s[9], key) != 0.0;
                m.active = !hasActive || reader.number(s[10], key) != 0.0;
                replay.record.states.push_back(m);
            }
        }
        replay.record.recordStates = true;

        const auto& trust = reader.member(doc, "trust", arrayType());
        if (trust.size() != rows)
            reader.fail("trust", "has " + std::to_string(trust.size()) + " rows, expected " + std::to_string(rows));
        for (std::size_t row = 0; row < rows; ++row)
        {
            const auto key = "trust[" + std::to_string(row) + "]";
            if (!trust[row].is_array() || trust[row].size() != 2 * replay.relations.size())
                reader.fail(key, "has " + std::to_string(trust[row].size()) + " values, expected " +
                                     std::to_string(2 * replay.relations.size()) + " (two per relation)");
            for (const auto& v : trust[row])
                replay.trust.push_back(reader.number(v, key));
        }
        replay.allied = reader.member(doc, "allied", arrayType()).get<std::vector<std::string>>();
        if (replay.allied.size() != rows)
            reader.fail("allied",
                        "has " + std::to_string(replay.allied.size()) + " rows, expected " + std::to_string(rows));
        for (std::size_t row = 0; row < rows; ++row)
            if (replay.allied[row].size() != replay.relations.size() ||
                replay.allied[row].find_first_not_of("01") != std::string::npos)
                reader.fail("allied[" + std::to_string(row) + "]",
                            "is not " + std::to_string(replay.relations.size()) + " characters 0 or 1");

        const auto& events = reader.member(doc, "events", arrayType());
        for (std::size_t k = 0; k < events.size(); ++k)
        {
            const auto path = "events[" + std::to_string(k) + "]";
            const auto& e = events[k];
            if (!e.is_object())
                reader.fail(path, "is " + e.dump() + ", expected an object");
            engine::EventRecord event;
            event.round = reader.member(e, "round", json::value_t::number_integer, path).get<int>();
            const auto type = reader.member(e, "type", json::value_t::string, path).get<std::string>();
            bool known = false;
            for (int t = 0; t <= static_cast<int>(engine::EventType::DoctrineChange); ++t)
                if (engine::eventTypeName(static_cast<engine::EventType>(t)) == type)
                {
                    event.type = static_cast<engine::EventType>(t);
                    known = true;
                }
            if (!known)
                reader.fail(path + ".type", "is \"" + type + "\", not a known event type");
            event.actor = reader.member(e, "actor", json::value_t::number_integer, path).get<std::int32_t>();
            event.target = reader.member(e, "target", json::value_t::number_integer, path).get<std::int32_t>();
            event.value = reader.member(e, "value", json::value_t::number_float, path).get<double>();
            event.detail = reader.member(e, "detail", json::value_t::string, path).get<std::string>();
            replay.record.events.push_back(std::move(event));
        }
    }
    catch (const json::exception& e)
    {
        reader.fail("", std::string("has an unexpected shape: ") + e.what());
    }
    return replay;
}

void writeReplayFile(const std::filesystem::path& path, const Replay& replay)
{
    writeFileAtomically(path, replayJson(replay));
}

Replay readReplayFile(const std::filesystem::path& path)
{
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error)
        throw ScenarioError({Diagnostic{path.string(), 0, 0, "", "cannot be read: " + error.message()}});
    if (size > kMaxReplayBytes)
        throw ScenarioError({Diagnostic{path.string(), 0, 0, "", "is larger than 1 GiB, expected a smaller replay"}});
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof())
        throw ScenarioError({Diagnostic{path.string(), 0, 0, "", "cannot be read"}});
    return parseReplayJson(text.str(), path.string());
}

} // namespace cybersim::records
