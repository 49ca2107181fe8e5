// SPDX-License-Identifier: MIT
// The run toolbar: play/pause, step, reset, speed, seed and number of rounds.
#include "run_controls.hpp"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>

namespace cybersim::gui
{

RunControls::RunControls(QWidget* parent)
    : QToolBar(tr("Run"), parent), m_speed(new QComboBox), m_seed(new QLineEdit), m_rounds(new QSpinBox),
      m_progress(new QLabel)
{
    setObjectName(QStringLiteral("RunControls"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_play = addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Play"));
    m_play->setShortcut(Qt::Key_Space);
    m_play->setToolTip(tr("Play or pause the run (Space)"));
    m_step = addAction(style()->standardIcon(QStyle::SP_MediaSkipForward), tr("Step"));
    m_step->setShortcut(Qt::Key_N);
    m_step->setToolTip(tr("Play one round (N)"));
    m_reset = addAction(style()->standardIcon(QStyle::SP_MediaSkipBackward), tr("Reset"));
    m_reset->setShortcut(Qt::Key_R);
    m_reset->setToolTip(tr("Restart from round 0 with the current parameters (R)"));
    addSeparator();

    addWidget(new QLabel(tr(" speed ")));
    for (int rps : {1, 2, 5, 10, 20, 50, 100})
        m_speed->addItem(tr("%1 rounds/s").arg(rps), rps);
    m_speed->addItem(tr("full speed"), 0);
    m_speed->setCurrentIndex(m_speed->count() - 1);
    addWidget(m_speed);
    addWidget(new QLabel(tr(" seed ")));
    m_seed->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,20}")), m_seed));
    m_seed->setMaximumWidth(170);
    m_seed->setToolTip(tr("Master seed: the run is a pure function of scenario and seed (applies on reset)"));
    addWidget(m_seed);
    addWidget(new QLabel(tr(" rounds ")));
    m_rounds->setRange(1, 10000000);
    m_rounds->setToolTip(tr("Rounds to run (applies on reset)"));
    addWidget(m_rounds);
    addSeparator();
    addWidget(m_progress);

    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] { emit speedChanged(roundsPerSecond()); });
    connect(m_seed, &QLineEdit::editingFinished, this, [this] { emit seedEdited(m_seed->text()); });
    connect(m_rounds, &QSpinBox::editingFinished, this, [this] { emit roundsEdited(m_rounds->value()); });
}

int RunControls::roundsPerSecond() const
{
    return m_speed->currentData().toInt();
}

void RunControls::showRunSettings(quint64 seed, int rounds)
{
    const QSignalBlocker seedBlocker(m_seed);
    const QSignalBlocker roundsBlocker(m_rounds);
    m_seed->setText(QString::number(seed));
    m_rounds->setValue(rounds);
}

void RunControls::showProgress(int round, int rounds)
{
    m_progress->setText(tr(" round %1 of %2 ").arg(round).arg(rounds));
}

void RunControls::setRunning(bool running)
{
    m_running = running;
    m_play->setText(running ? tr("Pause") : tr("Play"));
    m_play->setIcon(style()->standardIcon(running ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void RunControls::setRunnable(bool runnable, const QString& reason)
{
    m_play->setEnabled(runnable || m_running);
    m_step->setEnabled(runnable);
    m_reset->setEnabled(runnable);
    m_play->setToolTip(runnable ? tr("Play or pause the run (Space)") : reason);
}

} // namespace cybersim::gui
