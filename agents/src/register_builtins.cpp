// SPDX-License-Identifier: MIT
// Fills a catalogue with the built-in strategies and doctrines.
#include "cybersim/agents/register_builtins.hpp"

#include "cybersim/agents/doctrines.hpp"

#include "rule_strategy.hpp"

namespace cybersim::agents
{

void registerBuiltins(core::Catalogue& catalogue)
{
    // Repeated-game strategies, named as Axelrod-Python names them.
    detail::registerClassicStrategies(catalogue);
    detail::registerMemoryOneStrategies(catalogue);
    detail::registerAxelrodFirstStrategies(catalogue);
    // Strategies for m-act matrix games (Pure, Mixed, Reciprocator, BestReply).
    detail::registerMatrixStrategies(catalogue);

    // Cyber doctrines last: they add one plain doctrine per strategy registered above.
    registerDoctrines(catalogue);
}

const core::Catalogue& builtinCatalogue()
{
    static const core::Catalogue catalogue = []
    {
        core::Catalogue c;
        registerBuiltins(c);
        return c;
    }();
    return catalogue;
}

} // namespace cybersim::agents
