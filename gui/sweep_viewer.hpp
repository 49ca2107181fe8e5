// SPDX-License-Identifier: MIT
// The Sweep tab: a sweep's output folder shown with the charts `cybersim plot DIR` renders.
#pragma once

#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QTabWidget;
class QTemporaryDir;

namespace cybersim::gui
{

/// Loads a sweep's output folder (points.csv and sweep.json) through cybersim_plot and shows each chart the CLI
/// renders, one sub-tab per chart. Computes nothing itself: the library reads the table and draws the charts.
class SweepViewer : public QWidget
{
    Q_OBJECT
public:
    /// One chart shown: the metric it plots, the image the library rendered, and how many points it has.
    struct Chart
    {
        QString metric;
        QString title;  // the sub-tab's text
        QString file;   // the PNG the library wrote
        int points = 0; // finite means of this metric in points.csv
        bool heatmap = false;
    };

    explicit SweepViewer(QWidget* parent = nullptr);
    ~SweepViewer() override;

    /// Shows the sweep in `folder`. @return false, with errorText() set and shown, if it is not a sweep's output.
    bool openFolder(const QString& folder);

    /// The folder shown, empty if none.
    [[nodiscard]] QString folder() const { return m_folder; }
    /// The metrics the sweep lists, in spec order.
    [[nodiscard]] QStringList metrics() const { return m_metrics; }
    /// The charts shown: first the line chart of every metric, then any heatmaps.
    [[nodiscard]] const std::vector<Chart>& charts() const noexcept { return m_charts; }
    /// The line charts only (one per metric).
    [[nodiscard]] int lineChartCount() const;
    /// The last error shown, empty after a successful open.
    [[nodiscard]] QString errorText() const { return m_error; }

signals:
    /// A folder was opened (`ok`) or refused.
    void opened(bool ok);

private:
    void clear();
    void fail(const QString& message);

    QLabel* m_status = nullptr;
    QTabWidget* m_tabs = nullptr;
    std::unique_ptr<QTemporaryDir> m_images;
    std::vector<Chart> m_charts;
    QStringList m_metrics;
    QString m_folder;
    QString m_error;
};

} // namespace cybersim::gui
