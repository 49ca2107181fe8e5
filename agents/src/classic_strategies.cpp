// SPDX-License-Identifier: MIT
// The classic deterministic repeated-game strategies, each a one-line rule as Axelrod-Python states it.
//
// Source of every rule: Axelrod-Python (github.com/Axelrod-Python/Axelrod), axelrod/strategies/{cooperator,
// defector,titfortat,grudger,oppositegrudger,alternator,cycler,rand,gobymajority,prober}.py, re-expressed over
// DyadMemory. Bits of the histories older than the first move read as C, which is what Python's slices of a short
// history give in every "D in the last k moves" test below.
#include "rule_strategy.hpp"

namespace cybersim::agents::detail
{
namespace
{

struct CooperatorRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory&, const Draws&) noexcept { return C; }
};

struct DefectorRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory&, const Draws&) noexcept { return D; }
};

// Cooperate first, then copy the partner's last move (Rapoport; Axelrod 1980).
struct TitForTatRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept { return m.partnerMove(0); }
};

// Defect iff the partner's last two moves were both D (Axelrod 1984).
struct TitFor2TatsRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept
    {
        return (m.partnerMoves & 3U) == 3U ? D : C;
    }
};

// Defect iff there is a D among the partner's last two moves (Axelrod 1984).
struct TwoTitsForTatRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept
    {
        return (m.partnerMoves & 3U) != 0 ? D : C;
    }
};

// Defect iff there is a D among the partner's last three moves.
struct HardTitForTatRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept
    {
        return (m.partnerMoves & 7U) != 0 ? D : C;
    }
};

// Defect iff the partner's last three moves contain two consecutive Ds (Stewart and Plotkin 2012).
struct HardTitFor2TatsRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept
    {
        const auto last3 = m.partnerMoves & 7U;
        return ((last3 & 3U) == 3U || (last3 & 6U) == 6U) ? D : C;
    }
};

// Tit for tat that opens with D (Hilbe et al. 2013; "Mistrust", Beaufils et al. 1997).
struct SuspiciousTitForTatRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept
    {
        return m.turns == 0 ? D : m.partnerMove(0);
    }
};

// The opposite of the partner's last move, opening with C (Hilbe et al. 2013).
struct AntiTitForTatRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept
    {
        return m.turns == 0 ? C : flip(m.partnerMove(0));
    }
};

// The opposite of the partner's last move, opening with D (reverse tit for tat, Nachbar 1992).
struct BullyRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept
    {
        return m.turns == 0 ? D : flip(m.partnerMove(0));
    }
};

// Cooperates twice, defects while the partner has never defected, and repents once when punished.
struct SneakyTitForTatRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept
    {
        if (m.turns < 2)
            return C;
        if (m.partnerDefections == 0)
            return D;
        if (m.partnerMove(0) == D && m.ownMove(1) == D)
            return C;
        return m.partnerMove(0);
    }
};

// Cooperates until the partner's first defection, then defects for ever (Friedman 1971).
struct GrudgerRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept { return m.partnerDefections > 0 ? D : C; }
};

// Defects until the partner's first cooperation, then cooperates for ever.
struct OppositeGrudgerRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept
    {
        return m.turns > m.partnerDefections ? C : D;
    }
};

// C, D, C, D, ...: the opposite of its own last move, opening with C.
struct AlternatorRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept
    {
        return m.turns == 0 ? C : flip(m.ownMove(0));
    }
};

// D, C, D, C, ...: cycles "DC" by turn number.
struct CyclerDCRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept { return m.turns % 2 == 0 ? D : C; }
};

// Cooperates with probability p on every move.
struct RandomRule
{
    struct Params
    {
        double p = 0.5;
    };
    static Params fromVector(const std::vector<double>& v) { return {v.at(0)}; }
    static Action next(const Params& params, DyadMemory&, const Draws& draws) noexcept
    {
        return draws.choose(params.p);
    }
};

// Soft majority: defect iff the partner has defected more often than cooperated so far (Axelrod 1984).
struct GoByMajorityRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept
    {
        const auto cooperations = m.turns - m.partnerDefections;
        return m.partnerDefections > cooperations ? D : C;
    }
};

// Plays D, C, C; then defects for ever if the partner cooperated on moves 2 and 3, else plays tit for tat.
// rule[0]: 0 undecided, 1 exploit, 2 tit for tat (moves 2 and 3 are read once, at turn 3, so the 64-move window
// never loses them).
struct ProberRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept
    {
        if (m.turns == 0)
            return D;
        if (m.turns < 3)
            return C;
        if (m.rule[0] == 0)
            m.rule[0] = (m.partnerMove(1) == C && m.partnerMove(0) == C) ? 1 : 2;
        return m.rule[0] == 1 ? D : m.partnerMove(0);
    }
};

// Gradual (Beaufils, Delahaye and Mathieu 1996, as in Axelrod-Python's Gradual, after the CRISTAL-SMAC version):
// on the partner's n-th defection (counted over the whole match) it defects n times, then cooperates twice; moves
// made while punishing or calming do not look at the partner. rule[0] = punishments left, rule[1] = calm moves left.
struct GradualRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept
    {
        if (m.turns == 0)
            return C;
        if (m.rule[0] > 0)
        {
            --m.rule[0];
            return D;
        }
        if (m.rule[1] > 0)
        {
            --m.rule[1];
            return C;
        }
        if (m.partnerMove(0) == D)
        {
            m.rule[0] = static_cast<std::int32_t>(m.partnerDefections) - 1;
            m.rule[1] = 2;
            return D;
        }
        return C;
    }
};

} // namespace

void registerClassicStrategies(core::Catalogue& catalogue)
{
    catalogue.addStrategy(ruleInfo<CooperatorRule>("Cooperator", "always cooperates"));
    catalogue.addStrategy(ruleInfo<DefectorRule>("Defector", "always defects"));
    catalogue.addStrategy(
        ruleInfo<TitForTatRule>("TitForTat", "cooperates first, then copies the partner's last move"));
    const auto tf2t = ruleInfo<TitFor2TatsRule>("TitFor2Tats", "defects iff the partner's last two moves were DD");
    catalogue.addStrategy(tf2t);
    auto tf2tAlias = tf2t;
    tf2tAlias.name = "TitForTwoTats";
    catalogue.addStrategy(std::move(tf2tAlias));
    catalogue.addStrategy(
        ruleInfo<TwoTitsForTatRule>("TwoTitsForTat", "defects iff there is a D among the partner's last two moves"));
    catalogue.addStrategy(
        ruleInfo<HardTitForTatRule>("HardTitForTat", "defects iff there is a D among the partner's last three moves"));
    catalogue.addStrategy(ruleInfo<HardTitFor2TatsRule>(
        "HardTitFor2Tats", "defects iff the partner's last three moves hold two consecutive Ds"));
    catalogue.addStrategy(
        ruleInfo<SuspiciousTitForTatRule>("SuspiciousTitForTat", "tit for tat that opens with a defection"));
    catalogue.addStrategy(ruleInfo<AntiTitForTatRule>(
        "AntiTitForTat", "cooperates first, then plays the opposite of the partner's move"));
    catalogue.addStrategy(
        ruleInfo<BullyRule>("Bully", "defects first, then plays the opposite of the partner's last move"));
    catalogue.addStrategy(ruleInfo<SneakyTitForTatRule>(
        "SneakyTitForTat", "defects while never punished, repents once when punished, else tit for tat"));
    catalogue.addStrategy(ruleInfo<GrudgerRule>("Grudger", "cooperates until the partner defects once, then defects"));
    catalogue.addStrategy(
        ruleInfo<OppositeGrudgerRule>("OppositeGrudger", "defects until the partner cooperates once, then cooperates"));
    catalogue.addStrategy(ruleInfo<AlternatorRule>("Alternator", "alternates C, D, C, D, ... starting with C"));
    catalogue.addStrategy(ruleInfo<CyclerDCRule>("CyclerDC", "alternates D, C, D, C, ... starting with D"));
    catalogue.addStrategy(ruleInfo<RandomRule>("Random", "cooperates with probability p",
                                               {{"p", "probability of cooperating, [0,1]", 0.0, 1.0, 0.5}}, true));
    catalogue.addStrategy(ruleInfo<GoByMajorityRule>(
        "GoByMajority", "defects iff the partner has defected more often than cooperated so far"));
    catalogue.addStrategy(ruleInfo<ProberRule>(
        "Prober", "plays D, C, C; defects for ever if the partner cooperated on moves 2 and 3, else tit for tat"));
    catalogue.addStrategy(
        ruleInfo<GradualRule>("Gradual", "after the partner's n-th defection defects n times, then cooperates twice"));
}

} // namespace cybersim::agents::detail
