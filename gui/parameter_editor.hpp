// SPDX-License-Identifier: MIT
// Edits every scenario parameter, generically from the schema, grouped by table, checked as you type.
#pragma once

#include "cybersim/scenario/scenario.hpp"

#include <QMap>
#include <QPair>
#include <QVector>
#include <QWidget>

#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace cybersim::scenario
{
struct ParameterInfo;
struct ListParameterInfo;
} // namespace cybersim::scenario

namespace cybersim::gui
{

/// A tree of every key of sim::parameters() (array tables per element), each with an editor fitting its type and a
/// tooltip giving meaning, unit and range. A value that fails ParameterInfo::checkValue is marked at once with the
/// message the loader gives; valid values go straight into an edited copy of the scenario.
///
/// The list-valued keys of sim::listParameters() are edited too: name and share lists as comma-separated fields, and
/// game.payoffs as an m x m table whose rows and columns follow game.actions. After each such edit the loader itself
/// checks the edited scenario, and its messages about those keys are shown as problems. A state's doctrine is an
/// editable combo box offering the catalogue's doctrines and, in a matrix game, pure:<act> for each act.
class ParameterEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ParameterEditor(QWidget* parent = nullptr);

    /// Shows `scenario`'s values; clears problems and the modified flag.
    void setScenario(const scenario::Scenario& scenario);
    /// The scenario with every valid edit applied.
    [[nodiscard]] const scenario::Scenario& scenario() const noexcept { return m_scenario; }
    /// True when some field holds a value that is not accepted.
    [[nodiscard]] bool hasProblems() const noexcept
    {
        return !m_problems.isEmpty() || !m_listInputProblems.isEmpty() || !m_listProblems.isEmpty();
    }
    /// Every current problem, in key order.
    [[nodiscard]] QStringList problems() const { return allProblems().values(); }
    /// The problem with `keyPath` ("trust.loss_rate", "states[2].capability"), or empty. For a list key
    /// ("game.payoffs") also the problems of its entries ("game.payoffs[1]"), one per line.
    [[nodiscard]] QString problemFor(const QString& keyPath) const;
    /// True when values were edited since setScenario() or markApplied().
    [[nodiscard]] bool isModified() const noexcept { return m_modified; }
    void markApplied() { m_modified = false; }
    /// Sets a field's text as if typed (checked and applied the same way). List keys take their entries separated by
    /// commas; game.payoffs takes rows separated by ';' ("6, 4; 5, 0"). @return false for an unknown key.
    bool setValueText(const QString& keyPath, const QString& text);
    /// The text in a field (in the form setValueText takes), or a null string for an unknown key.
    [[nodiscard]] QString valueText(const QString& keyPath) const;
    /// The table editing game.payoffs.
    [[nodiscard]] QTableWidget* payoffTable() const noexcept { return m_payoffs; }
    /// The editor widget of a key (a QLineEdit, QCheckBox, QComboBox or QTableWidget), or nullptr.
    [[nodiscard]] QWidget* editorFor(const QString& keyPath) const;

signals:
    /// A value was accepted into scenario().
    void edited();
    /// The set of problems changed.
    void problemsChanged(bool hasProblems);

private:
    struct Row
    {
        const scenario::ParameterInfo* info = nullptr;     // a scalar key, or nullptr
        const scenario::ListParameterInfo* list = nullptr; // a list key, or nullptr
        std::size_t index = 0;
        QTreeWidgetItem* item = nullptr;
        QWidget* editor = nullptr;
    };

    void rebuild();
    void addRow(QTreeWidgetItem* parent, const scenario::ParameterInfo& info, std::size_t index,
                const QString& keyPath);
    void addListRow(QTreeWidgetItem* parent, const scenario::ListParameterInfo& info);
    void commit(const QString& keyPath, const QString& text);
    void commitList(const QString& keyPath, const QString& text);
    bool readPayoffs();
    void commitPayoffs();
    void finishListEdit(bool accepted, bool hadProblems);
    void fillPayoffTable(const QStringList& cells, qsizetype columns);
    void rememberPayoffs(const std::vector<std::string>& acts, bool withEmpty);
    void followActions(const std::vector<std::string>& before);
    void updateMatrixRows();
    void checkLists();
    void markListRows();
    [[nodiscard]] QStringList doctrineChoices() const;
    [[nodiscard]] QMap<QString, QString> allProblems() const;
    void showProblems();
    void applyFilter(const QString& text);

    scenario::Scenario m_scenario;
    QTreeWidget* m_tree = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_problemLabel = nullptr;
    QMap<QString, Row> m_rows;
    QMap<QString, QString> m_problems;          // scalar keys: the field's problem
    QMap<QString, QString> m_listInputProblems; // list keys: an entry that is not a number
    QMap<QString, QString> m_listProblems;      // the loader's problems with list keys, by its key path
    QTableWidget* m_payoffs = nullptr;
    QLabel* m_payoffSize = nullptr;
    QMap<QPair<QString, QString>, QString> m_payoffMemory; // cell text by (own act, partner's act) name
    QVector<QComboBox*> m_doctrineBoxes;
    bool m_modified = false;
    bool m_loading = false;
};

} // namespace cybersim::gui
