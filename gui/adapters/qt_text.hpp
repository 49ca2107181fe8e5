// SPDX-License-Identifier: MIT
// Text conversions between std::string (engine) and QString (widgets).
#pragma once

#include <QString>

#include <string>
#include <string_view>

namespace cybersim::gui
{

/// UTF-8 engine text as a QString.
[[nodiscard]] inline QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

/// A QString as UTF-8 engine text.
[[nodiscard]] inline std::string toStdString(const QString& text)
{
    return text.toUtf8().toStdString();
}

} // namespace cybersim::gui
