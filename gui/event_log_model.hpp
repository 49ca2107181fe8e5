// SPDX-License-Identifier: MIT
// The events of a run as a table model (round, kind, text), appended a batch at a time.
#pragma once

#include <QAbstractTableModel>
#include <QVector>

namespace cybersim::gui
{

/// One event row: where it happened and what it says.
struct EventRow
{
    int round = 0;
    int actor = -1; // state index, -1 when none
    QString kind;
    QString detail;
};

/// Rows of the event log; one beginInsertRows() per batch keeps long runs cheap.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    [[nodiscard]] const EventRow& row(int index) const { return m_rows[index]; }
    void clear();
    void append(QVector<EventRow> rows);

private:
    QVector<EventRow> m_rows;
};

} // namespace cybersim::gui
