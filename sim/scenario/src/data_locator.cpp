// SPDX-License-Identifier: MIT
// Finding the data shipped with cybersim from the program's place, or from $CYBERSIM_DATA_DIR.
#include "cybersim/scenario/data_locator.hpp"

#include "cybersim/core/error.hpp"

#include <cstdlib>
#include <string>
#include <system_error>

namespace cybersim::scenario
{

DataLocator::DataLocator(const std::filesystem::path& executable, const std::filesystem::path& overrideDir)
    : m_executable(executable), m_overridden(!overrideDir.empty())
{
    // lexically_normal turns <prefix>/bin/../share/cybersim into <prefix>/share/cybersim, which reads better in
    // messages; the executable's path is canonical already, so no symbolic link is skipped by it.
    if (!m_overridden)
    {
        m_dataDir = (executable.parent_path() / ".." / "share" / "cybersim").lexically_normal();
        return;
    }
    std::error_code error;
    const auto absolute = std::filesystem::absolute(overrideDir, error);
    m_dataDir = (error ? overrideDir : absolute).lexically_normal();
}

DataLocator DataLocator::forThisProgram()
{
    const char* env = std::getenv(kDataDirVariable);
    return DataLocator(runningExecutable(), env != nullptr ? std::filesystem::path(env) : std::filesystem::path());
}

std::filesystem::path DataLocator::scenariosDir() const
{
    return existingFolder("scenarios", "shipped scenarios");
}

std::filesystem::path DataLocator::validationDir() const
{
    return existingFolder("validation", "validation reference data");
}

std::filesystem::path DataLocator::existingFolder(const char* name, const char* what) const
{
    const auto folder = m_dataDir / name;
    std::error_code error;
    if (std::filesystem::is_directory(folder, error))
    {
        // The real folder, not the build tree's link to it: outputs record a scenario's file as where it lives.
        auto real = std::filesystem::canonical(folder, error);
        return error ? folder : real;
    }
    const std::string how = m_overridden ? std::string("from $") + kDataDirVariable
                                         : "<folder of " + m_executable.string() + ">/../share/cybersim";
    throw ConfigError(std::string("cannot find cybersim's ") + what + ": tried " + folder.string() + " (data folder " +
                      m_dataDir.string() + ", " + how + "); set " + kDataDirVariable +
                      " to the folder holding scenarios/ and validation/ (an install's share/cybersim)");
}

std::filesystem::path runningExecutable()
{
    std::error_code error;
    auto file = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error || file.empty())
        throw ConfigError("cannot find the running program's file: /proc/self/exe: " +
                          (error ? error.message() : std::string("empty")));
    return file;
}

} // namespace cybersim::scenario
