// SPDX-License-Identifier: MIT
// The handout of a played lesson: PNG charts per step and one HTML page that prints on paper or projects as slides.
#include "cybersim/plot/lesson_handout.hpp"

#include "cybersim/core/error.hpp"
#include "cybersim/records/run_record.hpp"

#include <cstdio>
#include <sstream>

namespace cybersim::plot
{

namespace
{

std::string escape(const std::string& text)
{
    std::string out;
    for (const char c : text)
        switch (c)
        {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    return out;
}

// Paragraphs: blank lines in the lesson text separate them; single newlines are kept as spaces.
std::string paragraphs(const std::string& text)
{
    std::string out, current;
    std::istringstream in(text);
    std::string line;
    const auto flush = [&]
    {
        if (current.find_first_not_of(' ') != std::string::npos)
            out += "<p>" + escape(current) + "</p>\n";
        current.clear();
    };
    while (std::getline(in, line))
    {
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            flush();
        else
            current += (current.empty() ? "" : " ") + line;
    }
    flush();
    return out;
}

std::string figure(double v, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

constexpr const char* kStyle = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem;
       color: #111; line-height: 1.45; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin: 1.4rem 0 0.3rem; border-bottom: 2px solid #0072b2; }
blockquote { margin: 0.6rem 0; padding: 0.4rem 0.9rem; border-left: 5px solid #0072b2; background: #f2f6fa; }
.source { font-size: 0.85rem; color: #444; }
.question { font-weight: bold; padding: 0.4rem 0.7rem; border: 2px dashed #d55e00; margin: 0.5rem 0; }
.meta { font-size: 0.85rem; color: #444; }
.charts { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.charts img { width: 49%; border: 1px solid #ccc; }
.charts img:only-child { width: 75%; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.4rem 0; }
td, th { border: 1px solid #bbb; padding: 0.15rem 0.5rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
details { margin: 0.3rem 0; }
.reveals { page-break-before: always; }
@media print {
  body { max-width: none; margin: 0; font-size: 10.5pt; }
  .step { page-break-inside: avoid; }
  .charts img { width: 48%; }
  details > summary { display: none; }
  details { display: block; }
  a { color: inherit; text-decoration: none; }
}
)";

} // namespace

std::vector<std::filesystem::path> writeLessonHandout(const lesson::LessonRunner& runner,
                                                      const std::filesystem::path& out, ChartImageSize size)
{
    std::error_code error;
    std::filesystem::create_directories(out, error);
    if (error || !std::filesystem::is_directory(out))
        throw ConfigError("cannot create folder " + out.string() + (error ? ": " + error.message() : ""));
    const auto& lesson = runner.lesson();
    std::vector<std::filesystem::path> written;

    std::ostringstream html;
    html << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << escape(lesson.title)
         << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
    html << "<h1>" << escape(lesson.title) << "</h1>\n" << paragraphs(lesson.summary);
    html << "<blockquote>" << escape(lesson.source.quote) << "<div class=\"source\">Principle of "
         << escape(lesson.source.principle) << ", " << escape(lesson.source.document) << "</div></blockquote>\n";

    for (std::size_t i = 0; i < runner.spans().size() && i < lesson.steps.size(); ++i)
    {
        const auto& step = lesson.steps[i];
        const auto& span = runner.spans()[i];
        const auto& replay = runner.replays()[span.segment];
        const auto& first = replay.record.series[span.firstRow];
        const auto& last = replay.record.series[span.lastRow];
        char prefix[32];
        std::snprintf(prefix, sizeof prefix, "step-%02zu-", i + 1);

        html << "<div class=\"step\">\n<h2>" << (i + 1) << ". " << escape(step.title) << "</h2>\n"
             << paragraphs(step.text);
        html << "<div class=\"meta\">";
        if (step.startsRun())
            html << "Scenario <code>" << escape(step.scenarioName) << "</code> (" << escape(replay.scenarioName)
                 << ", seed " << replay.provenance.seed << ")";
        else
            html << "The run continues";
        for (const auto& change : step.changes)
            html << "; <code>" << escape(change.key) << " = " << escape(change.literal) << "</code>";
        html << "; rounds " << first.round << " to " << last.round << " (" << escape(replay.roundLabel) << "s)</div>\n";
        if (!step.question.empty())
            html << "<div class=\"question\">" << escape(step.question) << "</div>\n";

        html << "<div class=\"charts\">\n";
        for (const auto chart : step.charts)
        {
            const auto file = std::string(prefix) + std::string(lesson::lessonChartName(chart)) + ".png";
            if (lesson::isTimeSeriesChart(chart))
                renderTimeSeriesPng(lesson::timeSeriesChart(chart, replay, span.lastRow, step.highlight), out / file,
                                    first.round, size);
            else if (chart == lesson::LessonChart::TrustMatrix)
                renderTrustMatrixPng(replay, span.lastRow, out / file, step.highlight, size);
            else
                renderNetworkPng(replay, span.lastRow, out / file, step.highlight, size);
            written.push_back(out / file);
            html << "<img src=\"" << file << "\" alt=\"" << escape(std::string(lesson::lessonChartTitle(chart)))
                 << "\">\n";
        }
        html << "</div>\n";

        html << "<table><tr><th>figure</th><th>round " << first.round << "</th><th>round " << last.round
             << "</th></tr>\n";
        const auto row = [&](const char* name, double a, double b, int decimals)
        {
            html << "<tr><td>" << name << "</td><td>" << figure(a, decimals) << "</td><td>" << figure(b, decimals)
                 << "</td></tr>\n";
        };
        row("cooperation rate", first.cooperationRate, last.cooperationRate, 2);
        row("mean trust", first.meanTrust, last.meanTrust, 2);
        row("total arms", first.totalArms, last.totalArms, 1);
        row("common security index", first.commonSecurityIndex, last.commonSecurityIndex, 2);
        row("norms adopted", first.normsAdopted, last.normsAdopted, 0);
        row("welfare per round", first.welfare, last.welfare, 1);
        html << "</table>\n</div>\n";
    }

    html << "<div class=\"reveals\">\n<h2>Debrief: what happened</h2>\n";
    for (std::size_t i = 0; i < runner.spans().size() && i < lesson.steps.size(); ++i)
    {
        const auto& step = lesson.steps[i];
        if (step.reveal.empty())
            continue;
        html << "<details open><summary>Step " << (i + 1) << ": " << escape(step.title) << "</summary>\n<p><b>"
             << (i + 1) << ". " << escape(step.title) << ".</b> ";
        if (!step.question.empty())
            html << "<i>" << escape(step.question) << "</i> ";
        html << "</p>" << paragraphs(step.reveal) << "</details>\n";
    }
    html << "</div>\n<p class=\"source\">Made with cybersim " << CYBERSIM_VERSION << " from lesson "
         << escape(lesson.name) << "; every run is reproducible from its scenario and seed.</p>\n</body>\n</html>\n";

    records::writeFileAtomically(out / "handout.html", html.str());
    written.push_back(out / "handout.html");
    return written;
}

} // namespace cybersim::plot
