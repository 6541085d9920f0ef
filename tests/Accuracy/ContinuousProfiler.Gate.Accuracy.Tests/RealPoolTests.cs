using ContinuousProfiler.Gate.Accuracy.Real;
using ContinuousProfiler.Gate.Core.Policy;
using ContinuousProfiler.Gate.Core.Verdicts;
using ContinuousProfiler.Gate.Testing;
using Xunit;

namespace ContinuousProfiler.Gate.Accuracy.Tests;

/// <summary>
/// The gate on real .NET captures of the sample (tests/Accuracy/pool, 20 runs per variant; the small
/// version of tests/Accuracy/real-results.md). Draws are seeded, so these are deterministic guards: a
/// change to capture or statistics that costs accuracy on real data fails here.
/// </summary>
public sealed class RealPoolTests
{
    private const string Render = "Sample.Lib.Formatter.Render";
    private const string Mix = "Sample.Lib.Checksum.Mix";
    private static readonly Lazy<RunPool> Pool = new(() => RunPool.Load(Paths.InRepo("tests/Accuracy/pool")));

    [Fact]
    public void AnAllocationIncreaseIsCaughtWithNoOtherFunctionFailing()
    {
        // alloc12: Render (52% of bytes) allocates about 12% more of its own bytes: caught every time.
        var (caught, othersFail) = Run("alloc12", Render, "alloc_space", 5, 100);
        Assert.True(caught == 100, $"caught in {caught} of 100 five-run comparisons");
        Assert.True(othersFail == 0, $"other functions failed in {othersFail} of 100");
    }

    [Fact]
    public void ACpuSlowdownIsCaughtWithFiveRuns()
    {
        var (caught, othersFail) = Run("cpu50", Mix, "cpu", 5, 100);
        Assert.True(caught >= 90, $"caught in {caught} of 100 five-run comparisons");
        Assert.True(othersFail <= 3, $"other functions failed in {othersFail} of 100");
    }

    [Theory]
    [InlineData(1, 8)]
    [InlineData(3, 4)]
    [InlineData(5, 3)]
    public void SameCodeRarelyFails(int runs, int most)
    {
        var (_, fails) = Run("base", null, null, runs, 100);
        Assert.True(fails <= most, $"{fails} of 100 same-code comparisons with {runs} runs per side failed");
    }

    private static (int Caught, int OthersFail) Run(string head, string? target, string? sampleType, int runs, int trials)
    {
        var pool = Pool.Value;
        var resampling = new Resampling(new Random(11 + runs), GatePolicy.Default);
        int caught = 0, othersFail = 0;
        for (var t = 0; t < trials; t++)
        {
            var verdict = resampling.Compare(pool["base"], pool[head], runs);
            var regressions = verdict.Findings.Where(f => f.Kind is FindingKind.Regression or FindingKind.New).ToList();
            caught += regressions.Any(f => target is not null && f.Function.StartsWith(target, StringComparison.Ordinal) && f.SampleType == sampleType) ? 1 : 0;
            othersFail += regressions.Any(f => f.Level == FindingLevel.Fail && (target is null || !f.Function.StartsWith(target, StringComparison.Ordinal))) ? 1 : 0;
        }

        return (caught, othersFail);
    }
}
