#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the scenario-loader fuzz target (clang, libFuzzer, ASan+UBSan, toml++ header-only) and runs it for a budget.
# Usage: scripts/fuzz.sh [seconds=60]   explore for a time budget, from the committed corpus plus earlier finds
#        scripts/fuzz.sh --ci [runs]      a fixed budget of runs with a fixed seed from the committed corpus only, so
#                                         that CI is reproducible (the same inputs on every run of the same commit)
# Findings are written to build-fuzz/findings/; the exit code is libFuzzer's.
set -euo pipefail
ci=0
if [ "${1:-}" = "--ci" ]; then
  ci=1
  runs="${2:-400000}"
else
  seconds="${1:-60}"
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CYBERSIM_FUZZ_BUILD_DIR:-$root/build-fuzz}"
cxx="${CXX:-clang++-14}"

CXX="$cxx" cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCYBERSIM_BUILD_FUZZ=ON \
    -DCYBERSIM_BUILD_GUI=OFF -DCYBERSIM_BUILD_TESTS=OFF -DCYBERSIM_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --target fuzz_scenario_loader

# libFuzzer adds new inputs to the first corpus folder: work on a copy so the committed seeds stay small.
work="$build/fuzz-corpus"
[ "$ci" = 1 ] && rm -rf "$work"
mkdir -p "$work" "$build/findings"
cp -n "$root"/fuzz/corpus/* "$work"/ 2>/dev/null || true
cd "$build"
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
    ./fuzz/fuzz_scenario_loader $([ "$ci" = 1 ] && echo "-runs=$runs -seed=1" || echo "-max_total_time=$seconds") \
    -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$build/findings/" -print_final_stats=1 "$work"
