// SPDX-License-Identifier: MIT
// The trust matrix of a round as an image: pixel (j, i) is how far state i trusts state j.
#include "adapters/trust_matrix.hpp"

#include "adapters/palette.hpp"

#include <cmath>
#include <limits>

namespace cybersim::gui
{

std::vector<double> trustMatrix(const WorldInfo& world, const RelationsSnapshot& relations)
{
    const auto n = static_cast<std::size_t>(world.stateNames.size());
    std::vector<double> matrix(n * n, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t e = 0; e < static_cast<std::size_t>(world.relations.size()) && e < relations.trustAB.size(); ++e)
    {
        const auto a = static_cast<std::size_t>(world.relations[static_cast<qsizetype>(e)].first);
        const auto b = static_cast<std::size_t>(world.relations[static_cast<qsizetype>(e)].second);
        if (a < n && b < n)
        {
            matrix[a * n + b] = relations.trustAB[e];
            matrix[b * n + a] = relations.trustBA[e];
        }
    }
    return matrix;
}

QImage trustMatrixImage(const std::vector<double>& matrix, int stateCount)
{
    QImage image(std::max(1, stateCount), std::max(1, stateCount), QImage::Format_RGB32);
    image.fill(QColor(0xEE, 0xEE, 0xEE));
    const auto n = static_cast<std::size_t>(stateCount);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            if (const double t = matrix[i * n + j]; std::isfinite(t))
                image.setPixel(static_cast<int>(j), static_cast<int>(i), sequentialColour(t).rgb());
    return image;
}

} // namespace cybersim::gui
