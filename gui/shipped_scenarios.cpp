// SPDX-License-Identifier: MIT
// The scenario files shipped in the repository's scenarios/ folder.
#include "shipped_scenarios.hpp"

#include <QDir>
#include <QDirIterator>

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
    while (it.hasNext())
        files << root.relativeFilePath(it.next());
    files.sort();
    return files;
}

} // namespace cybersim::gui
