// SPDX-License-Identifier: MIT
// The Sweep tab, driven headless: a tiny sweep run in-process, opened in the viewer, shows one chart per metric each
// with points; an empty folder shows an error instead.
#include "main_window.hpp"
#include "sweep_viewer.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/sweep/sweep_journal.hpp"
#include "cybersim/sweep/sweep_output.hpp"
#include "cybersim/sweep/sweep_plan.hpp"
#include "cybersim/sweep/sweep_run.hpp"

#include <QImage>
#include <QLabel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cstdint>
#include <filesystem>
#include <vector>

using namespace cybersim;
using namespace cybersim::gui;

namespace
{

// 2 points x 2 replicates, 20 rounds each.
const char* const kSpec = R"(seed = 5
replicates = 2
[set]
run.rounds = 20
[[parameters]]
key = "noise.false_attribution"
values = [0.0, 0.2]
[[metrics]]
of = "cooperation_rate"
[[metrics]]
stat = "mean"
of = "mean_trust"
window = [0, 20]
)";

// Runs kSpec into `folder` as `cybersim sweep` does, in-process.
void runTinySweep(const std::filesystem::path& folder)
{
    const auto& catalogue = agents::builtinCatalogue();
    auto base = scenario::defaultScenario(catalogue);
    base.events.clear(); // its shocks fall after round 20
    const sweep::SweepPlan plan(sweep::parseSweepSpec(kSpec, "spec.toml"), base, catalogue);
    sweep::SweepJournal journal(folder, plan, false);
    std::vector<std::uint64_t> pending;
    for (std::uint64_t i = 0; i < plan.runCount(); ++i)
        pending.push_back(i);
    sweep::runSweepLocal(plan, catalogue, pending, journal, 2);
    journal.close();
    const auto results = sweep::SweepJournal::read(folder / sweep::SweepJournal::kFileName, plan);
    sweep::writeSweepOutputs(folder, plan, results, catalogue, sweep::SweepTiming{});
}

} // namespace

class TestSweepViewer : public QObject
{
    Q_OBJECT
private slots:
    void opensSweepAndShowsOneChartPerMetric();
    void emptyFolderShowsError();
};

void TestSweepViewer::opensSweepAndShowsOneChartPerMetric()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::filesystem::path folder = std::filesystem::path(dir.path().toStdString()) / "sweep";
    runTinySweep(folder);
    QVERIFY(std::filesystem::exists(folder / "points.csv"));

    MainWindow window;
    QVERIFY(window.showTab(QStringLiteral("Sweep")));
    auto* viewer = window.sweepViewer();
    QVERIFY(viewer != nullptr);
    QVERIFY2(viewer->openFolder(QString::fromStdString(folder.string())), qPrintable(viewer->errorText()));
    QVERIFY(viewer->errorText().isEmpty());
    QCOMPARE(viewer->metrics().size(), 2);
    QCOMPARE(viewer->lineChartCount(), viewer->metrics().size());
    QCOMPARE(static_cast<int>(viewer->charts().size()), viewer->metrics().size()); // one parameter: no heatmap
    auto* tabs = viewer->findChild<QTabWidget*>();
    QVERIFY(tabs != nullptr);
    QCOMPARE(tabs->count(), viewer->metrics().size());
    for (std::size_t i = 0; i < viewer->charts().size(); ++i)
    {
        const auto& chart = viewer->charts()[i];
        QCOMPARE(chart.metric, viewer->metrics()[static_cast<qsizetype>(i)]);
        QCOMPARE(chart.points, 2); // two swept points
        const QImage image(chart.file);
        QVERIFY2(!image.isNull(), qPrintable(chart.file));
        // Something was drawn: not a blank white page.
        bool drawn = false;
        for (int y = 0; y < image.height() && !drawn; y += 7)
            for (int x = 0; x < image.width() && !drawn; x += 7)
                drawn = image.pixelColor(x, y) != QColor(Qt::white);
        QVERIFY(drawn);
        auto* label = tabs->widget(static_cast<int>(i))->findChild<QLabel*>();
        QVERIFY(label != nullptr);
        QVERIFY(!label->pixmap().isNull());
    }
}

void TestSweepViewer::emptyFolderShowsError()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    SweepViewer viewer;
    QVERIFY(!viewer.openFolder(empty.path()));
    QVERIFY(!viewer.errorText().isEmpty());
    QVERIFY2(viewer.errorText().contains(QStringLiteral("not a sweep")), qPrintable(viewer.errorText()));
    QVERIFY(viewer.charts().empty());
    bool shown = false;
    for (auto* label : viewer.findChildren<QLabel*>())
        shown = shown || label->text().contains(viewer.errorText());
    QVERIFY(shown);
}

QTEST_MAIN(TestSweepViewer)
#include "test_sweep_viewer.moc"
