// SPDX-License-Identifier: MIT
// The N-player group game (public goods, collective risk) played each round besides the dyadic stage games, with
// groups drawn from the whole population or formed by network neighbourhoods (docs/model.md "Group games").
#include "phases/phase_group_game.hpp"

#include "phases/async_learning.hpp"
#include "simulation_state.hpp"

#include <algorithm>
#include <array>

namespace cybersim::engine
{

namespace
{

// DecisionContext::stream of the group move, so a randomising strategy draws apart from its dyadic acts.
constexpr std::uint64_t kGroupStream = 0x67726f7570ULL; // "group"

// Largest group: the schema's bound on group_game.size.
constexpr int kMaxGroupSize = 1000;

bool playsGroups(const SimulationState& s) noexcept
{
    return s.params.groupGame.kind != scenario::GroupGameKind::None;
}

// Draws the N-1 co-players of focal state f's sample `sample` uniformly without replacement from the other active
// states, by Floyd's algorithm (Bentley and Floyd 1987): exactly N-1 draws keyed by (round, f, sample, Purpose::Group,
// step), so the group is a pure function of the key whichever thread draws it. Writes state indices to out.
void drawCoPlayers(const SimulationState& s, std::size_t f, int sample, std::uint32_t* out)
{
    const auto& g = s.group;
    const auto pool = static_cast<std::uint32_t>(g.active.size() - 1); // the active states other than f
    const auto draws = static_cast<std::uint32_t>(g.groupSize - 1);
    const auto round = static_cast<std::uint64_t>(s.round);
    const std::uint32_t slot = g.activeSlot[f];
    for (std::uint32_t k = 0, j = pool - draws; j < pool; ++j, ++k)
    {
        auto t = static_cast<std::uint32_t>(
            s.rng.below(j + 1, round, f, static_cast<std::uint64_t>(sample), core::Purpose::Group, j));
        if (std::find(out, out + k, t) != out + k)
            t = j;
        out[k] = t;
    }
    // Positions among the others to state indices: skip f's own slot.
    for (std::uint32_t k = 0; k < draws; ++k)
        out[k] = g.active[out[k] < slot ? out[k] : out[k] + 1];
}

// Well-mixed: the cooperators among a focal's co-players `members`.
int cooperatingCoPlayers(const SimulationState& s, const std::uint32_t* members)
{
    const auto& g = s.group;
    int cooperating = 0;
    for (int k = 0; k + 1 < g.groupSize; ++k)
        cooperating += g.cooperates[members[k]];
    return cooperating;
}

// Well-mixed: f's payoff in one group whose co-players are `members`.
double memberPayoff(const SimulationState& s, std::size_t f, const std::uint32_t* members)
{
    const auto& g = s.group;
    return groupPayoff(s.params.groupGame, g.cooperates[f] != 0, cooperatingCoPlayers(s, members), g.groupSize);
}

// Whether a group with `cooperators` cooperators (all members counted) reaches the collective-risk threshold M.
bool reachesThreshold(const scenario::GroupGameDef& game, int cooperators) noexcept
{
    return game.kind == scenario::GroupGameKind::CollectiveRisk && cooperators >= game.threshold;
}

// Well-mixed: draws f's groups and returns its mean payoff over them; keeps the co-players when they are stored.
double drawWellMixedPayoff(SimulationState& s, std::size_t f)
{
    auto& g = s.group;
    const auto others = std::size_t(g.groupSize - 1);
    std::array<std::uint32_t, kMaxGroupSize> local; // uninitialised: drawCoPlayers writes the first N-1
    const bool cooperates = g.cooperates[f] != 0;
    double sum = 0.0;
    int reached = 0;
    for (int sample = 0; sample < g.samples; ++sample)
    {
        std::uint32_t* members = g.storeCoPlayers
                                     ? g.coPlayers.data() + (f * std::size_t(g.samples) + std::size_t(sample)) * others
                                     : local.data();
        drawCoPlayers(s, f, sample, members);
        const int cooperating = cooperatingCoPlayers(s, members);
        sum += groupPayoff(s.params.groupGame, cooperates, cooperating, g.groupSize);
        reached += reachesThreshold(s.params.groupGame, cooperating + (cooperates ? 1 : 0)) ? 1 : 0;
    }
    g.successes[f] = double(reached);
    return sum / double(g.samples);
}

// Well-mixed: f's mean payoff over the groups stored this round, with the moves in force now.
double storedWellMixedPayoff(const SimulationState& s, std::size_t f)
{
    const auto& g = s.group;
    const auto others = std::size_t(g.groupSize - 1);
    double sum = 0.0;
    for (int sample = 0; sample < g.samples; ++sample)
        sum += memberPayoff(s, f, g.coPlayers.data() + (f * std::size_t(g.samples) + std::size_t(sample)) * others);
    return sum / double(g.samples);
}

// Hypergeometric probabilities of drawing j = 0..draws marked individuals, without replacement, from a pool of
// `pool` holding `marked`: built draw by draw from P(j after t + 1) = P(j after t) (pool - t - (marked - j)) / (pool -
// t) + P(j - 1 after t) (marked - j + 1) / (pool - t), in plain arithmetic (no library function).
void hypergeometric(std::vector<double>& p, int pool, int marked, int draws)
{
    std::fill(p.begin(), p.end(), 0.0);
    p[0] = 1.0;
    for (int t = 0; t < draws; ++t)
    {
        const double left = pool - t;
        for (int j = t; j >= 0; --j)
        {
            const double v = p[std::size_t(j)];
            if (v == 0.0)
                continue;
            const double hits = marked - j;
            p[std::size_t(j) + 1] += v * hits / left;
            p[std::size_t(j)] = v * (left - hits) / left;
        }
    }
}

// All groups: the expected payoff of a focal with the given move when `cooperators` of the Z active states (the
// focal included) cooperate; its N-1 co-players are drawn without replacement from the Z-1 others (Santos and
// Pacheco 2011).
double expectedPayoff(SimulationState& s, bool cooperates, int cooperators)
{
    auto& g = s.group;
    const int population = static_cast<int>(g.active.size());
    const int others = g.groupSize - 1;
    hypergeometric(g.hits, population - 1, cooperators - (cooperates ? 1 : 0), others);
    double f = 0.0;
    for (int j = 0; j <= others; ++j)
        f += g.hits[std::size_t(j)] * groupPayoff(s.params.groupGame, cooperates, j, g.groupSize);
    return f;
}

void assignExpectedPayoffs(SimulationState& s)
{
    auto& g = s.group;
    int cooperators = 0;
    for (const auto i : g.active)
        cooperators += g.cooperates[i];
    const int population = static_cast<int>(g.active.size());
    const double fC = cooperators > 0 ? expectedPayoff(s, true, cooperators) : 0.0;
    const double fD = cooperators < population ? expectedPayoff(s, false, cooperators) : 0.0;
    for (const auto i : g.active)
        g.payoff[i] = g.cooperates[i] ? fC : fD;
}

// All groups: the expected share of groups of N, drawn from the Z active states, with at least M cooperators.
double expectedSuccessShare(SimulationState& s)
{
    auto& g = s.group;
    const auto& game = s.params.groupGame;
    if (game.kind != scenario::GroupGameKind::CollectiveRisk)
        return 0.0;
    int cooperators = 0;
    for (const auto i : g.active)
        cooperators += g.cooperates[i];
    hypergeometric(g.hits, static_cast<int>(g.active.size()), cooperators, g.groupSize);
    double share = 0.0;
    for (int k = game.threshold; k <= g.groupSize; ++k)
        share += g.hits[std::size_t(k)];
    return share;
}

// Neighbourhood: the group centred on c is c and its active partners (Santos, Santos and Pacheco 2008).
void countNeighbourhood(SimulationState& s, std::size_t c)
{
    auto& g = s.group;
    if (!s.active[c])
    {
        g.groupCooperators[c] = g.groupMembers[c] = 0;
        return;
    }
    int members = 1, cooperators = g.cooperates[c];
    for (auto k = s.begin(c); k < s.end(c); ++k)
    {
        const auto j = s.world.partner[k];
        if (s.active[j])
        {
            ++members;
            cooperators += g.cooperates[j];
        }
    }
    g.groupMembers[c] = members;
    g.groupCooperators[c] = cooperators;
}

// Neighbourhood: the sum of m's payoffs in its own group and in each active partner's, in edge order. A group of one
// (a state without active partners) is not played.
double neighbourhoodPayoff(const SimulationState& s, std::size_t m)
{
    const auto& g = s.group;
    if (!s.active[m])
        return 0.0;
    const bool cooperates = g.cooperates[m] != 0;
    const auto own = cooperates ? 1 : 0;
    double sum = 0.0;
    if (g.groupMembers[m] >= 2)
        sum += groupPayoff(s.params.groupGame, cooperates, g.groupCooperators[m] - own, g.groupMembers[m]);
    for (auto k = s.begin(m); k < s.end(m); ++k)
    {
        const auto c = s.world.partner[k];
        if (s.active[c])
            sum += groupPayoff(s.params.groupGame, cooperates, g.groupCooperators[c] - own, g.groupMembers[c]);
    }
    return sum;
}

} // namespace

double groupPayoff(const scenario::GroupGameDef& game, bool cooperates, int cooperatingOthers, int members) noexcept
{
    const int cooperators = cooperatingOthers + (cooperates ? 1 : 0);
    if (game.kind == scenario::GroupGameKind::PublicGoods)
    {
        // Linear public goods: the pool r c k is shared by all n members (Hauert et al. 2002; Santos, Santos and
        // Pacheco 2008).
        const double share = game.multiplicationFactor * game.cost * double(cooperators) / double(members);
        return cooperates ? share - game.cost : share;
    }
    // Collective risk (Santos and Pacheco 2011, eq. 1): everyone keeps b when the group has at least M cooperators,
    // else everything is lost with probability r (here its expectation, b (1 - r)); cooperators have paid c b.
    const double b = game.endowment;
    const double kept = cooperators >= game.threshold ? b : b * (1.0 - game.risk);
    return cooperates ? kept - game.costFraction * b : kept;
}

core::Action groupMove(const SimulationState& s, std::size_t i)
{
    const auto round = static_cast<std::uint64_t>(s.round);
    const auto self = static_cast<std::uint32_t>(i);
    core::DyadMemory fresh;
    core::Action move = core::Action::Cooperate;
    core::DecisionContext context;
    context.rng = s.rng;
    context.round = round;
    context.self = self;
    context.partners = std::span<const std::uint32_t>(&self, 1);
    context.stream = kGroupStream;
    context.game = s.params.game.matrix;
    if (s.matrix)
    {
        // The opening act of an m-act game; the group game sees its stance. Execution noise replaces it by one of the
        // other acts, as in the dyads (restrainAndTremble).
        const auto& g = s.matrixGame;
        context.matrix = &g;
        core::decideActs(*s.strategy[i], std::span<core::DyadMemory>(&fresh, 1), std::span<core::Action>(&move, 1),
                         context);
        const double execution = s.params.noise.execution;
        if (const double u = s.rng.uniform(round, i, i, core::Purpose::ImplementNoise);
            execution > 0.0 && u < execution)
        {
            const std::size_t others = g.actCount - 1;
            const auto pick = std::min(others - 1, static_cast<std::size_t>(u / execution * double(others)));
            move = core::actAt(pick >= core::actIndex(move) ? pick + 1 : pick);
        }
        return g.stance(move);
    }
    s.strategy[i]->decide(std::span<core::DyadMemory>(&fresh, 1), std::span<core::Action>(&move, 1), context);
    const double execution = s.params.noise.execution;
    if (execution > 0.0 && s.rng.uniform(round, i, i, core::Purpose::ImplementNoise) < execution)
        move = move == core::Action::Cooperate ? core::Action::Defect : core::Action::Cooperate;
    return move;
}

void playGroupGames(SimulationState& s)
{
    auto& g = s.group;
    g.cooperationShare = g.successShare = 0.0;
    if (!playsGroups(s))
        return;
    const auto& def = s.params.groupGame;
    const std::size_t n = s.n();
    if (g.cooperates.size() != n)
    {
        g.cooperates.assign(n, 0);
        g.payoff.assign(n, 0.0);
        g.successes.assign(n, 0.0);
        g.activeSlot.assign(n, 0);
        g.active.reserve(n);
        if (def.formation == scenario::GroupFormation::Neighbourhood)
        {
            g.groupCooperators.assign(n, 0);
            g.groupMembers.assign(n, 0);
        }
    }
    s.forEachState([&](std::size_t i)
                   { g.cooperates[i] = s.active[i] && groupMove(s, i) == core::Action::Cooperate ? 1 : 0; });
    g.active.clear();
    for (std::size_t i = 0; i < n; ++i)
        if (s.active[i])
        {
            g.activeSlot[i] = static_cast<std::uint32_t>(g.active.size());
            g.active.push_back(static_cast<std::uint32_t>(i));
        }
    std::fill(g.payoff.begin(), g.payoff.end(), 0.0);
    std::fill(g.successes.begin(), g.successes.end(), 0.0);
    if (!g.active.empty())
    {
        int cooperators = 0;
        for (const auto i : g.active)
            cooperators += g.cooperates[i];
        g.cooperationShare = double(cooperators) / double(g.active.size());
    }

    // `set` events may change the size and samples between rounds; a round with fewer active states than a group
    // needs plays no group game.
    g.groupSize = def.formation == scenario::GroupFormation::Neighbourhood ? 0 : def.size;
    g.samples = def.samples;
    const bool enough =
        def.formation == scenario::GroupFormation::Neighbourhood || g.active.size() >= std::size_t(def.size);
    if (!enough)
    {
        g.groupSize = 0;
        return;
    }
    switch (def.formation)
    {
    case scenario::GroupFormation::WellMixed:
    {
        g.storeCoPlayers = s.params.learning.update == scenario::LearningUpdate::Asynchronous &&
                           s.params.learning.rule != scenario::LearningRule::None;
        if (g.storeCoPlayers)
        {
            const std::size_t slots = n * std::size_t(g.samples) * std::size_t(g.groupSize - 1);
            if (g.coPlayers.size() != slots)
                g.coPlayers.assign(slots, 0);
        }
        s.forEachState(
            [&](std::size_t f)
            {
                if (s.active[f])
                    g.payoff[f] = drawWellMixedPayoff(s, f);
            });
        break;
    }
    case scenario::GroupFormation::AllGroups:
        g.hits.resize(std::size_t(g.groupSize) + 1); // up to N draws: the success share draws whole groups
        assignExpectedPayoffs(s);
        g.successShare = expectedSuccessShare(s);
        break;
    case scenario::GroupFormation::Neighbourhood:
        s.forEachState([&](std::size_t c) { countNeighbourhood(s, c); });
        s.forEachState([&](std::size_t m) { g.payoff[m] = neighbourhoodPayoff(s, m); });
        break;
    }
    // The share of groups reaching the threshold, summed in state order (STYLE F).
    if (def.formation == scenario::GroupFormation::WellMixed)
    {
        double reached = 0.0;
        for (const auto f : g.active)
            reached += g.successes[f];
        g.successShare = reached / (double(g.active.size()) * double(g.samples));
    }
    else if (def.formation == scenario::GroupFormation::Neighbourhood)
    {
        int groups = 0, reached = 0;
        for (const auto c : g.active)
            if (g.groupMembers[c] >= 2) // a state without active partners centres no group
            {
                ++groups;
                reached += reachesThreshold(def, g.groupCooperators[c]) ? 1 : 0;
            }
        g.successShare = groups > 0 ? double(reached) / double(groups) : 0.0;
    }
    s.forEachState(
        [&](std::size_t i)
        {
            if (s.active[i])
                s.payoff[i] += g.payoff[i];
        });
}

void indexCoPlayers(const SimulationState& s, std::vector<std::uint32_t>& offsets, std::vector<std::uint32_t>& of)
{
    const auto& g = s.group;
    const std::size_t n = s.n();
    offsets.assign(n + 1, 0);
    if (!playsGroups(s) || s.params.groupGame.formation != scenario::GroupFormation::WellMixed || g.groupSize == 0 ||
        !g.storeCoPlayers)
    {
        of.clear();
        return;
    }
    const std::size_t perFocal = std::size_t(g.samples) * std::size_t(g.groupSize - 1);
    for (const auto f : g.active)
        for (std::size_t k = 0; k < perFocal; ++k)
            ++offsets[g.coPlayers[f * perFocal + k] + 1];
    for (std::size_t i = 0; i < n; ++i)
        offsets[i + 1] += offsets[i];
    of.resize(offsets[n]);
    // Fill in focal order (a state appears once per group it is drawn into), with the offsets as cursors.
    for (const auto f : g.active)
        for (std::size_t k = 0; k < perFocal; ++k)
            of[offsets[g.coPlayers[f * perFocal + k]]++] = f;
    for (std::size_t i = n; i > 0; --i)
        offsets[i] = offsets[i - 1];
    offsets[0] = 0;
}

void refreshGroupPayoffs(SimulationState& s, std::size_t changed, const std::vector<std::uint32_t>& offsets,
                         const std::vector<std::uint32_t>& of)
{
    auto& g = s.group;
    auto& recomputed = g.recomputed;
    recomputed.clear(s.n());
    if (!playsGroups(s) || !s.active[changed] || g.cooperates.size() != s.n())
        return;
    const auto formation = s.params.groupGame.formation;
    if (g.groupSize == 0 && formation != scenario::GroupFormation::Neighbourhood)
        return; // no group game was played this round
    const std::uint8_t move = groupMove(s, changed) == core::Action::Cooperate ? 1 : 0;
    if (move == g.cooperates[changed])
        return;
    g.cooperates[changed] = move;
    switch (formation)
    {
    case scenario::GroupFormation::WellMixed:
        // Its own groups and every group it was drawn into (once, however many of f's samples drew it).
        recomputed.add(static_cast<std::uint32_t>(changed));
        for (auto k = offsets[changed]; k < offsets[changed + 1]; ++k)
            recomputed.add(of[k]);
        for (const auto f : recomputed.list)
            g.payoff[f] = storedWellMixedPayoff(s, f);
        break;
    case scenario::GroupFormation::AllGroups:
        assignExpectedPayoffs(s);
        for (const auto i : g.active)
            recomputed.add(i);
        break;
    case scenario::GroupFormation::Neighbourhood:
    {
        // The groups centred on `changed` and its active partners gain or lose a cooperator; their members are the
        // states within two steps of it.
        const int delta = move ? 1 : -1;
        const auto addGroup = [&](std::size_t c)
        {
            g.groupCooperators[c] += delta;
            recomputed.add(static_cast<std::uint32_t>(c));
            for (auto k = s.begin(c); k < s.end(c); ++k)
                if (s.active[s.world.partner[k]])
                    recomputed.add(s.world.partner[k]);
        };
        addGroup(changed);
        for (auto k = s.begin(changed); k < s.end(changed); ++k)
            if (s.active[s.world.partner[k]])
                addGroup(s.world.partner[k]);
        for (const auto m : recomputed.list)
            g.payoff[m] = neighbourhoodPayoff(s, m);
        break;
    }
    }
}

} // namespace cybersim::engine
