// SPDX-License-Identifier: MIT
// Rendering sweep charts with Qt Charts offscreen: line + 95% band per metric, and heatmaps of two parameters.
#include "cybersim/plot/sweep_charts.hpp"

#include "chart_output.hpp"
#include "offscreen_application.hpp"

#include <QApplication>
#include <QAreaSeries>
#include <QChart>
#include <QGraphicsScene>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <set>

namespace cybersim::plot
{

namespace
{

constexpr int kWidth = 900;
constexpr int kHeight = 600;
constexpr std::size_t kMaxGroups = 8;

using detail::qs;

// Renders `paint` into a PNG and an SVG of the chart size.
void saveBoth(const std::filesystem::path& base, const std::string& title, const std::function<void(QPainter&)>& paint,
              std::vector<std::filesystem::path>& written)
{
    detail::savePngAndSvg(base, title, QSize(kWidth, kHeight), paint, written);
}

struct Row
{
    double x, mean, low, high;
};

QColor colourOf(std::size_t i)
{
    return detail::categoryColour(i);
}

// Viridis-like ramp from dark blue (0) through teal and green to yellow (1).
QColor ramp(double t)
{
    static const double stops[][3] = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
    t = std::clamp(std::isnan(t) ? 0.0 : t, 0.0, 1.0) * 4.0;
    const int i = std::min(3, static_cast<int>(t));
    const double f = t - i;
    const auto mix = [&](int c) { return static_cast<int>(stops[i][c] + f * (stops[i + 1][c] - stops[i][c])); };
    return {mix(0), mix(1), mix(2)};
}

void lineChart(const SweepTable& table, const std::string& metric, const SweepColumn& x, const SweepColumn* group,
               const std::filesystem::path& base, std::vector<std::filesystem::path>& written)
{
    const auto& mean = *table.column(metric + "_mean");
    const auto* low = table.column(metric + "_ci_low");
    const auto* high = table.column(metric + "_ci_high");
    std::map<std::string, std::vector<Row>> groups;
    std::vector<std::string> order;
    for (std::size_t i = 0; i < mean.numbers.size(); ++i)
    {
        const auto key = group != nullptr ? group->text[i] : std::string();
        if (!groups.count(key))
            order.push_back(key);
        groups[key].push_back(
            Row{x.numbers[i], mean.numbers[i], low ? low->numbers[i] : NAN, high ? high->numbers[i] : NAN});
    }
    // Lines only where the mean is a function of x (one swept parameter, or lines grouped by the other one);
    // sampled sweeps over several parameters get a scatter of the point means.
    const bool lines = (table.parameters.size() == 1 || group != nullptr) && groups.begin()->second.size() > 1 &&
                       std::all_of(groups.begin(), groups.end(),
                                   [](const auto& g)
                                   {
                                       std::set<double> xs;
                                       for (const auto& r : g.second)
                                           xs.insert(r.x);
                                       return xs.size() == g.second.size(); // one point per x: a function of x
                                   });

    auto* chart = new QChart();
    chart->setTitle(qs(metric + " vs " + x.name +
                       (table.parameters.size() > 1 && group == nullptr ? " (other parameters vary)" : "")));
    auto* axisX = new QValueAxis();
    auto* axisY = new QValueAxis();
    axisX->setTitleText(qs(x.name));
    axisY->setTitleText(qs(metric + " (mean, 95% CI)"));
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    double minY = INFINITY, maxY = -INFINITY, minX = INFINITY, maxX = -INFINITY;
    for (std::size_t g = 0; g < order.size(); ++g)
    {
        auto rows = groups[order[g]];
        std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.x < b.x; });
        const auto colour = colourOf(g);
        const auto name = group != nullptr ? qs(group->name + " = " + order[g]) : qs(metric);
        QXYSeries* line = lines ? static_cast<QXYSeries*>(new QLineSeries()) : new QScatterSeries();
        auto* upper = new QLineSeries();
        auto* lower = new QLineSeries();
        for (const auto& r : rows)
        {
            if (std::isnan(r.mean) || std::isnan(r.x))
                continue;
            line->append(r.x, r.mean);
            minX = std::min(minX, r.x);
            maxX = std::max(maxX, r.x);
            minY = std::min(minY, r.mean);
            maxY = std::max(maxY, r.mean);
            if (!std::isnan(r.low) && !std::isnan(r.high))
            {
                upper->append(r.x, r.high);
                lower->append(r.x, r.low);
                minY = std::min(minY, r.low);
                maxY = std::max(maxY, r.high);
            }
        }
        if (lines && upper->count() > 1)
        {
            auto* band = new QAreaSeries(upper, lower);
            QColor fill = colour;
            fill.setAlpha(50);
            band->setBrush(fill);
            band->setPen(Qt::NoPen);
            band->setName(name + " 95% CI");
            chart->addSeries(band);
            band->attachAxis(axisX);
            band->attachAxis(axisY);
            for (auto* marker : chart->legend()->markers(band))
                marker->setVisible(false);
        }
        else
        {
            delete upper;
            delete lower;
        }
        line->setName(name);
        line->setColor(colour);
        if (auto* scatter = dynamic_cast<QScatterSeries*>(line))
            scatter->setMarkerSize(6);
        chart->addSeries(line);
        line->attachAxis(axisX);
        line->attachAxis(axisY);
    }
    if (std::isfinite(minX))
    {
        const double padY = maxY > minY ? 0.05 * (maxY - minY) : 0.5;
        axisX->setRange(minX, maxX > minX ? maxX : minX + 1);
        axisY->setRange(minY - padY, maxY + padY);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(group != nullptr || lines);

    // A scene rather than a view: the chart gets its size now, without a shown widget or a resize event.
    QGraphicsScene scene;
    scene.addItem(chart); // the scene owns the chart
    chart->setGeometry(QRectF(0, 0, kWidth, kHeight));
    scene.setSceneRect(0, 0, kWidth, kHeight);
    QCoreApplication::processEvents();
    saveBoth(
        base, metric, [&](QPainter& painter) { scene.render(&painter, QRectF(0, 0, kWidth, kHeight)); }, written);
}

void heatmap(const SweepTable& table, const std::string& metric, const SweepColumn& x, const SweepColumn& y,
             const std::filesystem::path& base, std::vector<std::filesystem::path>& written)
{
    const auto& mean = *table.column(metric + "_mean");
    // Grid sweeps get one cell per value; sampled ones (many distinct values) are binned into kBins equal bins,
    // labelled by their centres.
    constexpr std::size_t kBins = 10;
    struct Axis
    {
        std::vector<double> values; // distinct values, or bin centres
        bool binned = false;
        double lo = 0, hi = 0;
        std::size_t cell(double v) const
        {
            if (!binned)
                return std::size_t(std::lower_bound(values.begin(), values.end(), v) - values.begin());
            const double t = hi > lo ? (v - lo) / (hi - lo) : 0.0;
            return std::min(kBins - 1, static_cast<std::size_t>(std::max(0.0, t) * double(kBins)));
        }
    };
    const auto makeAxis = [](const SweepColumn& c)
    {
        Axis a;
        a.values = c.numbers;
        std::sort(a.values.begin(), a.values.end());
        a.values.erase(std::unique(a.values.begin(), a.values.end()), a.values.end());
        if (a.values.size() > 2 * kBins)
        {
            a.binned = true;
            a.lo = a.values.front();
            a.hi = a.values.back();
            a.values.clear();
            for (std::size_t b = 0; b < kBins; ++b)
                a.values.push_back(a.lo + (a.hi - a.lo) * (double(b) + 0.5) / double(kBins));
        }
        return a;
    };
    const Axis ax = makeAxis(x), ay = makeAxis(y);
    const auto& xs = ax.values;
    const auto& ys = ay.values;
    // Cells average every point with those x and y (other parameters, if any, are averaged over).
    std::vector<double> sum(xs.size() * ys.size(), 0.0), count(xs.size() * ys.size(), 0.0);
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t i = 0; i < mean.numbers.size(); ++i)
    {
        if (std::isnan(mean.numbers[i]))
            continue;
        const auto cx = ax.cell(x.numbers[i]);
        const auto cy = ay.cell(y.numbers[i]);
        sum[cy * xs.size() + cx] += mean.numbers[i];
        count[cy * xs.size() + cx] += 1;
    }
    for (std::size_t c = 0; c < sum.size(); ++c)
        if (count[c] > 0)
        {
            lo = std::min(lo, sum[c] / count[c]);
            hi = std::max(hi, sum[c] / count[c]);
        }
    const QRectF plot(110, 60, kWidth - 250, kHeight - 150);
    const auto paint = [&](QPainter& p)
    {
        p.fillRect(QRect(0, 0, kWidth, kHeight), Qt::white);
        p.setPen(Qt::black);
        QFont font = p.font();
        font.setPointSize(11);
        p.setFont(font);
        p.drawText(QRectF(0, 10, kWidth, 30), Qt::AlignCenter,
                   qs(metric + " (mean) over " + x.name + " and " + y.name));
        const double cw = plot.width() / double(xs.size()), ch = plot.height() / double(ys.size());
        for (std::size_t cy = 0; cy < ys.size(); ++cy)
            for (std::size_t cx = 0; cx < xs.size(); ++cx)
            {
                const auto c = cy * xs.size() + cx;
                const QRectF cell(plot.left() + cw * double(cx), plot.bottom() - ch * double(cy + 1), cw, ch);
                if (count[c] == 0)
                    p.fillRect(cell, QColor(230, 230, 230));
                else
                    p.fillRect(cell, ramp(hi > lo ? (sum[c] / count[c] - lo) / (hi - lo) : 0.5));
            }
        font.setPointSize(8);
        p.setFont(font);
        const auto label = [](double v) { return QString::number(v, 'g', 4); };
        const std::size_t xStep = std::max<std::size_t>(1, xs.size() / 12),
                          yStep = std::max<std::size_t>(1, ys.size() / 12);
        for (std::size_t cx = 0; cx < xs.size(); cx += xStep)
            p.drawText(QRectF(plot.left() + cw * double(cx), plot.bottom() + 4, cw, 16), Qt::AlignCenter,
                       label(xs[cx]));
        for (std::size_t cy = 0; cy < ys.size(); cy += yStep)
            p.drawText(QRectF(plot.left() - 70, plot.bottom() - ch * double(cy + 1), 64, ch),
                       Qt::AlignRight | Qt::AlignVCenter, label(ys[cy]));
        font.setPointSize(10);
        p.setFont(font);
        p.drawText(QRectF(plot.left(), plot.bottom() + 28, plot.width(), 20), Qt::AlignCenter, qs(x.name));
        p.save();
        p.translate(24, plot.center().y());
        p.rotate(-90);
        p.drawText(QRectF(-plot.height() / 2, -10, plot.height(), 20), Qt::AlignCenter, qs(y.name));
        p.restore();
        // Colour bar.
        const QRectF bar(plot.right() + 30, plot.top(), 24, plot.height());
        for (int i = 0; i < 100; ++i)
            p.fillRect(QRectF(bar.left(), bar.bottom() - bar.height() * (i + 1) / 100.0, bar.width(),
                              bar.height() / 100.0 + 0.5),
                       ramp(i / 99.0));
        font.setPointSize(8);
        p.setFont(font);
        p.drawText(QRectF(bar.right() + 4, bar.top() - 8, 80, 16), Qt::AlignLeft | Qt::AlignVCenter, label(hi));
        p.drawText(QRectF(bar.right() + 4, bar.bottom() - 8, 80, 16), Qt::AlignLeft | Qt::AlignVCenter, label(lo));
    };
    saveBoth(base, metric, paint, written);
}

} // namespace

std::vector<std::filesystem::path> renderSweepCharts(const std::filesystem::path& folder,
                                                     const std::filesystem::path& out)
{
    const auto table = readSweepTable(folder);
    std::error_code error;
    std::filesystem::create_directories(out, error);
    if (error)
        throw PlotInputError("cannot create " + out.string() + ": " + error.message());
    const auto app = detail::ensureOffscreenApplication();

    std::vector<const SweepColumn*> numeric, other;
    for (const auto& p : table.parameters)
    {
        const auto* c = table.column(p);
        (c->numeric ? numeric : other).push_back(c);
    }
    if (numeric.empty())
        throw PlotInputError(folder.string() + ": no numeric swept parameter to plot against");
    const auto distinct = [](const SweepColumn& c)
    { return std::set<std::string>(c.text.begin(), c.text.end()).size(); };
    // Group the lines by a second parameter when it has few values (a category or a short list of numbers).
    const SweepColumn* group = nullptr;
    if (table.parameters.size() == 2)
    {
        const auto* second = !other.empty() ? other[0] : numeric[1];
        if (distinct(*second) <= kMaxGroups)
            group = second;
    }
    const SweepColumn& x = (group == numeric[0] && numeric.size() > 1) ? *numeric[1] : *numeric[0];
    std::vector<std::filesystem::path> written;
    for (const auto& metric : table.metrics)
    {
        lineChart(table, metric, x, group, out / metric, written);
        if (numeric.size() >= 2)
            heatmap(table, metric, *numeric[0], *numeric[1], out / ("heatmap-" + metric), written);
    }
    return written;
}

} // namespace cybersim::plot
