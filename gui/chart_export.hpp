// SPDX-License-Identifier: MIT
// Saving any widget (a chart, the network view, the heatmap) as a PNG or SVG file.
#pragma once

#include <QString>

class QWidget;

namespace cybersim::gui
{

/// Renders `widget` at twice its on-screen resolution into a PNG file. @return an error message, empty on success.
[[nodiscard]] QString saveWidgetPng(QWidget& widget, const QString& path);
/// Renders `widget` as vector graphics into an SVG file (QSvgGenerator). @return an error message, empty on success.
[[nodiscard]] QString saveWidgetSvg(QWidget& widget, const QString& path, const QString& title);

} // namespace cybersim::gui
