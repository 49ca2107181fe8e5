// SPDX-License-Identifier: MIT
// The scenario files shipped with cybersim, found as the command line finds them (scenario::DataLocator).
#pragma once

#include <QString>
#include <QStringList>

namespace cybersim::gui
{

/// The shipped scenarios folder (`<program folder>/../share/cybersim/scenarios`, or under $CYBERSIM_DATA_DIR). When it
/// cannot be found, the folder that was tried: nothing is listed and loads from it fail with "cannot open".
[[nodiscard]] QString scenariosFolder();
/// Why the shipped scenarios cannot be found (the folder tried, how to point at it); empty when they can.
[[nodiscard]] QString scenariosProblem();
/// Relative paths of every scenario file under scenariosFolder(), sorted (e.g. "default.toml", "classic/x.toml");
/// the sweeps/ and lessons/ folders hold other formats and are left out.
[[nodiscard]] QStringList shippedScenarios();

} // namespace cybersim::gui
