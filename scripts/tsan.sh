#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# ThreadSanitizer on the parallel engine. Debian's libtbb is not instrumented and gives false reports, so this
# builds oneTBB from Debian's own source package with -DTBB_SANITIZE=thread (`apt-get source onetbb`), then the engine,
# agents and tests with clang and -fsanitize=thread (no Qt, no MPI), and runs the tests that exercise threads.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="$root/build-tsan-deps"
mkdir -p "$work/lists/partial"

if [ ! -f "$work/prefix/lib/cmake/TBB/TBBConfig.cmake" ]; then
  echo "tsan: fetching and building an instrumented oneTBB (Debian source package onetbb)"
  echo "deb-src http://deb.debian.org/debian bookworm main" > "$work/sources.list"
  apt_opts=(-o Dir::Etc::SourceList="$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
            -o Dir::State::Lists="$work/lists")
  apt-get "${apt_opts[@]}" update -qq
  (cd "$work" && apt-get "${apt_opts[@]}" source --download-only onetbb >/dev/null 2>&1)
  (cd "$work" && tar xf onetbb_*.orig.tar.xz)
  src=$(ls -d "$work"/oneTBB-*/ | head -n 1)
  CC=clang-14 CXX=clang++-14 cmake -S "$src" -B "$work/tbb-build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DTBB_SANITIZE=thread -DTBB_STRICT=OFF -DTBB_TEST=OFF -DTBB_EXAMPLES=OFF -DTBBMALLOC_BUILD=OFF \
    -DCMAKE_INSTALL_PREFIX="$work/prefix" >/dev/null
  cmake --build "$work/tbb-build" -j"$(nproc)" >/dev/null
  cmake --install "$work/tbb-build" >/dev/null
fi

CC=clang-14 CXX=clang++-14 cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCYBERSIM_SANITIZE=thread -DCYBERSIM_BUILD_GUI=OFF -DCYBERSIM_BUILD_BENCH=OFF -DCYBERSIM_BUILD_MPI=OFF \
  -DCMAKE_DISABLE_FIND_PACKAGE_Qt6=ON -DTBB_DIR="$work/prefix/lib/cmake/TBB"
cmake --build build-tsan -j"$(nproc)" --target cybersim_tests
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
export LD_LIBRARY_PATH="$work/prefix/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# The tests that run the engine, sweeps and tournaments on several threads.
./build-tsan/tests/cybersim_tests -tc="determinism*,simulation*,spatial game*,tournament*,sweep*"
