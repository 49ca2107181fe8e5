#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Checks that the repository stands alone: clones the committed HEAD into an empty temporary folder (nothing beside
# it, so no folder next to a developer's checkout can be read) and runs `scripts/test.sh --quick` there. Uncommitted
# changes are not in the clone. The folder is removed afterwards; the exit status is the test run's.
# Usage: scripts/fresh-clone.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [ -n "$(git -C "${root}" status --porcelain)" ]; then
    echo "fresh-clone: note: ${root} has uncommitted changes; the clone tests the committed HEAD only"
fi
head="$(git -C "${root}" rev-parse --short HEAD)"

parent="$(mktemp -d "${TMPDIR:-/tmp}/cybersim-fresh-clone.XXXXXX")"
trap 'rm -rf "${parent}"' EXIT
clone="${parent}/cybersim"
echo "fresh-clone: cloning ${head} into ${clone}"
git clone --quiet --no-local "${root}" "${clone}"

# Relative paths in ccache's keys, so the clone reuses what other checkouts compiled (scripts/test.sh sets the same).
export CCACHE_BASEDIR="${clone}"
cd "${clone}"
if ! bash scripts/test.sh --quick; then
    echo "fresh-clone: FAIL: scripts/test.sh --quick failed in a fresh clone of ${head}" >&2
    exit 1
fi
echo "fresh-clone: PASS: a fresh clone of ${head} builds and passes scripts/test.sh --quick"
