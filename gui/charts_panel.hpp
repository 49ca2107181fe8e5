// SPDX-License-Identifier: MIT
// The live charts of a run: cooperation and trust, arms, escalation, common security, norms, welfare, doctrines.
#pragma once

#include <QWidget>

class QTimer;

namespace cybersim::gui
{

class MetricsTableModel;
class RunHistory;
class StateSelection;
class TimeSeriesChart;

/// A grid of TimeSeriesCharts fed from RunHistory. Refreshes are batched: new rounds only mark the panel dirty and
/// a timer redraws at most every refreshMilliseconds (the Qt openglseries pattern).
class ChartsPanel : public QWidget
{
    Q_OBJECT
public:
    /// World metrics come from `table` (the model the Data tab shows), per-state arms from `history`.
    ChartsPanel(const RunHistory& history, const MetricsTableModel& table, StateSelection& selection,
                QWidget* parent = nullptr);

    /// Every chart, in display order.
    [[nodiscard]] const QList<TimeSeriesChart*>& charts() const noexcept { return m_charts; }
    /// The chart titled `title`, or nullptr.
    [[nodiscard]] TimeSeriesChart* chart(const QString& title) const;
    /// Redraws every chart whose data changed since its last redraw.
    void refreshNow();
    /// Timer period; each tick redraws one chart, so a chart lags the data by at most charts() x this.
    static constexpr int kRefreshMilliseconds = 25;

public slots:
    /// Marks `round` on every chart (the event clicked in the log); -1 clears the marks.
    void markRound(int round);

private:
    void rebuild();
    void refreshIfDirty();
    void refreshChart(int index);
    void markAllDirty();
    void refreshArmsPerState();
    void rebuildDoctrines();
    void highlightSelected();

    const RunHistory& m_history;
    const MetricsTableModel& m_table;
    StateSelection& m_selection;
    QTimer* m_timer = nullptr;
    QList<TimeSeriesChart*> m_charts;
    TimeSeriesChart* m_cooperation = nullptr;
    TimeSeriesChart* m_armsPerState = nullptr;
    TimeSeriesChart* m_escalation = nullptr;
    TimeSeriesChart* m_security = nullptr;
    TimeSeriesChart* m_norms = nullptr;
    TimeSeriesChart* m_welfare = nullptr;
    TimeSeriesChart* m_doctrines = nullptr; // share of active states per doctrine, one series per doctrine
    QVector<int> m_armsStates;              // states drawn on the arms-per-state chart, in series order
    QVector<bool> m_dirty;                  // per chart: data changed since its last redraw
    int m_nextChart = 0;
};

} // namespace cybersim::gui
