using ContinuousProfiler.Gate.Core.Statistics;
using Xunit;

namespace ContinuousProfiler.Gate.Core.Tests.Statistics;

public sealed class ScreenedStepDownTests
{
    [Fact]
    public void FunctionsNoiseCanPushPastTheirThresholdShareTheLevelLikeBonferroni() =>
        Assert.Equal(0.0025, ScreenedStepDown.Level([0.5, 0.5, 0.5, 0.5], 0.01), 12);

    [Fact]
    public void FunctionsNoiseCannotPushPastTheirThresholdCostOnlyTheirScreen() =>
        Assert.Equal(0.01 - 2e-6, ScreenedStepDown.Level([1e-6, 1e-6, 0.5], 0.01), 12);

    [Fact]
    public void WhenThresholdsAloneKeepTheFamilyUnderAlphaTheLevelIsAlpha() =>
        Assert.Equal(0.01, ScreenedStepDown.Level([0.001, 0.002, 0.003], 0.01), 12);

    [Fact]
    public void StepsDownLikeHolm()
    {
        var levels = ScreenedStepDown.Reject([0.001, 0.004, 0.2], [1.0, 1.0, 1.0], [true, true, true], 0.01);
        Assert.Equal(0.01 / 3, levels[0], 12);
        Assert.Equal(0.005, levels[1], 12);
        Assert.True(double.IsNaN(levels[2]));
    }

    [Fact]
    public void IneligibleHypothesesCountButAreNeverRejected()
    {
        var levels = ScreenedStepDown.Reject([0.0001, 0.007], [1.0, 1.0], [false, true], 0.01);
        Assert.True(double.IsNaN(levels[0]));
        Assert.True(double.IsNaN(levels[1]));
    }
}
