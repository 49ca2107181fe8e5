// SPDX-License-Identifier: MIT
// The log of notable events (disclosures, incidents, norm adoptions...) with the round of each.
#include "event_log.hpp"

#include "adapters/qt_text.hpp"
#include "event_log_model.hpp"
#include "run_history.hpp"
#include "state_selection.hpp"

#include <QCheckBox>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace cybersim::gui
{

EventLog::EventLog(const RunHistory& history, StateSelection& selection, QWidget* parent)
    : QWidget(parent), m_history(history), m_selection(selection), m_model(new EventLogModel(this)),
      m_view(new QTableView), m_showLearning(new QCheckBox(tr("show doctrine changes (learning)")))
{
    setObjectName(QStringLiteral("Event log"));
    m_view->setModel(m_model);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->resizeSection(0, 70);
    m_view->horizontalHeader()->resizeSection(1, 130);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->setVisible(false);
    // Fixed row heights: the view never measures rows, however long the log grows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_showLearning);

    connect(&history, &RunHistory::worldChanged, this, &EventLog::rebuild);
    connect(&history, &RunHistory::roundsAppended, this, &EventLog::appendFrom);
    connect(m_showLearning, &QCheckBox::toggled, this, &EventLog::rebuild);
    connect(m_view, &QTableView::clicked, this,
            [this](const QModelIndex& index)
            {
                if (!index.isValid())
                    return;
                const auto& row = m_model->row(index.row());
                emit roundActivated(row.round);
                if (row.actor >= 0)
                    m_selection.select(row.actor);
            });
}

int EventLog::rowCount() const
{
    return m_model->rowCount();
}

int EventLog::roundOfRow(int row) const
{
    return m_model->row(row).round;
}

void EventLog::rebuild()
{
    m_model->clear();
    appendFrom(0);
}

void EventLog::appendFrom(int firstRound)
{
    const bool showLearning = m_showLearning->isChecked();
    const auto* bar = m_view->verticalScrollBar();
    const bool atBottom = bar->value() == bar->maximum();
    QVector<EventRow> rows;
    for (int r = firstRound; r < m_history.roundCount(); ++r)
        for (const auto& event : m_history.round(r).events)
            if (showLearning || event.type != engine::EventType::DoctrineChange)
                rows.push_back(
                    {event.round, event.actor, toQString(engine::eventTypeName(event.type)), toQString(event.detail)});
    m_model->append(std::move(rows));
    if (atBottom)
        m_view->scrollToBottom();
}

} // namespace cybersim::gui
