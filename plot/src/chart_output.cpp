// SPDX-License-Identifier: MIT
// What the chart renderers share: the categorical palette, string conversion, PNG and SVG output.
#include "chart_output.hpp"

#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

#include <cmath>
#include <iterator>
#include <stdexcept>

namespace cybersim::plot::detail
{

QColor categoryColour(std::size_t i)
{
    static const QColor kPalette[] = {QColor(0, 114, 178),   QColor(213, 94, 0),  QColor(0, 158, 115),
                                      QColor(204, 121, 167), QColor(230, 159, 0), QColor(86, 180, 233),
                                      QColor(0, 0, 0),       QColor(240, 228, 66)};
    return kPalette[i % std::size(kPalette)];
}

double niceStep(double span, int count)
{
    if (!(span > 0.0))
        return 1.0;
    const double raw = span / count;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * power)
            return m * power;
    return 10.0 * power;
}

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

void savePng(const QImage& image, const std::filesystem::path& path, std::vector<std::filesystem::path>& written)
{
    if (!image.save(qs(path.string()), "PNG"))
        throw std::runtime_error("cannot write " + path.string());
    written.push_back(path);
}

void savePngAndSvg(const std::filesystem::path& base, const std::string& title, QSize size,
                   const std::function<void(QPainter&)>& paint, std::vector<std::filesystem::path>& written)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        paint(painter);
    }
    savePng(image, base.string() + ".png", written);
    const auto svg = base.string() + ".svg";
    QSvgGenerator generator;
    generator.setFileName(qs(svg));
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(qs(title));
    {
        QPainter painter(&generator);
        paint(painter);
    }
    if (!std::filesystem::exists(svg))
        throw std::runtime_error("cannot write " + svg);
    written.push_back(svg);
}

} // namespace cybersim::plot::detail
