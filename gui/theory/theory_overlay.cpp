// SPDX-License-Identifier: MIT
// Draws the theory predictions that apply beside the run on the live charts (dashed "theory" series, markers, labels).
#include "theory/theory_overlay.hpp"

#include "adapters/palette.hpp"
#include "charts_panel.hpp"
#include "theory/prediction_adapter.hpp"
#include "time_series_chart.hpp"

#include <QAbstractAxis>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>

namespace cybersim::gui
{

namespace
{
const QColor kTheoryColour(0x22, 0x22, 0x22);

void dash(QLineSeries* series, const QColor& colour)
{
    QPen pen(colour);
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(1.8);
    series->setPen(pen);
}

// A marker series on the same axes as the chart's first series (round and the left axis).
QScatterSeries* addMarkers(TimeSeriesChart* chart, const QString& name, bool filled)
{
    auto* markers = new QScatterSeries;
    markers->setName(name);
    markers->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    markers->setMarkerSize(11.0);
    markers->setColor(filled ? kTheoryColour : QColor(Qt::white));
    markers->setBorderColor(kTheoryColour);
    chart->chart()->addSeries(markers);
    for (auto* axis : chart->series(0)->attachedAxes())
        markers->attachAxis(axis);
    markers->setVisible(false);
    return markers;
}

void showLegend(QAbstractSeries* series, QChart* chart, bool shown)
{
    for (auto* marker : chart->legend()->markers(series))
        marker->setVisible(shown);
}
} // namespace

TheoryOverlay::TheoryOverlay(ChartsPanel& charts, QObject* parent)
    : QObject(parent), m_cooperation(charts.chart(tr("Cooperation and trust"))), m_arms(charts.chart(tr("Arms race")))
{
    Q_ASSERT(m_cooperation && m_arms);
    // Added through TimeSeriesChart so the axes fit them too; ChartsPanel only writes its own series 0 and 1.
    m_replicator = m_cooperation->series(m_cooperation->addSeries(tr("theory: replicator"), kTheoryColour));
    dash(m_replicator, kTheoryColour);
    m_stable = addMarkers(m_cooperation, tr("stable rest point"), true);
    m_unstable = addMarkers(m_cooperation, tr("unstable rest point"), false);
    m_equilibrium = m_arms->series(m_arms->addSeries(tr("theory: equilibrium"), kTheoryColour));
    dash(m_equilibrium, kTheoryColour);
    m_label = new QGraphicsSimpleTextItem(m_arms->chart());
    m_label->setBrush(categoryColour(5).darker(130));
    QFont font = m_label->font();
    font.setBold(true);
    m_label->setFont(font);
    m_label->setZValue(10);
    connect(m_arms->chart(), &QChart::plotAreaChanged, this, &TheoryOverlay::placeLabel);
    showReport({}, 1);
}

void TheoryOverlay::setShown(QLineSeries* series, TimeSeriesChart* chart, bool shown)
{
    if (!shown)
        series->clear();
    series->setVisible(shown);
    showLegend(series, chart->chart(), shown);
}

void TheoryOverlay::showReport(const theory::TheoryReport& report, int rounds)
{
    const double last = std::max(1, rounds);
    const auto* replicator = report.find(theory::PredictionKind::Replicator);
    setShown(m_replicator, m_cooperation, replicator != nullptr);
    m_stable->clear();
    m_unstable->clear();
    if (replicator)
    {
        m_replicator->replace(trajectoryPoints(*replicator));
        m_stable->replace(restPointMarkers(*replicator, true, last));
        m_unstable->replace(restPointMarkers(*replicator, false, last));
    }
    for (auto* markers : {m_stable, m_unstable})
    {
        const bool shown = markers->count() > 0;
        markers->setVisible(shown);
        showLegend(markers, m_cooperation->chart(), shown);
    }

    // The equilibrium line only where it holds for the whole run; the Theory tab lists it in every case.
    const auto* arms = report.find(theory::PredictionKind::ArmsEquilibrium);
    const bool drawArms = arms && arms->trustIsStatic;
    setShown(m_equilibrium, m_arms, drawArms && !arms->runaway);
    if (drawArms && !arms->runaway)
        m_equilibrium->replace(equilibriumLine(*arms, last));
    m_label->setText(drawArms ? runawayText(*arms) : QString());
    m_label->setVisible(!m_label->text().isEmpty());
    placeLabel();
    m_cooperation->fitAxes(last, std::make_pair(0.0, 1.0));
    m_arms->fitAxes(last);
}

QString TheoryOverlay::armsLabel() const
{
    return m_label->isVisible() ? m_label->text() : QString();
}

void TheoryOverlay::placeLabel()
{
    const QRectF plot = m_arms->chart()->plotArea();
    m_label->setPos(plot.left() + 8.0, plot.top() + 4.0);
}

} // namespace cybersim::gui
