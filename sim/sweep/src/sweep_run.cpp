// SPDX-License-Identifier: MIT
// Running sweep runs: each run plays serially to the end and is reduced to its metric values; runs are spread
// over a oneTBB arena of the requested size, so engine and sweep never oversubscribe the cores.
#include "cybersim/sweep/sweep_run.hpp"

#include "cybersim/engine/simulation.hpp"
#include "cybersim/records/run_record.hpp"
#include "cybersim/scenario/scenario_io.hpp"
#include "cybersim/sweep/sweep_journal.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>

namespace cybersim::sweep
{

namespace
{

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool holds(SweepComparison c, double value, double threshold)
{
    switch (c)
    {
    case SweepComparison::Less:
        return value < threshold;
    case SweepComparison::LessEqual:
        return value <= threshold;
    case SweepComparison::Greater:
        return value > threshold;
    case SweepComparison::GreaterEqual:
        break;
    }
    return value >= threshold;
}

// Reduces a run to one value per metric as the rounds go by; only metrics that need every round look at them.
class MetricTracker
{
public:
    MetricTracker(const std::vector<SweepMetric>& metrics, int rounds)
        : m_metrics(metrics), m_values(metrics.size(), kNaN), m_sums(metrics.size(), 0.0), m_counts(metrics.size(), 0),
          m_rounds(rounds)
    {
    }

    void observe(int round, const engine::WorldMetrics& world, std::span<const engine::EventRecord> events)
    {
        for (std::size_t i = 0; i < m_metrics.size(); ++i)
        {
            const auto& m = m_metrics[i];
            if (m.stat == SweepStat::Mean)
            {
                const int last = m.windowTo == 0 ? m_rounds : m.windowTo;
                if (round >= m.windowFrom && round <= last)
                {
                    m_sums[i] += records::worldMetricValue(world, m.of);
                    ++m_counts[i];
                }
            }
            else if (m.stat == SweepStat::TimeTo && std::isnan(m_values[i]))
            {
                if (m.event)
                {
                    for (const auto& e : events)
                        if (e.type == *m.event)
                        {
                            m_values[i] = round;
                            break;
                        }
                }
                else if (holds(m.comparison, records::worldMetricValue(world, m.of), m.threshold))
                    m_values[i] = round;
            }
        }
    }

    std::vector<double> finish(const engine::WorldMetrics& world)
    {
        for (std::size_t i = 0; i < m_metrics.size(); ++i)
        {
            const auto& m = m_metrics[i];
            if (m.stat == SweepStat::Final)
                m_values[i] = records::worldMetricValue(world, m.of);
            else if (m.stat == SweepStat::Mean)
                m_values[i] = m_counts[i] > 0 ? m_sums[i] / double(m_counts[i]) : kNaN;
        }
        return std::move(m_values);
    }

private:
    const std::vector<SweepMetric>& m_metrics;
    std::vector<double> m_values;
    std::vector<double> m_sums;
    std::vector<int> m_counts;
    int m_rounds;
};

} // namespace

std::vector<double> runSweepRun(const SweepPlan& plan, std::uint64_t index, const core::Catalogue& catalogue)
{
    const scenario::Scenario scenario = plan.runScenario(index);
    engine::Simulation simulation(scenario, catalogue, engine::SimulationOptions{false});
    MetricTracker tracker(plan.spec().metrics, scenario.run.rounds);
    tracker.observe(0, simulation.metrics(), {});
    while (!simulation.finished())
    {
        simulation.step();
        tracker.observe(simulation.round(), simulation.metrics(), simulation.newEvents());
    }
    return tracker.finish(simulation.metrics());
}

void writeSweepSeries(const SweepPlan& plan, std::uint64_t index, const core::Catalogue& catalogue,
                      const std::filesystem::path& folder)
{
    const scenario::Scenario scenario = plan.runScenario(index);
    engine::Simulation simulation(scenario, catalogue, engine::SimulationOptions{false});
    records::RunRecord record;
    record.begin(simulation);
    while (!simulation.finished())
    {
        simulation.step();
        record.capture(simulation);
    }
    const records::Provenance provenance{scenario.run.seed, scenario::scenarioHash(scenario), CYBERSIM_VERSION,
                                         records::buildDescription()};
    records::writeRunOutputs(folder, record, simulation, provenance);
}

void runSweepLocal(const SweepPlan& plan, const core::Catalogue& catalogue, std::span<const std::uint64_t> pending,
                   SweepJournal& journal, int threads, const std::function<void(std::uint64_t done)>& progress)
{
    tbb::task_arena arena(threads > 0 ? threads : tbb::task_arena::automatic);
    std::atomic<std::uint64_t> done{0};
    std::mutex progressMutex;
    arena.execute(
        [&]
        {
            // One run per task: runs take about a millisecond, far above the scheduling cost, and small tasks balance
            // points whose runs differ in length.
            tbb::parallel_for(tbb::blocked_range<std::size_t>(0, pending.size(), 1),
                              [&](const tbb::blocked_range<std::size_t>& range)
                              {
                                  for (auto i = range.begin(); i != range.end(); ++i)
                                  {
                                      const auto values = runSweepRun(plan, pending[i], catalogue);
                                      journal.append(pending[i], values);
                                      const auto finished = done.fetch_add(1) + 1;
                                      if (progress)
                                      {
                                          const std::lock_guard lock(progressMutex);
                                          progress(finished);
                                      }
                                  }
                              });
        });
}

} // namespace cybersim::sweep
