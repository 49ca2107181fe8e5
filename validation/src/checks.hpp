// SPDX-License-Identifier: MIT
// Private: the individual canonical checks and small formatting helpers they share.
#pragma once

#include "cybersim/validation/canonical.hpp"

#include <string>

namespace cybersim::validation::detail
{

CheckReport checkAxelrod1980(const ValidationOptions& options);
CheckReport checkAxelrodPeer(const ValidationOptions& options);
CheckReport checkNowakMay(const ValidationOptions& options);
CheckReport checkFixation(const ValidationOptions& options);
CheckReport checkRichardson(const ValidationOptions& options);
CheckReport checkGenerosity(const ValidationOptions& options);
CheckReport checkNorms(const ValidationOptions& options);
CheckReport checkCollectiveRisk(const ValidationOptions& options);
/// The engine's collective-risk group game against the theory layer: rows appended to the collective-risk check.
void appendEngineCollectiveRisk(CheckReport& report, const ValidationOptions& options);

/// `value` with `digits` significant digits (%.*g).
std::string fmt(double value, int digits = 6);
/// Pass when `condition`, else Fail.
inline Status passIf(bool condition)
{
    return condition ? Status::Pass : Status::Fail;
}
/// The folder of reference tables. @throws ConfigError when the options leave it empty
std::filesystem::path referenceDir(const ValidationOptions& options);
/// The scenarios folder. @throws ConfigError when the options leave it empty
std::filesystem::path scenariosDir(const ValidationOptions& options);

/// A horizontal line at `y` from `x0` to `x1` (a published figure, an equilibrium, zero).
CheckChartSeries horizontalLine(std::string name, double y, double x0, double x1,
                                ChartStyle style = ChartStyle::Reference, int colour = -1);
/// A vertical line at `x` from `y0` to `y1` (a threshold, the start of a window).
CheckChartSeries verticalLine(std::string name, double x, double y0, double y1,
                              ChartStyle style = ChartStyle::Reference, int colour = -1);

} // namespace cybersim::validation::detail
