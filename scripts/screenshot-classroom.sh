#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders presentation mode (lesson 4, step 2 after it has run) headless into docs/images/classroom.png, using the
# classroom test's screenshot function so the picture is the one the tests drive.
#
# Usage: scripts/screenshot-classroom.sh [build-dir]     default: build
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-${root}/build}"
out="${root}/docs/images/classroom.png"

cmake --build "${build}" --target cybersim_gui_classroom_tests
tests="${build}/gui/cybersim_gui_classroom_tests"
[[ -x "${tests}" ]] || { echo "error: ${tests} not found; configure with -DCYBERSIM_BUILD_GUI=ON" >&2; exit 1; }

runtime="$(mktemp -d)"
trap 'rm -rf "${runtime}"' EXIT
chmod 700 "${runtime}"
mkdir -p "$(dirname "${out}")"
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="${runtime}" QT_SCALE_FACTOR=1 CYBERSIM_CLASSROOM_SCREENSHOT="${out}" \
    "${tests}" screenshot
echo "wrote ${out}"
