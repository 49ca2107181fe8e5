// SPDX-License-Identifier: MIT
// Classroom mode in the main window: lessons and presentation mode, the timeline to scrub any run, recordings.
#include "classroom/classroom.hpp"

#include "adapters/qt_text.hpp"
#include "charts_panel.hpp"
#include "classroom/presentation_window.hpp"
#include "classroom/replay_adapter.hpp"
#include "classroom/replay_timeline.hpp"
#include "cybersim/lesson/lesson.hpp"
#include "cybersim/records/replay.hpp"
#include "event_log.hpp"
#include "main_window.hpp"
#include "run_history.hpp"
#include "shipped_scenarios.hpp"
#include "simulation_controller.hpp"
#include "state_inspector.hpp"
#include "time_series_chart.hpp"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>

namespace cybersim::gui
{

namespace
{
QMenu* findMenu(QMenuBar& bar, const QString& title)
{
    for (auto* action : bar.actions())
        if (action->menu() && action->text().remove(QLatin1Char('&')) == title)
            return action->menu();
    return bar.addMenu(title);
}

// Inserts before the menu's first separator, so the new entries sit with their kind (File: before Quit).
void addBeforeSeparator(QMenu& menu, QAction* action)
{
    for (auto* existing : menu.actions())
        if (existing->isSeparator())
        {
            menu.insertAction(existing, action);
            return;
        }
    menu.addAction(action);
}
} // namespace

Classroom::Classroom(MainWindow& window) : QObject(&window), m_window(window), m_timeline(new ReplayTimeline)
{
    auto* dock = new QDockWidget(tr("Timeline"), &window);
    dock->setObjectName(QStringLiteral("Timeline"));
    dock->setWidget(m_timeline);
    window.addDockWidget(Qt::BottomDockWidgetArea, dock);
    buildMenus();

    auto* controller = window.controller();
    connect(controller, &SimulationController::worldReset, this,
            [this](WorldInfoPtr world, SnapshotBatchPtr)
            {
                m_liveWorld = std::move(world);
                m_liveReplay.reset();
                m_showingFile = false;
                m_scrubbed = false;
            });
    connect(controller, &SimulationController::replayReady, this,
            [this](std::shared_ptr<const records::Replay> replay)
            {
                m_liveReplay = std::move(replay);
                if (m_showingFile)
                    return;
                // A single step from a scrubbed round appended to the shortened history: show the whole run again.
                if (m_scrubbed && m_liveWorld)
                    showReplayRows(*m_window.history(), m_liveWorld, *m_liveReplay, m_liveReplay->rowCount() - 1);
                m_replay = m_liveReplay;
                m_world = m_liveWorld;
                m_scrubbed = false;
                m_timeline->setReplay(m_replay);
                m_timeline->setEnabled(m_replay->rowCount() > 1 && !m_window.controller()->isRunning());
            });
    connect(controller, &SimulationController::runningChanged, this,
            [this](bool running)
            {
                // Scrubbing is for a paused or finished run; playing again continues the live run in full.
                if (running && (m_scrubbed || m_showingFile))
                    restoreLive();
                m_timeline->setEnabled(!running && m_replay && m_replay->rowCount() > 1);
            });
    connect(m_timeline, &ReplayTimeline::rowChosen, this, &Classroom::scrubTo);
}

Classroom::~Classroom() = default;

void Classroom::buildMenus()
{
    auto& bar = *m_window.menuBar();
    auto* file = findMenu(bar, tr("File"));
    auto* openLessonAction = new QAction(tr("Open &lesson…"), this);
    connect(openLessonAction, &QAction::triggered, this,
            [this]
            {
                const QString path = QFileDialog::getOpenFileName(
                    &m_window, tr("Open lesson"), QDir(scenariosFolder()).filePath(QStringLiteral("lessons")),
                    tr("Lessons (*.toml);;All files (*)"));
                if (path.isEmpty())
                    return;
                if (const QString error = openLesson(path); !error.isEmpty())
                    QMessageBox::warning(&m_window, tr("The lesson has problems"), error);
            });
    addBeforeSeparator(*file, openLessonAction);
    auto* lessons = new QMenu(tr("Lesso&ns"), &m_window);
    for (const auto& path :
         lesson::lessonFiles(toStdString(QDir(scenariosFolder()).filePath(QStringLiteral("lessons")))))
    {
        const QString file = toQString(path.string());
        lessons->addAction(QFileInfo(file).completeBaseName(), this,
                           [this, file]
                           {
                               if (const QString error = openLesson(file); !error.isEmpty())
                                   QMessageBox::warning(&m_window, tr("The lesson has problems"), error);
                           });
    }
    addBeforeSeparator(*file, lessons->menuAction());
    auto* openRecordingAction = new QAction(tr("Open &recording…"), this);
    connect(openRecordingAction, &QAction::triggered, this,
            [this]
            {
                const QString path = QFileDialog::getOpenFileName(&m_window, tr("Open recording"), QString(),
                                                                  tr("Recordings (*.json);;All files (*)"));
                if (path.isEmpty())
                    return;
                if (const QString error = openRecording(path); !error.isEmpty())
                    QMessageBox::warning(&m_window, tr("Cannot open the recording"), error);
            });
    addBeforeSeparator(*file, openRecordingAction);
    auto* saveRecordingAction = new QAction(tr("Save recordin&g…"), this);
    connect(saveRecordingAction, &QAction::triggered, this,
            [this]
            {
                const QString path = QFileDialog::getSaveFileName(
                    &m_window, tr("Save recording"), QStringLiteral("run.replay.json"), tr("Recordings (*.json)"));
                if (path.isEmpty())
                    return;
                if (const QString error = saveRecording(path); !error.isEmpty())
                    QMessageBox::warning(&m_window, tr("Save failed"), error);
                else
                    m_window.statusBar()->showMessage(tr("Saved the recording to %1").arg(path), 8000);
            });
    addBeforeSeparator(*file, saveRecordingAction);

    auto* view = findMenu(bar, tr("View"));
    auto* presentAction = view->addAction(tr("&Presentation mode"), this,
                                          [this]
                                          {
                                              if (!presentation()->lesson())
                                              {
                                                  const auto files = lesson::lessonFiles(toStdString(
                                                      QDir(scenariosFolder()).filePath(QStringLiteral("lessons"))));
                                                  if (!files.empty())
                                                      openLesson(toQString(files.front().string()));
                                              }
                                              present();
                                          });
    presentAction->setShortcut(QKeySequence(Qt::Key_F5));
}

PresentationWindow* Classroom::presentation()
{
    if (!m_presentation)
    {
        m_presentation = new PresentationWindow(&m_window);
        m_presentation->setAttribute(Qt::WA_DeleteOnClose, false);
    }
    return m_presentation;
}

QString Classroom::openLesson(const QString& path)
{
    const QString error = presentation()->openLesson(path);
    if (error.isEmpty())
        present();
    return error;
}

void Classroom::present(bool fullScreen)
{
    auto* window = presentation();
    if (fullScreen)
        window->showFullScreen();
    else
        window->show();
    window->raise();
    window->activateWindow();
    window->setFocus();
}

void Classroom::scrubTo(int row)
{
    if (!m_replay || !m_world || row < 0 || static_cast<std::size_t>(row) >= m_replay->rowCount())
        return;
    if (m_window.controller()->isRunning())
        m_window.controller()->pause();
    auto& history = *m_window.history();
    showReplayRows(history, m_world, *m_replay, static_cast<std::size_t>(row));
    m_scrubbed = static_cast<std::size_t>(row) + 1 < m_replay->rowCount();
    const int round = m_replay->record.series[static_cast<std::size_t>(row)].round;
    m_window.charts()->refreshNow();
    m_window.charts()->markRound(round);
    m_window.inspector()->refreshNow();
    m_window.inspector()->chart()->markRound(round);
    // The event log lists the events up to this round; select the latest of them.
    auto* log = m_window.eventLog();
    if (log->rowCount() > 0)
        log->view()->selectRow(log->rowCount() - 1);
    else
        log->view()->clearSelection();
    if (m_timeline->row() != row)
    {
        const QSignalBlocker blocker(m_timeline->slider());
        m_timeline->slider()->setValue(row);
    }
}

QString Classroom::saveRecording(const QString& path)
{
    if (!m_replay)
        return tr("nothing is recorded yet: play the run (or pause it) first");
    try
    {
        records::writeReplayFile(toStdString(path), *m_replay);
        return {};
    }
    catch (const std::exception& error)
    {
        return toQString(error.what());
    }
}

QString Classroom::openRecording(const QString& path)
{
    std::shared_ptr<const records::Replay> replay;
    try
    {
        replay = std::make_shared<const records::Replay>(records::readReplayFile(toStdString(path)));
    }
    catch (const std::exception& error)
    {
        return toQString(error.what());
    }
    if (replay->rowCount() == 0)
        return tr("%1: the recording has no rounds").arg(path);
    m_window.controller()->pause();
    m_showingFile = true;
    m_replay = std::move(replay);
    m_world = worldInfoFromReplay(*m_replay);
    m_timeline->setReplay(m_replay);
    scrubTo(static_cast<int>(m_replay->rowCount()) - 1);
    m_window.setWindowTitle(tr("cybersim — recording %1").arg(QFileInfo(path).fileName()));
    return {};
}

void Classroom::restoreLive()
{
    m_showingFile = false;
    m_scrubbed = false;
    m_replay = m_liveReplay;
    m_world = m_liveWorld;
    m_timeline->setReplay(m_replay);
    if (m_liveReplay && m_liveWorld)
        showReplayRows(*m_window.history(), m_liveWorld, *m_liveReplay, m_liveReplay->rowCount() - 1);
    m_window.charts()->markRound(-1);
    m_window.inspector()->chart()->markRound(-1);
}

} // namespace cybersim::gui
