using System.Globalization;
using ContinuousProfiler.Gate.Formats.Perf;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Formats.Tests.Conformance;

/// <summary>
/// speedscope's linux-perf import snapshots. speedscope weighs perf samples by time (midpoints between
/// neighbouring timestamps, per thread) instead of by period, so this test feeds the records our parser
/// reads (thread, timestamp, event filter, frame lines) through speedscope's documented weighting and
/// compares every frame's self/total weight: it checks that both read the same records and frames.
/// </summary>
public sealed class SpeedscopePerfConformanceTests
{
    private const string Snapshot = "jlfwong-speedscope/src/import/__snapshots__/linux-tools-perf.test.ts.snap";

    [CorpusTheory]
    [InlineData("simple.linux-perf.txt", "importFromLinuxPerf simple.linux-perf.txt", 1)]
    [InlineData("one-sample.linux-perf.txt", "importFromLinuxPerf one-sample.linux-perf.txt", 1)]
    [InlineData("simple-with-header.linux-perf.txt", "importFromLinuxPerf simple-with-header.linux-perf.txt", 1)]
    [InlineData("simple-with-pid.linux-perf.txt", "importFromLinuxPerf simple-with-pids.linux-perf.txt", 1)]
    [InlineData("forks.linux-perf.txt", "importFromLinuxPerf forks.linux-perf.txt", 4)]
    [InlineData("system-wide.linux-perf.txt", "importFromLinuxPerf system-wide.linux-perf.txt", 2)]
    public void Frame_weights_match_the_snapshot(string file, string export, int profiles)
    {
        var snapshot = SpeedscopeSnapshot.Load(Paths.CorpusFile(Snapshot));
        using var input = File.OpenRead(Paths.CorpusFile("jlfwong-speedscope/sample/profiles/linux-perf/" + file));
        var actual = Replay(new PerfScriptCollapser().ReadSamples(input, file));

        Assert.Equal(profiles, actual.Count);
        for (var i = 0; i < profiles; i++)
        {
            var expected = snapshot[$"{export} {i + 1}"];
            var frames = actual[expected.Name].Frames();
            Assert.Equal(expected.Frames.Select(f => f.Key).Order(StringComparer.Ordinal), frames.Keys.Order(StringComparer.Ordinal));
            foreach (var frame in expected.Frames)
            {
                var (self, total) = frames[frame.Key];
                Assert.True(Close(frame.SelfWeight, self) && Close(frame.TotalWeight, total),
                    $"{expected.Name} / {frame.Key}: expected self {frame.SelfWeight} total {frame.TotalWeight}, got {self} {total}");
            }
        }
    }

    private static bool Close(double expected, double actual) => Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected));

    // speedscope's importFromLinuxPerf: one profile per "comm pid: P tid: T", timestamped records only.
    private static Dictionary<string, ThreadProfile> Replay(IEnumerable<PerfSample> samples)
    {
        var profiles = new Dictionary<string, ThreadProfile>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            if (sample.Timestamp is null)
            {
                continue;
            }

            var name = sample.Command;
            if (sample.ProcessId is { } pid && pid.Trim('0').Length > 0)
            {
                name += " pid: " + long.Parse(pid, CultureInfo.InvariantCulture);
            }

            if (sample.ThreadId.Trim('0').Length > 0)
            {
                name += " tid: " + long.Parse(sample.ThreadId, CultureInfo.InvariantCulture);
            }

            if (!profiles.TryGetValue(name, out var profile))
            {
                profiles.Add(name, profile = new ThreadProfile());
            }

            var stack = sample.Frames.Reverse().Select(f => $"{StripOffset(f.Symbol)} ({f.Module})").ToList();
            profile.Append(stack, double.Parse(sample.Timestamp, CultureInfo.InvariantCulture));
        }

        return profiles;
    }

    private static string StripOffset(string symbol)
    {
        var plus = symbol.LastIndexOf("+0x", StringComparison.Ordinal);
        return plus >= 0 && symbol[(plus + 3)..].All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)) && plus + 3 < symbol.Length
            ? symbol[..plus]
            : symbol;
    }

    // StackListProfileBuilder.appendSampleWithTimestamp: a sample spans the midpoints to its neighbours;
    // the last one ends at its own timestamp; a lone sample weighs 1.
    private sealed class ThreadProfile
    {
        private readonly List<(List<string> Stack, double Weight)> _weighted = [];
        private (List<string> Stack, double Start, double Central)? _pending;

        public void Append(List<string> stack, double time)
        {
            if (_pending is { } p)
            {
                var end = (time + p.Central) / 2;
                Add(p.Stack, end - p.Start);
                _pending = (stack, end, time);
            }
            else
            {
                _pending = (stack, time, time);
            }
        }

        public Dictionary<string, (double Self, double Total)> Frames()
        {
            if (_pending is { } p)
            {
                Add(p.Stack, _weighted.Count > 0 ? p.Central - p.Start : 1);
                _pending = null;
            }

            var frames = new Dictionary<string, (double Self, double Total)>(StringComparer.Ordinal);
            foreach (var (stack, weight) in _weighted)
            {
                foreach (var key in stack.Distinct())
                {
                    var (self, total) = frames.GetValueOrDefault(key);
                    frames[key] = (self, total + weight);
                }

                var leaf = frames[stack[^1]];
                frames[stack[^1]] = (leaf.Self + weight, leaf.Total);
            }

            return frames;
        }

        private void Add(List<string> stack, double weight)
        {
            if (weight > 0 && stack.Count > 0)
            {
                _weighted.Add((stack, weight));
            }
        }
    }
}
