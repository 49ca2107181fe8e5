// SPDX-License-Identifier: MIT
// Compare two variants of the current world (e.g. gradual vs comprehensive governance), curves overlaid.
#include "compare_panel.hpp"

#include "adapters/diagnostic_rows.hpp"
#include "adapters/palette.hpp"
#include "adapters/qt_text.hpp"
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/engine/simulation.hpp"
#include "cybersim/records/run_record.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/scenario/scenario_schema.hpp"
#include "time_series_chart.hpp"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

#include <cmath>
#include <exception>

namespace cybersim::gui
{

namespace
{
// One variant's run, headless: the scenario text with one override, then every round's world metrics.
std::vector<engine::WorldMetrics> runVariant(const std::string& baseText, const std::string& label,
                                             const std::string& override)
{
    const auto scenario = scenario::parseScenario(baseText, label, agents::builtinCatalogue(), {override});
    // The two variants run side by side on one background thread; the engine's own parallelism is enough.
    engine::Simulation simulation(scenario, agents::builtinCatalogue());
    std::vector<engine::WorldMetrics> series{simulation.metrics()};
    while (!simulation.finished())
    {
        simulation.step();
        series.push_back(simulation.metrics());
    }
    return series;
}
} // namespace

ComparePanel::ComparePanel(QWidget* parent)
    : QWidget(parent), m_metric(new QComboBox), m_run(new QPushButton(tr("Run both variants"))), m_status(new QLabel),
      m_chart(new TimeSeriesChart(tr("Compare variants"), tr("value")))
{
    setObjectName(QStringLiteral("Compare"));
    auto* grid = new QGridLayout;
    for (int v = 0; v < 2; ++v)
    {
        m_key[v] = new QComboBox;
        m_key[v]->setEditable(true);
        for (const auto& info : scenario::parameters())
            if (!info.isElementKey() && (info.isNumeric() || info.type != scenario::ValueType::Text))
                m_key[v]->addItem(toQString(info.key));
        m_value[v] = new QLineEdit;
        grid->addWidget(new QLabel(v == 0 ? tr("<b>Variant A</b>: set") : tr("<b>Variant B</b>: set")), v, 0);
        grid->addWidget(m_key[v], v, 1);
        grid->addWidget(new QLabel(QStringLiteral("=")), v, 2);
        grid->addWidget(m_value[v], v, 3);
    }
    setVariant(0, QStringLiteral("governance.approach"), QStringLiteral("gradual"));
    setVariant(1, QStringLiteral("governance.approach"), QStringLiteral("comprehensive"));
    for (const auto& name : records::worldMetricNames())
        if (name != "seed" && name != "scenario_hash" && name != "round")
            m_metric->addItem(toQString(name));
    m_metric->setCurrentText(QStringLiteral("norms_adopted"));
    grid->addWidget(new QLabel(tr("metric")), 2, 0);
    grid->addWidget(m_metric, 2, 1);
    grid->addWidget(m_run, 2, 3);
    m_chart->addSeries(tr("A"), categoryColour(4), TimeSeriesChart::Axis::Left, 2.5);
    m_chart->addSeries(tr("B"), categoryColour(5), TimeSeriesChart::Axis::Left, 2.5);
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(m_status);
    layout->addWidget(m_chart, 1);

    connect(m_run, &QPushButton::clicked, this, &ComparePanel::runComparison);
    connect(m_metric, &QComboBox::currentTextChanged, this, &ComparePanel::plot);
}

ComparePanel::~ComparePanel()
{
    if (m_thread)
        m_thread->wait();
}

void ComparePanel::setBaseScenario(const scenario::Scenario& scenario)
{
    m_base = scenario;
}

void ComparePanel::setVariant(int which, const QString& key, const QString& value)
{
    m_key[which]->setCurrentText(key);
    m_value[which]->setText(value);
}

int ComparePanel::recordedRounds(int which) const
{
    return static_cast<int>(m_results[which].size());
}

void ComparePanel::runComparison()
{
    if (m_thread)
        return;
    std::string baseText;
    try
    {
        baseText = scenario::writeScenario(m_base);
    }
    catch (const std::exception& error)
    {
        finish({}, {}, toQString(error.what()));
        return;
    }
    const std::string overrides[2] = {toStdString(m_key[0]->currentText() + '=' + m_value[0]->text()),
                                      toStdString(m_key[1]->currentText() + '=' + m_value[1]->text())};
    m_run->setEnabled(false);
    m_status->setText(tr("running both variants…"));
    // The destructor waits for the thread, so `this` outlives it.
    m_thread = QThread::create(
        [this, baseText, a = overrides[0], b = overrides[1]]
        {
            std::vector<engine::WorldMetrics> first, second;
            QString error;
            try
            {
                first = runVariant(baseText, "<variant A>", a);
                second = runVariant(baseText, "<variant B>", b);
            }
            catch (const std::exception& e)
            {
                QStringList lines;
                for (const auto& row : diagnosticRows(e))
                    lines << row.formatted;
                error = lines.join(QLatin1Char('\n'));
            }
            QMetaObject::invokeMethod(
                this,
                [this, first = std::move(first), second = std::move(second), error]() mutable
                { finish(std::move(first), std::move(second), error); },
                Qt::QueuedConnection);
        });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}

void ComparePanel::finish(std::vector<engine::WorldMetrics> a, std::vector<engine::WorldMetrics> b,
                          const QString& error)
{
    m_run->setEnabled(true);
    if (!error.isEmpty())
    {
        m_status->setText(tr("comparison failed:\n%1").arg(error));
        emit comparisonFinished(error);
        return;
    }
    m_results[0] = std::move(a);
    m_results[1] = std::move(b);
    m_chart->series(0)->setName(tr("A: %1=%2").arg(m_key[0]->currentText(), m_value[0]->text()));
    m_chart->series(1)->setName(tr("B: %1=%2").arg(m_key[1]->currentText(), m_value[1]->text()));
    m_status->setText(tr("%1 rounds each").arg(std::max(0, recordedRounds(0) - 1)));
    plot();
    emit comparisonFinished({});
}

void ComparePanel::plot()
{
    const std::string metric = toStdString(m_metric->currentText());
    double last = 1.0;
    for (int v = 0; v < 2; ++v)
    {
        QList<QPointF> points;
        for (const auto& m : m_results[v])
        {
            const double value = records::worldMetricValue(m, metric);
            if (std::isfinite(value))
                points.append(QPointF(m.round, value));
        }
        if (!points.isEmpty())
            last = std::max(last, points.back().x());
        m_chart->setPoints(v, points);
    }
    m_chart->chart()->setTitle(tr("Compare variants: %1").arg(m_metric->currentText()));
    m_chart->fitAxes(last);
}

} // namespace cybersim::gui
