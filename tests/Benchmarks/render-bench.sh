#!/usr/bin/env bash
# Report rendering benchmark: `profgate diff --format html|svg` on the 50,000-stack pair in ../shared/bench,
# each run a whole cold process (import, compare, render, write). Prints wall time, peak memory and file size.
# `--format markdown` runs the same import and comparison but writes a 2 KB comment, so html − markdown is
# what the HTML/SVG rendering itself costs.
# Peer: brendangregg/FlameGraph's flamegraph.pl cannot be installed here (../shared/TESTKIT.md §7); its figure for
# the same stacks on this kind of machine (≈6.6 s, 5.2 MB) is printed for reference, not measured.
# Usage: tests/Benchmarks/render-bench.sh [runs]   (default 3; set BENCH_DIR to use other inputs)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bench="${BENCH_DIR:-$root/../shared/bench}"
runs="${1:-3}"
base="$bench/synth-base.pb.gz"
head="$bench/synth-head.pb.gz"
[[ -f "$base" && -f "$head" ]] || { echo "render-bench: $base / $head not found (../shared/bench)" >&2; exit 2; }

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet build "$root/src/ContinuousProfiler.Gate.Cli" -c Release -v:q --nologo -o "$out/bin" > "$out/build.log" 2>&1 || { cat "$out/build.log"; exit 2; }
profgate=("dotnet" "$out/bin/profgate.dll")

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

declare -A seconds bytes
printf '%-9s %9s %12s %11s   (median of %s cold processes)\n' format "time s" "peak RSS MB" "file MB" "$runs"
for format in markdown html svg; do
  ext=$([[ $format == markdown ]] && echo md || echo "$format")
  : > "$out/times"
  : > "$out/rss"
  for _ in $(seq "$runs"); do
    rm -f "$out/report.$ext"
    set +e
    /usr/bin/time -f '%e %M' -o "$out/time" "${profgate[@]}" diff "$base" "$head" --format "$format" -o "$out/report.$ext" > /dev/null 2> "$out/stderr"
    code=$?
    set -e
    if [[ $code -gt 1 ]]; then echo "render-bench: profgate diff --format $format exited $code:" >&2; cat "$out/stderr" >&2; exit 2; fi
    read -r t m < "$out/time"
    echo "$t" >> "$out/times"
    echo $((m / 1024)) >> "$out/rss"
  done
  seconds[$format]=$(median < "$out/times")
  bytes[$format]=$(stat -c %s "$out/report.$ext")
  printf '%-9s %9.2f %12s %11.2f\n' "$format" "${seconds[$format]}" "$(median < "$out/rss")" "$(echo "${bytes[$format]} / 1048576" | bc -l)"
done

for format in html svg; do
  printf '%s: rendering ≈ %.2f s over the markdown run; whole process %.2f s vs flamegraph.pl ≈ 6.6 s (ratio %.2f, not measured here); size %.2f MB vs 5.2 MB\n' \
    "$format" "$(echo "${seconds[$format]} - ${seconds[markdown]}" | bc -l)" "${seconds[$format]}" "$(echo "${seconds[$format]} / 6.6" | bc -l)" "$(echo "${bytes[$format]} / 1048576" | bc -l)"
done
