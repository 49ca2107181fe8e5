#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders cybersim-gui's main window after N rounds of the default scenario, headless, into docs/images/screenshot.png
# (the README's screenshot is made by the app itself).
#
# Usage: scripts/screenshot.sh [build-dir] [rounds]     defaults: build, 120
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-${root}/build}"
rounds="${2:-120}"
out="${root}/docs/images/screenshot.png"

cmake --build "${build}" --target cybersim-gui
gui="${build}/gui/cybersim-gui"
[[ -x "${gui}" ]] || { echo "error: ${gui} not found; configure with -DCYBERSIM_BUILD_GUI=ON" >&2; exit 1; }

# Offscreen rendering needs no display; a private runtime folder silences Qt's warning about XDG_RUNTIME_DIR.
runtime="$(mktemp -d)"
trap 'rm -rf "${runtime}"' EXIT
chmod 700 "${runtime}"
mkdir -p "$(dirname "${out}")"
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="${runtime}" QT_SCALE_FACTOR=1 \
    "${gui}" --screenshot "${out}" --rounds "${rounds}"
