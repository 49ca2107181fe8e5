// SPDX-License-Identifier: MIT
// The Sweep tab: cybersim_plot renders the CLI's charts into a temporary folder; this widget only shows them.
#include "sweep_viewer.hpp"

#include "adapters/qt_text.hpp"
#include "cybersim/plot/sweep_charts.hpp"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPixmap>
#include <QScrollArea>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <exception>
#include <filesystem>

namespace cybersim::gui
{

namespace
{

// The finite cells of `metric`_mean: the points its chart draws.
int pointsOf(const plot::SweepTable& table, const std::string& metric)
{
    const auto* mean = table.column(metric + "_mean");
    if (mean == nullptr)
        return 0;
    return static_cast<int>(
        std::count_if(mean->numbers.begin(), mean->numbers.end(), [](double v) { return std::isfinite(v); }));
}

QWidget* imageView(const QString& file)
{
    auto* label = new QLabel;
    label->setAlignment(Qt::AlignCenter);
    label->setPixmap(QPixmap(file));
    auto* scroll = new QScrollArea;
    scroll->setWidget(label);
    scroll->setWidgetResizable(true);
    scroll->setAlignment(Qt::AlignCenter);
    return scroll;
}

} // namespace

SweepViewer::SweepViewer(QWidget* parent) : QWidget(parent)
{
    m_status = new QLabel(tr("No sweep open. Use File > Open sweep results… to show a sweep's output folder."));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);
}

SweepViewer::~SweepViewer() = default;

void SweepViewer::clear()
{
    while (m_tabs->count() > 0)
    {
        auto* page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
    m_charts.clear();
    m_metrics.clear();
    m_folder.clear();
    m_error.clear();
    m_images.reset();
}

void SweepViewer::fail(const QString& message)
{
    clear();
    m_error = message;
    m_status->setText(tr("Cannot show sweep results: %1").arg(message));
    m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
    emit opened(false);
}

bool SweepViewer::openFolder(const QString& folder)
{
    const std::filesystem::path path(toStdString(folder));
    plot::SweepTable table;
    auto images = std::make_unique<QTemporaryDir>();
    std::vector<std::filesystem::path> written;
    try
    {
        table = plot::readSweepTable(path);
        if (!images->isValid())
            throw std::runtime_error("cannot create a temporary folder for the charts");
        written = plot::renderSweepCharts(path, std::filesystem::path(toStdString(images->path())));
    }
    catch (const plot::PlotInputError& error)
    {
        fail(tr("%1 is not a sweep's output folder (%2)")
                 .arg(QDir::toNativeSeparators(folder), toQString(error.what())));
        return false;
    }
    catch (const std::exception& error)
    {
        fail(toQString(error.what()));
        return false;
    }

    clear();
    m_images = std::move(images);
    m_folder = folder;
    for (const auto& metric : table.metrics)
        m_metrics << toQString(metric);
    // The library names its files <metric>.png and heatmap-<metric>.png (sweep_charts.hpp); show them in that order.
    const auto add = [&](const std::string& metric, bool heatmap)
    {
        const auto file =
            std::filesystem::path(toStdString(m_images->path())) / ((heatmap ? "heatmap-" : "") + metric + ".png");
        if (std::find(written.begin(), written.end(), file) == written.end())
            return;
        Chart chart{toQString(metric), toQString(heatmap ? "heatmap: " + metric : metric), toQString(file.string()),
                    pointsOf(table, metric), heatmap};
        m_tabs->addTab(imageView(chart.file), chart.title);
        m_tabs->setTabToolTip(m_tabs->count() - 1, chart.file);
        m_charts.push_back(std::move(chart));
    };
    for (const auto& metric : table.metrics)
        add(metric, false);
    for (const auto& metric : table.metrics)
        add(metric, true);
    m_status->setStyleSheet(QString());
    m_status->setText(tr("%1 — %2: %3 metrics, %4 charts")
                          .arg(toQString(table.title), QDir::toNativeSeparators(folder))
                          .arg(m_metrics.size())
                          .arg(static_cast<int>(m_charts.size())));
    emit opened(true);
    return true;
}

int SweepViewer::lineChartCount() const
{
    return static_cast<int>(std::count_if(m_charts.begin(), m_charts.end(), [](const Chart& c) { return !c.heatmap; }));
}

} // namespace cybersim::gui
