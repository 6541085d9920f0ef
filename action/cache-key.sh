#!/usr/bin/env bash
# The cache key and folder of the profgate build: a hash of the action's own source, so a warm run
# restores the build in seconds and any change to the source builds afresh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

root="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set: run as a composite action step}"
paths=()
for p in src templates Directory.Build.props Directory.Packages.props global.json; do
  [ -e "$root/$p" ] && paths+=("$p")
done
[ ${#paths[@]} -gt 0 ] || fail_input "no profgate source under $root (expected src/)"
hash=$(cd "$root" && find "${paths[@]}" -type f -not -path '*/bin/*' -not -path '*/obj/*' |
  LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum | cut -c1-20)
set_output key "profgate-build-${RUNNER_OS:-Linux}-$(uname -m)-$hash"
set_output dir "${RUNNER_TEMP:?RUNNER_TEMP is not set}/profgate-build-$hash"
