// SPDX-License-Identifier: MIT
// The live charts of a run: cooperation and trust, arms, escalation, common security, norms, welfare, doctrines.
#include "charts_panel.hpp"

#include "adapters/palette.hpp"
#include "metrics_table_model.hpp"
#include "run_history.hpp"
#include "state_selection.hpp"
#include "time_series_chart.hpp"

#include "cybersim/engine/doctrine_shares.hpp"

#include <QGridLayout>
#include <QLineSeries>
#include <QTimer>

#include <algorithm>
#include <numeric>

namespace cybersim::gui
{

namespace
{
// The arms-per-state chart draws at most this many states (the most capable at round 0, plus the selected one);
// 193 lines would say nothing.
constexpr int kMaxArmsSeries = 8;
// Long runs are thinned (every k-th round) to about this many points per series: a chart a few hundred pixels wide
// shows no more, and replace() stays cheap however long the run.
constexpr int kMaxPoints = 800;

// Points of one column of the metrics table (the same model the Data tab shows), thinned to kMaxPoints.
QList<QPointF> columnPoints(const MetricsTableModel& table, const char* metric)
{
    QList<QPointF> points;
    const int column = table.column(metric);
    const int n = table.rowCount();
    if (column < 0 || n == 0)
        return points;
    const int stride = std::max(1, n / kMaxPoints);
    points.reserve(n / stride + 2);
    for (int r = 0; r < n; r += stride)
        points.append(QPointF(r, table.value(r, column)));
    if ((n - 1) % stride != 0)
        points.append(QPointF(n - 1, table.value(n - 1, column)));
    return points;
}

QList<QPointF> statePoints(const RunHistory& history, int state)
{
    QList<QPointF> points;
    const int n = history.roundCount();
    const int stride = std::max(1, n / kMaxPoints);
    for (int r = 0; r < n; r += stride)
    {
        const auto& snapshot = history.round(r);
        if (static_cast<std::size_t>(state) < snapshot.states.size())
            points.append(QPointF(snapshot.world.round, snapshot.states[static_cast<std::size_t>(state)].arms));
    }
    return points;
}
// Per doctrine, the share of active states holding it in each round that carries per-state figures (big worlds send
// them only for the last round of each batch), thinned to about kMaxPoints.
QList<QList<QPointF>> doctrinePoints(const RunHistory& history, std::size_t doctrineCount)
{
    QList<QList<QPointF>> points(static_cast<qsizetype>(doctrineCount));
    const int n = history.roundCount();
    const int stride = std::max(1, n / kMaxPoints);
    const auto add = [&](int r)
    {
        const auto& snapshot = history.round(r);
        if (snapshot.states.empty())
            return;
        const auto shares = engine::doctrineShares(snapshot.states, doctrineCount);
        for (std::size_t d = 0; d < doctrineCount; ++d)
            points[static_cast<qsizetype>(d)].append(QPointF(snapshot.world.round, shares[d]));
    };
    for (int r = 0; r < n; r += stride)
        add(r);
    if (n > 0 && (n - 1) % stride != 0)
        add(n - 1);
    return points;
}
} // namespace

ChartsPanel::ChartsPanel(const RunHistory& history, const MetricsTableModel& table, StateSelection& selection,
                         QWidget* parent)
    : QWidget(parent), m_history(history), m_table(table), m_selection(selection), m_timer(new QTimer(this))
{
    using Axis = TimeSeriesChart::Axis;
    // Axis titles are short (a quantity and its unit; the legend names each line): Qt cuts a vertical title to the
    // height of the plot, under 90 px when the Doctrines chart makes a fourth row at the default window size.
    m_cooperation = new TimeSeriesChart(tr("Cooperation and trust"), tr("share"));
    m_cooperation->addSeries(tr("cooperation rate"), categoryColour(4));
    m_cooperation->addSeries(tr("mean trust"), categoryColour(0));
    m_armsPerState = new TimeSeriesChart(tr("Arms per state"), tr("arms K"));
    // Up to nine state names: beside the plot they stay readable, below it they would be cut off.
    m_armsPerState->chart()->legend()->setAlignment(Qt::AlignRight);
    m_armsPerState->setRoundTickCount(3);
    m_escalation = new TimeSeriesChart(tr("Arms race"), tr("arms K"), tr("× round 0"));
    m_escalation->addSeries(tr("total arms"), categoryColour(5));
    m_escalation->addSeries(tr("escalation index"), categoryColour(4), Axis::Right);
    m_security = new TimeSeriesChart(tr("Common security"), tr("index"), tr("threat H"));
    m_security->addSeries(tr("security index"), categoryColour(2));
    m_security->addSeries(tr("threat stock"), categoryColour(5), Axis::Right);
    m_norms = new TimeSeriesChart(tr("Norms adopted"), tr("norms"));
    m_norms->addSeries(tr("norms adopted"), categoryColour(6));
    m_welfare = new TimeSeriesChart(tr("Welfare"), tr("payoff"), tr("Gini"));
    m_welfare->addSeries(tr("welfare"), categoryColour(2));
    m_welfare->addSeries(tr("inequality (Gini)"), categoryColour(7), Axis::Right, 1.5);
    m_doctrines = new TimeSeriesChart(tr("Doctrines"), tr("share"));
    // Doctrine names are long ("common-security-builder"): beside the plot, as on the arms-per-state chart.
    m_doctrines->chart()->legend()->setAlignment(Qt::AlignRight);
    m_charts = {m_cooperation, m_armsPerState, m_escalation, m_security, m_norms, m_welfare, m_doctrines};
    markAllDirty();

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(2);
    // Two columns; an odd chart out (Doctrines) spans the last row.
    for (int i = 0; i < m_charts.size(); ++i)
        grid->addWidget(m_charts[i], i / 2, i % 2, 1, i + 1 == m_charts.size() && i % 2 == 0 ? 2 : 1);

    connect(&history, &RunHistory::worldChanged, this, &ChartsPanel::rebuild);
    connect(&history, &RunHistory::roundsAppended, this, &ChartsPanel::markAllDirty);
    connect(&selection, &StateSelection::selectionChanged, this,
            [this]
            {
                refreshArmsPerState();
                highlightSelected();
            });
    m_timer->setInterval(kRefreshMilliseconds);
    connect(m_timer, &QTimer::timeout, this, &ChartsPanel::refreshIfDirty);
    m_timer->start();
}

TimeSeriesChart* ChartsPanel::chart(const QString& title) const
{
    for (auto* c : m_charts)
        if (c->title() == title)
            return c;
    return nullptr;
}

void ChartsPanel::rebuild()
{
    for (auto* c : m_charts)
        c->markRound(-1);
    m_armsStates.clear();
    refreshArmsPerState();
    rebuildDoctrines();
    markAllDirty();
    refreshNow();
}

void ChartsPanel::refreshArmsPerState()
{
    const int n = m_history.stateCount();
    QVector<int> wanted;
    if (n > 0 && m_history.roundCount() > 0)
    {
        const auto& initial = m_history.round(0).states;
        std::vector<int> order(static_cast<std::size_t>(n));
        std::iota(order.begin(), order.end(), 0);
        // The most capable states first; ties by index so the choice is stable.
        std::stable_sort(
            order.begin(), order.end(),
            [&](int a, int b)
            { return initial[static_cast<std::size_t>(a)].arms > initial[static_cast<std::size_t>(b)].arms; });
        for (int i = 0; i < std::min(n, kMaxArmsSeries); ++i)
            wanted << order[static_cast<std::size_t>(i)];
        std::sort(wanted.begin(), wanted.end());
        const int selected = m_selection.selected();
        if (selected >= 0 && selected < n && !wanted.contains(selected))
            wanted << selected;
    }
    if (wanted == m_armsStates)
        return;
    m_armsStates = wanted;
    m_armsPerState->clearSeries();
    const auto* world = m_history.world();
    for (int i = 0; i < m_armsStates.size(); ++i)
    {
        const int state = m_armsStates[i];
        m_armsPerState->addSeries(world ? world->stateNames.value(state) : QString::number(state), categoryColour(i),
                                  TimeSeriesChart::Axis::Left, 1.5);
    }
    highlightSelected();
    m_dirty[m_charts.indexOf(m_armsPerState)] = true;
}

void ChartsPanel::rebuildDoctrines()
{
    // A composition that cannot change makes flat lines: the chart gives its row back to the others.
    const auto* info = m_history.world();
    m_doctrines->setVisible(info == nullptr || info->doctrinesCanChange);
    m_doctrines->clearSeries();
    if (const auto* world = m_history.world())
        // The network view colours nodes by categoryColour(doctrine index): the same colour means the same doctrine.
        for (int d = 0; d < world->doctrineNames.size(); ++d)
            m_doctrines->addSeries(world->doctrineNames[d], categoryColour(d), TimeSeriesChart::Axis::Left, 1.5);
}

void ChartsPanel::highlightSelected()
{
    const int selected = m_selection.selected();
    for (int i = 0; i < m_armsStates.size(); ++i)
        m_armsPerState->setSeriesWidth(i, m_armsStates[i] == selected ? 4.0 : 1.5);
}

void ChartsPanel::markAllDirty()
{
    m_dirty.fill(true, m_charts.size());
}

void ChartsPanel::refreshIfDirty()
{
    // One chart per tick, in turn: a tick's work stays small however many charts there are (STYLE G pacing).
    for (int k = 0; k < m_charts.size(); ++k)
    {
        m_nextChart = (m_nextChart + 1) % static_cast<int>(m_charts.size());
        if (m_dirty.value(m_nextChart))
        {
            refreshChart(m_nextChart);
            return;
        }
    }
}

void ChartsPanel::refreshNow()
{
    for (int i = 0; i < m_charts.size(); ++i)
        if (m_dirty.value(i))
            refreshChart(i);
}

void ChartsPanel::refreshChart(int index)
{
    m_dirty[index] = false;
    const auto& h = m_history;
    const double last = h.world() ? std::max(1, h.world()->rounds) : 1.0;
    auto* chart = m_charts[index];
    if (chart == m_cooperation)
    {
        m_cooperation->setPoints(0, columnPoints(m_table, "cooperation_rate"));
        m_cooperation->setPoints(1, columnPoints(m_table, "mean_trust"));
        m_cooperation->fitAxes(last, std::make_pair(0.0, 1.0));
    }
    else if (chart == m_armsPerState)
    {
        for (int i = 0; i < m_armsStates.size(); ++i)
            m_armsPerState->setPoints(i, statePoints(h, m_armsStates[i]));
        m_armsPerState->fitAxes(last);
    }
    else if (chart == m_escalation)
    {
        m_escalation->setPoints(0, columnPoints(m_table, "total_arms"));
        m_escalation->setPoints(1, columnPoints(m_table, "escalation_index"));
        m_escalation->fitAxes(last);
    }
    else if (chart == m_security)
    {
        m_security->setPoints(0, columnPoints(m_table, "common_security_index"));
        m_security->setPoints(1, columnPoints(m_table, "threat_stock"));
        m_security->fitAxes(last, std::make_pair(0.0, 1.0));
    }
    else if (chart == m_norms)
    {
        m_norms->setPoints(0, columnPoints(m_table, "norms_adopted"));
        const double normCount = h.world() ? std::max<qsizetype>(1, h.world()->normNames.size()) : 1.0;
        m_norms->fitAxes(last, std::make_pair(0.0, normCount));
    }
    else if (chart == m_welfare)
    {
        m_welfare->setPoints(0, columnPoints(m_table, "welfare"));
        m_welfare->setPoints(1, columnPoints(m_table, "welfare_gini"));
        m_welfare->fitAxes(last, std::nullopt, std::make_pair(0.0, 1.0));
    }
    else if (chart == m_doctrines)
    {
        const auto points = doctrinePoints(h, static_cast<std::size_t>(m_doctrines->seriesCount()));
        for (int d = 0; d < points.size(); ++d)
            m_doctrines->setPoints(d, points[d]);
        m_doctrines->fitAxes(last, std::make_pair(0.0, 1.0));
    }
}

void ChartsPanel::markRound(int round)
{
    for (auto* c : m_charts)
        c->markRound(round);
}

} // namespace cybersim::gui
