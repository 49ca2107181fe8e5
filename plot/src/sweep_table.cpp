// SPDX-License-Identifier: MIT
// Reading a sweep's points.csv and sweep.json for plotting (no Qt here).
#include "cybersim/plot/sweep_charts.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <limits>

namespace cybersim::plot
{

namespace
{

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw PlotInputError(path.string() + ": cannot be read; expected the output folder of `cybersim sweep`");
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Splits CSV text into rows of cells (RFC 4180 quoting).
std::vector<std::vector<std::string>> parseCsv(const std::string& text)
{
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const char c = text[i];
        if (quoted)
        {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
            {
                cell += '"';
                ++i;
            }
            else if (c == '"')
                quoted = false;
            else
                cell += c;
        }
        else if (c == '"')
            quoted = true;
        else if (c == ',')
            rows.back().push_back(std::move(cell)), cell.clear();
        else if (c == '\n')
        {
            rows.back().push_back(std::move(cell));
            cell.clear();
            rows.emplace_back();
        }
        else if (c != '\r')
            cell += c;
    }
    if (!cell.empty() || !rows.back().empty())
        rows.back().push_back(std::move(cell));
    if (rows.back().empty())
        rows.pop_back();
    return rows;
}

} // namespace

const SweepColumn* SweepTable::column(const std::string& name) const
{
    for (const auto& c : columns)
        if (c.name == name)
            return &c;
    return nullptr;
}

SweepTable readSweepTable(const std::filesystem::path& folder)
{
    SweepTable table;
    const auto jsonPath = folder / "sweep.json";
    nlohmann::json j;
    try
    {
        j = nlohmann::json::parse(readFile(jsonPath));
        for (const auto& p : j.at("spec").at("parameters"))
            table.parameters.push_back(p.at("key").get<std::string>());
        for (const auto& m : j.at("spec").at("metrics"))
            table.metrics.push_back(m.at("name").get<std::string>());
        table.title = j.at("spec").at("name").get<std::string>();
        const auto description = j.at("spec").value("description", std::string());
        if (!description.empty())
            table.title += ": " + description;
    }
    catch (const nlohmann::json::exception& e)
    {
        throw PlotInputError(jsonPath.string() + ": not a sweep.json (" + e.what() + ")");
    }
    const auto csvPath = folder / "points.csv";
    const auto rows = parseCsv(readFile(csvPath));
    if (rows.size() < 2)
        throw PlotInputError(csvPath.string() + ": has no points");
    for (const auto& name : rows[0])
        table.columns.push_back(SweepColumn{name, {}, {}, true});
    for (std::size_t r = 1; r < rows.size(); ++r)
    {
        if (rows[r].size() != rows[0].size())
            throw PlotInputError(csvPath.string() + ":" + std::to_string(r + 1) + ": has " +
                                 std::to_string(rows[r].size()) + " cells, expected " + std::to_string(rows[0].size()));
        for (std::size_t c = 0; c < rows[r].size(); ++c)
        {
            auto& column = table.columns[c];
            const auto& cell = rows[r][c];
            column.text.push_back(cell);
            char* end = nullptr;
            const double v = cell.empty() ? std::numeric_limits<double>::quiet_NaN() : std::strtod(cell.c_str(), &end);
            if (!cell.empty() && end != cell.c_str() + cell.size())
            {
                column.numeric = false;
                column.numbers.push_back(std::numeric_limits<double>::quiet_NaN());
            }
            else
                column.numbers.push_back(v);
        }
    }
    for (const auto& p : table.parameters)
        if (table.column(p) == nullptr)
            throw PlotInputError(csvPath.string() + ": has no column " + p + " although sweep.json sweeps it");
    for (const auto& m : table.metrics)
        if (table.column(m + "_mean") == nullptr)
            throw PlotInputError(csvPath.string() + ": has no column " + m + "_mean");
    return table;
}

} // namespace cybersim::plot
