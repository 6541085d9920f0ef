#!/usr/bin/env bash
# Speed benchmark (not a test): whole cold processes of `profgate top` against
# `go tool pprof -top -symbolize=none` on the same files, run alternately, plus profgate's warm
# in-process parse time. Prints per file the median wall time of each tool and the ratio.
#
# Usage: tests/Benchmarks/top-vs-pprof.sh [ROUNDS]        (default 5 rounds per tool and file)
# Env:   PROFGATE_SHARED  folder holding corpus/ and bench/ (default: ../shared beside the repo)
#        PROFGATE_BIN     an existing profgate executable (default: publish ReadyToRun into artifacts/)
#        PPROF            the pprof binary (default: the one `go tool pprof` runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
shared=${PROFGATE_SHARED:-$(cd .. && pwd)/shared}
files=(
  "$shared/corpus/google-pprof/internal/proftest/testdata/large.cpu"
  "$shared/bench/synth-base.pb.gz"
)
for f in "${files[@]}"; do [ -f "$f" ] || { echo "missing $f (set PROFGATE_SHARED)" >&2; exit 2; }; done

source tests/Benchmarks/common.sh
find_pprof
publish_profgate

# One run: prints "wall_ms cpu_ms" (CPU = user + system, from /usr/bin/time when installed, else
# "-"); output is discarded, a failure stops the benchmark.
run_ms() {
  local start end cpu=-
  start=$(date +%s%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%U %S' -o "$cpu_file" "$@" >/dev/null 2>"$err" || { echo "failed: $*" >&2; cat "$err" >&2; exit 1; }
    cpu=$(awk '{printf "%d", ($1 + $2) * 1000}' "$cpu_file")
  else
    "$@" >/dev/null 2>"$err" || { echo "failed: $*" >&2; cat "$err" >&2; exit 1; }
  fi
  end=$(date +%s%N)
  echo "$(((end - start) / 1000000)) $cpu"
}
cpu_file=$(mktemp)
err=$(mktemp)
trap 'rm -f "$err" "$cpu_file"' EXIT


echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo "profgate: $profgate"
echo "pprof:    $pprof"
echo "rounds:   $rounds per tool and file, alternating"
echo
printf '%-18s %12s %12s %8s %12s %12s %8s\n' "file" "profgate ms" "pprof ms" "ratio" "profgate CPU" "pprof CPU" "ratio"
for f in "${files[@]}"; do
  ours_wall=() ours_cpu=() theirs_wall=() theirs_cpu=()
  # One untimed run each, so both read the file from the page cache.
  run_ms "$profgate" top "$f" >/dev/null
  run_ms "$pprof" -top -symbolize=none "$f" >/dev/null
  for ((i = 0; i < rounds; i++)); do
    read -r w c < <(run_ms "$profgate" top "$f"); ours_wall+=("$w"); ours_cpu+=("$c")
    read -r w c < <(run_ms "$pprof" -top -symbolize=none "$f"); theirs_wall+=("$w"); theirs_cpu+=("$c")
  done
  ow=$(echo "${ours_wall[*]}" | median_int); tw=$(echo "${theirs_wall[*]}" | median_int)
  oc=$(echo "${ours_cpu[*]}" | median_int); tc=$(echo "${theirs_cpu[*]}" | median_int)
  printf '%-18s %12s %12s %8s %12s %12s %8s\n' "$(basename "$f")" "$ow" "$tw" \
    "$(awk -v a="$tw" -v b="$ow" 'BEGIN {printf "%.2fx", a / b}')" "$oc" "$tc" \
    "$(awk -v a="$tc" -v b="$oc" 'BEGIN {printf "%.2fx", a / b}')"
  echo "    wall runs: profgate ${ours_wall[*]} | pprof ${theirs_wall[*]}"
done
echo "(medians; ratio = pprof / profgate, above 1 means profgate is faster; CPU = user + system of the process)"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"

echo
echo "warm in-process parse (decompress + decode + build the model), profgate only:"
dotnet build tests/Benchmarks/ParseBench -c Release -v:q --nologo >/dev/null
dotnet tests/Benchmarks/ParseBench/bin/Release/net10.0/ParseBench.dll -n 10 "${files[@]}"
