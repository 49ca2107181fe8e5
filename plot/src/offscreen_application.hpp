// SPDX-License-Identifier: MIT
// Private: a Qt application for offscreen rendering, shared by the sweep and lesson charts.
#pragma once

#include <QApplication>

#include <memory>

namespace cybersim::plot::detail
{

/// Starts a QApplication when the caller has none (fonts and charts need one), offscreen when there is no display
/// (Qt aborts without one); returns nullptr when an application already exists.
std::unique_ptr<QApplication> ensureOffscreenApplication();

} // namespace cybersim::plot::detail
