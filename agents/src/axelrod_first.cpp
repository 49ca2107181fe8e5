// SPDX-License-Identifier: MIT
// The entries of Axelrod's first tournament (Axelrod 1980, J. Conflict Resolution 24(1):3-25).
//
// Rules as Axelrod-Python reconstructs them (axelrod/strategies/axelrod_first.py, the FirstBy* classes), re-expressed
// over DyadMemory; where its state does not fit, the comment on the rule says what was done. Scores used by a rule
// are the engine's running totals in DyadMemory (Axelrod-Python rescores each round from the game: the same numbers).
// TIT FOR TAT, FRIEDMAN (Grudger) and RANDOM are the classic strategies in classic_strategies.cpp.
#include "rule_strategy.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace cybersim::agents::detail
{
namespace
{

// Axelrod-Python's FinalTransformer((D, D)): defect on the last two moves when the match length is known.
[[nodiscard]] bool inLastTwoMoves(const DyadMemory& m, const Draws& draws) noexcept
{
    const auto length = draws.context().matchLength;
    return length > 0 && m.turns + 2 >= length;
}

// p-value of Pearson's chi-squared test that the partner's C and D counts come from a fair coin (one degree of
// freedom, as scipy.stats.chisquare([C, D]) computes it): the statistic is (C - D)^2 / n, and P(chi2_1 >= x) =
// erfc(sqrt(x / 2)).
[[nodiscard]] double fairCoinPValue(const DyadMemory& m) noexcept
{
    const double n = m.turns;
    if (n <= 0.0)
        return 1.0;
    const double diff = static_cast<double>(m.turns - m.partnerDefections) - static_cast<double>(m.partnerDefections);
    return std::erfc(std::sqrt(diff * diff / n / 2.0));
}

// TIDEMAN AND CHIERUZZI (2nd). Tit for tat whose k-th retaliation lasts k moves; the partner gets a "fresh start"
// (two Cs, then the past is forgotten) when it is at least 10 points behind, has just cooperated, 20 or more moves
// have passed since the last fresh start, 10 or more moves remain, and its defections are at least 3 standard
// deviations from a fair coin's. Defects on the last two moves. Needs the known match length (no fresh start and no
// end game without one, as Axelrod-Python with an unknown length).
// rule[0] retaliation length, rule[1] retaliations left, rule[2] round of the last fresh start (0 = none),
// rule[3] = 1 while the second fresh-start cooperation is due, rule[4] partner defections since the fresh start.
struct TidemanAndChieruzziRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws& draws) noexcept
    {
        const Action move = decideMove(m, draws);
        return inLastTwoMoves(m, draws) ? D : move;
    }

    static Action decideMove(DyadMemory& m, const Draws& draws) noexcept
    {
        if (m.turns == 0)
            return C;
        if (m.partnerMove(0) == D)
            ++m.rule[4];
        if (m.rule[3] != 0)
        {
            m.rule[3] = 0;
            return C;
        }
        const auto round = static_cast<std::int64_t>(m.turns) + 1;
        const bool mayRestart = m.rule[2] == 0 || round - m.rule[2] >= 20;
        if (mayRestart)
        {
            const auto length = static_cast<std::int64_t>(draws.context().matchLength);
            const bool pointsBehind = m.ownScore - m.partnerScore >= 10.0;
            const bool roundsLeft = length > 0 && length - round >= 10;
            if (pointsBehind && roundsLeft && m.partnerMove(0) == C)
            {
                const double n = m.turns;
                const double sd = std::sqrt(n) / 2.0;
                const double lower = n / 2.0 - 3.0 * sd;
                const double upper = n / 2.0 + 3.0 * sd;
                const double remembered = m.rule[4];
                if (remembered <= lower || remembered >= upper)
                {
                    m.rule[0] = 0;
                    m.rule[1] = 0;
                    m.rule[2] = static_cast<std::int32_t>(round);
                    m.rule[3] = 1;
                    m.rule[4] = 0;
                    return C;
                }
            }
        }
        if (m.rule[1] > 0)
        {
            --m.rule[1];
            return D;
        }
        if (m.partnerMove(0) == D)
        {
            ++m.rule[0];
            m.rule[1] = m.rule[0] - 1;
            return D;
        }
        return C;
    }
};

// NYDEGGER (3rd). Tit for tat for three moves (but D on move 3 if the partner alone defected on move 1 and alone
// cooperated on move 2, i.e. its first two moves were D, C); then D iff A = 16 a1 + 4 a2 + a3 is in the listed set,
// a_k scoring the k-th last round 0 (CC), 2 (partner alone defected), 1 (own defection alone), 3 (DD).
struct NydeggerRule
{
    using Params = NoParams;
    static constexpr std::uint64_t kDefectSet =
        (1ULL << 1) | (1ULL << 6) | (1ULL << 7) | (1ULL << 17) | (1ULL << 22) | (1ULL << 23) | (1ULL << 26) |
        (1ULL << 29) | (1ULL << 30) | (1ULL << 31) | (1ULL << 33) | (1ULL << 38) | (1ULL << 39) | (1ULL << 45) |
        (1ULL << 49) | (1ULL << 54) | (1ULL << 55) | (1ULL << 58) | (1ULL << 61);

    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept
    {
        if (m.turns == 0)
            return C;
        if (m.turns == 1)
            return m.partnerMove(0);
        if (m.turns == 2)
            return (m.partnerMove(1) == D && m.partnerMove(0) == C) ? D : m.partnerMove(0);
        unsigned a = 0;
        for (unsigned k = 0, weight = 16; k < 3; ++k, weight /= 4)
            a += weight * (static_cast<unsigned>(m.ownMove(k)) + 2U * static_cast<unsigned>(m.partnerMove(k)));
        return ((kDefectSet >> a) & 1U) != 0 ? D : C;
    }
};

// GROFMAN (4th). Cooperates when both played the same last round; otherwise cooperates with probability 2/7.
struct GrofmanRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws& draws) noexcept
    {
        if (m.turns == 0 || m.ownMove(0) == m.partnerMove(0))
            return C;
        return draws.choose(2.0 / 7.0);
    }
};

// SHUBIK (5th). Cooperates until the partner defects against its cooperation; then defects k times, k growing by one
// with each such departure from mutual cooperation. rule[0] retaliation length, rule[1] retaliations left.
struct ShubikRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept
    {
        if (m.turns == 0)
            return C;
        if (m.rule[1] > 0)
        {
            --m.rule[1];
            return D;
        }
        if (m.partnerMove(0) == D && m.ownMove(0) == C)
        {
            ++m.rule[0];
            m.rule[1] = m.rule[0] - 1;
            return D;
        }
        return C;
    }
};

// STEIN AND RAPOPORT (6th). Cooperates on moves 1-4, then tit for tat; every 15th move it tests whether the partner
// looks random (chi-squared test of its C/D counts, significance alpha) and defects until the next test if so.
// Defects on the last two moves. rule[0] = 1 while the partner is judged random.
struct SteinAndRapoportRule
{
    struct Params
    {
        double alpha = 0.05;
    };
    static Params fromVector(const std::vector<double>& v) { return {v.at(0)}; }
    static Action next(const Params& params, DyadMemory& m, const Draws& draws) noexcept
    {
        const Action move = decideMove(params, m);
        return inLastTwoMoves(m, draws) ? D : move;
    }

    static Action decideMove(const Params& params, DyadMemory& m) noexcept
    {
        const auto round = m.turns + 1;
        if (round < 5)
            return C;
        if (round < 15)
            return m.partnerMove(0);
        if (round % 15 == 0)
            m.rule[0] = fairCoinPValue(m) >= params.alpha ? 1 : 0;
        return m.rule[0] != 0 ? D : m.partnerMove(0);
    }
};

// DAVIS (8th). Cooperates on the first 10 moves, then plays Grudger.
struct DavisRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept
    {
        if (m.turns < 10)
            return C;
        return m.partnerDefections > 0 ? D : C;
    }
};

// GRAASKAMP (9th). Tit for tat for 50 moves, D on move 51, tit for tat to move 56; then defects for ever once the
// partner looks random (chi-squared test at level alpha, checked every move); plays tit for tat against a partner that
// has so far played tit for tat against it or copied it move for move; otherwise cooperates and defects at random
// every 5 to 14 moves (Axelrod-Python draws numpy's randint(5, 15), whose upper end is exclusive).
// The full-history comparisons are kept incrementally: each move's new pair is checked once.
// rule[0] bit 0: partner not tit for tat; bit 1: partner not a twin; bit 2: partner judged random.
// rule[1] turn of the next random defection (0 = not drawn yet).
struct GraaskampRule
{
    struct Params
    {
        double alpha = 0.05;
    };
    static Params fromVector(const std::vector<double>& v) { return {v.at(0)}; }
    static Action next(const Params& params, DyadMemory& m, const Draws& draws) noexcept
    {
        if (m.turns >= 2 && m.partnerMove(0) != m.ownMove(1))
            m.rule[0] |= 1;
        if (m.turns >= 1 && m.partnerMove(0) != m.ownMove(0))
            m.rule[0] |= 2;
        if (m.turns == 0)
            return C;
        if (m.turns < 56)
            return (m.partnerMove(0) == D || m.turns == 50) ? D : C;
        if ((m.rule[0] & 4) == 0 && fairCoinPValue(m) >= params.alpha)
            m.rule[0] |= 4;
        if ((m.rule[0] & 4) != 0)
            return D;
        if ((m.rule[0] & 1) == 0 || (m.rule[0] & 2) == 0)
            return m.partnerMove(0);
        const auto turn = static_cast<std::int32_t>(m.turns);
        if (m.rule[1] == 0)
            m.rule[1] = static_cast<std::int32_t>(5 + draws.below(10)) + turn;
        if (turn == m.rule[1])
        {
            m.rule[1] = static_cast<std::int32_t>(5 + draws.below(10, 1)) + turn;
            return D;
        }
        return C;
    }
};

// DOWNING (10th). Estimates alpha = P(partner C | own C) and beta = P(partner C | own D) and cooperates iff
// alpha R + (1-alpha) S > beta T + (1-beta) P (D if less, switches its move on a tie). Opens D, D; the partner's first
// move counts as an answer to a cooperation before the match, and beta's denominator is at least 2 (Axelrod-Python's
// reading of Downing 1975). rule[0] partner Cs after own C, rule[1] partner Cs after own D.
struct DowningRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws& draws) noexcept
    {
        if (m.turns == 0)
            return D;
        if (m.turns == 1)
        {
            if (m.partnerMove(0) == C)
                ++m.rule[0];
            return D;
        }
        if (m.partnerMove(0) == C)
            ++m.rule[m.ownMove(1) == C ? 0 : 1];
        const double ownCooperations = static_cast<double>(m.turns - m.ownDefections);
        const double alpha = static_cast<double>(m.rule[0]) / (ownCooperations + 1.0);
        const double beta = static_cast<double>(m.rule[1]) / std::max(static_cast<double>(m.ownDefections), 2.0);
        const auto& g = draws.context().game;
        const double cooperateValue = alpha * g.reward + (1.0 - alpha) * g.sucker;
        const double defectValue = beta * g.temptation + (1.0 - beta) * g.punishment;
        if (cooperateValue > defectValue)
            return C;
        if (cooperateValue < defectValue)
            return D;
        return flip(m.ownMove(0));
    }
};

// FELD (11th). Defects after a partner's defection; after a cooperation it cooperates with a probability falling
// linearly from 1 to 0.5 over 200 moves (Axelrod-Python's reading of "gradually lowers").
struct FeldRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws& draws) noexcept
    {
        if (m.turns == 0)
            return C;
        if (m.partnerMove(0) == D)
            return D;
        const double slope = (0.5 - 1.0) / 200.0;
        return draws.choose(std::max(1.0 + slope * m.turns, 0.5));
    }
};

// JOSS (12th). Memory-one (0.9, 0, 0.9, 0): cooperates with probability 0.9 after a partner's C, defects after a D.
struct JossRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws& draws) noexcept
    {
        if (m.turns == 0)
            return C;
        return m.partnerMove(0) == D ? D : draws.choose(0.9);
    }
};

// TULLOCK (13th). Cooperates on the first 11 moves, then cooperates with probability (share of Cs in the partner's
// last 10 moves) - 0.1.
struct TullockRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws& draws) noexcept
    {
        if (m.turns < 11)
            return C;
        const int cooperations = 10 - recentPartnerDefections(m, 10);
        return draws.choose(std::max(0.0, static_cast<double>(cooperations) / 10.0 - 0.10));
    }
};

// (NAME WITHHELD) (14th). Axelrod-Python keeps only the published outcome: each move cooperates with a probability
// drawn uniformly from [0.3, 0.7].
struct AnonymousRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory&, const Draws& draws) noexcept
    {
        const double p = (3.0 + 4.0 * draws.uniform(0)) / 10.0;
        return draws.uniform(1) < p ? C : D;
    }
};

} // namespace

void registerAxelrodFirstStrategies(core::Catalogue& catalogue)
{
    catalogue.addStrategy(ruleInfo<TidemanAndChieruzziRule>(
        "FirstByTidemanAndChieruzzi",
        "tit for tat with growing retaliation, fresh starts for a partner far behind; defects on the last two moves"));
    catalogue.addStrategy(ruleInfo<NydeggerRule>(
        "FirstByNydegger", "tit for tat for three moves, then a lookup on the weighted last three outcomes"));
    catalogue.addStrategy(ruleInfo<GrofmanRule>(
        "FirstByGrofman", "cooperates after matching moves, otherwise with probability 2/7", true));
    catalogue.addStrategy(
        ruleInfo<ShubikRule>("FirstByShubik", "retaliates k times for the k-th departure from mutual cooperation"));
    catalogue.addStrategy(ruleInfo<SteinAndRapoportRule>(
        "FirstBySteinAndRapoport",
        "tit for tat after four Cs, defects against a partner that looks random; defects on the last two moves",
        {{"alpha", "significance level of the every-15-moves randomness test, (0,1)", 0.0, 1.0, 0.05}}, false));
    catalogue.addStrategy(ruleInfo<DavisRule>("FirstByDavis", "cooperates on the first 10 moves, then plays Grudger"));
    catalogue.addStrategy(ruleInfo<GraaskampRule>(
        "FirstByGraaskamp",
        "tit for tat with a probe at move 51, then exploits partners that are neither random nor "
        "tit for tat by defecting every 5 to 14 moves",
        {{"alpha", "significance level of the randomness test, (0,1)", 0.0, 1.0, 0.05}}, true));
    catalogue.addStrategy(ruleInfo<DowningRule>(
        "FirstByDowning", "maximises expected payoff against an estimated reactive partner; opens D, D"));
    catalogue.addStrategy(ruleInfo<FeldRule>(
        "FirstByFeld", "defects after a D; after a C cooperates with probability falling from 1 to 0.5 by move 200",
        true));
    catalogue.addStrategy(
        ruleInfo<JossRule>("FirstByJoss", "defects after a D; cooperates with probability 0.9 after a C", true));
    catalogue.addStrategy(ruleInfo<TullockRule>(
        "FirstByTullock", "after 11 Cs, cooperates 10% less often than the partner did in its last 10 moves", true));
    catalogue.addStrategy(ruleInfo<AnonymousRule>(
        "FirstByAnonymous", "cooperates with a probability drawn uniformly from [0.3, 0.7] each move", true));
}

} // namespace cybersim::agents::detail
