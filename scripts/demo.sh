#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The main job: install what is missing, build (command line and desktop app), and run the built-in default scenario.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCYBERSIM_BUILD_TESTS=OFF -DCYBERSIM_BUILD_BENCH=OFF
cmake --build build -j"$(nproc)"
./build/cli/cybersim run "$@"
echo
echo "Desktop app: ./build/gui/cybersim-gui    Every command: ./build/cli/cybersim --help"
