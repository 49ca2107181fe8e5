// SPDX-License-Identifier: MIT
// The run toolbar: play/pause, step, reset, speed, seed and number of rounds.
#pragma once

#include <QToolBar>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace cybersim::gui
{

/// Actions and fields that drive the run; MainWindow wires them to the controller. Shortcuts: Space, N, R.
class RunControls : public QToolBar
{
    Q_OBJECT
public:
    explicit RunControls(QWidget* parent = nullptr);

    [[nodiscard]] QAction* playAction() const noexcept { return m_play; }
    [[nodiscard]] QAction* stepAction() const noexcept { return m_step; }
    [[nodiscard]] QAction* resetAction() const noexcept { return m_reset; }
    /// Rounds per second chosen; 0 = full speed.
    [[nodiscard]] int roundsPerSecond() const;

    /// Shows the seed and rounds of a newly loaded scenario (without emitting edits).
    void showRunSettings(quint64 seed, int rounds);
    /// Shows the progress "round r of n".
    void showProgress(int round, int rounds);
    /// Shows play or pause on the play action.
    void setRunning(bool running);
    /// Enables or disables running (e.g. while parameters are invalid), with the reason as tooltip.
    void setRunnable(bool runnable, const QString& reason = {});

signals:
    void speedChanged(int roundsPerSecond);
    void seedEdited(const QString& seed);
    void roundsEdited(int rounds);

private:
    QAction* m_play = nullptr;
    QAction* m_step = nullptr;
    QAction* m_reset = nullptr;
    QComboBox* m_speed = nullptr;
    QLineEdit* m_seed = nullptr;
    QSpinBox* m_rounds = nullptr;
    QLabel* m_progress = nullptr;
    bool m_running = false;
};

} // namespace cybersim::gui
