// SPDX-License-Identifier: MIT
// Writing the fully resolved scenario as TOML (every key, defaults included) and hashing it for provenance.
#include "cybersim/scenario/scenario_io.hpp"

#include "cybersim/scenario/scenario_schema.hpp"

#include <array>
#include <cstdint>

namespace cybersim::scenario
{

namespace
{

std::string quote(const std::string& s)
{
    return formatValue(s);
}

std::string realList(const std::vector<double>& values)
{
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i == 0 ? "" : ", ") + formatValue(values[i]);
    return out + "]";
}

std::string textList(const std::vector<std::string>& values)
{
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i == 0 ? "" : ", ") + quote(values[i]);
    return out + "]";
}

void writeMatrix(std::string& out, const char* key, const NamedMatrix& m)
{
    if (m.names.empty() && m.values.empty())
        return;
    out += "\n[network." + std::string(key) + "]\nnames = " + textList(m.names) + "\nvalues = [\n";
    const std::size_t n = m.names.size();
    for (std::size_t r = 0; n > 0 && r * n < m.values.size(); ++r)
    {
        const auto first = m.values.begin() + static_cast<std::ptrdiff_t>(r * n);
        const auto last = m.values.begin() + static_cast<std::ptrdiff_t>(std::min(m.values.size(), (r + 1) * n));
        out += "    " + realList(std::vector<double>(first, last)) + ",\n";
    }
    out += "]\n";
}

// The group's extra (non-scalar) keys, written after its scalars.
void writeExtras(std::string& out, const std::string& group, const Scenario& s)
{
    if (group == "network")
    {
        out += "edges = [";
        for (const auto& e : s.network.edges)
            out += "\n    { a = " + quote(e.a) + ", b = " + quote(e.b) + ", weight = " + formatValue(e.weight) + " },";
        out += s.network.edges.empty() ? "]\n" : "\n]\n";
    }
    else if (group == "generate")
    {
        out += "doctrines = " + textList(s.generate.doctrines) + "\n";
        out += "doctrine_shares = " + realList(s.generate.doctrineShares) + "\n";
    }
    else if (group == "game" && s.game.kind == GameKind::Matrix)
    {
        out += "actions = " + textList(s.game.actions) + "\n";
        out += "cooperative_actions = " + textList(s.game.cooperativeActions) + "\n";
        out += "payoffs = [ # row = own act, column = the partner's act\n";
        for (const auto& row : s.game.payoffs)
            out += "    " + realList(row) + ",\n";
        out += "]\n";
    }
    else if (group == "governance")
    {
        out += "issues = [";
        for (const auto& issue : s.governance.issues)
            out += "\n    { name = " + quote(issue.name) + ", difficulty = " + formatValue(issue.difficulty) + " },";
        out += s.governance.issues.empty() ? "]\n" : "\n]\n";
    }
}

bool isCsvPath(const ParameterInfo& p)
{
    return p.unit == "path";
}

// A matrix game derives R, S, T and P from its table, and the loader refuses them as input.
bool isDerived(const ParameterInfo& p, const Scenario& s)
{
    return s.game.kind == GameKind::Matrix && (p.key == "game.reward" || p.key == "game.sucker" ||
                                               p.key == "game.temptation" || p.key == "game.punishment");
}

} // namespace

std::string writeScenario(const Scenario& s)
{
    std::string out = "# cybersim scenario, fully resolved: every key is written, defaults included.\n"
                      "# CSV matrices are written inline under [network.*]. Format reference: docs/scenarios.md\n";
    std::string group = "\x01";
    const auto closeGroup = [&]
    {
        if (group != "\x01" && !group.empty())
        {
            writeExtras(out, group, s);
            if (group == "network")
            {
                writeMatrix(out, "interdependence", s.network.interdependence);
                writeMatrix(out, "alliance", s.network.alliance);
                writeMatrix(out, "trust", s.network.trust);
            }
        }
    };
    for (const auto& p : parameters())
    {
        if (p.isElementKey() || isCsvPath(p))
            continue;
        if (p.group != group)
        {
            closeGroup();
            group = p.group;
            if (!group.empty())
                out += "\n[" + group + "]\n";
        }
        if (!isDerived(p, s))
            out += std::string(p.field()) + " = " + formatValue(p.get(s)) + "\n";
    }
    closeGroup();

    const auto writeElement = [&](const std::string& array, std::size_t i, const auto& skip)
    {
        for (const auto& p : parameters())
            if (p.isElementKey() && p.group == array && !skip(p.field()))
                out += std::string(p.field()) + " = " + formatValue(p.get(s, i)) + "\n";
    };
    for (std::size_t i = 0; i < s.states.size(); ++i)
    {
        out += "\n[[states]]\n";
        writeElement("states", i, [](std::string_view) { return false; });
        if (!s.states[i].strategyParams.empty())
            out += "strategy_params = " + realList(s.states[i].strategyParams) + "\n";
    }
    for (std::size_t i = 0; i < s.events.size(); ++i)
    {
        const auto kind = s.events[i].kind;
        out += "\n[[events]]\n";
        writeElement("events", i,
                     [kind](std::string_view field)
                     {
                         const bool hasState = kind != EventKind::Summit && kind != EventKind::Set;
                         const bool hasTarget = kind == EventKind::Incident || kind == EventKind::Alliance;
                         const bool isSet = kind == EventKind::Set;
                         const bool hasSeverity = kind == EventKind::Incident || kind == EventKind::Disclosure;
                         return (field == "state" && !hasState) || (field == "target" && !hasTarget) ||
                                ((field == "key" || field == "value") && !isSet) ||
                                (field == "severity" && !hasSeverity);
                     });
    }
    for (std::size_t i = 0; i < s.claims.size(); ++i)
    {
        const auto& claim = s.claims[i];
        out += "\n[[claims]]\n";
        writeElement("claims", i,
                     [&claim](std::string_view field)
                     {
                         const bool window = claim.stat == ClaimStat::Mean;
                         return ((field == "from" || field == "to") && !window) ||
                                (field == "versus" && claim.versus.empty()) ||
                                (field == "share" && !claim.versus.empty()) ||
                                (field == "known_failure" && claim.knownFailure.empty());
                     });
    }
    return out;
}

std::string scenarioHash(const Scenario& scenario)
{
    // FNV-1a, 64 bit, over the resolved text: stable across platforms and builds.
    // Claims are left out: they say what a run should show, and never change it.
    std::uint64_t hash = 14695981039346656037ull;
    Scenario run = scenario;
    run.claims.clear();
    for (const char c : writeScenario(run))
    {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, hash >>= 4)
        out[static_cast<std::size_t>(i)] = kHex[hash & 15];
    return out;
}

} // namespace cybersim::scenario
