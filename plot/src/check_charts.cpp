// SPDX-License-Identifier: MIT
// Rendering a canonical result's chart with Qt Charts offscreen: value, logarithmic or category axes, styled series,
// error bars painted over the rendered scene.
#include "cybersim/plot/check_charts.hpp"

#include "chart_output.hpp"
#include "offscreen_application.hpp"

#include <QCategoryAxis>
#include <QChart>
#include <QFont>
#include <QFontMetrics>
#include <QGraphicsScene>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <stdexcept>

namespace cybersim::plot
{

namespace
{

using detail::qs;
using validation::ChartStyle;

const QColor kReferenceColour(85, 85, 85);

struct Range
{
    double low = INFINITY;
    double high = -INFINITY;
    void add(double v)
    {
        if (std::isfinite(v))
        {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    }
    [[nodiscard]] bool isValid() const { return low <= high; }
};

bool isPoints(ChartStyle style)
{
    return style == ChartStyle::Points || style == ChartStyle::OpenPoints;
}

// The colour of each series: its own palette index, black, or the next index no series asked for.
std::vector<QColor> seriesColours(const validation::CheckChart& chart)
{
    std::set<int> taken;
    for (const auto& s : chart.series)
        if (s.colour >= 0)
            taken.insert(s.colour);
    std::vector<QColor> colours;
    int next = 0;
    for (const auto& s : chart.series)
    {
        if (s.style == ChartStyle::Reference)
            colours.push_back(kReferenceColour);
        else if (s.colour == validation::kChartBlack)
            colours.push_back(Qt::black);
        else if (s.colour >= 0)
            colours.push_back(detail::categoryColour(std::size_t(s.colour)));
        else
        {
            while (taken.count(next) != 0)
                ++next;
            taken.insert(next);
            colours.push_back(detail::categoryColour(std::size_t(next)));
        }
    }
    return colours;
}

QFont fontOf(int pixels, bool bold = false)
{
    QFont f("DejaVu Sans");
    f.setPixelSize(pixels);
    f.setBold(bold);
    return f;
}

// A value or logarithmic axis over `range` (padded by `pad` of its span on both sides unless fixed), ticks at nice
// steps.
QAbstractAxis* makeAxis(Range range, bool logarithmic, double pad, std::optional<double> fixedLow,
                        std::optional<double> fixedHigh)
{
    if (logarithmic)
    {
        auto* axis = new QLogValueAxis();
        axis->setBase(10.0);
        axis->setLabelFormat("%g");
        axis->setMinorTickCount(8);
        double low = fixedLow && *fixedLow > 0.0 ? *fixedLow : std::pow(10.0, std::floor(std::log10(range.low)));
        double high = fixedHigh && *fixedHigh > 0.0 ? *fixedHigh : std::pow(10.0, std::ceil(std::log10(range.high)));
        if (!(high > low))
            high = low * 10.0;
        axis->setRange(low, high);
        return axis;
    }
    auto* axis = new QValueAxis();
    const double span = range.high > range.low ? range.high - range.low : std::max(1.0, std::abs(range.low));
    const double low = fixedLow ? *fixedLow : range.low - pad * span;
    double high = fixedHigh ? *fixedHigh : range.high + pad * span;
    if (!(high > low))
        high = low + 1.0;
    const double step = detail::niceStep(high - low, 6);
    axis->setRange(low, high);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0.0);
    axis->setTickInterval(step);
    axis->setLabelFormat(step >= 1.0 ? "%.0f" : "%g");
    return axis;
}

void styleAxis(QAbstractAxis* axis, const std::string& title)
{
    axis->setTitleText(qs(title));
    axis->setTitleFont(fontOf(13));
    axis->setLabelsFont(fontOf(11));
    axis->setGridLineColor(QColor(220, 220, 220));
    axis->setLinePenColor(QColor(120, 120, 120));
}

} // namespace

std::vector<std::filesystem::path> renderCheckChart(const validation::CheckChart& data,
                                                    const std::filesystem::path& base, ChartImageSize size)
{
    if (data.isEmpty())
        throw std::invalid_argument("the chart '" + data.title + "' has no points");
    const auto app = detail::ensureOffscreenApplication();
    const int width = std::max(200, size.width);
    const int height = std::max(150, size.height);

    Range xs, ys;
    bool anyPoints = false;
    for (const auto& s : data.series)
    {
        anyPoints = anyPoints || isPoints(s.style);
        for (const auto& p : s.points)
        {
            if (!data.logX || p.x > 0.0)
                xs.add(p.x);
            for (const double y : {p.y - p.error, p.y + p.error})
                if (!data.logY || y > 0.0)
                    ys.add(y);
        }
    }
    if (!xs.isValid() || !ys.isValid())
        throw std::invalid_argument("the chart '" + data.title + "' has no finite point");

    auto* chart = new QChart();
    chart->setTitle(qs(data.title));
    chart->setTitleFont(fontOf(15, true));
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 8, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setFont(fontOf(11));
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);

    QAbstractAxis* axisX = nullptr;
    if (!data.xCategories.empty())
    {
        auto* categories = new QCategoryAxis();
        for (std::size_t i = 0; i < data.xCategories.size(); ++i)
            categories->append(qs(data.xCategories[i]), double(i));
        categories->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        categories->setRange(-0.5, double(data.xCategories.size()) - 0.5);
        categories->setLabelsAngle(-90);
        axisX = categories;
    }
    else
        axisX = makeAxis(xs, data.logX, anyPoints ? 0.03 : 0.0, std::nullopt, std::nullopt);
    QAbstractAxis* axisY = makeAxis(ys, data.logY, 0.06, data.yMin, data.yMax);
    styleAxis(axisX, data.xTitle);
    styleAxis(axisY, data.yTitle);
    if (!data.xCategories.empty())
        axisX->setLabelsFont(fontOf(10));
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);

    const auto colours = seriesColours(data);
    std::vector<QXYSeries*> drawn(data.series.size(), nullptr);
    for (std::size_t i = 0; i < data.series.size(); ++i)
    {
        const auto& s = data.series[i];
        if (s.points.empty())
            continue;
        QXYSeries* series = nullptr;
        if (isPoints(s.style))
        {
            auto* scatter = new QScatterSeries();
            scatter->setMarkerShape(QScatterSeries::MarkerShapeCircle);
            const bool open = s.style == ChartStyle::OpenPoints;
            scatter->setMarkerSize(open ? 11.0 : 9.0);
            scatter->setBrush(open ? QBrush(Qt::white) : QBrush(colours[i]));
            scatter->setPen(QPen(open ? colours[i] : colours[i].darker(130), open ? 2.0 : 1.0));
            series = scatter;
        }
        else
        {
            auto* line = new QLineSeries();
            QPen pen(colours[i], 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
            if (s.style == ChartStyle::Dashed)
                pen = QPen(colours[i], 2.2, Qt::DashLine);
            else if (s.style == ChartStyle::Reference)
                pen = QPen(colours[i], 1.5, Qt::DashLine);
            line->setPen(pen);
            series = line;
        }
        for (const auto& p : s.points)
            if (std::isfinite(p.x) && std::isfinite(p.y) && (!data.logX || p.x > 0.0) && (!data.logY || p.y > 0.0))
                series->append(p.x, p.y);
        series->setName(qs(s.name));
        chart->addSeries(series);
        series->attachAxis(axisX);
        series->attachAxis(axisY);
        if (s.name.empty())
            for (auto* marker : chart->legend()->markers(series))
                marker->setVisible(false);
        drawn[i] = series;
    }

    // The legend is one row that elides what does not fit: a smaller font first, so that long names stay whole.
    {
        const QFontMetrics metrics(chart->legend()->font());
        int legendWidth = 0;
        for (const auto& s : data.series)
            if (!s.name.empty() && !s.points.empty())
                legendWidth += metrics.horizontalAdvance(qs(s.name)) + 40; // marker and spacing
        if (legendWidth > width - 20)
            chart->legend()->setFont(fontOf(10));
    }

    // A scene rather than a view: the chart gets its size now, without a shown widget or a resize event.
    QGraphicsScene scene;
    scene.addItem(chart); // the scene owns the chart
    chart->setGeometry(QRectF(0, 0, width, height));
    scene.setSceneRect(0, 0, width, height);
    QCoreApplication::processEvents();

    const auto paint = [&](QPainter& painter)
    {
        scene.render(&painter, QRectF(0, 0, width, height), QRectF(0, 0, width, height));
        // Error bars: a vertical line with caps, left out inside the marker so that the marker stays readable.
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setClipRect(chart->plotArea());
        for (std::size_t i = 0; i < data.series.size(); ++i)
        {
            const auto& s = data.series[i];
            if (drawn[i] == nullptr || !isPoints(s.style))
                continue;
            const double radius = (s.style == ChartStyle::OpenPoints ? 11.0 : 9.0) / 2.0;
            painter.setPen(QPen(colours[i].darker(120), 1.5));
            for (const auto& p : s.points)
            {
                if (!(p.error > 0.0) || !std::isfinite(p.x) || !std::isfinite(p.y))
                    continue;
                const QPointF centre = chart->mapToPosition(QPointF(p.x, p.y), drawn[i]);
                const QPointF top = chart->mapToPosition(QPointF(p.x, p.y + p.error), drawn[i]);
                const QPointF bottom = chart->mapToPosition(QPointF(p.x, p.y - p.error), drawn[i]);
                const double cap = 4.0;
                if (centre.y() - top.y() > radius)
                    painter.drawLine(QPointF(centre.x(), top.y()), QPointF(centre.x(), centre.y() - radius));
                if (bottom.y() - centre.y() > radius)
                    painter.drawLine(QPointF(centre.x(), centre.y() + radius), QPointF(centre.x(), bottom.y()));
                painter.drawLine(QPointF(centre.x() - cap, top.y()), QPointF(centre.x() + cap, top.y()));
                painter.drawLine(QPointF(centre.x() - cap, bottom.y()), QPointF(centre.x() + cap, bottom.y()));
            }
        }
        painter.restore();
    };
    std::vector<std::filesystem::path> written;
    detail::savePngAndSvg(base, data.title, QSize(width, height), paint, written);
    return written;
}

} // namespace cybersim::plot
