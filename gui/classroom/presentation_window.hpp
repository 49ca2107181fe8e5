// SPDX-License-Identifier: MIT
// Presentation mode: a lesson full screen for a projector, step by step, with keys a clicker sends.
#pragma once

#include "classroom/lesson_worker.hpp"

#include <QWidget>

#include <memory>
#include <vector>

class QGridLayout;
class QLabel;

namespace cybersim::gui
{

class LessonController;
class NetworkView;
class RunHistory;
class StateSelection;
class TimeSeriesChart;
class TrustHeatmap;

/// Shows one step at a time: its text as a caption, the question before it runs and the reveal after, and only the
/// views it names, drawn large and in high contrast. Keys: Right/PageDown next step, Left/PageUp previous step (an
/// earlier step shows its recorded rounds, nothing is re-run), Space play/pause, C change a parameter, Esc leave.
class PresentationWindow : public QWidget
{
    Q_OBJECT
public:
    explicit PresentationWindow(QWidget* parent = nullptr);
    ~PresentationWindow() override;

    /// Loads and starts a lesson file. @return the problems (the CLI's diagnostic lines), empty on success.
    QString openLesson(const QString& path);
    /// The lesson shown, or nullptr.
    [[nodiscard]] const lesson::Lesson* lesson() const noexcept { return m_lesson.get(); }
    [[nodiscard]] LessonController* controller() const noexcept { return m_controller; }

    /// The step on screen, -1 before the first.
    [[nodiscard]] int shownStep() const noexcept { return m_shownStep; }
    /// The last recorded row the views show (row r = after round r of its run).
    [[nodiscard]] int shownRow() const noexcept { return m_shownRow; }
    /// True when the step on screen has played all its rounds.
    [[nodiscard]] bool isShownStepDone() const;
    [[nodiscard]] QString captionText() const;
    /// The question (before the step runs) or the reveal (after).
    [[nodiscard]] QString promptText() const;
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] const QList<TimeSeriesChart*>& timeCharts() const noexcept { return m_timeCharts; }
    [[nodiscard]] NetworkView* networkView() const noexcept { return m_network; }
    [[nodiscard]] TrustHeatmap* heatmap() const noexcept { return m_heatmap; }
    /// The views' copy of the rows shown.
    [[nodiscard]] const RunHistory& history() const noexcept { return *m_history; }

public slots:
    void nextStep();
    void previousStep();
    void togglePlay();
    /// Applies `valueText` to numeric key `key` of the current run between rounds; the answer is parameterApplied().
    void changeParameter(const QString& key, const QString& valueText);
    /// A small dialog to pick a numeric key and type its new value.
    void openParameterDialog();

signals:
    /// `error` is empty when the change was applied.
    void parameterApplied(const QString& key, double value, const QString& error);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void onProgress(const LessonProgressPtr& progress);
    void showStep(int step);
    void rebuildViews();
    void refreshViews();
    void refreshTexts();
    [[nodiscard]] int liveStep() const;

    LessonController* m_controller = nullptr;
    RunHistory* m_history = nullptr;
    StateSelection* m_selection = nullptr;
    std::shared_ptr<const lesson::Lesson> m_lesson;
    std::vector<std::shared_ptr<const records::Replay>> m_replays; // per run, the latest copy received
    std::vector<WorldInfoPtr> m_worlds;                            // per run
    LessonProgressPtr m_progress;
    QLabel* m_heading = nullptr;
    QLabel* m_caption = nullptr;
    QLabel* m_prompt = nullptr;
    QLabel* m_status = nullptr;
    QWidget* m_views = nullptr;
    QGridLayout* m_grid = nullptr;
    QList<TimeSeriesChart*> m_timeCharts;
    QList<int> m_timeChartKinds; // sim::LessonChart per entry of m_timeCharts
    NetworkView* m_network = nullptr;
    TrustHeatmap* m_heatmap = nullptr;
    int m_shownStep = -1;
    int m_shownRow = -1;
    int m_viewsStep = -2; // the step the views were built for
    bool m_running = false;
    QString m_lastError;
};

} // namespace cybersim::gui
