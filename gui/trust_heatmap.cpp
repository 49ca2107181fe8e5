// SPDX-License-Identifier: MIT
// The trust matrix heatmap: row = the state that trusts, column = the state trusted.
#include "trust_heatmap.hpp"

#include "adapters/palette.hpp"
#include "adapters/trust_matrix.hpp"
#include "run_history.hpp"
#include "state_selection.hpp"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QToolTip>

#include <cmath>

namespace cybersim::gui
{

namespace
{
constexpr int kMaxNamedStates = 40; // above this, names are left to the tooltip
constexpr int kRefreshMilliseconds = 250;
// n x n cells: above this the matrix would take too much memory and show single pixels for whole states.
constexpr int kMaxMatrixStates = 600;
} // namespace

TrustHeatmap::TrustHeatmap(const RunHistory& history, StateSelection& selection, QWidget* parent)
    : QWidget(parent), m_history(history), m_selection(selection), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("Trust matrix"));
    setMinimumSize(300, 300);
    setMouseTracking(true);
    connect(&history, &RunHistory::worldChanged, this,
            [this]
            {
                m_dirty = true;
                refreshNow();
            });
    connect(&history, &RunHistory::roundsAppended, this, [this] { m_dirty = true; });
    connect(&selection, &StateSelection::selectionChanged, this, qOverload<>(&QWidget::update));
    m_timer->setInterval(kRefreshMilliseconds);
    connect(m_timer, &QTimer::timeout, this,
            [this]
            {
                if (m_dirty && isVisible())
                    refreshNow();
            });
    m_timer->start();
}

void TrustHeatmap::refreshNow()
{
    m_dirty = false;
    const auto* world = m_history.world();
    m_stateCount = world ? static_cast<int>(world->stateNames.size()) : 0;
    m_tooLarge = m_stateCount > kMaxMatrixStates;
    if (m_tooLarge)
        m_stateCount = 0;
    m_matrix = world && !m_tooLarge ? trustMatrix(*world, m_history.relations()) : std::vector<double>();
    m_image = trustMatrixImage(m_matrix, m_stateCount);
    update();
}

QRectF TrustHeatmap::matrixRect() const
{
    const double labels = m_stateCount <= kMaxNamedStates ? 90.0 : 10.0;
    const double side = std::max(10.0, std::min(width() - labels - 70.0, height() - labels - 30.0));
    return {labels, labels, side, side};
}

QPoint TrustHeatmap::cellAt(const QPointF& position) const
{
    const QRectF r = matrixRect();
    if (m_stateCount == 0 || !r.contains(position))
        return {-1, -1};
    const int column = static_cast<int>((position.x() - r.left()) / r.width() * m_stateCount);
    const int row = static_cast<int>((position.y() - r.top()) / r.height() * m_stateCount);
    return {std::min(column, m_stateCount - 1), std::min(row, m_stateCount - 1)};
}

void TrustHeatmap::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    const auto* world = m_history.world();
    if (m_tooLarge)
        painter.drawText(rect(), Qt::AlignCenter,
                         tr("The trust matrix is drawn for worlds of up to %1 states.").arg(kMaxMatrixStates));
    if (!world || m_stateCount == 0)
        return;
    const QRectF r = matrixRect();
    painter.drawImage(r, m_image);
    const double cell = r.width() / m_stateCount;
    if (m_stateCount <= kMaxNamedStates)
    {
        for (int i = 0; i < m_stateCount; ++i)
        {
            const QString name = world->stateNames[i];
            painter.drawText(QRectF(0, r.top() + i * cell, r.left() - 4, cell), Qt::AlignRight | Qt::AlignVCenter,
                             name);
            painter.save();
            painter.translate(r.left() + (i + 0.5) * cell, r.top() - 4);
            painter.rotate(-60);
            painter.drawText(QPointF(0, 4), name);
            painter.restore();
        }
    }
    if (const int s = m_selection.selected(); s >= 0 && s < m_stateCount)
    {
        painter.setPen(QPen(Qt::black, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(r.left(), r.top() + s * cell, r.width(), cell));
        painter.drawRect(QRectF(r.left() + s * cell, r.top(), cell, r.height()));
    }
    // Colour scale.
    const QRectF scale(r.right() + 16, r.top(), 14, r.height());
    for (int y = 0; y < static_cast<int>(scale.height()); ++y)
        painter.fillRect(QRectF(scale.left(), scale.bottom() - y - 1, scale.width(), 1),
                         sequentialColour(y / scale.height()));
    painter.setPen(Qt::black);
    painter.drawText(QPointF(scale.right() + 4, scale.top() + 10), QStringLiteral("1"));
    painter.drawText(QPointF(scale.right() + 4, scale.bottom()), QStringLiteral("0"));
    painter.drawText(QRectF(r.left(), r.bottom() + 4, r.width() + 60, 24), Qt::AlignLeft,
                     tr("row trusts column · round %1 · grey = not related").arg(m_history.relations().round));
}

void TrustHeatmap::mousePressEvent(QMouseEvent* event)
{
    const QPoint cell = cellAt(event->position());
    if (cell.y() >= 0)
        m_selection.select(cell.y());
}

bool TrustHeatmap::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip)
    {
        auto* help = static_cast<QHelpEvent*>(event);
        const QPoint cell = cellAt(help->pos());
        const auto* world = m_history.world();
        if (world && cell.x() >= 0)
        {
            const double t = m_matrix[static_cast<std::size_t>(cell.y() * m_stateCount + cell.x())];
            QToolTip::showText(
                help->globalPos(),
                std::isfinite(t)
                    ? tr("%1 trusts %2: %3")
                          .arg(world->stateNames[cell.y()], world->stateNames[cell.x()])
                          .arg(t, 0, 'f', 3)
                    : tr("%1 and %2 are not related").arg(world->stateNames[cell.y()], world->stateNames[cell.x()]),
                this);
        }
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace cybersim::gui
