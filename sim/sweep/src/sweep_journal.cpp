// SPDX-License-Identifier: MIT
// The sweep journal: a header naming the spec, then one line per finished run, each written with a single write(2)
// and carrying its own checksum, so that whatever a kill -9 leaves behind is either a whole line or ignored.
#include "cybersim/sweep/sweep_journal.hpp"

#include "text_hash.hpp"

#include "cybersim/core/error.hpp"
#include "cybersim/core/rng.hpp"
#include "cybersim/records/run_record.hpp"
#include "cybersim/scenario/scenario_schema.hpp"
#include "cybersim/sweep/sweep_plan.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <unistd.h>

namespace cybersim::sweep
{

namespace
{

constexpr std::string_view kMagic = "# cybersim-sweep-journal 1";

std::string headerLine(const std::string& specHash, std::uint64_t runs, std::size_t metrics)
{
    return std::string(kMagic) + " spec=" + specHash + " runs=" + std::to_string(runs) +
           " metrics=" + std::to_string(metrics) + "\n";
}

struct ParsedJournal
{
    bool hasHeader = false;
    std::string specHash;
    std::uint64_t runs = 0;
    std::size_t metrics = 0;
    std::vector<std::pair<std::uint64_t, std::vector<double>>> lines; // valid lines in file order
};

std::optional<std::string> readWhole(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Parses the text of a journal; incomplete (torn) and corrupt lines are skipped.
ParsedJournal parseJournal(std::string_view text)
{
    ParsedJournal out;
    std::size_t pos = 0;
    bool first = true;
    while (pos < text.size())
    {
        const auto end = text.find('\n', pos);
        if (end == std::string_view::npos)
            break; // a torn last line
        const auto line = text.substr(pos, end - pos);
        pos = end + 1;
        if (first)
        {
            first = false;
            if (line.substr(0, kMagic.size()) != kMagic)
                return out;
            std::istringstream fields{std::string(line.substr(kMagic.size()))};
            std::string field;
            while (fields >> field)
            {
                if (field.rfind("spec=", 0) == 0)
                    out.specHash = field.substr(5);
                else if (field.rfind("runs=", 0) == 0)
                    out.runs = std::strtoull(field.c_str() + 5, nullptr, 10);
                else if (field.rfind("metrics=", 0) == 0)
                    out.metrics = std::strtoull(field.c_str() + 8, nullptr, 10);
            }
            out.hasHeader = !out.specHash.empty();
            if (!out.hasHeader)
                return out;
            continue;
        }
        const auto lastTab = line.rfind('\t');
        if (lastTab == std::string_view::npos || line.size() - lastTab - 1 != 16)
            continue;
        if (detail::hex16(detail::hashText(line.substr(0, lastTab + 1))) != line.substr(lastTab + 1))
            continue;
        std::vector<double> values;
        std::uint64_t index = 0;
        bool ok = true, isIndex = true;
        std::size_t at = 0;
        while (at < lastTab)
        {
            const auto tab = line.find('\t', at);
            const auto field = line.substr(at, tab - at);
            at = tab + 1;
            if (isIndex)
            {
                const auto [p, ec] = std::from_chars(field.data(), field.data() + field.size(), index);
                ok = ec == std::errc() && p == field.data() + field.size();
                isIndex = false;
            }
            else if (field == "nan")
                values.push_back(std::numeric_limits<double>::quiet_NaN());
            else
            {
                double v = 0.0;
                const auto [p, ec] = std::from_chars(field.data(), field.data() + field.size(), v);
                ok = ok && ec == std::errc() && p == field.data() + field.size();
                values.push_back(v);
            }
        }
        if (ok && !isIndex && values.size() == out.metrics && index < out.runs)
            out.lines.emplace_back(index, std::move(values));
    }
    return out;
}

void writeAll(int fd, std::string_view text, const std::filesystem::path& path)
{
    while (!text.empty())
    {
        const auto n = ::write(fd, text.data(), text.size());
        if (n < 0)
        {
            if (errno == EINTR)
                continue;
            throw ConfigError("cannot write " + path.string() + ": " + std::strerror(errno));
        }
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

} // namespace

std::uint64_t SweepResults::doneCount() const noexcept
{
    return static_cast<std::uint64_t>(std::count(done.begin(), done.end(), true));
}

std::string sweepJournalLine(std::uint64_t index, std::span<const double> values)
{
    std::string line = std::to_string(index);
    line += '\t';
    for (const double v : values)
    {
        line += std::isnan(v) ? std::string("nan") : scenario::formatReal(v);
        line += '\t';
    }
    line += detail::hex16(detail::hashText(line));
    line += '\n';
    return line;
}

SweepFolderState inspectSweepFolder(const std::filesystem::path& folder)
{
    SweepFolderState state;
    std::error_code error;
    state.finished = std::filesystem::is_regular_file(folder / "sweep.json", error);
    const auto text = readWhole(folder / SweepJournal::kFileName);
    if (!text)
        return state;
    const auto parsed = parseJournal(*text);
    state.hasJournal = parsed.hasHeader;
    state.specHash = parsed.specHash;
    state.runCount = parsed.runs;
    std::vector<bool> seen(static_cast<std::size_t>(std::min<std::uint64_t>(parsed.runs, 1ULL << 34)), false);
    for (const auto& [index, values] : parsed.lines)
        if (index < seen.size() && !seen[index])
        {
            seen[index] = true;
            ++state.journalled;
        }
    return state;
}

SweepResults SweepJournal::read(const std::filesystem::path& path, const SweepPlan& plan)
{
    SweepResults results;
    results.metricCount = plan.spec().metrics.size();
    results.values.assign(plan.runCount() * results.metricCount, std::numeric_limits<double>::quiet_NaN());
    results.done.assign(plan.runCount(), false);
    const auto text = readWhole(path);
    if (!text)
        return results;
    const auto parsed = parseJournal(*text);
    if (!parsed.hasHeader)
        return results;
    if (parsed.specHash != plan.specHash() || parsed.runs != plan.runCount() || parsed.metrics != results.metricCount)
        throw ConfigError(path.string() + " belongs to another sweep (spec hash " + parsed.specHash + ", this spec " +
                          plan.specHash() + ")");
    for (const auto& [index, values] : parsed.lines)
    {
        if (results.done[index])
            continue;
        results.done[index] = true;
        std::copy(values.begin(), values.end(), results.values.begin() + std::ptrdiff_t(index * results.metricCount));
    }
    return results;
}

SweepJournal::SweepJournal(const std::filesystem::path& folder, const SweepPlan& plan, bool resume)
    : m_path(folder / kFileName), m_metricCount(plan.spec().metrics.size())
{
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error || !std::filesystem::is_directory(folder))
        throw ConfigError("cannot create output folder " + folder.string() +
                          (error ? ": " + error.message() : std::string()));
    std::string text = headerLine(plan.specHash(), plan.runCount(), m_metricCount);
    if (resume)
    {
        // Keep the valid lines only, in run order: a torn tail is dropped so new lines start on a fresh line.
        m_resumed = read(m_path, plan);
        for (std::uint64_t i = 0; i < plan.runCount(); ++i)
            if (m_resumed.done[i])
                text += sweepJournalLine(i, m_resumed.row(i));
    }
    else
    {
        m_resumed.metricCount = m_metricCount;
        m_resumed.values.assign(plan.runCount() * m_metricCount, std::numeric_limits<double>::quiet_NaN());
        m_resumed.done.assign(plan.runCount(), false);
    }
    records::writeFileAtomically(m_path, text);
    m_fd = ::open(m_path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (m_fd < 0)
        throw ConfigError("cannot open " + m_path.string() + " for appending: " + std::strerror(errno));
}

SweepJournal::~SweepJournal()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void SweepJournal::append(std::uint64_t index, std::span<const double> values)
{
    const auto line = sweepJournalLine(index, values);
    const std::lock_guard lock(m_mutex);
    if (m_fd < 0)
        throw ConfigError("the journal " + m_path.string() + " is closed");
    writeAll(m_fd, line, m_path);
}

void SweepJournal::close()
{
    const std::lock_guard lock(m_mutex);
    if (m_fd < 0)
        return;
    ::fsync(m_fd);
    ::close(m_fd);
    m_fd = -1;
}

} // namespace cybersim::sweep
