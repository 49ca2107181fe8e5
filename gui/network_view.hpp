// SPDX-License-Identifier: MIT
// The relations network: states as nodes (size = capability, colour = doctrine or bloc), edges coloured by trust.
#pragma once

#include <QGraphicsView>
#include <QVector>

class QGraphicsEllipseItem;
class QGraphicsLineItem;
class QGraphicsPixmapItem;
class QGraphicsSimpleTextItem;
class QTimer;

namespace cybersim::gui
{

class RunHistory;
class StateSelection;

/// Draws RunHistory's world at its latest round. The layout is computed once per world (sim::layoutNetwork), so
/// nodes never move while the run goes on. Click a node to select the state everywhere; hover for its figures.
class NetworkView : public QGraphicsView
{
    Q_OBJECT
public:
    enum class ColourBy
    {
        Doctrine,
        Bloc
    };

    NetworkView(const RunHistory& history, StateSelection& selection, QWidget* parent = nullptr);

    void setColourBy(ColourBy mode);
    [[nodiscard]] ColourBy colourBy() const noexcept { return m_colourBy; }
    /// Nodes drawn (one per state of the world; none for worlds too big to draw).
    [[nodiscard]] int nodeCount() const noexcept { return static_cast<int>(m_nodes.size()); }
    /// Edges drawn (one per relation; none for very dense worlds).
    [[nodiscard]] int edgeCount() const noexcept { return static_cast<int>(m_edges.size()); }
    /// The scene position of a state's node, for tests.
    [[nodiscard]] QPointF nodeCentre(int state) const;
    /// The text the hover tooltip shows for `state`.
    [[nodiscard]] QString stateSummary(int state) const;
    /// Redraws now if anything changed.
    void refreshNow();

signals:
    /// The legend changed: (label, colour) pairs for the current colouring.
    void legendChanged(const QVector<QPair<QString, QColor>>& entries);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void rebuild();
    void refreshIfDirty();
    void updateSelection();
    void refreshPicture();
    void emitLegend();
    [[nodiscard]] int stateAt(const QPoint& viewPosition) const;
    [[nodiscard]] int colourIndex(int state) const;

    const RunHistory& m_history;
    StateSelection& m_selection;
    QTimer* m_timer = nullptr;
    QVector<QGraphicsEllipseItem*> m_nodes;
    QVector<QGraphicsLineItem*> m_edges;
    QVector<QGraphicsSimpleTextItem*> m_labels;
    QGraphicsPixmapItem* m_picture = nullptr; // big worlds: one pixel per state instead of nodes and edges
    int m_gridWidth = 0;                      // pixels per row of m_picture
    ColourBy m_colourBy = ColourBy::Doctrine;
    double m_maxArms = 1.0;
    bool m_dirty = false;
};

} // namespace cybersim::gui
