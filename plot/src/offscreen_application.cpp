// SPDX-License-Identifier: MIT
// A Qt application for offscreen rendering, with a private runtime folder so Qt does not warn.
#include "offscreen_application.hpp"

#include <QByteArray>

#include <filesystem>
#include <string>
#include <unistd.h>

namespace cybersim::plot::detail
{

std::unique_ptr<QApplication> ensureOffscreenApplication()
{
    if (QCoreApplication::instance() != nullptr)
        return nullptr;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
    {
        const auto dir = std::filesystem::temp_directory_path() / ("cybersim-runtime-" + std::to_string(getuid()));
        std::error_code error;
        std::filesystem::create_directories(dir, error);
        std::filesystem::permissions(dir, std::filesystem::perms::owner_all, error);
        qputenv("XDG_RUNTIME_DIR", QByteArray::fromStdString(dir.string()));
    }
    static int argc = 1;
    static char name[] = "cybersim";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QApplication>(argc, argv);
}

} // namespace cybersim::plot::detail
