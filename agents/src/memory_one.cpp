// SPDX-License-Identifier: MIT
// Memory-one strategies: a cooperation probability for each outcome (CC, CD, DC, DD) of the last round.
//
// As Axelrod-Python's MemoryOnePlayer (axelrod/strategies/memoryone.py): the vector is (P(C|CC), P(C|CD), P(C|DC),
// P(C|DD)) with the own move first; a probability of 0 or 1 decides without a draw.
#include "rule_strategy.hpp"

#include <algorithm>
#include <array>

namespace cybersim::agents::detail
{
namespace
{

struct MemoryOneRule
{
    struct Params
    {
        std::array<double, 4> cooperate{1.0, 0.0, 0.0, 1.0}; // P(C | own, partner last) for CC, CD, DC, DD
        double initial = 1.0;                                // probability of cooperating on the first move
    };
    static Params fromVector(const std::vector<double>& v) { return {{v.at(0), v.at(1), v.at(2), v.at(3)}, v.at(4)}; }
    static Action next(const Params& params, DyadMemory& m, const Draws& draws) noexcept
    {
        if (m.turns == 0)
            return draws.choose(params.initial);
        const auto outcome = 2U * static_cast<unsigned>(m.ownMove(0)) + static_cast<unsigned>(m.partnerMove(0));
        return draws.choose(params.cooperate[outcome]);
    }
};

// Generous tit for tat (Nowak and Sigmund 1992): (1, p, 1, p), opening with C. A negative p means "from the game":
// p = min(1 - (T-R)/(R-S), (R-P)/(T-P)), which is 1/3 for Axelrod's payoffs (as Axelrod-Python's GTFT with p=None).
struct GenerousTitForTatRule
{
    struct Params
    {
        double p = -1.0;
    };
    static Params fromVector(const std::vector<double>& v) { return {v.at(0)}; }
    static Params resolve(const Params& params, const core::PayoffMatrix& g) noexcept
    {
        if (params.p >= 0.0)
            return params;
        const double r = g.reward, s = g.sucker, t = g.temptation, p = g.punishment;
        return {std::clamp(std::min(1.0 - (t - r) / (r - s), (r - p) / (t - p)), 0.0, 1.0)};
    }
    static Action next(const Params& params, DyadMemory& m, const Draws& draws) noexcept
    {
        if (m.turns == 0 || m.partnerMove(0) == C)
            return C;
        return draws.choose(params.p);
    }
};

// An extortionate zero-determinant strategy (Press and Dyson 2012, PNAS 109:10409), in the linear-relation form of
// Hilbe et al. 2013 (eq. 14) that Axelrod-Python's LRPlayer uses, with slope s = 1/chi and baseline l = P:
//   p1 = 1 - phi (1-s)(R-l), p2 = 1 - phi (s (l-S) + (T-l)), p3 = phi ((l-S) + s (T-l)), p4 = phi (1-s)(l-P).
// Axelrod-Python's ZDExtortion fixes l = 1, which is P for the standard game; its defaults s = 0.1, phi = 0.2 are
// chi = 10, phi = 0.2 here. Axelrod-Python rejects a phi that puts a probability outside [0,1]; the game is only known
// at decide() time here, so the probabilities are clamped instead.
struct ZDExtortionRule
{
    struct Params
    {
        double chi = 10.0;
        double phi = 0.2;
        std::array<double, 4> cooperate{};
    };
    static Params fromVector(const std::vector<double>& v) { return {v.at(0), v.at(1), {}}; }
    static Params resolve(const Params& params, const core::PayoffMatrix& g) noexcept
    {
        const double r = g.reward, s0 = g.sucker, t = g.temptation, p = g.punishment;
        const double s = 1.0 / params.chi, l = p, phi = params.phi;
        Params out = params;
        out.cooperate = {1.0 - phi * (1.0 - s) * (r - l), 1.0 - phi * (s * (l - s0) + (t - l)),
                         phi * ((l - s0) + s * (t - l)), phi * (1.0 - s) * (l - p)};
        for (auto& q : out.cooperate)
            q = std::clamp(q, 0.0, 1.0);
        return out;
    }
    static Action next(const Params& params, DyadMemory& m, const Draws& draws) noexcept
    {
        if (m.turns == 0)
            return C;
        const auto outcome = 2U * static_cast<unsigned>(m.ownMove(0)) + static_cast<unsigned>(m.partnerMove(0));
        return draws.choose(params.cooperate[outcome]);
    }
};

template <std::array<double, 4> Vector, bool OpenWithC> struct FixedMemoryOneRule
{
    using Params = NoParams;
    static Action next(const Params&, DyadMemory& m, const Draws&) noexcept
    {
        if (m.turns == 0)
            return OpenWithC ? C : D;
        const auto outcome = 2U * static_cast<unsigned>(m.ownMove(0)) + static_cast<unsigned>(m.partnerMove(0));
        return Vector[outcome] > 0.5 ? C : D;
    }
};

// Pavlov (Nowak and Sigmund 1993): (1, 0, 0, 1), opening with C.
using WinStayLoseShiftRule = FixedMemoryOneRule<std::array<double, 4>{1.0, 0.0, 0.0, 1.0}, true>;
// Its mirror image: (0, 1, 1, 0), opening with D.
using WinShiftLoseStayRule = FixedMemoryOneRule<std::array<double, 4>{0.0, 1.0, 1.0, 0.0}, false>;

} // namespace

void registerMemoryOneStrategies(core::Catalogue& catalogue)
{
    catalogue.addStrategy(ruleInfo<MemoryOneRule>(
        "MemoryOne", "cooperates with a probability set by the last round's outcome",
        {{"p_cc", "probability of cooperating after mutual cooperation, [0,1]", 0.0, 1.0, 1.0},
         {"p_cd", "probability of cooperating after being exploited (own C, partner D), [0,1]", 0.0, 1.0, 0.0},
         {"p_dc", "probability of cooperating after exploiting (own D, partner C), [0,1]", 0.0, 1.0, 0.0},
         {"p_dd", "probability of cooperating after mutual defection, [0,1]", 0.0, 1.0, 1.0},
         {"initial", "probability of cooperating on the first move, [0,1]", 0.0, 1.0, 1.0}},
        true));
    catalogue.addStrategy(ruleInfo<WinStayLoseShiftRule>(
        "WinStayLoseShift", "repeats its move after R or T, switches after S or P (memory-one 1,0,0,1), opens with C"));
    catalogue.addStrategy(ruleInfo<WinShiftLoseStayRule>(
        "WinShiftLoseStay", "switches its move after R or T, repeats after S or P (memory-one 0,1,1,0), opens with D"));
    auto gtft = ruleInfo<GenerousTitForTatRule>(
        "GTFT", "tit for tat that forgives a defection with probability p",
        {{"p", "probability of cooperating after a partner's defection, [0,1]; -1 = min(1-(T-R)/(R-S), (R-P)/(T-P))",
          -1.0, 1.0, -1.0}},
        true);
    catalogue.addStrategy(gtft);
    gtft.name = "GenerousTitForTat";
    catalogue.addStrategy(std::move(gtft));
    catalogue.addStrategy(ruleInfo<ZDExtortionRule>(
        "ZDExtortion", "zero-determinant extortioner: enforces (own - P) = chi (partner - P) on stationary payoffs",
        {{"chi", "extortion factor, >= 1 (1/slope of the enforced linear relation)", 1.0, 1.0e6, 10.0},
         {"phi", "scale of the linear relation, (0, 1]; too large a value clamps probabilities to [0,1]", 0.0, 1.0,
          0.2}},
        true));
}

} // namespace cybersim::agents::detail
