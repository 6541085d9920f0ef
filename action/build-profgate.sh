#!/usr/bin/env bash
# Builds profgate from the action's own source into the cached folder; with a warm cache it only
# checks the build is there.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

root="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set: run as a composite action step}"
dir="${PROFGATE_BUILD_DIR:?PROFGATE_BUILD_DIR is not set: the cache-key step provides it}"
if [ -f "$dir/profgate.dll" ]; then
  echo "profgate: using the cached build in $dir"
else
  echo "profgate: building from $root (cold cache)"
  dotnet publish "$root/src/ContinuousProfiler.Gate.Cli/ContinuousProfiler.Gate.Cli.csproj" \
    -c Release -o "$dir" --nologo -v:q -p:UseAppHost=false
fi
[ -f "$dir/profgate.dll" ] || fail_input "the profgate build produced no $dir/profgate.dll"
set_output profgate "$dir/profgate.dll"
