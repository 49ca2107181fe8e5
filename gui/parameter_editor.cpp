// SPDX-License-Identifier: MIT
// Edits every scenario parameter, generically from the schema, grouped by table, checked as you type.
#include "parameter_editor.hpp"

#include "adapters/parameter_text.hpp"
#include "adapters/qt_text.hpp"
#include "cybersim/sim/scenario_schema.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <exception>

namespace cybersim::gui
{

namespace
{
// Array tables with more elements than this show only the first ones; the rest are edited in the file.
constexpr std::size_t kMaxElementsShown = 60;
const QString kProblemStyle = QStringLiteral("background-color: #FDE0C5; border: 2px solid #D55E00;");

// Elements of the array table that `group` ("states", "events"...) names.
std::size_t elementCount(const sim::Scenario& s, const std::string& group)
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

QString elementTitle(const sim::Scenario& s, const std::string& group, std::size_t i)
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

void ParameterEditor::setScenario(const sim::Scenario& scenario)
{
    m_scenario = scenario;
    m_problems.clear();
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
    QMap<QString, QTreeWidgetItem*> groups;
    QMap<QString, QTreeWidgetItem*> elements;
    for (const auto& info : sim::parameters())
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
            groupItem->setExpanded(group.isEmpty() || group == QLatin1String("run"));
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
    for (auto* groupItem : groups)
        if (groupItem->childCount() == 0)
            groupItem->setText(1, tr("(none)"));
    m_loading = false;
}

void ParameterEditor::addRow(QTreeWidgetItem* parent, const sim::ParameterInfo& info, std::size_t index,
                             const QString& keyPath)
{
    auto* item = new QTreeWidgetItem(parent, {toQString(info.field())});
    const QString tooltip = parameterTooltip(info);
    item->setToolTip(0, tooltip);
    const QString text = parameterText(info.get(m_scenario, index));
    QWidget* editor = nullptr;
    if (info.type == sim::ValueType::Bool)
    {
        auto* box = new QCheckBox;
        box->setChecked(text == QLatin1String("true"));
        connect(box, &QCheckBox::toggled, this,
                [this, keyPath](bool on) { commit(keyPath, on ? QStringLiteral("true") : QStringLiteral("false")); });
        editor = box;
    }
    else if (info.type == sim::ValueType::Choice)
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
    m_rows.insert(keyPath, Row{&info, index, item, editor});
}

bool ParameterEditor::setValueText(const QString& keyPath, const QString& text)
{
    const auto it = m_rows.constFind(keyPath);
    if (it == m_rows.constEnd())
        return false;
    if (auto* line = qobject_cast<QLineEdit*>(it->editor))
    {
        line->setText(text);
        commit(keyPath, text); // setText does not emit textEdited
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
    if (it == m_rows.constEnd())
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
