// SPDX-License-Identifier: MIT
// The validation reports as CSV and JSON, with the build's provenance.
#include "cybersim/validation/canonical.hpp"

#include "cybersim/records/run_record.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

namespace cybersim::validation
{

namespace
{

std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (const char c : text)
    {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

const char* styleName(ChartStyle style)
{
    switch (style)
    {
    case ChartStyle::Line:
        return "line";
    case ChartStyle::Dashed:
        return "dashed";
    case ChartStyle::Reference:
        return "reference";
    case ChartStyle::Points:
        return "points";
    case ChartStyle::OpenPoints:
        return "open-points";
    }
    return "?";
}

// The chart's data: titles, axes and each series' points as [x, y, error] (error 0 = no bar).
nlohmann::json chartJson(const CheckChart& chart)
{
    nlohmann::json c;
    c["title"] = chart.title;
    c["x_title"] = chart.xTitle;
    c["y_title"] = chart.yTitle;
    c["x_categories"] = chart.xCategories;
    c["log_x"] = chart.logX;
    c["log_y"] = chart.logY;
    auto& series = c["series"] = nlohmann::json::array();
    for (const auto& s : chart.series)
    {
        auto points = nlohmann::json::array();
        for (const auto& p : s.points)
            points.push_back({p.x, p.y, p.error});
        series.push_back({{"name", s.name}, {"style", styleName(s.style)}, {"points", std::move(points)}});
    }
    return c;
}

} // namespace

std::string reportsCsv(const std::vector<CheckReport>& reports)
{
    std::ostringstream out;
    out << "check,check_status,quantity,published,ours,tolerance,status,note,citation\n";
    for (const auto& r : reports)
        for (const auto& row : r.rows)
            out << csvField(r.name) << ',' << statusName(r.status()) << ',' << csvField(row.quantity) << ','
                << csvField(row.published) << ',' << csvField(row.ours) << ',' << csvField(row.tolerance) << ','
                << statusName(row.status) << ',' << csvField(row.note) << ',' << csvField(r.citation) << '\n';
    return out.str();
}

std::string reportsJson(const std::vector<CheckReport>& reports, bool quick)
{
    nlohmann::json root;
    root["version"] = CYBERSIM_VERSION;
    root["build"] = records::buildDescription();
    root["variant"] = quick ? "quick" : "full";
    auto& checks = root["checks"] = nlohmann::json::array();
    for (const auto& r : reports)
    {
        nlohmann::json c;
        c["name"] = r.name;
        c["title"] = r.title;
        c["citation"] = r.citation;
        c["method"] = r.method;
        c["status"] = statusName(r.status());
        c["seconds"] = r.seconds;
        auto& rows = c["rows"] = nlohmann::json::array();
        for (const auto& row : r.rows)
            rows.push_back({{"quantity", row.quantity},
                            {"published", row.published},
                            {"ours", row.ours},
                            {"tolerance", row.tolerance},
                            {"status", statusName(row.status)},
                            {"note", row.note}});
        c["chart"] = chartJson(r.chart);
        checks.push_back(std::move(c));
    }
    return root.dump(2) + "\n";
}

} // namespace cybersim::validation
