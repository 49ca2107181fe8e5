// SPDX-License-Identifier: MIT
// Which theory-layer predictions apply to a scenario, computed from the engine's own normalisations (see the header).
#include "cybersim/theory/theory_prediction.hpp"

#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/core/rng.hpp"
#include "cybersim/engine/simulation.hpp"
#include "cybersim/engine/world.hpp"
#include "cybersim/theory/fixation.hpp"
#include "cybersim/theory/replicator.hpp"
#include "cybersim/theory/richardson.hpp"

#include <Eigen/Core>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace cybersim::theory
{

const TheoryPrediction* TheoryReport::find(PredictionKind kind) const noexcept
{
    for (const auto& p : predictions)
        if (p.kind == kind)
            return &p;
    return nullptr;
}

namespace
{

std::string num(double value, int digits = 4)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    return buffer;
}

// Strategy indices of the 2x2 matrix handed to the theory layer.
constexpr int kCooperator = 0;
constexpr int kDefector = 1;

// A[i][j]: payoff to i against j, cooperator first.
Eigen::MatrixXd matrixOf(const core::PayoffMatrix& m)
{
    Eigen::MatrixXd a(2, 2);
    a << m.reward, m.sucker, m.temptation, m.punishment;
    return a;
}

// The well-mixed two-strategy population a scenario starts from, when it is one; otherwise the reason it is not.
struct WellMixed
{
    int populationSize = 0;
    int cooperators = 0;
    double weight = 1.0;            // the uniform interdependence w of every relation
    std::string cooperatorDoctrine; // a doctrine whose strategy is Cooperator ("" if none is present)
    std::string defectorDoctrine;   // a doctrine whose strategy is Defector ("" if none is present)
    std::string reason;             // non-empty when the population is not well mixed
};

WellMixed wellMixedPopulation(const scenario::Scenario& scenario, const core::Catalogue& catalogue,
                              const engine::World& world, const engine::Simulation* current)
{
    WellMixed out;
    const auto fail = [&](std::string why)
    {
        out.reason = std::move(why);
        return out;
    };
    if (scenario.game.kind == scenario::GameKind::Cyber)
        return fail("the cyber stage game has no fixed 2x2 matrix (choose a classic game)");
    const auto& l = scenario.learning;
    if (l.rule != scenario::LearningRule::Imitation && l.rule != scenario::LearningRule::Moran)
        return fail("needs learning.rule = imitation or moran");
    if (scenario.network.kind != scenario::NetworkKind::Complete || scenario.network.selfInteraction)
        return fail("needs a complete network without self-interaction (a well-mixed population)");
    if (l.mutation > 0.0)
        return fail("needs learning.mutation = 0");
    if (scenario.groupGame.kind != scenario::GroupGameKind::None)
        return fail("a group game (group_game.kind) adds payoffs that the 2x2 game's prediction leaves out");
    if (scenario.noise.execution > 0.0)
        return fail("needs noise.execution = 0");
    if (scenario.governance.approach != scenario::GovernanceApproach::None && scenario.governance.restraint > 0.0)
        return fail("adopted norms would restrain defectors (set governance.approach = none)");
    for (const auto& e : scenario.events)
        if (e.kind == scenario::EventKind::Join || e.kind == scenario::EventKind::Set)
            return fail("scheduled join or set events change the population or the rules mid-run");
    const std::size_t n = world.stateCount();
    if (n < 2 || world.edgeCount() != n * (n - 1))
        return fail("needs a complete network of at least two states");
    for (std::size_t e = 0; e < world.edgeCount(); ++e)
        if (world.weight[e] != world.weight[0])
            return fail("needs every relation to have the same interdependence weight");
    out.weight = world.weight[0];
    out.populationSize = static_cast<int>(n);
    const auto metrics = current ? current->stateMetrics() : std::span<const engine::StateMetrics>{};
    const auto& names = current ? current->doctrineNames() : world.doctrines;
    for (std::size_t i = 0; i < n; ++i)
    {
        const auto index = current ? metrics[i].doctrine : world.states[i].doctrine;
        const std::string& name = names[static_cast<std::size_t>(index)];
        const auto doctrine = catalogue.resolveDoctrine(name, scenario.game.actions);
        if (!doctrine)
            throw ConfigError("unknown doctrine " + name);
        if (world.states[i].strategy != doctrine->strategy)
            return fail("state " + world.states[i].name + " overrides its doctrine's strategy");
        if (doctrine->strategy == "Cooperator")
        {
            ++out.cooperators;
            out.cooperatorDoctrine = name;
        }
        else if (doctrine->strategy == "Defector")
            out.defectorDoctrine = name;
        else
            return fail("state " + world.states[i].name + " plays " + doctrine->strategy +
                        ", not a pure Cooperator or Defector");
    }
    return out;
}

// Replicator time units per learning step: the weak-selection slope of the engine's rule on a complete network, where
// a state's payoff over the window is interval * w * (N - 1) times its mean payoff per game.
double replicatorTimePerLearningStep(const scenario::Scenario& scenario, const WellMixed& pop)
{
    const auto& l = scenario.learning;
    const double scale = l.selectionIntensity * l.interval * pop.weight * (pop.populationSize - 1);
    // Fermi: E[dx] = x (1 - x) tanh(beta dP / 2) (Traulsen, Nowak and Pacheco 2006); Moran with exp(w P) fitness:
    // E[dx] = x (1 - x) (e^{w P_C} - e^{w P_D}) / mean fitness, slope w dP (Traulsen, Claussen and Hauert 2005).
    return l.rule == scenario::LearningRule::Imitation ? 0.5 * scale : scale;
}

std::optional<TheoryPrediction> replicatorPrediction(const scenario::Scenario& scenario, const WellMixed& pop)
{
    const Eigen::MatrixXd a = matrixOf(scenario.game.matrix);
    TheoryPrediction p;
    p.kind = PredictionKind::Replicator;
    p.label = "replicator dynamics, cooperator share (well-mixed)";
    p.formula = "dx/dt = x (1 - x) (f_C(x) - f_D(x)), f_C = R x + S (1 - x), f_D = T x + P (1 - x) "
                "(Taylor and Jonker 1978)";
    const double perStep = replicatorTimePerLearningStep(scenario, pop);
    const int interval = std::max(1, scenario.learning.interval);
    p.replicatorTimePerRound = perStep / interval;
    p.initialShare = double(pop.cooperators) / pop.populationSize;

    // Rest points with their stability on the simplex; x is the cooperator share.
    for (const auto& fixed : theory::replicatorFixedPoints(a))
        p.restPoints.push_back({fixed.x(kCooperator), fixed.maxRealPart, fixed.isStable});
    std::sort(p.restPoints.begin(), p.restPoints.end(), [](const auto& l, const auto& r) { return l.share < r.share; });

    // The trajectory, one point per round (thinned to about 400 points), each reached by RK4 sub-steps short enough
    // for stability however strong the selection.
    const int rounds = std::max(1, scenario.run.rounds);
    const int stride = std::max(1, rounds / 400);
    Eigen::VectorXd x(2);
    x << p.initialShare, 1.0 - p.initialShare;
    p.trajectory.push_back({0.0, x(kCooperator)});
    for (int r = std::min(stride, rounds);; r = std::min(r + stride, rounds))
    {
        const int previous = static_cast<int>(p.trajectory.back().round);
        const double span = (r - previous) * p.replicatorTimePerRound;
        if (span > 0.0)
        {
            const int steps = std::clamp(static_cast<int>(std::ceil(span / 0.05)), 1, 500);
            const Eigen::MatrixXd path = theory::replicatorTrajectory(a, x, span / steps, steps);
            x = path.row(path.rows() - 1).transpose();
        }
        p.trajectory.push_back({double(r), x(kCooperator)});
        if (r == rounds)
            break;
    }
    p.value = p.trajectory.back().value;

    const double timeLabel = perStep;
    p.applicability =
        std::string(scenario.learning.rule == scenario::LearningRule::Imitation ? "imitation (Fermi)" : "Moran") +
        " learning on a complete network of N = " + std::to_string(pop.populationSize) +
        " pure cooperators and defectors; one learning step (every " + std::to_string(interval) +
        " round(s)) = " + num(timeLabel) + " replicator time units (" +
        (scenario.learning.rule == scenario::LearningRule::Imitation ? "beta x interval x weight x (N-1) / 2"
                                                                     : "w x interval x weight x (N-1)") +
        ", the weak-selection limit). Mean field of a large population: the simulated share fluctuates around it";
    // Strong selection saturates the engine's rules (tanh, exp): the run then moves at another pace, though it
    // heads for the same rest points.
    const double gap = std::max({std::abs(a(0, 1) - a(1, 1)), std::abs(a(0, 0) - a(1, 0))});
    if (perStep * gap > 1.0)
        p.applicability += "; selection is strong (" + num(perStep * gap, 3) +
                           " > 1 per step), so the run moves at a different pace than the curve but toward the same "
                           "stable rest point";
    return p;
}

std::optional<TheoryPrediction> fixationPrediction(const scenario::Scenario& scenario, const WellMixed& pop,
                                                   std::string& whyNot)
{
    const int n = pop.populationSize;
    const bool mutantCooperates = pop.cooperators == 1;
    if (pop.cooperators != 1 && pop.cooperators != n - 1)
    {
        whyNot = "fixation: needs exactly one mutant (one cooperator among defectors or the reverse); the run "
                 "starts with " +
                 std::to_string(pop.cooperators) + " cooperators among " + std::to_string(n);
        return std::nullopt;
    }
    const int invader = mutantCooperates ? kCooperator : kDefector;
    const int resident = 1 - invader;
    const Eigen::MatrixXd a = matrixOf(scenario.game.matrix);
    const auto& l = scenario.learning;
    // The window payoff of a state is interval * w * (N - 1) times its mean payoff per game, so the engine's ratio
    // T-/T+ = exp(-beta_eff (f_inv - f_res)) with beta_eff = intensity * interval * w * (N - 1), under both rules.
    const double beta = l.selectionIntensity * std::max(1, l.interval) * pop.weight * (n - 1);

    TheoryPrediction p;
    p.kind = PredictionKind::Fixation;
    p.populationSize = n;
    p.mutantDoctrine = mutantCooperates ? pop.cooperatorDoctrine : pop.defectorDoctrine;
    p.residentDoctrine = mutantCooperates ? pop.defectorDoctrine : pop.cooperatorDoctrine;
    p.selectionIntensity = beta;
    const bool constantFitness =
        a(invader, invader) == a(invader, resident) && a(resident, invader) == a(resident, resident);
    if (l.rule == scenario::LearningRule::Moran && constantFitness)
    {
        const double r = std::exp(beta * (a(invader, resident) - a(resident, resident)));
        p.label = "fixation of one mutant, Moran process (constant fitness r = " + num(r, 6) + ")";
        p.formula = "rho = (1 - 1/r) / (1 - 1/r^N), r = exp(w x interval x weight x (N-1) x (f_mutant - f_resident)) "
                    "(Moran 1958)";
        p.value = theory::moranFixation(r, n);
        p.exact = true;
        p.applicability = "the engine's Moran rule picks the reproducer in proportion to exp(w P); payoffs do not "
                          "depend on the other states' strategies, so the mutant's relative fitness is constant";
    }
    else
    {
        p.label = std::string("fixation of one mutant, ") + (l.rule == scenario::LearningRule::Moran
                                                                 ? "Moran process with exponential fitness"
                                                                 : "pairwise comparison");
        p.formula = "rho = 1 / (1 + sum_k prod_{i<=k} exp(-beta (f_inv(i) - f_res(i)))), beta = intensity x interval x "
                    "weight x (N-1) (Traulsen, Nowak and Pacheco 2006; Nowak et al. 2004)";
        p.value = theory::pairwiseFixation(a, invader, resident, n, beta);
        // The asynchronous Moran rule recomputes the payoffs after every birth-death event, so with one round per
        // learning step its T-/T+ is the formula's exactly (tests/engine/test_group_game_engine.cpp checks the N-player
        // case).
        const bool asynchronous = l.update == scenario::LearningUpdate::Asynchronous;
        p.exact = l.rule == scenario::LearningRule::Moran && asynchronous && l.interval == 1;
        p.applicability =
            p.exact ? "the engine's asynchronous Moran rule recomputes the payoffs after every birth-death event, so "
                      "the frequency-dependent process is the formula's"
            : l.rule == scenario::LearningRule::Moran
                ? "the engine keeps each learning step's fitness while its N birth-death events run (unless "
                  "learning.update is asynchronous and learning.interval 1), so frequency-dependent payoffs are "
                  "matched only approximately"
            : asynchronous ? "the engine's asynchronous Fermi rule visits every state once per step in random order, "
                             "while the formula assumes a random focal state per event: an approximation"
                           : "the engine's Fermi rule updates every state at once, while the formula assumes one "
                             "update per event: an approximation";
    }
    p.label += ", N = " + std::to_string(n);
    return p;
}

// Nothing in the scenario can move trust or doctrines, so an equilibrium computed at round 0 holds for the whole run.
bool trustAndDoctrinesStatic(const scenario::Scenario& s)
{
    if (s.trust.gainRate > 0.0 || s.trust.lossRate > 0.0 || s.trust.reputationWeight > 0.0)
        return false;
    if (s.surveillance.enabled && s.surveillance.trustPenalty > 0.0)
        return false;
    if (s.sovereignty.enabled && s.sovereignty.observerPenalty > 0.0)
        return false;
    if (s.learning.rule != scenario::LearningRule::None)
        return false;
    return std::none_of(s.events.begin(), s.events.end(),
                        [](const scenario::EventDef& e) { return e.kind != scenario::EventKind::Summit; });
}

TheoryPrediction armsPrediction(const scenario::Scenario& scenario, const core::Catalogue& catalogue,
                                const engine::World& world, const engine::Simulation* current)
{
    const std::size_t n = world.stateCount();
    const auto& arms = scenario.arms;
    // Current trust on every directed edge: the run's when given, else round 0's.
    std::vector<double> trust = world.initialTrust;
    if (current)
        for (const auto& e : current->edges())
        {
            if (const auto ab = world.findEdge(e.a, e.b); ab >= 0)
                trust[std::size_t(ab)] = e.trustAB;
            if (const auto ba = world.findEdge(e.b, e.a); ba >= 0)
                trust[std::size_t(ba)] = e.trustBA;
        }
    const auto metrics = current ? current->stateMetrics() : std::span<const engine::StateMetrics>{};
    const auto& names = current ? current->doctrineNames() : world.doctrines;

    Eigen::MatrixXd c = Eigen::MatrixXd::Zero(Eigen::Index(n), Eigen::Index(n));
    Eigen::VectorXd g = Eigen::VectorXd::Zero(Eigen::Index(n));
    for (std::size_t i = 0; i < n; ++i)
    {
        const auto begin = world.offsets[i], end = world.offsets[i + 1];
        const double degree = std::max<double>(1.0, end - begin);
        double trustSum = 0.0;
        for (auto e = begin; e < end; ++e)
        {
            c(Eigen::Index(i), Eigen::Index(world.partner[e])) = world.weight[e] * (1.0 - trust[e]) / degree;
            trustSum += trust[e];
        }
        // The drive of phase_play.cpp / phase_arms.cpp: distrust shifts the common-security share into offence.
        const auto index = current ? metrics[i].doctrine : world.states[i].doctrine;
        const auto doctrine = catalogue.resolveDoctrine(names[static_cast<std::size_t>(index)], scenario.game.actions);
        if (!doctrine)
            throw ConfigError("unknown doctrine " + names[static_cast<std::size_t>(index)]);
        const double distrust = end > begin ? 1.0 - trustSum / (end - begin) : 0.0;
        const double offence =
            doctrine->offenceShare + doctrine->threatResponse * distrust * doctrine->contributionShare;
        g(Eigen::Index(i)) = arms.grievance + arms.budgetDrive * offence * world.states[i].budget;
    }

    TheoryPrediction p;
    p.kind = PredictionKind::ArmsEquilibrium;
    p.trustIsStatic = !current && trustAndDoctrinesStatic(scenario) &&
                      std::none_of(world.states.begin(), world.states.end(),
                                   [](const engine::StateInit& s) { return !s.activeAtStart; });
    const Eigen::VectorXd fatigue = Eigen::VectorXd::Constant(Eigen::Index(n), arms.fatigue);
    p.eigenvalue = theory::armsRaceStabilityEigenvalue(static_cast<int>(n), arms.reactivity, fatigue, c);
    p.runaway = p.eigenvalue >= 0.0;
    p.formula = "dx/dt = k C x - a x + g, C_ij = w_ij (1 - T_ij) / deg_i; x* = -(k C - a I)^-1 g, stable iff "
                "lambda_max(k C - a I) < 0 (Richardson 1960, Arms and Insecurity)";
    if (p.runaway)
    {
        p.label = "arms race: runaway (lambda = " + num(p.eigenvalue) + " > 0)";
        p.value = 0.0;
    }
    else
    {
        const Eigen::MatrixXd system = theory::armsRaceSystemMatrix(
            Eigen::MatrixXd::Constant(Eigen::Index(n), Eigen::Index(n), arms.reactivity), c, fatigue);
        const Eigen::VectorXd star = theory::armsRaceEquilibrium(system, g);
        p.armsPerState.assign(star.data(), star.data() + star.size());
        p.value = star.sum();
        p.label = "Richardson equilibrium: total arms " + num(p.value, 6) + " (lambda = " + num(p.eigenvalue) + ")";
    }
    p.applicability = std::string(current ? "for the trust and doctrines of round " + std::to_string(current->round())
                                          : "for the trust and doctrines of round 0") +
                      " over " + std::to_string(n) + " states; dt = " + num(arms.dt) +
                      " Euler steps per round keep the same rest point";
    if (p.trustIsStatic)
        p.applicability += "; nothing changes trust or doctrines in this scenario, so it holds for the whole run";
    else
        p.applicability += "; trust or doctrines change during the run, so the equilibrium moves with them";
    if (!p.runaway && (Eigen::Map<const Eigen::VectorXd>(p.armsPerState.data(), Eigen::Index(n)).array() < 0.0).any())
        p.applicability += "; some x*_i < 0, but the engine keeps arms >= 0, so the run settles elsewhere";
    p.exact = p.trustIsStatic && !p.runaway &&
              std::all_of(p.armsPerState.begin(), p.armsPerState.end(), [](double v) { return v >= 0.0; });
    return p;
}

std::size_t expectedStateCount(const scenario::Scenario& scenario)
{
    return scenario.states.size() + static_cast<std::size_t>(std::max(0, scenario.generate.count));
}

} // namespace

TheoryReport predictTheory(const scenario::Scenario& scenario, const core::Catalogue& catalogue,
                           const engine::Simulation* current)
{
    TheoryReport report;
    const std::size_t count = current ? current->world().stateCount() : expectedStateCount(scenario);
    const bool wantWellMixed = scenario.learning.rule == scenario::LearningRule::Imitation ||
                               scenario.learning.rule == scenario::LearningRule::Moran;
    const bool wantArms = scenario.arms.enabled && count <= kMaxArmsPredictionStates;
    std::optional<engine::World> built;
    const engine::World* world = current ? &current->world() : nullptr;
    if (!world && ((wantWellMixed && count <= kMaxWellMixedPredictionStates) || wantArms))
    {
        built = engine::buildWorld(scenario, catalogue, scenario.run.seed);
        world = &*built;
    }

    // Replicator and fixation share their conditions.
    std::optional<TheoryPrediction> fixation;
    if (!wantWellMixed)
        report.notApplicable.push_back("replicator and fixation: need learning.rule = imitation or moran");
    else if (!world)
        report.notApplicable.push_back("replicator and fixation: more than " +
                                       std::to_string(kMaxWellMixedPredictionStates) + " states");
    else
    {
        const WellMixed pop = wellMixedPopulation(scenario, catalogue, *world, current);
        if (!pop.reason.empty())
            report.notApplicable.push_back("replicator and fixation: " + pop.reason);
        else
        {
            if (auto p = replicatorPrediction(scenario, pop))
                report.predictions.push_back(std::move(*p));
            std::string whyNot;
            fixation = fixationPrediction(scenario, pop, whyNot);
            if (!fixation)
                report.notApplicable.push_back(whyNot);
        }
    }

    if (!scenario.arms.enabled)
        report.notApplicable.push_back("arms equilibrium: arms.enabled is false");
    else if (!wantArms)
        report.notApplicable.push_back("arms equilibrium: more than " + std::to_string(kMaxArmsPredictionStates) +
                                       " states for a dense eigen-solve");
    else
        report.predictions.push_back(armsPrediction(scenario, catalogue, *world, current));

    if (fixation)
        report.predictions.push_back(std::move(*fixation));
    return report;
}

FixationTally simulateFixation(const scenario::Scenario& scenario, const core::Catalogue& catalogue, int replicates,
                               std::uint64_t masterSeed)
{
    if (replicates < 1)
        throw ConfigError("replicates is " + std::to_string(replicates) + ", expected >= 1");
    // The mutant's doctrine: the one held by exactly one state at round 0, with all others holding one other.
    const engine::World world = engine::buildWorld(scenario, catalogue, scenario.run.seed);
    std::vector<int> counts(world.doctrines.size(), 0);
    for (const auto& s : world.states)
        ++counts[static_cast<std::size_t>(s.doctrine)];
    const auto used = std::count_if(counts.begin(), counts.end(), [](int c) { return c > 0; });
    const auto single = std::find(counts.begin(), counts.end(), 1);
    if (used != 2 || single == counts.end() || world.stateCount() < 3)
        throw ConfigError("simulated fixation needs one state of one doctrine among at least two of another; " +
                          scenario.name + " does not start that way");
    const std::string mutant = world.doctrines[std::size_t(single - counts.begin())];
    const int n = static_cast<int>(world.stateCount());

    std::vector<std::int8_t> outcome(static_cast<std::size_t>(replicates), 0); // 1 fixed, -1 lost, 0 unresolved
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, outcome.size(), 8),
                      [&](const tbb::blocked_range<std::size_t>& range)
                      {
                          for (auto r = range.begin(); r != range.end(); ++r)
                          {
                              scenario::Scenario copy = scenario;
                              copy.run.seed = core::deriveSeed(masterSeed, r);
                              engine::Simulation simulation(copy, catalogue, {false});
                              const auto& names = simulation.doctrineNames();
                              const auto index = static_cast<std::int32_t>(
                                  std::find(names.begin(), names.end(), mutant) - names.begin());
                              int holders = 1;
                              while (!simulation.finished() && holders > 0 && holders < n)
                              {
                                  simulation.step();
                                  holders = 0;
                                  for (const auto& m : simulation.stateMetrics())
                                      holders += m.doctrine == index ? 1 : 0;
                              }
                              outcome[r] = holders == n ? 1 : holders == 0 ? -1 : 0;
                          }
                      });
    FixationTally tally;
    tally.replicates = replicates;
    for (const auto o : outcome)
    {
        tally.fixed += o > 0 ? 1 : 0;
        tally.lost += o < 0 ? 1 : 0;
        tally.unresolved += o == 0 ? 1 : 0;
    }
    const int resolved = tally.fixed + tally.lost;
    if (resolved > 0)
    {
        tally.frequency = double(tally.fixed) / resolved;
        tally.standardError = std::sqrt(tally.frequency * (1.0 - tally.frequency) / resolved);
    }
    return tally;
}

} // namespace cybersim::theory
