#!/usr/bin/env bash
# Speed benchmark (not a test): whole cold processes of `profgate diff` against
# `go tool pprof -top -diff_base` on the 1,000,000-sample / 50,000-stack pair in ../shared/bench,
# run alternately. Prints the median wall and CPU time of each, the ratio, and peak memory
# (max RSS from /usr/bin/time). First it checks that the diff finds the three functions
# ../shared/bench/README.md names as changed.
#
# The timed profgate command is `profgate diff base head --config floor.yml` with the default text
# output; floor.yml lowers the absolute floor to 0.1 share points, because the third changed function
# (ns1.Class33.Method_33, 0.30% → 0.15%) moves 0.15 points, under the default 0.25-point floor that
# keeps tiny functions from failing builds. With defaults the diff reports the other two.
#
# Usage: tests/Benchmarks/diff-vs-pprof.sh [ROUNDS]        (default 5 rounds per tool)
# Env:   PROFGATE_SHARED  folder holding bench/ (default: ../shared beside the repo)
#        PROFGATE_BIN     an existing profgate executable (default: publish ReadyToRun into artifacts/)
#        PPROF            the pprof binary (default: the one `go tool pprof` runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
shared=${PROFGATE_SHARED:-$(cd .. && pwd)/shared}
base="$shared/bench/synth-base.pb.gz"
head="$shared/bench/synth-head.pb.gz"
for f in "$base" "$head"; do [ -f "$f" ] || { echo "missing $f (set PROFGATE_SHARED)" >&2; exit 2; }; done

source tests/Benchmarks/common.sh
find_pprof
publish_profgate

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'defaults:\n  floor: 0.1%%\n' > "$tmp/floor.yml"

echo "checking the findings ..."
set +e
"$profgate" diff "$base" "$head" --config "$tmp/floor.yml" --format json > "$tmp/diff.json"
code=$?
set -e
[ "$code" = 1 ] || { echo "expected exit code 1 (regressions), got $code" >&2; exit 1; }
for f in ns0.Class0.Method_0 ns0.Class16.Method_16 ns1.Class33.Method_33; do
  grep -q "\"function\": \"$f\"" "$tmp/diff.json" || { echo "the diff did not report $f" >&2; exit 1; }
done
python3 - "$tmp/diff.json" <<'PY' || grep -o '"function": "[^"]*"' "$tmp/diff.json"
import json, sys
d = json.load(open(sys.argv[1]))
for f in d["findings"]:
    if f["kind"] != "notice":
        print(f"  {f['level']:4} {f['kind']:11} {f['function']:24} {f['base']*100:6.3f}% -> {f['head']*100:6.3f}%  "
              f"change {f['change']*100:+7.2f}%  delta {f['delta']:+.3f} points")
others = [f for f in d["findings"] if f["kind"] != "notice" and f["function"] not in
          ("ns0.Class0.Method_0", "ns0.Class16.Method_16", "ns1.Class33.Method_33")]
print(f"  other functions reported: {len(others)}")
PY

# One run: prints "wall_ms cpu_ms maxrss_kb"; output is discarded; exit codes 0 and 1 are both fine.
run() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f '%U %S %M' -o "$tmp/time.txt" "$@" >/dev/null 2>"$tmp/err.txt" || [ $? = 1 ] || { echo "failed: $*" >&2; cat "$tmp/err.txt" >&2; exit 1; }
  end=$(date +%s%N)
  # With a non-zero exit, /usr/bin/time writes "Command exited with non-zero status 1" first.
  tail -1 "$tmp/time.txt" | awk -v w=$(((end - start) / 1000000)) '{printf "%d %d %d\n", w, ($1 + $2) * 1000, $3}'
}

echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo "profgate: $profgate"
echo "pprof:    $pprof"
echo "rounds:   $rounds per tool, alternating (one untimed run each first, for the page cache)"
run "$profgate" diff "$base" "$head" --config "$tmp/floor.yml" >/dev/null
run "$pprof" -top -diff_base "$base" "$head" >/dev/null
ours_wall=() ours_cpu=() ours_rss=() theirs_wall=() theirs_cpu=() theirs_rss=()
for ((i = 0; i < rounds; i++)); do
  read -r w c m < <(run "$profgate" diff "$base" "$head" --config "$tmp/floor.yml"); ours_wall+=("$w"); ours_cpu+=("$c"); ours_rss+=("$m")
  read -r w c m < <(run "$pprof" -top -diff_base "$base" "$head"); theirs_wall+=("$w"); theirs_cpu+=("$c"); theirs_rss+=("$m")
done
ow=$(echo "${ours_wall[*]}" | median_int); tw=$(echo "${theirs_wall[*]}" | median_int)
oc=$(echo "${ours_cpu[*]}" | median_int); tc=$(echo "${theirs_cpu[*]}" | median_int)
om=$(echo "${ours_rss[*]}" | median_int); tm=$(echo "${theirs_rss[*]}" | median_int)
echo
printf '%-22s %10s %10s %12s\n' "" "wall ms" "CPU ms" "peak RSS MB"
printf '%-22s %10s %10s %12s\n' "profgate diff" "$ow" "$oc" "$((om / 1024))"
printf '%-22s %10s %10s %12s\n' "pprof -top -diff_base" "$tw" "$tc" "$((tm / 1024))"
printf '%-22s %10s %10s %12s\n' "ratio pprof/profgate" \
  "$(awk -v a="$tw" -v b="$ow" 'BEGIN {printf "%.2fx", a / b}')" \
  "$(awk -v a="$tc" -v b="$oc" 'BEGIN {printf "%.2fx", a / b}')" \
  "$(awk -v a="$tm" -v b="$om" 'BEGIN {printf "%.2fx", a / b}')"
echo "    wall runs: profgate ${ours_wall[*]} | pprof ${theirs_wall[*]}"
echo "(medians; CPU = user + system of the process; above 1 means profgate is faster or smaller)"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
