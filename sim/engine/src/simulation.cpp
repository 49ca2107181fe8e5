// SPDX-License-Identifier: MIT
// Simulation: construction from a scenario, the order of a round's phases, and read access to the results.
#include "cybersim/engine/simulation.hpp"

#include "cybersim/core/error.hpp"
#include "cybersim/scenario/matrix_game_of.hpp"
#include "cybersim/scenario/scenario_schema.hpp"
#include "simulation_state.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

namespace cybersim::engine
{

scenario::ParamValue numericParamValue(const scenario::ParameterInfo& info, double value)
{
    if (info.type == scenario::ValueType::Integer)
        return scenario::ParamValue{static_cast<std::int64_t>(std::llround(value))};
    if (info.type == scenario::ValueType::Bool)
        return scenario::ParamValue{value != 0.0};
    return scenario::ParamValue{value};
}

const core::Strategy* SimulationState::strategyFor(const std::string& name, const std::vector<double>& strategyParams)
{
    auto& slot = strategyPool[{name, strategyParams}];
    if (!slot)
        slot = catalogue->makeStrategy(name, strategyParams);
    return slot.get();
}

void SimulationState::setDoctrine(std::size_t i, std::int32_t doctrineIndex)
{
    doctrine[i] = doctrineIndex;
    const auto* def = doctrineDefs[static_cast<std::size_t>(doctrineIndex)];
    strategy[i] = doctrineStrategy(static_cast<std::size_t>(doctrineIndex));
    boldness[i] = def->boldness;
    vengefulness[i] = def->vengefulness;
    // A new doctrine starts its repeated games afresh: rule-private counters would mean nothing to another rule.
    for (auto e = begin(i); e < end(i); ++e)
        std::fill(std::begin(memory[e].rule), std::end(memory[e].rule), 0);
}

const core::Strategy* SimulationState::doctrineStrategy(std::size_t d)
{
    if (doctrineStrategies[d] == nullptr)
        doctrineStrategies[d] = strategyFor(doctrineDefs[d]->strategy, doctrineDefs[d]->strategyParams);
    return doctrineStrategies[d];
}

void SimulationState::log(EventType type, std::int32_t actor, std::int32_t target, double value, std::string detail)
{
    events.push_back({round, type, actor, target, value, std::move(detail)});
}

Simulation::Simulation(const scenario::Scenario& scenario, const core::Catalogue& catalogue, SimulationOptions options)
    : m_state(std::make_unique<SimulationState>())
{
    auto& s = *m_state;
    s.params = scenario;
    s.catalogue = &catalogue;
    s.options = options;
    s.rng = core::CounterRng(scenario.run.seed);
    s.world = buildWorld(scenario, catalogue, scenario.run.seed);
    std::stable_sort(s.params.events.begin(), s.params.events.end(),
                     [](const scenario::EventDef& a, const scenario::EventDef& b) { return a.round < b.round; });
    for (const auto& name : s.world.doctrines)
    {
        auto def = catalogue.resolveDoctrine(name, scenario.game.actions);
        if (!def)
            throw ConfigError("unknown doctrine '" + name + "'");
        s.doctrineStore.push_back(std::move(*def));
    }
    for (const auto& def : s.doctrineStore)
        s.doctrineDefs.push_back(&def);
    s.doctrineStrategies.assign(s.doctrineDefs.size(), nullptr);
    s.matrix = scenario.game.kind == scenario::GameKind::Matrix;
    if (s.matrix)
    {
        s.matrixGame = matrixGameOf(scenario.game);
        s.params.game.matrix = s.matrixGame.restriction(); // as the loader derives it, for scenarios built in code
    }

    const std::size_t n = s.n(), m = s.world.edgeCount();
    s.arms.resize(n);
    s.defence.resize(n);
    s.legitimacy.assign(n, 1.0);
    s.nextArms.resize(n);
    s.nextDefence.resize(n);
    s.doctrine.resize(n);
    s.strategy.resize(n);
    s.active.resize(n);
    s.surveilling.assign(n, 0);
    s.payoff.assign(n, 0.0);
    s.cumulativePayoff.assign(n, 0.0);
    s.windowPayoff.assign(n, 0.0);
    s.payoffAdjustment.assign(n, 0.0);
    s.offenceShare.assign(n, 0.0);
    s.defenceShare.assign(n, 0.0);
    s.contributionShare.assign(n, 0.0);
    for (auto* v : {&s.coopActs, &s.acts, &s.attacksMade, &s.intrusionsMade, &s.accusationsMade, &s.groundlessMade,
                    &s.punishedBy, &s.nonPunishments})
        v->assign(n, 0);
    s.trustGiven.assign(n, 0.0);
    s.trustReceived.assign(n, 0.0);
    s.pressure.assign(n, 0.0);
    s.trustPartials.assign(n, TrustPartials{});
    s.perron.vector.assign(n, 1.0);
    s.perron.next.assign(n, 0.0);
    s.scratch.reserve(n);
    s.memory.assign(m, core::DyadMemory{});
    s.trust = s.world.initialTrust;
    s.act.assign(m, s.matrixGame.cooperateAct);
    if (s.matrix)
    {
        s.seenAct.assign(m, s.matrixGame.cooperateAct);
        s.seenActBefore.assign(m, s.matrixGame.cooperateAct);
    }
    s.accused.assign(m, 0);
    s.punished.assign(m, 0);
    s.metaPunished.assign(m, 0);
    s.violationSeen.assign(n, 0.0);
    s.lapseSeen.assign(n, 0.0);
    s.edgePayoff.assign(m, 0.0);
    s.edgeOtherPayoff.assign(m, 0.0);
    s.perceived.assign(m, 0);

    s.boldness.resize(n);
    s.vengefulness.resize(n);
    s.exposure.resize(n);
    s.bloc.resize(n);
    s.distrustWeight.assign(m, 0.0);
    s.intrusionChance.assign(m, 0.0);
    s.intrusionOutcome.assign(m, 0);
    s.actOut.assign(m, 0);
    for (std::size_t i = 0; i < n; ++i)
    {
        const auto& init = s.world.states[i];
        s.exposure[i] = init.ictDependence * init.economicWeight;
        s.bloc[i] = init.bloc;
        s.arms[i] = init.capability;
        s.defence[i] = init.defence;
        s.active[i] = init.activeAtStart ? 1 : 0;
        s.doctrine[i] = init.doctrine;
        s.strategy[i] = s.strategyFor(init.strategy, init.strategyParams);
        const auto* doctrine = s.doctrineDefs[static_cast<std::size_t>(init.doctrine)];
        s.boldness[i] = doctrine->boldness;
        s.vengefulness[i] = doctrine->vengefulness;
        if (scenario.governance.randomTraits)
        {
            // Sevenths, as Axelrod's three-bit genes (Axelrod 1986).
            s.boldness[i] = double(s.rng.below(8, 0, i, 0, core::Purpose::Init)) / 7.0;
            s.vengefulness[i] = double(s.rng.below(8, 0, i, 1, core::Purpose::Init)) / 7.0;
        }
    }
    s.refreshEdgeCaches();
    s.partnerRuns.resize(n);
    s.completeNetwork = n > kernel::kColumns;
    for (std::size_t i = 0; i < n; ++i)
    {
        const auto b = s.begin(i), e = s.end(i);
        s.partnerRuns[i] = kernel::findPartnerRuns(s.world.partner.data(), b, e);
        // Complete: state i's partners are exactly every other state, in order, as kernel::Columns reads them.
        s.completeNetwork = s.completeNetwork && e - b == n - 1;
        for (auto k = b; s.completeNetwork && k < e; ++k)
            s.completeNetwork = s.world.partner[k] == (k - b) + (k - b >= i ? 1 : 0);
    }
    s.columnSums.assign(n, 0.0);
    s.budgetTrust.assign(n, 0.0);
    s.threat = scenario.commonSecurity.threatInitial;
    s.agenda = scenario.governance.issues;
    std::stable_sort(s.agenda.begin(), s.agenda.end(),
                     [](const scenario::NormIssueDef& a, const scenario::NormIssueDef& b)
                     { return a.difficulty < b.difficulty; });
    s.adopted.assign(s.agenda.size(), 0);
    double total = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        total += s.active[i] ? s.arms[i] : 0.0;
    s.initialArms = total > 0.0 ? total : 1.0;
    s.stateMetrics.resize(n);
    // Round 0's game classification needs the intrusion chances before any act is played.
    s.refreshIntrusionFactors();
    for (std::size_t i = 0; i < n; ++i)
        for (auto k = s.begin(i); k < s.end(i); ++k)
            s.intrusionChance[k] = 1.0 / (1.0 + s.attackFactor[i] * s.defenceFactor[s.world.partner[k]]);
    computeMetrics(s);
}

Simulation::~Simulation() = default;
Simulation::Simulation(Simulation&&) noexcept = default;
Simulation& Simulation::operator=(Simulation&&) noexcept = default;

void Simulation::step()
{
    auto& s = *m_state;
    if (finished())
        return;
    s.events.clear();
    s.roundNormViolations = s.roundPunishments = s.roundDisclosures = s.roundStatesHit = 0;
    const bool summit = std::any_of(
        s.params.events.begin() + static_cast<std::ptrdiff_t>(s.nextEvent), s.params.events.end(),
        [&](const scenario::EventDef& e) { return e.round == s.round && e.kind == scenario::EventKind::Summit; });
    applyScheduledEvents(s);
    playDyads(s);
    playGroupGames(s);
    updateReputationAndArms(s);
    updateCommonSecurity(s);
    runGovernance(s, summit);
    if (s.params.governance.enforcement == scenario::Enforcement::Axelrod)
        playNormsGame(s);
    else
        enforceNorms(s);
    runLearning(s);
    ++s.round;
    computeMetrics(s);
}

void Simulation::advance(int rounds)
{
    for (int r = 0; r < rounds && !finished(); ++r)
        step();
}

double Simulation::convergedStabilityEigenvalue() const
{
    // From the round's estimate, on a copy: the round's own iteration is the next round's warm start.
    PerronIteration perron = m_state->perron;
    return armsStabilityEigenvalue(*m_state, perron, kStabilityStepsInitial);
}

int Simulation::round() const noexcept
{
    return m_state->round;
}
bool Simulation::finished() const noexcept
{
    return m_state->round >= m_state->params.run.rounds;
}
const WorldMetrics& Simulation::metrics() const noexcept
{
    return m_state->metrics;
}
std::span<const StateMetrics> Simulation::stateMetrics() const noexcept
{
    return m_state->stateMetrics;
}
std::span<const EventRecord> Simulation::newEvents() const noexcept
{
    return m_state->events;
}
const scenario::Scenario& Simulation::scenario() const noexcept
{
    return m_state->params;
}
const World& Simulation::world() const noexcept
{
    return m_state->world;
}
const std::vector<std::string>& Simulation::doctrineNames() const noexcept
{
    return m_state->world.doctrines;
}

std::vector<EdgeView> Simulation::edges() const
{
    const auto& s = *m_state;
    std::vector<EdgeView> out;
    for (std::uint32_t i = 0; i < s.n(); ++i)
        for (auto e = s.begin(i); e < s.end(i); ++e)
        {
            const auto j = s.world.partner[e];
            if (j > i)
                out.push_back(
                    {i, j, s.world.weight[e], s.trust[e], s.trust[s.world.reverse[e]], s.world.allied[e] != 0});
        }
    return out;
}

std::vector<std::pair<std::string, bool>> Simulation::norms() const
{
    std::vector<std::pair<std::string, bool>> out;
    for (std::size_t k = 0; k < m_state->agenda.size(); ++k)
        out.emplace_back(m_state->agenda[k].name, m_state->adopted[k] != 0);
    return out;
}

namespace
{
std::uint64_t hashBytes(std::uint64_t h, const void* data, std::size_t size)
{
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t k = 0; k < size; ++k)
        h = (h ^ p[k]) * 0x100000001b3ULL;
    return h;
}
template <class T> std::uint64_t hashVector(std::uint64_t h, const std::vector<T>& v)
{
    return hashBytes(h, v.data(), v.size() * sizeof(T));
}
} // namespace

std::uint64_t Simulation::stateHash() const noexcept
{
    const auto& s = *m_state;
    std::uint64_t h = 0xcbf29ce484222325ULL;
    h = hashVector(h, s.arms);
    h = hashVector(h, s.defence);
    h = hashVector(h, s.legitimacy);
    h = hashVector(h, s.doctrine);
    h = hashVector(h, s.cumulativePayoff);
    h = hashVector(h, s.trust);
    if (s.recordPending)
    {
        // The memories as they are once the pending round is recorded (recordPending); this copy is for tests.
        auto memory = s.memory;
        for (std::size_t i = 0; i < s.n(); ++i)
            recordPendingRound(s, i, memory.data());
        h = hashVector(h, memory);
    }
    else
        h = hashVector(h, s.memory);
    h = hashVector(h, s.adopted);
    h = hashVector(h, s.boldness);
    h = hashVector(h, s.vengefulness);
    h = hashVector(h, s.seenAct); // empty unless the stage game is a matrix game
    h = hashBytes(h, &s.threat, sizeof s.threat);
    h = hashBytes(h, &s.metrics.stabilityEigenvalue, sizeof(double));
    return h;
}

void Simulation::setParameter(std::string_view keyPath, double value)
{
    const auto ref = scenario::resolveParameter(keyPath);
    const auto fail = [&](const std::string& message) {
        throw ScenarioError({Diagnostic{"", 0, 0, std::string(keyPath), message}});
    };
    if (ref.info == nullptr)
        fail("is not a scenario parameter");
    const auto& info = *ref.info;
    if (!info.isNumeric() && info.type != scenario::ValueType::Bool)
        fail("is not numeric and cannot be changed during a run");
    if (info.isElementKey())
        fail("is a per-state or per-edge value, fixed when the world is built");
    const scenario::ParamValue converted = numericParamValue(info, value);
    if (const auto problem = info.checkValue(converted))
        fail(*problem);
    info.set(m_state->params, converted, ref.index);
}

} // namespace cybersim::engine
