#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# CTest "install": installs the build into a temporary prefix and runs the installed programs from a folder outside
# the source tree; no installed binary may hold the source or build path, so the source tree is out of reach.
# Usage: tests/install/test_install.sh CMAKE BUILD_DIR SOURCE_DIR [--no-path-check]
#   --no-path-check: for sanitizer builds, whose runtime reports need the source file names inside the binaries.
set -euo pipefail
cmake_command="$1"
build="$(cd "$2" && pwd -P)"
source="$(cd "$3" && pwd -P)"
check_paths=1
[ "${4:-}" = "--no-path-check" ] && check_paths=0

work="$(mktemp -d "${TMPDIR:-/tmp}/cybersim-install-test.XXXXXX")"
trap 'rm -rf "${work}"' EXIT
prefix="${work}/prefix"
fail() {
    echo "install test: FAIL: $*" >&2
    exit 1
}
step() { echo "install test: $*"; }

step "cmake --install ${build} --prefix ${prefix} --strip"
"${cmake_command}" --install "${build}" --prefix "${prefix}" --strip >"${work}/install.log" ||
    { cat "${work}/install.log"; fail "cmake --install failed"; }

# The layout the programs and the .deb rely on: DataLocator finds bin/../share/cybersim.
for file in bin/cybersim share/cybersim/scenarios/default.toml share/cybersim/scenarios/classic/richardson.toml \
    share/cybersim/validation/README.md share/cybersim/validation/axelrod_peer_vectors.tsv \
    share/cybersim/validation/axelrod_peer_small_tournaments.tsv share/cybersim/validation/egttools_peer_fixation.tsv \
    share/doc/cybersim/README.md share/doc/cybersim/docs/validation.md; do
    [ -f "${prefix}/${file}" ] || fail "missing ${file}"
done
for folder in share/cybersim/scenarios/lessons share/cybersim/scenarios/sweeps; do
    [ -n "$(ls -A "${prefix}/${folder}" 2>/dev/null)" ] || fail "missing or empty ${folder}"
done
gui=0
if [ -e "${prefix}/bin/cybersim-gui" ]; then
    gui=1
    for file in share/applications/cybersim.desktop share/icons/hicolor/scalable/apps/cybersim.svg; do
        [ -f "${prefix}/${file}" ] || fail "missing ${file}"
    done
fi
# Copies, not links back into the build or source tree.
links="$(find "${prefix}" -type l)"
[ -z "${links}" ] || fail "the install holds symbolic links: ${links}"

if [ "${check_paths}" = 1 ]; then
    for binary in "${prefix}"/bin/*; do
        for path in "${source}" "${build}"; do
            if grep -qaF "${path}" "${binary}"; then
                fail "${binary} contains the path ${path}"
            fi
        done
    done
    step "no installed binary names ${source} or ${build}"
else
    step "path check left out (sanitizer build)"
fi

# Run from a folder outside the source tree, with nothing pointing the programs at their data but their own place.
cd "${work}"
prefix="$(cd "${prefix}" && pwd -P)" # the programs name their data folders with symbolic links resolved
unset CYBERSIM_DATA_DIR
cybersim="${prefix}/bin/cybersim"

step "cybersim list"
"${cybersim}" list >list.txt 2>&1 || { cat list.txt; fail "cybersim list failed"; }
if ! grep -qF "folder ${prefix}/share/cybersim/scenarios)" list.txt; then
    cat list.txt
    fail "list: not the installed folder"
fi
for name in zero-sum-spiral classic/richardson 01-zero-sum-or-common-security; do
    grep -qE "^  ${name} " list.txt || { cat list.txt; fail "list: ${name} missing"; }
done
if grep -q "does not load" list.txt; then
    cat list.txt
    fail "list: a shipped file does not load"
fi

step "cybersim run zero-sum-spiral --out ${work}/run"
"${cybersim}" run zero-sum-spiral --out "${work}/run" -q || fail "cybersim run failed"
for file in timeseries.csv states.csv events.csv network.graphml summary.json; do
    [ -s "${work}/run/${file}" ] || fail "run: missing ${file}"
done

step "cybersim validate --quick"
"${cybersim}" validate --quick >validate.txt 2>&1 || { cat validate.txt; fail "cybersim validate --quick failed"; }
grep -qF "data: ${prefix}/share/cybersim" validate.txt || { cat validate.txt; fail "validate: not the installed data"; }
for check in axelrod-peer fixation; do
    grep -qE "^  ${check} +PASS " validate.txt || { cat validate.txt; fail "validate: ${check} did not PASS"; }
done
if grep -q "SKIP" validate.txt; then
    cat validate.txt
    fail "validate: a check was skipped"
fi

if [ "${gui}" = 1 ]; then
    step "cybersim-gui --screenshot (offscreen) of a shipped scenario"
    mkdir -m 700 "${work}/xdg"
    if ! QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="${work}/xdg" timeout 300 "${prefix}/bin/cybersim-gui" \
        --screenshot "${work}/gui.png" --rounds 5 zero-sum-spiral >gui.txt 2>&1; then
        cat gui.txt
        fail "cybersim-gui failed"
    fi
    [ -s "${work}/gui.png" ] || fail "cybersim-gui wrote no screenshot"
    if grep -q "cybersim-gui: warning" gui.txt; then
        cat gui.txt
        fail "cybersim-gui warned"
    fi
fi
step "PASS"
