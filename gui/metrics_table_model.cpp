// SPDX-License-Identifier: MIT
// World metrics per round as a table: one row per round, one column per metric (the CLI's timeseries.csv columns).
#include "metrics_table_model.hpp"

#include "adapters/qt_text.hpp"
#include "cybersim/records/run_record.hpp"
#include "run_history.hpp"

#include <algorithm>

namespace cybersim::gui
{

MetricsTableModel::MetricsTableModel(const RunHistory& history, QObject* parent)
    : QAbstractTableModel(parent), m_history(history), m_names(records::worldMetricNames())
{
    connect(&history, &RunHistory::worldChanged, this, &MetricsTableModel::resetAll);
    connect(&history, &RunHistory::roundsAppended, this, &MetricsTableModel::appendRows);
}

int MetricsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int MetricsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_names.size());
}

QVariant MetricsTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    const double v = value(index.row(), index.column());
    return role == Qt::DisplayRole ? QVariant(QString::number(v, 'g', 6)) : QVariant(v);
}

QVariant MetricsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section;
    return section >= 0 && section < columnCount() ? toQString(m_names[static_cast<std::size_t>(section)]) : QVariant();
}

int MetricsTableModel::column(const std::string& name) const
{
    const auto it = std::find(m_names.begin(), m_names.end(), name);
    return it == m_names.end() ? -1 : static_cast<int>(it - m_names.begin());
}

double MetricsTableModel::value(int round, int column) const
{
    if (round < 0 || round >= m_rows || column < 0 || column >= columnCount())
        return 0.0;
    return records::worldMetricValue(m_history.round(round).world, m_names[static_cast<std::size_t>(column)]);
}

void MetricsTableModel::resetAll()
{
    beginResetModel();
    m_rows = m_history.roundCount();
    endResetModel();
}

void MetricsTableModel::appendRows(int first)
{
    const int last = m_history.roundCount() - 1;
    if (last < first || first != m_rows)
    {
        resetAll();
        return;
    }
    beginInsertRows({}, first, last);
    m_rows = last + 1;
    endInsertRows();
}

} // namespace cybersim::gui
