// SPDX-License-Identifier: MIT
// Small worlds built in code for engine tests, independent of the scenario files and the loader.
#pragma once

#include "cybersim/scenario/scenario.hpp"

#include <string>
#include <vector>

namespace cybersim::test
{

/// Switches off arms, common security, surveillance, sovereignty and governance, leaving the stage game and learning:
/// a classic game-theory setup on the engine.
inline void switchOffCyberMechanics(scenario::Scenario& s)
{
    s.arms.enabled = false;
    s.commonSecurity.enabled = false;
    s.surveillance.enabled = false;
    s.sovereignty.enabled = false;
    s.governance.approach = scenario::GovernanceApproach::None;
}

/// States S0, S1, ... with the given doctrines on a complete network, 50 rounds, no per-state records; every mechanic
/// at its default.
inline scenario::Scenario listedWorld(const std::string& name, const std::vector<std::string>& doctrines)
{
    scenario::Scenario s;
    s.name = name;
    s.run.rounds = 50;
    s.run.recordStates = false;
    s.network.kind = scenario::NetworkKind::Complete;
    for (std::size_t i = 0; i < doctrines.size(); ++i)
    {
        scenario::StateDef st;
        st.name = "S" + std::to_string(i);
        st.doctrine = doctrines[i];
        s.states.push_back(st);
    }
    return s;
}

/// n states of one doctrine on a complete network, every mechanic at its default.
inline scenario::Scenario uniformWorld(int n, const std::string& doctrine, int rounds = 100, std::uint64_t seed = 1)
{
    scenario::Scenario s;
    s.name = "test";
    s.run.rounds = rounds;
    s.run.seed = seed;
    s.network.kind = scenario::NetworkKind::Complete;
    s.governance.issues = {{"easy", 0.3}, {"medium", 0.45}, {"hard", 0.6}, {"hardest", 0.75}};
    for (int i = 0; i < n; ++i)
    {
        scenario::StateDef st;
        st.name = "S" + std::to_string(i);
        st.doctrine = doctrine;
        st.bloc = i % 2 == 0 ? "east" : "west";
        st.capability = 1.0 + 0.1 * i;
        st.economicWeight = 1.0 + 0.05 * i;
        s.states.push_back(st);
    }
    return s;
}

/// A mixed world: the seven cyber doctrines round-robin on a small-world network, with scheduled events.
inline scenario::Scenario mixedWorld(int n = 14, int rounds = 120, std::uint64_t seed = 7)
{
    static const char* doctrines[] = {
        "common-security-builder", "realist-hedger", "zero-sum-hegemon", "free-rider", "isolationist",
        "norm-entrepreneur",       "hypocrite"};
    auto s = uniformWorld(n, doctrines[0], rounds, seed);
    for (int i = 0; i < n; ++i)
        s.states[std::size_t(i)].doctrine = doctrines[i % 7];
    s.network.kind = scenario::NetworkKind::WattsStrogatz;
    s.network.degree = 4;
    s.network.rewire = 0.2;
    s.noise.falseAttribution = 0.05;
    s.learning.rule = scenario::LearningRule::Imitation;
    s.learning.mutation = 0.01;
    s.events.push_back({10, scenario::EventKind::Disclosure, "S2", "", "", 0.0, 1.0, 0});
    s.events.push_back({20, scenario::EventKind::Incident, "S2", "S0", "", 0.0, 2.0, 0});
    s.events.push_back({30, scenario::EventKind::Set, "", "", "noise.false_attribution", 0.1, 1.0, 0});
    s.events.push_back({40, scenario::EventKind::Summit, "", "", "", 0.0, 1.0, 0});
    return s;
}

} // namespace cybersim::test
