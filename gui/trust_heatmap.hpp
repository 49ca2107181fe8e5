// SPDX-License-Identifier: MIT
// The trust matrix heatmap: row = the state that trusts, column = the state trusted.
#pragma once

#include <QImage>
#include <QWidget>

#include <vector>

class QTimer;

namespace cybersim::gui
{

class RunHistory;
class StateSelection;

/// Paints the latest trust matrix; hover shows "A trusts B: 0.62", click selects the row's state.
class TrustHeatmap : public QWidget
{
    Q_OBJECT
public:
    TrustHeatmap(const RunHistory& history, StateSelection& selection, QWidget* parent = nullptr);

    /// Redraws now if anything changed.
    void refreshNow();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    [[nodiscard]] QRectF matrixRect() const;
    [[nodiscard]] QPoint cellAt(const QPointF& position) const; // (column, row), or (-1, -1)

    const RunHistory& m_history;
    StateSelection& m_selection;
    QTimer* m_timer = nullptr;
    std::vector<double> m_matrix;
    QImage m_image;
    int m_stateCount = 0; // states drawn; 0 when the world is too large for a matrix
    bool m_tooLarge = false;
    bool m_dirty = false;
};

} // namespace cybersim::gui
