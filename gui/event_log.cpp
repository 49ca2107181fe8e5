// SPDX-License-Identifier: MIT
// The log of notable events (disclosures, incidents, norm adoptions...) with the round of each.
#include "event_log.hpp"

#include "adapters/qt_text.hpp"
#include "run_history.hpp"
#include "state_selection.hpp"

#include <QCheckBox>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cybersim::gui
{

namespace
{
constexpr int kActorRole = Qt::UserRole + 1;
constexpr int kRoundRole = Qt::UserRole + 2;
} // namespace

EventLog::EventLog(const RunHistory& history, StateSelection& selection, QWidget* parent)
    : QWidget(parent), m_history(history), m_selection(selection), m_table(new QTableWidget(0, 3)),
      m_showLearning(new QCheckBox(tr("show doctrine changes (learning)")))
{
    setObjectName(QStringLiteral("Event log"));
    m_table->setHorizontalHeaderLabels({tr("round"), tr("event"), tr("what happened")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setToolTip(tr("Click an event to mark its round on the charts"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_showLearning);

    connect(&history, &RunHistory::worldChanged, this, &EventLog::rebuild);
    connect(&history, &RunHistory::roundsAppended, this, &EventLog::appendFrom);
    connect(m_showLearning, &QCheckBox::toggled, this, &EventLog::rebuild);
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) {
        const auto* item = m_table->item(row, 0);
        if (!item)
            return;
        emit roundActivated(item->data(kRoundRole).toInt());
        if (const int actor = item->data(kActorRole).toInt(); actor >= 0)
            m_selection.select(actor);
    });
}

int EventLog::rowCount() const { return m_table->rowCount(); }

void EventLog::rebuild()
{
    m_table->setRowCount(0);
    appendFrom(0);
}

void EventLog::appendFrom(int firstRound)
{
    const bool showLearning = m_showLearning->isChecked();
    const bool atBottom = m_table->rowCount() == 0 || m_table->verticalScrollBar()->value() ==
                                                           m_table->verticalScrollBar()->maximum();
    m_table->setUpdatesEnabled(false);
    for (int r = firstRound; r < m_history.roundCount(); ++r)
        for (const auto& event : m_history.round(r).events)
        {
            if (event.type == sim::EventType::DoctrineChange && !showLearning)
                continue;
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            auto* round = new QTableWidgetItem(QString::number(event.round));
            round->setData(kRoundRole, event.round);
            round->setData(kActorRole, event.actor);
            round->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, 0, round);
            m_table->setItem(row, 1, new QTableWidgetItem(toQString(sim::eventTypeName(event.type))));
            m_table->setItem(row, 2, new QTableWidgetItem(toQString(event.detail)));
        }
    m_table->setUpdatesEnabled(true);
    if (atBottom)
        m_table->scrollToBottom();
}

} // namespace cybersim::gui
