// SPDX-License-Identifier: MIT
// Finding the data shipped with cybersim (scenarios, lessons, sweep specs, validation tables) from the program's place.
#pragma once

#include <filesystem>

namespace cybersim::scenario
{

/// The environment variable that names the data folder instead of the rule of DataLocator.
inline constexpr const char* kDataDirVariable = "CYBERSIM_DATA_DIR";

/// Finds the data folders of cybersim: `scenarios/` (with `lessons/` and `sweeps/` under it) and `validation/` (the
/// reference tables of `cybersim validate`). One rule serves build trees and installs alike: they sit in
/// `<folder of the program>/../share/cybersim/`. An install puts them there (bin/ and share/ are siblings); a build
/// tree links them there at configure time, its programs being one folder below the build root. No source path is
/// compiled in, so a program can only reach its own build or installation.
class DataLocator
{
public:
    /// @param executable the running program's file (see runningExecutable())
    /// @param overrideDir when not empty, the data folder to use instead of the rule (the value of $CYBERSIM_DATA_DIR)
    explicit DataLocator(const std::filesystem::path& executable, const std::filesystem::path& overrideDir = {});

    /// The locator of this process: the running program's file and $CYBERSIM_DATA_DIR. Front ends use this one.
    /// @throws ConfigError when the running program's file cannot be found
    [[nodiscard]] static DataLocator forThisProgram();

    /// The data folder the rule (or the override) gives, whether or not it exists.
    [[nodiscard]] const std::filesystem::path& dataDir() const noexcept { return m_dataDir; }
    /// The shipped scenarios, `<dataDir>/scenarios` with symbolic links resolved (in a build tree: the source folder).
    /// @throws ConfigError naming the folder tried and how it was chosen, when it is not a folder
    [[nodiscard]] std::filesystem::path scenariosDir() const;
    /// The validation reference tables, `<dataDir>/validation` with symbolic links resolved.
    /// @throws ConfigError naming the folder tried and how it was chosen, when it is not a folder
    [[nodiscard]] std::filesystem::path validationDir() const;

private:
    [[nodiscard]] std::filesystem::path existingFolder(const char* name, const char* what) const;

    std::filesystem::path m_executable;
    std::filesystem::path m_dataDir;
    bool m_overridden = false;
};

/// The file of the running program as the kernel reports it (/proc/self/exe: absolute, symbolic links resolved).
/// @throws ConfigError when it cannot be read
[[nodiscard]] std::filesystem::path runningExecutable();

} // namespace cybersim::scenario
