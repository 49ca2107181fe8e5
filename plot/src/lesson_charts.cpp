// SPDX-License-Identifier: MIT
// Classroom charts drawn with QPainter onto a QImage: no widgets, so they render the same offscreen and on screen.
#include "cybersim/plot/lesson_charts.hpp"

#include "chart_output.hpp"
#include "offscreen_application.hpp"

#include <QFont>
#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>
#include <stdexcept>

namespace cybersim::plot
{

namespace
{

using detail::niceStep;
using detail::qs;

// High-contrast colours that stay apart in print and for the common colour-vision deficiencies (Okabe-Ito).
QColor colourOf(std::size_t i)
{
    return detail::categoryColour(i);
}

void save(const QImage& image, const std::filesystem::path& path)
{
    std::vector<std::filesystem::path> written;
    detail::savePng(image, path, written);
}

QString tickText(double v, double step)
{
    if (std::abs(v) < step * 1e-9)
        v = 0.0;
    const int decimals = step >= 1.0 ? 0 : std::min(6, static_cast<int>(std::ceil(-std::log10(step))));
    return QString::number(v, 'f', decimals);
}

// Red (no trust) through yellow to green (full trust).
QColor trustColour(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    if (t < 0.5)
        return QColor(213, static_cast<int>(40 + 2 * t * 160), 40);
    return QColor(static_cast<int>(213 - (t - 0.5) * 2 * 180), 170, static_cast<int>(40 + (t - 0.5) * 2 * 60));
}

QFont font(int pixels, bool bold = false)
{
    QFont f("DejaVu Sans");
    f.setPixelSize(std::max(8, pixels));
    f.setBold(bold);
    return f;
}

} // namespace

void renderTimeSeriesPng(const lesson::ChartData& data, const std::filesystem::path& path, int stepStartRound,
                         ChartImageSize size)
{
    const auto app = detail::ensureOffscreenApplication();
    const int w = std::max(200, size.width);
    const int h = std::max(150, size.height);
    const int unit = h / 35; // base font size: 20 px at 700 px height
    QImage image(w, h, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);

    // Legend rows below the plot: as many as fit three to a row.
    const std::size_t shownInLegend =
        std::count_if(data.series.begin(), data.series.end(), [](const lesson::ChartSeries& s) { return !s.muted; });
    const int legendRows = static_cast<int>((std::min<std::size_t>(shownInLegend, 12) + 2) / 3);
    const QRect plot(unit * 5, unit * 3, w - unit * 6, h - unit * 8 - legendRows * unit * 18 / 10);

    p.setFont(font(unit * 13 / 10, true));
    p.setPen(Qt::black);
    p.drawText(QRect(0, 0, w, unit * 3), Qt::AlignCenter, qs(data.title));

    double minX = data.rounds.empty() ? 0.0 : data.rounds.front();
    double maxX = data.rounds.empty() ? 1.0 : data.rounds.back();
    if (maxX <= minX)
        maxX = minX + 1.0;
    double minY = INFINITY, maxY = -INFINITY;
    for (const auto& s : data.series)
        for (const double v : s.values)
            if (std::isfinite(v))
            {
                minY = std::min(minY, v);
                maxY = std::max(maxY, v);
            }
    if (!std::isfinite(minY))
    {
        minY = 0.0;
        maxY = 1.0;
    }
    if (data.zeroLine)
    {
        minY = std::min(minY, 0.0);
        maxY = std::max(maxY, 0.0);
    }
    if (data.yMin)
        minY = std::min(minY, *data.yMin);
    if (data.yMax)
        maxY = std::max(maxY, *data.yMax);
    if (maxY <= minY)
        maxY = minY + 1.0;
    if (!data.yMax)
        maxY += 0.05 * (maxY - minY);
    if (!data.yMin && !data.zeroLine)
        minY -= 0.05 * (maxY - minY);
    const auto px = [&](double x) { return plot.left() + (x - minX) / (maxX - minX) * plot.width(); };
    const auto py = [&](double y) { return plot.bottom() - (y - minY) / (maxY - minY) * plot.height(); };

    if (stepStartRound > minX)
        p.fillRect(QRectF(QPointF(plot.left(), plot.top()),
                          QPointF(px(std::min<double>(stepStartRound, maxX)), plot.bottom())),
                   QColor(235, 235, 235));

    // Grid and ticks.
    p.setFont(font(unit));
    const double yStep = niceStep(maxY - minY, 5);
    for (double y = std::ceil(minY / yStep) * yStep; y <= maxY + 1e-12; y += yStep)
    {
        p.setPen(QPen(QColor(210, 210, 210), 1));
        p.drawLine(QPointF(plot.left(), py(y)), QPointF(plot.right(), py(y)));
        p.setPen(Qt::black);
        p.drawText(QRectF(0, py(y) - unit, plot.left() - unit / 2, 2 * unit), Qt::AlignRight | Qt::AlignVCenter,
                   tickText(y, yStep));
    }
    const double xStep = std::max(1.0, niceStep(maxX - minX, 8));
    for (double x = std::ceil(minX / xStep) * xStep; x <= maxX + 1e-12; x += xStep)
    {
        p.setPen(QPen(QColor(210, 210, 210), 1));
        p.drawLine(QPointF(px(x), plot.top()), QPointF(px(x), plot.bottom()));
        p.setPen(Qt::black);
        p.drawText(QRectF(px(x) - 3 * unit, plot.bottom() + unit / 4, 6 * unit, 1.5 * unit), Qt::AlignCenter,
                   tickText(x, xStep));
    }
    p.setPen(QPen(Qt::black, 2));
    p.drawRect(plot);
    if (data.zeroLine && minY < 0.0 && maxY > 0.0)
    {
        p.setPen(QPen(Qt::black, 2, Qt::DashLine));
        p.drawLine(QPointF(plot.left(), py(0.0)), QPointF(plot.right(), py(0.0)));
    }
    p.setPen(Qt::black);
    p.drawText(QRectF(plot.left(), plot.bottom() + 1.6 * unit, plot.width(), 1.5 * unit), Qt::AlignCenter,
               qs(data.xLabel));
    p.save();
    p.translate(unit * 0.9, plot.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-plot.height() / 2.0, -unit, plot.height(), 2 * unit), Qt::AlignCenter, qs(data.yLabel));
    p.restore();

    // Event markers: thin vertical lines, each label in the first of four rows where it does not overlap the last
    // label of that row; a marker with no free row keeps its line but loses its label.
    p.setFont(font(unit * 8 / 10));
    const double labelWidth = 14.0 * unit;
    double rowEnd[4] = {-1e9, -1e9, -1e9, -1e9};
    for (const auto& m : data.markers)
    {
        if (m.round < minX || m.round > maxX)
            continue;
        const double x = px(m.round);
        p.setPen(QPen(QColor(120, 120, 120), 2, Qt::DotLine));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        const bool flip = x + labelWidth > plot.right();
        const double left = flip ? x - labelWidth - unit / 4.0 : x + unit / 4.0;
        int row = -1;
        for (int k = 0; k < 4 && row < 0; ++k)
            if (left > rowEnd[k])
                row = k;
        if (row < 0)
            continue;
        rowEnd[row] = left + labelWidth;
        auto label = qs(m.label);
        if (label.size() > 28)
            label = label.left(27) + QChar(0x2026);
        p.setPen(QColor(70, 70, 70));
        p.drawText(QRectF(left, plot.top() + unit / 4.0 + row * unit * 1.2, labelWidth, unit * 1.2),
                   (flip ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, label);
    }

    // Lines: muted ones first, the emphasised one last so it stays on top.
    std::vector<std::size_t> order(data.series.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b)
                     {
                         const auto rank = [&](const lesson::ChartSeries& s)
                         { return s.muted ? 0 : (s.emphasised ? 2 : 1); };
                         return rank(data.series[a]) < rank(data.series[b]);
                     });
    p.setClipRect(plot.adjusted(-2, -2, 2, 2));
    std::size_t colour = 0;
    std::vector<QColor> colours(data.series.size());
    for (std::size_t i = 0; i < data.series.size(); ++i)
        colours[i] = data.series[i].muted ? QColor(170, 170, 170) : colourOf(colour++);
    for (const auto i : order)
    {
        const auto& s = data.series[i];
        QPainterPath line;
        bool pen = false;
        for (std::size_t k = 0; k < s.values.size() && k < data.rounds.size(); ++k)
        {
            if (!std::isfinite(s.values[k]))
            {
                pen = false;
                continue;
            }
            const QPointF point(px(data.rounds[k]), py(s.values[k]));
            if (pen)
                line.lineTo(point);
            else
                line.moveTo(point);
            pen = true;
        }
        const double width = s.muted ? 1.5 : (s.emphasised ? unit * 0.45 : unit * 0.22);
        p.setPen(QPen(colours[i], width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPath(line);
    }
    p.setClipping(false);

    // Legend, three entries to a row.
    p.setFont(font(unit));
    int entry = 0;
    const double cell = (w - unit * 4.0) / 3.0;
    for (std::size_t i = 0; i < data.series.size() && entry < 12; ++i)
    {
        const auto& s = data.series[i];
        if (s.muted)
            continue;
        const double x = unit * 2.0 + (entry % 3) * cell;
        const double y = plot.bottom() + unit * 3.6 + (entry / 3) * unit * 1.8;
        p.setPen(QPen(colours[i], s.emphasised ? unit * 0.45 : unit * 0.25, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(x, y), QPointF(x + 2.0 * unit, y));
        p.setPen(Qt::black);
        p.drawText(QRectF(x + 2.5 * unit, y - unit, cell - 3.0 * unit, 2.0 * unit), Qt::AlignLeft | Qt::AlignVCenter,
                   qs(s.name));
        ++entry;
    }
    p.end();
    save(image, path);
}

void renderTrustMatrixPng(const records::Replay& replay, std::size_t row, const std::filesystem::path& path,
                          std::string_view highlight, ChartImageSize size)
{
    const auto app = detail::ensureOffscreenApplication();
    const auto matrix = lesson::trustMatrixAt(replay, row);
    const auto& names = replay.record.stateNames;
    const auto n = names.size();
    const int w = std::max(200, size.width);
    const int h = std::max(150, size.height);
    const int unit = h / 35;
    QImage image(w, h, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(font(unit * 13 / 10, true));
    p.drawText(QRect(0, 0, w, unit * 3), Qt::AlignCenter,
               qs("Who trusts whom, after round " + std::to_string(replay.record.series[row].round)));
    const bool labels = n <= 30;
    const int labelSpace = labels ? unit * 7 : unit;
    const double side = std::min(w * 0.7 - labelSpace, h - unit * 5.0 - labelSpace);
    const double cell = n > 0 ? side / static_cast<double>(n) : side;
    const QPointF origin(labelSpace + unit, unit * 3.5 + labelSpace);
    std::int64_t highlighted = -1;
    for (std::size_t i = 0; i < n; ++i)
        if (!highlight.empty() && names[i] == highlight)
            highlighted = static_cast<std::int64_t>(i);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
        {
            const double t = matrix[i * n + j];
            const QRectF r(origin.x() + j * cell, origin.y() + i * cell, cell, cell);
            p.fillRect(r, std::isnan(t) ? QColor(250, 250, 250) : trustColour(t));
        }
    p.setPen(QPen(Qt::black, 1));
    p.drawRect(QRectF(origin, QSizeF(side, side)));
    if (highlighted >= 0)
    {
        p.setPen(QPen(Qt::black, std::max(2, unit / 5)));
        p.drawRect(QRectF(origin.x(), origin.y() + highlighted * cell, side, cell));
        p.drawRect(QRectF(origin.x() + highlighted * cell, origin.y(), cell, side));
    }
    if (labels)
    {
        p.setFont(font(std::min<int>(unit * 8 / 10, static_cast<int>(cell * 0.8))));
        p.setPen(Qt::black);
        for (std::size_t i = 0; i < n; ++i)
        {
            p.drawText(QRectF(0, origin.y() + i * cell, labelSpace + unit * 0.6, cell),
                       Qt::AlignRight | Qt::AlignVCenter, qs(names[i]));
            p.save();
            p.translate(origin.x() + (i + 0.5) * cell, origin.y() - unit * 0.3);
            p.rotate(-60);
            p.drawText(QRectF(0, -cell / 2, labelSpace, cell), Qt::AlignLeft | Qt::AlignVCenter, qs(names[i]));
            p.restore();
        }
    }
    // Colour key.
    const double keyX = origin.x() + side + unit * 3.0;
    const double keyH = side * 0.8;
    for (int k = 0; k < 100; ++k)
        p.fillRect(QRectF(keyX, origin.y() + keyH * (1.0 - (k + 1) / 100.0), unit * 1.5, keyH / 100.0 + 1),
                   trustColour(k / 99.0));
    p.setFont(font(unit));
    p.setPen(Qt::black);
    p.drawText(QPointF(keyX + unit * 2.0, origin.y() + unit * 0.8), "full trust");
    p.drawText(QPointF(keyX + unit * 2.0, origin.y() + keyH), "no trust");
    p.drawText(QPointF(keyX, origin.y() + keyH + unit * 2.5), "row trusts column");
    p.drawText(QPointF(keyX, origin.y() + keyH + unit * 4.0), "white: no relation");
    p.end();
    save(image, path);
}

void renderNetworkPng(const records::Replay& replay, std::size_t row, const std::filesystem::path& path,
                      std::string_view highlight, ChartImageSize size)
{
    const auto app = detail::ensureOffscreenApplication();
    const auto edges = replay.edgesAt(row);
    const auto& names = replay.record.stateNames;
    const auto n = names.size();
    const int w = std::max(200, size.width);
    const int h = std::max(150, size.height);
    const int unit = h / 35;
    QImage image(w, h, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(font(unit * 13 / 10, true));
    p.drawText(QRect(0, 0, w, unit * 3), Qt::AlignCenter,
               qs("Relations after round " + std::to_string(replay.record.series[row].round) +
                  " (green = trust, red = distrust)"));
    const QPointF centre(w / 2.0, unit * 3.0 + (h - unit * 3.0) / 2.0);
    const double radius = (h - unit * 3.0) / 2.0 - unit * 3.0;
    std::vector<QPointF> at(n);
    for (std::size_t i = 0; i < n; ++i)
    {
        const double angle =
            2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(std::max<std::size_t>(n, 1)) -
            std::numbers::pi / 2.0;
        at[i] = centre + QPointF(radius * std::cos(angle), radius * std::sin(angle));
    }
    const double lineWidth =
        std::clamp(unit * 8.0 / std::sqrt(static_cast<double>(edges.size()) + 1.0), 0.5, unit * 0.3);
    for (const auto& e : edges)
    {
        QColor colour = trustColour(0.5 * (e.trustAB + e.trustBA));
        colour.setAlpha(edges.size() > 400 ? 90 : 220);
        p.setPen(QPen(colour, lineWidth * (0.5 + e.weight)));
        p.drawLine(at[e.a], at[e.b]);
    }
    const bool labels = n <= 40;
    const double node = std::clamp(radius * 2.5 / std::max<double>(n, 1), 2.0, unit * 0.8);
    const auto states = replay.statesAt(row);
    for (std::size_t i = 0; i < n; ++i)
    {
        const bool isHighlight = !highlight.empty() && names[i] == highlight;
        const double r = isHighlight ? node * 1.8 : node;
        const QColor fill = states.empty() ? QColor(0, 114, 178) : trustColour(states[i].trustReceived);
        p.setPen(QPen(Qt::black, isHighlight ? unit * 0.25 : 1.0));
        p.setBrush(fill);
        p.drawEllipse(at[i], r, r);
        if (labels || isHighlight)
        {
            p.setFont(font(unit * 9 / 10, isHighlight));
            const QPointF out = at[i] - centre;
            const double len = std::hypot(out.x(), out.y());
            const QPointF labelAt = at[i] + (len > 0 ? out / len : QPointF()) * (r + unit * 1.6);
            p.setPen(Qt::black);
            p.drawText(QRectF(labelAt.x() - unit * 5, labelAt.y() - unit, unit * 10, unit * 2), Qt::AlignCenter,
                       qs(names[i]));
        }
    }
    p.end();
    save(image, path);
}

} // namespace cybersim::plot
