// SPDX-License-Identifier: MIT
// The table of every scenario key, its documentation and accessors, and the markdown reference rendered from it.
#include "cybersim/scenario/scenario_schema.hpp"
#include "cybersim/scenario/nearest_key.hpp"

#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/core/matrix_game.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <type_traits>

namespace cybersim::scenario
{

namespace
{

// Kebab-case names of each enum, in enumerator order.
template <typename E> struct EnumNames;
template <> struct EnumNames<NetworkKind>
{
    static constexpr std::array<std::string_view, 7> names{
        "complete", "ring", "lattice", "erdos-renyi", "watts-strogatz", "barabasi-albert", "explicit"};
};
template <> struct EnumNames<Placement>
{
    static constexpr std::array<std::string_view, 3> names{"shuffled", "ordered", "centre"};
};
template <> struct EnumNames<Enforcement>
{
    static constexpr std::array<std::string_view, 2> names{"intrusions", "axelrod"};
};
template <> struct EnumNames<Neighbourhood>
{
    static constexpr std::array<std::string_view, 2> names{"von-neumann", "moore"};
};
template <> struct EnumNames<GameKind>
{
    static constexpr std::array<std::string_view, 7> names{
        "cyber", "prisoners-dilemma", "stag-hunt", "hawk-dove", "chicken", "custom", "matrix"};
};
template <> struct EnumNames<GovernanceApproach>
{
    static constexpr std::array<std::string_view, 3> names{"none", "gradual", "comprehensive"};
};
template <> struct EnumNames<LearningRule>
{
    static constexpr std::array<std::string_view, 7> names{"none",          "imitation",     "imitate-best",  "moran",
                                                           "reinforcement", "best-response", "axelrod-traits"};
};
template <> struct EnumNames<LearningUpdate>
{
    static constexpr std::array<std::string_view, 2> names{"synchronous", "asynchronous"};
};
template <> struct EnumNames<GroupGameKind>
{
    static constexpr std::array<std::string_view, 3> names{"none", "public-goods", "collective-risk"};
};
template <> struct EnumNames<GroupFormation>
{
    static constexpr std::array<std::string_view, 3> names{"well-mixed", "all-groups", "neighbourhood"};
};
template <> struct EnumNames<EventKind>
{
    static constexpr std::array<std::string_view, 6> names{"disclosure", "incident", "join",
                                                           "alliance",   "summit",   "set"};
};
template <> struct EnumNames<ClaimStat>
{
    static constexpr std::array<std::string_view, 2> names{"mean", "final"};
};
template <> struct EnumNames<ClaimComparison>
{
    static constexpr std::array<std::string_view, 4> names{"below", "at-most", "above", "at-least"};
};

template <typename T> constexpr ValueType valueTypeOf()
{
    if constexpr (std::is_same_v<T, double>)
        return ValueType::Real;
    else if constexpr (std::is_same_v<T, bool>)
        return ValueType::Bool;
    else if constexpr (std::is_integral_v<T>)
        return ValueType::Integer;
    else if constexpr (std::is_enum_v<T>)
        return ValueType::Choice;
    else
        return ValueType::Text;
}

template <typename T> ParamValue toParam(const T& v)
{
    if constexpr (std::is_same_v<T, double> || std::is_same_v<T, bool> || std::is_same_v<T, std::string>)
        return v;
    else if constexpr (std::is_integral_v<T>)
        return static_cast<std::int64_t>(v);
    else
        return std::string(EnumNames<T>::names[static_cast<std::size_t>(v)]);
}

[[noreturn]] void wrongType(std::string_view key, const ParamValue& value)
{
    throw ConfigError(std::string(key) + " cannot be set to " + formatValue(value));
}

// Converts without range checks (checkValue does those); integers are clamped to the field's representable range.
template <typename T> T fromParam(const ParamValue& v, std::string_view key)
{
    if constexpr (std::is_same_v<T, double>)
    {
        if (const auto* d = std::get_if<double>(&v))
            return *d;
        if (const auto* i = std::get_if<std::int64_t>(&v))
            return static_cast<double>(*i);
    }
    else if constexpr (std::is_same_v<T, bool>)
    {
        if (const auto* b = std::get_if<bool>(&v))
            return *b;
    }
    else if constexpr (std::is_integral_v<T>)
    {
        std::int64_t i = 0;
        if (const auto* p = std::get_if<std::int64_t>(&v))
            i = *p;
        else if (const auto* d = std::get_if<double>(&v);
                 d != nullptr && std::isfinite(*d) && *d == std::trunc(*d) && std::abs(*d) < 9.0e18)
            i = static_cast<std::int64_t>(*d);
        else
            wrongType(key, v);
        const auto lo = static_cast<std::int64_t>(std::numeric_limits<T>::min());
        const auto hi =
            std::numeric_limits<T>::max() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
                ? std::numeric_limits<std::int64_t>::max()
                : static_cast<std::int64_t>(std::numeric_limits<T>::max());
        return static_cast<T>(std::clamp(i, lo, hi));
    }
    else if constexpr (std::is_same_v<T, std::string>)
    {
        if (const auto* s = std::get_if<std::string>(&v))
            return *s;
    }
    else
    {
        if (const auto* s = std::get_if<std::string>(&v))
        {
            const auto& names = EnumNames<T>::names;
            const auto it = std::find(names.begin(), names.end(), *s);
            if (it != names.end())
                return static_cast<T>(it - names.begin());
        }
    }
    wrongType(key, v);
}

template <auto Member, auto... Rest, typename Object> auto& walk(Object& object)
{
    if constexpr (sizeof...(Rest) == 0)
        return object.*Member;
    else
        return walk<Rest...>(object.*Member);
}

// Accessors: a field of Scenario reached through a chain of members, or a field of an element of one of its arrays.
template <auto... Members> struct Path
{
    static auto& ref(Scenario& s, std::size_t) { return walk<Members...>(s); }
    using T = std::remove_cvref_t<decltype(ref(std::declval<Scenario&>(), 0))>;
    static T defaultValue()
    {
        Scenario s;
        return ref(s, 0);
    }
};

std::vector<StateDef>& statesOf(Scenario& s)
{
    return s.states;
}
std::vector<EdgeDef>& edgesOf(Scenario& s)
{
    return s.network.edges;
}
std::vector<NormIssueDef>& issuesOf(Scenario& s)
{
    return s.governance.issues;
}
std::vector<EventDef>& eventsOf(Scenario& s)
{
    return s.events;
}
std::vector<ClaimDef>& claimsOf(Scenario& s)
{
    return s.claims;
}

template <auto Container, auto Member> struct InArray
{
    static auto& ref(Scenario& s, std::size_t i)
    {
        auto& items = Container(s);
        if (i >= items.size())
            throw ConfigError("element " + std::to_string(i) + " does not exist; there are " +
                              std::to_string(items.size()));
        return items[i].*Member;
    }
    using T = std::remove_cvref_t<decltype(ref(std::declval<Scenario&>(), 0))>;
    static T defaultValue()
    {
        using Element = std::remove_cvref_t<decltype(Container(std::declval<Scenario&>())[0])>;
        return Element{}.*Member;
    }
};

template <typename Access> ParamValue getValue(const Scenario& s, std::size_t i)
{
    // Reading through the mutable accessor does not modify the scenario.
    return toParam(Access::ref(const_cast<Scenario&>(s), i));
}

template <typename Access> void setValue(Scenario& s, std::size_t i, const ParamValue& v)
{
    using T = typename Access::T;
    auto& field = Access::ref(s, i);
    field = fromParam<T>(v, "value");
}

std::optional<Bound> incl(double v)
{
    return Bound{v, false};
}
std::optional<Bound> excl(double v)
{
    return Bound{v, true};
}
constexpr double kMaxCount = 1000000.0;

class Builder
{
public:
    std::vector<ParameterInfo> rows;

    template <typename Access>
    void add(std::string key, std::string meaning, std::string unit, std::optional<Bound> min = std::nullopt,
             std::optional<Bound> max = std::nullopt)
    {
        using T = typename Access::T;
        ParameterInfo p;
        p.key = std::move(key);
        const auto bracket = p.key.find("[]");
        p.group = bracket != std::string::npos           ? p.key.substr(0, bracket)
                  : p.key.find('.') == std::string::npos ? std::string()
                                                         : p.key.substr(0, p.key.rfind('.'));
        p.meaning = std::move(meaning);
        p.unit = std::move(unit);
        p.type = valueTypeOf<T>();
        if constexpr (std::is_enum_v<T>)
            for (auto n : EnumNames<T>::names)
                p.choices.emplace_back(n);
        p.min = min;
        p.max = max;
        p.defaultValue = toParam(Access::defaultValue());
        p.getter = &getValue<Access>;
        p.setter = &setValue<Access>;
        rows.push_back(std::move(p));
    }
};

std::vector<ParameterInfo> buildParameters()
{
    Builder b;
    const auto p01 = incl(0.0);
    const auto p1 = incl(1.0);

    using S = Scenario;
    const std::string prob = "probability";

    b.add<Path<&S::name>>("name", "short identifier of the scenario", "");
    b.add<Path<&S::description>>("description", "one line: what the scenario demonstrates", "");

    b.add<Path<&S::run, &RunDef::seed>>("run.seed", "master seed; a run is a pure function of (scenario, seed)", "",
                                        incl(0), incl(9223372036854775807.0));
    b.add<Path<&S::run, &RunDef::rounds>>("run.rounds", "rounds to run", "rounds", incl(1), incl(10000000));
    b.add<Path<&S::run, &RunDef::roundLabel>>("run.round_label", "what one round stands for (free text)", "");
    b.add<Path<&S::run, &RunDef::recordStates>>("run.record_states", "write per-state per-round rows (states.csv)", "");

    using N = NetworkDef;
    b.add<Path<&S::network, &N::kind>>("network.kind", "how the relations network is generated", "");
    b.add<Path<&S::network, &N::degree>>(
        "network.degree", "ring and watts-strogatz neighbours per state; even and less than the state count", "states",
        incl(2), incl(kMaxCount));
    b.add<Path<&S::network, &N::rewire>>("network.rewire", "watts-strogatz rewiring probability per edge", prob, p01,
                                         p1);
    b.add<Path<&S::network, &N::edgeProbability>>("network.edge_probability",
                                                  "erdos-renyi probability that a pair is related", prob, p01, p1);
    b.add<Path<&S::network, &N::attach>>("network.attach",
                                         "barabasi-albert edges per newcomer; less than the state count", "edges",
                                         incl(1), incl(kMaxCount));
    b.add<Path<&S::network, &N::width>>(
        "network.width", "lattice columns, must divide the state count; 0 = the square root of the state count",
        "states", incl(0), incl(kMaxCount));
    b.add<Path<&S::network, &N::neighbourhood>>("network.neighbourhood", "lattice neighbourhood", "");
    b.add<Path<&S::network, &N::periodic>>("network.periodic", "the lattice wraps around (a torus)", "");
    b.add<Path<&S::network, &N::selfInteraction>>(
        "network.self_interaction", "each state also plays the stage game with itself (Nowak and May 1992)", "");
    b.add<Path<&S::network, &N::weight>>("network.weight", "interdependence w of generated edges", "", excl(0), p1);
    b.add<Path<&S::network, &N::interdependenceCsv>>(
        "network.interdependence_csv",
        "CSV matrix of interdependence w in [0, 1] (0 = no edge; w(a,b) and w(b,a) are averaged); adds edges", "path");
    b.add<Path<&S::network, &N::allianceCsv>>("network.alliance_csv", "CSV matrix of alliances (1 = allied, 0 = not)",
                                              "path");
    b.add<Path<&S::network, &N::trustCsv>>("network.trust_csv",
                                           "CSV matrix of initial trust in [0, 1]; row is the truster", "path");

    using Gen = GeneratedStatesDef;
    b.add<Path<&S::generate, &Gen::count>>("generate.count",
                                           "states to generate, named S001, S002... counting the listed states too",
                                           "states", incl(0), incl(1000000));
    b.add<Path<&S::generate, &Gen::economicWeightSpread>>(
        "generate.economic_weight_spread", "log-normal sigma of economic weight E (mean 1)", "", p01, incl(5));
    b.add<Path<&S::generate, &Gen::capabilitySpread>>("generate.capability_spread",
                                                      "log-normal sigma of capability K (mean 1)", "", p01, incl(5));
    b.add<Path<&S::generate, &Gen::ictDependenceMean>>("generate.ict_dependence_mean", "mean ICT dependence V", "share",
                                                       p01, p1);
    b.add<Path<&S::generate, &Gen::blocs>>("generate.blocs", "number of blocs, named bloc-1 .. bloc-k", "blocs",
                                           incl(0), incl(64));
    b.add<Path<&S::generate, &Gen::placement>>(
        "generate.placement",
        "order of doctrines over generated states: shuffled, ordered (as listed), or centre (the last doctrine in a "
        "centred square block: a single site, a 2x2 block)",
        "");

    using Gm = GameDef;
    b.add<Path<&S::game, &Gm::kind>>("game.kind",
                                     "stage game; the classic kinds take their standard R, S, T, P unless these are "
                                     "given; matrix plays the m x m table of game.payoffs",
                                     "");
    b.add<Path<&S::game, &Gm::matrix, &core::PayoffMatrix::reward>>(
        "game.reward",
        "R, both cooperate (kind's standard value unless given; unused by cyber; matrix derives it from payoffs)",
        "payoff");
    b.add<Path<&S::game, &Gm::matrix, &core::PayoffMatrix::sucker>>(
        "game.sucker", "S, I cooperate and the partner defects (kind's standard value unless given)", "payoff");
    b.add<Path<&S::game, &Gm::matrix, &core::PayoffMatrix::temptation>>(
        "game.temptation", "T, I defect and the partner cooperates (kind's standard value unless given)", "payoff");
    b.add<Path<&S::game, &Gm::matrix, &core::PayoffMatrix::punishment>>(
        "game.punishment", "P, both defect (kind's standard value unless given)", "payoff");
    b.add<Path<&S::game, &Gm::benefit>>("game.benefit", "cyber game: b, mutual restraint gives each R = b w", "payoff",
                                        excl(0));
    b.add<Path<&S::game, &Gm::gain>>("game.gain", "cyber game: g, intelligence gain per unit of V E intruded", "payoff",
                                     incl(0));
    b.add<Path<&S::game, &Gm::loss>>("game.loss", "cyber game: l, damage per unit of V E to the intruded", "payoff",
                                     incl(0));
    b.add<Path<&S::game, &Gm::intrusionScale>>(
        "game.intrusion_scale", "cyber game: s, logistic scale of intrusion success in K - D", "capability", excl(0));

    b.add<Path<&S::noise, &NoiseDef::falseAttribution>>("noise.false_attribution",
                                                        "e1: a cooperative act perceived as hostile", prob, p01, p1);
    b.add<Path<&S::noise, &NoiseDef::missedAttack>>("noise.missed_attack", "e2: a hostile act not perceived", prob, p01,
                                                    p1);
    b.add<Path<&S::noise, &NoiseDef::execution>>("noise.execution", "an intended act is flipped", prob, p01, p1);

    using T = TrustDef;
    b.add<Path<&S::trust, &T::initial>>("trust.initial", "trust between every pair at round 0 (unless a CSV gives it)",
                                        "trust", p01, p1);
    b.add<Path<&S::trust, &T::gainRate>>("trust.gain_rate", "step toward 1 after perceived cooperation", "share", p01,
                                         p1);
    b.add<Path<&S::trust, &T::lossRate>>(
        "trust.loss_rate", "step toward 0 after perceived hostility (lost faster than gained)", "share", p01, p1);
    b.add<Path<&S::trust, &T::reputationWeight>>(
        "trust.reputation_weight", "observers' step toward 0 after a publicly attributed violation", "share", p01, p1);
    b.add<Path<&S::trust, &T::allianceBonus>>("trust.alliance_bonus", "added to initial trust between allies", "trust",
                                              p01, p1);

    using A = ArmsDef;
    b.add<Path<&S::arms, &A::enabled>>("arms.enabled", "run Richardson arms dynamics (Richardson 1960)", "");
    b.add<Path<&S::arms, &A::dt>>("arms.dt", "integration step", "rounds", excl(0), p1);
    b.add<Path<&S::arms, &A::reactivity>>("arms.reactivity", "k: response to mean distrust-weighted rival capability",
                                          "per round", incl(0));
    b.add<Path<&S::arms, &A::fatigue>>("arms.fatigue", "a: economic burden damping arms", "per round", incl(0));
    b.add<Path<&S::arms, &A::grievance>>("arms.grievance", "g: constant drive, can be negative",
                                         "capability per round");
    b.add<Path<&S::arms, &A::budgetDrive>>("arms.budget_drive", "weight of the doctrine's offence budget in g", "",
                                           incl(0));
    b.add<Path<&S::arms, &A::runawayLevel>>(
        "arms.runaway_level", "total arms per state above which the race counts as runaway", "capability", excl(0));

    using C = CommonSecurityDef;
    b.add<Path<&S::commonSecurity, &C::enabled>>(
        "common_security.enabled", "run the common-security collective-risk dilemma (Santos and Pacheco 2011)", "");
    b.add<Path<&S::commonSecurity, &C::threatInitial>>("common_security.threat_initial",
                                                       "non-state threat stock H at round 0", "threat", incl(0));
    b.add<Path<&S::commonSecurity, &C::threatGrowth>>("common_security.threat_growth",
                                                      "rho: H grows by rho (1 + H) per round before mitigation",
                                                      "per round", incl(0));
    b.add<Path<&S::commonSecurity, &C::mitigation>>("common_security.mitigation",
                                                    "reduction of H per round when every budget is contributed",
                                                    "threat per round", incl(0));
    b.add<Path<&S::commonSecurity, &C::threshold>>("common_security.threshold",
                                                   "contributions needed per round, as a share of all states' budgets",
                                                   "share", p01, p1);
    b.add<Path<&S::commonSecurity, &C::risk>>("common_security.risk",
                                              "r: probability that a shortfall round brings losses", prob, p01, p1);
    b.add<Path<&S::commonSecurity, &C::lossScale>>("common_security.loss_scale",
                                                   "loss = loss_scale * V * E * (1 + H) / (2 + H)", "", incl(0));

    using Sv = SurveillanceDef;
    b.add<Path<&S::surveillance, &Sv::enabled>>("surveillance.enabled", "states may run mass surveillance", "");
    b.add<Path<&S::surveillance, &Sv::gain>>("surveillance.gain",
                                             "payoff per round of surveillance per unit of target V E (scaled by w)",
                                             "payoff", incl(0));
    b.add<Path<&S::surveillance, &Sv::disclosure>>(
        "surveillance.disclosure", "probability per round that running surveillance is disclosed", prob, p01, p1);
    b.add<Path<&S::surveillance, &Sv::trustPenalty>>(
        "surveillance.trust_penalty", "trust every victim loses in a disclosed surveiller", "trust", p01, p1);
    b.add<Path<&S::surveillance, &Sv::legitimacyPenalty>>(
        "surveillance.legitimacy_penalty", "legitimacy lost by a disclosed surveiller", "legitimacy", p01, p1);

    using Sov = SovereigntyDef;
    b.add<Path<&S::sovereignty, &Sov::enabled>>("sovereignty.enabled",
                                                "record sovereignty violations, accusations and legitimacy", "");
    b.add<Path<&S::sovereignty, &Sov::accusationThreshold>>(
        "sovereignty.accusation_threshold", "trust below which a perceived hostile act is denounced publicly", "share",
        p01, p1);
    b.add<Path<&S::sovereignty, &Sov::observerPenalty>>(
        "sovereignty.observer_penalty", "trust the accused loses in its accuser after a groundless accusation", "trust",
        p01, p1);
    b.add<Path<&S::sovereignty, &Sov::hypocrisyPenalty>>(
        "sovereignty.hypocrisy_penalty",
        "legitimacy lost in a round in which a state accuses others while intruding or surveilling itself",
        "legitimacy", p01, p1);
    b.add<Path<&S::sovereignty, &Sov::legitimacyRecovery>>(
        "sovereignty.legitimacy_recovery", "legitimacy regained per quiet round", "legitimacy", p01, p1);

    using Gv = GovernanceDef;
    b.add<Path<&S::governance, &Gv::approach>>(
        "governance.approach", "norm agenda: none, gradual (easiest issue first) or comprehensive (all at once)", "");
    b.add<Path<&S::governance, &Gv::quorum>>("governance.quorum", "share of states whose support adopts an issue",
                                             "share", excl(0), p1);
    b.add<Path<&S::governance, &Gv::interval>>("governance.interval", "rounds between votes (summits)", "rounds",
                                               incl(1), incl(kMaxCount));
    b.add<Path<&S::governance, &Gv::restraint>>(
        "governance.restraint", "drop in intrusion propensity per adopted norm share", "share", p01, p1);
    b.add<Path<&S::governance, &Gv::punishmentCost>>("governance.punishment_cost",
                                                     "E: cost to a punisher (Axelrod 1986: 2)", "payoff", incl(0));
    b.add<Path<&S::governance, &Gv::punishment>>("governance.punishment", "P: cost to the punished (Axelrod 1986: 9)",
                                                 "payoff", incl(0));
    b.add<Path<&S::governance, &Gv::metanorms>>("governance.metanorms", "punish seen non-punishers too (metanorms)",
                                                "");
    b.add<Path<&S::governance, &Gv::comprehensivePenalty>>(
        "governance.comprehensive_penalty", "extra difficulty per other issue on the table", "trust", p01, p1);
    b.add<Path<&S::governance, &Gv::enforcement>>(
        "governance.enforcement",
        "what violates norms: intrusions (cyber worlds) or axelrod (Axelrod's 1986 norms game, every round)", "");
    b.add<Path<&S::governance, &Gv::opportunities>>("governance.opportunities",
                                                    "axelrod game: chances to defect per state per round", "chances",
                                                    incl(1), incl(100));
    b.add<Path<&S::governance, &Gv::temptation>>("governance.temptation", "axelrod game: T, gain of a defector",
                                                 "payoff", incl(0));
    b.add<Path<&S::governance, &Gv::hurt>>(
        "governance.hurt", "axelrod game: H, cost of a defection to every other state", "payoff", incl(0));
    b.add<Path<&S::governance, &Gv::randomTraits>>(
        "governance.random_traits", "start boldness and vengefulness at random sevenths instead of the doctrine's", "");

    using L = LearningDef;
    b.add<Path<&S::learning, &L::rule>>("learning.rule", "how doctrines spread between neighbours", "");
    b.add<Path<&S::learning, &L::update>>(
        "learning.update",
        "synchronous (all revise at once from the last interval's payoffs) or asynchronous (one at a time in a random "
        "order, each seeing the doctrines and recomputed payoffs changed before it; Huberman and Glance 1993)",
        "");
    b.add<Path<&S::learning, &L::selectionIntensity>>("learning.selection_intensity", "beta (Fermi rule) or w (Moran)",
                                                      "", incl(0));
    b.add<Path<&S::learning, &L::mutation>>("learning.mutation", "probability of adopting a random doctrine instead",
                                            prob, p01, p1);
    b.add<Path<&S::learning, &L::interval>>("learning.interval", "rounds between learning steps", "rounds", incl(1),
                                            incl(kMaxCount));
    b.add<Path<&S::learning, &L::aspiration>>("learning.aspiration", "Bush-Mosteller aspiration level",
                                              "payoff per round");

    using Gg = GroupGameDef;
    b.add<Path<&S::groupGame, &Gg::kind>>(
        "group_game.kind",
        "N-player game played in groups each round, its payoff added to the round's: none, public-goods or "
        "collective-risk (Santos and Pacheco 2011)",
        "");
    b.add<Path<&S::groupGame, &Gg::formation>>(
        "group_game.formation",
        "how groups form: well-mixed (N-1 co-players drawn at random from the active states), all-groups (expected "
        "payoff over every group of N) or neighbourhood (each state's closed network neighbourhood; Santos, Santos "
        "and Pacheco 2008)",
        "");
    b.add<Path<&S::groupGame, &Gg::size>>("group_game.size",
                                          "N, members per group (well-mixed and all-groups; at most the state count)",
                                          "states", incl(2), incl(1000));
    b.add<Path<&S::groupGame, &Gg::samples>>(
        "group_game.samples", "well-mixed: groups each state plays per round as focal member; its payoff is the mean",
        "groups", incl(1), incl(1000));
    b.add<Path<&S::groupGame, &Gg::multiplicationFactor>>(
        "group_game.multiplication_factor", "public goods: r, the pool of contributions is multiplied by r and shared",
        "", incl(0));
    b.add<Path<&S::groupGame, &Gg::cost>>("group_game.cost", "public goods: c, what a cooperator contributes per group",
                                          "payoff", incl(0));
    b.add<Path<&S::groupGame, &Gg::endowment>>(
        "group_game.endowment", "collective risk: b, what each member holds before contributing", "payoff", excl(0));
    b.add<Path<&S::groupGame, &Gg::costFraction>>(
        "group_game.cost_fraction", "collective risk: c, the share of the endowment a cooperator contributes", "share",
        p01, p1);
    b.add<Path<&S::groupGame, &Gg::threshold>>(
        "group_game.threshold",
        "collective risk: M, cooperators a group needs to avert the risk (at most group_game.size)", "states", incl(1),
        incl(1000));
    b.add<Path<&S::groupGame, &Gg::risk>>(
        "group_game.risk",
        "collective risk: r, probability that a group below M loses everything (payoffs take the expected loss)", prob,
        p01, p1);

    using St = StateDef;
    b.add<InArray<&statesOf, &St::name>>("states[].name", "unique, non-empty name", "");
    b.add<InArray<&statesOf, &St::bloc>>("states[].bloc", "optional grouping label, shown by colour", "");
    b.add<InArray<&statesOf, &St::economicWeight>>("states[].economic_weight", "E, relative size of the economy", "",
                                                   excl(0));
    b.add<InArray<&statesOf, &St::ictDependence>>("states[].ict_dependence",
                                                  "V, share of the economy that depends on ICT", "share", p01, p1);
    b.add<InArray<&statesOf, &St::capability>>("states[].capability", "K, offensive cyber capability (arms level)",
                                               "capability", incl(0));
    b.add<InArray<&statesOf, &St::defence>>("states[].defence", "D, defensive capability", "capability", incl(0));
    b.add<InArray<&statesOf, &St::budget>>("states[].budget", "security budget per round", "capability per round",
                                           incl(0));
    b.add<InArray<&statesOf, &St::doctrine>>("states[].doctrine", "catalogue doctrine name (`cybersim list`)", "");
    b.add<InArray<&statesOf, &St::strategy>>(
        "states[].strategy", "optional catalogue strategy overriding the doctrine's dyadic strategy", "");

    b.add<InArray<&edgesOf, &EdgeDef::a>>("network.edges[].a", "state name", "");
    b.add<InArray<&edgesOf, &EdgeDef::b>>("network.edges[].b", "state name, different from a", "");
    b.add<InArray<&edgesOf, &EdgeDef::weight>>("network.edges[].weight", "interdependence w", "", excl(0), p1);

    b.add<InArray<&issuesOf, &NormIssueDef::name>>("governance.issues[].name", "unique name of the issue", "");
    b.add<InArray<&issuesOf, &NormIssueDef::difficulty>>("governance.issues[].difficulty",
                                                         "trust needed to support the issue", "trust", p01, p1);

    using E = EventDef;
    b.add<InArray<&eventsOf, &E::round>>("events[].round", "0-based round at which it happens, less than run.rounds",
                                         "round", incl(0), excl(10000000));
    b.add<InArray<&eventsOf, &E::kind>>("events[].kind", "what happens", "");
    b.add<InArray<&eventsOf, &E::state>>(
        "events[].state", "the state concerned (disclosure, incident: the attributed attacker, join, alliance)", "");
    b.add<InArray<&eventsOf, &E::target>>("events[].target", "the other state (incident: the victim, alliance)", "");
    b.add<InArray<&eventsOf, &E::key>>("events[].key", "set: the numeric key to change, e.g. noise.false_attribution",
                                       "");
    b.add<InArray<&eventsOf, &E::value>>("events[].value", "set: the new value, within the key's range", "");
    b.add<InArray<&eventsOf, &E::severity>>("events[].severity", "incident damage scale or disclosure weight", "",
                                            incl(0));

    using Cl = ClaimDef;
    b.add<InArray<&claimsOf, &Cl::name>>("claims[].name", "unique, non-empty identifier of the claim", "");
    b.add<InArray<&claimsOf, &Cl::text>>("claims[].text", "the claim in words", "");
    b.add<InArray<&claimsOf, &Cl::metric>>("claims[].metric", "a world metric (a column of timeseries.csv)", "");
    b.add<InArray<&claimsOf, &Cl::stat>>(
        "claims[].stat", "how one run is reduced: the mean over rounds [from, to], or the final value", "");
    b.add<InArray<&claimsOf, &Cl::from>>("claims[].from", "mean: first round of the window (0 = the initial world)",
                                         "round", incl(0), excl(10000000));
    b.add<InArray<&claimsOf, &Cl::to>>("claims[].to", "mean: last round of the window, inclusive; 0 = the last round",
                                       "round", incl(0), incl(10000000));
    b.add<InArray<&claimsOf, &Cl::compare>>(
        "claims[].compare",
        "the claimed direction of the run's figure (with versus: of its difference from the "
        "contrast's) relative to value",
        "");
    b.add<InArray<&claimsOf, &Cl::value>>("claims[].value", "the threshold; with versus, the margin", "");
    b.add<InArray<&claimsOf, &Cl::versus>>(
        "claims[].versus", "key=value: the contrast, this scenario with one key changed, run on the same seeds", "");
    b.add<InArray<&claimsOf, &Cl::share>>(
        "claims[].share", "without versus: share of seeds in which the comparison must hold", "share", excl(0.0), p1);
    b.add<InArray<&claimsOf, &Cl::seeds>>("claims[].seeds", "seeds the claim is checked over", "seeds", incl(2),
                                          incl(10000));
    b.add<InArray<&claimsOf, &Cl::knownFailure>>(
        "claims[].known_failure", "non-empty: the claim does not hold yet, and why (reported, not an error)", "");
    return b.rows;
}

std::vector<ListParameterInfo> buildListParameters()
{
    const auto acts = std::to_string(core::kMaxActs);
    return {
        {"generate.doctrines", "generate", "text list", "doctrine names", "[]",
         "doctrines of the generated states (catalogue names; `pure:<act>` in a matrix game)"},
        {"generate.doctrine_shares", "generate", "real list", ">= 0, one per doctrine", "[]",
         "share of each doctrine among the generated states (normalised; empty = equal shares)"},
        {"game.actions", "game", "text list", "2 to " + acts + " unique non-empty names", "[]",
         "matrix game: the names of its m acts, in row and column order of payoffs"},
        {"game.payoffs", "game", "real table", "m rows of m finite numbers", "[]",
         "matrix game: payoffs[own][partner], the payoff to a player of act own against act partner (scaled by w)"},
        {"game.cooperative_actions", "game", "text list", "acts of game.actions: at least one, not all", "[first act]",
         "matrix game: the acts that count as restraint for trust, attribution noise, accusations and cooperation"},
    };
}

std::string describe(const ParamValue& v)
{
    return formatValue(v);
}

} // namespace

std::string_view ParameterInfo::field() const noexcept
{
    const auto dot = key.rfind('.');
    return dot == std::string::npos ? std::string_view(key) : std::string_view(key).substr(dot + 1);
}

ParamValue ParameterInfo::get(const Scenario& scenario, std::size_t index) const
{
    return getter(scenario, index);
}

void ParameterInfo::set(Scenario& scenario, const ParamValue& value, std::size_t index) const
{
    if (type == ValueType::Choice)
    {
        const auto* s = std::get_if<std::string>(&value);
        if (s == nullptr || std::find(choices.begin(), choices.end(), *s) == choices.end())
            throw ConfigError(key + " cannot be set to " + formatValue(value) + ", expected " + rangeText());
    }
    try
    {
        setter(scenario, index, value);
    }
    catch (const ConfigError& e)
    {
        throw ConfigError(key + ": " + e.what());
    }
}

std::optional<std::string> ParameterInfo::checkValue(const ParamValue& value) const
{
    const auto is = "is " + describe(value) + ", expected ";
    double x = 0.0;
    switch (type)
    {
    case ValueType::Real:
        if (const auto* d = std::get_if<double>(&value))
            x = *d;
        else if (const auto* i = std::get_if<std::int64_t>(&value))
            x = static_cast<double>(*i);
        else
            return is + "a number";
        if (!std::isfinite(x))
            return is + "a finite number";
        break;
    case ValueType::Integer:
        if (const auto* i = std::get_if<std::int64_t>(&value))
            x = static_cast<double>(*i);
        else
            return is + "an integer";
        break;
    case ValueType::Bool:
        if (!std::holds_alternative<bool>(value))
            return is + "true or false";
        return std::nullopt;
    case ValueType::Text:
        if (!std::holds_alternative<std::string>(value))
            return is + "a string";
        return std::nullopt;
    case ValueType::Choice:
    {
        const auto* s = std::get_if<std::string>(&value);
        if (s != nullptr && std::find(choices.begin(), choices.end(), *s) != choices.end())
            return std::nullopt;
        std::string text = is + "one of " + rangeText();
        if (s != nullptr)
            if (const auto near = core::suggestNearest(*s, choices))
                text += " (did you mean \"" + *near + "\"?)";
        return text;
    }
    }
    const bool belowMin = min && (min->exclusive ? !(x > min->value) : !(x >= min->value));
    const bool aboveMax = max && (max->exclusive ? !(x < max->value) : !(x <= max->value));
    if (!belowMin && !aboveMax)
        return std::nullopt;
    if (min && max)
        return is + (unit == "probability" ? "a probability in " : "in ") + rangeText();
    return is + rangeText();
}

std::string ParameterInfo::rangeText() const
{
    if (type == ValueType::Choice)
    {
        std::string out;
        for (const auto& c : choices)
            out += (out.empty() ? "" : " | ") + c;
        return out;
    }
    if (type == ValueType::Bool)
        return "true | false";
    if (type == ValueType::Text)
        return "text";
    // Integer bounds print as integers, except those beyond the int64 range (e.g. 2^63), which no cast may touch.
    const auto num = [this](double v)
    {
        return type == ValueType::Integer && std::abs(v) < 9.0e18 ? std::to_string(static_cast<std::int64_t>(v))
                                                                  : formatReal(v);
    };
    if (min && max)
        return (min->exclusive ? "(" : "[") + num(min->value) + ", " + num(max->value) + (max->exclusive ? ")" : "]");
    if (min)
        return (min->exclusive ? "> " : ">= ") + num(min->value);
    if (max)
        return (max->exclusive ? "< " : "<= ") + num(max->value);
    return "any";
}

std::string_view ListParameterInfo::field() const noexcept
{
    const auto dot = key.rfind('.');
    return dot == std::string::npos ? std::string_view(key) : std::string_view(key).substr(dot + 1);
}

const std::vector<ListParameterInfo>& listParameters()
{
    static const std::vector<ListParameterInfo> table = buildListParameters();
    return table;
}

const std::vector<ParameterInfo>& parameters()
{
    static const std::vector<ParameterInfo> table = buildParameters();
    return table;
}

ParameterRef resolveParameter(std::string_view keyPath)
{
    ParameterRef ref;
    std::string normal(keyPath);
    const auto open = normal.find('[');
    if (open != std::string::npos)
    {
        const auto close = normal.find(']', open);
        if (close == std::string::npos)
            return ref;
        const auto digits = std::string_view(normal).substr(open + 1, close - open - 1);
        if (!digits.empty())
        {
            std::size_t index = 0;
            const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
            if (ec != std::errc() || end != digits.data() + digits.size())
                return ref;
            ref.index = index;
        }
        normal = normal.substr(0, open + 1) + normal.substr(close);
    }
    for (const auto& p : parameters())
        if (p.key == normal)
        {
            ref.info = &p;
            return ref;
        }
    ref.index = 0;
    return ref;
}

const ParameterInfo* findParameter(std::string_view keyPath)
{
    return resolveParameter(keyPath).info;
}

std::string formatReal(double value)
{
    std::array<char, 64> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return ec == std::errc() ? std::string(buffer.data(), end) : std::string("nan");
}

std::string formatValue(const ParamValue& value)
{
    if (const auto* d = std::get_if<double>(&value))
    {
        if (std::isnan(*d))
            return "nan";
        if (std::isinf(*d))
            return *d > 0 ? "inf" : "-inf";
        auto text = formatReal(*d);
        if (text.find_first_of(".e") == std::string::npos)
            text += ".0";
        return text;
    }
    if (const auto* i = std::get_if<std::int64_t>(&value))
        return std::to_string(*i);
    if (const auto* b = std::get_if<bool>(&value))
        return *b ? "true" : "false";
    const auto& s = std::get<std::string>(value);
    std::string out = "\"";
    for (const char c : s)
    {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\')
            out += {'\\', c};
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (u < 0x20 || u == 0x7f)
        {
            static constexpr char kHex[] = "0123456789ABCDEF";
            out += "\\u00";
            out += kHex[u >> 4];
            out += kHex[u & 15];
        }
        else
            out += c;
    }
    return out + "\"";
}

std::optional<std::string> nearestKey(std::string_view keyPath)
{
    std::vector<std::string> keys;
    for (const auto& p : parameters())
        if (p.group != "claims")
            keys.push_back(p.key);
    for (const auto& p : listParameters())
        keys.push_back(p.key);
    std::string shown(keyPath);
    if (const auto open = shown.find('['); open != std::string::npos)
        if (const auto close = shown.find(']', open); close != std::string::npos)
            shown.replace(open, close - open + 1, "[]");
    return core::suggestNearest(shown, keys);
}

} // namespace cybersim::scenario
