// SPDX-License-Identifier: MIT
// Colour-blind-safe colours: the Okabe-Ito categorical palette and a cividis-like sequential scale.
#include "adapters/palette.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace cybersim::gui
{

namespace
{

// Okabe and Ito (2008), "Color Universal Design"; black last so it is used only by the eighth category.
constexpr std::array<QRgb, 8> kOkabeIto{0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442, 0x0072B2, 0xD55E00, 0xCC79A7, 0x000000};

// Stops sampled from cividis (Nuñez, Anderton and Renslow 2018).
constexpr std::array<QRgb, 5> kCividis{0x00224E, 0x434E6C, 0x7D7C78, 0xBCAF6F, 0xFEE838};

QColor mix(QColor a, QColor b, double t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

} // namespace

QColor categoryColour(int index)
{
    if (index < 0)
        return QColor(0x99, 0x99, 0x99);
    const QColor base(kOkabeIto[static_cast<std::size_t>(index) % kOkabeIto.size()]);
    const int cycle = index / static_cast<int>(kOkabeIto.size());
    return cycle == 0 ? base : base.darker(100 + 40 * cycle);
}

QColor trustColour(double trust)
{
    trust = std::clamp(std::isfinite(trust) ? trust : 0.0, 0.0, 1.0);
    const QColor distrust(0xD55E00), neutral(0xB0B0B0), confident(0x0072B2);
    return trust < 0.5 ? mix(distrust, neutral, trust * 2.0) : mix(neutral, confident, (trust - 0.5) * 2.0);
}

QColor sequentialColour(double value)
{
    value = std::clamp(std::isfinite(value) ? value : 0.0, 0.0, 1.0);
    const double position = value * static_cast<double>(kCividis.size() - 1);
    const auto low = static_cast<std::size_t>(std::floor(position));
    const auto high = std::min(low + 1, kCividis.size() - 1);
    return mix(QColor(kCividis[low]), QColor(kCividis[high]), position - static_cast<double>(low));
}

} // namespace cybersim::gui
