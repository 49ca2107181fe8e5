// SPDX-License-Identifier: MIT
// The scenario: a parsed, validated, immutable description of a world and its rules (STYLE A3).
// Every field states its meaning, unit, valid range and default; docs/scenarios.md documents the same keys.
#pragma once

#include "cybersim/core/payoff_matrix.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cybersim::scenario
{

/// How the relations network is built (docs/model.md "World").
enum class NetworkKind : std::uint8_t
{
    Complete,       // every pair related
    Ring,           // each state tied to `degree` nearest neighbours on a ring
    Lattice,        // width x height grid, von Neumann or Moore neighbourhood
    ErdosRenyi,     // each pair related with probability `edge_probability`
    WattsStrogatz,  // ring of `degree` neighbours, each edge rewired with probability `rewire` (Watts, Strogatz 1998)
    BarabasiAlbert, // preferential attachment, `attach` edges per newcomer (Barabasi, Albert 1999)
    Explicit,       // only the edges listed in `network.edges` (and/or the interdependence CSV)
};

/// Lattice neighbourhoods.
enum class Neighbourhood : std::uint8_t
{
    VonNeumann, // 4 neighbours
    Moore,      // 8 neighbours
};

/// One undirected relation given by name.
struct EdgeDef
{
    std::string a;       // state name
    std::string b;       // state name, different from a
    double weight = 1.0; // interdependence w in (0,1]
    int line = 0;        // source line, for diagnostics raised after parsing
};

/// A square matrix over named states, read from a CSV file by the loader.
struct NamedMatrix
{
    std::vector<std::string> names; // row/column state names, in file order
    std::vector<double> values;     // row-major, names.size() squared; empty when no file was given
};

/// The relations network.
struct NetworkDef
{
    NetworkKind kind = NetworkKind::WattsStrogatz;
    int degree = 4;               // ring / Watts-Strogatz neighbours per state, even, [2, n-1]; default 4
    double rewire = 0.1;          // Watts-Strogatz rewiring probability, [0,1]; default 0.1
    double edgeProbability = 0.3; // Erdos-Renyi pair probability, [0,1]; default 0.3
    int attach = 2;               // Barabasi-Albert edges per newcomer, [1, n-1]; default 2
    int width = 0;                // lattice columns; 0 = square root of the state count
    Neighbourhood neighbourhood = Neighbourhood::Moore; // lattice neighbourhood; default Moore
    bool periodic = true;                               // lattice wraps around (torus); default true
    bool selfInteraction = false;   // each state also plays the stage game with itself (Nowak and May 1992)
    double weight = 1.0;            // interdependence of generated edges, (0,1]; default 1
    std::vector<EdgeDef> edges;     // explicit edges, added to the generated ones (kind = explicit: the only ones)
    std::string interdependenceCsv; // optional CSV (header row of names; square matrix) of w_ij; 0 = no edge
    std::string allianceCsv;        // optional CSV of alliances (1 = allied), same layout
    std::string trustCsv;           // optional CSV of initial trust T_ij in [0,1], same layout
    NamedMatrix interdependence;    // parsed interdependenceCsv (the loader resolves and reads the file)
    NamedMatrix alliance;           // parsed allianceCsv
    NamedMatrix trust;              // parsed trustCsv
};

/// One state (agent) of the world.
struct StateDef
{
    std::string name;                        // unique, non-empty
    std::string bloc;                        // optional grouping label, shown by colour
    double economicWeight = 1.0;             // E, relative size of the economy, > 0; default 1
    double ictDependence = 0.5;              // V, share of the economy that depends on ICT, [0,1]; default 0.5
    double capability = 1.0;                 // K, offensive cyber capability (arms level), >= 0; default 1
    double defence = 1.0;                    // D, defensive capability, >= 0; default 1
    double budget = 1.0;                     // security budget per round in capability units, >= 0; default 1
    std::string doctrine = "realist-hedger"; // catalogue doctrine name
    std::string strategy;                    // optional override of the doctrine's dyadic strategy
    std::vector<double> strategyParams;      // parameters of `strategy` (empty = its defaults)
    int line = 0;                            // source line, for diagnostics
};

/// How generated states get their doctrines in index order (which matters on a lattice).
enum class Placement : std::uint8_t
{
    Shuffled, // random order
    Ordered,  // doctrines in list order: all of the first, then the second...
    Centre,   // the last doctrine in a centred square block (lattice: a single site or a 2x2 block), others shuffled
};

/// A stylised world generated from a few numbers (e.g. 193 states, the UN membership).
struct GeneratedStatesDef
{
    int count = 0;                             // states to generate, [0, 1000000]; 0 = none; default 0
    std::vector<std::string> doctrines;        // doctrines assigned in proportion to `doctrineShares`
    std::vector<double> doctrineShares;        // shares, >= 0, same length as doctrines; normalised
    double economicWeightSpread = 1.0;         // log-normal sigma of E (mean E = 1), [0, 5]; default 1
    double capabilitySpread = 0.8;             // log-normal sigma of K, [0, 5]; default 0.8
    double ictDependenceMean = 0.5;            // mean V (beta-like spread), [0,1]; default 0.5
    int blocs = 0;                             // number of blocs, names bloc-1..bloc-k, [0, 64]; default 0
    Placement placement = Placement::Shuffled; // order of doctrines over the generated states; default shuffled
};

/// The stage game between two related states.
enum class GameKind : std::uint8_t
{
    Cyber,            // payoffs derived per dyad from capability, defence and dependence (docs/model.md)
    PrisonersDilemma, // R=3 S=0 T=5 P=1 unless set
    StagHunt,         // R=4 S=0 T=3 P=2 unless set
    HawkDove,         // V=2 C=3: R=(V)/2=1 S=0 T=2 P=(V-C)/2=-0.5 unless set
    Chicken,          // R=3 S=1 T=4 P=0 unless set
    Custom,           // R, S, T, P as given
    Matrix,           // an m x m game with named acts (game.actions, game.payoffs, game.cooperative_actions)
};

/// Stage game parameters.
struct GameDef
{
    GameKind kind = GameKind::Cyber;
    core::PayoffMatrix matrix;   // every kind but cyber; the kind's defaults unless set; matrix: derived
    double benefit = 3.0;        // b: mutual restraint gives each R = b w, > 0; default 3
    double gain = 2.0;           // g: intelligence gain per unit of V E successfully intruded, >= 0; default 2
    double loss = 3.0;           // l: damage per unit of V E to the intruded, >= 0; default 3
    double intrusionScale = 1.0; // s: logistic scale of intrusion success in K - D, > 0; default 1
    // Matrix games only (empty for the other kinds). The names of the m acts, 2 to 8, unique and non-empty.
    std::vector<std::string> actions;
    // m rows of m finite payoffs to the row player: payoffs[own act][partner's act].
    std::vector<std::vector<double>> payoffs;
    // The acts that count as restraint: at least one, not all; the loader fills in the default, the first act.
    std::vector<std::string> cooperativeActions;
};

/// Attribution and implementation noise (docs/model.md phase 3; seeds/000 §2 "groundless accusations").
struct NoiseDef
{
    double falseAttribution = 0.0; // e1: a cooperative act perceived as hostile, [0,1]; default 0
    double missedAttack = 0.0;     // e2: a hostile act not perceived, [0,1]; default 0
    double execution = 0.0;        // probability that an intended act is flipped, [0,1]; default 0
};

/// Directed trust (docs/model.md phase 4).
struct TrustDef
{
    double initial = 0.5;          // T_ij at round 0 (unless a CSV gives it), [0,1]; default 0.5
    double gainRate = 0.05;        // step toward 1 after perceived cooperation, [0,1]; default 0.05
    double lossRate = 0.2;         // step toward 0 after perceived hostility (lost faster than gained), [0,1]
    double reputationWeight = 0.1; // observers' step toward 0 after a publicly attributed violation, [0,1]
    double allianceBonus = 0.2;    // added to initial trust between allies, [0,1]; default 0.2
};

/// Richardson arms dynamics (Richardson 1960; docs/model.md phase 4).
struct ArmsDef
{
    bool enabled = true;
    double dt = 0.1;          // integration step in rounds, (0,1]; default 0.1
    double reactivity = 0.4;  // k: response to mean distrust-weighted rival capability, >= 0; default 0.4
    double fatigue = 0.2;     // a: economic burden damping arms, >= 0; default 0.2
    double grievance = 0.05;  // g: constant drive per round, can be negative; default 0.05
    double budgetDrive = 0.5; // weight of the doctrine's offence budget in g, >= 0; default 0.5
    double runawayLevel = 50; // total arms per state above which the race is "runaway", > 0; default 50
};

/// Common security against a growing non-state threat: a collective-risk dilemma (Santos and Pacheco 2011).
struct CommonSecurityDef
{
    bool enabled = true;
    double threatInitial = 1.0; // H at round 0, >= 0; default 1
    double threatGrowth = 0.05; // rho: growth of H per round: H grows by rho (1 + H) before mitigation, >= 0
    double mitigation = 1.0;    // reduction of H per round at full contribution (pool / budgets = 1), >= 0; default 1
    double threshold = 0.2;     // contributions needed per round, as a share of all states' budgets, [0,1]
    double risk = 0.3;          // r: probability a shortfall round brings losses, [0,1]; default 0.3
    double lossScale = 10.0;    // loss = lossScale * V * E * (1 + H) / (2 + H), >= 0; default 10
};

/// Mass surveillance and its disclosure (seeds/000 §1 "massive-scale surveillance").
struct SurveillanceDef
{
    bool enabled = true;
    double gain = 0.5;              // payoff per round of surveillance per unit of target V E (scaled by w), >= 0
    double disclosure = 0.05;       // probability per round that running surveillance is disclosed, [0,1]
    double trustPenalty = 0.3;      // trust every victim loses in the discloser when disclosed, [0,1]
    double legitimacyPenalty = 0.2; // legitimacy lost by a disclosed surveiller, [0,1]
};

/// Sovereignty, accusations and legitimacy (seeds/000 §2).
struct SovereigntyDef
{
    bool enabled = true;
    double accusationThreshold = 0.5; // trust below which a perceived hostile act is denounced publicly, [0,1]
    double observerPenalty = 0.05;    // trust the accused loses in its accuser after a groundless accusation, [0,1]
    double hypocrisyPenalty = 0.1;    // legitimacy lost in a round of accusing others while intruding oneself, [0,1]
    double legitimacyRecovery = 0.01; // legitimacy regained per quiet round, [0,1]
};

/// Norm-building approaches (seeds/000 §3 "gradual approach, easier issues first").
enum class GovernanceApproach : std::uint8_t
{
    None,          // no norm agenda
    Gradual,       // one issue on the table at a time, easiest first
    Comprehensive, // every issue on the table at once
};

/// One issue of the norm agenda.
struct NormIssueDef
{
    std::string name;        // unique
    double difficulty = 0.5; // trust needed to support it, [0,1]
};

/// How adopted norms are enforced.
enum class Enforcement : std::uint8_t
{
    Intrusions, // every successful intrusion violates the adopted norms; partners punish (cyber worlds)
    Axelrod,    // Axelrod's (1986) norms game: opportunities to defect seen with probability S, every round
};

/// The norm agenda and its enforcement (Axelrod 1986 norms and metanorms).
struct GovernanceDef
{
    GovernanceApproach approach = GovernanceApproach::Gradual;
    std::vector<NormIssueDef> issues{// the agenda, easiest first under `gradual`; default: these four issues
                                     {"incident-notification", 0.3},
                                     {"critical-infrastructure-restraint", 0.45},
                                     {"cybercrime-cooperation", 0.6},
                                     {"no-mass-surveillance", 0.75}};
    double quorum = 0.67;               // share of states whose support adopts an issue, (0,1]; default 2/3
    int interval = 4;                   // rounds between votes (summits), >= 1; default 4
    double restraint = 0.5;             // drop in intrusion propensity per adopted norm share, [0,1]
    double punishmentCost = 2.0;        // E: cost to a punisher, >= 0 (Axelrod 1986: 2)
    double punishment = 9.0;            // P: cost to the punished, >= 0 (Axelrod 1986: 9)
    bool metanorms = false;             // punish seen non-punishers too
    double comprehensivePenalty = 0.15; // extra difficulty per other issue on the table, [0,1]
    Enforcement enforcement = Enforcement::Intrusions; // what counts as a violation and how it is seen
    int opportunities = 4;                             // Axelrod game: chances to defect per state per round, [1, 100]
    double temptation = 3.0;                           // Axelrod game: T, gain of a defector, >= 0 (Axelrod 1986: 3)
    double hurt = 1.0;         // Axelrod game: H, cost of a defection to every other state, >= 0 (1)
    bool randomTraits = false; // start boldness and vengefulness at random sevenths, not the doctrine's
};

/// Optional learning of doctrines between neighbours (docs/model.md phase 7).
enum class LearningRule : std::uint8_t
{
    None,
    Imitation,     // pairwise comparison with a random neighbour, Fermi rule (Traulsen et al. 2006)
    ImitateBest,   // copy the best-scoring neighbour if better (Nowak and May 1992)
    Moran,         // birth-death, fitness-proportional (Moran 1958; Lieberman et al. 2005)
    Reinforcement, // Bush-Mosteller aspiration learning on cooperate/defect propensity
    BestResponse,  // adopt the doctrine that would have scored best against last round's neighbours
    AxelrodTraits, // Axelrod (1986): boldness and vengefulness (3 bits each) evolve by payoff rank and mutation
};

/// When the states of a learning step revise their doctrines.
enum class LearningUpdate : std::uint8_t
{
    Synchronous,  // all compare the last interval's payoffs, then all switch at once (Nowak and May 1992)
    Asynchronous, // one at a time in a random order, each seeing the doctrines and payoffs already changed in this
                  // step (Huberman and Glance 1993)
};

/// Learning settings.
struct LearningDef
{
    LearningRule rule = LearningRule::None;
    // When states revise: all at once (synchronous) or one at a time in random order; default synchronous.
    LearningUpdate update = LearningUpdate::Synchronous;
    double selectionIntensity = 1.0; // beta (Fermi) or w (Moran), >= 0; default 1
    double mutation = 0.0;           // probability of adopting a random doctrine instead, [0,1]; default 0
    int interval = 10;               // rounds between learning steps, >= 1; default 10
    double aspiration = 0.0;         // Bush-Mosteller aspiration level (payoff per round); default 0
};

/// The N-player game that states play in groups each round, besides their dyadic stage games.
enum class GroupGameKind : std::uint8_t
{
    None,           // no group game
    PublicGoods,    // linear public goods: contributions c multiplied by r and shared by the group (Hauert et al. 2002)
    CollectiveRisk, // collective-risk dilemma: below M cooperators all lose with probability r (Santos, Pacheco 2011)
};

/// How the groups of the group game are formed each round.
enum class GroupFormation : std::uint8_t
{
    WellMixed,     // each state is the focal member of `samples` groups whose N-1 others are drawn at random from
                   // the active states; its payoff is the mean over them
    AllGroups,     // each state earns its expected payoff over every group of N it could be drawn into (the
                   // finite-population fitness of Santos and Pacheco 2011); no sampling noise
    Neighbourhood, // each state's closed network neighbourhood is a group; a state earns the sum over the groups it
                   // belongs to (Santos, Santos and Pacheco 2008)
};

/// The group game (an N-player public goods or collective-risk game), off by default.
struct GroupGameDef
{
    GroupGameKind kind = GroupGameKind::None;             // the game; default none (no group game)
    GroupFormation formation = GroupFormation::WellMixed; // how groups form; default well-mixed
    int size = 5;                      // N, members per group (well-mixed, all-groups), [2, 1000]; default 5
    int samples = 1;                   // well-mixed: groups per state per round, [1, 1000]; default 1
    double multiplicationFactor = 3.0; // public goods: r, the pool is multiplied by r, >= 0; default 3
    double cost = 1.0;                 // public goods: c, a cooperator's contribution per group, >= 0; default 1
    double endowment = 1.0;            // collective risk: b, each member's endowment, > 0; default 1
    double costFraction = 0.1;         // collective risk: c, share of b a cooperator gives, [0,1]; default 0.1
    int threshold = 3;                 // collective risk: M, cooperators needed, [1, 1000] and <= size; default 3
    double risk = 0.5;                 // collective risk: r, loss probability below M, [0,1]; default 0.5
};

/// Kinds of scheduled event (docs/model.md phase 8).
enum class EventKind : std::uint8_t
{
    Disclosure, // a state's surveillance is made public
    Incident,   // a major incident attributed (rightly or not) to `state`, victim `target`
    Join,       // `state` joins the world (inactive until then)
    Alliance,   // `state` and `target` become allies
    Summit,     // an extra norm vote this round
    Set,        // change a parameter: `key` = `value` (e.g. noise.false_attribution)
};

/// A scheduled event.
struct EventDef
{
    int round = 0; // 0-based round at which it happens, [0, rounds)
    EventKind kind = EventKind::Disclosure;
    std::string state;     // the state concerned, where the kind has one
    std::string target;    // the other state, where the kind has one
    std::string key;       // for kind = set: the key path
    double value = 0.0;    // for kind = set: the new value
    double severity = 1.0; // incident damage scale / disclosure weight, >= 0; default 1
    int line = 0;
};

/// How a claim reduces one run of the scenario to a number.
enum class ClaimStat : std::uint8_t
{
    Mean,  // the mean of the metric over rounds [from, to]
    Final, // the metric after the last round
};

/// How a claim compares its number with `value` (or, with `versus`, the difference from the contrast with `value`).
enum class ClaimComparison : std::uint8_t
{
    Below,   // <
    AtMost,  // <=
    Above,   // >
    AtLeast, // >=
};

/// An outcome the scenario claims, checked over many seeds by `cybersim check` (docs/claims.md). Claims never change
/// a run: they are left out of the scenario's hash.
struct ClaimDef
{
    std::string name;                        // unique identifier within the scenario, non-empty
    std::string text;                        // the claim in words, as a reader of the scenario should understand it
    std::string metric = "cooperation_rate"; // a world metric: a column of timeseries.csv (`cybersim check` checks it)
    ClaimStat stat = ClaimStat::Mean;        // how one run is reduced; default mean over the window
    int from = 1;                            // mean: first round of the window (0 = the initial world), >= 0; default 1
    int to = 0;                              // mean: last round of the window, inclusive; 0 = the run's last round
    ClaimComparison compare = ClaimComparison::Above; // the claimed direction; default above
    double value = 0.0; // without versus: the threshold; with versus: the margin (default 0)
    // "key=value" (the --set syntax): the contrast, this scenario with one key changed, run on the same seeds. With a
    // contrast the claim holds when the 95% confidence interval of the mean paired difference (this minus the
    // contrast) lies wholly on the claimed side of `value`. Empty: no contrast.
    std::string versus;
    double share = 0.9;       // without versus: the share of seeds in which the comparison must hold, (0, 1]
    int seeds = 20;           // seeds the claim is checked over, [2, 10000]; `cybersim check --seeds` overrides
    std::string knownFailure; // non-empty: the claim is known not to hold yet, and why (reported, not an error)
    int line = 0;             // where the claim is written, for diagnostics
};

/// Outputs and run length.
struct RunDef
{
    std::uint64_t seed = 1;             // master seed; a run is a pure function of (scenario, seed); default 1
    int rounds = 200;                   // rounds to run, [1, 10000000]; default 200
    std::string roundLabel = "quarter"; // what one round stands for, free text
    bool recordStates = true;           // write per-state per-round rows (states.csv); default true
};

/// A complete scenario: the immutable input of a Simulation.
struct Scenario
{
    std::string name;        // short identifier
    std::string description; // one line: what it demonstrates
    std::string sourceFile;  // path it was loaded from; "<default>" for the embedded default
    RunDef run;
    NetworkDef network;
    std::vector<StateDef> states;
    GeneratedStatesDef generate;
    GameDef game;
    NoiseDef noise;
    TrustDef trust;
    ArmsDef arms;
    CommonSecurityDef commonSecurity;
    SurveillanceDef surveillance;
    SovereigntyDef sovereignty;
    GovernanceDef governance;
    LearningDef learning;
    GroupGameDef groupGame;
    std::vector<EventDef> events;
    std::vector<ClaimDef> claims; // expected outcomes ([[claims]]); they do not change the run
};

} // namespace cybersim::scenario
