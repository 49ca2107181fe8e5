// SPDX-License-Identifier: MIT
// Checks 1 and 2: Axelrod's first tournament (structure over seeds) and Axelrod-Python's exact peer vectors.
#include "checks.hpp"

#include "cybersim/agents/register_builtins.hpp"
#include "cybersim/agents/tournament.hpp"
#include "cybersim/core/catalogue.hpp"
#include "cybersim/core/error.hpp"
#include "cybersim/core/strategy.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

namespace cybersim::validation::detail
{

namespace
{

// The fifteen programs in the published order of Axelrod (1980), Table 2 (CANONICAL.md §1).
const std::vector<std::string> kEntries = {"TitForTat",
                                           "FirstByTidemanAndChieruzzi",
                                           "FirstByNydegger",
                                           "FirstByGrofman",
                                           "FirstByShubik",
                                           "FirstBySteinAndRapoport",
                                           "Grudger",
                                           "FirstByDavis",
                                           "FirstByGraaskamp",
                                           "FirstByDowning",
                                           "FirstByFeld",
                                           "FirstByJoss",
                                           "FirstByTullock",
                                           "FirstByAnonymous",
                                           "Random"};
const std::vector<double> kPublished = {504.5, 500.4, 485.5, 481.9, 480.7, 477.8, 473.4, 471.8,
                                        400.7, 390.6, 327.6, 304.4, 300.5, 282.2, 276.3};

// Axelrod-Python's MockPlayer: plays script[t % size] on turn t, whatever the partner does.
class ScriptedStrategy final : public core::Strategy
{
public:
    explicit ScriptedStrategy(std::string script) : m_script(std::move(script)) {}
    void decide(std::span<core::DyadMemory> memories, std::span<core::Action> out,
                const core::DecisionContext&) const override
    {
        for (std::size_t i = 0; i < memories.size(); ++i)
            out[i] =
                m_script[memories[i].turns % m_script.size()] == 'C' ? core::Action::Cooperate : core::Action::Defect;
    }

private:
    std::string m_script;
};

// Rows of a tab-separated file without its header; empty when the file cannot be opened.
std::vector<std::vector<std::string>> readTsv(const std::filesystem::path& path, bool& opened)
{
    std::ifstream in(path);
    opened = in.good();
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line))
    {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty())
            continue;
        std::vector<std::string> fields;
        std::stringstream ss(line);
        for (std::string field; std::getline(ss, field, '\t');)
            fields.push_back(field);
        rows.push_back(std::move(fields));
    }
    return rows;
}

std::unique_ptr<core::Strategy> makePlayer(const std::string& name)
{
    constexpr std::string_view kMock = "MockPlayer:";
    if (name.starts_with(kMock))
    {
        auto script = name.substr(kMock.size());
        if (script.empty() || script.find_first_not_of("CD") != std::string::npos)
            throw ConfigError("bad scripted player '" + name + "'");
        return std::make_unique<ScriptedStrategy>(std::move(script));
    }
    return agents::builtinCatalogue().makeStrategy(name, {});
}

} // namespace

CheckReport checkAxelrod1980(const ValidationOptions& options)
{
    CheckReport report;
    report.title = "Axelrod's first tournament: the top eight are the nice rules, RANDOM and the anonymous entry last";
    report.citation = "Axelrod 1980, J. Conflict Resolution 24(1):3-25";
    report.method = "agents::runTournament: 15 entries (FirstBy*), 200 turns, 5 repetitions, self-play counted";
    const int seeds = options.quick ? 10 : 100;
    const std::set<std::size_t> nice = {0, 1, 2, 3, 4, 5, 6, 7};
    const std::set<std::size_t> bottom = {13, 14};
    const double n = static_cast<double>(kEntries.size());
    int niceTop = 0, bottomTwo = 0;
    double spearmanSum = 0.0;
    std::vector<double> meanScore(kEntries.size(), 0.0), meanSquare(kEntries.size(), 0.0);
    for (int s = 0; s < seeds; ++s)
    {
        agents::TournamentDef def;
        def.players = kEntries;
        def.turns = 200;
        def.repetitions = 5;
        def.seed = core::deriveSeed(options.seed, 1980, static_cast<std::uint64_t>(s));
        const auto result = agents::runTournament(def, agents::builtinCatalogue(), options.threads);
        std::set<std::size_t> top, last;
        double d2 = 0.0;
        for (std::size_t place = 0; place < result.ranking.size(); ++place)
        {
            const auto& e = result.ranking[place];
            if (place < 8)
                top.insert(e.player);
            if (place + 2 >= result.ranking.size())
                last.insert(e.player);
            const double d = static_cast<double>(place) - static_cast<double>(e.player);
            d2 += d * d;
            // Axelrod's score: mean points per 200-move game over the 15 games of a round robin.
            const double score = e.meanScorePerTurn * 200.0;
            meanScore[e.player] += score / seeds;
            meanSquare[e.player] += score * score / seeds;
        }
        niceTop += top == nice ? 1 : 0;
        bottomTwo += last == bottom ? 1 : 0;
        spearmanSum += 1.0 - 6.0 * d2 / (n * (n * n - 1.0));
    }
    const double niceShare = double(niceTop) / seeds;
    const double bottomShare = double(bottomTwo) / seeds;
    const double spearman = spearmanSum / seeds;
    const std::string over = "over " + std::to_string(seeds) + " seeds";
    report.rows.push_back({"share of seeds whose top eight are exactly the eight nice rules", "1 (one run)",
                           fmt(niceShare, 4), ">= 0.95", passIf(niceShare >= 0.95), over});
    report.rows.push_back({"mean Spearman correlation with the published order", "1 (one run)", fmt(spearman, 4),
                           ">= 0.85", passIf(spearman >= 0.85), over});
    report.rows.push_back({"share of seeds with RANDOM and the anonymous entry bottom two", "1 (one run)",
                           fmt(bottomShare, 4), ">= 0.90", passIf(bottomShare >= 0.90), over});
    for (std::size_t i = 0; i < kEntries.size(); ++i)
        report.rows.push_back({kEntries[i] + " mean score per 200-move game", fmt(kPublished[i], 4),
                               fmt(meanScore[i], 4), "none (reconstructed entries)", Status::Info, over});

    // Chart: each entry's score, published and ours (bars: spread over seeds), in the published order; the two
    // series sit a little left and right of the entry so that close values stay apart.
    auto& chart = report.chart;
    chart.title =
        "Axelrod's first tournament: score per entry, published and ours (" + std::to_string(seeds) + " seeds)";
    chart.xTitle = "entry, in the published order (top eight: the nice rules)";
    chart.yTitle = "mean score per 200-move game";
    CheckChartSeries published{"published (Axelrod 1980, Table 2)", ChartStyle::Points, {}, kChartBlack};
    CheckChartSeries ours{"ours, mean over seeds (bars: SD over seeds)", ChartStyle::Points, {}, 0};
    double low = kPublished.back(), high = kPublished.front();
    for (std::size_t i = 0; i < kEntries.size(); ++i)
    {
        constexpr std::string_view kPrefix = "FirstBy";
        const auto& name = kEntries[i];
        chart.xCategories.push_back(name.starts_with(kPrefix) ? name.substr(kPrefix.size()) : name);
        const double sd = std::sqrt(std::max(0.0, meanSquare[i] - meanScore[i] * meanScore[i]));
        published.points.push_back({double(i) - 0.12, kPublished[i], 0.0});
        ours.points.push_back({double(i) + 0.12, meanScore[i], sd});
        low = std::min({low, kPublished[i], meanScore[i] - sd});
        high = std::max({high, kPublished[i], meanScore[i] + sd});
    }
    chart.yMin = std::floor(low / 25.0) * 25.0 - 10.0;
    chart.yMax = std::ceil(high / 25.0) * 25.0 + 10.0;
    chart.series.push_back(verticalLine("", 7.5, *chart.yMin, *chart.yMax));
    chart.series.push_back(std::move(published));
    chart.series.push_back(std::move(ours));
    return report;
}

CheckReport checkAxelrodPeer(const ValidationOptions& options)
{
    CheckReport report;
    report.title = "exact moves and scores of Axelrod-Python's strategy tests and two small tournaments";
    report.citation = "Axelrod-Python (Axelrod-Python/Axelrod@95052da1) tests, via validation/data/*.tsv";
    report.method = "agents::playMatch and agents::runTournament (self-play played, excluded from the totals)";
    const auto dir = referenceDir(options);
    // Chart: every compared score per turn, ours against the published one; exact agreement puts all on the diagonal.
    auto& chart = report.chart;
    chart.title = "Axelrod-Python's strategy tests: our scores against theirs";
    chart.xTitle = "published score per turn (Axelrod-Python)";
    chart.yTitle = "our score per turn";
    CheckChartSeries matchPoints{"48 test matches, both players", ChartStyle::Points, {}, 0};
    CheckChartSeries totalPoints{"8 small-tournament totals (per turn and opponent)", ChartStyle::OpenPoints, {}, 1};
    bool opened = false;
    const auto vectors = readTsv(dir / "axelrod_peer_vectors.tsv", opened);
    if (!opened)
        report.rows.push_back({"peer match vectors", "48 rows", "-", "exact", Status::Skip,
                               "cannot open " + (dir / "axelrod_peer_vectors.tsv").string() +
                                   " (set CYBERSIM_DATA_DIR to cybersim's data folder)"});
    else
    {
        int matched = 0;
        std::string firstMismatch;
        for (const auto& row : vectors)
        {
            bool ok = false;
            if (row.size() >= 8)
            {
                const auto player = makePlayer(row[1]);
                const auto opponent = makePlayer(row[2]);
                const auto r = agents::playMatch(*player, *opponent, static_cast<std::uint32_t>(std::stoul(row[3])));
                ok = r.movesA == row[4] && r.movesB == row[5] && r.scoreA == std::stod(row[6]) &&
                     r.scoreB == std::stod(row[7]);
                const double turns = std::stod(row[3]);
                matchPoints.points.push_back({std::stod(row[6]) / turns, double(r.scoreA) / turns, 0.0});
                matchPoints.points.push_back({std::stod(row[7]) / turns, double(r.scoreB) / turns, 0.0});
            }
            matched += ok ? 1 : 0;
            if (!ok && firstMismatch.empty())
                firstMismatch = "first mismatch: " + (row.empty() ? std::string("empty row") : row[0]);
        }
        const int total = static_cast<int>(vectors.size());
        report.rows.push_back({"peer match vectors reproduced exactly (moves and scores)", std::to_string(total),
                               std::to_string(matched), "exact, every row", passIf(total > 0 && matched == total),
                               firstMismatch});
    }
    const auto finishChart = [&]
    {
        if (matchPoints.points.empty() && totalPoints.points.empty())
            return;
        double top = 0.0;
        for (const auto* series : {&matchPoints, &totalPoints})
            for (const auto& p : series->points)
                top = std::max({top, p.x, p.y});
        top = std::ceil(top);
        chart.series.push_back({"ours = published", ChartStyle::Reference, {{0, 0, 0}, {top, top, 0}}, -1});
        for (auto* series : {&matchPoints, &totalPoints})
            if (!series->points.empty())
                chart.series.push_back(std::move(*series));
    };
    const auto tournaments = readTsv(dir / "axelrod_peer_small_tournaments.tsv", opened);
    if (!opened)
    {
        report.rows.push_back({"peer small-tournament totals", "8 rows", "-", "exact", Status::Skip,
                               "cannot open " + (dir / "axelrod_peer_small_tournaments.tsv").string()});
        finishChart();
        return report;
    }
    int matched = 0;
    std::string firstMismatch;
    for (const auto& row : tournaments)
    {
        bool ok = row.size() >= 4;
        if (ok)
        {
            agents::TournamentDef def;
            std::stringstream ss(row[0]);
            for (std::string name; std::getline(ss, name, ',');)
                def.players.push_back(name);
            def.turns = static_cast<std::uint32_t>(std::stoul(row[1]));
            def.repetitions = 3;
            def.seed = options.seed;
            const auto result = agents::runTournament(def, agents::builtinCatalogue(), options.threads);
            std::size_t player = def.players.size();
            for (std::size_t i = 0; i < def.players.size(); ++i)
                if (def.players[i] == row[2])
                    player = i;
            ok = player < def.players.size();
            for (std::uint32_t r = 0; ok && r < def.repetitions; ++r)
                ok = result.totalScore(player, r, false) == std::stod(row[3]);
            if (player < def.players.size() && def.players.size() > 1)
            {
                const double perTurn = double(def.turns) * double(def.players.size() - 1);
                totalPoints.points.push_back(
                    {std::stod(row[3]) / perTurn, double(result.totalScore(player, 0, false)) / perTurn, 0.0});
            }
        }
        matched += ok ? 1 : 0;
        if (!ok && firstMismatch.empty())
            firstMismatch = "first mismatch: " + (row.size() > 2 ? row[2] : std::string("short row"));
    }
    const int total = static_cast<int>(tournaments.size());
    report.rows.push_back({"peer small-tournament totals reproduced exactly", std::to_string(total),
                           std::to_string(matched), "exact, every row", passIf(total > 0 && matched == total),
                           firstMismatch});
    finishChart();
    return report;
}

} // namespace cybersim::validation::detail
