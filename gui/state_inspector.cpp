// SPDX-License-Identifier: MIT
// The selected state's figures now and over time: doctrine, payoff, trust given and received, arms, legitimacy.
#include "state_inspector.hpp"

#include "adapters/palette.hpp"
#include "run_history.hpp"
#include "state_selection.hpp"
#include "time_series_chart.hpp"

#include <QComboBox>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

#include <array>
#include <functional>

namespace cybersim::gui
{

namespace
{
constexpr int kRefreshMilliseconds = 200;
using StateValue = std::function<double(const engine::StateMetrics&)>;
} // namespace

StateInspector::StateInspector(const RunHistory& history, StateSelection& selection, QWidget* parent)
    : QWidget(parent), m_history(history), m_selection(selection), m_states(new QComboBox), m_summary(new QLabel),
      m_chart(new TimeSeriesChart(tr("Selected state"), tr("trust, legitimacy"), tr("arms, payoff"))),
      m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("State inspector"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    // Short names: the legend has one row in a narrow dock.
    m_chart->addSeries(tr("trusts"), categoryColour(0));
    m_chart->addSeries(tr("trusted"), categoryColour(4));
    m_chart->addSeries(tr("legitimacy"), categoryColour(2));
    m_chart->addSeries(tr("arms"), categoryColour(5), TimeSeriesChart::Axis::Right);
    m_chart->addSeries(tr("payoff"), categoryColour(6), TimeSeriesChart::Axis::Right, 1.0);
    m_chart->setMinimumHeight(220);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_states);
    layout->addWidget(m_summary);
    layout->addWidget(m_chart, 1);

    connect(&history, &RunHistory::worldChanged, this, &StateInspector::rebuild);
    connect(&history, &RunHistory::roundsAppended, this, [this] { m_dirty = true; });
    connect(m_states, &QComboBox::activated, this, [this](int index) { m_selection.select(index - 1); });
    connect(&selection, &StateSelection::selectionChanged, this,
            [this](int state)
            {
                m_states->setCurrentIndex(state + 1);
                m_dirty = true;
                refreshNow();
            });
    m_timer->setInterval(kRefreshMilliseconds);
    connect(m_timer, &QTimer::timeout, this,
            [this]
            {
                if (m_dirty)
                    refreshNow();
            });
    m_timer->start();
}

void StateInspector::rebuild()
{
    m_states->clear();
    m_states->addItem(tr("(click a state in the network or the heatmap)"));
    if (const auto* world = m_history.world())
        m_states->addItems(world->stateNames);
    const int selected = m_selection.selected();
    if (selected >= m_history.stateCount())
        m_selection.select(-1);
    m_states->setCurrentIndex(m_selection.selected() + 1);
    m_dirty = true;
    refreshNow();
}

QString StateInspector::summaryText() const
{
    return m_summary->text();
}

void StateInspector::refreshNow()
{
    m_dirty = false;
    const int state = m_selection.selected();
    const auto* world = m_history.world();
    const auto* latest = m_history.latest();
    const auto index = static_cast<std::size_t>(state);
    if (!world || !latest || state < 0 || index >= latest->states.size())
    {
        m_summary->setText(tr("No state selected."));
        for (int i = 0; i < m_chart->seriesCount(); ++i)
            m_chart->setPoints(i, {});
        return;
    }
    const auto& s = latest->states[index];
    const int bloc = world->stateBloc.value(state, -1);
    m_summary->setText(
        tr("<b>%1</b> (%2)<br>doctrine <b>%3</b>%4<br>payoff %5 this round, %6 in all<br>"
           "trust given %7 · received %8<br>arms K %9 · defence D %10 · legitimacy %11")
            .arg(world->stateNames[state].toHtmlEscaped(), bloc >= 0 ? world->blocNames.value(bloc) : tr("no bloc"),
                 world->doctrineNames.value(s.doctrine), s.surveilling ? tr(" · running mass surveillance") : QString())
            .arg(s.payoff, 0, 'f', 2)
            .arg(s.cumulativePayoff, 0, 'f', 1)
            .arg(s.trustGiven, 0, 'f', 3)
            .arg(s.trustReceived, 0, 'f', 3)
            .arg(s.arms, 0, 'f', 2)
            .arg(s.defence, 0, 'f', 2)
            .arg(s.legitimacy, 0, 'f', 3));
    const std::array<StateValue, 5> values{
        [](const auto& m) { return m.trustGiven; }, [](const auto& m) { return m.trustReceived; },
        [](const auto& m) { return m.legitimacy; }, [](const auto& m) { return m.arms; },
        [](const auto& m) { return m.payoff; }};
    for (std::size_t v = 0; v < values.size(); ++v)
    {
        QList<QPointF> points;
        points.reserve(m_history.roundCount());
        for (int r = 0; r < m_history.roundCount(); ++r)
            if (index < m_history.round(r).states.size())
                points.append(QPointF(m_history.round(r).world.round, values[v](m_history.round(r).states[index])));
        m_chart->setPoints(static_cast<int>(v), points);
    }
    m_chart->chart()->setTitle(tr("%1 over time").arg(world->stateNames[state]));
    m_chart->fitAxes(std::max(1, world->rounds), std::make_pair(0.0, 1.0));
}

} // namespace cybersim::gui
