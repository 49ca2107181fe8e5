// SPDX-License-Identifier: MIT
// The scenario files shipped in the repository's scenarios/ folder.
#pragma once

#include <QString>
#include <QStringList>

namespace cybersim::gui
{

/// The scenarios folder: $CYBERSIM_SCENARIOS when set, else the source tree's scenarios/ (as the CLI does).
[[nodiscard]] QString scenariosFolder();
/// Relative paths of every scenario file under scenariosFolder(), sorted (e.g. "default.toml", "classic/x.toml");
/// the sweeps/ and lessons/ folders hold other formats and are left out.
[[nodiscard]] QStringList shippedScenarios();

} // namespace cybersim::gui
