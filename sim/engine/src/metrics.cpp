// SPDX-License-Identifier: MIT
// Names of event types as written to files.
#include "cybersim/engine/metrics.hpp"

namespace cybersim::engine
{

std::string_view eventTypeName(EventType type) noexcept
{
    switch (type)
    {
    case EventType::Disclosure:
        return "disclosure";
    case EventType::Incident:
        return "incident";
    case EventType::NormAdopted:
        return "norm-adopted";
    case EventType::Join:
        return "join";
    case EventType::Alliance:
        return "alliance";
    case EventType::Summit:
        return "summit";
    case EventType::ParameterSet:
        return "parameter-set";
    case EventType::Runaway:
        return "runaway";
    case EventType::Shortfall:
        return "shortfall";
    case EventType::DoctrineChange:
        return "doctrine-change";
    }
    return "unknown";
}

} // namespace cybersim::engine
