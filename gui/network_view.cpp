// SPDX-License-Identifier: MIT
// The relations network: states as nodes (size = capability, colour = doctrine or bloc), edges coloured by trust.
#include "network_view.hpp"

#include "adapters/palette.hpp"
#include "run_history.hpp"
#include "state_selection.hpp"

#include <QGraphicsEllipseItem>
#include <QGraphicsLineItem>
#include <QGraphicsPixmapItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace cybersim::gui
{

namespace
{
constexpr double kSceneSize = 1000.0;  // the [0,1]^2 layout is drawn on a 1000 x 1000 scene
constexpr int kStateKey = 0;           // QGraphicsItem::data key holding a node's state index
constexpr int kMaxLabelledStates = 40; // above this the names would overlap; hover shows them
constexpr int kRefreshMilliseconds = 100;
// Above these sizes a scene of items gets slow to build and paint and shows nothing readable: the view says so instead.
constexpr int kMaxDrawnStates = 3000;
constexpr int kMaxDrawnRelations = 30000;

double nodeRadius(double arms, double maxArms, int stateCount)
{
    const double base = stateCount > 60 ? 5.0 : 10.0;
    const double extra = stateCount > 60 ? 12.0 : 26.0;
    return base + extra * std::sqrt(std::max(0.0, arms) / std::max(maxArms, 1e-9));
}
} // namespace

NetworkView::NetworkView(const RunHistory& history, StateSelection& selection, QWidget* parent)
    : QGraphicsView(parent), m_history(history), m_selection(selection), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("Network"));
    setScene(new QGraphicsScene(this));
    // Margins leave room for the node labels drawn right of the outermost nodes.
    scene()->setSceneRect(-60, -60, kSceneSize + 200, kSceneSize + 120);
    setRenderHint(QPainter::Antialiasing);
    setBackgroundBrush(Qt::white);
    setMinimumSize(300, 300);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setMouseTracking(true);
    connect(&history, &RunHistory::worldChanged, this, &NetworkView::rebuild);
    connect(&history, &RunHistory::roundsAppended, this, [this] { m_dirty = true; });
    connect(&selection, &StateSelection::selectionChanged, this, &NetworkView::updateSelection);
    m_timer->setInterval(kRefreshMilliseconds);
    connect(m_timer, &QTimer::timeout, this, &NetworkView::refreshIfDirty);
    m_timer->start();
}

void NetworkView::setColourBy(ColourBy mode)
{
    m_colourBy = mode;
    m_dirty = true;
    refreshNow();
}

QPointF NetworkView::nodeCentre(int state) const
{
    const auto* world = m_history.world();
    return world && state >= 0 && state < world->layout.size() ? world->layout[state] * kSceneSize : QPointF();
}

int NetworkView::colourIndex(int state) const
{
    if (m_colourBy == ColourBy::Bloc)
        return m_history.world() ? m_history.world()->stateBloc.value(state, -1) : -1;
    const auto* latest = m_history.latest();
    return latest && static_cast<std::size_t>(state) < latest->states.size()
               ? latest->states[static_cast<std::size_t>(state)].doctrine
               : -1;
}

void NetworkView::rebuild()
{
    scene()->clear();
    m_picture = nullptr;
    m_gridWidth = 0;
    m_nodes.clear();
    m_edges.clear();
    m_labels.clear();
    const auto* world = m_history.world();
    if (!world)
        return;
    const int n = static_cast<int>(world->stateNames.size());
    if (n > kMaxDrawnStates)
    {
        // One pixel per state, in the grid order sim::layoutNetwork uses for big worlds (a lattice shows as itself,
        // e.g. the Nowak-May patterns of cooperators and defectors).
        m_gridWidth = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n))));
        m_picture = scene()->addPixmap(QPixmap());
        m_picture->setTransformationMode(Qt::FastTransformation);
        m_picture->setScale(kSceneSize / m_gridWidth);
        m_picture->setZValue(1);
        QFont caption = font();
        caption.setPointSizeF(caption.pointSizeF() * 2.0);
        scene()
            ->addSimpleText(tr("%1 states, one pixel each (too many to draw as a network)").arg(n), caption)
            ->setPos(0, kSceneSize + 10);
        m_dirty = true;
        refreshNow();
        fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
        return;
    }
    if (world->relations.size() <= kMaxDrawnRelations)
        for (const auto& [a, b] : world->relations)
        {
            auto* line = scene()->addLine(QLineF(nodeCentre(a), nodeCentre(b)));
            line->setZValue(0);
            m_edges << line;
        }
    QFont labelFont = font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 2.2);
    for (int i = 0; i < n; ++i)
    {
        auto* node = scene()->addEllipse(QRectF(-1, -1, 2, 2));
        node->setPos(nodeCentre(i));
        node->setZValue(2);
        node->setData(kStateKey, i);
        m_nodes << node;
        if (n <= kMaxLabelledStates)
        {
            auto* label = scene()->addSimpleText(world->stateNames[i], labelFont);
            label->setZValue(3);
            m_labels << label;
        }
    }
    m_maxArms = 1.0;
    m_dirty = true;
    refreshNow();
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
}

void NetworkView::refreshIfDirty()
{
    if (m_dirty)
        refreshNow();
}

void NetworkView::refreshNow()
{
    m_dirty = false;
    const auto* world = m_history.world();
    const auto* latest = m_history.latest();
    if (!world || !latest)
        return;
    if (m_picture)
    {
        refreshPicture();
        return;
    }
    const int n = static_cast<int>(m_nodes.size());
    double maxArms = 0.0;
    for (const auto& s : latest->states)
        maxArms = std::max(maxArms, s.arms);
    // The scale only grows during a run, so a node's size tracks its own capability and does not pulse.
    m_maxArms = std::max(m_maxArms, maxArms);
    for (int i = 0; i < n && static_cast<std::size_t>(i) < latest->states.size(); ++i)
    {
        const double r = nodeRadius(latest->states[static_cast<std::size_t>(i)].arms, m_maxArms, n);
        m_nodes[i]->setRect(QRectF(-r, -r, 2 * r, 2 * r));
        m_nodes[i]->setBrush(categoryColour(colourIndex(i)));
        if (i < m_labels.size())
            m_labels[i]->setPos(nodeCentre(i) + QPointF(r + 2, -r - 4));
    }
    const auto& relations = m_history.relations();
    for (int e = 0; e < m_edges.size(); ++e)
    {
        double mutual = 0.5;
        if (static_cast<std::size_t>(e) < relations.trustAB.size())
            mutual =
                0.5 * (relations.trustAB[static_cast<std::size_t>(e)] + relations.trustBA[static_cast<std::size_t>(e)]);
        QPen pen(trustColour(mutual));
        pen.setWidthF((n > 60 ? 0.6 : 1.0) + (n > 60 ? 3.0 : 7.0) * mutual * world->relationWeight.value(e, 1.0));
        m_edges[e]->setPen(pen);
    }
    updateSelection();
    emitLegend();
}

void NetworkView::refreshPicture()
{
    const auto* latest = m_history.latest();
    const int n = static_cast<int>(latest->states.size());
    QImage image(m_gridWidth, m_gridWidth, QImage::Format_RGB32);
    image.fill(Qt::white);
    for (int i = 0; i < n; ++i)
        image.setPixel(i % m_gridWidth, i / m_gridWidth, categoryColour(colourIndex(i)).rgb());
    if (const int s = m_selection.selected(); s >= 0 && s < n)
        image.setPixel(s % m_gridWidth, s / m_gridWidth, qRgb(0, 0, 0));
    m_picture->setPixmap(QPixmap::fromImage(image));
    emitLegend();
}

void NetworkView::emitLegend()
{
    const auto* world = m_history.world();
    QVector<QPair<QString, QColor>> legend;
    const QStringList& names = m_colourBy == ColourBy::Bloc ? world->blocNames : world->doctrineNames;
    for (int i = 0; i < names.size(); ++i)
        legend.append({names[i], categoryColour(i)});
    if (m_colourBy == ColourBy::Bloc && world->stateBloc.contains(-1))
        legend.append({tr("no bloc"), categoryColour(-1)});
    emit legendChanged(legend);
}

void NetworkView::updateSelection()
{
    if (m_picture)
    {
        m_dirty = true;
        return;
    }
    const int selected = m_selection.selected();
    for (int i = 0; i < m_nodes.size(); ++i)
    {
        QPen pen(i == selected ? QColor(Qt::black) : QColor(0x40, 0x40, 0x40));
        pen.setWidthF(i == selected ? 5.0 : 1.0);
        m_nodes[i]->setPen(pen);
        m_nodes[i]->setZValue(i == selected ? 2.5 : 2.0);
    }
}

QString NetworkView::stateSummary(int state) const
{
    const auto* world = m_history.world();
    const auto* latest = m_history.latest();
    if (!world || !latest || state < 0 || static_cast<std::size_t>(state) >= latest->states.size())
        return {};
    const auto& s = latest->states[static_cast<std::size_t>(state)];
    const int bloc = world->stateBloc.value(state, -1);
    return tr("<b>%1</b><br>doctrine: %2<br>bloc: %3<br>capability K: %4<br>defence D: %5<br>"
              "trust given: %6 · received: %7<br>legitimacy: %8<br>payoff this round: %9")
        .arg(world->stateNames.value(state).toHtmlEscaped(), world->doctrineNames.value(s.doctrine),
             bloc >= 0 ? world->blocNames.value(bloc) : tr("none"))
        .arg(s.arms, 0, 'f', 2)
        .arg(s.defence, 0, 'f', 2)
        .arg(s.trustGiven, 0, 'f', 2)
        .arg(s.trustReceived, 0, 'f', 2)
        .arg(s.legitimacy, 0, 'f', 2)
        .arg(s.payoff, 0, 'f', 2);
}

int NetworkView::stateAt(const QPoint& viewPosition) const
{
    if (m_picture)
    {
        const QPointF p = m_picture->mapFromScene(mapToScene(viewPosition));
        const int column = static_cast<int>(std::floor(p.x())), row = static_cast<int>(std::floor(p.y()));
        const int state = row * m_gridWidth + column;
        return column >= 0 && column < m_gridWidth && row >= 0 && state < m_history.stateCount() ? state : -1;
    }
    for (QGraphicsItem* item : items(viewPosition))
        if (item->data(kStateKey).isValid())
            return item->data(kStateKey).toInt();
    return -1;
}

void NetworkView::mousePressEvent(QMouseEvent* event)
{
    const int state = stateAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton)
        m_selection.select(state);
    QGraphicsView::mousePressEvent(event);
}

bool NetworkView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip)
    {
        auto* help = static_cast<QHelpEvent*>(event);
        const int state = stateAt(help->pos());
        if (state >= 0)
            QToolTip::showText(help->globalPos(), stateSummary(state), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QGraphicsView::viewportEvent(event);
}

void NetworkView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
}

} // namespace cybersim::gui
