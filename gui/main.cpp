// SPDX-License-Identifier: MIT
// cybersim-gui: the desktop front end. Also renders a screenshot headless (--screenshot) for the README.
#include "main_window.hpp"
#include "run_history.hpp"
#include "scenario_panel.hpp"
#include "shipped_scenarios.hpp"
#include "simulation_controller.hpp"
#include "state_selection.hpp"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace
{

// Without a display Qt aborts in QApplication's constructor; say why instead.
bool canReachDisplay(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "-platform") == 0 || std::strcmp(argv[i], "--platform") == 0)
            return true;
    const auto set = [](const char* name) { return !qEnvironmentVariableIsEmpty(name); };
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return set("QT_QPA_PLATFORM") || set("DISPLAY") || set("WAYLAND_DISPLAY");
#else
    (void)set;
    return true;
#endif
}

// Plays the scenario up to `rounds`, then grabs the window into `path`. @return the exit code.
int renderScreenshot(QApplication& app, cybersim::gui::MainWindow& window, const QString& path, int rounds,
                     const QString& tab)
{
    using namespace cybersim::gui;
    window.resize(1680, 1050);
    window.show();
    QElapsedTimer clock;
    clock.start();
    auto* history = window.history();
    // Wait for the default scenario's world, then run it up to the requested round.
    while (!history->world() && clock.elapsed() < 30000)
        app.processEvents(QEventLoop::AllEvents, 50);
    window.controller()->playUntil(rounds);
    while (clock.elapsed() < 120000 && !history->isFinished() &&
           (!history->latest() || history->latest()->world.round < rounds))
        app.processEvents(QEventLoop::AllEvents, 50);
    window.controller()->pause();
    // Let the paced views catch up, then select a state so the inspector has something to show.
    window.selection()->select(3);
    if (!tab.isEmpty() && !window.showTab(tab))
        std::fprintf(stderr, "warning: no tab named %s\n", qPrintable(tab));
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 600)
        app.processEvents(QEventLoop::AllEvents, 50);
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!window.grab().save(path))
    {
        std::fprintf(stderr, "error: cannot write %s\n", qPrintable(path));
        return 1;
    }
    std::printf("wrote %s after %d rounds\n", qPrintable(path), history->latest() ? history->latest()->world.round : 0);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (!canReachDisplay(argc, argv))
    {
        std::fprintf(stderr, "cybersim-gui: no display found (DISPLAY and WAYLAND_DISPLAY are not set).\n"
                             "  Run it on a desktop, or headless with QT_QPA_PLATFORM=offscreen or under xvfb-run -a.\n"
                             "  For runs without a window, use the command line: cybersim run <scenario>\n");
        return 1;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("cybersim-gui"));
    QApplication::setApplicationVersion(QStringLiteral(CYBERSIM_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("cybersim desktop: watch trust, arms races and common security"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the window after --rounds rounds to <png> and exit."),
                                        QStringLiteral("png"));
    const QCommandLineOption rounds(QStringLiteral("rounds"), QStringLiteral("Rounds played before the screenshot."),
                                    QStringLiteral("n"), QStringLiteral("120"));
    const QCommandLineOption tab(QStringLiteral("tab"), QStringLiteral("Tab shown in the screenshot (e.g. Compare)."),
                                 QStringLiteral("name"));
    parser.addOption(screenshot);
    parser.addOption(rounds);
    parser.addOption(tab);
    parser.addPositionalArgument(QStringLiteral("scenario"),
                                 QStringLiteral("Scenario file to open, or a shipped name such as un-193."),
                                 QStringLiteral("[scenario]"));
    parser.process(app);

    // Without the shipped data the app still runs the built-in default; say why the lists of scenarios are empty.
    if (const QString problem = cybersim::gui::scenariosProblem(); !problem.isEmpty())
        std::fprintf(stderr, "cybersim-gui: warning: %s\n", qPrintable(problem));

    cybersim::gui::MainWindow window;
    if (const QStringList args = parser.positionalArguments(); !args.isEmpty())
    {
        // A shipped scenario by name, as `cybersim run` accepts it; otherwise a path.
        QString path = args.first();
        const QString shipped = QDir(cybersim::gui::scenariosFolder()).filePath(path + QStringLiteral(".toml"));
        if (!QFileInfo::exists(path) && QFileInfo(path).suffix().isEmpty() && QFileInfo::exists(shipped))
            path = shipped;
        // On failure the problems list shows why and the default scenario stays loaded.
        window.scenarioPanel()->loadFile(path);
    }
    if (parser.isSet(screenshot))
        return renderScreenshot(app, window, parser.value(screenshot), parser.value(rounds).toInt(), parser.value(tab));
    window.show();
    return QApplication::exec();
}
