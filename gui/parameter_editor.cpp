// SPDX-License-Identifier: MIT
// Edits every scenario parameter, generically from the schema, grouped by table, checked as you type.
#include "parameter_editor.hpp"

#include "adapters/parameter_text.hpp"
#include "adapters/qt_text.hpp"
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/scenario/scenario_schema.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>

namespace cybersim::gui
{

namespace
{
// Array tables with more elements than this show only the first ones; the rest are edited in the file.
constexpr std::size_t kMaxElementsShown = 60;
const QString kProblemStyle = QStringLiteral("background-color: #FDE0C5; border: 2px solid #D55E00;");
const QString kTableProblemStyle = QStringLiteral("QTableWidget { border: 2px solid #D55E00; }");
const QString kPayoffsKey = QStringLiteral("game.payoffs");
const QString kActionsKey = QStringLiteral("game.actions");
constexpr int kPayoffColumnWidth = 58; // px: room for "-10.25" and a short act name

// The text list a list key names, or nullptr (game.payoffs and generate.doctrine_shares hold numbers).
std::vector<std::string>* textListOf(scenario::Scenario& s, const QString& key)
{
    if (key == kActionsKey)
        return &s.game.actions;
    if (key == QLatin1String("game.cooperative_actions"))
        return &s.game.cooperativeActions;
    if (key == QLatin1String("generate.doctrines"))
        return &s.generate.doctrines;
    return nullptr;
}

// True when `path` ("game.payoffs[2]") is about the list key `key` ("game.payoffs").
bool isAbout(const QString& path, const QString& key)
{
    return path == key || (path.startsWith(key) && path.size() > key.size() && path[key.size()] == QLatin1Char('['));
}

// The list key that a loader key path is about, or empty.
QString listKeyOf(const QString& path)
{
    for (const auto& info : scenario::listParameters())
        if (isAbout(path, toQString(info.key)))
            return toQString(info.key);
    return {};
}

// A header for act `k`: its name, or its number while the name is still empty.
QString actTitle(const std::vector<std::string>& acts, std::size_t k)
{
    return k < acts.size() && !acts[k].empty() ? toQString(acts[k]) : QStringLiteral("act %1").arg(k + 1);
}

// Elements of the array table that `group` ("states", "events"...) names.
std::size_t elementCount(const scenario::Scenario& s, const std::string& group)
{
    if (group == "states")
        return s.states.size();
    if (group == "events")
        return s.events.size();
    if (group == "network.edges")
        return s.network.edges.size();
    if (group == "governance.issues")
        return s.governance.issues.size();
    return 0;
}

QString elementTitle(const scenario::Scenario& s, const std::string& group, std::size_t i)
{
    if (group == "states" && i < s.states.size())
        return toQString(s.states[i].name);
    if (group == "governance.issues" && i < s.governance.issues.size())
        return toQString(s.governance.issues[i].name);
    if (group == "events" && i < s.events.size())
        return QStringLiteral("round %1").arg(s.events[i].round);
    return {};
}

QString elementKeyPath(const std::string& key, std::size_t index)
{
    QString path = toQString(key);
    return path.replace(QStringLiteral("[]"), QStringLiteral("[%1]").arg(index));
}
} // namespace

ParameterEditor::ParameterEditor(QWidget* parent)
    : QWidget(parent), m_tree(new QTreeWidget), m_filter(new QLineEdit), m_problemLabel(new QLabel)
{
    setObjectName(QStringLiteral("Parameters"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("parameter"), tr("value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setAlternatingRowColors(true);
    m_filter->setPlaceholderText(tr("filter parameters, e.g. trust or noise"));
    m_filter->setClearButtonEnabled(true);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #A33C00; font-weight: bold;"));
    m_problemLabel->setVisible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_problemLabel);
    connect(m_filter, &QLineEdit::textChanged, this, &ParameterEditor::applyFilter);
}

void ParameterEditor::setScenario(const scenario::Scenario& scenario)
{
    m_scenario = scenario;
    m_problems.clear();
    m_listInputProblems.clear();
    m_listProblems.clear();
    m_modified = false;
    rebuild();
    showProblems();
    emit problemsChanged(false);
}

void ParameterEditor::rebuild()
{
    m_loading = true;
    m_tree->clear();
    m_rows.clear();
    m_doctrineBoxes.clear();
    m_payoffs = nullptr;
    m_payoffSize = nullptr;
    m_payoffMemory.clear();
    QMap<QString, QTreeWidgetItem*> groups;
    QMap<QString, QTreeWidgetItem*> elements;
    for (const auto& info : scenario::parameters())
    {
        const QString group = toQString(info.group);
        QTreeWidgetItem*& groupItem = groups[group];
        if (!groupItem)
        {
            groupItem = new QTreeWidgetItem(
                m_tree,
                {group.isEmpty() ? tr("scenario")
                                 : QString(group).append(info.isElementKey() ? QStringLiteral("[]") : QString())});
            QFont bold = groupItem->font(0);
            bold.setBold(true);
            groupItem->setFont(0, bold);
            // A matrix game's point is its table, so its section opens with the run's.
            groupItem->setExpanded(
                group.isEmpty() || group == QLatin1String("run") ||
                (group == QLatin1String("game") && m_scenario.game.kind == scenario::GameKind::Matrix));
        }
        if (!info.isElementKey())
        {
            addRow(groupItem, info, 0, toQString(info.key));
            continue;
        }
        const std::size_t count = elementCount(m_scenario, info.group);
        for (std::size_t i = 0; i < std::min(count, kMaxElementsShown); ++i)
        {
            const QString elementKey = QStringLiteral("%1[%2]").arg(group).arg(i);
            QTreeWidgetItem*& elementItem = elements[elementKey];
            if (!elementItem)
            {
                const QString title = elementTitle(m_scenario, info.group, i);
                elementItem = new QTreeWidgetItem(
                    groupItem, {title.isEmpty() ? elementKey : elementKey + QStringLiteral("  ") + title});
            }
            addRow(elementItem, info, i, elementKeyPath(info.key, i));
        }
        if (count > kMaxElementsShown && !elements.contains(group + QStringLiteral("[more]")))
            elements[group + QStringLiteral("[more]")] = new QTreeWidgetItem(
                groupItem, {tr("… %1 more (edit them in the file)").arg(count - kMaxElementsShown)});
    }
    // List keys follow their table's scalars.
    for (const auto& info : scenario::listParameters())
        if (auto* groupItem = groups.value(toQString(info.group)))
            addListRow(groupItem, info);
    for (auto* groupItem : groups)
        if (groupItem->childCount() == 0)
            groupItem->setText(1, tr("(none)"));
    updateMatrixRows();
    m_loading = false;
}

void ParameterEditor::addRow(QTreeWidgetItem* parent, const scenario::ParameterInfo& info, std::size_t index,
                             const QString& keyPath)
{
    auto* item = new QTreeWidgetItem(parent, {toQString(info.field())});
    const QString tooltip = parameterTooltip(info);
    item->setToolTip(0, tooltip);
    const QString text = parameterText(info.get(m_scenario, index));
    QWidget* editor = nullptr;
    if (info.type == scenario::ValueType::Bool)
    {
        auto* box = new QCheckBox;
        box->setChecked(text == QLatin1String("true"));
        connect(box, &QCheckBox::toggled, this,
                [this, keyPath](bool on) { commit(keyPath, on ? QStringLiteral("true") : QStringLiteral("false")); });
        editor = box;
    }
    else if (info.key == "states[].doctrine")
    {
        // Editable, so a name the list lacks can still be typed (and is then checked on apply, as before).
        auto* combo = new QComboBox;
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
        combo->addItems(doctrineChoices());
        combo->setCurrentText(text);
        connect(combo, &QComboBox::currentTextChanged, this, [this, keyPath](const QString& t) { commit(keyPath, t); });
        m_doctrineBoxes.push_back(combo);
        editor = combo;
    }
    else if (info.type == scenario::ValueType::Choice)
    {
        auto* combo = new QComboBox;
        for (const auto& choice : info.choices)
            combo->addItem(toQString(choice));
        combo->setCurrentText(text);
        connect(combo, &QComboBox::currentTextChanged, this, [this, keyPath](const QString& t) { commit(keyPath, t); });
        editor = combo;
    }
    else
    {
        auto* line = new QLineEdit(text);
        connect(line, &QLineEdit::textEdited, this, [this, keyPath](const QString& t) { commit(keyPath, t); });
        editor = line;
    }
    editor->setToolTip(tooltip);
    editor->setAccessibleName(keyPath);
    m_tree->setItemWidget(item, 1, editor);
    m_rows.insert(keyPath, Row{&info, nullptr, index, item, editor});
}

void ParameterEditor::addListRow(QTreeWidgetItem* parent, const scenario::ListParameterInfo& info)
{
    const QString keyPath = toQString(info.key);
    auto* item = new QTreeWidgetItem(parent, {toQString(info.field())});
    const QString tooltip = listParameterTooltip(info);
    item->setToolTip(0, tooltip);
    QWidget* editor = nullptr;
    if (keyPath == kPayoffsKey)
    {
        // The table needs the panel's whole width, so it sits in a spanning row below its name.
        m_payoffSize = new QLabel;
        m_payoffSize->setToolTip(tooltip);
        m_tree->setItemWidget(item, 1, m_payoffSize);
        auto* tableItem = new QTreeWidgetItem(item);
        tableItem->setFirstColumnSpanned(true);
        m_payoffs = new QTableWidget;
        m_payoffs->setObjectName(kPayoffsKey);
        m_payoffs->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        m_payoffs->horizontalHeader()->setMinimumSectionSize(kPayoffColumnWidth);
        m_payoffs->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        m_payoffs->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_payoffs->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        QStringList cells;
        for (const auto& row : m_scenario.game.payoffs)
            for (const double value : row)
                cells.push_back(toQString(scenario::formatReal(value)));
        const auto columns =
            static_cast<qsizetype>(m_scenario.game.payoffs.empty() ? 0 : m_scenario.game.payoffs[0].size());
        fillPayoffTable(cells, columns);
        connect(m_payoffs, &QTableWidget::itemChanged, this,
                [this]
                {
                    rememberPayoffs(m_scenario.game.actions, true);
                    commitPayoffs();
                });
        m_tree->setItemWidget(tableItem, 0, m_payoffs);
        item->setExpanded(true);
        editor = m_payoffs;
    }
    else
    {
        auto* line = new QLineEdit(keyPath == QLatin1String("generate.doctrine_shares")
                                       ? listText(m_scenario.generate.doctrineShares)
                                       : listText(*textListOf(m_scenario, keyPath)));
        line->setPlaceholderText(toQString(info.defaultText));
        connect(line, &QLineEdit::textEdited, this, [this, keyPath](const QString& t) { commitList(keyPath, t); });
        editor = line;
        m_tree->setItemWidget(item, 1, editor);
    }
    editor->setToolTip(tooltip);
    editor->setAccessibleName(keyPath);
    m_rows.insert(keyPath, Row{nullptr, &info, 0, item, editor});
}

// Shows `cells` (row-major, `columns` per row; missing cells empty) in an m x m table, m = the number of acts.
void ParameterEditor::fillPayoffTable(const QStringList& cells, qsizetype columns)
{
    if (!m_payoffs)
        return;
    const QSignalBlocker block(m_payoffs);
    const auto& acts = m_scenario.game.actions;
    const int m = static_cast<int>(acts.size());
    m_payoffs->clear();
    m_payoffs->setRowCount(m);
    m_payoffs->setColumnCount(m);
    QStringList titles;
    for (int k = 0; k < m; ++k)
        titles.push_back(actTitle(acts, static_cast<std::size_t>(k)));
    m_payoffs->setHorizontalHeaderLabels(titles);
    m_payoffs->setVerticalHeaderLabels(titles);
    for (int r = 0; r < m; ++r)
        for (int c = 0; c < m; ++c)
        {
            const qsizetype at = static_cast<qsizetype>(r) * columns + c;
            auto* cell = new QTableWidgetItem(c < columns && at < cells.size() ? cells[at] : QString());
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_payoffs->setItem(r, c, cell);
        }
    const int height = m_payoffs->horizontalHeader()->sizeHint().height() +
                       m * m_payoffs->verticalHeader()->defaultSectionSize() + 2 * m_payoffs->frameWidth() +
                       m_payoffs->horizontalScrollBar()->sizeHint().height();
    m_payoffs->setFixedHeight(height);
    if (m_payoffSize)
        m_payoffSize->setText(tr("%1 × %1, row = own act").arg(m));
    m_tree->doItemsLayout();
}

// Records the table's cells under the acts' names (`acts`), so an act that is removed and comes back, or the acts
// typed again, get their own values back. Empty cells are recorded only when `withEmpty` (the user cleared them).
void ParameterEditor::rememberPayoffs(const std::vector<std::string>& acts, bool withEmpty)
{
    const int m = std::min(m_payoffs ? m_payoffs->rowCount() : 0, static_cast<int>(acts.size()));
    for (int r = 0; r < m; ++r)
        for (int c = 0; c < m; ++c)
            if (const auto* cell = m_payoffs->item(r, c); cell && (withEmpty || !cell->text().trimmed().isEmpty()))
                m_payoffMemory.insert(
                    {toQString(acts[static_cast<std::size_t>(r)]), toQString(acts[static_cast<std::size_t>(c)])},
                    cell->text());
}

// After game.actions changed. With as many acts as before, the acts were renamed and every value stays in place;
// otherwise (and in empty cells) each cell shows the value remembered for its pair of act names, so an added act gets
// an empty row and column, a removed act takes its own with it, and acts typed again get their values back.
void ParameterEditor::followActions(const std::vector<std::string>& before)
{
    if (!m_payoffs)
        return;
    rememberPayoffs(before, false);
    const auto& acts = m_scenario.game.actions;
    const bool renamed = static_cast<int>(acts.size()) == m_payoffs->rowCount();
    QStringList cells;
    for (std::size_t r = 0; r < acts.size(); ++r)
        for (std::size_t c = 0; c < acts.size(); ++c)
        {
            const auto* cell = renamed ? m_payoffs->item(static_cast<int>(r), static_cast<int>(c)) : nullptr;
            const QString kept = cell ? cell->text() : QString();
            cells.push_back(!kept.trimmed().isEmpty() ? kept
                                                      : m_payoffMemory.value({toQString(acts[r]), toQString(acts[c])}));
        }
    fillPayoffTable(cells, static_cast<qsizetype>(acts.size()));
}

// game.actions, game.payoffs and game.cooperative_actions mean something only in a matrix game (the writer leaves
// them out otherwise); pure:<act> doctrines likewise.
void ParameterEditor::updateMatrixRows()
{
    const bool matrix = m_scenario.game.kind == scenario::GameKind::Matrix;
    for (const auto& row : m_rows)
    {
        // R, S, T and P of a matrix game come from its table (the writer leaves them out), so they are shown only.
        const bool derived = row.info && (row.info->key == "game.reward" || row.info->key == "game.sucker" ||
                                          row.info->key == "game.temptation" || row.info->key == "game.punishment");
        if (derived || (row.list && row.list->group == "game"))
        {
            const bool enabled = derived ? !matrix : matrix;
            row.editor->setEnabled(enabled);
            row.item->setDisabled(!enabled);
        }
    }
    if (m_payoffSize)
        m_payoffSize->setEnabled(matrix);
    const QStringList choices = doctrineChoices();
    for (auto* box : m_doctrineBoxes)
    {
        const QSignalBlocker block(box);
        const QString text = box->currentText();
        box->clear();
        box->addItems(choices);
        box->setCurrentText(text);
    }
}

QStringList ParameterEditor::doctrineChoices() const
{
    QStringList choices;
    if (m_scenario.game.kind == scenario::GameKind::Matrix)
        for (const auto& act : m_scenario.game.actions)
            if (!act.empty())
                choices.push_back(QStringLiteral("pure:") + toQString(act));
    for (const auto* doctrine : agents::builtinCatalogue().doctrines())
        choices.push_back(toQString(doctrine->name));
    return choices;
}

void ParameterEditor::commitList(const QString& keyPath, const QString& text)
{
    if (m_loading)
        return;
    const bool hadProblems = hasProblems();
    const QStringList entries = splitListText(text);
    QString problem;
    if (keyPath == QLatin1String("generate.doctrine_shares"))
    {
        auto parsed = parseRealList(entries, keyPath);
        problem = parsed.problem;
        if (problem.isEmpty())
            m_scenario.generate.doctrineShares = std::move(parsed.values);
    }
    else if (auto* list = textListOf(m_scenario, keyPath))
    {
        const std::vector<std::string> before = *list;
        list->clear();
        for (const QString& entry : entries)
            list->push_back(toStdString(entry));
        if (keyPath == kActionsKey)
        {
            followActions(before);
            (void)readPayoffs(); // the table's new shape into the scenario, before the check below
            updateMatrixRows();
        }
    }
    if (problem.isEmpty())
        m_listInputProblems.remove(keyPath);
    else
        m_listInputProblems.insert(keyPath, problem);
    finishListEdit(problem.isEmpty(), hadProblems);
}

// Reads the table into game.payoffs: each row holds its filled cells, so a missing value is reported by the loader
// ("game.payoffs[0] has 3 values, expected 4"); a cell that is not a number keeps the last good table.
// @return true when every filled cell is a number.
bool ParameterEditor::readPayoffs()
{
    if (!m_payoffs)
        return true;
    std::vector<std::vector<double>> rows;
    QString problem;
    for (int r = 0; r < m_payoffs->rowCount() && problem.isEmpty(); ++r)
    {
        auto& row = rows.emplace_back();
        for (int c = 0; c < m_payoffs->columnCount() && problem.isEmpty(); ++c)
        {
            const auto* cell = m_payoffs->item(r, c);
            const QString text = cell ? cell->text().trimmed() : QString();
            if (text.isEmpty())
                continue;
            bool ok = false;
            const double value = text.toDouble(&ok);
            if (ok)
                row.push_back(value);
            else
                problem =
                    QStringLiteral("%1[%2][%3] is '%4', expected a number").arg(kPayoffsKey).arg(r).arg(c).arg(text);
        }
    }
    if (!problem.isEmpty())
    {
        m_listInputProblems.insert(kPayoffsKey, problem);
        return false;
    }
    m_scenario.game.payoffs = std::move(rows);
    m_listInputProblems.remove(kPayoffsKey);
    return true;
}

void ParameterEditor::commitPayoffs()
{
    if (m_loading)
        return;
    const bool hadProblems = hasProblems();
    finishListEdit(readPayoffs(), hadProblems);
}

void ParameterEditor::finishListEdit(bool accepted, bool hadProblems)
{
    checkLists();
    markListRows();
    showProblems();
    if (accepted)
    {
        m_modified = true;
        emit edited();
    }
    if (hadProblems != hasProblems() || hasProblems())
        emit problemsChanged(hasProblems());
}

// The loader's own checks (the ones `cybersim run` makes) on the edited scenario; only its findings about list keys
// are kept here, since scalar keys are checked as they are typed and everything else again on apply.
void ParameterEditor::checkLists()
{
    m_listProblems.clear();
    try
    {
        (void)scenario::validateScenario(m_scenario, agents::builtinCatalogue());
    }
    catch (const ScenarioError& error)
    {
        for (const auto& d : error.diagnostics())
        {
            const QString path = toQString(d.keyPath);
            // A key whose field holds a bad entry shows that; the loader only sees the last good value.
            const QString key = listKeyOf(path);
            if (key.isEmpty() || m_listInputProblems.contains(key))
                continue;
            QString& text = m_listProblems[path];
            text +=
                (text.isEmpty() ? QString() : QStringLiteral("; ")) + path + QLatin1Char(' ') + toQString(d.message);
        }
    }
    catch (const std::exception&)
    {
        // Not about a list key; apply() reports it with the rest.
    }
}

void ParameterEditor::markListRows()
{
    for (const auto& row : m_rows)
    {
        if (!row.list)
            continue;
        const QString problem = problemFor(toQString(row.list->key));
        const bool table = row.editor == m_payoffs;
        row.editor->setStyleSheet(problem.isEmpty() ? QString() : table ? kTableProblemStyle : kProblemStyle);
        const QString tooltip = listParameterTooltip(*row.list);
        row.editor->setToolTip(problem.isEmpty()
                                   ? tooltip
                                   : problem.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")) +
                                         QStringLiteral("<hr>") + tooltip);
        row.item->setForeground(0, problem.isEmpty() ? palette().text() : QBrush(QColor(0xA3, 0x3C, 0x00)));
    }
}

QString ParameterEditor::problemFor(const QString& keyPath) const
{
    if (const QString own = m_problems.value(keyPath); !own.isEmpty())
        return own;
    QStringList found;
    for (const auto* map : {&m_listInputProblems, &m_listProblems})
        for (auto it = map->cbegin(); it != map->cend(); ++it)
            if (isAbout(it.key(), keyPath))
                found.push_back(it.value());
    return found.join(QLatin1Char('\n'));
}

QMap<QString, QString> ParameterEditor::allProblems() const
{
    QMap<QString, QString> all = m_problems;
    for (auto it = m_listInputProblems.cbegin(); it != m_listInputProblems.cend(); ++it)
        all.insert(it.key(), it.value());
    for (auto it = m_listProblems.cbegin(); it != m_listProblems.cend(); ++it)
        all.insert(it.key() + QStringLiteral(" "), it.value()); // beside, never over, an input problem of the same key
    return all;
}

QWidget* ParameterEditor::editorFor(const QString& keyPath) const
{
    const auto it = m_rows.constFind(keyPath);
    return it == m_rows.constEnd() ? nullptr : it->editor;
}

bool ParameterEditor::setValueText(const QString& keyPath, const QString& text)
{
    const auto it = m_rows.constFind(keyPath);
    if (it == m_rows.constEnd())
        return false;
    if (it->editor == m_payoffs)
    {
        // Rows separated by ';', values by ','; the table keeps its m x m shape.
        const QStringList rows = text.split(QLatin1Char(';'));
        {
            const QSignalBlocker block(m_payoffs);
            for (int r = 0; r < m_payoffs->rowCount(); ++r)
            {
                const QStringList values = r < rows.size() ? rows[r].split(QLatin1Char(',')) : QStringList();
                for (int c = 0; c < m_payoffs->columnCount(); ++c)
                    m_payoffs->item(r, c)->setText(c < values.size() ? values[c].trimmed() : QString());
            }
        }
        rememberPayoffs(m_scenario.game.actions, true);
        commitPayoffs();
    }
    else if (auto* line = qobject_cast<QLineEdit*>(it->editor))
    {
        line->setText(text);
        // setText does not emit textEdited
        if (it->list)
            commitList(keyPath, text);
        else
            commit(keyPath, text);
    }
    else if (auto* box = qobject_cast<QCheckBox*>(it->editor))
        box->setChecked(text == QLatin1String("true"));
    else if (auto* combo = qobject_cast<QComboBox*>(it->editor))
        combo->setCurrentText(text);
    return true;
}

QString ParameterEditor::valueText(const QString& keyPath) const
{
    const auto it = m_rows.constFind(keyPath);
    if (it == m_rows.constEnd())
        return {};
    if (it->editor == m_payoffs)
    {
        QStringList rows;
        for (int r = 0; r < m_payoffs->rowCount(); ++r)
        {
            QStringList values;
            for (int c = 0; c < m_payoffs->columnCount(); ++c)
                values.push_back(m_payoffs->item(r, c) ? m_payoffs->item(r, c)->text() : QString());
            rows.push_back(values.join(QStringLiteral(", ")));
        }
        return rows.join(QStringLiteral("; "));
    }
    if (auto* line = qobject_cast<QLineEdit*>(it->editor))
        return line->text();
    if (auto* box = qobject_cast<QCheckBox*>(it->editor))
        return box->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    if (auto* combo = qobject_cast<QComboBox*>(it->editor))
        return combo->currentText();
    return {};
}

void ParameterEditor::commit(const QString& keyPath, const QString& text)
{
    if (m_loading)
        return;
    const auto it = m_rows.constFind(keyPath);
    if (it == m_rows.constEnd() || !it->info)
        return;
    const bool hadProblems = hasProblems();
    auto parsed = parseParameterText(*it->info, text, keyPath);
    if (parsed.value)
    {
        try
        {
            it->info->set(m_scenario, *parsed.value, it->index);
        }
        catch (const std::exception& error)
        {
            parsed.problem = toQString(error.what());
        }
    }
    if (parsed.problem.isEmpty())
        m_problems.remove(keyPath);
    else
        m_problems.insert(keyPath, parsed.problem);
    it->editor->setStyleSheet(parsed.problem.isEmpty() ? QString() : kProblemStyle);
    it->editor->setToolTip(parsed.problem.isEmpty()
                               ? parameterTooltip(*it->info)
                               : parsed.problem.toHtmlEscaped() + QStringLiteral("<hr>") + parameterTooltip(*it->info));
    it->item->setForeground(0, parsed.problem.isEmpty() ? palette().text() : QBrush(QColor(0xA3, 0x3C, 0x00)));
    if (parsed.problem.isEmpty() && (it->info->group == "game" || it->info->group == "generate"))
    {
        // The list keys depend on these (a matrix game needs its table; pure:<act> needs a matrix game).
        if (it->info->key == "game.kind")
            updateMatrixRows();
        checkLists();
        markListRows();
    }
    showProblems();
    if (parsed.problem.isEmpty())
    {
        m_modified = true;
        emit edited();
    }
    if (hadProblems != hasProblems() || !parsed.problem.isEmpty())
        emit problemsChanged(hasProblems());
}

void ParameterEditor::showProblems()
{
    m_problemLabel->setVisible(hasProblems());
    m_problemLabel->setText(problems().join(QLatin1Char('\n')));
}

void ParameterEditor::applyFilter(const QString& text)
{
    const QString needle = text.trimmed();
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
    {
        const bool show = needle.isEmpty() || it.key().contains(needle, Qt::CaseInsensitive);
        it->item->setHidden(!show);
        if (show && !needle.isEmpty())
            for (auto* p = it->item->parent(); p; p = p->parent())
                p->setExpanded(true);
    }
}

} // namespace cybersim::gui
