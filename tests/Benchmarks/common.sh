# Shared by the benchmark scripts (sourced from the repository root).

# median: the median of numbers given one per line or space-separated (the mean of the middle two when even).
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# median_int: the same, rounded down to an integer when even (for millisecond and kilobyte counts).
median_int() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

# find_pprof: sets $pprof to $PPROF, or to `go tool pprof`'s binary; exits 2 with the install command when absent.
find_pprof() {
  pprof=${PPROF:-}
  if [ -z "$pprof" ]; then
    command -v go >/dev/null || { echo "go tool pprof not found: apt-get install -y golang-go" >&2; exit 2; }
    pprof=$(go tool -n pprof)
  fi
}

# publish_profgate: sets $profgate to $PROFGATE_BIN, or publishes a ReadyToRun build with its own executable
# into artifacts/bench (the project turns the executable off for the tool package; -p:UseAppHost=true keeps it).
publish_profgate() {
  profgate=${PROFGATE_BIN:-}
  if [ -z "$profgate" ]; then
    local out=artifacts/bench/profgate-r2r
    echo "publishing profgate (Release, linux-x64, ReadyToRun) to $out ..."
    dotnet publish src/ContinuousProfiler.Gate.Cli -c Release -r linux-x64 --self-contained false \
      -p:PublishReadyToRun=true -p:UseAppHost=true -o "$out" -v:q --nologo >/dev/null
    profgate=$out/profgate
  fi
}
