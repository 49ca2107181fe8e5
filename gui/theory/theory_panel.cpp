// SPDX-License-Identifier: MIT
// The Theory tab: every prediction that applies, its formula and the simulated counterpart; replicates on a thread.
#include "theory/theory_panel.hpp"

#include "metrics_table_model.hpp"
#include "run_history.hpp"
#include "theory/prediction_adapter.hpp"

#include "cybersim/agents/register_builtins.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <exception>

namespace cybersim::gui
{

namespace
{
enum Column
{
    Prediction,
    Theory,
    Simulated,
    Formula,
    ColumnCount
};
} // namespace

TheoryPanel::TheoryPanel(const RunHistory& history, const MetricsTableModel& table, QWidget* parent)
    : QWidget(parent), m_history(history), m_table(table), m_tree(new QTreeWidget), m_notApplicable(new QLabel),
      m_replicate(new QPushButton(tr("Run %1 replicates").arg(kReplicates)))
{
    setObjectName(QStringLiteral("Theory"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Prediction"), tr("Theory"), tr("Simulated"), tr("Formula")});
    m_tree->setRootIsDecorated(false);
    m_tree->setWordWrap(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(Prediction, 360);
    m_tree->setColumnWidth(Theory, 200);
    m_tree->setColumnWidth(Simulated, 220);
    m_notApplicable->setWordWrap(true);
    m_notApplicable->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_replicate->setToolTip(tr("Runs the scenario from %1 seeds to fixation or loss, on a worker thread, and compares "
                               "the fixation frequency with the theory")
                                .arg(kReplicates));
    m_replicate->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_notApplicable);
    layout->addWidget(m_replicate, 0, Qt::AlignLeft);
    connect(m_replicate, &QPushButton::clicked, this, &TheoryPanel::runReplicates);
    connect(&history, &RunHistory::roundsAppended, this, &TheoryPanel::refreshSimulated);
    connect(&history, &RunHistory::worldChanged, this, &TheoryPanel::refreshSimulated);
}

TheoryPanel::~TheoryPanel()
{
    // The worker refers to this panel; let it finish (the replicates are seconds at most).
    if (m_worker)
    {
        m_worker->wait();
        delete m_worker;
    }
}

void TheoryPanel::showReport(const scenario::Scenario& scenario, const theory::TheoryReport& report)
{
    m_scenario = scenario;
    m_report = report;
    ++m_generation;
    m_tallyText.clear();
    m_tree->clear();
    for (const auto& p : report.predictions)
    {
        auto* item = new QTreeWidgetItem(m_tree);
        item->setText(Prediction, QString::fromStdString(p.label) + (p.exact ? tr(" (exact)") : QString()));
        item->setText(Theory, predictionValueText(p));
        item->setText(Formula, QString::fromStdString(p.formula));
        const QString details =
            QString::fromStdString(p.formula) + QStringLiteral("\n\n") + QString::fromStdString(p.applicability);
        for (int c = 0; c < ColumnCount; ++c)
            item->setToolTip(c, details);
        auto* applicability = new QTreeWidgetItem(m_tree);
        applicability->setFirstColumnSpanned(true);
        applicability->setText(Prediction, QStringLiteral("    ") + QString::fromStdString(p.applicability));
        applicability->setForeground(Prediction, palette().color(QPalette::PlaceholderText));
        applicability->setFlags(Qt::ItemIsEnabled);
    }
    QStringList lines;
    for (const auto& why : report.notApplicable)
        lines << QStringLiteral("• ") + QString::fromStdString(why);
    m_notApplicable->setText(report.predictions.empty() ? tr("No theory prediction applies to this scenario.\n") +
                                                              lines.join(QLatin1Char('\n'))
                                                        : tr("Not applicable:\n") + lines.join(QLatin1Char('\n')));
    m_notApplicable->setVisible(!lines.isEmpty());
    m_replicate->setEnabled(report.find(theory::PredictionKind::Fixation) != nullptr && !m_worker);
    refreshSimulated();
}

void TheoryPanel::refreshSimulated()
{
    const int rows = m_table.rowCount();
    for (int i = 0, row = 0; i < static_cast<int>(m_report.predictions.size()); ++i, row += 2)
    {
        const auto& p = m_report.predictions[static_cast<std::size_t>(i)];
        auto* item = m_tree->topLevelItem(row);
        if (!item)
            return;
        QString text;
        if (p.kind == theory::PredictionKind::Fixation)
            text = m_tallyText.isEmpty() ? tr("press “Run %1 replicates”").arg(kReplicates) : m_tallyText;
        else if (rows <= 1)
            text = tr("— (run the scenario)"); // round 0's row holds no acts yet
        else if (p.kind == theory::PredictionKind::Replicator)
        {
            const int round = rows - 1;
            text = tr("share %1 at round %2 (theory %3)")
                       .arg(m_table.value(round, m_table.column("cooperation_rate")), 0, 'g', 4)
                       .arg(round)
                       .arg(shareAtRound(p, round), 0, 'g', 4);
        }
        else if (p.kind == theory::PredictionKind::ArmsEquilibrium)
            text = tr("total arms %1 at round %2")
                       .arg(m_table.value(rows - 1, m_table.column("total_arms")), 0, 'g', 6)
                       .arg(rows - 1);
        item->setText(Simulated, text);
    }
}

void TheoryPanel::runReplicates()
{
    if (m_worker || !m_report.find(theory::PredictionKind::Fixation))
        return;
    m_replicate->setEnabled(false);
    m_tallyText = tr("running %1 replicates…").arg(kReplicates);
    refreshSimulated();
    // The thread gets its own copy of the scenario and hands back a plain value (the mandelbrot pattern).
    m_worker = QThread::create(
        [this, scenario = m_scenario, generation = m_generation]
        {
            theory::FixationTally tally;
            QString error;
            try
            {
                tally = theory::simulateFixation(scenario, agents::builtinCatalogue(), kReplicates, scenario.run.seed);
            }
            catch (const std::exception& e)
            {
                error = QString::fromUtf8(e.what());
            }
            QMetaObject::invokeMethod(
                this, [this, tally, error, generation] { showTally(tally, error, generation); }, Qt::QueuedConnection);
        });
    m_worker->start();
}

void TheoryPanel::showTally(const theory::FixationTally& tally, const QString& error, int generation)
{
    if (m_worker)
    {
        m_worker->wait();
        delete m_worker;
    }
    m_worker = nullptr;
    const auto* fixation = m_report.find(theory::PredictionKind::Fixation);
    m_replicate->setEnabled(fixation != nullptr);
    if (generation != m_generation)
        return; // another scenario was loaded meanwhile: the tally is not about what the tab shows
    if (!error.isEmpty())
        m_tallyText = tr("failed: %1").arg(error);
    else
    {
        const double z =
            fixation && tally.standardError > 0.0 ? (tally.frequency - fixation->value) / tally.standardError : 0.0;
        m_tallyText = tr("%1 ± %2 (%3 of %4 fixed%5; z = %6)")
                          .arg(tally.frequency, 0, 'g', 4)
                          .arg(tally.standardError, 0, 'g', 2)
                          .arg(tally.fixed)
                          .arg(tally.fixed + tally.lost)
                          .arg(tally.unresolved > 0 ? tr(", %1 unresolved").arg(tally.unresolved) : QString())
                          .arg(z, 0, 'f', 2);
    }
    refreshSimulated();
    emit replicatesFinished(tally.frequency, tally.standardError, error);
}

} // namespace cybersim::gui
