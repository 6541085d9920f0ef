using ContinuousProfiler.Gate.Core.Comparison;
using ContinuousProfiler.Gate.Core.Model;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Sets;
using ContinuousProfiler.Gate.Core.Verdicts;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Core.Tests.Comparison;

/// <summary>
/// One function holding almost half the profile triples (the shape of the sample's injected regression,
/// tests/samples): the many functions that did not change must anchor the normalization, not the big one.
/// </summary>
public sealed class DominantChangeTests
{
    // Self samples of one run of Sample.Bench (profgate capture --repeat 3): the checksum holds 44%.
    private static readonly (string Name, int Samples)[] Shape =
    [
        ("checksum", 200), ("render", 61), ("sort", 43), ("lines", 35), ("parse", 13), ("compare", 13),
        ("next64", 12), ("nextu64", 12), ("memmove", 10), ("digits", 9), ("split", 9), ("format", 8),
        ("alloc", 7), ("copy", 7), ("hash", 6), ("pivot", 6),
    ];

    [Fact]
    public void ThreeRunsPerSide_OnlyTheTripledFunctionChanged()
    {
        var result = Comparer.Compare([Side(1, 0)], [Side(3, 1)]);
        var type = Assert.Single(Assert.Single(result.Scenarios).SampleTypes);
        Assert.Equal(["checksum"], type.Excluded.ToArray());
        var verdict = GateEvaluator.Evaluate(result, GatePolicy.Default);
        var failure = Assert.Single(verdict.Findings, f => f.Level == FindingLevel.Fail);
        Assert.Equal("checksum", failure.Function);
        Assert.Equal(FindingKind.Regression, failure.Kind);
        Assert.DoesNotContain(verdict.Findings, f => f.Kind == FindingKind.Improvement && f.Level != FindingLevel.Info);
    }

    [Fact]
    public void Swapped_TheSameFunctionImproved()
    {
        var result = Comparer.Compare([Side(3, 1)], [Side(1, 0)]);
        var type = Assert.Single(Assert.Single(result.Scenarios).SampleTypes);
        Assert.Equal(["checksum"], type.Excluded.ToArray());
    }

    // Three runs with a few percent of deterministic run-to-run wobble per function.
    private static ScenarioRuns Side(int factor, int seed)
    {
        var runs = new List<Profile>();
        for (var run = 0; run < 3; run++)
        {
            var lines = Shape.Select((f, i) =>
            {
                var wobble = 1 + (0.04 * (((i + run + seed) % 3) - 1));
                var samples = (int)Math.Round(f.Samples * wobble * (f.Name == "checksum" ? factor : 1));
                return $"main;pipeline;{f.Name} {samples}";
            });
            runs.Add(TestProfiles.FromFolded(string.Join('\n', lines)));
        }

        return new ScenarioRuns("bench", [.. runs], []);
    }
}
