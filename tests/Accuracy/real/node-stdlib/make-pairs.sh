#!/usr/bin/env bash
# Real profile pairs from code this repository did not write: Node's own JavaScript standard library
# (url, querystring, path, util, JSON, Buffer) driven by workload.js, profiled by V8 with
# `node --cpu-prof` (Chrome .cpuprofile files, 4 kHz sampling). The injected slowdown: NODE_SLOW
# percent of the requests call url.parse twice (so url.parse's code does that much more work).
# Rounds are interleaved: base (NODE_SLOW=0), head (NODE_SLOW=$SLOW), base again (the same-code pair).
#
# usage: tests/Accuracy/real/node-stdlib/make-pairs.sh [OUT=artifacts/real/node-stdlib] [RUNS=5] [SECONDS=6] [SLOW=30]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../../../.."
out=${1:-artifacts/real/node-stdlib}
runs=${2:-5}
seconds=${3:-6}
slow=${4:-30}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf "$out" && mkdir -p "$out/base" "$out/head" "$out/base2"
run() { NODE_SLOW=$1 node --cpu-prof --cpu-prof-interval 250 --cpu-prof-dir "$out/$2" --cpu-prof-name "run$3.cpuprofile" "$here/workload.js" "$seconds" 2>/dev/null; }
for ((r = 1; r <= runs; r++)); do
  echo "round $r/$runs" >&2
  run 0 base "$r"
  run "$slow" head "$r"
  run 0 base2 "$r"
done

dotnet build src/ContinuousProfiler.Gate.Cli -c Release --nologo -v:q >/dev/null
profgate=(dotnet "$PWD/src/ContinuousProfiler.Gate.Cli/bin/Release/net10.0/profgate.dll")
declare -A sha=([base]=ba5e0001 [head]=4ead0001 [base2]=ba5e0002)   # stand-in commit ids
for v in base head base2; do
  "${profgate[@]}" import "$out/$v"/run*.cpuprofile --name node --commit "${sha[$v]}" -o "$out/$v.set" >/dev/null
done

summary() { python3 "$here/../summary.py"; }
diff_one() { "${profgate[@]}" diff "$1" "$2" --format json || true; }
echo
echo "same code, 1 run per side:";        diff_one "$out/base/run1.cpuprofile" "$out/base2/run1.cpuprofile" | summary
echo "same code, $runs runs per side:";   diff_one "$out/base.set" "$out/base2.set" | summary
echo "NODE_SLOW=$slow, 1 run per side:";  diff_one "$out/base/run1.cpuprofile" "$out/head/run1.cpuprofile" | summary
echo "NODE_SLOW=$slow, $runs runs per side:"; diff_one "$out/base.set" "$out/head.set" | summary
