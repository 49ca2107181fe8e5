// SPDX-License-Identifier: MIT
// Edits every scenario parameter, generically from the schema, grouped by table, checked as you type.
#pragma once

#include "cybersim/sim/scenario.hpp"

#include <QMap>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace cybersim::sim
{
struct ParameterInfo;
}

namespace cybersim::gui
{

/// A tree of every key of sim::parameters() (array tables per element), each with an editor fitting its type and a
/// tooltip giving meaning, unit and range. A value that fails ParameterInfo::checkValue is marked at once with the
/// message the loader gives; valid values go straight into an edited copy of the scenario.
class ParameterEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ParameterEditor(QWidget* parent = nullptr);

    /// Shows `scenario`'s values; clears problems and the modified flag.
    void setScenario(const sim::Scenario& scenario);
    /// The scenario with every valid edit applied.
    [[nodiscard]] const sim::Scenario& scenario() const noexcept { return m_scenario; }
    /// True when some field holds a value that is not accepted.
    [[nodiscard]] bool hasProblems() const noexcept { return !m_problems.isEmpty(); }
    /// Every current problem, in key order.
    [[nodiscard]] QStringList problems() const { return m_problems.values(); }
    /// The problem with `keyPath` ("trust.loss_rate", "states[2].capability"), or empty.
    [[nodiscard]] QString problemFor(const QString& keyPath) const { return m_problems.value(keyPath); }
    /// True when values were edited since setScenario() or markApplied().
    [[nodiscard]] bool isModified() const noexcept { return m_modified; }
    void markApplied() { m_modified = false; }
    /// Sets a field's text as if typed (checked and applied the same way). @return false for an unknown key.
    bool setValueText(const QString& keyPath, const QString& text);
    /// The text in a field, or a null string for an unknown key.
    [[nodiscard]] QString valueText(const QString& keyPath) const;

signals:
    /// A value was accepted into scenario().
    void edited();
    /// The set of problems changed.
    void problemsChanged(bool hasProblems);

private:
    struct Row
    {
        const sim::ParameterInfo* info = nullptr;
        std::size_t index = 0;
        QTreeWidgetItem* item = nullptr;
        QWidget* editor = nullptr;
    };

    void rebuild();
    void addRow(QTreeWidgetItem* parent, const sim::ParameterInfo& info, std::size_t index, const QString& keyPath);
    void commit(const QString& keyPath, const QString& text);
    void showProblems();
    void applyFilter(const QString& text);

    sim::Scenario m_scenario;
    QTreeWidget* m_tree = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_problemLabel = nullptr;
    QMap<QString, Row> m_rows;
    QMap<QString, QString> m_problems;
    bool m_modified = false;
    bool m_loading = false;
};

} // namespace cybersim::gui
