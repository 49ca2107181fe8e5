// SPDX-License-Identifier: MIT
// The timeline under the views: a slider over the recorded rounds and the run's events as clickable ticks.
#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QSlider;

namespace cybersim::records
{
struct Replay;
}

namespace cybersim::gui
{

class EventStrip;

/// Drag the slider or click an event's tick to choose a recorded row; rowChosen() tells the views to show it.
class ReplayTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit ReplayTimeline(QWidget* parent = nullptr);

    /// Shows `replay` (nullptr: nothing recorded) with the slider at its last row, without emitting rowChosen().
    void setReplay(std::shared_ptr<const records::Replay> replay);
    [[nodiscard]] const std::shared_ptr<const records::Replay>& replay() const noexcept { return m_replay; }
    /// The row the slider is at.
    [[nodiscard]] int row() const;
    /// Rows of the ticks on the event strip (one per notable event), in order.
    [[nodiscard]] QVector<int> eventRows() const;
    [[nodiscard]] QSlider* slider() const noexcept { return m_slider; }
    [[nodiscard]] QWidget* eventStrip() const;
    /// The x (in eventStrip() coordinates) of row `row`'s tick.
    [[nodiscard]] int xOfRow(int row) const;

public slots:
    /// Moves the slider to `row` and emits rowChosen().
    void chooseRow(int row);

signals:
    void rowChosen(int row);

private:
    std::shared_ptr<const records::Replay> m_replay;
    QSlider* m_slider = nullptr;
    QLabel* m_label = nullptr;
    EventStrip* m_strip = nullptr;
};

} // namespace cybersim::gui
