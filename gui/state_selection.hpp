// SPDX-License-Identifier: MIT
// The state selected in any view; every view follows it.
#pragma once

#include <QObject>

namespace cybersim::gui
{

/// Holds the selected state's index (-1 = none) and tells every view when it changes.
class StateSelection : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    [[nodiscard]] int selected() const noexcept { return m_selected; }

public slots:
    void select(int state)
    {
        if (state == m_selected)
            return;
        m_selected = state;
        emit selectionChanged(state);
    }

signals:
    void selectionChanged(int state);

private:
    int m_selected = -1;
};

} // namespace cybersim::gui
