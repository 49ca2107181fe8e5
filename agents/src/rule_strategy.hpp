// SPDX-License-Identifier: MIT
// RuleStrategy<Rule>: wraps a per-dyad rule into a batched sim::Strategy, one loop and no virtual call per dyad.
#pragma once

#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/strategy.hpp"

#include <bit>
#include <concepts>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace cybersim::agents::detail
{

using core::Action;
using core::DyadMemory;
inline constexpr Action C = Action::Cooperate;
inline constexpr Action D = Action::Defect;

/// Lazy access to the uniform draws of one dyad in one turn; rules that never draw cost nothing.
class Draws
{
public:
    Draws(const core::DecisionContext& context, std::uint64_t partner) noexcept : m_context(context), m_partner(partner)
    {
    }

    /// The k-th uniform number in [0, 1) of this turn; k = 0 keys by `stream`, later k by stream*4+k.
    [[nodiscard]] double uniform(unsigned k = 0) const noexcept
    {
        const std::uint64_t extra = k == 0 ? m_context.stream : m_context.stream * 4 + k;
        return m_context.rng.uniform(m_context.round, m_context.self, m_partner, core::Purpose::Decide, extra);
    }

    /// Cooperates with probability p, as Axelrod-Python's random_choice (p <= 0 always D, p >= 1 always C).
    [[nodiscard]] Action choose(double p, unsigned k = 0) const noexcept
    {
        if (p <= 0.0)
            return D;
        if (p >= 1.0)
            return C;
        return uniform(k) < p ? C : D;
    }

    /// Uniform integer in [0, n).
    [[nodiscard]] std::uint64_t below(std::uint64_t n, unsigned k = 0) const noexcept
    {
        const std::uint64_t extra = k == 0 ? m_context.stream : m_context.stream * 4 + k;
        return m_context.rng.below(n, m_context.round, m_context.self, m_partner, core::Purpose::Decide, extra);
    }

    /// The stage game and known match length of this call.
    [[nodiscard]] const core::DecisionContext& context() const noexcept { return m_context; }

private:
    const core::DecisionContext& m_context;
    std::uint64_t m_partner;
};

/// A rule may resolve its parameters against the stage game once per decide() call (e.g. GTFT, ZD strategies).
template <class Rule>
concept ResolvesParams = requires(const typename Rule::Params& p, const core::PayoffMatrix& g)
{
    {
        Rule::resolve(p, g)
        } -> std::same_as<typename Rule::Params>;
};

/// The batched strategy for one rule: `Rule::next(params, memory, draws)` gives the act toward one partner.
template <class Rule> class RuleStrategy final : public core::Strategy
{
public:
    using Params = typename Rule::Params;

    explicit RuleStrategy(Params params) : m_params(std::move(params)) {}

    void decide(std::span<DyadMemory> memories, std::span<Action> out,
                const core::DecisionContext& context) const override
    {
        Params params = m_params;
        if constexpr (ResolvesParams<Rule>)
            params = Rule::resolve(m_params, context.game);
        const bool keyed = context.partners.size() == memories.size();
        for (std::size_t i = 0; i < memories.size(); ++i)
        {
            const Draws draws(context, keyed ? context.partners[i] : i);
            out[i] = Rule::next(params, memories[i], draws);
        }
    }

private:
    Params m_params;
};

/// Parameters of rules that take none.
struct NoParams
{
};

/// Catalogue entry for a parameterless rule.
template <class Rule> core::StrategyInfo ruleInfo(std::string name, std::string description, bool stochastic = false)
{
    return {std::move(name), std::move(description), {}, stochastic, [](const std::vector<double>&) {
                return std::make_unique<RuleStrategy<Rule>>(typename Rule::Params{});
            }};
}

/// Catalogue entry for a rule whose Params are built from the full parameter vector by `Rule::fromVector`.
template <class Rule>
core::StrategyInfo ruleInfo(std::string name, std::string description, std::vector<core::ParamInfo> params,
                            bool stochastic)
{
    return {std::move(name), std::move(description), std::move(params), stochastic,
            [](const std::vector<double>& v) { return std::make_unique<RuleStrategy<Rule>>(Rule::fromVector(v)); }};
}

/// Number of perceived partner defections among the last k moves (k <= 64).
[[nodiscard]] inline int recentPartnerDefections(const DyadMemory& m, unsigned k) noexcept
{
    const std::uint64_t mask = k >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << k) - 1;
    return std::popcount(m.partnerMoves & mask);
}

/// Flips an act.
[[nodiscard]] constexpr Action flip(Action a) noexcept
{
    return a == C ? D : C;
}

// Family registration functions, called by registerBuiltins.
void registerClassicStrategies(core::Catalogue& catalogue);
void registerMemoryOneStrategies(core::Catalogue& catalogue);
void registerAxelrodFirstStrategies(core::Catalogue& catalogue);
void registerMatrixStrategies(core::Catalogue& catalogue);

} // namespace cybersim::agents::detail
