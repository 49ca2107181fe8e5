// SPDX-License-Identifier: MIT
// Fills a catalogue with the built-in strategies and doctrines.
#include "cybersim/agents/register_builtins.hpp"

namespace cybersim::agents
{

void registerBuiltins(sim::Catalogue& catalogue)
{
    (void)catalogue;
}

const sim::Catalogue& builtinCatalogue()
{
    static const sim::Catalogue catalogue = [] {
        sim::Catalogue c;
        registerBuiltins(c);
        return c;
    }();
    return catalogue;
}

} // namespace cybersim::agents
