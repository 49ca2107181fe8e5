// SPDX-License-Identifier: MIT
// Presentation mode: a lesson full screen for a projector, step by step, with keys a clicker sends.
#include "classroom/presentation_window.hpp"

#include "adapters/diagnostic_rows.hpp"
#include "adapters/palette.hpp"
#include "adapters/qt_text.hpp"
#include "classroom/lesson_controller.hpp"
#include "classroom/replay_adapter.hpp"
#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/lesson/lesson_chart.hpp"
#include "cybersim/scenario/scenario_schema.hpp"
#include "network_view.hpp"
#include "run_history.hpp"
#include "shipped_scenarios.hpp"
#include "state_selection.hpp"
#include "time_series_chart.hpp"
#include "trust_heatmap.hpp"

#include <QAbstractAxis>
#include <QChart>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace cybersim::gui
{

namespace
{
// Sizes in pixels, chosen to be read from the back of a classroom on a 1080p projector.
constexpr int kHeadingPixels = 30;
constexpr int kCaptionPixels = 34;
constexpr int kPromptPixels = 34;
constexpr int kChartTitlePixels = 30;
constexpr int kChartLabelPixels = 22;
constexpr qreal kLineWidth = 6.0;
constexpr qreal kEmphasisedWidth = 11.0;
constexpr qreal kMutedWidth = 2.5;

QFont pixelFont(int pixels, bool bold = false)
{
    QFont font;
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

QLabel* textLabel(int pixels, bool bold, const QString& style)
{
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setFont(pixelFont(pixels, bold));
    label->setStyleSheet(style);
    label->setTextFormat(Qt::PlainText);
    return label;
}

// High contrast: black on white, heavy axes and grid, big labels.
void styleChart(TimeSeriesChart& view)
{
    auto* chart = view.chart();
    chart->setBackgroundBrush(Qt::white);
    chart->setTitleFont(pixelFont(kChartTitlePixels, true));
    chart->setTitleBrush(Qt::black);
    chart->legend()->setFont(pixelFont(kChartLabelPixels));
    chart->legend()->setLabelColor(Qt::black);
    for (auto* axis : chart->axes())
    {
        axis->setLabelsFont(pixelFont(kChartLabelPixels));
        axis->setLabelsColor(Qt::black);
        axis->setTitleFont(pixelFont(kChartLabelPixels, true));
        axis->setTitleBrush(Qt::black);
        axis->setLinePen(QPen(Qt::black, 3));
        axis->setGridLinePen(QPen(QColor(0xbb, 0xbb, 0xbb), 1.5));
    }
    view.setFocusPolicy(Qt::NoFocus);
}

void fillChart(TimeSeriesChart& view, const lesson::ChartData& data, int stepStartRound)
{
    view.clearSeries();
    int colour = 0;
    for (const auto& series : data.series)
    {
        const QColor c = series.muted ? QColor(0x99, 0x99, 0x99) : categoryColour(colour++);
        const qreal width = series.emphasised ? kEmphasisedWidth : series.muted ? kMutedWidth : kLineWidth;
        const int index = view.addSeries(toQString(series.name), c, TimeSeriesChart::Axis::Left, width);
        QList<QPointF> points;
        points.reserve(static_cast<qsizetype>(series.values.size()));
        for (std::size_t k = 0; k < series.values.size() && k < data.rounds.size(); ++k)
            if (std::isfinite(series.values[k]))
                points << QPointF(data.rounds[k], series.values[k]);
        view.setPoints(index, points);
        // Background lines (the other states) stay out of the legend: only the lines the class should read are named.
        if (series.muted)
            for (auto* marker : view.chart()->legend()->markers(view.series(index)))
                marker->setVisible(false);
    }
    std::optional<std::pair<double, double>> range;
    if (data.yMin && data.yMax)
        range = std::make_pair(*data.yMin, *data.yMax);
    const double lastRound = data.rounds.empty() ? 1.0 : std::max(1, data.rounds.back());
    view.fitAxes(lastRound, range);
    // The dashed marker shows where this step began within its run.
    view.markRound(stepStartRound > 0 ? stepStartRound : -1);
    for (auto* marker : view.chart()->legend()->markers())
        if (marker->label() == QStringLiteral("marked round"))
            marker->setVisible(false);
    styleChart(view);
}

// The teacher's live "what if": a numeric key and its new value.
class ParameterDialog : public QDialog
{
public:
    ParameterDialog(PresentationWindow& window, const QStringList& suggestedKeys) : QDialog(&window)
    {
        setWindowTitle(tr("Change a parameter"));
        setFont(pixelFont(22));
        m_key = new QComboBox;
        m_key->setEditable(true);
        m_key->addItems(suggestedKeys);
        for (const auto& info : scenario::parameters())
            if (info.isNumeric() && !info.isElementKey() && !suggestedKeys.contains(toQString(info.key)))
                m_key->addItem(toQString(info.key));
        m_value = new QLineEdit;
        m_error = new QLabel;
        m_error->setWordWrap(true);
        m_error->setStyleSheet(QStringLiteral("color: #b00000;"));
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Close);
        auto* form = new QFormLayout(this);
        form->addRow(tr("Parameter"), m_key);
        form->addRow(tr("New value"), m_value);
        form->addRow(m_error);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
                [this, &window] { window.changeParameter(m_key->currentText(), m_value->text()); });
        connect(&window, &PresentationWindow::parameterApplied, this,
                [this](const QString&, double, const QString& error)
                {
                    m_error->setText(error);
                    if (error.isEmpty())
                        accept();
                });
    }

private:
    QComboBox* m_key = nullptr;
    QLineEdit* m_value = nullptr;
    QLabel* m_error = nullptr;
};
} // namespace

PresentationWindow::PresentationWindow(QWidget* parent)
    : QWidget(parent, Qt::Window), m_controller(new LessonController(this)), m_history(new RunHistory(this)),
      m_selection(new StateSelection(this)), m_progress(std::make_shared<LessonProgress>())
{
    setWindowTitle(tr("cybersim — presentation"));
    setObjectName(QStringLiteral("presentation"));
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, Qt::white);
    pal.setColor(QPalette::WindowText, Qt::black);
    setPalette(pal);
    m_heading = textLabel(kHeadingPixels, true, QStringLiteral("color: #ffffff; background: #002b5c; padding: 8px;"));
    m_caption = textLabel(kCaptionPixels, false, QStringLiteral("color: #000000; padding: 4px 8px;"));
    m_prompt = textLabel(kPromptPixels, true,
                         QStringLiteral("color: #000000; background: #ffe680; padding: 8px; border: 3px solid #000;"));
    m_status = textLabel(22, false, QStringLiteral("color: #000000; padding: 4px 8px;"));
    m_views = new QWidget;
    m_grid = new QGridLayout(m_views);
    m_grid->setContentsMargins(0, 0, 0, 0);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(m_heading);
    layout->addWidget(m_caption);
    layout->addWidget(m_prompt);
    layout->addWidget(m_views, 1);
    layout->addWidget(m_status);
    resize(1600, 900);

    connect(m_controller, &LessonController::progressChanged, this, &PresentationWindow::onProgress);
    connect(m_controller, &LessonController::runningChanged, this,
            [this](bool running)
            {
                m_running = running;
                refreshTexts();
            });
    connect(m_controller, &LessonController::parameterResult, this,
            [this](const QString& key, double value, const QString& error)
            {
                m_lastError = error;
                refreshTexts();
                emit parameterApplied(key, value, error);
            });
    connect(m_controller, &LessonController::lessonError, this,
            [this](const QString& message)
            {
                m_lastError = message;
                refreshTexts();
            });
    refreshTexts();
}

PresentationWindow::~PresentationWindow() = default;

QString PresentationWindow::openLesson(const QString& path)
{
    try
    {
        auto lesson = std::make_shared<const lesson::Lesson>(
            lesson::loadLessonFile(toStdString(path), agents::builtinCatalogue(), toStdString(scenariosFolder())));
        m_lesson = lesson;
        m_replays.clear();
        m_worlds.clear();
        m_progress = std::make_shared<LessonProgress>();
        m_shownStep = -1;
        m_shownRow = -1;
        m_viewsStep = -2;
        m_lastError.clear();
        m_controller->open(lesson);
        m_controller->nextStep(); // the first step's question is on screen at once
        refreshTexts();
        return {};
    }
    catch (const std::exception& error)
    {
        QStringList lines;
        for (const auto& row : diagnosticRows(error))
            lines << row.formatted;
        m_lastError = lines.join(QLatin1Char('\n'));
        return m_lastError;
    }
}

int PresentationWindow::liveStep() const
{
    return m_progress ? m_progress->step : -1;
}

bool PresentationWindow::isShownStepDone() const
{
    return m_shownStep >= 0 && (m_shownStep < liveStep() || (m_shownStep == liveStep() && m_progress->roundsLeft == 0));
}

QString PresentationWindow::captionText() const
{
    return m_caption->text();
}

QString PresentationWindow::promptText() const
{
    return m_prompt->isVisibleTo(this) || !m_prompt->text().isEmpty() ? m_prompt->text() : QString();
}

void PresentationWindow::onProgress(const LessonProgressPtr& progress)
{
    const int previousLive = liveStep();
    m_progress = progress;
    if (progress->replay)
    {
        if (m_replays.size() <= progress->segment)
        {
            m_replays.resize(progress->segment + 1);
            m_worlds.resize(progress->segment + 1);
        }
        m_replays[progress->segment] = progress->replay;
        m_worlds[progress->segment] = progress->world;
    }
    // A step just begun comes on screen; otherwise the screen stays where the teacher put it.
    if (progress->step != previousLive || m_shownStep < 0)
        showStep(progress->step);
    else if (m_shownStep == progress->step)
        refreshViews();
    refreshTexts();
}

void PresentationWindow::nextStep()
{
    if (!m_lesson)
        return;
    if (m_shownStep < liveStep())
    {
        showStep(m_shownStep + 1);
        return;
    }
    if (m_shownStep + 1 < static_cast<int>(m_lesson->steps.size()))
        m_controller->nextStep();
}

void PresentationWindow::previousStep()
{
    if (m_shownStep > 0)
    {
        if (m_running)
            m_controller->pause();
        showStep(m_shownStep - 1);
    }
}

void PresentationWindow::togglePlay()
{
    if (m_shownStep != liveStep())
        showStep(liveStep()); // play always continues the live step
    m_controller->togglePlay();
}

void PresentationWindow::changeParameter(const QString& key, const QString& valueText)
{
    bool ok = false;
    const double value = valueText.trimmed().toDouble(&ok);
    QString error;
    if (m_shownStep != liveStep())
        error = tr("go to the current step (step %1) to change a parameter").arg(liveStep() + 1);
    else if (!ok || !std::isfinite(value))
        error = tr("error: %1: \"%2\" is not a number").arg(key, valueText);
    if (!error.isEmpty())
    {
        m_lastError = error;
        refreshTexts();
        emit parameterApplied(key, value, error);
        return;
    }
    m_controller->setParameter(key.trimmed(), value); // the worker pauses first: changes happen between rounds
}

void PresentationWindow::openParameterDialog()
{
    QStringList suggested;
    if (m_lesson)
        for (const auto& step : m_lesson->steps)
            for (const auto& change : step.changes)
                if (!suggested.contains(toQString(change.key)) && scenario::findParameter(change.key) &&
                    scenario::findParameter(change.key)->isNumeric())
                    suggested << toQString(change.key);
    auto* dialog = new ParameterDialog(*this, suggested);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void PresentationWindow::showStep(int step)
{
    m_shownStep = step;
    if (m_viewsStep != step)
        rebuildViews();
    refreshViews();
    refreshTexts();
}

void PresentationWindow::rebuildViews()
{
    m_viewsStep = m_shownStep;
    qDeleteAll(m_views->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly));
    m_timeCharts.clear();
    m_timeChartKinds.clear();
    m_network = nullptr;
    m_heatmap = nullptr;
    if (!m_lesson || m_shownStep < 0)
        return;
    const auto& step = m_lesson->steps[static_cast<std::size_t>(m_shownStep)];
    QList<QWidget*> widgets;
    for (const auto chart : step.charts)
    {
        if (chart == lesson::LessonChart::Network)
        {
            m_network = new NetworkView(*m_history, *m_selection);
            m_network->setFocusPolicy(Qt::NoFocus);
            m_network->setObjectName(QStringLiteral("network"));
            widgets << m_network;
        }
        else if (chart == lesson::LessonChart::TrustMatrix)
        {
            m_heatmap = new TrustHeatmap(*m_history, *m_selection);
            m_heatmap->setFocusPolicy(Qt::NoFocus);
            widgets << m_heatmap;
        }
        else
        {
            auto* view = new TimeSeriesChart(toQString(lesson::lessonChartTitle(chart)), QString());
            m_timeCharts << view;
            m_timeChartKinds << static_cast<int>(chart);
            widgets << view;
        }
    }
    // One view fills the screen; more share it two to a row.
    const int columns = widgets.size() <= 1 ? 1 : 2;
    for (int i = 0; i < widgets.size(); ++i)
        m_grid->addWidget(widgets[i], i / columns, i % columns);
}

void PresentationWindow::refreshViews()
{
    m_shownRow = -1;
    if (!m_lesson || m_shownStep < 0 || m_shownStep >= static_cast<int>(m_progress->spans.size()))
        return;
    const auto& span = m_progress->spans[static_cast<std::size_t>(m_shownStep)];
    if (span.segment >= m_replays.size() || !m_replays[span.segment])
        return;
    const auto& replay = *m_replays[span.segment];
    // A step still running ends at the latest row recorded; an earlier step at its own last row.
    const std::size_t lastRow =
        std::min(m_shownStep == liveStep() ? replay.rowCount() - 1 : span.lastRow, replay.rowCount() - 1);
    m_shownRow = static_cast<int>(lastRow);
    const auto& step = m_lesson->steps[static_cast<std::size_t>(m_shownStep)];
    const int stepStart = replay.record.series[span.firstRow].round;
    for (int i = 0; i < m_timeCharts.size(); ++i)
        fillChart(*m_timeCharts[i],
                  lesson::timeSeriesChart(static_cast<lesson::LessonChart>(m_timeChartKinds[i]), replay, lastRow,
                                          step.highlight),
                  stepStart);
    if (m_network || m_heatmap)
    {
        showReplayRows(*m_history, m_worlds[span.segment] ? m_worlds[span.segment] : worldInfoFromReplay(replay),
                       replay, lastRow);
        int highlighted = -1;
        for (std::size_t s = 0; s < replay.record.stateNames.size(); ++s)
            if (replay.record.stateNames[s] == step.highlight)
                highlighted = static_cast<int>(s);
        m_selection->select(highlighted);
        if (m_network)
            m_network->refreshNow();
        if (m_heatmap)
            m_heatmap->refreshNow();
    }
}

void PresentationWindow::refreshTexts()
{
    if (!m_lesson)
    {
        m_heading->setText(tr("No lesson open: File > Open lesson"));
        m_caption->clear();
        m_prompt->hide();
        m_status->setText(m_lastError);
        return;
    }
    const int count = static_cast<int>(m_lesson->steps.size());
    if (m_shownStep < 0)
    {
        m_heading->setText(toQString(m_lesson->title));
        m_caption->setText(toQString(m_lesson->summary).simplified());
        m_prompt->hide();
        m_status->setText(m_lastError);
        return;
    }
    const auto& step = m_lesson->steps[static_cast<std::size_t>(m_shownStep)];
    m_heading->setText(tr("%1 — step %2 of %3: %4")
                           .arg(toQString(m_lesson->title))
                           .arg(m_shownStep + 1)
                           .arg(count)
                           .arg(toQString(step.title)));
    m_caption->setText(toQString(step.text).simplified());
    const bool done = isShownStepDone();
    const QString text = done ? toQString(step.reveal) : toQString(step.question);
    m_prompt->setText(text.isEmpty() ? QString()
                                     : (done ? tr("What happened: ") : tr("Question: ")) + text.simplified());
    m_prompt->setVisible(!text.isEmpty());
    m_prompt->setStyleSheet(
        done ? QStringLiteral("color: #000; background: #c8f0c8; padding: 8px; border: 3px solid #000;")
             : QStringLiteral("color: #000; background: #ffe680; padding: 8px; border: 3px solid #000;"));
    QString state;
    if (m_shownStep < liveStep())
        state = tr("recorded");
    else if (m_running)
        state = tr("playing");
    else if (done)
        state = m_shownStep + 1 < count ? tr("done — → next step") : tr("end of the lesson");
    else
        state = tr("paused — Space plays");
    const int round = m_shownRow >= 0 && m_shownStep < static_cast<int>(m_progress->spans.size()) ? m_shownRow : 0;
    m_status->setText(tr("round %1 · %2 · ← → steps · Space play/pause · C change a parameter · Esc leave%3")
                          .arg(round)
                          .arg(state)
                          .arg(m_lastError.isEmpty() ? QString() : QStringLiteral("\n") + m_lastError));
}

void PresentationWindow::keyPressEvent(QKeyEvent* event)
{
    switch (event->key())
    {
    case Qt::Key_Right:
    case Qt::Key_PageDown:
        nextStep();
        break;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
        previousStep();
        break;
    case Qt::Key_Space:
        togglePlay();
        break;
    case Qt::Key_C:
        openParameterDialog();
        break;
    case Qt::Key_Escape:
        close();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PresentationWindow::closeEvent(QCloseEvent* event)
{
    m_controller->pause();
    QWidget::closeEvent(event);
}

} // namespace cybersim::gui
