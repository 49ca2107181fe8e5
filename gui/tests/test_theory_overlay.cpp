// SPDX-License-Identifier: MIT
// Theory beside the run, driven headless: the Richardson line on the arms chart, the replicator series with its rest
// points on the cooperation chart, no overlay where no theory applies, and replicates on a worker thread.
#include "charts_panel.hpp"
#include "main_window.hpp"
#include "metrics_table_model.hpp"
#include "run_history.hpp"
#include "scenario_panel.hpp"
#include "simulation_controller.hpp"
#include "theory/theory_overlay.hpp"
#include "theory/theory_panel.hpp"
#include "time_series_chart.hpp"

#include <QDir>
#include <QFile>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <cmath>
#include <memory>

using namespace cybersim;
using namespace cybersim::gui;

namespace
{
constexpr int kTimeoutMs = 120000;

QString scenariosFolder()
{
    return QStringLiteral(CYBERSIM_SOURCE_DIR "/scenarios");
}

// A well-mixed prisoner's dilemma: 20 pure cooperators and defectors, half each, learning by imitation.
const char* const kPrisonersDilemma = R"(name = "test/pd-imitation"
[run]
seed = 3
rounds = 60
[network]
kind = "complete"
[generate]
count = 20
doctrines = ["strategy:Cooperator", "strategy:Defector"]
doctrine_shares = [10, 10]
[game]
kind = "prisoners-dilemma"
[learning]
rule = "imitation"
interval = 1
selection_intensity = 0.05
[trust]
gain_rate = 0.0
loss_rate = 0.0
reputation_weight = 0.0
[arms]
enabled = false
[common_security]
enabled = false
[surveillance]
enabled = false
[sovereignty]
enabled = false
[governance]
approach = "none"
)";

void runTo(MainWindow& window, int round)
{
    window.controller()->playUntil(round);
    QTRY_VERIFY_WITH_TIMEOUT(window.history()->latest() &&
                                 (window.history()->latest()->world.round >= round || window.history()->isFinished()),
                             kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isRunning(), kTimeoutMs);
    window.charts()->refreshNow();
}

// Saves `widget` as a PNG into $CYBERSIM_THEORY_SCREENSHOTS when that is set (for looking at the overlay by eye).
void screenshot(QWidget& widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("CYBERSIM_THEORY_SCREENSHOTS");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    QVERIFY(widget.grab().save(QDir(folder).filePath(name)));
}
} // namespace

class TestTheoryOverlay : public QObject
{
    Q_OBJECT
    std::unique_ptr<MainWindow> m_window;

    bool load(const QString& path)
    {
        if (!m_window->scenarioPanel()->loadFile(path))
            return false;
        return QTest::qWaitFor(
            [this]
            {
                return m_window->history()->world()->scenarioName ==
                       QString::fromStdString(m_window->scenarioPanel()->current().name);
            },
            kTimeoutMs);
    }

private slots:
    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->history()->world() != nullptr, kTimeoutMs);
    }
    void cleanup() { m_window.reset(); }

    void defaultScenarioShowsNoInapplicableOverlay()
    {
        auto* overlay = m_window->theoryOverlay();
        // The cyber game has no 2x2 matrix and nothing learns; trust moves, so the arms equilibrium is not drawn.
        QVERIFY(!overlay->replicatorSeries()->isVisible());
        QCOMPARE(overlay->replicatorSeries()->count(), 0);
        QVERIFY(!overlay->stableMarkers()->isVisible());
        QVERIFY(!overlay->unstableMarkers()->isVisible());
        QVERIFY(!overlay->equilibriumSeries()->isVisible());
        QVERIFY(overlay->armsLabel().isEmpty());
        // The Theory tab still says what it knows and why the rest does not apply.
        const auto& report = m_window->theoryPanel()->report();
        QVERIFY(report.find(theory::PredictionKind::Replicator) == nullptr);
        QVERIFY(!report.notApplicable.empty());
        QVERIFY(!m_window->theoryPanel()->replicateButton()->isEnabled());
        QVERIFY(m_window->showTab(QStringLiteral("Theory")));
    }

    void richardsonShowsTheEquilibriumLine()
    {
        QVERIFY(load(QDir(scenariosFolder()).filePath(QStringLiteral("classic/richardson.toml"))));
        auto* line = m_window->theoryOverlay()->equilibriumSeries();
        QVERIFY(line->isVisible());
        QCOMPARE(line->count(), 2);
        // Closed form: x* = (a g + k h) / (a^2 - k^2), y* = (a h + k g) / (a^2 - k^2), k = 0.3, a = 0.5,
        // g = 0.325, h = 0.55 (Richardson 1960).
        const double k = 0.3, a = 0.5, g = 0.325, h = 0.55;
        const double total = ((a * g + k * h) + (a * h + k * g)) / (a * a - k * k);
        QVERIFY(std::abs(line->at(0).y() - total) < 1e-9);
        QVERIFY(std::abs(line->at(1).y() - total) < 1e-9);
        QVERIFY(m_window->theoryOverlay()->armsLabel().isEmpty());
        QVERIFY(!m_window->theoryOverlay()->replicatorSeries()->isVisible());
        // The run converges onto the line.
        runTo(*m_window, 400);
        const auto& table = *m_window->findChild<MetricsTableModel*>();
        const double simulated = table.value(table.rowCount() - 1, table.column("total_arms"));
        QVERIFY2(std::abs(simulated - total) < 1e-6, qPrintable(QString::number(simulated)));
        screenshot(*m_window->charts()->chart(QStringLiteral("Arms race")), QStringLiteral("richardson-arms.png"));
    }

    void runawayRaceShowsItsEigenvalue()
    {
        // Same file with k = 0.7 > a = 0.5, written to a temporary folder.
        QTemporaryDir dir;
        QFile in(QDir(scenariosFolder()).filePath(QStringLiteral("classic/richardson.toml")));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(in.readAll());
        text.replace(QStringLiteral("reactivity = 0.3"), QStringLiteral("reactivity = 0.7"));
        QFile out(dir.filePath(QStringLiteral("runaway.toml")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text.toUtf8());
        out.close();
        QVERIFY(load(out.fileName()));
        QVERIFY(!m_window->theoryOverlay()->equilibriumSeries()->isVisible());
        QVERIFY2(m_window->theoryOverlay()->armsLabel().contains(QStringLiteral("λ = 0.2")),
                 qPrintable(m_window->theoryOverlay()->armsLabel()));
    }

    void prisonersDilemmaShowsTheReplicatorSeries()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("pd.toml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kPrisonersDilemma);
        file.close();
        QVERIFY(load(file.fileName()));
        auto* overlay = m_window->theoryOverlay();
        auto* series = overlay->replicatorSeries();
        QVERIFY(series->isVisible());
        QVERIFY(series->count() > 10);
        QCOMPARE(series->at(0).y(), 0.5);
        for (int i = 1; i < series->count(); ++i)
            QVERIFY(series->at(i).y() <= series->at(i - 1).y());
        QVERIFY(series->at(series->count() - 1).y() < 0.01);
        QCOMPARE(series->pen().style(), Qt::DashLine);
        // Defection (x = 0) is the stable rest point, full cooperation the unstable one.
        QCOMPARE(overlay->stableMarkers()->count(), 1);
        QCOMPARE(overlay->stableMarkers()->at(0).y(), 0.0);
        QCOMPARE(overlay->unstableMarkers()->count(), 1);
        QCOMPARE(overlay->unstableMarkers()->at(0).y(), 1.0);
        QVERIFY(!overlay->equilibriumSeries()->isVisible()); // arms are off
        runTo(*m_window, 60);
        m_window->showTab(QStringLiteral("Overview"));
        screenshot(*m_window->charts()->chart(QStringLiteral("Cooperation and trust")),
                   QStringLiteral("pd-replicator.png"));
        m_window->showTab(QStringLiteral("Theory"));
        screenshot(*m_window->theoryPanel(), QStringLiteral("pd-theory-tab.png"));
    }

    void moranReplicatesRunOnAWorkerThread()
    {
        QVERIFY(load(QDir(scenariosFolder()).filePath(QStringLiteral("classic/moran.toml"))));
        auto* panel = m_window->theoryPanel();
        const auto* fixation = panel->report().find(theory::PredictionKind::Fixation);
        QVERIFY(fixation != nullptr);
        QVERIFY(std::abs(fixation->value - (1 - 1 / 1.5) / (1 - std::pow(1 / 1.5, 10))) < 1e-9);
        QVERIFY(panel->replicateButton()->isEnabled());
        QSignalSpy finished(panel, &TheoryPanel::replicatesFinished);
        QTest::mouseClick(panel->replicateButton(), Qt::LeftButton);
        QVERIFY(panel->isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QVERIFY(!panel->isBusy());
        const double frequency = finished.at(0).at(0).toDouble();
        QVERIFY(finished.at(0).at(2).toString().isEmpty());
        const double se = std::sqrt(fixation->value * (1 - fixation->value) / TheoryPanel::kReplicates);
        QVERIFY2(std::abs(frequency - fixation->value) <= 3 * se, qPrintable(QString::number(frequency)));
        bool shown = false;
        for (int i = 0; i < panel->tree()->topLevelItemCount(); ++i)
            shown |= panel->tree()->topLevelItem(i)->text(2).contains(QStringLiteral("fixed"));
        QVERIFY(shown);
        m_window->showTab(QStringLiteral("Theory"));
        screenshot(*panel, QStringLiteral("moran-theory-tab.png"));
    }
};

QTEST_MAIN(TestTheoryOverlay)
#include "test_theory_overlay.moc"
