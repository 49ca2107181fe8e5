// SPDX-License-Identifier: MIT
// The scenario panel: pick a shipped scenario or open a file, edit its parameters, save it as TOML.
#include "scenario_panel.hpp"

#include "adapters/qt_text.hpp"
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/records/run_record.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/scenario/scenario_rounds.hpp"
#include "parameter_editor.hpp"
#include "shipped_scenarios.hpp"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>

namespace cybersim::gui
{

ScenarioPanel::ScenarioPanel(QWidget* parent)
    : QWidget(parent), m_shipped(new QComboBox), m_title(new QLabel), m_apply(new QPushButton(tr("Apply and reset"))),
      m_editor(new ParameterEditor)
{
    setObjectName(QStringLiteral("Scenario"));
    m_shipped->addItem(tr("built-in default"));
    for (const QString& file : shippedScenarios())
        m_shipped->addItem(file, QDir(scenariosFolder()).filePath(file));
    m_shipped->setToolTip(tr("Scenarios shipped in %1").arg(scenariosFolder()));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::RichText);
    m_apply->setEnabled(false);
    m_apply->setToolTip(tr("Check the edited parameters together and restart the run with them"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_shipped);
    layout->addWidget(m_title);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_apply);

    connect(m_shipped, &QComboBox::activated, this, &ScenarioPanel::chooseShipped);
    connect(m_apply, &QPushButton::clicked, this, &ScenarioPanel::apply);
    connect(m_editor, &ParameterEditor::edited, this, [this] { m_apply->setEnabled(!m_editor->hasProblems()); });
    connect(m_editor, &ParameterEditor::problemsChanged, this,
            [this](bool problems) { m_apply->setEnabled(!problems && m_editor->isModified()); });
}

void ScenarioPanel::chooseShipped(int index)
{
    if (index == 0)
        loadDefault();
    else
        loadFile(m_shipped->itemData(index).toString());
}

void ScenarioPanel::loadDefault()
{
    try
    {
        accept(scenario::defaultScenario(agents::builtinCatalogue()), tr("built-in default"));
        m_shipped->setCurrentIndex(0);
    }
    catch (const std::exception& error)
    {
        emit problemsFound(diagnosticRows(error));
    }
}

bool ScenarioPanel::loadFile(const QString& path)
{
    try
    {
        accept(scenario::loadScenarioFile(toStdString(path), agents::builtinCatalogue()), QFileInfo(path).fileName());
        // Show a shipped scenario as chosen in the list, however it was opened.
        const int shipped = m_shipped->findData(
            QDir(scenariosFolder())
                .filePath(QDir(scenariosFolder()).relativeFilePath(QFileInfo(path).absoluteFilePath())));
        m_shipped->setCurrentIndex(std::max(0, shipped));
        return true;
    }
    catch (const std::exception& error)
    {
        // The previous scenario stays loaded and running; only the problems are shown.
        emit problemsFound(diagnosticRows(error));
        return false;
    }
}

bool ScenarioPanel::hasPendingEdits() const
{
    return m_editor->isModified() && !m_editor->hasProblems();
}

bool ScenarioPanel::apply()
{
    if (m_editor->hasProblems())
    {
        QVector<DiagnosticRow> rows;
        for (const QString& problem : m_editor->problems())
            rows.push_back({tr("<editor>"), 0, problem.section(QLatin1Char(' '), 0, 0), problem, problem});
        emit problemsFound(rows);
        return false;
    }
    if (!m_editor->isModified())
        return true;
    try
    {
        // A new run length leaves out the scheduled events that come too late for it, as `cybersim run --rounds`
        // does (the scenario library's policy); the editor then shows the events that will run.
        auto edited = m_editor->scenario();
        scenario::RoundsChange change;
        if (edited.run.rounds != m_current.run.rounds)
        {
            change =
                scenario::withRounds(edited, edited.run.rounds, "run.rounds = " + std::to_string(edited.run.rounds));
            edited = change.scenario;
        }
        // The loader's rules, so the edited scenario gets exactly the checks a saved file would get.
        auto scenario = scenario::validateScenario(edited, agents::builtinCatalogue());
        scenario.sourceFile = m_current.sourceFile;
        m_current = scenario;
        if (!change.droppedEvents.empty())
            m_editor->setScenario(m_current);
        m_editor->markApplied();
        m_apply->setEnabled(false);
        emit problemsCleared();
        emit scenarioReady(m_current);
        if (!change.droppedEvents.empty())
            emit noted(toQString(change.note()));
        return true;
    }
    catch (const std::exception& error)
    {
        // The edited scenario has no file lines; the key says where the problem is.
        auto rows = diagnosticRows(error);
        for (auto& row : rows)
        {
            row.file = tr("edited parameters");
            row.line = 0;
            row.formatted = row.key.isEmpty() ? row.message : row.key + QStringLiteral(": ") + row.message;
        }
        emit problemsFound(rows);
        return false;
    }
}

QString ScenarioPanel::saveFile(const QString& path)
{
    if (m_editor->hasProblems())
        return tr("fix the marked parameters first: %1").arg(m_editor->problems().join(QStringLiteral("; ")));
    try
    {
        records::writeFileAtomically(toStdString(path), scenario::writeScenario(m_editor->scenario()));
        return {};
    }
    catch (const std::exception& error)
    {
        return toQString(error.what());
    }
}

void ScenarioPanel::accept(const scenario::Scenario& scenario, const QString& label)
{
    m_current = scenario;
    m_title->setText(QStringLiteral("<b>%1</b> <i>(%2)</i><br>%3")
                         .arg(toQString(scenario.name).toHtmlEscaped(), label.toHtmlEscaped(),
                              toQString(scenario.description).toHtmlEscaped()));
    m_editor->setScenario(scenario);
    m_apply->setEnabled(false);
    emit problemsCleared();
    emit scenarioReady(m_current);
}

} // namespace cybersim::gui
