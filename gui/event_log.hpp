// SPDX-License-Identifier: MIT
// The log of notable events (disclosures, incidents, norm adoptions...) with the round of each.
#pragma once

#include <QWidget>

class QCheckBox;
class QTableView;

namespace cybersim::gui
{

class EventLogModel;
class RunHistory;
class StateSelection;

/// Lists RunHistory's events as they arrive. Clicking an event marks its round (roundActivated) and selects its
/// actor state.
class EventLog : public QWidget
{
    Q_OBJECT
public:
    EventLog(const RunHistory& history, StateSelection& selection, QWidget* parent = nullptr);

    /// Rows shown.
    [[nodiscard]] int rowCount() const;
    /// The table, for tests.
    [[nodiscard]] QTableView* view() const noexcept { return m_view; }
    /// The round of row `row`.
    [[nodiscard]] int roundOfRow(int row) const;

signals:
    void roundActivated(int round);

private:
    void rebuild();
    void appendFrom(int firstRound);

    const RunHistory& m_history;
    StateSelection& m_selection;
    EventLogModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QCheckBox* m_showLearning = nullptr;
};

} // namespace cybersim::gui
