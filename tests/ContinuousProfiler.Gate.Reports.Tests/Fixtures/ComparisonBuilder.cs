using System.Collections.Immutable;
using System.Globalization;
using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Model;

namespace ContinuousProfiler.Gate.Reports.Tests.Fixtures;

/// <summary>
/// Builds comparison contracts from folded stacks (<c>a;b;c 12</c>, root first), one string per run and
/// side, with shares of each run's total — a stand-in for the engine's comparer in report tests.
/// </summary>
public static class ComparisonBuilder
{
    /// <summary>Values in the folded text are samples; raw totals are multiplied by <paramref name="period"/> (10 ms for cpu/nanoseconds).</summary>
    public static SampleTypeComparison SampleType(string[] baseRuns, string[] headRuns, string type = "cpu", string unit = "nanoseconds", double? period = null)
    {
        var scale = period ?? (unit == "nanoseconds" ? 10_000_000 : 1);
        var root = new DiffNode("root", null);
        var baseSide = Side(baseRuns, root, head: false, scale);
        var headSide = Side(headRuns, root, head: true, scale);
        var names = baseSide.Functions.Keys.Concat(headSide.Functions.Keys).Distinct().Order(StringComparer.Ordinal);
        var functions = names.Select(name => new FunctionDiff(
            name,
            baseSide.Values(name, baseRuns.Length),
            headSide.Values(name, headRuns.Length))).ToImmutableArray();
        return new SampleTypeComparison
        {
            SampleType = new SampleType(type, unit),
            Functions = functions,
            Root = root,
            BaseTotals = [.. baseSide.Totals],
            HeadTotals = [.. headSide.Totals],
        };
    }

    public static SampleTypeComparison SampleType(string baseFolded, string headFolded, string type = "cpu", string unit = "nanoseconds") =>
        SampleType([baseFolded], [headFolded], type, unit);

    public static ScenarioComparison Scenario(string name, params SampleTypeComparison[] types) => new(name, [.. types], null);

    public static ComparisonResult Result(Provenance provenance, params ScenarioComparison[] scenarios) =>
        new([.. scenarios.OrderBy(s => s.Scenario, StringComparer.Ordinal)], provenance, [], []);

    private static SideData Side(string[] runs, DiffNode root, bool head, double scale)
    {
        var data = new SideData(runs.Length);
        for (var run = 0; run < runs.Length; run++)
        {
            var stacks = Parse(runs[run]);
            var total = stacks.Sum(s => s.Value);
            data.Totals.Add(total * scale);
            foreach (var (path, value) in stacks)
            {
                root.Add(path, value / total / runs.Length, head);
                foreach (var name in path.Distinct(StringComparer.Ordinal))
                {
                    data.Get(name).Total[run] += value / total;
                    data.Get(name).RawTotal += value * scale;
                }

                data.Get(path[^1]).Self[run] += value / total;
                data.Get(path[^1]).RawSelf += value * scale;
            }
        }

        return data;
    }

    private static List<(string[] Path, double Value)> Parse(string folded) =>
        [.. folded.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line =>
            {
                var space = line.LastIndexOf(' ');
                return (line[..space].Split(';'), double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture));
            })];

    private sealed class SideData(int runs)
    {
        public Dictionary<string, Accumulator> Functions { get; } = new(StringComparer.Ordinal);

        public List<double> Totals { get; } = [];

        public Accumulator Get(string name) =>
            Functions.TryGetValue(name, out var a) ? a : Functions[name] = new Accumulator(runs);

        public SideValues Values(string name, int runCount) => Functions.TryGetValue(name, out var a)
            ? new SideValues([.. a.Self], [.. a.Total], a.RawSelf, a.RawTotal)
            : SideValues.Absent(runCount);
    }

    private sealed class Accumulator(int runs)
    {
        public double[] Self { get; } = new double[runs];

        public double[] Total { get; } = new double[runs];

        public double RawSelf { get; set; }

        public double RawTotal { get; set; }
    }
}
