// SPDX-License-Identifier: MIT
// Colour-blind-safe colours: the Okabe-Ito categorical palette and a cividis-like sequential scale.
#pragma once

#include <QColor>

namespace cybersim::gui
{

/// The i-th category colour (Okabe and Ito 2008), cycling with darker variants after eight.
[[nodiscard]] QColor categoryColour(int index);
/// A colour for a trust value in [0,1]: vermillion (distrust) through grey to blue (trust).
[[nodiscard]] QColor trustColour(double trust);
/// A sequential colour for a value in [0,1] (cividis-like: dark blue to yellow), readable with any colour vision.
[[nodiscard]] QColor sequentialColour(double value);

} // namespace cybersim::gui
