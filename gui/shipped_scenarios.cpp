// SPDX-License-Identifier: MIT
// The scenario files shipped with cybersim, found as the command line finds them (scenario::DataLocator).
#include "shipped_scenarios.hpp"

#include "adapters/qt_text.hpp"

#include "cybersim/core/error.hpp"
#include "cybersim/scenario/data_locator.hpp"

#include <QDir>
#include <QDirIterator>

#include <algorithm>

namespace cybersim::gui
{

namespace
{

struct Located
{
    QString folder;
    QString problem;
};

// Located afresh on each call: cheap (one readlink), and it follows $CYBERSIM_DATA_DIR as the CLI does.
Located locate()
{
    try
    {
        const auto locator = scenario::DataLocator::forThisProgram();
        try
        {
            return {toQString(locator.scenariosDir().string()), {}};
        }
        catch (const Error& missing)
        {
            return {toQString((locator.dataDir() / "scenarios").string()), toQString(missing.what())};
        }
    }
    catch (const Error& noProgram)
    {
        return {{}, toQString(noProgram.what())};
    }
}

} // namespace

QString scenariosFolder()
{
    return locate().folder;
}

QString scenariosProblem()
{
    return locate().problem;
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
