// SPDX-License-Identifier: MIT
// Private: what the chart renderers share: the categorical palette, string conversion, PNG and SVG output.
#pragma once

#include <QColor>
#include <QSize>
#include <QString>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

class QImage;
class QPainter;

namespace cybersim::plot::detail
{

/// The i-th categorical colour, cycling after eight: the Okabe-Ito palette (Okabe and Ito 2008, "Color Universal
/// Design"), ordered so that the first colours stay apart in print and for the common colour-vision deficiencies.
QColor categoryColour(std::size_t i);

/// A "nice" tick step (1, 2 or 5 times a power of ten) giving about `count` ticks over `span`; 1 for an empty span.
double niceStep(double span, int count);

/// `text` as a QString (UTF-8).
QString qs(const std::string& text);

/// Saves `image` as the PNG `path` and appends it to `written`. @throws std::runtime_error when it cannot be written.
void savePng(const QImage& image, const std::filesystem::path& path, std::vector<std::filesystem::path>& written);

/// Paints with `paint` into BASE.png (on white, antialiased) and BASE.svg, both of `size` pixels, and appends both to
/// `written`. @throws std::runtime_error when a file cannot be written.
void savePngAndSvg(const std::filesystem::path& base, const std::string& title, QSize size,
                   const std::function<void(QPainter&)>& paint, std::vector<std::filesystem::path>& written);

} // namespace cybersim::plot::detail
