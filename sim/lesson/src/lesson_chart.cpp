// SPDX-License-Identifier: MIT
// The views a lesson step can name, and the series each one takes from a Replay (shared by handouts and the GUI).
#include "cybersim/lesson/lesson_chart.hpp"

#include "cybersim/core/error.hpp"

#include <cmath>
#include <limits>
#include <map>

namespace cybersim::lesson
{

namespace
{

struct ChartInfo
{
    LessonChart chart;
    const char* name;
    const char* title;
};

constexpr ChartInfo kCharts[] = {
    {LessonChart::CooperationTrust, "cooperation-trust", "Cooperation and trust"},
    {LessonChart::Arms, "arms", "Arms and defence"},
    {LessonChart::ArmsStability, "arms-stability", "Arms race stability (above 0 = runaway)"},
    {LessonChart::CommonSecurity, "common-security", "Common security"},
    {LessonChart::Threat, "threat", "Cyber crime threat (stock)"},
    {LessonChart::Norms, "norms", "Norms adopted and violated"},
    {LessonChart::Welfare, "welfare", "Welfare (sum of payoffs per round)"},
    {LessonChart::Accusations, "accusations", "Accusations and intrusions"},
    {LessonChart::Surveillance, "surveillance", "Surveillance and disclosures"},
    {LessonChart::Legitimacy, "legitimacy", "Legitimacy"},
    {LessonChart::StateTrust, "state-trust", "Trust each state receives"},
    {LessonChart::DoctrinePayoffs, "doctrine-payoffs", "Cumulative payoff by doctrine"},
    {LessonChart::Network, "network", "Relations, coloured by trust"},
    {LessonChart::TrustMatrix, "trust-matrix", "Who trusts whom"},
};

const ChartInfo& infoOf(LessonChart chart)
{
    for (const auto& info : kCharts)
        if (info.chart == chart)
            return info;
    return kCharts[0];
}

// Events worth pointing at on a classroom chart; doctrine changes and alliances are too frequent to mark.
bool isMarkerEvent(engine::EventType type)
{
    return type == engine::EventType::Disclosure || type == engine::EventType::Runaway ||
           type == engine::EventType::NormAdopted || type == engine::EventType::ParameterSet ||
           type == engine::EventType::Incident || type == engine::EventType::Shortfall;
}

} // namespace

const std::vector<LessonChart>& lessonCharts()
{
    static const std::vector<LessonChart> charts = []
    {
        std::vector<LessonChart> out;
        for (const auto& info : kCharts)
            out.push_back(info.chart);
        return out;
    }();
    return charts;
}

std::string_view lessonChartName(LessonChart chart) noexcept
{
    return infoOf(chart).name;
}

std::string_view lessonChartTitle(LessonChart chart) noexcept
{
    return infoOf(chart).title;
}

std::optional<LessonChart> findLessonChart(std::string_view name) noexcept
{
    for (const auto& info : kCharts)
        if (name == info.name)
            return info.chart;
    return std::nullopt;
}

bool isTimeSeriesChart(LessonChart chart) noexcept
{
    return chart != LessonChart::Network && chart != LessonChart::TrustMatrix;
}

ChartData timeSeriesChart(LessonChart chart, const records::Replay& replay, std::size_t lastRow,
                          std::string_view highlight)
{
    if (!isTimeSeriesChart(chart))
        throw ConfigError(std::string("chart ") + lessonChartName(chart).data() + " is not a time series");
    if (lastRow >= replay.rowCount())
        throw ConfigError("replay row " + std::to_string(lastRow) + " is out of range, the replay has " +
                          std::to_string(replay.rowCount()) + " rows");
    ChartData data;
    data.title = lessonChartTitle(chart);
    data.xLabel = replay.roundLabel.empty() ? "round" : "round (" + replay.roundLabel + ")";
    const auto& series = replay.record.series;
    for (std::size_t r = 0; r <= lastRow; ++r)
        data.rounds.push_back(series[r].round);
    // Row 0 is the world before any act: per-round flows (cooperation rate, welfare) are not defined there, and a
    // plotted 0 would draw a false plunge at the start, so they start at row 1.
    const auto world = [&](const char* name, auto getter, bool flow = false)
    {
        ChartSeries s{name, {}, false, false};
        for (std::size_t r = 0; r <= lastRow; ++r)
            s.values.push_back(flow && r == 0 ? std::numeric_limits<double>::quiet_NaN()
                                              : static_cast<double>(getter(series[r])));
        data.series.push_back(std::move(s));
    };
    const auto& names = replay.record.stateNames;
    std::int64_t highlighted = -1;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (!highlight.empty() && names[i] == highlight)
            highlighted = static_cast<std::int64_t>(i);
    const bool hasStates = replay.record.states.size() >= (lastRow + 1) * names.size() && !names.empty();
    const auto stateSeries = [&](std::size_t i, auto getter, std::string name)
    {
        ChartSeries s{std::move(name), {}, static_cast<std::int64_t>(i) == highlighted, false};
        for (std::size_t r = 0; r <= lastRow; ++r)
            s.values.push_back(static_cast<double>(getter(replay.statesAt(r)[i])));
        return s;
    };

    switch (chart)
    {
    case LessonChart::CooperationTrust:
        world(
            "cooperation rate", [](const engine::WorldMetrics& m) { return m.cooperationRate; }, true);
        world("mean trust", [](const engine::WorldMetrics& m) { return m.meanTrust; });
        if (highlighted >= 0 && hasStates)
            data.series.push_back(stateSeries(
                static_cast<std::size_t>(highlighted), [](const engine::StateMetrics& s) { return s.trustReceived; },
                std::string(highlight) + ": trust received"));
        data.yLabel = "share / trust";
        data.yMin = 0.0;
        data.yMax = 1.0;
        break;
    case LessonChart::Arms:
        world("total arms", [](const engine::WorldMetrics& m) { return m.totalArms; });
        world("total defence", [](const engine::WorldMetrics& m) { return m.totalDefence; });
        data.yLabel = "capability";
        data.yMin = 0.0;
        break;
    case LessonChart::ArmsStability:
        world("stability eigenvalue", [](const engine::WorldMetrics& m) { return m.stabilityEigenvalue; });
        data.yLabel = "largest eigenvalue";
        data.zeroLine = true;
        break;
    case LessonChart::CommonSecurity:
        world("common security index", [](const engine::WorldMetrics& m) { return m.commonSecurityIndex; });
        world("contributions / need", [](const engine::WorldMetrics& m) { return m.contributionRatio; });
        data.yLabel = "index / ratio";
        data.yMin = 0.0;
        break;
    case LessonChart::Threat:
        world("threat stock", [](const engine::WorldMetrics& m) { return m.threatStock; });
        world("states hit", [](const engine::WorldMetrics& m) { return m.statesHit; });
        data.yLabel = "threat / states";
        data.yMin = 0.0;
        break;
    case LessonChart::Norms:
        world("norms adopted", [](const engine::WorldMetrics& m) { return m.normsAdopted; });
        world("norm violations", [](const engine::WorldMetrics& m) { return m.normViolations; });
        data.yLabel = "count";
        data.yMin = 0.0;
        break;
    case LessonChart::Welfare:
        world(
            "welfare", [](const engine::WorldMetrics& m) { return m.welfare; }, true);
        data.yLabel = "sum of payoffs";
        break;
    case LessonChart::Accusations:
        world("accusations", [](const engine::WorldMetrics& m) { return m.accusations; });
        world("groundless accusations", [](const engine::WorldMetrics& m) { return m.groundlessAccusations; });
        world("intrusions", [](const engine::WorldMetrics& m) { return m.intrusions; });
        data.yLabel = "per round";
        data.yMin = 0.0;
        break;
    case LessonChart::Surveillance:
        world("states surveilling", [](const engine::WorldMetrics& m) { return m.surveillanceActive; });
        world("disclosures", [](const engine::WorldMetrics& m) { return m.disclosures; });
        data.yLabel = "states";
        data.yMin = 0.0;
        break;
    case LessonChart::Legitimacy:
        world("mean legitimacy", [](const engine::WorldMetrics& m) { return m.meanLegitimacy; });
        if (highlighted >= 0 && hasStates)
            data.series.push_back(stateSeries(
                static_cast<std::size_t>(highlighted), [](const engine::StateMetrics& s) { return s.legitimacy; },
                std::string(highlight)));
        data.yLabel = "legitimacy";
        data.yMin = 0.0;
        data.yMax = 1.0;
        break;
    case LessonChart::StateTrust:
        if (hasStates)
            for (std::size_t i = 0; i < names.size(); ++i)
            {
                auto s = stateSeries(
                    i, [](const engine::StateMetrics& m) { return m.trustReceived; }, names[i]);
                s.muted = highlighted >= 0 && !s.emphasised;
                data.series.push_back(std::move(s));
            }
        data.yLabel = "trust received";
        data.yMin = 0.0;
        data.yMax = 1.0;
        break;
    case LessonChart::DoctrinePayoffs:
        if (hasStates)
        {
            // Grouped by each state's doctrine in that round, so learning moves states between lines.
            for (std::size_t d = 0; d < replay.record.doctrineNames.size(); ++d)
            {
                ChartSeries s{replay.record.doctrineNames[d], {}, false, false};
                bool any = false;
                for (std::size_t r = 0; r <= lastRow; ++r)
                {
                    double sum = 0.0;
                    int count = 0;
                    for (const auto& st : replay.statesAt(r))
                        if (st.doctrine == static_cast<std::int32_t>(d))
                        {
                            sum += st.cumulativePayoff;
                            ++count;
                        }
                    any = any || count > 0;
                    s.values.push_back(count > 0 ? sum / count : std::numeric_limits<double>::quiet_NaN());
                }
                if (any)
                    data.series.push_back(std::move(s));
            }
        }
        data.yLabel = "mean cumulative payoff";
        break;
    case LessonChart::Network:
    case LessonChart::TrustMatrix:
        break;
    }

    const int lastRound = series[lastRow].round;
    std::map<std::pair<int, engine::EventType>, int> seen;
    for (const auto& e : replay.record.events)
        if (e.round <= lastRound && isMarkerEvent(e.type))
        {
            // One marker per kind and round; shortfalls only where a spell begins (they are logged that way).
            if (seen[{e.round, e.type}]++ > 0)
                continue;
            std::string label = e.detail.empty() ? std::string(engine::eventTypeName(e.type)) : e.detail;
            data.markers.push_back({e.round + 1, std::move(label)});
        }
    return data;
}

std::vector<double> trustMatrixAt(const records::Replay& replay, std::size_t row)
{
    const auto n = replay.record.stateNames.size();
    std::vector<double> matrix(n * n, std::numeric_limits<double>::quiet_NaN());
    for (const auto& e : replay.edgesAt(row))
    {
        matrix[e.a * n + e.b] = e.trustAB;
        matrix[e.b * n + e.a] = e.trustBA;
    }
    return matrix;
}

} // namespace cybersim::lesson
