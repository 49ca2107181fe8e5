#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Install what is missing, build with warnings as errors, and pass every test: the normal build (with the GUI) and
# the shipped scenarios' claims, then the same on a fresh clone of the committed HEAD with nothing beside it, the
# whole suite under AddressSanitizer + UndefinedBehaviorSanitizer, the threaded tests under ThreadSanitizer, then a
# short fuzz of the scenario loader.
# Usage: scripts/test.sh [--quick]   (--quick: the normal build only)
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1

bash scripts/install-deps.sh
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
chmod 700 "$XDG_RUNTIME_DIR"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
export OMPI_MCA_btl_vader_single_copy_mechanism=none

echo "== build and test (Release, warnings as errors)"
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Release -DCYBERSIM_WARNINGS_AS_ERRORS=ON
# Relative paths in ccache's keys, so the fresh clone below reuses these objects.
CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" cmake --build build-test -j"$(nproc)"
ctest --test-dir build-test --output-on-failure -j"$(nproc)"

echo "== claims: every shipped scenario's expected outcomes over their seeds (docs/claims.md)"
build-test/cli/cybersim check --threads "$(nproc)" -q
[ "$quick" = 1 ] && exit 0

echo "== fresh clone: the committed HEAD alone builds and passes (scripts/test.sh --quick in an empty folder)"
bash scripts/fresh-clone.sh

echo "== AddressSanitizer + UndefinedBehaviorSanitizer"
export ASAN_OPTIONS="fast_unwind_on_malloc=0:detect_leaks=1"
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCYBERSIM_SANITIZE=address,undefined \
      -DCYBERSIM_BUILD_GUI=OFF -DCYBERSIM_BUILD_BENCH=OFF -DCYBERSIM_WARNINGS_AS_ERRORS=ON
cmake --build build-asan -j"$(nproc)"
ctest --test-dir build-asan --output-on-failure -j"$(nproc)"

echo "== ThreadSanitizer on the parallel engine"
bash scripts/tsan.sh

echo "== fuzz the scenario loader"
bash scripts/fuzz.sh --ci 400000
