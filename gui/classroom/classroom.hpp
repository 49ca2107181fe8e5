// SPDX-License-Identifier: MIT
// Classroom mode in the main window: lessons and presentation mode, the timeline to scrub any run, recordings.
#pragma once

#include "adapters/snapshots.hpp"

#include <QObject>

#include <memory>

namespace cybersim::records
{
struct Replay;
}

namespace cybersim::gui
{

class MainWindow;
class PresentationWindow;
class ReplayTimeline;

/// Adds to `window`: File > Open lesson, Lessons, Open/Save recording; View > Presentation mode (F5); a Timeline
/// dock. Every run the window plays is recorded by its worker; when the run is paused or over, the timeline drags
/// every view (charts marker, network, heatmap, inspector, event log) to the chosen round.
class Classroom : public QObject
{
    Q_OBJECT
public:
    explicit Classroom(MainWindow& window);
    ~Classroom() override;

    [[nodiscard]] ReplayTimeline* timeline() const noexcept { return m_timeline; }
    /// The presentation window, created on first use.
    [[nodiscard]] PresentationWindow* presentation();
    /// The recording the timeline scrubs (the live run's, or a file's), or nullptr.
    [[nodiscard]] const records::Replay* replay() const noexcept { return m_replay.get(); }
    /// True while a recording from a file is shown instead of the live run.
    [[nodiscard]] bool isShowingFile() const noexcept { return m_showingFile; }

    /// Opens a lesson file in presentation mode. @return the problems, empty on success.
    QString openLesson(const QString& path);
    /// Shows the presentation window full screen (`fullScreen` false: as a normal window, for tests).
    void present(bool fullScreen = true);
    /// Shows row `row` of the recording in every view.
    void scrubTo(int row);
    /// Writes the recording shown. @return an error, empty on success.
    QString saveRecording(const QString& path);
    /// Reads a recording (from the app or `cybersim run --record`) and shows it. @return an error, empty on success.
    QString openRecording(const QString& path);

private:
    void buildMenus();
    void restoreLive();

    MainWindow& m_window;
    PresentationWindow* m_presentation = nullptr;
    ReplayTimeline* m_timeline = nullptr;
    std::shared_ptr<const records::Replay> m_replay;     // shown on the timeline
    std::shared_ptr<const records::Replay> m_liveReplay; // the live run's, as of its last pause
    WorldInfoPtr m_world;                                // describes m_replay
    WorldInfoPtr m_liveWorld;
    bool m_showingFile = false;
    bool m_scrubbed = false; // the history holds fewer rounds than the live run played
};

} // namespace cybersim::gui
