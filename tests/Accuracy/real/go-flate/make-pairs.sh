#!/usr/bin/env bash
# Real profile pairs from code this repository did not write: the Go standard library's
# compress/flate (copied verbatim from $(go env GOROOT)/src/compress/flate, tests left out) driven by
# main.go (compress + decompress a stdlib text file, plus compress/gzip and encoding/json from the
# real standard library), profiled with runtime/pprof at 1000 Hz. The injected slowdown adds
# FLATE_SLOW rounds of integer mixing inside flate.matchLen (see slowdown.go and the sed below);
# FLATE_SLOW=0 runs the unmodified code path. Built offline (GOPROXY=off, no dependencies).
#
# For each round, in interleaved order: one base run (FLATE_SLOW=0), one head run (FLATE_SLOW=$SLOW),
# one more base run (the same-code pair). Then `profgate import` turns each variant into a ProfileSet
# and `profgate diff` compares base/base2 (must stay quiet) and base/head (must find matchLen),
# with one run per side and with every run.
#
# usage: tests/Accuracy/real/go-flate/make-pairs.sh [OUT=artifacts/real/go-flate] [RUNS=5] [SECONDS=8] [SLOW=6]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../../../.."
out=${1:-artifacts/real/go-flate}
runs=${2:-5}
seconds=${3:-8}
slow=${4:-6}
export GOPROXY=off GOFLAGS=-mod=mod GOTOOLCHAIN=local DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
goroot=$(go env GOROOT)
rm -rf "$out" && mkdir -p "$out/src/flate" "$out/base" "$out/head" "$out/base2"
cp "$goroot"/src/compress/flate/*.go "$out/src/flate/" && rm "$out"/src/flate/*_test.go
cp "$here/slowdown.go" "$out/src/flate/"
# The injection: the first statement of matchLen becomes a loop of slowRounds mixing steps.
sed -i 's|^func matchLen(a, b \[\]byte, max int) int {$|&\n\tfor k, x := 0, uint32(max); k < slowRounds; k++ {\n\t\tx ^= x << 13; x ^= x >> 17; x ^= x << 5; slowSink += x\n\t}|' "$out/src/flate/deflate.go"
grep -q slowRounds "$out/src/flate/deflate.go" || { echo "the matchLen injection did not apply" >&2; exit 1; }
cp "$here/main.go" "$out/src/"
printf 'module example.com/realpair\n\ngo 1.19\n' > "$out/src/go.mod"
(cd "$out/src" && GOCACHE="$PWD/../gocache" go build -o ../realpair .)
input="$goroot/src/testdata/Isaac.Newton-Opticks.txt"

for ((r = 1; r <= runs; r++)); do
  echo "round $r/$runs" >&2
  FLATE_SLOW=0 "$out/realpair" "$input" "$out/base/run$r.pb.gz" "${seconds}s" 2>/dev/null
  FLATE_SLOW=$slow "$out/realpair" "$input" "$out/head/run$r.pb.gz" "${seconds}s" 2>/dev/null
  FLATE_SLOW=0 "$out/realpair" "$input" "$out/base2/run$r.pb.gz" "${seconds}s" 2>/dev/null
done

dotnet build src/ContinuousProfiler.Gate.Cli -c Release --nologo -v:q >/dev/null
profgate=(dotnet "$PWD/src/ContinuousProfiler.Gate.Cli/bin/Release/net10.0/profgate.dll")
declare -A sha=([base]=ba5e0001 [head]=4ead0001 [base2]=ba5e0002)   # stand-in commit ids
for v in base head base2; do
  "${profgate[@]}" import "$out/$v"/run*.pb.gz --name flate --commit "${sha[$v]}" -o "$out/$v.set" >/dev/null
done

summary() { python3 "$here/../summary.py"; }
diff_one() { "${profgate[@]}" diff "$1" "$2" --format json || true; }
echo
echo "same code, 1 run per side:";        diff_one "$out/base/run1.pb.gz" "$out/base2/run1.pb.gz" | summary
echo "same code, $runs runs per side:";   diff_one "$out/base.set" "$out/base2.set" | summary
echo "FLATE_SLOW=$slow, 1 run per side:";  diff_one "$out/base/run1.pb.gz" "$out/head/run1.pb.gz" | summary
echo "FLATE_SLOW=$slow, $runs runs per side:"; diff_one "$out/base.set" "$out/head.set" | summary
