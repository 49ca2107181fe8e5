// SPDX-License-Identifier: MIT
// The timeline under the views: a slider over the recorded rounds and the run's events as clickable ticks.
#include "classroom/replay_timeline.hpp"

#include "adapters/palette.hpp"
#include "adapters/qt_text.hpp"
#include "cybersim/records/replay.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QToolTip>
#include <QVBoxLayout>

namespace cybersim::gui
{

/// The run's notable events as ticks over the slider's groove; a click jumps to the nearest tick's row.
class EventStrip : public QWidget
{
public:
    EventStrip(ReplayTimeline& timeline, QSlider& slider) : m_timeline(timeline), m_slider(slider)
    {
        setMinimumHeight(18);
        setMouseTracking(true);
        setToolTip(tr("events of the run: click one to jump to its round"));
    }

    struct Tick
    {
        int row = 0;
        QString text;
        int type = 0;
    };
    QVector<Tick> ticks;

    // The slider's groove spans its width minus the handle; ticks line up with the handle's centre.
    [[nodiscard]] int xOfRow(int row) const
    {
        QStyleOptionSlider option;
        option.initFrom(&m_slider);
        option.orientation = Qt::Horizontal;
        const int handle = m_slider.style()->pixelMetric(QStyle::PM_SliderLength, &option, &m_slider);
        const int span = std::max(1, m_slider.width() - handle);
        const int maximum = std::max(1, m_slider.maximum());
        return handle / 2 + QStyle::sliderPositionFromValue(0, maximum, row, span);
    }

    [[nodiscard]] int tickAt(int x) const
    {
        int best = -1;
        int bestDistance = 7; // pixels: generous, a projector pointer is not precise
        for (int i = 0; i < ticks.size(); ++i)
            if (const int d = std::abs(xOfRow(ticks[i].row) - x); d < bestDistance)
            {
                best = i;
                bestDistance = d;
            }
        return best;
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.fillRect(rect(), palette().base());
        for (const auto& tick : ticks)
        {
            const int x = xOfRow(tick.row);
            painter.setPen(QPen(categoryColour(tick.type), 3));
            painter.drawLine(x, 2, x, height() - 2);
        }
    }
    void mousePressEvent(QMouseEvent* event) override
    {
        if (const int i = tickAt(event->position().toPoint().x()); i >= 0)
            m_timeline.chooseRow(ticks[i].row);
    }
    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::ToolTip)
        {
            auto* help = static_cast<QHelpEvent*>(event);
            const int i = tickAt(help->pos().x());
            if (i >= 0)
                QToolTip::showText(help->globalPos(), ticks[i].text, this);
            else
                QToolTip::hideText();
            return true;
        }
        return QWidget::event(event);
    }

private:
    ReplayTimeline& m_timeline;
    QSlider& m_slider;
};

ReplayTimeline::ReplayTimeline(QWidget* parent) : QWidget(parent), m_slider(new QSlider(Qt::Horizontal))
{
    setObjectName(QStringLiteral("timeline"));
    m_label = new QLabel;
    m_label->setMinimumWidth(150);
    m_strip = new EventStrip(*this, *m_slider);
    auto* column = new QVBoxLayout;
    column->setSpacing(0);
    column->addWidget(m_strip);
    column->addWidget(m_slider);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(column, 1);
    layout->addWidget(m_label);
    m_slider->setTracking(true);
    connect(m_slider, &QSlider::valueChanged, this,
            [this](int value)
            {
                m_label->setText(tr("round %1 of %2").arg(value).arg(m_slider->maximum()));
                if (!m_slider->signalsBlocked())
                    emit rowChosen(value);
            });
    setReplay(nullptr);
}

void ReplayTimeline::setReplay(std::shared_ptr<const records::Replay> replay)
{
    m_replay = std::move(replay);
    const int rows = m_replay ? static_cast<int>(m_replay->rowCount()) : 0;
    m_strip->ticks.clear();
    if (m_replay)
        for (const auto& event : m_replay->record.events)
            if (event.type != engine::EventType::DoctrineChange && event.round + 1 < rows)
                m_strip->ticks.push_back({event.round + 1,
                                          tr("round %1: %2 %3")
                                              .arg(event.round + 1)
                                              .arg(toQString(std::string(engine::eventTypeName(event.type))))
                                              .arg(toQString(event.detail)),
                                          static_cast<int>(event.type)});
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setRange(0, std::max(0, rows - 1));
        m_slider->setValue(std::max(0, rows - 1));
    }
    m_label->setText(rows > 0 ? tr("round %1 of %2").arg(rows - 1).arg(rows - 1) : tr("no recording"));
    setEnabled(rows > 1);
    m_strip->update();
}

int ReplayTimeline::row() const
{
    return m_slider->value();
}

QVector<int> ReplayTimeline::eventRows() const
{
    QVector<int> rows;
    for (const auto& tick : m_strip->ticks)
        rows << tick.row;
    return rows;
}

QWidget* ReplayTimeline::eventStrip() const
{
    return m_strip;
}

int ReplayTimeline::xOfRow(int row) const
{
    return m_strip->xOfRow(row);
}

void ReplayTimeline::chooseRow(int row)
{
    if (m_slider->value() == row)
        emit rowChosen(row);
    else
        m_slider->setValue(row); // emits rowChosen() through valueChanged
}

} // namespace cybersim::gui
