// SPDX-License-Identifier: MIT
// World metrics per round as a table: one row per round, one column per metric (the CLI's timeseries.csv columns).
#pragma once

#include <QAbstractTableModel>

#include <string>
#include <vector>

namespace cybersim::gui
{

class RunHistory;

/// A read-only view of RunHistory's world metrics; the Data tab shows it and the charts read the same columns.
class MetricsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit MetricsTableModel(const RunHistory& history, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// The column of metric `name` (a worldMetricNames() entry), or -1.
    [[nodiscard]] int column(const std::string& name) const;
    /// The value at (round, column) as a double.
    [[nodiscard]] double value(int round, int column) const;

private:
    void resetAll();
    void appendRows(int first);

    const RunHistory& m_history;
    const std::vector<std::string>& m_names;
    int m_rows = 0;
};

} // namespace cybersim::gui
