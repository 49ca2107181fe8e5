// SPDX-License-Identifier: MIT
// Compare two variants of the current world (e.g. gradual vs comprehensive governance), curves overlaid.
#pragma once

#include "cybersim/engine/metrics.hpp"
#include "cybersim/scenario/scenario.hpp"

#include <QPointer>
#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QThread;

namespace cybersim::gui
{

class TimeSeriesChart;

/// Runs the base scenario twice, each with one parameter overridden, headless on a background thread, and overlays
/// the chosen world metric of both runs in one chart.
class ComparePanel : public QWidget
{
    Q_OBJECT
public:
    explicit ComparePanel(QWidget* parent = nullptr);
    ~ComparePanel() override;

    /// The scenario both variants start from.
    void setBaseScenario(const scenario::Scenario& scenario);
    /// Sets variant `which` (0 = A, 1 = B) to `key=value`.
    void setVariant(int which, const QString& key, const QString& value);
    /// Starts both runs; see comparisonFinished().
    void runComparison();
    [[nodiscard]] TimeSeriesChart* chart() const noexcept { return m_chart; }
    /// Rounds recorded per variant (round 0 included), 0 before a comparison.
    [[nodiscard]] int recordedRounds(int which) const;

signals:
    /// Both runs are done (or one failed: `error` is non-empty).
    void comparisonFinished(const QString& error);

private:
    void plot();
    void finish(std::vector<engine::WorldMetrics> a, std::vector<engine::WorldMetrics> b, const QString& error);

    scenario::Scenario m_base;
    QComboBox* m_key[2] = {nullptr, nullptr};
    QLineEdit* m_value[2] = {nullptr, nullptr};
    QComboBox* m_metric = nullptr;
    QPushButton* m_run = nullptr;
    QLabel* m_status = nullptr;
    TimeSeriesChart* m_chart = nullptr;
    QPointer<QThread> m_thread;
    std::vector<engine::WorldMetrics> m_results[2];
};

} // namespace cybersim::gui
