// SPDX-License-Identifier: MIT
// `cybersim plot`: charts of a sweep's metrics (PNG and SVG), rendered offscreen by cybersim_plot when Qt is present.
#include "commands.hpp"

#ifdef CYBERSIM_HAVE_PLOT
#include "cybersim/plot/sweep_charts.hpp"
#endif

#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>

namespace cybersim::cli
{

int plotCommand(const PlotOptions& options)
{
#ifdef CYBERSIM_HAVE_PLOT
    const std::filesystem::path folder(options.folder);
    const std::filesystem::path out = options.out.empty() ? folder / "plots" : std::filesystem::path(options.out);
    try
    {
        const auto files = plot::renderSweepCharts(folder, out);
        for (const auto& f : files)
            std::printf("Wrote %s\n", f.string().c_str());
        return kExitOk;
    }
    catch (const plot::PlotInputError& error)
    {
        std::cerr << "error: " << error.what() << '\n';
        return kExitBadInput;
    }
    catch (const std::exception& error)
    {
        std::cerr << "error: " << error.what() << '\n';
        return kExitRuntime;
    }
#else
    (void)options;
    std::cerr
        << "error: this cybersim was built without Qt, so it cannot plot; read points.csv with any plotting tool\n";
    return kExitRuntime;
#endif
}

} // namespace cybersim::cli
