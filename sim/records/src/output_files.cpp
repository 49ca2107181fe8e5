// SPDX-License-Identifier: MIT
// Writing a run's outputs: CSV for pandas, R and spreadsheets, GraphML for Gephi and networkx, JSON for the summary.
// Every file is written atomically and carries the run's provenance.
#include "cybersim/core/error.hpp"
#include "cybersim/engine/spatial_game.hpp"
#include "cybersim/records/run_record.hpp"
#include "cybersim/scenario/scenario_rounds.hpp"
#include "cybersim/scenario/scenario_schema.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <system_error>

namespace cybersim::records
{

namespace
{

// Every file a run can write into its folder, by either engine.
constexpr std::string_view kRunFiles[] = {"timeseries.csv",  "states.csv",  "events.csv",
                                          "network.graphml", "lattice.pbm", "summary.json"};

// Removes the run files in `folder` that this run does not write (`written`): an earlier run into the same folder
// left them, and beside this run's files they would pass for its own (states.csv of a run that records no states).
// Only those names are touched, never any other file. @return the names removed, in kRunFiles order.
std::vector<std::string> removeStaleRunFiles(const std::filesystem::path& folder,
                                             std::initializer_list<std::string_view> written)
{
    std::vector<std::string> removed;
    for (const auto name : kRunFiles)
    {
        if (std::find(written.begin(), written.end(), name) != written.end())
            continue;
        std::error_code error;
        if (std::filesystem::remove(folder / name, error))
            removed.emplace_back(name);
        else if (error)
            throw ConfigError("cannot remove " + (folder / name).string() +
                              ", left there by an earlier run: " + error.message());
    }
    return removed;
}

std::string csvField(std::string_view text)
{
    if (text.find_first_of(",\"\n") == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (char c : text)
    {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

std::string xmlEscape(std::string_view text)
{
    std::string out;
    for (char c : text)
        switch (c)
        {
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    return out;
}

std::string timeseriesCsv(const RunRecord& record, const std::string& prefix)
{
    std::string out = "seed,scenario_hash,round";
    for (const auto& name : worldMetricNames())
        out += ',' + name;
    out += '\n';
    for (const auto& m : record.series)
    {
        out += prefix + std::to_string(m.round);
        for (const auto& name : worldMetricNames())
            out += ',' + scenario::formatReal(worldMetricValue(m, name));
        out += '\n';
    }
    return out;
}

std::string statesCsv(const RunRecord& record, const std::string& prefix)
{
    std::string out = "seed,scenario_hash,round,state,doctrine,payoff,cumulative_payoff,trust_received,trust_given,"
                      "arms,defence,legitimacy,cooperation,surveilling\n";
    const std::size_t n = record.stateNames.size();
    for (std::size_t r = 0; n > 0 && r < record.series.size() && (r + 1) * n <= record.states.size(); ++r)
        for (std::size_t i = 0; i < n; ++i)
        {
            const auto& s = record.states[r * n + i];
            out += prefix + std::to_string(record.series[r].round) + ',' + csvField(record.stateNames[i]) + ',' +
                   csvField(record.doctrineNames[std::size_t(s.doctrine)]) + ',' + scenario::formatReal(s.payoff) +
                   ',' + scenario::formatReal(s.cumulativePayoff) + ',' + scenario::formatReal(s.trustReceived) + ',' +
                   scenario::formatReal(s.trustGiven) + ',' + scenario::formatReal(s.arms) + ',' +
                   scenario::formatReal(s.defence) + ',' + scenario::formatReal(s.legitimacy) + ',' +
                   scenario::formatReal(s.cooperation) + ',' + (s.surveilling ? "1" : "0") + '\n';
        }
    return out;
}

std::string eventsCsv(const RunRecord& record, const std::string& prefix)
{
    std::string out = "seed,scenario_hash,round,type,actor,target,value,detail\n";
    const auto name = [&](std::int32_t i)
    {
        return i >= 0 && std::size_t(i) < record.stateNames.size() ? csvField(record.stateNames[std::size_t(i)])
                                                                   : std::string();
    };
    for (const auto& e : record.events)
        out += prefix + std::to_string(e.round) + ',' + std::string(engine::eventTypeName(e.type)) + ',' +
               name(e.actor) + ',' +
               (e.type == engine::EventType::DoctrineChange && e.target >= 0 &&
                        std::size_t(e.target) < record.doctrineNames.size()
                    ? csvField(record.doctrineNames[std::size_t(e.target)])
                    : name(e.target)) +
               ',' + scenario::formatReal(e.value) + ',' + csvField(e.detail) + '\n';
    return out;
}

std::string graphml(const engine::Simulation& simulation, const Provenance& provenance)
{
    const auto& world = simulation.world();
    const auto states = simulation.stateMetrics();
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
           "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
           "  <key id=\"bloc\" for=\"node\" attr.name=\"bloc\" attr.type=\"string\"/>\n"
           "  <key id=\"doctrine\" for=\"node\" attr.name=\"doctrine\" attr.type=\"string\"/>\n"
           "  <key id=\"arms\" for=\"node\" attr.name=\"arms\" attr.type=\"double\"/>\n"
           "  <key id=\"legitimacy\" for=\"node\" attr.name=\"legitimacy\" attr.type=\"double\"/>\n"
           "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
           "  <key id=\"trust_ab\" for=\"edge\" attr.name=\"trust_source_in_target\" attr.type=\"double\"/>\n"
           "  <key id=\"trust_ba\" for=\"edge\" attr.name=\"trust_target_in_source\" attr.type=\"double\"/>\n"
           "  <key id=\"mutual_trust\" for=\"edge\" attr.name=\"mutual_trust\" attr.type=\"double\"/>\n"
           "  <key id=\"allied\" for=\"edge\" attr.name=\"allied\" attr.type=\"boolean\"/>\n"
           "  <key id=\"provenance\" for=\"graph\" attr.name=\"provenance\" attr.type=\"string\"/>\n"
           "  <graph id=\"trust\" edgedefault=\"undirected\">\n"
        << "    <data key=\"provenance\">cybersim " << xmlEscape(provenance.version) << "; "
        << xmlEscape(provenance.build) << "; seed " << provenance.seed << "; scenario " << provenance.scenarioHash
        << "; round " << simulation.round() << "</data>\n";
    for (std::size_t i = 0; i < world.stateCount(); ++i)
    {
        const auto& s = world.states[i];
        out << "    <node id=\"n" << i << "\"><data key=\"name\">" << xmlEscape(s.name) << "</data><data key=\"bloc\">"
            << (s.bloc >= 0 ? xmlEscape(world.blocNames[std::size_t(s.bloc)]) : std::string())
            << "</data><data key=\"doctrine\">"
            << xmlEscape(simulation.doctrineNames()[std::size_t(states[i].doctrine)]) << "</data><data key=\"arms\">"
            << scenario::formatReal(states[i].arms) << "</data><data key=\"legitimacy\">"
            << scenario::formatReal(states[i].legitimacy) << "</data></node>\n";
    }
    for (const auto& e : simulation.edges())
        out << "    <edge source=\"n" << e.a << "\" target=\"n" << e.b << "\"><data key=\"weight\">"
            << scenario::formatReal(e.weight) << "</data><data key=\"trust_ab\">" << scenario::formatReal(e.trustAB)
            << "</data><data key=\"trust_ba\">" << scenario::formatReal(e.trustBA)
            << "</data><data key=\"mutual_trust\">" << scenario::formatReal(0.5 * (e.trustAB + e.trustBA))
            << "</data><data key=\"allied\">" << (e.allied ? "true" : "false") << "</data></edge>\n";
    out << "  </graph>\n</graphml>\n";
    return out.str();
}

nlohmann::ordered_json provenanceJson(const Provenance& provenance)
{
    return {{"program", "cybersim"},
            {"version", provenance.version},
            {"build", provenance.build},
            {"seed", provenance.seed},
            {"scenario_hash", provenance.scenarioHash}};
}

// The engine and the events left out, so that the summary says how the run was made.
void addNotes(nlohmann::ordered_json& j, const RunNotes& notes)
{
    j["engine"] = notes.engine;
    if (!notes.engineNote.empty())
        j["engine_note"] = notes.engineNote;
    nlohmann::ordered_json dropped = nlohmann::ordered_json::array();
    for (const auto& e : notes.droppedEvents)
    {
        nlohmann::ordered_json event{{"round", e.round}, {"kind", scenario::eventKindName(e.kind)}};
        if (!e.state.empty())
            event["state"] = e.state;
        if (!e.target.empty())
            event["target"] = e.target;
        if (e.kind == scenario::EventKind::Set)
        {
            event["key"] = e.key;
            event["value"] = e.value;
        }
        else if (e.kind == scenario::EventKind::Incident || e.kind == scenario::EventKind::Disclosure)
            event["severity"] = e.severity;
        dropped.push_back(std::move(event));
    }
    j["dropped_events"] = dropped;
}

std::string spatialTimeseriesCsv(const std::vector<engine::WorldMetrics>& series, const std::string& prefix)
{
    std::string out = "seed,scenario_hash,round";
    for (const auto& name : spatialMetricNames())
        out += ',' + name;
    out += '\n';
    for (const auto& m : series)
    {
        out += prefix + std::to_string(m.round);
        for (const auto& name : spatialMetricNames())
            out += ',' + scenario::formatReal(worldMetricValue(m, name));
        out += '\n';
    }
    return out;
}

// Netpbm P4: a header, then rows of bits packed eight cells to a byte, 1 = black = defector.
std::string latticePbm(const engine::SpatialGame& game, const Provenance& provenance)
{
    const int w = game.def().width, h = game.def().height;
    std::string out = "P4\n# cybersim " + provenance.version + ", seed " + std::to_string(provenance.seed) +
                      ", scenario " + provenance.scenarioHash + ", generation " + std::to_string(game.generation()) +
                      "; black = defector\n" + std::to_string(w) + ' ' + std::to_string(h) + '\n';
    const std::size_t rowBytes = (static_cast<std::size_t>(w) + 7) / 8;
    out.reserve(out.size() + rowBytes * static_cast<std::size_t>(h));
    for (int y = 0; y < h; ++y)
        for (std::size_t byte = 0; byte < rowBytes; ++byte)
        {
            unsigned bits = 0;
            for (int b = 0; b < 8; ++b)
            {
                const int x = static_cast<int>(byte * 8) + b;
                if (x < w && game.strategy(x, y) == core::Action::Defect)
                    bits |= 0x80U >> b;
            }
            out += static_cast<char>(bits);
        }
    return out;
}

} // namespace

void writeFileAtomically(const std::filesystem::path& path, const std::string& contents)
{
    auto temporary = path;
    temporary += ".partial";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        if (!file)
            throw ConfigError("cannot write " + temporary.string());
        file.write(contents.data(), static_cast<std::streamsize>(contents.size()));
        file.flush();
        if (!file)
            throw ConfigError("cannot write " + temporary.string() + " (disk full?)");
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error)
    {
        std::filesystem::remove(temporary, error);
        throw ConfigError("cannot move " + temporary.string() + " to " + path.string());
    }
}

std::string summaryJson(const RunRecord& record, const engine::Simulation& finalState, const Provenance& provenance,
                        const RunNotes& notes)
{
    nlohmann::ordered_json j;
    j["provenance"] = provenanceJson(provenance);
    j["scenario"] = {{"name", finalState.scenario().name},
                     {"description", finalState.scenario().description},
                     {"source", finalState.scenario().sourceFile},
                     {"states", finalState.world().stateCount()},
                     {"relations", finalState.world().edgeCount() / 2},
                     {"round_label", finalState.scenario().run.roundLabel}};
    j["rounds"] = finalState.round();
    addNotes(j, notes);
    const auto& last = record.series.empty() ? finalState.metrics() : record.series.back();
    nlohmann::ordered_json final;
    for (const auto& name : worldMetricNames())
        final[name] = worldMetricValue(last, name);
    j["final"] = final;
    nlohmann::ordered_json norms = nlohmann::ordered_json::array();
    for (const auto& [name, adopted] : finalState.norms())
        norms.push_back({{"issue", name}, {"adopted", adopted}});
    j["norms"] = norms;
    std::size_t counts[16] = {};
    for (const auto& e : record.events)
        ++counts[std::size_t(e.type) & 15];
    nlohmann::ordered_json events;
    for (std::size_t t = 0; t <= std::size_t(engine::EventType::DoctrineChange); ++t)
        events[std::string(engine::eventTypeName(engine::EventType(t)))] = counts[t];
    j["event_counts"] = events;
    return j.dump(2) + "\n";
}

std::vector<std::string> writeRunOutputs(const std::filesystem::path& folder, const RunRecord& record,
                                         const engine::Simulation& finalState, const Provenance& provenance,
                                         const RunNotes& notes)
{
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error || !std::filesystem::is_directory(folder))
        throw ConfigError("cannot create output folder " + folder.string() + ": " + error.message());
    const std::string prefix = std::to_string(provenance.seed) + ',' + provenance.scenarioHash + ',';
    writeFileAtomically(folder / "timeseries.csv", timeseriesCsv(record, prefix));
    if (record.recordStates)
        writeFileAtomically(folder / "states.csv", statesCsv(record, prefix));
    writeFileAtomically(folder / "events.csv", eventsCsv(record, prefix));
    writeFileAtomically(folder / "network.graphml", graphml(finalState, provenance));
    auto removed =
        record.recordStates
            ? removeStaleRunFiles(folder,
                                  {"timeseries.csv", "states.csv", "events.csv", "network.graphml", "summary.json"})
            : removeStaleRunFiles(folder, {"timeseries.csv", "events.csv", "network.graphml", "summary.json"});
    // summary.json last: its presence says the other files are complete.
    writeFileAtomically(folder / "summary.json", summaryJson(record, finalState, provenance, notes));
    return removed;
}

std::vector<std::string> writeSpatialRunOutputs(const std::filesystem::path& folder,
                                                const std::vector<engine::WorldMetrics>& series,
                                                const engine::SpatialGame& finalGrid,
                                                const scenario::Scenario& scenario, const Provenance& provenance,
                                                const RunNotes& notes)
{
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error || !std::filesystem::is_directory(folder))
        throw ConfigError("cannot create output folder " + folder.string() + ": " + error.message());
    const std::string prefix = std::to_string(provenance.seed) + ',' + provenance.scenarioHash + ',';
    writeFileAtomically(folder / "timeseries.csv", spatialTimeseriesCsv(series, prefix));
    writeFileAtomically(folder / "lattice.pbm", latticePbm(finalGrid, provenance));

    const auto& def = finalGrid.def();
    const auto acts = finalGrid.acts();
    nlohmann::ordered_json j;
    j["provenance"] = provenanceJson(provenance);
    j["scenario"] = {{"name", scenario.name},         {"description", scenario.description},
                     {"source", scenario.sourceFile}, {"states", std::uint64_t(def.width) * std::uint64_t(def.height)},
                     {"relations", acts.total / 2},   {"round_label", scenario.run.roundLabel}};
    j["rounds"] = series.empty() ? 0 : series.back().round;
    addNotes(j, notes);
    j["lattice"] = {{"width", def.width},
                    {"height", def.height},
                    {"periodic", def.periodic},
                    {"neighbourhood", def.neighbourhood == scenario::Neighbourhood::Moore ? "moore" : "von-neumann"},
                    {"self_interaction", def.selfInteraction},
                    {"update", def.update == engine::SpatialUpdate::Synchronous ? "synchronous" : "asynchronous"},
                    {"generations", finalGrid.generation()},
                    {"final_cooperator_share", finalGrid.cooperatorShare()}};
    nlohmann::ordered_json final;
    if (!series.empty())
        for (const auto& name : spatialMetricNames())
            final[name] = worldMetricValue(series.back(), name);
    j["final"] = final;
    nlohmann::ordered_json missing = nlohmann::ordered_json::array();
    for (const auto& name : worldMetricNames())
        if (std::find(spatialMetricNames().begin(), spatialMetricNames().end(), name) == spatialMetricNames().end())
            missing.push_back(name);
    j["metrics_not_computed"] = missing;
    j["files_not_written"] = {"states.csv", "events.csv", "network.graphml"};
    auto removed = removeStaleRunFiles(folder, {"timeseries.csv", "lattice.pbm", "summary.json"});
    // summary.json last: its presence says the other files are complete.
    writeFileAtomically(folder / "summary.json", j.dump(2) + "\n");
    return removed;
}

} // namespace cybersim::records
