// SPDX-License-Identifier: MIT
// Strategies for m-act matrix games (game.kind = "matrix"): each writes act indices and states its rule in one line.
// In a two-act game they play acts 0 = C and 1 = D: Pure(0) is Cooperator, Pure(1) Defector, Reciprocator TitForTat.
#include "rule_strategy.hpp"

#include "cybersim/core/matrix_game.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace cybersim::agents::detail
{
namespace
{

using core::actAt;
using core::actIndex;
using core::kMaxActs;
using core::MatrixGame;

// The game a decision is made in: the matrix game, or a two-act game as a 2 x 2 one.
const MatrixGame& gameOf(const core::DecisionContext& context, MatrixGame& local) noexcept
{
    if (context.matrix != nullptr)
        return *context.matrix;
    local = core::matrixGameOf(context.game);
    return local;
}

// The uniform draw of one dyad in one turn: the key (round, self, partner, Decide, stream), as Draws::uniform(0).
double uniformFor(const core::DecisionContext& context, std::size_t i) noexcept
{
    const std::uint64_t partner = context.partners.size() > i ? context.partners[i] : i;
    return context.rng.uniform(context.round, context.self, partner, core::Purpose::Decide, context.stream);
}

// Always plays one act.
class Pure final : public core::Strategy
{
public:
    explicit Pure(std::size_t act) : m_act(act) {}
    void decide(std::span<DyadMemory> memories, std::span<Action> out,
                const core::DecisionContext& context) const override
    {
        MatrixGame local;
        const auto& game = gameOf(context, local);
        // The loader keeps act below the game's act count; a caller that does not gets the last act.
        const Action act = actAt(std::min(m_act, game.actCount - 1));
        for (std::size_t i = 0; i < memories.size(); ++i)
            out[i] = act;
    }
    [[nodiscard]] bool choosesActs() const noexcept override { return true; }

private:
    std::size_t m_act;
};

// Plays act k with probability w_k / (sum of the weights of the game's acts), drawn afresh for every partner and turn.
class Mixed final : public core::Strategy
{
public:
    explicit Mixed(const std::vector<double>& weights)
    {
        std::copy_n(weights.begin(), std::min(weights.size(), kMaxActs), m_weights.begin());
    }
    void decide(std::span<DyadMemory> memories, std::span<Action> out,
                const core::DecisionContext& context) const override
    {
        MatrixGame local;
        const std::size_t m = gameOf(context, local).actCount;
        std::array<double, kMaxActs> cumulative{};
        double total = 0.0;
        for (std::size_t k = 0; k < m; ++k)
            cumulative[k] = total += m_weights[k];
        if (!(total > 0.0)) // the loader refuses this; uniform is the only sensible reading
            for (std::size_t k = 0; k < m; ++k)
                cumulative[k] = total = double(k + 1);
        for (std::size_t i = 0; i < memories.size(); ++i)
        {
            const double u = uniformFor(context, i) * total;
            std::size_t k = 0;
            while (k + 1 < m && !(u < cumulative[k]))
                ++k;
            out[i] = actAt(k);
        }
    }
    [[nodiscard]] bool choosesActs() const noexcept override { return true; }

private:
    std::array<double, kMaxActs> m_weights{};
};

// Tit for tat over m acts: opens with the first cooperative act, then plays the partner's last act as perceived.
class Reciprocator final : public core::Strategy
{
public:
    void decide(std::span<DyadMemory> memories, std::span<Action> out,
                const core::DecisionContext& context) const override
    {
        MatrixGame local;
        const auto& game = gameOf(context, local);
        for (std::size_t i = 0; i < memories.size(); ++i)
            out[i] = memories[i].turns == 0 ? game.cooperateAct : core::lastSeenAct(memories[i], context, i);
    }
    [[nodiscard]] bool choosesActs() const noexcept override { return true; }
};

// Myopic best reply (Cournot adjustment): opens with the first cooperative act, then plays the act that pays most
// against the partner's last act as perceived, the lowest index on a tie.
class BestReply final : public core::Strategy
{
public:
    void decide(std::span<DyadMemory> memories, std::span<Action> out,
                const core::DecisionContext& context) const override
    {
        MatrixGame local;
        const auto& game = gameOf(context, local);
        for (std::size_t i = 0; i < memories.size(); ++i)
        {
            if (memories[i].turns == 0)
            {
                out[i] = game.cooperateAct;
                continue;
            }
            const Action theirs = core::lastSeenAct(memories[i], context, i);
            std::size_t best = 0;
            for (std::size_t a = 1; a < game.actCount; ++a)
                if (game.payoff(actAt(a), theirs) > game.payoff(actAt(best), theirs))
                    best = a;
            out[i] = actAt(best);
        }
    }
    [[nodiscard]] bool choosesActs() const noexcept override { return true; }
};

} // namespace

void registerMatrixStrategies(core::Catalogue& catalogue)
{
    using core::ParamKind;
    catalogue.addStrategy({"Pure",
                           "always plays one act (act: its index in game.actions; 0 = C, 1 = D in a two-act game)",
                           {{"act", "index of the act it plays, 0-based in game.actions order", 0.0,
                             double(kMaxActs - 1), 0.0, ParamKind::ActIndex}},
                           false,
                           [](const std::vector<double>& p)
                           { return std::make_unique<Pure>(static_cast<std::size_t>(p.at(0))); }});
    std::vector<core::ParamInfo> weights;
    for (std::size_t k = 0; k < kMaxActs; ++k)
        weights.push_back({"w" + std::to_string(k),
                           "weight of act " + std::to_string(k) + " (normalised over the game's acts; default 1)", 0.0,
                           1.0, 1.0, ParamKind::ActWeight});
    catalogue.addStrategy({"Mixed",
                           "plays act k with probability w_k / (sum of the weights of the game's acts), drawn afresh "
                           "each turn; default uniform",
                           std::move(weights), true,
                           [](const std::vector<double>& p) { return std::make_unique<Mixed>(p); }});
    catalogue.addStrategy({"Reciprocator",
                           "opens with the first cooperative act, then plays the partner's last act as perceived "
                           "(tit for tat over m acts)",
                           {},
                           false,
                           [](const std::vector<double>&) { return std::make_unique<Reciprocator>(); }});
    catalogue.addStrategy({"BestReply",
                           "opens with the first cooperative act, then plays the best reply to the partner's last act "
                           "as perceived (lowest index on a tie)",
                           {},
                           false,
                           [](const std::vector<double>&) { return std::make_unique<BestReply>(); }});
}

} // namespace cybersim::agents::detail
