// SPDX-License-Identifier: MIT
// The problems list: every diagnostic of a failed load, with file, line, key and message.
#include "diagnostics_list.hpp"

#include <QHeaderView>

namespace cybersim::gui
{

DiagnosticsList::DiagnosticsList(QWidget* parent) : QTableWidget(0, 4, parent)
{
    setObjectName(QStringLiteral("Problems"));
    setHorizontalHeaderLabels({tr("file"), tr("line"), tr("key"), tr("message")});
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->setVisible(false);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setWordWrap(true);
}

void DiagnosticsList::showDiagnostics(const QVector<DiagnosticRow>& rows)
{
    setRowCount(0);
    m_formatted.clear();
    for (const auto& d : rows)
    {
        const int row = rowCount();
        insertRow(row);
        setItem(row, 0, new QTableWidgetItem(d.file));
        setItem(row, 1, new QTableWidgetItem(d.line > 0 ? QString::number(d.line) : QString()));
        setItem(row, 2, new QTableWidgetItem(d.key));
        auto* message = new QTableWidgetItem(d.message);
        message->setToolTip(d.formatted);
        setItem(row, 3, message);
        m_formatted << d.formatted;
    }
}

} // namespace cybersim::gui
