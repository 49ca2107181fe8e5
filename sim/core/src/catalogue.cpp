// SPDX-License-Identifier: MIT
// Name lookups for strategies and doctrines, and typo suggestions for every name a user can mistype.
#include "cybersim/core/catalogue.hpp"

#include "cybersim/core/error.hpp"

#include <algorithm>
#include <cctype>

namespace cybersim::core
{

void Catalogue::addStrategy(StrategyInfo info)
{
    auto name = info.name;
    m_strategies.insert_or_assign(std::move(name), std::move(info));
}

void Catalogue::addDoctrine(DoctrineDef doctrine)
{
    auto name = doctrine.name;
    m_doctrines.insert_or_assign(std::move(name), std::move(doctrine));
}

const StrategyInfo* Catalogue::strategy(std::string_view name) const
{
    const auto it = m_strategies.find(name);
    return it == m_strategies.end() ? nullptr : &it->second;
}

const DoctrineDef* Catalogue::doctrine(std::string_view name) const
{
    const auto it = m_doctrines.find(name);
    return it == m_doctrines.end() ? nullptr : &it->second;
}

std::optional<DoctrineDef> Catalogue::resolveDoctrine(std::string_view name,
                                                      std::span<const std::string> actNames) const
{
    if (const auto* d = doctrine(name))
        return *d;
    constexpr std::string_view prefix = "pure:";
    if (!name.starts_with(prefix) || strategy("Pure") == nullptr)
        return std::nullopt;
    const auto act = name.substr(prefix.size());
    for (std::size_t k = 0; k < actNames.size(); ++k)
        if (actNames[k] == act)
        {
            DoctrineDef d;
            d.name = std::string(name);
            d.description = "plays " + std::string(act) + " in every dyad; neutral budget; no surveillance";
            d.strategy = "Pure";
            d.strategyParams = {static_cast<double>(k)};
            return d;
        }
    return std::nullopt;
}

std::vector<const StrategyInfo*> Catalogue::strategies() const
{
    std::vector<const StrategyInfo*> out;
    for (const auto& [name, info] : m_strategies)
        out.push_back(&info);
    return out;
}

std::vector<const DoctrineDef*> Catalogue::doctrines() const
{
    std::vector<const DoctrineDef*> out;
    for (const auto& [name, def] : m_doctrines)
        out.push_back(&def);
    return out;
}

std::unique_ptr<Strategy> Catalogue::makeStrategy(std::string_view name, const std::vector<double>& params) const
{
    const auto* info = strategy(name);
    if (info == nullptr)
        throw ConfigError("unknown strategy '" + std::string(name) + "'");
    if (params.size() > info->params.size())
        throw ConfigError("strategy '" + info->name + "' takes " + std::to_string(info->params.size()) +
                          " parameters, got " + std::to_string(params.size()));
    std::vector<double> full;
    for (std::size_t i = 0; i < info->params.size(); ++i)
    {
        const auto& p = info->params[i];
        const double v = i < params.size() ? params[i] : p.defaultValue;
        if (!(v >= p.min && v <= p.max))
            throw ConfigError("strategy '" + info->name + "' parameter " + p.name + " is " + std::to_string(v) +
                              ", expected in [" + std::to_string(p.min) + ", " + std::to_string(p.max) + "]");
        full.push_back(v);
    }
    return info->make(full);
}

namespace
{
std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
    {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
        {
            const std::size_t up = row[j];
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                              std::tolower(static_cast<unsigned char>(b[j - 1]));
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}
} // namespace

std::optional<std::string> suggestNearest(std::string_view word, const std::vector<std::string>& candidates)
{
    std::optional<std::string> best;
    std::size_t bestDistance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& c : candidates)
    {
        const auto d = editDistance(word, c);
        if (d < bestDistance)
        {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

} // namespace cybersim::core
