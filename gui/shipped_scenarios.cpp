// SPDX-License-Identifier: MIT
// The scenario files shipped in the repository's scenarios/ folder.
#include "shipped_scenarios.hpp"

#include <QDir>
#include <QDirIterator>

#include <algorithm>

namespace cybersim::gui
{

QString scenariosFolder()
{
    const QString fromEnvironment = qEnvironmentVariable("CYBERSIM_SCENARIOS");
    return fromEnvironment.isEmpty() ? QStringLiteral(CYBERSIM_SOURCE_SCENARIOS) : fromEnvironment;
}

QStringList shippedScenarios()
{
    const QDir root(scenariosFolder());
    QStringList files;
    QDirIterator it(root.path(), {QStringLiteral("*.toml")}, QDir::Files, QDirIterator::Subdirectories);
    // scenarios/ also holds sweep specs and lessons, which are TOML files of other formats.
    static const QStringList kOtherFormats{QStringLiteral("sweeps/"), QStringLiteral("lessons/")};
    while (it.hasNext())
    {
        const QString file = root.relativeFilePath(it.next());
        if (std::none_of(kOtherFormats.begin(), kOtherFormats.end(),
                         [&](const QString& folder) { return file.startsWith(folder); }))
            files << file;
    }
    files.sort();
    return files;
}

} // namespace cybersim::gui
