#!/usr/bin/env bash
# Report rendering benchmark: `profgate diff --format html|svg` on the 50,000-stack pair in ../shared/bench,
# each run a whole cold process (import, compare, render, write). Prints wall time, peak memory and file size.
# `--format json` runs the same import, comparison and verdict without the call tree, so html − json is what
# the flame graph costs (building the union call tree, then rendering); markdown builds the tree for its flame paths.
# Peer: brendangregg/FlameGraph's flamegraph.pl cannot be installed here (../shared/TESTKIT.md §7); its figure for
# the same stacks on this kind of machine (≈6.6 s, 5.2 MB) is printed for reference, not measured.
# Usage: tests/Benchmarks/render-bench.sh [runs]   (default 3; PROFGATE_SHARED or BENCH_DIR point elsewhere)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bench="${BENCH_DIR:-${PROFGATE_SHARED:-$root/../shared}/bench}"
runs="${1:-3}"
base="$bench/synth-base.pb.gz"
head="$bench/synth-head.pb.gz"
[[ -f "$base" && -f "$head" ]] || { echo "render-bench: $base / $head not found (../shared/bench)" >&2; exit 2; }

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet build "$root/src/ContinuousProfiler.Gate.Cli" -c Release -v:q --nologo -o "$out/bin" > "$out/build.log" 2>&1 || { cat "$out/build.log"; exit 2; }
profgate=("dotnet" "$out/bin/profgate.dll")

source "$root/tests/Benchmarks/common.sh"

declare -A seconds bytes
printf '%-9s %9s %8s %12s %11s   (median of %s cold processes; cpu = user + sys)\n' format "wall s" "cpu s" "peak RSS MB" "file MB" "$runs"
for format in json markdown html svg; do
  ext=$([[ $format == markdown ]] && echo md || echo "$format")  # json → .json
  : > "$out/times"
  : > "$out/rss"
  : > "$out/cpu"
  for _ in $(seq "$runs"); do
    rm -f "$out/report.$ext"
    set +e
    /usr/bin/time -f '%e %M %U %S' -o "$out/time" "${profgate[@]}" diff "$base" "$head" --format "$format" -o "$out/report.$ext" > /dev/null 2> "$out/stderr"
    code=$?
    set -e
    if [[ $code -gt 1 ]]; then echo "render-bench: profgate diff --format $format exited $code:" >&2; cat "$out/stderr" >&2; exit 2; fi
    read -r t m u k < <(tail -n 1 "$out/time")  # time prefixes "Command exited with non-zero status 1"
    echo "$t" >> "$out/times"
    echo "$u + $k" | bc -l >> "$out/cpu"
    echo $((m / 1024)) >> "$out/rss"
  done
  seconds[$format]=$(median < "$out/times")
  bytes[$format]=$(stat -c %s "$out/report.$ext")
  printf '%-9s %9.2f %8.2f %12s %11.2f\n' "$format" "${seconds[$format]}" "$(median < "$out/cpu")" "$(median < "$out/rss")" "$(echo "${bytes[$format]} / 1048576" | bc -l)"
done

for format in html svg; do
  printf '%s: call tree + rendering ≈ %.2f s over the json run; whole process %.2f s vs flamegraph.pl ≈ 6.6 s (ratio %.2f, not measured here); size %.2f MB vs 5.2 MB\n' \
    "$format" "$(echo "${seconds[$format]} - ${seconds[json]}" | bc -l)" "${seconds[$format]}" "$(echo "${seconds[$format]} / 6.6" | bc -l)" "$(echo "${bytes[$format]} / 1048576" | bc -l)"
done
