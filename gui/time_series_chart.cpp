// SPDX-License-Identifier: MIT
// One live line chart over rounds: named series on a left and optional right axis, a round marker, export.
#include "time_series_chart.hpp"

#include "chart_export.hpp"

#include <QContextMenuEvent>
#include <QFileDialog>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cybersim::gui
{

namespace
{
void fitAxis(QValueAxis* axis, double low, double high)
{
    if (!std::isfinite(low) || !std::isfinite(high))
        low = 0.0, high = 1.0;
    const bool nonNegative = low >= 0.0;
    // Every range change re-lays out all series of the chart; keep the range while the data fits it snugly.
    const double span = axis->max() - axis->min();
    if (low >= axis->min() && high <= axis->max() && (high - low) > 0.6 * span)
        return;
    if (high - low < 1e-9)
    {
        const double pad = std::max(std::abs(high) * 0.1, 0.5);
        low -= pad, high += pad;
    }
    else
    {
        const double pad = (high - low) * 0.05;
        low -= pad, high += pad;
    }
    // Counts, stocks and arms are never negative: do not let the padding suggest otherwise.
    if (nonNegative)
        low = std::max(0.0, low);
    axis->setRange(low, high);
    axis->applyNiceNumbers();
    if (nonNegative && axis->min() < 0.0)
        axis->setRange(0.0, axis->max());
    // "4000" rather than "4e+03"; "0.75" rather than "0.750000".
    const double largest = std::max(std::abs(axis->min()), std::abs(axis->max()));
    axis->setLabelFormat(largest >= 1000.0 ? QStringLiteral("%.0f") : QStringLiteral("%.3g"));
}

QFont scaledFont(QFont font, double factor)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else
        font.setPixelSize(std::max(1, static_cast<int>(std::lround(font.pixelSize() * factor))));
    return font;
}

std::pair<double, double> dataRange(const QList<QLineSeries*>& series, const QList<TimeSeriesChart::Axis>& axisOf,
                                    TimeSeriesChart::Axis which)
{
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (int i = 0; i < series.size(); ++i)
        if (axisOf[i] == which && series[i]->isVisible())
            for (const QPointF& p : series[i]->points())
            {
                low = std::min(low, p.y());
                high = std::max(high, p.y());
            }
    return {low, high};
}
} // namespace

TimeSeriesChart::TimeSeriesChart(const QString& title, const QString& leftLabel, const QString& rightLabel,
                                 QWidget* parent)
    : QChartView(parent), m_x(new QValueAxis), m_left(new QValueAxis)
{
    setObjectName(title);
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    // Qt's default 9 px around the chart's background is room the axes need (see below); 3 px still parts two charts.
    chart->layout()->setContentsMargins(3, 3, 3, 3);
    chart->setBackgroundRoundness(0);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(260, 200);

    m_x->setTitleText(QStringLiteral("round"));
    m_x->setLabelFormat(QStringLiteral("%d"));
    m_x->setTickCount(5);
    chart->legend()->setFont(scaledFont(chart->legend()->font(), 0.9));
    m_left->setTitleText(leftLabel);
    m_left->setLabelFormat(QStringLiteral("%.3g")); // "150", "0.75": short labels leave room for the plot
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_left, Qt::AlignLeft);
    if (!rightLabel.isEmpty())
    {
        m_right = new QValueAxis;
        m_right->setTitleText(rightLabel);
        m_right->setLabelFormat(QStringLiteral("%.3g"));
        chart->addAxis(m_right, Qt::AlignRight);
    }
    // Axis titles and tick labels a tenth smaller than the theme's, as the legend: with an axis on each side Qt Charts
    // gives each at most a fifth of the chart's width, and a chart is about 260 px wide at the default window size.
    for (auto* axis : chart->axes())
    {
        axis->setTitleFont(scaledFont(axis->titleFont(), 0.9));
        axis->setLabelsFont(scaledFont(axis->labelsFont(), 0.9));
    }
    m_marker = new QLineSeries;
    m_marker->setName(QStringLiteral("marked round"));
    QPen markerPen(QColor(0x33, 0x33, 0x33));
    markerPen.setStyle(Qt::DashLine);
    markerPen.setWidthF(1.5);
    m_marker->setPen(markerPen);
    chart->addSeries(m_marker);
    m_marker->attachAxis(m_x);
    m_marker->attachAxis(m_left);
    m_marker->setVisible(false);
    chart->legend()->markers(m_marker).value(0)->setVisible(false);
    fitAxes(1.0);
}

int TimeSeriesChart::addSeries(const QString& name, const QColor& colour, Axis axis, qreal width)
{
    auto* series = new QLineSeries;
    series->setName(name);
    QPen pen(colour);
    pen.setWidthF(width);
    series->setPen(pen);
    chart()->addSeries(series);
    series->attachAxis(m_x);
    series->attachAxis(axis == Axis::Right && m_right ? m_right : m_left);
    m_series.push_back(series);
    m_axisOf.push_back(axis == Axis::Right && m_right ? Axis::Right : Axis::Left);
    return static_cast<int>(m_series.size()) - 1;
}

void TimeSeriesChart::clearSeries()
{
    for (auto* series : m_series)
    {
        chart()->removeSeries(series);
        delete series;
    }
    m_series.clear();
    m_axisOf.clear();
}

void TimeSeriesChart::setPoints(int index, const QList<QPointF>& points)
{
    if (auto* s = m_series.value(index))
        s->replace(points);
}

void TimeSeriesChart::setSeriesWidth(int index, qreal width)
{
    if (auto* s = m_series.value(index))
    {
        QPen pen = s->pen();
        pen.setWidthF(width);
        s->setPen(pen);
    }
}

void TimeSeriesChart::fitAxes(double lastRound, std::optional<std::pair<double, double>> leftRange,
                              std::optional<std::pair<double, double>> rightRange)
{
    if (m_x->min() != 0.0 || m_x->max() != std::max(1.0, lastRound))
        m_x->setRange(0.0, std::max(1.0, lastRound));
    if (leftRange && (m_left->min() != leftRange->first || m_left->max() != leftRange->second))
    {
        m_left->setRange(leftRange->first, leftRange->second);
        m_left->setTickCount(5);
    }
    else if (!leftRange)
    {
        const auto [low, high] = dataRange(m_series, m_axisOf, Axis::Left);
        fitAxis(m_left, low, high);
    }
    if (m_right)
    {
        if (rightRange && (m_right->min() != rightRange->first || m_right->max() != rightRange->second))
        {
            m_right->setRange(rightRange->first, rightRange->second);
            m_right->setTickCount(5);
        }
        else if (!rightRange)
        {
            const auto [low, high] = dataRange(m_series, m_axisOf, Axis::Right);
            fitAxis(m_right, low, high);
        }
    }
    updateMarker();
}

void TimeSeriesChart::setRoundTickCount(int count)
{
    m_x->setTickCount(std::max(2, count));
}

void TimeSeriesChart::markRound(double round)
{
    m_markedRound = round;
    updateMarker();
}

void TimeSeriesChart::updateMarker()
{
    if (m_markedRound < 0.0)
    {
        m_marker->setVisible(false);
        return;
    }
    const QList<QPointF> line{QPointF(m_markedRound, m_left->min()), QPointF(m_markedRound, m_left->max())};
    if (m_marker->points() != line)
        m_marker->replace(line);
    m_marker->setVisible(true);
}

QLineSeries* TimeSeriesChart::series(const QString& name) const
{
    for (auto* s : m_series)
        if (s->name() == name)
            return s;
    return nullptr;
}

QString TimeSeriesChart::title() const
{
    return chart()->title();
}

QString TimeSeriesChart::exportPng(const QString& path)
{
    return saveWidgetPng(*this, path);
}

QString TimeSeriesChart::exportSvg(const QString& path)
{
    return saveWidgetSvg(*this, path, title());
}

void TimeSeriesChart::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    auto* png = menu.addAction(tr("Export as PNG…"));
    menu.addAction(tr("Export as SVG…"));
    const QAction* chosen = menu.exec(event->globalPos());
    if (chosen == nullptr)
        return;
    const bool asPng = chosen == png;
    const QString path = QFileDialog::getSaveFileName(
        this, chosen->text(), title().toLower().replace(QLatin1Char(' '), QLatin1Char('-')) + (asPng ? ".png" : ".svg"),
        asPng ? tr("PNG images (*.png)") : tr("SVG drawings (*.svg)"));
    if (path.isEmpty())
        return;
    const QString error = asPng ? exportPng(path) : exportSvg(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export failed"), error);
}

} // namespace cybersim::gui
