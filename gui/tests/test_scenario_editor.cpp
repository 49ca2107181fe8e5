// SPDX-License-Identifier: MIT
// The scenario panel's editors for list-valued keys (game.actions, game.payoffs, game.cooperative_actions,
// generate.doctrines, generate.doctrine_shares) and the doctrine combo box, driven headless as a user would.
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "main_window.hpp"
#include "parameter_editor.hpp"
#include "run_history.hpp"
#include "scenario_panel.hpp"
#include "shipped_scenarios.hpp"
#include "simulation_controller.hpp"

#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <string>
#include <vector>

using namespace cybersim;
using namespace cybersim::gui;

namespace
{
constexpr int kTimeoutMs = 120000;

QString threeActPath()
{
    return QDir(scenariosFolder()).filePath(QStringLiteral("three-act-cyber-game.toml"));
}

QPushButton* applyButton(ScenarioPanel* panel)
{
    for (auto* button : panel->findChildren<QPushButton*>())
        if (button->text() == QLatin1String("Apply and reset"))
            return button;
    return nullptr;
}

// Types at the end of a line edit, key by key, as a user would.
void typeAtEnd(QWidget* editor, const QString& text)
{
    auto* line = qobject_cast<QLineEdit*>(editor);
    QVERIFY(line != nullptr);
    line->setFocus();
    line->end(false);
    QTest::keyClicks(line, text);
}

// Replaces a line edit's text by typing, as a user would.
void retype(QWidget* editor, const QString& text)
{
    auto* line = qobject_cast<QLineEdit*>(editor);
    QVERIFY(line != nullptr);
    line->setFocus();
    line->selectAll();
    QTest::keyClick(line, Qt::Key_Delete);
    QTest::keyClicks(line, text);
}

// Selects `word` in a line edit and types `replacement` over it, as a user renaming an entry would.
void replaceWord(QWidget* editor, const QString& word, const QString& replacement)
{
    auto* line = qobject_cast<QLineEdit*>(editor);
    QVERIFY(line != nullptr);
    const auto at = line->text().indexOf(word);
    QVERIFY(at >= 0);
    line->setFocus();
    line->setSelection(static_cast<int>(at), static_cast<int>(word.size()));
    QTest::keyClicks(line, replacement);
}

// The loader's messages for `scenario` about keys starting with `prefix`.
QStringList loaderMessages(const scenario::Scenario& scenario, const std::string& prefix)
{
    QStringList messages;
    try
    {
        (void)scenario::parseScenario(scenario::writeScenario(scenario), "<test>", agents::builtinCatalogue());
    }
    catch (const ScenarioError& error)
    {
        for (const auto& d : error.diagnostics())
            if (d.keyPath.starts_with(prefix))
                messages.push_back(QString::fromStdString(d.keyPath + " " + d.message));
    }
    return messages;
}
} // namespace

class TestScenarioEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;

    ScenarioPanel* panel() const { return m_window->scenarioPanel(); }
    ParameterEditor* editor() const { return panel()->editor(); }

    void openThreeAct()
    {
        QVERIFY(panel()->loadFile(threeActPath()));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->history()->world()->scenarioName, QStringLiteral("three-act-cyber-game"),
                                  kTimeoutMs);
    }

private slots:
    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->history()->world() != nullptr, kTimeoutMs);
    }

    void cleanup() { m_window.reset(); }

    void payoffTableEditReachesTheRun()
    {
        openThreeAct();
        auto* table = editor()->payoffTable();
        QVERIFY(table != nullptr);
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->columnCount(), 3);
        QCOMPARE(table->horizontalHeaderItem(2)->text(), QStringLiteral("attack"));
        QCOMPARE(table->verticalHeaderItem(1)->text(), QStringLiteral("surveil"));
        QCOMPARE(editor()->valueText(QStringLiteral("game.payoffs")), QStringLiteral("6, 4, -1; 5, 0, 8; 10, -1, 0"));
        QCOMPARE(editor()->valueText(QStringLiteral("game.actions")), QStringLiteral("restrain, surveil, attack"));
        QCOMPARE(editor()->valueText(QStringLiteral("generate.doctrine_shares")), QStringLiteral("0.6, 0.2, 0.2"));

        // Edit two cells in the table itself, then press "Apply and reset".
        table->item(1, 1)->setText(QStringLiteral("2.5"));
        table->item(2, 0)->setText(QStringLiteral("7"));
        QVERIFY2(!editor()->hasProblems(), qPrintable(editor()->problems().join('\n')));
        auto* apply = applyButton(panel());
        QVERIFY(apply != nullptr);
        QVERIFY(apply->isEnabled());
        QSignalSpy ready(panel(), &ScenarioPanel::scenarioReady);
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(ready.count(), 1);
        const std::vector<std::vector<double>> expected{{6, 4, -1}, {5, 2.5, 8}, {7, -1, 0}};
        QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->scenario().game.payoffs == expected, kTimeoutMs);
        QCOMPARE(panel()->current().game.payoffs, expected);

        // A cell that is not a number is marked at once, and the run keeps the last good table.
        table->item(0, 2)->setText(QStringLiteral("lots"));
        QCOMPARE(editor()->problemFor(QStringLiteral("game.payoffs")),
                 QStringLiteral("game.payoffs[0][2] is 'lots', expected a number"));
        QVERIFY(!apply->isEnabled());
        QCOMPARE(editor()->scenario().game.payoffs, expected);
        table->item(0, 2)->setText(QStringLiteral("-1"));
        QVERIFY(!editor()->hasProblems());
    }

    void addingAnActGrowsTheTableAndReportsTheGap()
    {
        openThreeAct();
        auto* table = editor()->payoffTable();
        QVERIFY(table != nullptr);
        typeAtEnd(editor()->editorFor(QStringLiteral("game.actions")), QStringLiteral(", spy"));
        QCOMPARE(editor()->scenario().game.actions, (std::vector<std::string>{"restrain", "surveil", "attack", "spy"}));
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->columnCount(), 4);
        QCOMPARE(table->horizontalHeaderItem(3)->text(), QStringLiteral("spy"));
        QCOMPARE(editor()->valueText(QStringLiteral("game.payoffs")),
                 QStringLiteral("6, 4, -1, ; 5, 0, 8, ; 10, -1, 0, ; , , , "));

        // The incomplete table is reported with the loader's own messages, and blocks applying.
        auto incomplete = panel()->current();
        incomplete.game.actions.push_back("spy");
        incomplete.game.payoffs.emplace_back(); // the new row, still empty
        const QStringList expected = loaderMessages(incomplete, "game.payoffs");
        QVERIFY(!expected.isEmpty());
        const QString shown = editor()->problemFor(QStringLiteral("game.payoffs"));
        for (const QString& message : expected)
            QVERIFY2(shown.contains(message), qPrintable(shown + "\nlacks\n" + message));
        QVERIFY(shown.contains(QStringLiteral("expected 4 (one per act of game.actions)")));
        QVERIFY(!applyButton(panel())->isEnabled());
        QVERIFY(!panel()->apply());

        // Filling the new row and column makes it whole; the run then plays the 4 x 4 game.
        QVERIFY(editor()->setValueText(QStringLiteral("game.payoffs"),
                                       QStringLiteral("6, 4, -1, 3; 5, 0, 8, 1; 10, -1, 0, 2; 7, 2, 1, 0")));
        QVERIFY2(!editor()->hasProblems(), qPrintable(editor()->problems().join('\n')));
        QVERIFY(panel()->apply());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->controller()->scenario().game.actions.size(), std::size_t{4}, kTimeoutMs);
        QCOMPARE(m_window->controller()->scenario().game.payoffs[3], (std::vector<double>{7, 2, 1, 0}));

        // Removing an act removes its own row and column; the doctrine that played it is reported by the loader.
        retype(editor()->editorFor(QStringLiteral("game.actions")), QStringLiteral("restrain, attack, spy"));
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(editor()->valueText(QStringLiteral("game.payoffs")), QStringLiteral("6, -1, 3; 10, 0, 2; 7, 1, 0"));
        const QString doctrineProblem = editor()->problemFor(QStringLiteral("generate.doctrines"));
        QVERIFY2(doctrineProblem.startsWith(QStringLiteral("generate.doctrines[1] is \"pure:surveil\"")),
                 qPrintable(doctrineProblem));
        retype(editor()->editorFor(QStringLiteral("generate.doctrines")),
               QStringLiteral("pure:restrain, pure:spy, pure:attack"));
        QVERIFY2(!editor()->hasProblems(), qPrintable(editor()->problems().join('\n')));
    }

    void doctrineComboOffersDoctrinesAndActs()
    {
        // The default scenario lists its states: a two-act game, so only catalogue doctrines are offered.
        auto* combo = qobject_cast<QComboBox*>(editor()->editorFor(QStringLiteral("states[0].doctrine")));
        QVERIFY(combo != nullptr);
        QVERIFY(combo->isEditable());
        QStringList offered;
        for (int i = 0; i < combo->count(); ++i)
            offered.push_back(combo->itemText(i));
        const auto doctrines = agents::builtinCatalogue().doctrines();
        QCOMPARE(offered.size(), static_cast<qsizetype>(doctrines.size()));
        for (const auto* doctrine : doctrines)
            QVERIFY2(offered.contains(QString::fromStdString(doctrine->name)), doctrine->name.c_str());
        QVERIFY(offered.contains(QStringLiteral("strategy:TitForTat")));
        QCOMPARE(combo->currentText(), QString::fromStdString(panel()->current().states[0].doctrine));

        // Turning it into a matrix game offers pure:<act> for each act, following the act names.
        QVERIFY(editor()->setValueText(QStringLiteral("game.kind"), QStringLiteral("matrix")));
        QVERIFY(editor()->setValueText(QStringLiteral("game.actions"), QStringLiteral("give, take")));
        QVERIFY(editor()->setValueText(QStringLiteral("game.payoffs"), QStringLiteral("3, 0; 5, 1")));
        // Written out, an empty list is given, not defaulted: the loader wants a cooperative act.
        QVERIFY(editor()->problemFor(QStringLiteral("game.cooperative_actions")).contains(QStringLiteral("is empty")));
        QVERIFY(editor()->setValueText(QStringLiteral("game.cooperative_actions"), QStringLiteral("give")));
        QVERIFY2(!editor()->hasProblems(), qPrintable(editor()->problems().join('\n')));
        QVERIFY(combo->findText(QStringLiteral("pure:give")) >= 0);
        QVERIFY(combo->findText(QStringLiteral("pure:take")) >= 0);
        QCOMPARE(combo->count(), static_cast<qsizetype>(doctrines.size()) + 2);
        combo->setCurrentIndex(combo->findText(QStringLiteral("pure:take")));
        QCOMPARE(editor()->scenario().states[0].doctrine, std::string("pure:take"));

        // A typed name is still taken as before, and the loader judges it on apply.
        combo->setFocus();
        combo->lineEdit()->selectAll();
        QTest::keyClicks(combo->lineEdit(), QStringLiteral("pure:tak"));
        QCOMPARE(editor()->scenario().states[0].doctrine, std::string("pure:tak"));
        QVector<DiagnosticRow> rows;
        const auto connection = connect(panel(), &ScenarioPanel::problemsFound, this,
                                        [&rows](const QVector<DiagnosticRow>& found) { rows = found; });
        QVERIFY(!panel()->apply());
        disconnect(connection);
        QVERIFY(!rows.isEmpty());
        bool named = false;
        for (const auto& row : rows)
            named = named || (row.key == QLatin1String("states[0].doctrine") && row.message.contains("pure:tak"));
        QVERIFY(named);
        QTest::keyClick(combo->lineEdit(), Qt::Key_E);
        QVERIFY2(panel()->apply(), qPrintable(editor()->problems().join('\n')));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->controller()->scenario().states[0].doctrine, std::string("pure:take"),
                                  kTimeoutMs);
        QCOMPARE(m_window->controller()->scenario().game.kind, scenario::GameKind::Matrix);
    }

    void shareProblemsUseTheLoadersWords()
    {
        openThreeAct();
        auto* shares = editor()->editorFor(QStringLiteral("generate.doctrine_shares"));
        retype(shares, QStringLiteral("0.5, x, 0.2"));
        QCOMPARE(editor()->problemFor(QStringLiteral("generate.doctrine_shares")),
                 QStringLiteral("generate.doctrine_shares[1] is 'x', expected a number"));
        retype(shares, QStringLiteral("0.5, 0.5"));
        auto mismatched = panel()->current();
        mismatched.generate.doctrineShares = {0.5, 0.5};
        const QStringList expected = loaderMessages(mismatched, "generate.doctrine_shares");
        QCOMPARE(expected.size(), 1);
        QCOMPARE(editor()->problemFor(QStringLiteral("generate.doctrine_shares")), expected.front());
        retype(shares, QStringLiteral("0.5, 0.25, 0.25"));
        QVERIFY(!editor()->hasProblems());
    }

    void listsSurviveSaveAsTomlAndReopen()
    {
        openThreeAct();
        // Renaming an act in place keeps its row and column.
        replaceWord(editor()->editorFor(QStringLiteral("game.actions")), QStringLiteral("attack"),
                    QStringLiteral("strike"));
        QCOMPARE(editor()->valueText(QStringLiteral("game.payoffs")), QStringLiteral("6, 4, -1; 5, 0, 8; 10, -1, 0"));
        retype(editor()->editorFor(QStringLiteral("generate.doctrines")),
               QStringLiteral("pure:restrain, pure:surveil, pure:strike"));
        retype(editor()->editorFor(QStringLiteral("generate.doctrine_shares")), QStringLiteral("0.5, 0.3, 0.2"));
        retype(editor()->editorFor(QStringLiteral("game.cooperative_actions")), QStringLiteral("restrain, surveil"));
        editor()->payoffTable()->item(0, 0)->setText(QStringLiteral("6.25"));
        QVERIFY2(!editor()->hasProblems(), qPrintable(editor()->problems().join('\n')));
        const QStringList keys{QStringLiteral("game.actions"), QStringLiteral("game.payoffs"),
                               QStringLiteral("game.cooperative_actions"), QStringLiteral("generate.doctrines"),
                               QStringLiteral("generate.doctrine_shares")};
        QStringList before;
        for (const QString& key : keys)
            before.push_back(editor()->valueText(key));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("edited.toml"));
        QCOMPARE(panel()->saveFile(path), QString());
        const auto saved = scenario::loadScenarioFile(path.toStdString(), agents::builtinCatalogue());
        QCOMPARE(saved.game.actions, (std::vector<std::string>{"restrain", "surveil", "strike"}));
        QCOMPARE(saved.game.cooperativeActions, (std::vector<std::string>{"restrain", "surveil"}));
        QCOMPARE(saved.game.payoffs[0], (std::vector<double>{6.25, 4, -1}));
        QCOMPARE(saved.generate.doctrines, (std::vector<std::string>{"pure:restrain", "pure:surveil", "pure:strike"}));
        QCOMPARE(saved.generate.doctrineShares, (std::vector<double>{0.5, 0.3, 0.2}));

        QVERIFY(panel()->loadFile(threeActPath()));
        QCOMPARE(editor()->valueText(QStringLiteral("game.actions")), QStringLiteral("restrain, surveil, attack"));
        QVERIFY(panel()->loadFile(path));
        for (qsizetype i = 0; i < keys.size(); ++i)
            QCOMPARE(editor()->valueText(keys[i]), before[i]);
        QCOMPARE(editor()->payoffTable()->horizontalHeaderItem(2)->text(), QStringLiteral("strike"));
        QVERIFY(!editor()->isModified());
    }
};

QTEST_MAIN(TestScenarioEditor)
#include "test_scenario_editor.moc"
