// SPDX-License-Identifier: MIT
// Classroom mode driven headless: presentation mode plays a shipped lesson, steps back without re-running, takes a
// live parameter change; the timeline scrubs every view to a round; recordings save, reopen and come from the CLI.
#include "charts_panel.hpp"
#include "classroom/classroom.hpp"
#include "classroom/lesson_controller.hpp"
#include "classroom/presentation_window.hpp"
#include "classroom/replay_timeline.hpp"
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/engine/doctrine_shares.hpp"
#include "cybersim/engine/simulation.hpp"
#include "cybersim/lesson/lesson.hpp"
#include "cybersim/records/replay.hpp"
#include "event_log.hpp"
#include "main_window.hpp"
#include "network_view.hpp"
#include "run_history.hpp"
#include "simulation_controller.hpp"
#include "state_inspector.hpp"
#include "time_series_chart.hpp"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QLineSeries>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cybersim;
using namespace cybersim::gui;

namespace
{
constexpr int kTimeoutMs = 60000;

QString lessonPath(const char* name)
{
    return QStringLiteral(CYBERSIM_SOURCE_DIR "/scenarios/lessons/") + QLatin1String(name) + QStringLiteral(".toml");
}

const char* const kSurveillance = "04-sovereignty-and-surveillance";

// Plays the step on screen to its end with Space and waits until it is done and paused.
void playShownStep(PresentationWindow& window)
{
    QVERIFY(!window.isShownStepDone());
    QTest::keyClick(&window, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(window.isShownStepDone(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isRunning(), kTimeoutMs);
}

// Runs the main window's scenario to `round` and waits for the recording of it.
void runTo(MainWindow& window, int round)
{
    window.controller()->playUntil(round);
    QTRY_VERIFY_WITH_TIMEOUT(window.history()->latest() && window.history()->latest()->world.round >= round,
                             kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isRunning(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.classroom()->replay() &&
                                 window.classroom()->replay()->rowCount() == static_cast<std::size_t>(round) + 1,
                             kTimeoutMs);
}

QList<QPointF> seriesPoints(const TimeSeriesChart& chart, int index)
{
    return chart.series(index) ? chart.series(index)->points() : QList<QPointF>();
}
} // namespace

class TestClassroom : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->controller()->setRoundsPerSecond(0);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->history()->world() != nullptr, kTimeoutMs);
    }
    void cleanup() { m_window.reset(); }

    // A shipped lesson plays to its end in presentation mode, driven by the keys a clicker sends.
    void presentationPlaysLessonToEnd()
    {
        auto* classroom = m_window->classroom();
        QCOMPARE(classroom->openLesson(lessonPath(kSurveillance)), QString());
        auto& window = *classroom->presentation();
        window.controller()->setRoundsPerSecond(0);
        QVERIFY(window.isVisible());
        QVERIFY(window.isFullScreen());
        const auto& lesson = *window.lesson();
        QTRY_COMPARE_WITH_TIMEOUT(window.shownStep(), 0, kTimeoutMs);
        for (int step = 0; step < static_cast<int>(lesson.steps.size()); ++step)
        {
            const auto& s = lesson.steps[static_cast<std::size_t>(step)];
            QTRY_COMPARE_WITH_TIMEOUT(window.shownStep(), step, kTimeoutMs);
            QVERIFY(window.captionText().contains(QString::fromStdString(s.text).simplified().left(30)));
            QVERIFY2(window.promptText().startsWith(QStringLiteral("Question")), qPrintable(window.promptText()));
            QCOMPARE(window.timeCharts().size(), static_cast<qsizetype>(s.charts.size()));
            playShownStep(window);
            QVERIFY2(window.promptText().startsWith(QStringLiteral("What happened")), qPrintable(window.promptText()));
            // The highlighted state's line is drawn thickest on the state-trust chart.
            auto* stateTrust = window.timeCharts().front();
            qreal widest = 0.0;
            QString widestName;
            for (int i = 0; i < stateTrust->seriesCount(); ++i)
                if (stateTrust->series(i)->pen().widthF() > widest)
                {
                    widest = stateTrust->series(i)->pen().widthF();
                    widestName = stateTrust->series(i)->name();
                }
            QVERIFY2(widestName.contains(QString::fromStdString(s.highlight)), qPrintable(widestName));
            if (step + 1 < static_cast<int>(lesson.steps.size()))
                QTest::keyClick(&window, step % 2 == 0 ? Qt::Key_Right : Qt::Key_PageDown);
        }
        const auto& progress = *window.controller()->progress();
        QCOMPARE(progress.step, static_cast<int>(lesson.steps.size()) - 1);
        QCOMPARE(progress.roundsLeft, 0);
        int total = 0;
        for (const auto& s : lesson.steps)
            total += s.rounds;
        QCOMPARE(progress.roundsPlayed, total);
        QCOMPARE(window.shownRow(), total); // one run: row r = after round r
        QTest::keyClick(&window, Qt::Key_Escape);
        QVERIFY(!window.isVisible());
    }

    // Left/PageUp shows an earlier step's recorded rounds without re-running; Right comes back the same way.
    void previousStepShowsRecordingWithoutRerun()
    {
        auto* classroom = m_window->classroom();
        QCOMPARE(classroom->openLesson(lessonPath(kSurveillance)), QString());
        auto& window = *classroom->presentation();
        window.controller()->setRoundsPerSecond(0);
        QTRY_COMPARE_WITH_TIMEOUT(window.shownStep(), 0, kTimeoutMs);
        playShownStep(window);
        const auto firstStepPoints = seriesPoints(*window.timeCharts().front(), 0);
        const int firstStepRow = window.shownRow();
        QCOMPARE(firstStepRow, 79);
        QTest::keyClick(&window, Qt::Key_Right);
        QTRY_COMPARE_WITH_TIMEOUT(window.shownStep(), 1, kTimeoutMs);
        playShownStep(window);
        QCOMPARE(window.shownRow(), 119);
        const int playedBefore = window.controller()->progress()->roundsPlayed;

        QTest::keyClick(&window, Qt::Key_Left);
        QCOMPARE(window.shownStep(), 0);
        QCOMPARE(window.shownRow(), firstStepRow);
        QCOMPARE(seriesPoints(*window.timeCharts().front(), 0), firstStepPoints);
        QVERIFY(window.promptText().startsWith(QStringLiteral("What happened")));
        QTest::keyClick(&window, Qt::Key_PageDown);
        QCOMPARE(window.shownStep(), 1);
        QCOMPARE(window.shownRow(), 119);
        QTest::keyClick(&window, Qt::Key_PageUp);
        QCOMPARE(window.shownStep(), 0);
        // Nothing was re-run: the worker played no round and began no step.
        QTest::qWait(100);
        QCOMPARE(window.controller()->progress()->roundsPlayed, playedBefore);
        QCOMPARE(window.controller()->progress()->step, 1);
        // Right from the recorded step goes to the recorded step 2, then on to begin step 3.
        QTest::keyClick(&window, Qt::Key_Right);
        QCOMPARE(window.shownStep(), 1);
        QTest::keyClick(&window, Qt::Key_Right);
        QTRY_COMPARE_WITH_TIMEOUT(window.shownStep(), 2, kTimeoutMs);
        QVERIFY(window.promptText().startsWith(QStringLiteral("Question")));
    }

    // The teacher pauses at a round and changes a parameter live; a bad value gets the CLI's message.
    void liveParameterChange()
    {
        auto* classroom = m_window->classroom();
        QCOMPARE(classroom->openLesson(lessonPath(kSurveillance)), QString());
        auto& window = *classroom->presentation();
        window.controller()->setRoundsPerSecond(200);
        QTRY_COMPARE_WITH_TIMEOUT(window.shownStep(), 0, kTimeoutMs);
        QTest::keyClick(&window, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(window.shownRow() >= 10, kTimeoutMs);
        QTest::keyClick(&window, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isRunning(), kTimeoutMs);
        QVERIFY(!window.isShownStepDone());

        QSignalSpy applied(&window, &PresentationWindow::parameterApplied);
        const QString key = QStringLiteral("noise.false_attribution");
        window.changeParameter(key, QStringLiteral("0.25"));
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, kTimeoutMs);
        QCOMPARE(applied.at(0).at(2).toString(), QString());
        QCOMPARE(applied.at(0).at(1).toDouble(), 0.25);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&]
            {
                const auto& replay = window.controller()->progress()->replay;
                for (const auto& event : replay->record.events)
                    if (event.type == engine::EventType::ParameterSet &&
                        event.detail.find("false_attribution") != std::string::npos)
                        return true;
                return false;
            }(),
            kTimeoutMs);

        // Out of range: the same diagnostic the engine gives the CLI.
        std::string expected;
        try
        {
            engine::Simulation simulation(*window.lesson()->steps.front().scenario, agents::builtinCatalogue());
            simulation.setParameter("noise.false_attribution", 1.5);
        }
        catch (const ScenarioError& error)
        {
            expected = error.diagnostics().front().format();
        }
        QVERIFY(!expected.empty());
        window.changeParameter(key, QStringLiteral("1.5"));
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 2, kTimeoutMs);
        QCOMPARE(applied.at(1).at(2).toString(), QString::fromStdString(expected));
        QVERIFY(window.lastError().contains(QStringLiteral("noise.false_attribution")));
        // Not a number at all.
        window.changeParameter(key, QStringLiteral("lots"));
        QCOMPARE(applied.count(), 3);
        QVERIFY(applied.at(2).at(2).toString().contains(QStringLiteral("not a number")));
        // The run goes on after the change.
        const int row = window.shownRow();
        QTest::keyClick(&window, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(window.shownRow() > row, kTimeoutMs);
    }

    // Scrubbing to round r shows round r everywhere; an event's tick jumps to its round; play restores the run.
    void scrubShowsRoundInEveryView()
    {
        // The default scenario has scheduled events at rounds 60 and 100.
        runTo(*m_window, 110);
        auto* classroom = m_window->classroom();
        auto* timeline = classroom->timeline();
        QVERIFY(timeline->isEnabled());
        QCOMPARE(timeline->slider()->maximum(), 110);
        const auto replay = timeline->replay();
        const int r = 72;
        timeline->slider()->setValue(r);
        auto& history = *m_window->history();
        QCOMPARE(history.latest()->world.round, r);
        QCOMPARE(history.latest()->world.meanTrust, replay->record.series[r].meanTrust);
        QCOMPARE(history.relations().round, r);
        const auto edges = replay->edgesAt(r);
        QCOMPARE(history.relations().trustAB.size(), edges.size());
        for (std::size_t e = 0; e < edges.size(); ++e)
        {
            QCOMPARE(history.relations().trustAB[e], edges[e].trustAB);
            QCOMPARE(history.relations().trustBA[e], edges[e].trustBA);
        }
        const auto states = replay->statesAt(r);
        QCOMPARE(history.latest()->states.size(), states.size());
        QCOMPARE(history.latest()->states.front().arms, states.front().arms);
        for (auto* chart : m_window->charts()->charts())
            QCOMPARE(chart->markedRound(), double(r));
        QCOMPARE(m_window->inspector()->chart()->markedRound(), double(r));
        // The Doctrines chart ends at the scrubbed round, with that round's composition.
        m_window->charts()->refreshNow();
        auto* doctrines = m_window->charts()->chart(QStringLiteral("Doctrines"));
        QVERIFY(doctrines != nullptr);
        const auto shares = engine::doctrineShares(states, replay->record.doctrineNames.size());
        QCOMPARE(doctrines->seriesCount(), static_cast<int>(shares.size()));
        for (int d = 0; d < doctrines->seriesCount(); ++d)
        {
            const auto* series = doctrines->series(d);
            QCOMPARE(series->count(), r + 1);
            QCOMPARE(series->at(r).x(), double(r));
            QCOMPARE(series->at(r).y(), shares[static_cast<std::size_t>(d)]);
        }
        auto* log = m_window->eventLog();
        for (int row = 0; row < log->rowCount(); ++row)
            QVERIFY(log->roundOfRow(row) < r);
        QVERIFY(log->rowCount() > 0); // the event of round 60
        QCOMPARE(log->view()->selectionModel()->selectedRows().value(0).row(), log->rowCount() - 1);

        // Clicking an event's tick jumps to its round.
        const auto ticks = timeline->eventRows();
        QVERIFY(!ticks.isEmpty());
        {
            const int target = ticks.front();
            QTest::mouseClick(timeline->eventStrip(), Qt::LeftButton, {}, QPoint(timeline->xOfRow(target), 5));
            QCOMPARE(timeline->row(), target);
            QCOMPARE(history.latest()->world.round, target);
        }
        // Playing on continues the whole run, not the scrubbed one.
        runTo(*m_window, 115);
        QCOMPARE(history.roundCount(), 116);
        QCOMPARE(history.round(110).world.meanTrust, replay->record.series[110].meanTrust);
    }

    // A recording saved and reopened shows the same series; a file `cybersim run --record` wrote opens too.
    void recordingsSaveReopenAndComeFromTheCli()
    {
        runTo(*m_window, 30);
        auto* classroom = m_window->classroom();
        m_window->charts()->refreshNow();
        auto* chart = m_window->charts()->charts().front();
        const auto before = seriesPoints(*chart, 0);
        QCOMPARE(before.size(), 31);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.replay.json"));
        QCOMPARE(classroom->saveRecording(path), QString());
        QCOMPARE(classroom->openRecording(path), QString());
        QVERIFY(classroom->isShowingFile());
        m_window->charts()->refreshNow();
        QCOMPARE(seriesPoints(*m_window->charts()->charts().front(), 0), before);
        QCOMPARE(m_window->history()->roundCount(), 31);
        QVERIFY(!classroom->openRecording(dir.filePath(QStringLiteral("missing.json"))).isEmpty());
#ifdef CYBERSIM_CLI
        const QString cliFile = dir.filePath(QStringLiteral("cli.replay.json"));
        QProcess cli;
        cli.start(QStringLiteral(CYBERSIM_CLI),
                  {QStringLiteral("run"), QStringLiteral("--rounds"), QStringLiteral("120"), QStringLiteral("--out"),
                   dir.filePath(QStringLiteral("cli")), QStringLiteral("--record"), cliFile,
                   QStringLiteral("--quiet")});
        QVERIFY(cli.waitForFinished(kTimeoutMs));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        QCOMPARE(classroom->openRecording(cliFile), QString());
        QCOMPARE(m_window->history()->roundCount(), 121);
        QCOMPARE(classroom->timeline()->slider()->maximum(), 120);
        QVERIFY(!classroom->timeline()->eventRows().isEmpty());
        classroom->timeline()->slider()->setValue(5);
        QCOMPARE(m_window->history()->latest()->world.round, 5);
#endif
    }

    // The menus offer the shipped lessons, recordings and presentation mode on F5; C opens the live-change dialog.
    void menusF5AndParameterDialog()
    {
        QAction* present = nullptr;
        QStringList texts;
        for (auto* action : m_window->findChildren<QAction*>())
        {
            texts << action->text();
            if (action->shortcut() == QKeySequence(Qt::Key_F5))
                present = action;
        }
        QVERIFY(texts.contains(QStringLiteral("Open &recording…")));
        QVERIFY(texts.contains(QStringLiteral("Save recordin&g…")));
        QVERIFY(texts.contains(QStringLiteral("01-zero-sum-or-common-security")));
        QVERIFY(texts.contains(QStringLiteral("06-cyber-crime-common-threat")));
        QVERIFY(present);
        present->trigger(); // no lesson open yet: the first shipped lesson
        QTRY_VERIFY_WITH_TIMEOUT(m_window->classroom()->presentation() != nullptr, kTimeoutMs);
        auto& window = *m_window->classroom()->presentation();
        QVERIFY(window.isVisible());
        // The lesson loads on the worker thread: wait for it rather than race it.
        QTRY_VERIFY_WITH_TIMEOUT(window.lesson() != nullptr, kTimeoutMs);
        QCOMPARE(QString::fromStdString(window.lesson()->name), QStringLiteral("01-zero-sum-or-common-security"));
        QTRY_COMPARE_WITH_TIMEOUT(window.shownStep(), 0, kTimeoutMs);

        QTest::keyClick(&window, Qt::Key_C);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QDialog*>() != nullptr, kTimeoutMs);
        // A guarded pointer: the dialog deletes itself once a value is applied.
        QPointer<QDialog> dialog = window.findChild<QDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(dialog->findChild<QDialogButtonBox*>() != nullptr);
        auto* key = dialog->findChild<QComboBox*>();
        auto* value = dialog->findChild<QLineEdit*>();
        QVERIFY(key && value);
        key->setCurrentText(QStringLiteral("noise.false_attribution"));
        value->setText(QStringLiteral("-1"));
        QSignalSpy applied(&window, &PresentationWindow::parameterApplied);
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Apply)->click();
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, kTimeoutMs);
        QVERIFY(!applied.at(0).at(2).toString().isEmpty());
        QVERIFY(dialog->isVisible()); // stays open to fix the value
        value->setText(QStringLiteral("0"));
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Apply)->click();
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 2, kTimeoutMs);
        QCOMPARE(applied.at(1).at(2).toString(), QString());
        QTRY_VERIFY(dialog.isNull() || !dialog->isVisible());
    }

    // A step naming the network and the trust matrix shows them at the step's last round, the highlighted state
    // selected.
    void networkAndTrustMatrixViews()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("views.toml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("title = \"Views\"\nsummary = \"s\"\n[source]\ndocument = \"seeds/000_e5ae1bf4d8c70917.txt\"\n"
                   "principle = \"peace\"\nquote = \"q\"\n[[steps]]\ntext = \"t\"\nscenario = \"default\"\n"
                   "rounds = 15\ncharts = [\"network\", \"trust-matrix\", \"cooperation-trust\"]\n");
        file.close();
        const QString error = m_window->classroom()->openLesson(path);
        if (!error.isEmpty())
            QFAIL(qPrintable(error));
        auto& window = *m_window->classroom()->presentation();
        window.controller()->setRoundsPerSecond(0);
        QTRY_COMPARE_WITH_TIMEOUT(window.shownStep(), 0, kTimeoutMs);
        QVERIFY(window.networkView() && window.heatmap());
        QCOMPARE(window.timeCharts().size(), 1);
        playShownStep(window);
        QCOMPARE(window.shownRow(), 15);
        QCOMPARE(window.history().latest()->world.round, 15);
        QVERIFY(window.networkView()->nodeCount() > 0);
        const auto& replay = *window.controller()->progress()->replay;
        QCOMPARE(window.history().relations().trustAB.front(), replay.edgesAt(15).front().trustAB);
    }

    // A bad lesson file gets the same diagnostics as a bad scenario.
    void badLessonShowsDiagnostics()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.toml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("title = \"x\"\n[[steps]]\ntext = \"t\"\nscenario = \"default\"\nrounds = -5\n");
        file.close();
        const QString error = m_window->classroom()->openLesson(path);
        QVERIFY2(error.contains(QStringLiteral("bad.toml:")) && error.contains(QStringLiteral("rounds")),
                 qPrintable(error));
    }

    // Writes presentation mode to $CYBERSIM_CLASSROOM_SCREENSHOT (scripts/screenshot-classroom.sh); else skipped.
    void screenshot()
    {
        const QString out = qEnvironmentVariable("CYBERSIM_CLASSROOM_SCREENSHOT");
        if (out.isEmpty())
            QSKIP("set CYBERSIM_CLASSROOM_SCREENSHOT to write the screenshot");
        auto* classroom = m_window->classroom();
        QCOMPARE(classroom->openLesson(lessonPath(kSurveillance)), QString());
        auto& window = *classroom->presentation();
        window.controller()->setRoundsPerSecond(0);
        window.showNormal();
        window.resize(1920, 1080);
        QTRY_COMPARE_WITH_TIMEOUT(window.shownStep(), 0, kTimeoutMs);
        playShownStep(window);
        QTest::keyClick(&window, Qt::Key_Right);
        QTRY_COMPARE_WITH_TIMEOUT(window.shownStep(), 1, kTimeoutMs);
        playShownStep(window);
        QTest::qWait(200);
        QVERIFY(window.grab().save(out));
    }

private:
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestClassroom)
#include "test_classroom.moc"
