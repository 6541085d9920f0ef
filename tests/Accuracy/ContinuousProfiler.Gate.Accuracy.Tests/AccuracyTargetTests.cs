using ContinuousProfiler.Gate.Core.Policy;
using Xunit;

namespace ContinuousProfiler.Gate.Accuracy.Tests;

/// <summary>
/// The gate as a detector, with default settings, on a seeded simulator (the small version of the
/// tables in the README; run tests/Accuracy/ContinuousProfiler.Gate.Accuracy for the full ones).
/// Seeds are fixed, so a change to the statistics that costs accuracy fails here.
/// </summary>
public sealed class AccuracyTargetTests
{
    private const int Seed = 7;
    private static readonly GatePolicy Policy = GatePolicy.Default;

    [Theory]
    [InlineData("console", 20_000, 5)]
    [InlineData("console", 4_000, 1)]
    [InlineData("testhost", 20_000, 5)]
    public void FalseAlarmsStayUnderOnePercentUpperBound(string noise, double samples, int runs)
    {
        var result = Experiments.AA(new Setting(Noise(noise), samples, runs), 1000, Seed, Policy);
        Assert.True(result.Fail.Upper <= 0.01, $"fail-level false alarms {result.Fail.WithUpper} over 1000 A/A comparisons");
    }

    [Fact]
    public void CatchesATenPercentSlowdownOfAFivePercentFunction()
    {
        var result = Experiments.Power(new Setting(NoiseLevel.Console, 20_000, 5), 0.05, 0.10, 500, Seed, Policy);
        Assert.True(result.Caught.Value >= 0.95, $"caught {result.Caught.WithLower} of 500");
        Assert.True(result.OthersFail.Value <= 0.01, $"other functions failed in {result.OthersFail.Percent}");
    }

    [Theory]
    [InlineData(0.20, -0.20)]
    [InlineData(0.20, -0.50)]
    [InlineData(0.50, -0.20)]
    [InlineData(0.50, -0.50)]
    public void SpeedupsDoNotFailOtherFunctions(double share, double change)
    {
        var result = Experiments.Speedup(new Setting(NoiseLevel.Console, 20_000, 5), share, change, 300, Seed, Policy);
        Assert.True(result.OthersFail.Upper <= 0.02, $"other functions failed in {result.OthersFail.WithUpper} of 300 (A/A level: ≤ 1%)");
        Assert.True(result.TargetImproved.Value >= 0.95, $"the speed-up itself was found in {result.TargetImproved.Percent}");
    }

    private static NoiseLevel Noise(string name) => name == "console" ? NoiseLevel.Console : NoiseLevel.Testhost;
}
