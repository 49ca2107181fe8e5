// SPDX-License-Identifier: MIT
// The pixel size of a rendered chart image.
#pragma once

namespace cybersim::plot
{

/// Size of a chart image. The defaults suit classroom charts, whose fonts and lines scale with the height so that a
/// projected chart reads from the back.
struct ChartImageSize
{
    int width = 1200; // pixels, >= 200
    int height = 700; // pixels, >= 150
};

} // namespace cybersim::plot
