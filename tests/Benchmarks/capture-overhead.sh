#!/usr/bin/env bash
# Capture overhead benchmark: wall and CPU time of a CPU-bound .NET workload (tests/samples/Sample.Bench)
# run unprofiled, under `profgate capture` (EventPipe), under `dotnet-trace collect --profile cpu-sampling`,
# and under the perf route (`profgate capture --profiler perf`, and plain `perf record -F 999 -g`).
# profgate runs the way users get it: `dotnet publish -c Release` of the CLI, which is what the Action
# builds and what `dotnet pack` puts in the global-tool package (ReadyToRun for this machine). The
# `profgate-jit` row is the plain `dotnet build -c Release` output (no ReadyToRun), for comparison.
# Set PROFGATE_PHASES=1 on a single `profgate capture` to see where profgate's own CPU goes.
# Current dotnet-trace (9.0.661903 and 10.x alike) no longer has a managed `cpu-sampling` profile for
# `collect` (the name now means kernel sampling in `collect-linux`); its managed CPU sampling profile is
# `dotnet-sampled-thread-time`. Both are measured: that profile, and the former cpu-sampling provider
# list given explicitly (SampleProfiler plus runtime keywords 0x14C14FCCBD at level 4).
# The variants run interleaved, ROUNDS times each; the script prints medians and ratios to unprofiled.
#
# usage: tests/Benchmarks/capture-overhead.sh [ROUNDS=5] [BENCH_ROUNDS=60]
# needs: the .NET 10 SDK; dotnet-trace is installed from NuGet into a temp tool path when missing;
#        the perf rows are skipped when perf is missing or not permitted.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
work=${2:-60}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "publishing profgate (as the Action and the tool package do), building the sample (Release)..." >&2
dotnet publish src/ContinuousProfiler.Gate.Cli -c Release -o "$tmp/published" -p:UseAppHost=false --nologo -v:q >/dev/null
dotnet build src/ContinuousProfiler.Gate.Cli -c Release --nologo -v:q >/dev/null
dotnet build tests/samples/Sample.Bench -c Release --nologo -v:q >/dev/null
profgate=(dotnet "$tmp/published/profgate.dll")
profgate_jit=(dotnet "$PWD/src/ContinuousProfiler.Gate.Cli/bin/Release/net10.0/profgate.dll")
bench=(dotnet "$PWD/tests/samples/Sample.Bench/bin/Release/net10.0/Sample.Bench.dll" "$work")

trace_tool=$(command -v dotnet-trace || true)
if [ -z "$trace_tool" ]; then
  echo "installing dotnet-trace into $tmp/tools..." >&2
  dotnet tool install --tool-path "$tmp/tools" dotnet-trace --version 10.0.750501 >/dev/null
  trace_tool="$tmp/tools/dotnet-trace"
fi

perf_ok=0
if command -v perf >/dev/null && perf record -q -e cpu-clock -o "$tmp/probe.data" -- true 2>/dev/null; then perf_ok=1; fi

# measure NAME CMD...: appends "wall_s cpu_s" (user+sys of the whole process tree) to $tmp/NAME
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$tmp/time.txt" "$@" >/dev/null 2>"$tmp/stderr.txt" || { echo "$name failed:" >&2; cat "$tmp/stderr.txt" >&2; exit 1; }
  awk '{printf "%s %.3f\n", $1, $2 + $3}' "$tmp/time.txt" >> "$tmp/$name"
}

variants=(unprofiled profgate profgate-jit dt-sampled dt-classic)
[ $perf_ok = 1 ] && variants+=(profgate-perf perf-record)
for ((i = 1; i <= rounds; i++)); do
  echo "round $i/$rounds" >&2
  for v in "${variants[@]}"; do
    rm -rf "$tmp/set" "$tmp/trace.nettrace" "$tmp/perf.data"
    case $v in
      unprofiled)    measure "$v" "${bench[@]}" ;;
      profgate)      measure "$v" "${profgate[@]}" capture -o "$tmp/set" -- "${bench[@]}"
                     # the profiled command alone, as the manifest records it (without profgate's own start-up and trace conversion)
                     wall_ms=$(grep -o '"wallMs": [0-9.]*' "$tmp/set/manifest.json" | head -1 | grep -o '[0-9.]*$')
                     cpu_ms=$(grep -o '"cpuMs": [0-9.]*' "$tmp/set/manifest.json" | head -1 | grep -o '[0-9.]*$')
                     echo "$(echo "$wall_ms / 1000" | bc -l) $(echo "$cpu_ms / 1000" | bc -l)" >> "$tmp/profgate-command" ;;
      profgate-jit)  measure "$v" "${profgate_jit[@]}" capture -o "$tmp/set" -- "${bench[@]}" ;;
      dt-sampled)    measure "$v" "$trace_tool" collect --profile dotnet-sampled-thread-time -o "$tmp/trace.nettrace" -- "${bench[@]}" ;;
      dt-classic)    measure "$v" "$trace_tool" collect --providers Microsoft-DotNETCore-SampleProfiler:0:5,Microsoft-Windows-DotNETRuntime:0x14C14FCCBD:4 -o "$tmp/trace.nettrace" -- "${bench[@]}" ;;
      profgate-perf) measure "$v" "${profgate[@]}" capture --profiler perf -o "$tmp/set" -- "${bench[@]}" ;;
      perf-record)   measure "$v" perf record -q -e cpu-clock -F 999 -g -o "$tmp/perf.data" -- env DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 "${bench[@]}" ;;
    esac
  done
done

source tests/Benchmarks/common.sh
base_wall=$(cut -d' ' -f1 "$tmp/unprofiled" | median)
base_cpu=$(cut -d' ' -f2 "$tmp/unprofiled" | median)
echo
echo "Sample.Bench $work rounds, $rounds runs per variant (interleaved), medians; whole process trees, profgate's own start-up and trace conversion included"
printf '%-14s %9s %9s %10s %10s\n' variant wall_s cpu_s wall_ratio cpu_ratio
for v in "${variants[@]:0:2}" profgate-command "${variants[@]:2}"; do
  wall=$(cut -d' ' -f1 "$tmp/$v" | median)
  cpu=$(cut -d' ' -f2 "$tmp/$v" | median)
  printf '%-14s %9.2f %9.2f %10.2f %10.2f\n' "$v" "$wall" "$cpu" "$(echo "$wall / $base_wall" | bc -l)" "$(echo "$cpu / $base_cpu" | bc -l)"
done
echo "(profgate: the published (ReadyToRun) tool; profgate-jit: the plain build; profgate-command: the profiled command's own wall/CPU from the manifest, without profgate's start-up and trace conversion)"
[ $perf_ok = 1 ] || echo "(perf rows skipped: perf missing or not permitted)"
