# SPDX-License-Identifier: MIT
# Where the programs find their data (build tree and install alike), the install rules, and the .deb package (CPack).

# The programs find their data in <program folder>/../share/cybersim (scenario::DataLocator). Installed, that is
# <prefix>/share/cybersim beside <prefix>/bin; in a build tree the programs sit one folder below the root (cli/,
# gui/, tests/), so the same rule finds <build>/share/cybersim, linked here to the source folders. Nothing compiled
# names the source tree.
set(CYBERSIM_BUILD_DATA_DIR ${PROJECT_BINARY_DIR}/share/cybersim)
file(MAKE_DIRECTORY ${CYBERSIM_BUILD_DATA_DIR})
file(CREATE_LINK ${PROJECT_SOURCE_DIR}/scenarios ${CYBERSIM_BUILD_DATA_DIR}/scenarios SYMBOLIC)
file(CREATE_LINK ${PROJECT_SOURCE_DIR}/validation/data ${CYBERSIM_BUILD_DATA_DIR}/validation SYMBOLIC)

# Fixed folder names rather than GNUInstallDirs: DataLocator's rule is bin/../share/cybersim, whatever the platform.
install(TARGETS cybersim RUNTIME DESTINATION bin)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios/ DESTINATION share/cybersim/scenarios)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/validation/data/ DESTINATION share/cybersim/validation)
# README.md links docs/*.md relatively: keep that layout.
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION share/doc/cybersim)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION share/doc/cybersim/docs)
if(TARGET cybersim-gui)
    install(TARGETS cybersim-gui RUNTIME DESTINATION bin BUNDLE DESTINATION bin)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/cybersim.desktop DESTINATION share/applications)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/cybersim.svg DESTINATION share/icons/hicolor/scalable/apps)
endif()

# `cpack -G DEB` in the build folder: cybersim_<version>_<arch>.deb, installing under /usr. Only for a top-level
# build: a project that includes cybersim packages itself.
if(NOT PROJECT_IS_TOP_LEVEL)
    return()
endif()
set(CYBERSIM_PACKAGE_CONTACT "cybersim developers <cybersim@localhost>"
    CACHE STRING "Maintainer of the .deb package (name <email>)")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cybersim)
set(CPACK_PACKAGE_VENDOR cybersim)
set(CPACK_PACKAGE_CONTACT ${CYBERSIM_PACKAGE_CONTACT})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "multi-agent simulator of international cyber relations")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "States on a network play repeated games in which each can treat cyberspace as zero-sum or as a community of "
    "common destiny; cybersim shows what each choice does to trust, cyber arms races and common security. Command "
    "line (runs, sweeps, tournaments, validation against the field's published results, classroom lessons) and, when "
    "built, the Qt desktop app.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
# Dependencies: dpkg-shlibdeps (package dpkg-dev; CPack also runs `file`) reads them off the binaries. Without it,
# the Debian 12 packages of the libraries the binaries link (`ldd`, `dpkg -S`); keep this list in step with the link
# lines. Qt's platform plugins (xcb for the desktop, offscreen for `cybersim plot`) are in libqt6gui6, in both lists.
find_program(CYBERSIM_DPKG_SHLIBDEPS dpkg-shlibdeps)
find_program(CYBERSIM_FILE_COMMAND file)
if(CYBERSIM_DPKG_SHLIBDEPS AND CYBERSIM_FILE_COMMAND)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libc6, libstdc++6, libgcc-s1, libtbb12, libtomlplusplus3")
    if(TARGET cybersim_sweep_mpi)
        string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libboost-mpi1.74.0, libboost-serialization1.74.0, libopenmpi3")
    endif()
    if(TARGET cybersim_plot OR TARGET cybersim-gui)
        string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS
               ", libqt6core6, libqt6gui6, libqt6widgets6, libqt6charts6, libqt6svg6")
    endif()
endif()
if(TARGET cybersim_sweep_mpi)
    set(CPACK_DEBIAN_PACKAGE_SUGGESTS "openmpi-bin") # mpirun, to spread `cybersim sweep` over machines
endif()
include(CPack)
