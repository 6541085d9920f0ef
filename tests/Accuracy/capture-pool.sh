#!/usr/bin/env bash
# Captures the pool of real .NET runs the accuracy harness resamples (issue 5, item 7): for each variant
# of tests/samples/Sample.Bench, ROUNDS×REPEAT profiled runs with CPU and allocation profiles, taken in
# interleaved batches so machine drift hits every variant alike. The pool is committed (tests/Accuracy/pool,
# about 600 KB): RealPoolTests in ContinuousProfiler.Gate.Accuracy.Tests and the harness read it.
#
#   base     the sample as it is
#   cpu20    PROFGATE_SAMPLE_CPU_PCT=20: Checksum.Mix (about 40% of CPU) does 20% more work
#   cpu50    PROFGATE_SAMPLE_CPU_PCT=50
#   alloc12  PROFGATE_SAMPLE_ALLOC_PCT=12: Formatter.Render (about half of all bytes) grows its scratch buffer
#            from 224 to 256 bytes (12% more chars, rounded up to the runtime's 8-byte object alignment);
#            the buffer is most of the bytes charged to Render, whose own bytes grow about 12-13%
#
# usage: tests/Accuracy/capture-pool.sh [POOL_DIR=tests/Accuracy/pool] [ROUNDS=4] [REPEAT=5] [BENCH_ROUNDS=60]
# then:  dotnet run -c Release --project tests/Accuracy/ContinuousProfiler.Gate.Accuracy.Real -- POOL_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
pool=${1:-tests/Accuracy/pool}
rounds=${2:-4}
repeat=${3:-5}
work=${4:-60}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/ContinuousProfiler.Gate.Cli -c Release --nologo -v:q >/dev/null
dotnet build tests/samples/Sample.Bench -c Release --nologo -v:q >/dev/null
profgate=(dotnet "$PWD/src/ContinuousProfiler.Gate.Cli/bin/Release/net10.0/profgate.dll")
bench=(dotnet "$PWD/tests/samples/Sample.Bench/bin/Release/net10.0/Sample.Bench.dll" "$work")
rm -rf "$pool"
mkdir -p "$pool"

declare -A env=([base]="" [cpu20]="PROFGATE_SAMPLE_CPU_PCT=20" [cpu50]="PROFGATE_SAMPLE_CPU_PCT=50" [alloc12]="PROFGATE_SAMPLE_ALLOC_PCT=12")
for ((r = 1; r <= rounds; r++)); do
  for variant in base cpu20 cpu50 alloc12; do
    echo "round $r/$rounds: $variant" >&2
    env -u PROFGATE_SAMPLE_REGRESS -u PROFGATE_SAMPLE_CPU_PCT -u PROFGATE_SAMPLE_ALLOC_PCT ${env[$variant]} \
      "${profgate[@]}" capture --name sample --alloc --repeat "$repeat" -o "$pool/$variant/$r" -- "${bench[@]}" >/dev/null
  done
done
du -sh "$pool"
