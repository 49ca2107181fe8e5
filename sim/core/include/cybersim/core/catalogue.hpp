// SPDX-License-Identifier: MIT
// The catalogue of named strategies and doctrines that scenarios refer to; filled by agents::registerBuiltins.
#pragma once

#include "cybersim/core/strategy.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cybersim::core
{

/// What a strategy parameter means to the stage game, beyond its range.
enum class ParamKind : std::uint8_t
{
    Number,    // a plain number
    ActIndex,  // an act index: an integer below the stage game's act count (2 in two-act games)
    ActWeight, // the weight of one act, the k-th such parameter weighting act k; acts beyond the game's are unused
};

/// A numeric parameter of a strategy, with its documentation and valid range.
struct ParamInfo
{
    std::string name;                   // key in a scenario's strategy_params table, snake_case
    std::string meaning;                // one line, shown by `cybersim list` and as a GUI tooltip
    double min = 0.0;                   // inclusive lower bound
    double max = 1.0;                   // inclusive upper bound
    double defaultValue = 0.0;          // used when the scenario does not set it
    ParamKind kind = ParamKind::Number; // what the value refers to; the loader checks act indices against the game
};

/// A named strategy: documentation plus a factory taking the parameter values in `params` order.
struct StrategyInfo
{
    std::string name;              // CamelCase, as the literature (and Axelrod-Python) names it
    std::string description;       // the rule in one line
    std::vector<ParamInfo> params; // may be empty
    bool stochastic = false;       // true when the rule draws random numbers
    std::function<std::unique_ptr<Strategy>(const std::vector<double>& params)> make;
};

/// A cyber doctrine: a composite policy over dyadic acts, budget and surveillance (docs/model.md, "Strategies and
/// doctrines"). Plain data that the engine interprets, so adding a doctrine needs no engine code.
struct DoctrineDef
{
    std::string name;                   // kebab-case, e.g. "common-security-builder"
    std::string description;            // one line
    std::string strategy = "TitForTat"; // dyadic strategy, a catalogue name
    std::vector<double> strategyParams; // empty = the strategy's defaults
    double defenceShare = 0.4;          // share of the budget put into defence, [0,1]
    double offenceShare = 0.3;          // share put into offensive build-up, [0,1]
    double contributionShare = 0.3;     // share given to the common-security pool, [0,1]; the three shares sum to 1
    double threatResponse = 0.5;        // how far perceived threat shifts budget from contribution to offence, [0,1]
    double surveillance = 0.0;          // probability per round of running mass surveillance, [0,1]
    double normSupport = 0.5;           // added to trust when deciding to support a norm issue, [-1,1]
    double boldness = 0.2;              // propensity to violate adopted norms (Axelrod 1986), [0,1]
    double vengefulness = 0.5;          // probability of punishing a seen violation (Axelrod 1986), [0,1]
    bool hypocrite = false;             // accuses others of what it does itself (seeds/000 §2, double standards)
};

/// Name-indexed strategies and doctrines. Lookups are by exact name; suggest() offers the nearest for typos.
class Catalogue
{
public:
    /// Adds a strategy; a later add with the same name replaces the earlier one.
    void addStrategy(StrategyInfo info);
    /// Adds a doctrine; a later add with the same name replaces the earlier one.
    void addDoctrine(DoctrineDef doctrine);

    /// The strategy with this name, or nullptr.
    [[nodiscard]] const StrategyInfo* strategy(std::string_view name) const;
    /// The doctrine with this name, or nullptr.
    [[nodiscard]] const DoctrineDef* doctrine(std::string_view name) const;

    /// The doctrine a scenario's name stands for, given the names of its stage game's acts (game.actions; empty in
    /// two-act games): a catalogue doctrine, or "pure:<act>" for an act of the matrix game, which plays that act in
    /// every dyad (strategy Pure with the act's index; neutral budget, no surveillance). Nothing when neither.
    [[nodiscard]] std::optional<DoctrineDef> resolveDoctrine(std::string_view name,
                                                             std::span<const std::string> actNames) const;

    /// All strategies, sorted by name.
    [[nodiscard]] std::vector<const StrategyInfo*> strategies() const;
    /// All doctrines, sorted by name.
    [[nodiscard]] std::vector<const DoctrineDef*> doctrines() const;

    /// Builds a strategy with the given parameters (missing trailing ones take their defaults).
    /// @throws ConfigError for an unknown name or a parameter out of range.
    [[nodiscard]] std::unique_ptr<Strategy> makeStrategy(std::string_view name,
                                                         const std::vector<double>& params) const;

private:
    std::map<std::string, StrategyInfo, std::less<>> m_strategies;
    std::map<std::string, DoctrineDef, std::less<>> m_doctrines;
};

/// The candidate closest to `word` by edit distance, if it is close enough to be a plausible typo.
[[nodiscard]] std::optional<std::string> suggestNearest(std::string_view word,
                                                        const std::vector<std::string>& candidates);

} // namespace cybersim::core
