// SPDX-License-Identifier: MIT
// The network view with its colouring choice and legend.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace cybersim::gui
{

class NetworkView;
class RunHistory;
class StateSelection;

/// NetworkView plus a "colour by doctrine / bloc" switch and a legend of colours and the trust scale.
class NetworkPanel : public QWidget
{
    Q_OBJECT
public:
    NetworkPanel(const RunHistory& history, StateSelection& selection, QWidget* parent = nullptr);

    [[nodiscard]] NetworkView* view() const noexcept { return m_view; }

private:
    void showLegend(const QVector<QPair<QString, QColor>>& entries);

    NetworkView* m_view = nullptr;
    QComboBox* m_colourBy = nullptr;
    QLabel* m_legend = nullptr;
};

} // namespace cybersim::gui
