// SPDX-License-Identifier: MIT
// The main window: scenario panel, run controls, network, charts, heatmap, event log, inspector, compare, export.
#include "main_window.hpp"

#include "chart_export.hpp"
#include "charts_panel.hpp"
#include "classroom/classroom.hpp"
#include "compare_panel.hpp"
#include "diagnostics_list.hpp"
#include "event_log.hpp"
#include "metrics_table_model.hpp"
#include "network_panel.hpp"
#include "network_view.hpp"
#include "parameter_editor.hpp"
#include "run_controls.hpp"
#include "run_history.hpp"
#include "scenario_panel.hpp"
#include "simulation_controller.hpp"
#include "state_inspector.hpp"
#include "state_selection.hpp"
#include "sweep_viewer.hpp"
#include "theory/theory_overlay.hpp"
#include "theory/theory_panel.hpp"
#include "time_series_chart.hpp"
#include "trust_heatmap.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/theory/theory_prediction.hpp"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QFileDialog>
#include <QHeaderView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

namespace cybersim::gui
{

namespace
{
QString fileStem(const QString& title)
{
    QString stem = title.toLower();
    stem.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    return stem.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_selection(new StateSelection(this)), m_history(new RunHistory(this)),
      m_controller(new SimulationController(this))
{
    setWindowTitle(tr("cybersim"));
    resize(1600, 1000);
    m_table = new MetricsTableModel(*m_history, this);
    m_scenarioPanel = new ScenarioPanel;
    m_runControls = new RunControls(this);
    m_network = new NetworkPanel(*m_history, *m_selection);
    m_charts = new ChartsPanel(*m_history, *m_table, *m_selection);
    m_heatmap = new TrustHeatmap(*m_history, *m_selection);
    m_eventLog = new EventLog(*m_history, *m_selection);
    m_inspector = new StateInspector(*m_history, *m_selection);
    m_compare = new ComparePanel;
    m_diagnostics = new DiagnosticsList;

    auto* overview = new QSplitter(Qt::Horizontal);
    overview->addWidget(m_network);
    overview->addWidget(m_charts);
    overview->setStretchFactor(0, 2);
    overview->setStretchFactor(1, 3);
    overview->setSizes({560, 840});
    auto* tableView = new QTableView;
    tableView->setModel(m_table);
    // Sized once per world: ResizeToContents would measure every row on each insert and stall long runs.
    tableView->horizontalHeader()->setDefaultSectionSize(130);
    m_tabs = new QTabWidget;
    m_tabs->addTab(overview, tr("Overview"));
    m_tabs->addTab(m_heatmap, tr("Trust matrix"));
    m_tabs->addTab(m_compare, tr("Compare"));
    m_tabs->addTab(tableView, tr("Data"));
    // Theory beside the run: overlays on the charts and a tab listing every prediction that applies.
    m_theoryOverlay = new TheoryOverlay(*m_charts, this);
    m_theoryPanel = new TheoryPanel(*m_history, *m_table);
    m_tabs->addTab(m_theoryPanel, tr("Theory"));
    // A sweep's output folder, charted by cybersim_plot as `cybersim plot DIR` does.
    m_sweepViewer = new SweepViewer;
    m_tabs->addTab(m_sweepViewer, tr("Sweep"));
    setCentralWidget(m_tabs);
    addToolBar(Qt::TopToolBarArea, m_runControls);
    buildDocks();
    buildMenus();

    connect(m_controller, &SimulationController::worldReset, m_history, &RunHistory::reset);
    connect(m_controller, &SimulationController::roundsReady, m_history, &RunHistory::append);
    connect(m_controller, &SimulationController::runningChanged, m_runControls, &RunControls::setRunning);
    connect(m_controller, &SimulationController::engineError, this,
            [this](const QString& message) { showError(tr("The run stopped"), message); });
    auto progress = [this]
    {
        const auto* latest = m_history->latest();
        m_runControls->showProgress(latest ? latest->world.round : 0,
                                    m_history->world() ? m_history->world()->rounds : 0);
    };
    connect(m_history, &RunHistory::worldChanged, this, progress);
    connect(m_history, &RunHistory::roundsAppended, this, progress);
    connect(m_eventLog, &EventLog::roundActivated, m_charts, &ChartsPanel::markRound);
    connect(m_eventLog, &EventLog::roundActivated, this,
            [this](int round)
            {
                m_inspector->chart()->markRound(round);
                m_tabs->setCurrentIndex(0);
            });

    connect(m_scenarioPanel, &ScenarioPanel::scenarioReady, this,
            [this](const scenario::Scenario& scenario)
            {
                m_controller->load(scenario);
                m_compare->setBaseScenario(scenario);
                showTheory(scenario);
                m_runControls->showRunSettings(scenario.run.seed, scenario.run.rounds);
                setWindowTitle(tr("cybersim — %1").arg(QString::fromStdString(scenario.name)));
                updateRunnable();
            });
    connect(m_scenarioPanel, &ScenarioPanel::problemsFound, this,
            [this](const QVector<DiagnosticRow>& rows)
            {
                m_diagnostics->showDiagnostics(rows);
                m_diagnostics->parentWidget()->show();
                m_diagnostics->parentWidget()->raise();
                statusBar()->showMessage(tr("%n problem(s) found; the previous scenario stays loaded", nullptr,
                                            static_cast<int>(rows.size())));
            });
    connect(m_scenarioPanel, &ScenarioPanel::problemsCleared, this, [this] { m_diagnostics->showDiagnostics({}); });
    connect(m_scenarioPanel, &ScenarioPanel::noted, this,
            [this](const QString& note) { statusBar()->showMessage(note); });
    connect(m_scenarioPanel->editor(), &ParameterEditor::problemsChanged, this, &MainWindow::updateRunnable);
    connect(m_runControls, &RunControls::speedChanged, m_controller, &SimulationController::setRoundsPerSecond);
    connect(m_runControls, &RunControls::seedEdited, this,
            [this](const QString& seed) { m_scenarioPanel->editor()->setValueText(QStringLiteral("run.seed"), seed); });
    connect(m_runControls, &RunControls::roundsEdited, this,
            [this](int rounds)
            { m_scenarioPanel->editor()->setValueText(QStringLiteral("run.rounds"), QString::number(rounds)); });
    connect(m_runControls->playAction(), &QAction::triggered, this, &MainWindow::togglePlay);
    connect(m_runControls->stepAction(), &QAction::triggered, this, &MainWindow::stepOnce);
    connect(m_runControls->resetAction(), &QAction::triggered, this, &MainWindow::reset);

    m_classroom = new Classroom(*this);
    m_controller->setRoundsPerSecond(m_runControls->roundsPerSecond());
    m_scenarioPanel->loadDefault();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildDocks()
{
    auto dock = [this](QWidget* widget, const QString& title, Qt::DockWidgetArea area)
    {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(title);
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    auto* scenario = dock(m_scenarioPanel, tr("Scenario"), Qt::LeftDockWidgetArea);
    auto* inspector = dock(m_inspector, tr("State inspector"), Qt::RightDockWidgetArea);
    resizeDocks({scenario, inspector}, {330, 360}, Qt::Horizontal);
    auto* events = dock(m_eventLog, tr("Event log"), Qt::BottomDockWidgetArea);
    auto* problems = dock(m_diagnostics, tr("Problems"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(events, problems);
    events->raise();
    resizeDocks({events}, {200}, Qt::Vertical);
}

void MainWindow::buildMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* open = file->addAction(tr("&Open scenario…"), this, &MainWindow::openScenario);
    open->setShortcut(QKeySequence::Open);
    auto* save = file->addAction(tr("&Save scenario as…"), this, &MainWindow::saveScenario);
    save->setShortcut(QKeySequence::Save);
    auto* exportAction = file->addAction(tr("&Export charts and run…"), this, &MainWindow::exportDialog);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addAction(tr("Open s&weep results…"), this, &MainWindow::openSweepResults);
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);
    auto* run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_runControls->playAction());
    run->addAction(m_runControls->stepAction());
    run->addAction(m_runControls->resetAction());
    auto* view = menuBar()->addMenu(tr("&View"));
    for (auto* d : findChildren<QDockWidget*>())
        view->addAction(d->toggleViewAction());
}

void MainWindow::updateRunnable()
{
    const auto* editor = m_scenarioPanel->editor();
    m_runControls->setRunnable(
        !editor->hasProblems(),
        tr("Fix the marked parameters first: %1").arg(editor->problems().join(QStringLiteral("; "))));
    if (editor->hasProblems() && m_controller->isRunning())
        m_controller->pause();
}

bool MainWindow::applyPendingEdits()
{
    if (m_scenarioPanel->editor()->hasProblems())
    {
        statusBar()->showMessage(tr("Fix the marked parameters first"));
        return false;
    }
    return !m_scenarioPanel->hasPendingEdits() || m_scenarioPanel->apply();
}

void MainWindow::togglePlay()
{
    if (m_controller->isRunning())
    {
        m_controller->pause();
        return;
    }
    if (!applyPendingEdits())
        return;
    m_controller->play();
}

void MainWindow::stepOnce()
{
    if (applyPendingEdits())
        m_controller->stepOnce();
}

void MainWindow::reset()
{
    if (m_scenarioPanel->editor()->hasProblems())
    {
        statusBar()->showMessage(tr("Fix the marked parameters first"));
        return;
    }
    // Applying pending edits loads a fresh run already; otherwise restart the current scenario.
    if (m_scenarioPanel->hasPendingEdits())
        m_scenarioPanel->apply();
    else
        m_controller->reset();
}

void MainWindow::openScenario()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open scenario"), QString(), tr("Scenarios (*.toml);;All files (*)"));
    if (!path.isEmpty() && m_scenarioPanel->loadFile(path))
        statusBar()->showMessage(tr("Loaded %1").arg(path), 5000);
}

void MainWindow::saveScenario()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save scenario as"),
                                                      QString::fromStdString(m_scenarioPanel->current().name) + ".toml",
                                                      tr("Scenarios (*.toml)"));
    if (path.isEmpty())
        return;
    if (const QString error = m_scenarioPanel->saveFile(path); !error.isEmpty())
        showError(tr("Save failed"), error);
    else
        statusBar()->showMessage(tr("Saved %1 (cybersim run %1 reproduces it)").arg(path), 8000);
}

void MainWindow::exportDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Export charts and run into folder"));
    if (folder.isEmpty())
        return;
    const QStringList problems = exportAll(folder);
    if (!problems.isEmpty())
        showError(tr("Export failed"), problems.join(QLatin1Char('\n')));
    else
        statusBar()->showMessage(tr("Exported charts and run to %1").arg(folder), 8000);
}

void MainWindow::openSweepResults()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a sweep's output folder"));
    if (folder.isEmpty())
        return;
    showTab(tr("Sweep"));
    if (m_sweepViewer->openFolder(folder))
        statusBar()->showMessage(tr("Showing sweep results from %1").arg(folder), 8000);
    else
        showError(tr("Cannot open sweep results"), m_sweepViewer->errorText());
}

QStringList MainWindow::exportAll(const QString& folder)
{
    QStringList problems;
    const QDir dir(folder);
    if (!dir.mkpath(QStringLiteral(".")))
        return {tr("cannot create folder %1").arg(folder)};
    QList<TimeSeriesChart*> charts = m_charts->charts();
    charts << m_inspector->chart() << m_compare->chart();
    for (auto* chart : charts)
    {
        const QString stem = dir.filePath(fileStem(chart->title()));
        for (const QString& error : {chart->exportPng(stem + ".png"), chart->exportSvg(stem + ".svg")})
            if (!error.isEmpty())
                problems << error;
    }
    for (QWidget* widget : {static_cast<QWidget*>(m_network->view()), static_cast<QWidget*>(m_heatmap)})
    {
        const QString stem = dir.filePath(fileStem(widget->objectName()));
        for (const QString& error :
             {saveWidgetPng(*widget, stem + ".png"), saveWidgetSvg(*widget, stem + ".svg", widget->objectName())})
            if (!error.isEmpty())
                problems << error;
    }
    // The run's files are written by the worker (it owns the engine state); wait for it, keeping the UI alive.
    QEventLoop loop;
    QString runError = tr("timed out writing the run files");
    const QString runFolder = dir.filePath(QStringLiteral("run"));
    auto connection = connect(m_controller, &SimulationController::exportFinished, &loop,
                              [&](const QString& written, const QString& error)
                              {
                                  if (written == runFolder)
                                  {
                                      runError = error;
                                      loop.quit();
                                  }
                              });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    m_controller->exportRun(runFolder);
    loop.exec();
    disconnect(connection);
    if (!runError.isEmpty())
        problems << runError;
    return problems;
}

void MainWindow::showTheory(const scenario::Scenario& scenario)
{
    // The library decides what applies and computes it (STYLE G); a scenario it cannot assess just shows no theory.
    theory::TheoryReport report;
    try
    {
        report = theory::predictTheory(scenario, agents::builtinCatalogue());
    }
    catch (const std::exception& e)
    {
        report.notApplicable.push_back(std::string("theory: ") + e.what());
    }
    m_theoryOverlay->showReport(report, scenario.run.rounds);
    m_theoryPanel->showReport(scenario, report);
}

bool MainWindow::showTab(const QString& title)
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->tabText(i).compare(title, Qt::CaseInsensitive) == 0)
        {
            m_tabs->setCurrentIndex(i);
            if (m_tabs->widget(i) == m_compare)
                m_compare->runComparison();
            return true;
        }
    return false;
}

void MainWindow::showError(const QString& title, const QString& message)
{
    m_lastError = message;
    statusBar()->showMessage(message);
    // Non-modal: the window stays usable and nothing already shown is lost.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace cybersim::gui
