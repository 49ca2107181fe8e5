// SPDX-License-Identifier: MIT
// The selected state's figures now and over time: doctrine, payoff, trust given and received, arms, legitimacy.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QTimer;

namespace cybersim::gui
{

class RunHistory;
class StateSelection;
class TimeSeriesChart;

/// Shows the state chosen in StateSelection (or in its own list) with a small chart of its history.
class StateInspector : public QWidget
{
    Q_OBJECT
public:
    StateInspector(const RunHistory& history, StateSelection& selection, QWidget* parent = nullptr);

    /// The figures shown, as text (for tests and screen readers).
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] TimeSeriesChart* chart() const noexcept { return m_chart; }
    /// Redraws now.
    void refreshNow();

private:
    void rebuild();

    const RunHistory& m_history;
    StateSelection& m_selection;
    QComboBox* m_states = nullptr;
    QLabel* m_summary = nullptr;
    TimeSeriesChart* m_chart = nullptr;
    QTimer* m_timer = nullptr;
    bool m_dirty = false;
};

} // namespace cybersim::gui
