// SPDX-License-Identifier: MIT
// The Theory tab: every prediction that applies, its formula and the simulated counterpart; replicates on a thread.
#pragma once

#include "cybersim/scenario/scenario.hpp"
#include "cybersim/theory/theory_prediction.hpp"

#include <QWidget>

class QLabel;
class QPushButton;
class QThread;
class QTreeWidget;

namespace cybersim::gui
{

class MetricsTableModel;
class RunHistory;

/// Lists sim::predictTheory's predictions beside what the run shows. "Run 1000 replicates" runs
/// sim::simulateFixation on a worker thread; the result comes back as a plain value by a queued call (STYLE G).
class TheoryPanel : public QWidget
{
    Q_OBJECT
public:
    TheoryPanel(const RunHistory& history, const MetricsTableModel& table, QWidget* parent = nullptr);
    ~TheoryPanel() override;

    /// Shows the predictions for `scenario` (the scenario is kept for the replicate runs).
    void showReport(const scenario::Scenario& scenario, const theory::TheoryReport& report);

    /// Replicates per button press.
    static constexpr int kReplicates = 1000;

    // Parts, for tests.
    [[nodiscard]] QTreeWidget* tree() const noexcept { return m_tree; }
    [[nodiscard]] QPushButton* replicateButton() const noexcept { return m_replicate; }
    [[nodiscard]] const theory::TheoryReport& report() const noexcept { return m_report; }
    /// True while replicates run.
    [[nodiscard]] bool isBusy() const noexcept { return m_worker != nullptr; }

public slots:
    /// Starts kReplicates engine runs of the scenario on a worker thread (does nothing while some run).
    void runReplicates();

signals:
    /// The replicates finished: the simulated fixation frequency and its standard error, or an error message.
    void replicatesFinished(double frequency, double standardError, const QString& error);

private:
    void refreshSimulated();
    void showTally(const theory::FixationTally& tally, const QString& error, int generation);

    const RunHistory& m_history;
    const MetricsTableModel& m_table;
    QTreeWidget* m_tree = nullptr;
    QLabel* m_notApplicable = nullptr;
    QPushButton* m_replicate = nullptr;
    QThread* m_worker = nullptr;
    scenario::Scenario m_scenario;
    theory::TheoryReport m_report;
    int m_generation = 0; // bumped per scenario, so a late tally of an earlier scenario is dropped
    QString m_tallyText;  // the last replicate result for the current scenario, shown in the fixation row
};

} // namespace cybersim::gui
