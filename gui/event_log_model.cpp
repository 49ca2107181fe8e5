// SPDX-License-Identifier: MIT
// The events of a run as a table model (round, kind, text), appended a batch at a time.
#include "event_log_model.hpp"

namespace cybersim::gui
{

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 3;
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const auto& r = m_rows[index.row()];
    if (role == Qt::DisplayRole)
        switch (index.column())
        {
        case 0:
            return r.round;
        case 1:
            return r.kind;
        default:
            return r.detail;
        }
    if (role == Qt::TextAlignmentRole && index.column() == 0)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole)
        return tr("Click to mark round %1 on the charts").arg(r.round);
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section)
    {
    case 0:
        return tr("round");
    case 1:
        return tr("event");
    default:
        return tr("what happened");
    }
}

void EventLogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void EventLogModel::append(QVector<EventRow> rows)
{
    if (rows.isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
    m_rows.append(std::move(rows));
    endInsertRows();
}

} // namespace cybersim::gui
